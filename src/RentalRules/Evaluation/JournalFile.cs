using System.Text;
using RentalRules.Diagnostics;
using RentalRules.Json;

namespace RentalRules.Evaluation;

/// <summary>
/// A decision journal as one JSON file: the pack and municipality it is kept under, the quota ledger, and every entry
/// (re-routings included) in the order recorded, with a checksum over the ledger's and the entries' own checksums, so
/// that an edited, removed or reordered entry is refused. The CLI's <c>route --journal</c> and <c>report --journal</c>
/// read and write it. Immutable.
/// Safe to share across threads.
/// </summary>
public sealed class JournalFile
{
    /// <summary>The value of the <c>format</c> property.</summary>
    public const string FormatName = "rentalrules-journal";

    /// <summary>The version of the journal format this library writes and reads.</summary>
    public const int FormatVersion = 1;

    private JournalFile(string packId, string? municipality, Ledger ledger, IReadOnlyList<JournalEntry> entries)
    {
        PackId = packId;
        Municipality = municipality;
        Ledger = ledger;
        Entries = entries;
    }

    /// <summary>The id of the pack the journal is kept under.</summary>
    public string PackId { get; }

    /// <summary>The municipality the journal is kept for, or <c>null</c> for a national pack.</summary>
    public string? Municipality { get; }

    /// <summary>The quota counters, kept with the entries.</summary>
    public Ledger Ledger { get; }

    /// <summary>Every entry, in the order recorded.</summary>
    public IReadOnlyList<JournalEntry> Entries { get; }

    /// <summary>A journal file with the given content.</summary>
    /// <param name="packId">The pack id.</param>
    /// <param name="municipality">The municipality, or <c>null</c>.</param>
    /// <param name="ledger">The ledger (kept under <paramref name="packId"/>).</param>
    /// <param name="entries">The entries, in the order recorded.</param>
    /// <returns>The journal.</returns>
    /// <exception cref="ArgumentException">The ledger or an entry belongs to another pack.</exception>
    public static JournalFile Create(string packId, string? municipality, Ledger ledger, IReadOnlyList<JournalEntry> entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packId);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(entries);
        if (ledger.PackId != packId || entries.Any(e => e.PackId != packId))
        {
            throw new ArgumentException($"The ledger and every entry of the journal must be kept under the pack '{packId}'.", nameof(entries));
        }

        return new JournalFile(packId, municipality, ledger, entries);
    }

    /// <summary>Writes the journal: one entry a line, with its checksum.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var sb = new StringBuilder();
        var text = new StringBuilder();
        sb.Append("{\n  \"format\": \"").Append(FormatName).Append("\",\n  \"formatVersion\": ").Append(FormatVersion).Append(",\n");
        sb.Append("  \"pack\": {\"id\": ").Append(Quote(PackId)).Append(", \"municipality\": ").Append(Municipality is null ? "null" : Quote(Municipality)).Append("},\n");
        sb.Append("  \"ledger\": ").Append(Ledger.ToJson().TrimEnd().Replace("\n", "\n  ", StringComparison.Ordinal)).Append(",\n");
        sb.Append("  \"entries\": [");
        var lines = new List<string>(Entries.Count);
        for (var i = 0; i < Entries.Count; i++)
        {
            lines.Add(Entries[i].ToJson());
        }

        sb.Append(lines.Count == 0 ? "" : "\n    " + string.Join(",\n    ", lines) + "\n  ").Append("],\n");
        sb.Append("  \"checksum\": \"").Append(Checksum(PackId, Municipality, Ledger, lines.Select(EntryChecksum))).Append("\"\n}\n");
        return sb.ToString();
    }

    /// <summary>
    /// Reads a journal file, refusing one that is malformed, was kept under another pack or municipality, has a newer
    /// format version, or fails a checksum (hand-edited, truncated, entries removed or reordered). Never resets anything.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="expectedPackId">The pack the journal is used with.</param>
    /// <param name="expectedMunicipality">The municipality it is used for, or <c>null</c> for a national pack.</param>
    /// <returns>The journal, or the diagnostics that refuse it.</returns>
    public static LoadResult<JournalFile> Parse(string json, string file, string expectedPackId, string? expectedMunicipality)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (root, error) = JsonText.Parse(json, file);
        if (root is null)
        {
            return new LoadResult<JournalFile>(null, [error!]);
        }

        var diagnostics = new List<Diagnostic>();
        var r = new NodeReader(diagnostics, facts: false);
        const string What = "A journal";
        if (!r.ExpectObject(root, What))
        {
            return new LoadResult<JournalFile>(null, diagnostics);
        }

        var format = r.String(r.Required(root, "format", What));
        if (format is not null && format != FormatName)
        {
            r.Report(Descriptors.NotAJournal, root["format"]!.Location, FormatName);
            return new LoadResult<JournalFile>(null, diagnostics);
        }

        var version = r.Integer(r.Required(root, "formatVersion", What));
        if (version is not null && version > FormatVersion)
        {
            r.Report(Descriptors.JournalNewer, root["formatVersion"]!.Location, version, FormatVersion);
            return new LoadResult<JournalFile>(null, diagnostics);
        }

        if (version is not null && version != FormatVersion)
        {
            r.Report(Descriptors.JournalUnknownVersion, root["formatVersion"]!.Location, version);
        }

        r.CheckProperties(root, What, ["format", "formatVersion", "pack", "ledger", "entries", "checksum"]);
        string? packId = null;
        string? municipality = null;
        if (r.Required(root, "pack", What) is { } packNode && r.ExpectObject(packNode, "pack"))
        {
            r.CheckProperties(packNode, "pack", ["id", "municipality"]);
            packId = r.String(r.Required(packNode, "id", "pack"), nonEmpty: true);
            municipality = r.String(packNode["municipality"]);
            if (packId is not null && packId != expectedPackId)
            {
                r.Report(Descriptors.JournalOfOtherPack, packNode["id"]!.Location, packId, expectedPackId);
            }
            else if (!string.Equals(municipality ?? "", expectedMunicipality ?? "", StringComparison.Ordinal))
            {
                r.Report(Descriptors.JournalOfOtherMunicipality, (packNode["municipality"] ?? packNode).Location, municipality ?? "(none)", expectedMunicipality ?? "(none)");
            }
        }

        if (diagnostics.Count > 0)
        {
            return new LoadResult<JournalFile>(null, diagnostics);
        }

        Ledger? ledger = null;
        if (r.Required(root, "ledger", What) is { } ledgerNode)
        {
            var parsed = Ledger.Parse(JNodeWriter.Write(ledgerNode), file, expectedPackId);
            if (parsed.Value is null)
            {
                // Locate the ledger's problems in the journal file, not in the re-written text.
                foreach (var d in parsed.Diagnostics)
                {
                    r.Diagnostics.Add(d with { Severity = Severity.Error, Location = ledgerNode.Location });
                }
            }

            ledger = parsed.Value;
        }

        var entries = r.Array(r.Required(root, "entries", What), n => JournalEntryJson.Read(n, r));
        var checksum = r.String(r.Required(root, "checksum", What));
        if (diagnostics.Count == 0 && entries is not null && ledger is not null)
        {
            if (entries.Any(e => e.PackId != expectedPackId))
            {
                r.Report(Descriptors.JournalEntryOfOtherPack, root["entries"]!.Location);
            }
            else if (checksum != Checksum(packId!, municipality, ledger, entries.Select(e => EntryChecksum(e.ToJson()))))
            {
                r.Report(Descriptors.JournalChecksum, root["checksum"]!.Location);
            }
        }

        return diagnostics.Count == 0 ? new LoadResult<JournalFile>(new JournalFile(packId!, municipality, ledger!, entries!), diagnostics) : new LoadResult<JournalFile>(null, diagnostics);
    }

    private static string EntryChecksum(string entryJson) => entryJson[(entryJson.LastIndexOf("\"checksum\":\"", StringComparison.Ordinal) + 12)..^2];

    private static string Checksum(string packId, string? municipality, Ledger ledger, IEnumerable<string> entryChecksums)
    {
        var sb = new StringBuilder();
        sb.Append(FormatName).Append('\u001f').Append(FormatVersion).Append('\n').Append(packId).Append('\u001f').Append(municipality ?? "\u0000").Append('\n');
        var ledgerJson = ledger.ToJson();
        sb.Append(ledgerJson).Append('\n');
        foreach (var c in entryChecksums)
        {
            sb.Append(c).Append('\n');
        }

        return JournalEntryJson.Checksum(sb.ToString());
    }

    private static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s, JsonOptions);

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
