using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;

namespace RentalRules.Explanations;

/// <summary>
/// Writes results as JSON with the camelCase keys of the public contract (DESIGN §5.3). The CLI and the snapshot
/// tests use this one writer. Thread-safe (stateless).
/// </summary>
public static class ResultJson
{
    /// <summary>A placement as a JSON object, the same as <see cref="WritePlacement"/> writes.</summary>
    /// <param name="placement">The placement.</param>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(PlacementResult placement, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return Write(w => WritePlacement(w, placement), indented);
    }

    /// <summary>An eligibility result as a JSON object, the same as <see cref="WriteEligibility"/> writes.</summary>
    /// <param name="eligibility">The result.</param>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(EligibilityResult eligibility, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(eligibility);
        return Write(w => WriteEligibility(w, eligibility), indented);
    }

    /// <summary>A routing decision as a JSON object, the same as <see cref="WriteDecision"/> writes.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(RoutingDecision decision, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Write(w => WriteDecision(w, decision), indented);
    }

    /// <summary>Writes a placement as an object.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="p">The placement.</param>
    public static void WritePlacement(Utf8JsonWriter w, PlacementResult p)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(p);
        w.WriteStartObject();
        w.WriteString("department", p.DepartmentId);
        w.WriteString("outcome", Name(p.Outcome));
        w.WriteString("tier", p.Tier);
        if (p.TierLabel is { } label)
        {
            w.WritePropertyName("tierLabel");
            WriteText(w, label);
        }

        w.WriteString("municipalShare", p.MunicipalShare?.ToString());
        if (p.FlexibleLetting is { } f)
        {
            w.WriteStartObject("flexibleLetting");
            w.WriteString("rule", f.Rule);
            w.WriteString("maxShare", f.MaxShare?.ToString());
            w.WriteString("share", f.Share?.ToString());
            w.WriteString("clause", f.Clause);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("flexibleLetting");
        }

        w.WriteString("criteriaSet", p.CriteriaSet);
        if (p.SpecialCriteria is { } s)
        {
            w.WriteStartObject("specialCriteria");
            w.WriteString("share", s.Share.ToString());
            w.WriteString("criteriaSet", s.CriteriaSet);
            w.WriteString("clause", s.Clause);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("specialCriteria");
        }

        w.WriteStartObject("routes");
        foreach (var (route, summary) in p.Routes.OrderBy(r => r.Key))
        {
            w.WriteStartObject(RouteName(route));
            w.WriteBoolean("open", summary.Open);
            WriteStrings(w, Names.CriteriaSets, summary.CriteriaSets);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        WriteExplanation(w, p.Explanation);
        WriteStrings(w, Names.Missing, p.Missing);
        WriteTexts(w, Names.Warnings, p.Warnings);
        w.WriteEndObject();
    }

    /// <summary>Writes an eligibility result as an object.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="e">The result.</param>
    public static void WriteEligibility(Utf8JsonWriter w, EligibilityResult e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteString(Names.Household, e.HouseholdId);
        w.WriteString(Names.Department, e.DepartmentId);
        w.WriteString(Names.Route, RouteName(e.Route));
        w.WriteString(Names.Outcome, Name(e.Outcome));
        w.WriteString(Names.Tier, e.Placement.Tier);
        w.WriteStartArray(Names.Criteria);
        foreach (var c in e.Criteria)
        {
            WriteCriterion(w, c);
        }

        w.WriteEndArray();
        WriteStrings(w, Names.Missing, e.Missing);
        w.WriteStartArray(Names.Documents);
        foreach (var d in e.Documents)
        {
            WriteText(w, d);
        }

        w.WriteEndArray();
        WriteExplanation(w, e.Explanation);
        WriteTexts(w, Names.Warnings, e.Placement.Warnings);
        if (e.Routes.Count > 0)
        {
            w.WriteStartArray(Names.Routes);
            foreach (var r in e.Routes)
            {
                w.WriteStartObject();
                w.WriteString(Names.Route, RouteName(r.Route));
                w.WriteString(Names.Outcome, Name(r.Outcome));
                w.WriteBoolean(Names.Closed, r.Closed);
                WriteStrings(w, Names.Missing, r.Missing);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Writes a diagnostic as an object (<c>severity</c>, <c>code</c>, <c>message</c>, <c>file</c>, <c>path</c>,
    /// <c>line</c>, <c>column</c>, <c>hint</c>): the form <c>validate --json</c> and <c>test --json</c> give.
    /// </summary>
    /// <param name="w">The writer.</param>
    /// <param name="d">The diagnostic.</param>
    public static void WriteDiagnostic(Utf8JsonWriter w, Diagnostic d)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(d);
        w.WriteStartObject();
        w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        w.WriteString("code", d.Code);
        w.WriteString("message", d.Message);
        w.WriteString("file", d.Location.File);
        w.WriteString("path", d.Location.JsonPath);
        w.WriteNumber("line", d.Location.Line);
        w.WriteNumber("column", d.Location.Column);
        w.WriteString("hint", d.Hint);
        w.WriteEndObject();
    }

    /// <summary>Writes a routing decision as an object (<c>vacancy</c>, <c>route</c>, <c>specialCriteria</c>, …).</summary>
    /// <param name="w">The writer.</param>
    /// <param name="d">The decision.</param>
    public static void WriteDecision(Utf8JsonWriter w, RoutingDecision d)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(d);
        w.WriteStartObject();
        w.WriteString("vacancy", d.VacancyId);
        w.WriteString("department", d.DepartmentId);
        w.WriteString("route", Name(d.Route));
        w.WriteBoolean("specialCriteria", d.SpecialCriteria);
        w.WriteString("criteriaSet", d.CriteriaSet);
        w.WriteString("tier", d.Tier);
        w.WriteString("counter", d.Counter);
        if (d.Count is { } k)
        {
            w.WriteNumber("count", k);
        }
        else
        {
            w.WriteNull("count");
        }

        w.WriteString("municipalShare", d.MunicipalShare?.ToString());
        WriteStrings(w, Names.Marks, d.Marks);
        WriteExplanation(w, d.Explanation);
        WriteStrings(w, Names.Missing, d.Missing);
        w.WriteEndObject();
    }

    /// <summary>The contract name of a vacancy route: <c>municipal</c>, <c>flexible</c>, <c>waitingList</c>, <c>closed</c>, <c>outOfScope</c>, <c>undetermined</c>.</summary>
    /// <param name="route">The route.</param>
    /// <returns>The name.</returns>
    public static string Name(VacancyRoute route) => RouteNames.Name(route);

    private static string Write(Action<Utf8JsonWriter> write, bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteCriterion(Utf8JsonWriter w, CriterionResult c)
    {
        w.WriteStartObject();
        w.WriteString(Names.Id, c.Id);
        w.WriteString(Names.Clause, c.Clause);
        w.WriteString(Names.Source, c.Source);
        w.WriteString(Names.Outcome, Name(c.Outcome));
        w.WritePropertyName(Names.Title);
        WriteText(w, c.Title);
        w.WriteStartArray(Names.Members);
        foreach (var m in c.Members)
        {
            w.WriteStartObject();
            w.WriteString(Names.Member, m.MemberId);
            if (m.Age is { } age)
            {
                w.WriteNumber(Names.Age, age);
            }

            if (m.BirthDate is { } born)
            {
                w.WriteString(Names.BirthDate, born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            w.WriteString(Names.Outcome, Name(m.Outcome));
            WriteStrings(w, Names.Missing, m.Missing);
            if (m.Detail is { } detail)
            {
                w.WritePropertyName(Names.Detail);
                WriteOwnText(w, detail);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteStrings(w, Names.Missing, c.Missing);
        if (c.Detail is { } why)
        {
            w.WritePropertyName(Names.Detail);
            WriteOwnText(w, why);
        }

        if (c.Assumptions.Count > 0)
        {
            w.WriteStartArray(Names.Assumptions);
            foreach (var a in c.Assumptions)
            {
                w.WriteStartObject();
                if (a.Parameter is { } parameter)
                {
                    w.WriteString(Names.Parameter, parameter);
                }

                if (a.Value is { } v)
                {
                    w.WriteNumber(Names.Value, v);
                }
                else
                {
                    w.WriteNull(Names.Value);
                }

                w.WritePropertyName(Names.Reason);
                WriteText(w, a.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray(Names.Documents);
        foreach (var d in c.Documents)
        {
            WriteText(w, d);
        }

        w.WriteEndArray();
        if (c.Children.Count > 0)
        {
            w.WriteStartArray(Names.Criteria);
            foreach (var child in c.Children)
            {
                WriteCriterion(w, child);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteExplanation(Utf8JsonWriter w, IReadOnlyList<Explanation> explanation)
    {
        w.WriteStartArray("explanation");
        foreach (var x in explanation)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", x.RuleId);
            w.WriteString("clause", x.Clause);
            w.WriteString("source", x.Source);
            w.WritePropertyName("reason");
            WriteText(w, x.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteText(Utf8JsonWriter w, LocalizedText text)
    {
        if (EncodedTexts.Fits(w))
        {
            EncodedTexts.Write(w, text);
            return;
        }

        WriteOwnText(w, text);
    }

    /// <summary>
    /// Writes a text made for this one result (a member's values against the thresholds): never through the cache of
    /// encoded texts, which would keep an entry, and a GC handle, per result for a text no other result has.
    /// </summary>
    private static void WriteOwnText(Utf8JsonWriter w, LocalizedText text)
    {
        w.WriteStartObject();
        w.WriteString("da", text.Da);
        w.WriteString("en", text.En);
        w.WriteEndObject();
    }

    /// <summary>Texts as an array of <c>{ "da", "en" }</c> objects, as every other text of a result.</summary>
    private static void WriteTexts(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<LocalizedText> items)
    {
        w.WriteStartArray(name);
        foreach (var text in items)
        {
            WriteOwnText(w, text);
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, JsonEncodedText name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var i in items)
        {
            w.WriteStringValue(i);
        }

        w.WriteEndArray();
    }

    /// <summary>The contract name of an outcome: <c>eligible</c>, <c>ineligible</c>, <c>undetermined</c>.</summary>
    /// <param name="o">The outcome.</param>
    /// <returns>The name.</returns>
    public static string Name(Outcome o) => o switch
    {
        Outcome.Eligible => "eligible",
        Outcome.Ineligible => "ineligible",
        _ => "undetermined",
    };

    /// <summary>The contract name of a placement outcome: <c>placed</c>, <c>undetermined</c>, <c>unplaced</c>.</summary>
    /// <param name="o">The outcome.</param>
    /// <returns>The name.</returns>
    public static string Name(PlacementOutcome o) => o switch
    {
        PlacementOutcome.Placed => "placed",
        PlacementOutcome.Undetermined => "undetermined",
        _ => "unplaced",
    };

    /// <summary>The contract name of a route: <c>municipal</c>, <c>flexible</c>, <c>waitingList</c>.</summary>
    /// <param name="route">The route.</param>
    /// <returns>The name.</returns>
    public static string RouteName(LettingRoute route) => RouteNames.Name(route);

    /// <summary>
    /// The property names of an eligibility result, and the array-valued ones of placements and decisions, encoded once:
    /// a run of a million results would otherwise transcode and check for escaping each of its hundred-odd names per
    /// result. The names are plain ASCII, so every encoder writes them the same.
    /// </summary>
    private static class Names
    {
        public static readonly JsonEncodedText Age = JsonEncodedText.Encode("age");
        public static readonly JsonEncodedText Assumptions = JsonEncodedText.Encode("assumptions");
        public static readonly JsonEncodedText BirthDate = JsonEncodedText.Encode("birthDate");
        public static readonly JsonEncodedText Clause = JsonEncodedText.Encode("clause");
        public static readonly JsonEncodedText Closed = JsonEncodedText.Encode("closed");
        public static readonly JsonEncodedText Criteria = JsonEncodedText.Encode("criteria");
        public static readonly JsonEncodedText CriteriaSets = JsonEncodedText.Encode("criteriaSets");
        public static readonly JsonEncodedText Department = JsonEncodedText.Encode("department");
        public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
        public static readonly JsonEncodedText Documents = JsonEncodedText.Encode("documents");
        public static readonly JsonEncodedText Household = JsonEncodedText.Encode("household");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Marks = JsonEncodedText.Encode("marks");
        public static readonly JsonEncodedText Member = JsonEncodedText.Encode("member");
        public static readonly JsonEncodedText Members = JsonEncodedText.Encode("members");
        public static readonly JsonEncodedText Missing = JsonEncodedText.Encode("missing");
        public static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
        public static readonly JsonEncodedText Parameter = JsonEncodedText.Encode("parameter");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Route = JsonEncodedText.Encode("route");
        public static readonly JsonEncodedText Routes = JsonEncodedText.Encode("routes");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Tier = JsonEncodedText.Encode("tier");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");
    }
}
