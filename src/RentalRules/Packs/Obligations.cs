using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;

namespace RentalRules.Packs;

/// <summary>
/// A kind of criterion an obligation requires among an agreement's flexible criteria (e.g. employment): a criterion
/// counts for it when its condition reads a fact whose name contains one of <see cref="Reads"/> as whole segments.
/// </summary>
internal sealed record ObligationCriterion(string Id, IReadOnlyList<string> Reads, LocalizedText Title)
{
    /// <summary>Whether the fact name (e.g. <c>member.employment</c>, <c>employment.hoursPerWeek</c>) is of this kind.</summary>
    public bool Matches(string fact)
    {
        foreach (var path in Reads)
        {
            var at = 0;
            while ((at = fact.IndexOf(path, at, StringComparison.Ordinal)) >= 0)
            {
                var end = at + path.Length;
                if ((at == 0 || fact[at - 1] == '.') && (end == fact.Length || fact[end] == '.'))
                {
                    return true;
                }

                at = end;
            }
        }

        return false;
    }
}

/// <summary>How an agreement answers an obligation its tiers do not meet (e.g. Holbæk § 4: no area is to be designated).</summary>
internal sealed record ObligationAcknowledgement(ClauseInfo Clause, LocalizedText Reason);

/// <summary>
/// A statutory obligation on the agreement (pack section <c>obligations</c>), e.g. § 60 stk. 4: in the departments
/// <see cref="When"/> covers, every letting of the <see cref="Dwellings"/> outside municipal allocation is flexible
/// letting under criteria of each of the <see cref="Criteria"/> kinds. Checked against every tier a covered department
/// can reach (a load warning), and on the date for a covered department (a placement warning and an explanation).
/// </summary>
internal sealed record Obligation(
    string Id,
    ClauseInfo Clause,
    Condition When,
    DwellingCategory[] Dwellings,
    bool AllFlexible,
    IReadOnlyList<ObligationCriterion> Criteria,
    LocalizedText Reason,
    ObligationAcknowledgement? Acknowledged,
    SourceLocation Location)
{
    /// <summary>The dwelling categories of <paramref name="stated"/>, each once, in the order of their values.</summary>
    /// <remarks>Loops rather than LINQ or a set: those are framework code over this library's enum, compiled at start-up (issue 16).</remarks>
    public static DwellingCategory[] Categories(IReadOnlyList<DwellingCategory> stated)
    {
        var all = EnumNames<DwellingCategory>.Values;
        var isStated = new bool[all.Length];
        var count = 0;
        for (var c = 0; c < all.Length; c++)
        {
            for (var i = 0; i < stated.Count; i++)
            {
                if (stated[i] == all[c])
                {
                    isStated[c] = true;
                    count++;
                    break;
                }
            }
        }

        var result = new DwellingCategory[count];
        for (int c = 0, j = 0; c < all.Length; c++)
        {
            if (isStated[c])
            {
                result[j++] = all[c];
            }
        }

        return result;
    }

    /// <summary>Whether the obligation covers dwellings of <paramref name="category"/>.</summary>
    public bool Covers(DwellingCategory category)
    {
        foreach (var d in Dwellings)
        {
            if (d == category)
            {
                return true;
            }
        }

        return false;
    }
}
