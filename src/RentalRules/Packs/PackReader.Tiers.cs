using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The tiers, their routes and the requirements on routes (the tiers' and the pack-wide ones).</summary>
internal sealed partial class PackReader
{
    private Dictionary<string, TierDefinition> ReadTiers(JNode? node, Dictionary<string, CriteriaSetDefinition> sets)
    {
        var result = new Dictionary<string, TierDefinition>(StringComparer.Ordinal);
        if (node is null || !_r.ExpectObject(node, "tiers"))
        {
            return result;
        }

        foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
        {
            var n = p.Value;
            var what = $"The tier '{p.Name}'";
            if (!_r.ExpectObject(n, what))
            {
                continue;
            }

            Fingerprint("tier", p.Name, n, "note");
            _r.CheckProperties(n, "A tier", ["label", "clause", "municipalShare", "flexibleLetting", "specialCriteria", "routes", "note"]);
            var share = ReadShare(_r.Required(n, "municipalShare", what), "municipalShare") ?? new ShareDefinition(Fraction.Zero, null);
            FlexibleLettingDefinition? flexible = null;
            if (n["flexibleLetting"] is { IsNull: false } f && _r.ExpectObject(f, "flexibleLetting"))
            {
                _r.CheckProperties(f, "flexibleLetting", ["rule", "maxShare", "of", "clause", "note"]);
                flexible = new FlexibleLettingDefinition(
                    OneOf<FlexibleRule>(_r.Required(f, "rule", "flexibleLetting")) ?? FlexibleRule.None,
                    ReadFraction(f["maxShare"], "maxShare"),
                    OneOf<FlexibleShareOf>(f["of"]) ?? FlexibleShareOf.NonMunicipal,
                    f["clause"] is null ? null : Cite(f, "flexibleLetting"),
                    _r.String(f["note"]));
            }

            SpecialCriteriaDefinition? special = null;
            if (n["specialCriteria"] is { IsNull: false } s && _r.ExpectObject(s, "specialCriteria"))
            {
                _r.CheckProperties(s, "specialCriteria", ["share", "criteriaSet", "counters", "clause", "note"]);
                var sCounters = _r.Array(s["counters"], c => _r.String(c, nonEmpty: true))?.ToValueList();
                var sShare = ReadFraction(_r.Required(s, "share", "specialCriteria"), "specialCriteria.share");
                var set = SetRef(s["criteriaSet"], sets);
                special = new SpecialCriteriaDefinition(sShare, set, sCounters, Cite(s, "specialCriteria"), _r.String(s["note"]));
            }

            var routesNode = _r.Required(n, "routes", what);
            var routes = routesNode is null ? [] : ReadRoutes(routesNode, sets, $"tier '{p.Name}'", all: true);
            result[p.Name] = new TierDefinition(p.Name, ReadText(_r.Required(n, "label", what), "label"), Cite(n, what), share, flexible, special, routes, _r.String(n["note"]), new Origin(n.Location));
        }

        return result;
    }

    /// <summary>Reads <c>routes</c>: a tier names all three (and may name <c>internalTransfer</c>), a routing rule's <c>letting</c> the ones it changes.</summary>
    private ValueList<RouteDefinition> ReadRoutes(JNode routesNode, Dictionary<string, CriteriaSetDefinition> sets, string owner, bool all)
    {
        var routes = new List<RouteDefinition>();
        if (!_r.ExpectObject(routesNode, "routes"))
        {
            return [];
        }

        _r.CheckProperties(routesNode, "routes", [.. RouteNames.Letting]);
        foreach (var route in EnumNames<LettingRoute>.Values)
        {
            var name = RouteNames.Name(route);
            var rn = all && route != LettingRoute.InternalTransfer ? _r.Required(routesNode, name, "routes") : routesNode[name];
            if (rn is null || !_r.ExpectObject(rn, name))
            {
                continue;
            }

            _r.CheckProperties(rn, name, ["closed", "clause", "reason", "requirements"]);
            var closed = _r.Bool(rn["closed"]) ?? false;
            var reqs = _r.Array(rn["requirements"], q => ReadRequirement(q, sets, withRoute: false))?.ToValueList() ?? [];
            var clause = closed || rn["clause"] is not null ? Cite(rn, $"The route '{name}' of {owner}") : null;
            var reason = closed ? ReadText(_r.Required(rn, "reason", $"The closed route '{name}'"), "reason") : rn["reason"] is null ? null : ReadText(rn["reason"], "reason");
            routes.Add(new RouteDefinition(route, closed, clause, reason, reqs));
        }

        return [.. routes];
    }

    private RequirementDefinition? ReadRequirement(JNode n, Dictionary<string, CriteriaSetDefinition> sets, bool withRoute)
    {
        if (!_r.ExpectObject(n, "A requirement"))
        {
            return null;
        }

        _r.CheckProperties(n, "A requirement", withRoute ? ["id", "route", "criteriaSet", "when", "clause", "reason", "note"] : ["id", "criteriaSet", "when", "clause", "reason", "note"]);
        var id = _r.String(_r.Required(n, "id", "A requirement"), nonEmpty: true) ?? "";
        if (id.Length > 0 && !_requirementIds.Add(id))
        {
            _r.Report(Descriptors.DuplicateRequirement, n["id"]!.Location, id);
        }

        LettingRoute? route = null;
        if (withRoute)
        {
            route = OneOf<LettingRoute>(_r.Required(n, "route", "A requirement")) ?? LettingRoute.Municipal;
            Fingerprint("requirement", id, n, "note");
        }

        var set = SetRef(_r.Required(n, "criteriaSet", "A requirement"), sets);
        var when = n["when"] is null ? null : ReadCondition(n["when"]);
        var clause = Cite(n, $"The requirement '{id}'");
        var reason = ReadText(_r.Required(n, "reason", $"The requirement '{id}'"), "reason");
        return new RequirementDefinition(id, route, set, when, clause, reason, _r.String(n["note"]), new Origin(n.Location));
    }

    private ValueList<RequirementDefinition> ReadRouteRequirements(JNode? node, Dictionary<string, CriteriaSetDefinition> sets)
        => _r.Array(node, n => ReadRequirement(n, sets, withRoute: true))?.ToValueList() ?? [];
}
