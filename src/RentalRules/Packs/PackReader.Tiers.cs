using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>The tiers, their routes and the requirements on routes (the tiers' and the pack-wide ones).</summary>
internal sealed partial class PackReader
{
    private static readonly string[] FlexibleRules = EnumNames<FlexibleRule>.Names;

    private Dictionary<string, TierDef> ReadTiers(JNode? node, Dictionary<string, CriteriaSetDef> sets)
    {
        var result = new Dictionary<string, TierDef>(StringComparer.Ordinal);
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
            var shareNode = _r.Required(n, "municipalShare", what);
            var shareParameter = ShareParameter(shareNode);
            var share = shareParameter is null ? ReadFraction(shareNode, "municipalShare") ?? Fraction.Zero : Fraction.Zero;
            var flexRule = FlexibleRule.None;
            Fraction? flexMax = null;
            var flexOfAll = false;
            ClauseInfo? flexClause = null;
            if (n["flexibleLetting"] is { IsNull: false } f && _r.ExpectObject(f, "flexibleLetting"))
            {
                _r.CheckProperties(f, "flexibleLetting", ["rule", "maxShare", "of", "clause", "note"]);
                flexRule = PackNames.Parse<FlexibleRule>(OneOf(_r.Required(f, "rule", "flexibleLetting"), FlexibleRules)) ?? FlexibleRule.None;
                flexOfAll = (OneOf(f["of"], ["nonMunicipal", "allVacancies"]) ?? "nonMunicipal") == "allVacancies";
                flexMax = ReadFraction(f["maxShare"], "maxShare");
                flexClause = f["clause"] is null ? null : Cite(f, "flexibleLetting");
            }

            SpecialCriteriaPolicy? special = null;
            if (n["specialCriteria"] is { IsNull: false } s && _r.ExpectObject(s, "specialCriteria"))
            {
                _r.CheckProperties(s, "specialCriteria", ["share", "criteriaSet", "counters", "clause", "note"]);
                var sCounters = _r.Array(s["counters"], c => _r.String(c, nonEmpty: true));
                var sShare = ReadFraction(_r.Required(s, "share", "specialCriteria"), "specialCriteria.share");
                var set = SetRef(s["criteriaSet"], sets);
                var sClause = Cite(s, "specialCriteria");
                if (sShare is not null && set is not null)
                {
                    special = new SpecialCriteriaPolicy(sShare.Value, set, sClause.Id) { Counters = sCounters };
                }
            }

            var routesNode = _r.Required(n, "routes", what);
            var routes = routesNode is null ? new Dictionary<LettingRoute, RoutePolicy>() : ReadRoutes(routesNode, sets, $"tier '{p.Name}'", all: true, ownerId: null);

            result[p.Name] = new TierDef(p.Name, ReadText(_r.Required(n, "label", what), "label"), Cite(n, what), share, flexRule, flexMax, flexClause, special, routes, _r.String(n["note"]), n.Location)
            {
                MunicipalShareParameter = shareParameter,
                FlexibleOfAllVacancies = flexOfAll,
            };
        }

        return result;
    }

    private static readonly (string Name, LettingRoute Route)[] LettingRoutes = [.. Enum.GetValues<LettingRoute>().Select(r => (RouteNames.Name(r), r))];

    /// <summary>Reads <c>routes</c>: a tier names all three (and may name <c>internalTransfer</c>, else it is implied), a routing rule's <c>letting</c> the ones it changes.</summary>
    private Dictionary<LettingRoute, RoutePolicy> ReadRoutes(JNode routesNode, Dictionary<string, CriteriaSetDef> sets, string owner, bool all, string? ownerId)
    {
        var routes = new Dictionary<LettingRoute, RoutePolicy>();
        if (!_r.ExpectObject(routesNode, "routes"))
        {
            return routes;
        }

        _r.CheckProperties(routesNode, "routes", [.. RouteNames.Letting]);
        foreach (var (name, route) in LettingRoutes)
        {
            var rn = all && route != LettingRoute.InternalTransfer ? _r.Required(routesNode, name, "routes") : routesNode[name];
            if (rn is null || !_r.ExpectObject(rn, name))
            {
                continue;
            }

            _r.CheckProperties(rn, name, ["closed", "clause", "reason", "requirements"]);
            var closed = _r.Bool(rn["closed"]) ?? false;
            var reqs = _r.Array(rn["requirements"], q => ReadRequirement(q, sets, withRoute: false)?.Requirement) ?? [];
            ClauseInfo? rClause = closed || rn["clause"] is not null ? Cite(rn, $"The route '{name}' of {owner}") : null;
            var reason = closed ? ReadText(_r.Required(rn, "reason", $"The closed route '{name}'"), "reason") : rn["reason"] is null ? null : ReadText(rn["reason"], "reason");
            routes[route] = new RoutePolicy(closed, rClause, reason, reqs) { Owner = ownerId };
        }

        if (all && !routes.ContainsKey(LettingRoute.InternalTransfer))
        {
            routes[LettingRoute.InternalTransfer] = InternalTransferRoute.Implied(routes);
        }

        return routes;
    }

    private RouteRequirement? ReadRequirement(JNode n, Dictionary<string, CriteriaSetDef> sets, bool withRoute)
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

        var route = LettingRoute.Municipal;
        if (withRoute)
        {
            route = RouteNames.ParseLetting(OneOf(_r.Required(n, "route", "A requirement"), [.. RouteNames.Letting])) ?? LettingRoute.Municipal;
        }

        if (withRoute)
        {
            Fingerprint("requirement", id, n, "note");
        }

        var set = SetRef(_r.Required(n, "criteriaSet", "A requirement"), sets);
        var when = n["when"] is null ? null : Compile(n["when"], memberInScope: false);
        var clause = Cite(n, $"The requirement '{id}'");
        var reason = ReadText(_r.Required(n, "reason", $"The requirement '{id}'"), "reason");
        return set is null ? null : new RouteRequirement(route, new Requirement(id, clause, when, set, reason, n.Location));
    }

    private IReadOnlyList<RouteRequirement> ReadRouteRequirements(JNode? node, Dictionary<string, CriteriaSetDef> sets)
        => _r.Array(node, n => ReadRequirement(n, sets, withRoute: true)) ?? [];
}
