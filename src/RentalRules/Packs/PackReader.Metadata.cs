using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>The pack's metadata and its declared clauses.</summary>
internal sealed partial class PackReader
{
    private static readonly string[] TopLevel = ["id", "version", "title", "municipality", "status", "extends", "validFrom", "validTo", "source", "notes", "defaultRoute", "interpretations", "clauses", "parameters", "tiers", "placement", "requirements", "obligations", "criteriaSets", "routing"];
    private static readonly string[] Statuses = EnumNames<PackStatus>.Names;

    /// <summary>Reads id, version, title, status, validity, source, extends and notes.</summary>
    private PackMetadata ReadMetadata(JNode root)
    {
        _r.CheckProperties(root, "A pack", TopLevel);
        var id = _r.String(_r.Required(root, "id", "A pack"), nonEmpty: true) ?? "";
        _packId = id;
        var meta = new PackMetadata(
            id,
            _r.String(_r.Required(root, "version", "A pack")) ?? "",
            _r.String(_r.Required(root, "title", "A pack")) ?? "",
            _r.String(root["municipality"]),
            PackNames.Parse<PackStatus>(OneOf(root["status"], Statuses)) ?? PackStatus.Signed,
            _r.Date(root["validFrom"]),
            _r.Date(root["validTo"]),
            root["source"] is { Kind: JKind.Object } src ? _r.String(src["document"]) : null,
            root["source"] is { Kind: JKind.Object } src2 ? _r.String(src2["title"]) : null,
            _r.Array(root["extends"], n => _r.String(n)) ?? [],
            _r.Array(root["notes"], n => _r.String(n)) ?? [])
        {
            DefaultRoute = RouteNames.ParseLetting(OneOf(root["defaultRoute"], [.. RouteNames.Letting])) ?? LettingRoute.Flexible,
        };
        if (root["source"] is { } source && _r.ExpectObject(source, "source"))
        {
            _r.CheckProperties(source, "source", ["document", "title", "date", "url"]);
        }

        if (meta.ValidFrom is { } from && meta.ValidTo is { } to && to < from)
        {
            _r.Report(Descriptors.ValidToBeforeValidFrom, root["validTo"]!.Location);
        }

        return meta;
    }

    private void ReadClauses(JNode? node)
    {
        if (node is null || !_r.ExpectObject(node, "clauses"))
        {
            return;
        }

        foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
        {
            string? title = null;
            if (p.Value.Kind == JKind.String)
            {
                title = p.Value.Text;
            }
            else if (_r.ExpectObject(p.Value, $"The clause '{p.Name}'"))
            {
                _r.CheckProperties(p.Value, "A clause", ["title", "quote", "note"]);
                title = _r.String(p.Value["title"]);
            }

            _clauses[p.Name] = new ClauseInfo(p.Name, _sourceOfFile(p.Value.Location.File), title);
        }
    }
}
