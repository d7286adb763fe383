using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// The tier-change guard: when a department's tier has changed since its counter last counted, what the municipality is
/// due carries over to the new tier's share (or the count goes on, when the pack keeps it), so no allocation is lost or
/// gained by the change.
/// </summary>
internal static partial class Router
{
    /// <summary>
    /// The counter as it counts in the department's tier now, and what the municipality was due from it before this
    /// vacancy: zero for a new counter; its due (or count × share) in the same tier or under a share that does not
    /// depend on the tier; across a tier change, the due carried by the pack's policy (with its explanation added).
    /// The due is null when it cannot be computed exactly.
    /// </summary>
    private static (LedgerCounter Counter, Fraction? DueBefore) CounterInTier(RulePack pack, RoutingRule rule, TierDef tier, PlacementResult placement, EvalScope scope, LedgerCounter? counter, string departmentId, Fraction share, List<Explanation> explanation)
    {
        if (counter is null)
        {
            return (new LedgerCounter(departmentId, rule.Counter!, tier.Id, 0, 0, 0), Fraction.Zero);
        }

        var tierDependent = rule.Share!.Fixed is null && rule.Share.Parameter is null;
        if (counter.Tier == tier.Id || !tierDependent)
        {
            // Same tier, or a fixed share (elderly 100 %, accessible every 2nd) that does not depend on the tier: the count goes on.
            return (counter with { Tier = tier.Id }, counter.Due ?? QuotaDue.Times(counter.Counted, share));
        }

        Fraction? dueBefore;
        var policy = pack.TierChange;
        if (policy is { Keep: true })
        {
            dueBefore = QuotaDue.Times(counter.Counted, share);
            explanation.Add(RoutingTexts.TierChangeKept(policy, CountingWords.TierChanged(pack, counter.Tier, tier.Id, placement)));
        }
        else
        {
            dueBefore = counter.Due ?? (ShareIn(rule.Share, counter.Tier, pack, scope) is { } old ? QuotaDue.Times(counter.Counted, old) : new Fraction(counter.Municipal, 1));
            if (dueBefore is { } carried)
            {
                explanation.Add(RoutingTexts.Carried(pack, policy, counter, tier.Id, placement, carried, share));
            }
        }

        return (counter with { Tier = tier.Id }, dueBefore);
    }
}
