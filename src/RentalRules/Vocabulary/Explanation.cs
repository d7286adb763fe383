namespace RentalRules;

/// <summary>
/// Why an answer is what it is: the rule, the clause of the agreement (or law) behind it, and a short reason.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record Explanation
{
    internal Explanation(string RuleId, string Clause, string Source, LocalizedText Reason)
    {
        this.RuleId = RuleId;
        this.Clause = Clause;
        this.Source = Source;
        this.Reason = Reason;
    }

    /// <summary>The id of the rule, tier, requirement or criterion in the pack.</summary>
    public string RuleId { get; internal init; }

    /// <summary>The clause reference, e.g. <c>§ 6</c> or <c>bilag 3 nr. 1</c>.</summary>
    public string Clause { get; internal init; }

    /// <summary>The id of the pack that declares the clause (e.g. <c>holbaek-2024</c>, or <c>dk-statutory-restrictions</c> for the Act).</summary>
    public string Source { get; internal init; }

    /// <summary>The reason, in Danish and English.</summary>
    public LocalizedText Reason { get; internal init; }
}


/// <summary>
/// A number a criterion rests on that is not in the agreement's text (a parameter marked <c>assumed</c> in the pack), so
/// that a caseworker sees which answers depend on an assumption.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record Assumption
{
    internal Assumption(string? Parameter, decimal? Value, LocalizedText Reason)
    {
        this.Parameter = Parameter;
        this.Value = Value;
        this.Reason = Reason;
    }

    /// <summary>The parameter's name in the pack (for machines; the reason names it in words), or <c>null</c> when the criterion itself states the assumption.</summary>
    public string? Parameter { get; internal init; }

    /// <summary>The parameter's value on the evaluation date, or <c>null</c> when it has none then (or there is no parameter).</summary>
    public decimal? Value { get; internal init; }

    /// <summary>What is assumed, with the value, in Danish and English.</summary>
    public LocalizedText Reason { get; internal init; }
}

/// <summary>
/// A reading the pack makes where the agreement's text is open: the rule it is on, the clause, the reading encoded and
/// the alternative a reader could take (and, where the alternative changes outcomes, a draft that encodes it).
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record Interpretation
{
    internal Interpretation(string Id, string Rule, string Clause, string Source, string Reading, string Alternative, string? Draft)
    {
        this.Id = Id;
        this.Rule = Rule;
        this.Clause = Clause;
        this.Source = Source;
        this.Reading = Reading;
        this.Alternative = Alternative;
        this.Draft = Draft;
    }

    /// <summary>The interpretation's id in the pack.</summary>
    public string Id { get; internal init; }

    /// <summary>The id of the rule, criterion, tier, routing rule, mark or parameter the reading is on.</summary>
    public string Rule { get; internal init; }

    /// <summary>The clause whose text is open.</summary>
    public string Clause { get; internal init; }

    /// <summary>The pack that declares the clause.</summary>
    public string Source { get; internal init; }

    /// <summary>The reading the pack encodes, and why.</summary>
    public string Reading { get; internal init; }

    /// <summary>The other reading.</summary>
    public string Alternative { get; internal init; }

    /// <summary>A draft pack that encodes the alternative, if one is shipped (a path relative to the repository).</summary>
    public string? Draft { get; internal init; }
}
