namespace RentalRules;

/// <summary>
/// A rule (placement rule, tier, criterion, routing rule, …) of a pack and the clause it cites.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record Citation
{
    internal Citation(string ruleId, string clause, string source)
    {
        RuleId = ruleId;
        Clause = clause;
        Source = source;
    }

    /// <summary>The id of the rule, e.g. <c>placement.red</c> or <c>green.flexibleLetting</c>.</summary>
    public string RuleId { get; }

    /// <summary>The clause the rule cites, e.g. <c>§ 3 stk. 2</c>.</summary>
    public string Clause { get; }

    /// <summary>The id of the pack declaring the clause (the pack itself, or a pack it extends).</summary>
    public string Source { get; }
}

/// <summary>
/// A clause a pack declares, and the pack that declares it.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record DeclaredClause
{
    internal DeclaredClause(string clause, string source)
    {
        Clause = clause;
        Source = source;
    }

    /// <summary>The clause, e.g. <c>§ 59 stk. 6</c>.</summary>
    public string Clause { get; }

    /// <summary>The id of the pack declaring it (the pack itself, or a pack it extends).</summary>
    public string Source { get; }
}
