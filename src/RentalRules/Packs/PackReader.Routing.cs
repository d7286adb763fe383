using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>The routing rules: fixed routes or counted shares, the dwellings' letting, legal basis and tier change.</summary>
internal sealed partial class PackReader
{
    private static readonly string[] FixedRoutes = [.. RouteNames.Fixed];

    private (IReadOnlyList<RoutingRule> Rules, TierChangePolicy? TierChange) ReadRouting(JNode? node, Dictionary<string, TierDef> tiers, Dictionary<string, CriteriaSetDef> sets)
    {
        if (node is null || node.IsNull || !_r.ExpectObject(node, "routing"))
        {
            return ([], null);
        }

        _r.CheckProperties(node, "routing", ["rules", "onTierChange", "concentration", "marks", "note"]);
        TierChangePolicy? tierChange = null;
        if (node["onTierChange"] is { IsNull: false } tc && _r.ExpectObject(tc, "onTierChange"))
        {
            _r.CheckProperties(tc, "onTierChange", ["counters", "clause", "reason", "note"]);
            var countersNode = _r.Required(tc, "counters", "onTierChange");
            string? counters;
            if (countersNode is { Kind: JKind.String, Text: "reset" })
            {
                _r.Report(Descriptors.CountersReset, countersNode.Location);
                counters = null;
            }
            else
            {
                counters = OneOf(countersNode, ["carry", "keep"]);
            }

            tierChange = new TierChangePolicy(counters == "keep", Cite(tc, "onTierChange"), ReadText(_r.Required(tc, "reason", "onTierChange"), "reason"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rules = _r.Array(_r.Required(node, "rules", "routing"), n =>
        {
            if (!_r.ExpectObject(n, "A routing rule"))
            {
                return null;
            }

            _r.CheckProperties(n, "A routing rule", ["id", "clause", "when", "route", "counter", "share", "letting", "legalBasis", "reason", "note"]);
            var id = _r.String(_r.Required(n, "id", "A routing rule"), nonEmpty: true) ?? "";
            if (id.Length > 0 && !ids.Add(id))
            {
                _r.Report(Descriptors.DuplicateRoutingRule, n["id"]?.Location ?? n.Location, id);
            }

            Fingerprint("routingRule", id, n, "note");
            var what = $"The routing rule '{id}'";
            var clause = Cite(n, what);
            var when = Compile(_r.Required(n, "when", what), memberInScope: false);
            var reason = ReadText(_r.Required(n, "reason", what), "reason");
            var route = RouteNames.ParseVacancy(OneOf(n["route"], FixedRoutes));
            var counter = _r.String(n["counter"], nonEmpty: true);
            ShareSpec? share = null;
            if ((route is null) == (counter is null))
            {
                _r.Report(Descriptors.RouteOrCounter, n.Location, what);
            }
            else if (counter is not null)
            {
                share = ReadShareSpec(_r.Required(n, "share", what), tiers);
            }

            DwellingLetting? letting = null;
            if (n["letting"] is { IsNull: false } ln && _r.ExpectObject(ln, "letting"))
            {
                letting = ReadLetting(ln, id, sets, tiers);
            }

            var legalBasis = ReadLegalBasis(n["legalBasis"], tiers);
            return when is null ? null : new RoutingRule(id, clause, when, route, counter, share, reason, n.Location) { Letting = letting, LegalBasis = legalBasis };
        }) ?? [];
        return (rules, tierChange);
    }

    /// <summary>A routing rule's <c>letting</c>: the routes (and flexible-letting rule) of the dwellings it covers.</summary>
    private DwellingLetting ReadLetting(JNode node, string ruleId, Dictionary<string, CriteriaSetDef> sets, Dictionary<string, TierDef> knownTiers)
    {
        _r.CheckProperties(node, "letting", ["tiers", "flexibleLetting", "routes", "note"]);
        HashSet<string>? tiers = null;
        if (node["tiers"] is { IsNull: false } tiersNode)
        {
            tiers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in _r.Array(tiersNode, t => t) ?? [])
            {
                var id = _r.String(t, nonEmpty: true);
                if (id is null)
                {
                    continue;
                }

                if (!knownTiers.ContainsKey(id))
                {
                    _r.Report(Descriptors.NoSuchTier, t.Location, id, Suggestions.DidYouMean(id, knownTiers.Keys));
                }

                tiers.Add(id);
            }
        }

        FlexibleRule? flexRule = null;
        Fraction? flexMax = null;
        ClauseInfo? flexClause = null;
        if (node["flexibleLetting"] is { IsNull: false } f && _r.ExpectObject(f, "flexibleLetting"))
        {
            _r.CheckProperties(f, "flexibleLetting", ["rule", "maxShare", "clause", "note"]);
            flexRule = PackNames.Parse<FlexibleRule>(OneOf(_r.Required(f, "rule", "flexibleLetting"), FlexibleRules)) ?? FlexibleRule.None;
            flexMax = ReadFraction(f["maxShare"], "maxShare");
            flexClause = f["clause"] is null ? null : Cite(f, "flexibleLetting");
        }

        var routesNode = node["routes"];
        var routes = routesNode is null || routesNode.IsNull ? new Dictionary<LettingRoute, RoutePolicy>() : ReadRoutes(routesNode, sets, $"the routing rule '{ruleId}'", all: false, ownerId: ruleId);
        if (flexRule is null && routes.Count == 0)
        {
            _r.Report(Descriptors.LettingChangesNothing, node.Location, ruleId);
        }

        return new DwellingLetting(flexRule, flexMax, flexClause, routes) { Tiers = tiers };
    }

    /// <summary>A routing rule's <c>legalBasis</c>: one of <see cref="LegalBasisSpec.Allowed"/>, or tier id → one of them.</summary>
    private LegalBasisSpec? ReadLegalBasis(JNode? node, Dictionary<string, TierDef> tiers)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind == JKind.Object)
        {
            var perTier = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
            {
                if (!tiers.ContainsKey(p.Name))
                {
                    _r.Report(Descriptors.NoSuchTier, p.NameLocation, p.Name, Suggestions.DidYouMean(p.Name, tiers.Keys));
                }

                if (OneOf(p.Value, LegalBasisSpec.Allowed) is { } b)
                {
                    perTier[p.Name] = b;
                }
            }

            return new LegalBasisSpec(null, perTier);
        }

        return OneOf(node, LegalBasisSpec.Allowed) is { } basis ? new LegalBasisSpec(basis, null) : null;
    }

    private ShareSpec? ReadShareSpec(JNode? node, Dictionary<string, TierDef> tiers)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == JKind.String && node.Text == "tier")
        {
            return new ShareSpec(null, true, null);
        }

        if (node.Kind == JKind.Object)
        {
            var perTier = new Dictionary<string, Fraction>(StringComparer.Ordinal);
            foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
            {
                if (!tiers.ContainsKey(p.Name))
                {
                    _r.Report(Descriptors.NoSuchTier, p.NameLocation, p.Name, Suggestions.DidYouMean(p.Name, tiers.Keys));
                }

                if (ReadFraction(p.Value, $"The share for tier '{p.Name}'") is { } f)
                {
                    perTier[p.Name] = f;
                }
            }

            return new ShareSpec(null, false, perTier);
        }

        if (ShareParameter(node) is { } slot)
        {
            return new ShareSpec(null, false, null) { Parameter = slot };
        }

        var fixedShare = ReadFraction(node, "share");
        return fixedShare is null ? null : new ShareSpec(fixedShare, false, null);
    }
}
