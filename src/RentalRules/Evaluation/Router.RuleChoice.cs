using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>Rule choice: which routing rule covers a vacancy, and the municipal share it counts with.</summary>
internal static partial class Router
{
    /// <summary>
    /// The routing rule that covers the vacancy in <paramref name="scope"/>: the first whose <c>when</c> holds, or the first
    /// that cannot be decided (with the missing facts) when it comes before any that holds. Routing and eligibility use
    /// the same rule, so they agree on how the dwelling is let.
    /// </summary>
    internal static (RoutingRule? Rule, RoutingRule? Unknown, IReadOnlyList<string> Missing) Match(RulePack pack, EvalScope scope)
    {
        foreach (var candidate in pack.RoutingRules)
        {
            var mark = scope.MissingCount;
            var r = candidate.When.Evaluate(scope);
            if (r == Tri.True)
            {
                scope.ResetMissing(mark);
                return (candidate, null, NoStrings);
            }

            if (r == Tri.Unknown)
            {
                var missing = Evaluator.Names(pack, scope, mark);
                scope.ResetMissing(mark);
                return (null, candidate, missing);
            }
        }

        return (null, null, NoStrings);
    }

    /// <summary>The share the rule counts with in the department's tier: a parameter's value, a fixed share, the tier's share or the rule's share per tier; null when a parameter has no value on the date.</summary>
    private static Fraction? ShareFor(ShareSpec spec, TierDef tier, PlacementResult placement, EvalScope scope)
    {
        if (spec.Parameter is { } slot)
        {
            return scope.Parameters[slot] is { } value && Fraction.TryFromDecimal(value, out var p) ? p : null;
        }

        return spec.Fixed ?? (spec.FromTier ? placement.MunicipalShare : spec.PerTier!.TryGetValue(tier.Id, out var f) ? f : Fraction.Zero);
    }

    /// <summary>The share a tier-dependent rule counted with in another tier (the counter's tier before a change); null when the pack no longer has that tier.</summary>
    private static Fraction? ShareIn(ShareSpec spec, string tierId, RulePack pack, EvalScope scope)
    {
        if (spec.FromTier)
        {
            return pack.TierDefs.TryGetValue(tierId, out var old) ? Evaluator.ShareOf(old, scope) : null;
        }

        return spec.PerTier!.TryGetValue(tierId, out var f) ? f : pack.TierDefs.ContainsKey(tierId) ? Fraction.Zero : null;
    }
}
