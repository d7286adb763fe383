using RentalRules.Evaluation;

namespace RentalRules.Packs;

// The letting policies of the dwellings a routing rule covers, built once per rule and tier at load.
public sealed partial class RulePack
{
    /// <summary>
    /// Per routing rule that says how its dwellings are let (<c>letting</c>, or a fixed route <c>outOfScope</c> or
    /// <c>closed</c>) and per tier: the letting policy of those dwellings in a department of that tier.
    /// </summary>
    internal IReadOnlyDictionary<(string Rule, string Tier), TierDef> DwellingTiers { get; }

    /// <summary>The letting policy of a vacancy the rule covers, in a department of the tier: the rule's, or the tier's.</summary>
    internal TierDef LettingFor(RoutingRule? rule, TierDef tier)
        => rule is not null && DwellingTiers.TryGetValue((rule.Id, tier.Id), out var dwelling) ? dwelling : tier;

    /// <summary>A closed dwelling's routes: every letting route closed by <paramref name="rule"/>.</summary>
    private static RouteMap<RoutePolicy> Closed(RoutingRule rule)
    {
        var routes = new RouteMap<RoutePolicy>();
        foreach (var route in RouteNames.AllLetting)
        {
            routes[route] = new RoutePolicy(true, rule.Clause, rule.Reason, []) { Owner = rule.Id };
        }

        return routes;
    }

    private static Dictionary<(string, string), TierDef> BuildDwellingTiers(IReadOnlyDictionary<string, TierDef> tiers, IReadOnlyList<RoutingRule> rules)
    {
        var result = new Dictionary<(string, string), TierDef>();
        foreach (var rule in rules)
        {
            var letting = rule.Letting ?? rule.FixedRoute switch
            {
                // Outside the agreement: the agreement sets no criteria (the law's pack-wide requirements still apply).
                VacancyRoute.OutOfScope => new DwellingLetting(FlexibleRule.None, null, rule.Clause, new RouteMap<RoutePolicy>
                {
                    [LettingRoute.Municipal] = new(false, rule.Clause, rule.Reason, []) { Owner = rule.Id },
                    [LettingRoute.Flexible] = new(true, rule.Clause, rule.Reason, []) { Owner = rule.Id },
                    [LettingRoute.WaitingList] = new(false, rule.Clause, rule.Reason, []) { Owner = rule.Id },
                    [LettingRoute.InternalTransfer] = new(false, rule.Clause, rule.Reason, []) { Owner = rule.Id },
                }),
                VacancyRoute.Closed => new DwellingLetting(FlexibleRule.None, null, rule.Clause, Closed(rule)),
                _ => null,
            };
            if (letting is null)
            {
                continue;
            }

            foreach (var tier in tiers.Values.Where(t => letting.Tiers is null || letting.Tiers.Contains(t.Id)))
            {
                var routes = new RouteMap<RoutePolicy>(tier.Routes);
                foreach (var (route, policy) in letting.Routes)
                {
                    routes[route] = policy;
                }

                result[(rule.Id, tier.Id)] = tier with
                {
                    FlexibleRule = letting.FlexibleRule ?? tier.FlexibleRule,
                    FlexibleMaxShare = letting.FlexibleRule is null ? tier.FlexibleMaxShare : letting.FlexibleMaxShare,
                    FlexibleClause = letting.FlexibleRule is null ? tier.FlexibleClause : letting.FlexibleClause ?? rule.Clause,
                    Routes = routes,
                    Key = tier.Id + "@" + rule.Id,
                    DwellingRule = rule,
                };
            }
        }

        return result;
    }
}
