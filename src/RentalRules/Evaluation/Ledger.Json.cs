using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Json;

namespace RentalRules.Evaluation;

/// <content>The ledger's JSON form: writing it with its checksum, and reading it back with located errors.</content>
public sealed partial class Ledger
{
    /// <summary>Writes the ledger as indented JSON with its checksum.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteStartObject("pack");
            w.WriteString("id", PackId);
            w.WriteString("version", PackVersion);
            w.WriteEndObject();
            w.WriteNumber("changeCounter", ChangeCounter);
            w.WriteStartArray("counters");
            foreach (var c in _counters.Values)
            {
                w.WriteStartObject();
                w.WriteString("department", c.Department);
                w.WriteString("counter", c.Counter);
                w.WriteString("tier", c.Tier);
                w.WriteNumber("counted", c.Counted);
                w.WriteNumber("municipal", c.Municipal);
                w.WriteNumber("flexible", c.Flexible);
                if (c.Due is { } due)
                {
                    w.WriteString("due", due.ToString());
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (!_allocations.IsEmpty)
            {
                w.WriteStartArray("allocations");
                foreach (var ((department, stairwell), dates) in _allocations)
                {
                    w.WriteStartObject();
                    w.WriteString("department", department);
                    if (stairwell.Length == 0)
                    {
                        w.WriteNull("stairwell");
                    }
                    else
                    {
                        w.WriteString("stairwell", stairwell);
                    }

                    w.WriteStartArray("dates");
                    foreach (var d in dates)
                    {
                        w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteString("checksum", Checksum(FormatVersion, PackId, PackVersion, ChangeCounter, _counters.Values, _allocations));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Reads a ledger, refusing one that is malformed, inconsistent (e.g. more municipal allocations than vacancies),
    /// fails its checksum, or was kept under another pack than <paramref name="expectedPackId"/>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="expectedPackId">The id of the pack the ledger will be used with, or <c>null</c> to accept any.</param>
    /// <returns>The ledger, or the diagnostics that refuse it.</returns>
    public static LoadResult<Ledger> Parse(string json, string file, string? expectedPackId = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (root, error) = JsonText.Parse(json, file);
        if (root is null)
        {
            return new LoadResult<Ledger>(null, [error!]);
        }

        var diagnostics = new List<Diagnostic>();
        var r = new NodeReader(diagnostics, facts: false);
        if (!r.ExpectObject(root, "A ledger"))
        {
            return new LoadResult<Ledger>(null, diagnostics);
        }

        r.CheckProperties(root, "A ledger", ["format", "formatVersion", "pack", "changeCounter", "counters", "allocations", "checksum"]);
        var format = r.String(r.Required(root, "format", "A ledger"));
        if (format is not null && format != FormatName)
        {
            r.Report(Descriptors.NotALedger, root["format"]!.Location, FormatName);
            return new LoadResult<Ledger>(null, diagnostics);
        }

        var version = r.Integer(r.Required(root, "formatVersion", "A ledger"));
        if (version is not null && version is not (1 or FormatVersion))
        {
            r.Report(Descriptors.LedgerVersion, root["formatVersion"]!.Location, version, FormatVersion);
        }

        string? packId = null;
        string? packVersion = null;
        if (r.Required(root, "pack", "A ledger") is { } packNode && r.ExpectObject(packNode, "pack"))
        {
            r.CheckProperties(packNode, "pack", ["id", "version"]);
            packId = r.String(r.Required(packNode, "id", "pack"), nonEmpty: true);
            packVersion = r.String(r.Required(packNode, "version", "pack"));
            if (packId is not null && expectedPackId is not null && packId != expectedPackId)
            {
                r.Report(Descriptors.LedgerForeign, packNode["id"]!.Location, packId, expectedPackId);
            }
        }

        decimal? Count(JNode? node)
        {
            var value = r.Number(node, 0m, MaxCount);
            if (value is not null && value != decimal.Truncate(value.Value))
            {
                r.Report(Descriptors.LedgerCountNotWhole, node!.Location);
                return null;
            }

            return value;
        }

        var changeCounter = Count(r.Required(root, "changeCounter", "A ledger"));
        var counters = ImmutableSortedDictionary.CreateBuilder<(string, string), LedgerCounter>(KeyComparer.Instance);
        var items = r.Array(r.Required(root, "counters", "A ledger"), n =>
        {
            if (!r.ExpectObject(n, "A counter"))
            {
                return null;
            }

            r.CheckProperties(n, "A counter", version == 1 ? ["department", "counter", "tier", "counted", "municipal", "flexible"] : ["department", "counter", "tier", "counted", "municipal", "flexible", "due"]);
            var department = r.String(r.Required(n, "department", "A counter"), nonEmpty: true);
            var counter = r.String(r.Required(n, "counter", "A counter"), nonEmpty: true);
            var tier = r.String(r.Required(n, "tier", "A counter"), nonEmpty: true);
            var counted = Count(r.Required(n, "counted", "A counter"));
            var municipal = Count(r.Required(n, "municipal", "A counter"));
            var flexible = Count(r.Required(n, "flexible", "A counter"));
            if (department is null || counter is null || tier is null || counted is null || municipal is null || flexible is null)
            {
                return null;
            }

            if (municipal > counted || flexible > counted - municipal)
            {
                r.Report(Descriptors.LedgerCounterInconsistent, n.Location);
                return null;
            }

            Fraction? due = null;
            if (n["due"] is { IsNull: false } dueNode)
            {
                var text = r.String(dueNode);
                if (text is null)
                {
                    return null;
                }

                if (!Fraction.TryParse(text, out var parsed) || parsed.CompareTo(new Fraction((long)counted, 1)) > 0)
                {
                    r.Report(Descriptors.LedgerDueInvalid, dueNode.Location);
                    return null;
                }

                due = parsed;
            }

            var item = new LedgerCounter(department, counter, tier, (long)counted, (long)municipal, (long)flexible) { Due = due };
            if (!counters.TryAdd((department, counter), item))
            {
                r.Report(Descriptors.LedgerDuplicateCounter, n.Location);
            }

            return item;
        });

        var allocations = ImmutableSortedDictionary.CreateBuilder<(string, string), ImmutableArray<DateOnly>>(KeyComparer.Instance);
        r.Array(root["allocations"], n =>
        {
            if (!r.ExpectObject(n, "An allocation history"))
            {
                return null;
            }

            r.CheckProperties(n, "An allocation history", ["department", "stairwell", "dates"]);
            var department = r.String(r.Required(n, "department", "An allocation history"), nonEmpty: true);
            var stairwell = r.String(n["stairwell"]) ?? "";
            var dates = r.Array(r.Required(n, "dates", "An allocation history"), d => r.Date(d) is { } date ? new Boxed(date) : null);
            if (department is not null && dates is not null && !allocations.TryAdd((department, stairwell), dates.Select(b => b.Date).Order().ToImmutableArray()))
            {
                r.Report(Descriptors.LedgerDuplicateStairwell, n.Location);
            }

            return department;
        });

        var checksum = r.String(r.Required(root, "checksum", "A ledger"));
        if (diagnostics.Count == 0 && items is not null && packId is not null && changeCounter is not null
            && checksum != Checksum((int)(version ?? FormatVersion), packId, packVersion ?? "", (long)changeCounter, counters.Values, allocations.ToImmutable()))
        {
            r.Report(Descriptors.LedgerChecksum, root["checksum"]!.Location);
        }

        var ledger = diagnostics.Count == 0 ? new Ledger(packId!, packVersion ?? "", (long)changeCounter!, counters.ToImmutable(), allocations.ToImmutable()) : null;
        return new LoadResult<Ledger>(ledger, diagnostics);
    }

    private static string Checksum(int formatVersion, string packId, string packVersion, long changeCounter, IEnumerable<LedgerCounter> counters, ImmutableSortedDictionary<(string, string), ImmutableArray<DateOnly>> allocations)
    {
        var sb = new StringBuilder();
        sb.Append(FormatName).Append('\u001f').Append(formatVersion.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(packId).Append('\u001f').Append(packVersion).Append('\n').Append(changeCounter.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var c in counters)
        {
            sb.Append(c.Department).Append('\u001f').Append(c.Counter).Append('\u001f').Append(c.Tier).Append('\u001f')
                .Append(c.Counted.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(c.Municipal.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(c.Flexible.ToString(CultureInfo.InvariantCulture));
            if (c.Due is { } due)
            {
                sb.Append('\u001f').Append(due.ToString());
            }

            sb.Append('\n');
        }

        foreach (var ((department, stairwell), dates) in allocations)
        {
            sb.Append("allocations\u001f").Append(department).Append('\u001f').Append(stairwell).Append('\u001f')
                .Append(string.Join(",", dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))).Append('\n');
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private sealed record Boxed(DateOnly Date);
}
