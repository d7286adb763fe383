using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The routing rules: fixed routes or counted shares, the dwellings' letting, legal basis and tier change.</summary>
internal sealed partial class PackReader
{
    private static readonly string[] FixedRoutes = [.. RouteNames.Fixed];

    private RoutingDefinition? ReadRouting(JNode? node, Dictionary<string, TierDefinition> tiers, Dictionary<string, CriteriaSetDefinition> sets)
    {
        if (node is null || node.IsNull || !_r.ExpectObject(node, "routing"))
        {
            return null;
        }

        _r.CheckProperties(node, "routing", ["rules", "onTierChange", "concentration", "marks", "note"]);
        TierChangeDefinition? tierChange = null;
        if (node["onTierChange"] is { IsNull: false } tc && _r.ExpectObject(tc, "onTierChange"))
        {
            _r.CheckProperties(tc, "onTierChange", ["counters", "clause", "reason", "note"]);
            var countersNode = _r.Required(tc, "counters", "onTierChange");
            TierChangeCounters? counters;
            if (countersNode is { Kind: JKind.String, Text: "reset" })
            {
                _r.Report(Descriptors.CountersReset, countersNode.Location);
                counters = null;
            }
            else
            {
                counters = OneOf<TierChangeCounters>(countersNode);
            }

            tierChange = new TierChangeDefinition(counters ?? TierChangeCounters.Carry, Cite(tc, "onTierChange"), ReadText(_r.Required(tc, "reason", "onTierChange"), "reason"), _r.String(tc["note"]));
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
            var when = ReadCondition(_r.Required(n, "when", what));
            var reason = ReadText(_r.Required(n, "reason", what), "reason");
            var route = RouteNames.ParseVacancy(OneOf(n["route"], FixedRoutes));
            var counter = _r.String(n["counter"], nonEmpty: true);
            RoutingShareDefinition? share = null;
            if ((route is null) == (counter is null))
            {
                _r.Report(Descriptors.RouteOrCounter, n.Location, what);
            }
            else if (counter is not null)
            {
                share = ReadRoutingShare(_r.Required(n, "share", what), tiers);
            }

            LettingDefinition? letting = null;
            if (n["letting"] is { IsNull: false } ln && _r.ExpectObject(ln, "letting"))
            {
                letting = ReadLetting(ln, id, sets, tiers);
            }

            var legalBasis = ReadLegalBasis(n["legalBasis"], tiers);
            return new RoutingRuleDefinition(id, clause, when, route, counter, share, letting, legalBasis, reason, _r.String(n["note"]), new Origin(n.Location));
        })?.ToValueList() ?? [];
        var concentration = ReadConcentration(node["concentration"]);
        var marks = ReadMarks(node["marks"]);
        return new RoutingDefinition(tierChange, rules, concentration, marks, _r.String(node["note"]));
    }

    /// <summary>A routing rule's <c>letting</c>: the routes (and flexible-letting rule) of the dwellings it covers.</summary>
    private LettingDefinition ReadLetting(JNode node, string ruleId, Dictionary<string, CriteriaSetDefinition> sets, Dictionary<string, TierDefinition> knownTiers)
    {
        _r.CheckProperties(node, "letting", ["tiers", "flexibleLetting", "routes", "note"]);
        List<string>? tiers = null;
        if (node["tiers"] is { IsNull: false } tiersNode)
        {
            tiers = [];
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

                if (!tiers.Contains(id))
                {
                    tiers.Add(id);
                }
            }
        }

        FlexibleLettingDefinition? flexible = null;
        if (node["flexibleLetting"] is { IsNull: false } f && _r.ExpectObject(f, "flexibleLetting"))
        {
            _r.CheckProperties(f, "flexibleLetting", ["rule", "maxShare", "clause", "note"]);
            flexible = new FlexibleLettingDefinition(
                OneOf<FlexibleRule>(_r.Required(f, "rule", "flexibleLetting")) ?? FlexibleRule.None,
                ReadFraction(f["maxShare"], "maxShare"),
                FlexibleShareOf.NonMunicipal,
                f["clause"] is null ? null : Cite(f, "flexibleLetting"),
                _r.String(f["note"]));
        }

        var routesNode = node["routes"];
        var routes = routesNode is null || routesNode.IsNull ? null : ReadRoutes(routesNode, sets, $"the routing rule '{ruleId}'", all: false);
        if (flexible is null && (routes is null || routes.Count == 0))
        {
            _r.Report(Descriptors.LettingChangesNothing, node.Location, ruleId);
        }

        return new LettingDefinition(tiers?.ToValueList(), flexible, routes, _r.String(node["note"]));
    }

    /// <summary>A routing rule's <c>legalBasis</c>: one of <see cref="LegalBasisSpec.Allowed"/>, or tier id → one of them.</summary>
    private LegalBasisDefinition? ReadLegalBasis(JNode? node, Dictionary<string, TierDefinition> tiers)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind == JKind.Object)
        {
            var perTier = new List<PerTier<string>>();
            foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
            {
                if (!tiers.ContainsKey(p.Name))
                {
                    _r.Report(Descriptors.NoSuchTier, p.NameLocation, p.Name, Suggestions.DidYouMean(p.Name, tiers.Keys));
                }

                if (OneOf(p.Value, LegalBasisSpec.Allowed) is { } b)
                {
                    perTier.RemoveAll(x => x.Tier == p.Name);
                    perTier.Add(new PerTier<string>(p.Name, b));
                }
            }

            return new LegalBasisDefinition(null, [.. perTier]);
        }

        return OneOf(node, LegalBasisSpec.Allowed) is { } basis ? new LegalBasisDefinition(basis, null) : null;
    }

    private RoutingShareDefinition? ReadRoutingShare(JNode? node, Dictionary<string, TierDefinition> tiers)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == JKind.String && node.Text == "tier")
        {
            return new RoutingShareDefinition(true, null, null);
        }

        if (node.Kind == JKind.Object)
        {
            var perTier = new List<PerTier<Fraction>>();
            foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
            {
                if (!tiers.ContainsKey(p.Name))
                {
                    _r.Report(Descriptors.NoSuchTier, p.NameLocation, p.Name, Suggestions.DidYouMean(p.Name, tiers.Keys));
                }

                if (ReadFraction(p.Value, $"The share for tier '{p.Name}'") is { } f)
                {
                    perTier.RemoveAll(x => x.Tier == p.Name);
                    perTier.Add(new PerTier<Fraction>(p.Name, f));
                }
            }

            return new RoutingShareDefinition(false, null, [.. perTier]);
        }

        return ReadShare(node, "share") is { } share ? new RoutingShareDefinition(false, share, null) : null;
    }
}
