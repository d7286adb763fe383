using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Json;

namespace RentalRules.Evaluation;

/// <summary>
/// A journal entry as one line of compact JSON with a SHA-256 checksum over the rest of the line, so that an entry
/// changed outside RentalRules (in a file or a database row) is refused wherever it is kept.
/// </summary>
internal static class JournalEntryJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Properties =
    [
        "vacancy", "revision", "department", "organisation", "stairwell", "category", "route", "specialCriteria", "criteriaSet",
        "lettingType", "rule", "clause", "clauseSource", "legalBasis", "tier", "counter", "count", "municipalShare",
        "municipalInCounter", "marks", "explanation", "pack", "packVersion", "evaluatedOn", "recordedAt", "rerouteReason",
        "checksum",
    ];

    public static string Write(JournalEntry e)
    {
        var body = Body(e);
        return body[..^1] + ",\"checksum\":\"" + Checksum(body) + "\"}";
    }

    public static LoadResult<JournalEntry> Read(string json, string where)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (root, error) = JsonText.Parse(json, where);
        if (root is null)
        {
            return new LoadResult<JournalEntry>(null, [error!]);
        }

        var diagnostics = new List<Diagnostic>();
        var entry = Read(root, new NodeReader(diagnostics, facts: false));
        return new LoadResult<JournalEntry>(diagnostics.Count == 0 ? entry : null, diagnostics);
    }

    /// <summary>Reads an entry node; its errors go to the reader's diagnostics.</summary>
    public static JournalEntry? Read(JNode root, NodeReader r)
    {
        var errorsBefore = r.Diagnostics.Count;
        if (!r.ExpectObject(root, "A journal entry"))
        {
            return null;
        }

        r.CheckProperties(root, "A journal entry", Properties);
        const string What = "A journal entry";
        var vacancy = r.String(r.Required(root, "vacancy", What), nonEmpty: true);
        var revision = r.Integer(r.Required(root, "revision", What), 1);
        var department = r.String(r.Required(root, "department", What), nonEmpty: true);
        var routeText = r.String(r.Required(root, "route", What));
        var route = routeText is null ? (VacancyRoute?)null : RouteOf(routeText);
        if (routeText is not null && route is null)
        {
            r.Report(Descriptors.EntryRoute, root["route"]!.Location, routeText);
        }

        Fraction? share = null;
        if (r.String(root["municipalShare"]) is { } shareText)
        {
            if (Fraction.TryParse(shareText, out var f))
            {
                share = f;
            }
            else
            {
                r.Report(Descriptors.EntryShare, root["municipalShare"]!.Location);
            }
        }

        var explanation = r.Array(root["explanation"], n =>
        {
            if (!r.ExpectObject(n, "An explanation"))
            {
                return null;
            }

            r.CheckProperties(n, "An explanation", ["rule", "clause", "source", "da", "en"]);
            var rule = r.String(r.Required(n, "rule", "An explanation"));
            var clause = r.String(r.Required(n, "clause", "An explanation"));
            var source = r.String(r.Required(n, "source", "An explanation"));
            var da = r.String(r.Required(n, "da", "An explanation"));
            var en = r.String(r.Required(n, "en", "An explanation"));
            return rule is null || clause is null || source is null || da is null || en is null ? null : new Explanation(rule, clause, source, new LocalizedText(da, en));
        }) ?? [];
        var marks = r.Array(root["marks"], n => r.String(n, nonEmpty: true)) ?? [];
        var evaluatedOn = r.Date(r.Required(root, "evaluatedOn", What));
        var recordedText = r.String(r.Required(root, "recordedAt", What));
        DateTimeOffset recordedAt = default;
        if (recordedText is not null && !DateTimeOffset.TryParseExact(recordedText, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out recordedAt))
        {
            r.Report(Descriptors.EntryRecordedAt, root["recordedAt"]!.Location);
        }

        var checksum = r.String(r.Required(root, "checksum", What));
        if (r.Diagnostics.Count > errorsBefore || vacancy is null || revision is null || department is null || route is null || evaluatedOn is null)
        {
            return null;
        }

        var entry = new JournalEntry
        {
            VacancyId = vacancy,
            Revision = revision.Value,
            DepartmentId = department,
            Organisation = r.String(root["organisation"]),
            Stairwell = r.String(root["stairwell"]),
            Category = r.String(root["category"]),
            Route = route.Value,
            SpecialCriteria = r.Bool(root["specialCriteria"]) ?? false,
            CriteriaSet = r.String(root["criteriaSet"]),
            LettingType = r.String(root["lettingType"]) ?? "none",
            RuleId = r.String(root["rule"]),
            Clause = r.String(root["clause"]) ?? "",
            ClauseSource = r.String(root["clauseSource"]) ?? "",
            LegalBasis = r.String(root["legalBasis"]),
            Tier = r.String(root["tier"]),
            Counter = r.String(root["counter"]),
            Count = r.Number(root["count"], 1, long.MaxValue) is { } k ? (long)k : null,
            MunicipalShare = share,
            MunicipalInCounter = r.Number(root["municipalInCounter"], 0, long.MaxValue) is { } m ? (long)m : null,
            Marks = marks,
            Explanation = explanation,
            PackId = r.String(r.Required(root, "pack", What), nonEmpty: true) ?? "",
            PackVersion = r.String(r.Required(root, "packVersion", What)) ?? "",
            EvaluatedOn = evaluatedOn.Value,
            RecordedAt = recordedAt,
            RerouteReason = r.String(root["rerouteReason"]),
        };
        if (r.Diagnostics.Count == errorsBefore && checksum != Checksum(Body(entry)))
        {
            r.Report(Descriptors.EntryChecksum, root.Location, vacancy);
        }

        return r.Diagnostics.Count == errorsBefore ? entry : null;
    }

    /// <summary>The route names a journal writes (the same as the routing output's).</summary>
    internal static string RouteName(VacancyRoute route) => RouteNames.Name(route);

    /// <summary>A recorded route: every vacancy route but <c>undetermined</c> (an undetermined routing is never recorded).</summary>
    private static VacancyRoute? RouteOf(string name) => RouteNames.ParseVacancy(name) is { } r && r != VacancyRoute.Undetermined ? r : null;

    internal static string Checksum(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The entry's JSON without its checksum; the checksum is taken over exactly this text.</summary>
    private static string Body(JournalEntry e)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("vacancy", e.VacancyId);
            w.WriteNumber("revision", e.Revision);
            w.WriteString("department", e.DepartmentId);
            Optional(w, "organisation", e.Organisation);
            Optional(w, "stairwell", e.Stairwell);
            Optional(w, "category", e.Category);
            w.WriteString("route", RouteName(e.Route));
            w.WriteBoolean("specialCriteria", e.SpecialCriteria);
            Optional(w, "criteriaSet", e.CriteriaSet);
            w.WriteString("lettingType", e.LettingType);
            Optional(w, "rule", e.RuleId);
            w.WriteString("clause", e.Clause);
            w.WriteString("clauseSource", e.ClauseSource);
            Optional(w, "legalBasis", e.LegalBasis);
            Optional(w, "tier", e.Tier);
            Optional(w, "counter", e.Counter);
            if (e.Count is { } k)
            {
                w.WriteNumber("count", k);
            }

            Optional(w, "municipalShare", e.MunicipalShare?.ToString());
            if (e.MunicipalInCounter is { } m)
            {
                w.WriteNumber("municipalInCounter", m);
            }

            if (e.Marks.Count > 0)
            {
                w.WriteStartArray("marks");
                foreach (var mark in e.Marks)
                {
                    w.WriteStringValue(mark);
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("explanation");
            foreach (var x in e.Explanation)
            {
                w.WriteStartObject();
                w.WriteString("rule", x.RuleId);
                w.WriteString("clause", x.Clause);
                w.WriteString("source", x.Source);
                w.WriteString("da", x.Reason.Da);
                w.WriteString("en", x.Reason.En);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("pack", e.PackId);
            w.WriteString("packVersion", e.PackVersion);
            w.WriteString("evaluatedOn", e.EvaluatedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("recordedAt", e.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
            Optional(w, "rerouteReason", e.RerouteReason);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
