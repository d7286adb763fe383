using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// The quota counter: whether the n-th item gets one of a share (⌊n·p⌋ &gt; ⌊(n−1)·p⌋, exactly), the flexible-letting
/// count over the non-municipal vacancies, and the department's count of municipal allocations for special criteria.
/// </summary>
internal static partial class Router
{
    /// <summary>Whether the n-th item gets one of a share p: ⌊n·p⌋ &gt; ⌊(n−1)·p⌋, exactly.</summary>
    internal static bool Hits(long n, Fraction p)
    {
        return p.Numerator != 0 && Floor(n, p) > Floor(n - 1, p);
    }

    /// <summary>⌊n·p⌋, exactly (the product is taken without overflow).</summary>
    internal static long Floor(long n, Fraction p) => (long)((System.Numerics.BigInteger)n * p.Numerator / p.Denominator);

    /// <summary>
    /// A share s of all vacancies as a share of the non-municipal ones, where the municipality has p: s / (1 − p), at
    /// most 1 (1/3 of all with 1/3 municipal is every 2nd of the other 2/3).
    /// </summary>
    internal static Fraction OfNonMunicipal(Fraction s, Fraction p)
    {
        var rest = p.Denominator - p.Numerator;
        if (rest <= 0)
        {
            return Fraction.One;
        }

        var n = (System.Numerics.BigInteger)s.Numerator * p.Denominator;
        var d = (System.Numerics.BigInteger)s.Denominator * rest;
        var g = System.Numerics.BigInteger.GreatestCommonDivisor(n, d);
        (n, d) = g.IsZero ? (n, d) : (n / g, d / g);
        return n >= d ? Fraction.One : new Fraction((long)n, (long)d);
    }

    /// <summary>Whether the j-th non-municipal vacancy is let flexibly.</summary>
    private static bool FlexibleFor(TierDef tier, PlacementResult placement, long j, Fraction municipalShare)
    {
        var flexibleOpen = placement.Routes.TryGetValue(LettingRoute.Flexible, out var f) && f.Open;
        var waitingOpen = placement.Routes.TryGetValue(LettingRoute.WaitingList, out var w) && w.Open;
        if (!flexibleOpen)
        {
            return false;
        }

        if (!waitingOpen || tier.FlexibleRule == FlexibleRule.All)
        {
            return true;
        }

        return tier.FlexibleRule != FlexibleRule.None && placement.FlexibleLetting?.Share is { } share && Hits(j, tier.FlexibleOfAllVacancies ? OfNonMunicipal(share, municipalShare) : share);
    }

    /// <summary>
    /// Special criteria count over the department's municipal allocations in all its counters ("hver anden kommunale
    /// anvisning i den enkelte boligafdeling"), kept in a counter of its own that follows the tier like the others: a
    /// tier change seen on any counted vacancy restarts it. Returns that counter when this vacancy changes it (else
    /// null), and whether this municipal allocation is one under the special criteria.
    /// </summary>
    private static (LedgerCounter? Allocations, bool Special) CountAllocation(RulePack pack, RoutingRule rule, TierDef tier, TierDef letting, LedgerBuilder ledger, string departmentId, bool municipal)
    {
        if (!pack.HasSpecialCriteria || (tier.SpecialCriteria?.Counters is { } scopes && !scopes.Contains(rule.Counter!)))
        {
            return (null, false);
        }

        var current = ledger.Find(departmentId, AllocationsCounter);
        if (current is not null && current.Tier != tier.Id && pack.TierChange is not { Keep: true })
        {
            // The special criteria govern a share of the allocations made in the tier that has them: their count
            // starts with the tier. (Allocations themselves are carried; this count only says which ones.)
            current = null;
        }

        var next = (current ?? new LedgerCounter(departmentId, AllocationsCounter, tier.Id, 0, 0, 0)) with { Tier = tier.Id };
        if (municipal)
        {
            next = next with { Counted = next.Counted + 1, Municipal = next.Municipal + 1 };
        }

        var special = municipal && letting.SpecialCriteria is { } sc && Hits(next.Municipal, sc.Share);
        return (next == current ? null : next, special);
    }
}
