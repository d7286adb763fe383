using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>A household's place key under a route's order: up to three keys, then the household's position in the input (ties keep input order).</summary>
internal readonly record struct OrderValue(long A, long B, long C, int Index) : IComparable<OrderValue>
{
    /// <summary>The most keys an order may have.</summary>
    public const int MaxKeys = 3;

    public int CompareTo(OrderValue other)
    {
        var c = A.CompareTo(other.A);
        if (c != 0)
        {
            return c;
        }

        c = B.CompareTo(other.B);
        if (c != 0)
        {
            return c;
        }

        c = C.CompareTo(other.C);
        return c != 0 ? c : Index.CompareTo(other.Index);
    }

    /// <summary>The key of an eligible household; false when a fact the order needs is unknown (the household then has no place).</summary>
    /// <param name="order">The route's order keys.</param>
    /// <param name="household">The household.</param>
    /// <param name="position">Its position in the vacancy's candidate list, on a route that draws from it.</param>
    /// <param name="met">The ids of the criteria and criteria sets it met.</param>
    /// <param name="index">Its position in the input.</param>
    /// <param name="value">The key.</param>
    public static bool TryMake(IReadOnlyList<OrderKey> order, Household household, int? position, IReadOnlyCollection<string> met, int index, out OrderValue value)
    {
        Span<long> keys = stackalloc long[MaxKeys];
        for (var i = 0; i < order.Count && i < MaxKeys; i++)
        {
            var key = order[i];
            switch (key.By)
            {
                case OrderBy.WaitingListSince:
                    if (household.WaitingListSince is not { } since)
                    {
                        value = default;
                        return false;
                    }

                    keys[i] = since.DayNumber;
                    break;
                case OrderBy.Candidates:
                    keys[i] = position ?? int.MaxValue;
                    break;
                default:
                    keys[i] = Rank(key.Rank, met);
                    break;
            }
        }

        value = new OrderValue(keys[0], keys[1], keys[2], index);
        return true;
    }

    /// <summary>The position of the first ranked criterion the household met; after every rank when it met none of them.</summary>
    internal static long Rank(IReadOnlyList<string> rank, IReadOnlyCollection<string> met)
    {
        for (var r = 0; r < rank.Count; r++)
        {
            if (met.Contains(rank[r]))
            {
                return r;
            }
        }

        return rank.Count;
    }
}

/// <summary>What qualified a household that may take a route: read from its full eligibility result.</summary>
internal static class OfferQualification
{
    /// <summary>
    /// The criterion that qualified the household: in the first applied set any one of whose criteria suffices, the first
    /// met; else the first applied set (all of whose criteria it met); <c>null</c> when no criteria applied.
    /// </summary>
    public static Explanation? QualifiedBy(RulePack pack, IReadOnlyList<Requirement> requirements, EligibilityResult result)
    {
        Explanation? all = null;
        foreach (var (set, criteria) in Applied(pack, requirements, result))
        {
            if (!set.All)
            {
                foreach (var c in criteria)
                {
                    if (c.Outcome == Outcome.Eligible)
                    {
                        return new Explanation(c.Id, c.Clause, c.Source, c.Title);
                    }
                }
            }
            else
            {
                all ??= new Explanation(set.Id, set.Clause.Id, set.Clause.Source, set.Title);
            }
        }

        return all;
    }

    /// <summary>The ids of the criteria sets the household met and of the criteria (at the top of a set) it met.</summary>
    public static IReadOnlyCollection<string> Met(RulePack pack, IReadOnlyList<Requirement> requirements, EligibilityResult result)
    {
        var met = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (set, criteria) in Applied(pack, requirements, result))
        {
            var any = false;
            var every = true;
            foreach (var c in criteria)
            {
                if (c.Outcome == Outcome.Eligible)
                {
                    met.Add(c.Id);
                    any = true;
                }
                else
                {
                    every = false;
                }
            }

            if (set.All ? every : any)
            {
                met.Add(set.Id);
            }
        }

        return met;
    }

    /// <summary>The applied requirements' sets with their part of the result's criteria (the result lists them set after set).</summary>
    private static IEnumerable<(CriteriaSetDef Set, IEnumerable<CriterionResult> Criteria)> Applied(RulePack pack, IReadOnlyList<Requirement> requirements, EligibilityResult result)
    {
        var at = 0;
        foreach (var req in requirements)
        {
            if (!result.Explanation.Any(e => e.RuleId == req.Id && e.Clause == req.Clause.Id))
            {
                continue;
            }

            var set = pack.CriteriaSets[req.CriteriaSet];
            var part = result.Criteria.Skip(at).Take(set.Criteria.Count).ToList();
            at += set.Criteria.Count;
            yield return (set, part);
        }
    }
}
