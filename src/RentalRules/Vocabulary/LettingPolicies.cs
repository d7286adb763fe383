namespace RentalRules;

/// <summary>A tier's flexible-letting rule.</summary>
/// <param name="Rule">
/// <c>none</c>, <c>agreed</c> (by individual agreement, up to <paramref name="MaxShare"/>), <c>obligatory</c>
/// (by law in designated areas) or <c>all</c> (every non-municipal letting is flexible).
/// </param>
/// <param name="MaxShare">The cap on the flexibly let share, or <c>null</c> when there is none.</param>
/// <param name="Share">The department's share: its agreed share capped by <paramref name="MaxShare"/>; <c>null</c> when unknown.</param>
/// <param name="Clause">The clause.</param>
public sealed record FlexibleLettingPolicy(string Rule, Fraction? MaxShare, Fraction? Share, string? Clause);

/// <summary>What a route into a department of a tier requires.</summary>
/// <param name="Open">Whether the route is open at all.</param>
/// <param name="CriteriaSets">The criteria sets that apply (for this department), in order.</param>
public sealed record RouteSummary(bool Open, IReadOnlyList<string> CriteriaSets);


/// <summary>Every n-th municipal allocation under special criteria.</summary>
/// <param name="Share">The share of municipal allocations (e.g. 1/2 for every second).</param>
/// <param name="CriteriaSet">The criteria set.</param>
/// <param name="Clause">The clause.</param>
public sealed record SpecialCriteriaPolicy(Fraction Share, string CriteriaSet, string Clause)
{
    /// <summary>
    /// The counting scopes whose municipal allocations are counted (e.g. only <c>family</c>: "hver anden kommunale
    /// anvisning i den enkelte boligafdeling" among family allocations); <c>null</c>: every scope.
    /// </summary>
    public IReadOnlyList<string>? Counters { get; init; }
}
