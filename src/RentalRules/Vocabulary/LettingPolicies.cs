namespace RentalRules;

/// <summary>
/// A tier's flexible-letting rule.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record FlexibleLettingPolicy
{
    internal FlexibleLettingPolicy(string Rule, Fraction? MaxShare, Fraction? Share, string? Clause)
    {
        this.Rule = Rule;
        this.MaxShare = MaxShare;
        this.Share = Share;
        this.Clause = Clause;
    }

    /// <summary><c>none</c>, <c>agreed</c> (by individual agreement, up to <see cref="MaxShare"/>), <c>obligatory</c> (by law in designated areas) or <c>all</c> (every non-municipal letting is flexible).</summary>
    public string Rule { get; internal init; }

    /// <summary>The cap on the flexibly let share, or <c>null</c> when there is none.</summary>
    public Fraction? MaxShare { get; internal init; }

    /// <summary>The department's share: its agreed share capped by <see cref="MaxShare"/>; <c>null</c> when unknown.</summary>
    public Fraction? Share { get; internal init; }

    /// <summary>The clause.</summary>
    public string? Clause { get; internal init; }
}

/// <summary>
/// What a route into a department of a tier requires.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record RouteSummary
{
    internal RouteSummary(bool Open, IReadOnlyList<string> CriteriaSets)
    {
        this.Open = Open;
        this.CriteriaSets = CriteriaSets;
    }

    /// <summary>Whether the route is open at all.</summary>
    public bool Open { get; internal init; }

    /// <summary>The criteria sets that apply (for this department), in order.</summary>
    public IReadOnlyList<string> CriteriaSets { get; internal init; }
}


/// <summary>
/// Every n-th municipal allocation under special criteria.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record SpecialCriteriaPolicy
{
    internal SpecialCriteriaPolicy(Fraction Share, string CriteriaSet, string Clause)
    {
        this.Share = Share;
        this.CriteriaSet = CriteriaSet;
        this.Clause = Clause;
    }

    /// <summary>The share of municipal allocations (e.g. 1/2 for every second).</summary>
    public Fraction Share { get; internal init; }

    /// <summary>The criteria set.</summary>
    public string CriteriaSet { get; internal init; }

    /// <summary>The clause.</summary>
    public string Clause { get; internal init; }

    /// <summary>
    /// The counting scopes whose municipal allocations are counted (e.g. only <c>family</c>: "hver anden kommunale
    /// anvisning i den enkelte boligafdeling" among family allocations); <c>null</c>: every scope.
    /// </summary>
    public IReadOnlyList<string>? Counters { get; internal init; }
}
