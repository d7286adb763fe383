using RentalRules.Evaluation;

namespace RentalRules.Packs;

// The clauses the pack's rules cite, and the lookup of a criterion by id.
public sealed partial class RulePack
{
    private IEnumerable<(string, string, string)> EnumerateCitations()
    {
        foreach (var r in PlacementRules)
        {
            yield return (r.Id, r.Clause.Id, r.Clause.Source);
        }

        if (Decided is { } decided)
        {
            yield return ("placement.decided", decided.Clause.Id, decided.Clause.Source);
        }

        if (KeyFiguresCycle is { } cycle)
        {
            yield return ("placement.keyFigures", cycle.Clause.Id, cycle.Clause.Source);
        }

        foreach (var o in Obligations)
        {
            yield return (o.Id, o.Clause.Id, o.Clause.Source);
            if (o.Acknowledged is { } ack)
            {
                yield return (o.Id + ".acknowledged", ack.Clause.Id, ack.Clause.Source);
            }
        }

        foreach (var t in TierDefs.Values)
        {
            yield return (t.Id, t.Clause.Id, t.Clause.Source);
            if (t.FlexibleClause is { } flexible)
            {
                yield return ($"{t.Id}.flexibleLetting", flexible.Id, flexible.Source);
            }

            if (t.SpecialCriteria is { } special && Clauses.TryGetValue(special.Clause, out var specialClause))
            {
                yield return ($"{t.Id}.specialCriteria", specialClause.Id, specialClause.Source);
            }

            foreach (var (route, policy) in t.Routes)
            {
                if (policy.Clause is { } routeClause)
                {
                    yield return ($"{t.Id}.{Evaluator.RouteName(route)}", routeClause.Id, routeClause.Source);
                }

                foreach (var r in policy.Requirements)
                {
                    yield return (r.Id, r.Clause.Id, r.Clause.Source);
                }
            }
        }

        foreach (var r in Requirements)
        {
            yield return (r.Requirement.Id, r.Requirement.Clause.Id, r.Requirement.Clause.Source);
        }

        foreach (var r in RoutingRules)
        {
            yield return (r.Id, r.Clause.Id, r.Clause.Source);
            if (r.Letting is not { } letting)
            {
                continue;
            }

            if (letting.FlexibleClause is { } flexible)
            {
                yield return ($"{r.Id}.flexibleLetting", flexible.Id, flexible.Source);
            }

            foreach (var (route, policy) in letting.Routes)
            {
                if (policy.Clause is { } routeClause)
                {
                    yield return ($"{r.Id}.{Evaluator.RouteName(route)}", routeClause.Id, routeClause.Source);
                }

                foreach (var q in policy.Requirements)
                {
                    yield return (q.Id, q.Clause.Id, q.Clause.Source);
                }
            }
        }

        if (TierChange is { } tierChange)
        {
            yield return ("routing.onTierChange", tierChange.Clause.Id, tierChange.Clause.Source);
        }

        if (Concentration is { } guard)
        {
            yield return ("routing.concentration", guard.Clause.Id, guard.Clause.Source);
        }

        foreach (var mark in Marks)
        {
            yield return (mark.Id, mark.Clause.Id, mark.Clause.Source);
        }

        foreach (var offer in Offers?.Routes.Values ?? [])
        {
            yield return ($"offers.{RouteNames.Name(offer.Route)}", offer.Clause.Id, offer.Clause.Source);
        }

        foreach (var set in CriteriaSets.Values)
        {
            yield return (set.Id, set.Clause.Id, set.Clause.Source);
            foreach (var c in Flatten(set.Criteria))
            {
                yield return (c.Id, c.Clause.Id, c.Clause.Source);
            }
        }
    }

    internal CriterionNode? Criterion(string id)
    {
        foreach (var set in CriteriaSets.Values)
        {
            foreach (var c in Flatten(set.Criteria))
            {
                if (c.Id == id)
                {
                    return c;
                }
            }
        }

        return null;
    }

    private static IEnumerable<CriterionNode> Flatten(IEnumerable<CriterionNode> nodes)
        => Trees.PreOrder(nodes, n => n is GroupCriterion g ? g.Children : []);
}
