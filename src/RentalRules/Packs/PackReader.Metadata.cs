using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The pack's metadata and its declared clauses.</summary>
internal sealed partial class PackReader
{
    /// <summary>The top-level properties of a pack, in the order of docs/pack-format.md (and the order <see cref="PackWriter"/> writes them).</summary>
    internal static readonly string[] TopLevel = ["id", "version", "title", "municipality", "status", "extends", "validFrom", "validTo", "source", "notes", "defaultRoute", "interpretations", "clauses", "parameters", "tiers", "placement", "requirements", "obligations", "criteriaSets", "routing", "offers"];
    private static readonly string[] Statuses = EnumNames<PackStatus>.Names;

    /// <summary>Reads id, version, title, status, validity, source, extends and notes.</summary>
    private PackMetadataDefinition ReadMetadata(JNode root)
    {
        _r.CheckProperties(root, "A pack", TopLevel);
        var id = _r.String(_r.Required(root, "id", "A pack"), nonEmpty: true) ?? "";
        SourceDefinition? sourceDefinition = null;
        if (root["source"] is { } source && _r.ExpectObject(source, "source"))
        {
            _r.CheckProperties(source, "source", ["document", "title", "date", "url"]);
            sourceDefinition = new SourceDefinition(_r.String(source["document"]), _r.String(source["title"]), _r.String(source["date"]), _r.String(source["url"]));
        }

        var meta = new PackMetadataDefinition(
            id,
            _r.String(_r.Required(root, "version", "A pack")) ?? "",
            _r.String(_r.Required(root, "title", "A pack")) ?? "",
            _r.String(root["municipality"]),
            PackNames.Parse<PackStatus>(OneOf(root["status"], Statuses)) ?? PackStatus.Signed,
            _r.Array(root["extends"], n => _r.String(n))?.ToValueList() ?? [],
            _r.Date(root["validFrom"]),
            _r.Date(root["validTo"]),
            sourceDefinition,
            _r.Array(root["notes"], n => _r.String(n))?.ToValueList() ?? [],
            RouteNames.ParseLetting(OneOf(root["defaultRoute"], [.. RouteNames.Letting])) ?? LettingRoute.Flexible);
        if (meta.ValidFrom is { } from && meta.ValidTo is { } to && to < from)
        {
            _r.Report(Descriptors.ValidToBeforeValidFrom, root["validTo"]!.Location);
        }

        return meta;
    }

    private ValueList<ClauseDefinition> ReadClauses(JNode? node)
    {
        var result = new List<ClauseDefinition>();
        if (node is null || !_r.ExpectObject(node, "clauses"))
        {
            return [];
        }

        foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
        {
            string? title = null;
            string? quote = null;
            string? note = null;
            if (p.Value.Kind == JKind.String)
            {
                title = p.Value.Text;
            }
            else if (_r.ExpectObject(p.Value, $"The clause '{p.Name}'"))
            {
                _r.CheckProperties(p.Value, "A clause", ["title", "quote", "note"]);
                title = _r.String(p.Value["title"]);
                quote = _r.String(p.Value["quote"]);
                note = _r.String(p.Value["note"]);
            }

            // A later declaration of the same clause replaces the earlier one in its place, as a table by name would.
            var clause = new ClauseDefinition(p.Name, title, quote, note, new Origin(p.Value.Location));
            var at = result.FindIndex(c => c.Id == p.Name);
            if (at >= 0)
            {
                result[at] = clause;
            }
            else
            {
                result.Add(clause);
            }

            _clauses.Add(p.Name);
        }

        return [.. result];
    }
}
