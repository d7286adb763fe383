namespace RentalRules;

/// <summary>Why an answer is what it is: the rule, the clause of the agreement (or law) behind it, and a short reason.</summary>
/// <param name="RuleId">The id of the rule, tier, requirement or criterion in the pack.</param>
/// <param name="Clause">The clause reference, e.g. <c>§ 6</c> or <c>bilag 3 nr. 1</c>.</param>
/// <param name="Source">The id of the pack that declares the clause (e.g. <c>holbaek-2024</c>, or <c>dk-statutory-restrictions</c> for the Act).</param>
/// <param name="Reason">The reason, in Danish and English.</param>
public sealed record Explanation(string RuleId, string Clause, string Source, LocalizedText Reason);


/// <summary>
/// A number a criterion rests on that is not in the agreement's text (a parameter marked <c>assumed</c> in the pack), so
/// that a caseworker sees which answers depend on an assumption.
/// </summary>
/// <param name="Parameter">The parameter's name in the pack (for machines; the reason names it in words), or <c>null</c> when the criterion itself states the assumption.</param>
/// <param name="Value">The parameter's value on the evaluation date, or <c>null</c> when it has none then (or there is no parameter).</param>
/// <param name="Reason">What is assumed, with the value, in Danish and English.</param>
public sealed record Assumption(string? Parameter, decimal? Value, LocalizedText Reason);

/// <summary>
/// A reading the pack makes where the agreement's text is open: the rule it is on, the clause, the reading encoded and
/// the alternative a reader could take (and, where the alternative changes outcomes, a draft that encodes it).
/// </summary>
/// <param name="Id">The interpretation's id in the pack.</param>
/// <param name="Rule">The id of the rule, criterion, tier, routing rule, mark or parameter the reading is on.</param>
/// <param name="Clause">The clause whose text is open.</param>
/// <param name="Source">The pack that declares the clause.</param>
/// <param name="Reading">The reading the pack encodes, and why.</param>
/// <param name="Alternative">The other reading.</param>
/// <param name="Draft">A draft pack that encodes the alternative, if one is shipped (a path relative to the repository).</param>
public sealed record Interpretation(string Id, string Rule, string Clause, string Source, string Reading, string Alternative, string? Draft);
