using System.Globalization;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// The routing's counting in words a caseworker reads: shares as "every 3rd vacant dwelling", a tier change by the
/// tiers' labels in the pack's words and by what placed the department. The ids (counter, criteria set) and the exact
/// numbers stay in the decision's own fields (counter, count, municipal share).
/// </summary>
internal static class CountingWords
{
    public static string ShareDa(Fraction p) => p.Numerator == 0 ? "ingen af boligerne"
        : p.Numerator == p.Denominator ? "alle boligerne"
        : p.Numerator == 1 ? $"hver {N(p.Denominator)}. ledige bolig"
        : $"{p} af de ledige boliger";

    public static string ShareEn(Fraction p) => p.Numerator == 0 ? "none of the dwellings"
        : p.Numerator == p.Denominator ? "every dwelling"
        : p.Numerator == 1 ? $"every {Ordinal(p.Denominator)} vacant dwelling"
        : $"{p} of the vacant dwellings";

    public static string OfAllocationsDa(Fraction p) => p.Numerator == p.Denominator ? "alle kommunale anvisninger"
        : p.Numerator == 1 ? $"hver {N(p.Denominator)}. kommunale anvisning"
        : $"{p} af de kommunale anvisninger";

    public static string OfAllocationsEn(Fraction p) => p.Numerator == p.Denominator ? "every municipal allocation"
        : p.Numerator == 1 ? $"every {Ordinal(p.Denominator)} municipal allocation"
        : $"{p} of the municipal allocations";

    public static string AllocationsDa(long n) => n == 1 ? "anvisning" : "anvisninger";

    public static string AllocationsEn(long n) => n == 1 ? "allocation" : "allocations";

    /// <summary>What changed: the department's placement from one tier to another (by their labels), and what placed it.</summary>
    public static LocalizedText TierChanged(RulePack pack, string fromTier, string toTier, PlacementResult placement)
    {
        var from = pack.TierDefs.TryGetValue(fromTier, out var old) ? old.Label : new LocalizedText(fromTier, fromTier);
        var to = pack.TierDefs.TryGetValue(toTier, out var next) ? next.Label : new LocalizedText(toTier, toTier);
        var by = placement.Explanation.Count > 0 ? placement.Explanation[0] : null;
        var (da, en) = by switch
        {
            { RuleId: "placement.decided" } => (", som parterne har besluttet", ", as the parties decided"),
            { Clause.Length: > 0 } => ($" efter placeringsreglerne i {by.Clause}", $" under the placement rules of {by.Clause}"),
            _ => ("", ""),
        };
        return new LocalizedText(
            $"Afdelingens placering er skiftet fra {from.Da} til {to.Da}{da}.",
            $"The department's placement has changed from {from.En} to {to.En}{en}.");
    }

    /// <summary>The pack's rule for a tier change, quoted as the rule (what changed is said before it).</summary>
    public static string ByRule(string reason, bool da) => (da ? "Aftalens regel ved skift: " : "The agreement's rule for a change: ") + reason;

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Ordinal(long n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return N(n) + suffix;
    }
}
