using RentalRules.Facts;

namespace RentalRules.Evaluation;

/// <summary>A short text in Danish and English.</summary>
/// <param name="Da">Danish.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string Da, string En)
{
    /// <summary>The text in the given language (<c>"da"</c> or <c>"en"</c>).</summary>
    /// <param name="language">The language code.</param>
    /// <returns>The text.</returns>
    public string In(string language) => language == "da" ? Da : En;
}

/// <summary>Why an answer is what it is: the rule, the clause of the agreement (or law) behind it, and a short reason.</summary>
/// <param name="RuleId">The id of the rule, tier, requirement or criterion in the pack.</param>
/// <param name="Clause">The clause reference, e.g. <c>§ 6</c> or <c>bilag 3 nr. 1</c>.</param>
/// <param name="Source">The id of the pack that declares the clause (e.g. <c>holbaek-2024</c>, or <c>dk-statutory-restrictions</c> for the Act).</param>
/// <param name="Reason">The reason, in Danish and English.</param>
public sealed record Explanation(string RuleId, string Clause, string Source, LocalizedText Reason);

/// <summary>Three-valued outcome of an eligibility check or a criterion.</summary>
public enum Outcome
{
    /// <summary>The household meets it.</summary>
    Eligible,

    /// <summary>The household does not meet it.</summary>
    Ineligible,

    /// <summary>Facts are missing; see the missing list and the documents to request.</summary>
    Undetermined,
}

/// <summary>How a vacancy reaches a household.</summary>
public enum LettingRoute
{
    /// <summary>The municipality allocates (kommunal anvisning).</summary>
    Municipal,

    /// <summary>Priority on the waiting list under flexible criteria (fleksibel udlejning).</summary>
    Flexible,

    /// <summary>The ordinary waiting list by seniority.</summary>
    WaitingList,
}

/// <summary>Whether placement found a tier.</summary>
public enum PlacementOutcome
{
    /// <summary>A rule placed the department in a tier.</summary>
    Placed,

    /// <summary>A fact needed to decide is missing.</summary>
    Undetermined,

    /// <summary>No rule applied (a gap in the pack's table).</summary>
    Unplaced,
}

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

/// <summary>The placement of a department in a tier, with the rule and clause behind it.</summary>
/// <param name="DepartmentId">The department's id.</param>
/// <param name="Outcome">Placed, undetermined or unplaced.</param>
/// <param name="Tier">The tier id, or <c>null</c> when not placed.</param>
/// <param name="TierLabel">The tier's label.</param>
/// <param name="MunicipalShare">The share of counted vacancies that go to the municipality.</param>
/// <param name="FlexibleLetting">The flexible-letting rule.</param>
/// <param name="CriteriaSet">The criteria set governing flexible letting in this department, if any.</param>
/// <param name="SpecialCriteria">For tiers where every n-th municipal allocation is under special criteria: that share and set.</param>
/// <param name="Routes">What each route requires.</param>
/// <param name="Explanation">The rule that decided, with its clause.</param>
/// <param name="Missing">Facts whose absence left the placement undetermined.</param>
/// <param name="Warnings">Warnings, e.g. an evaluation date outside the pack's validity.</param>
public sealed record PlacementResult(
    string? DepartmentId,
    PlacementOutcome Outcome,
    string? Tier,
    LocalizedText? TierLabel,
    Fraction? MunicipalShare,
    FlexibleLettingPolicy? FlexibleLetting,
    string? CriteriaSet,
    SpecialCriteriaPolicy? SpecialCriteria,
    IReadOnlyDictionary<LettingRoute, RouteSummary> Routes,
    IReadOnlyList<Explanation> Explanation,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Warnings);

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

/// <summary>The outcome of one member against a criterion with an age band.</summary>
/// <param name="MemberId">The member's id (never personal data).</param>
/// <param name="Outcome">The member's outcome.</param>
/// <param name="Missing">Missing facts for this member.</param>
public sealed record MemberResult(string MemberId, Outcome Outcome, IReadOnlyList<string> Missing)
{
    /// <summary>
    /// The member's age in whole years on the evaluation date (what put the member in the criterion's age band), or
    /// <c>null</c> when the birth date is unknown. For the caseworker's explanation; never logged.
    /// </summary>
    public int? Age { get; init; }
}

/// <summary>The outcome of one criterion (or group of criteria).</summary>
/// <param name="Id">The criterion id.</param>
/// <param name="Clause">The clause.</param>
/// <param name="Source">The pack declaring the clause.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Title">What the criterion requires.</param>
/// <param name="Members">Per member in the criterion's age band.</param>
/// <param name="Missing">Missing facts (only when undetermined).</param>
/// <param name="Documents">Documents the household must show for this criterion.</param>
/// <param name="Children">For a group: its criteria.</param>
public sealed record CriterionResult(
    string Id,
    string Clause,
    string Source,
    Outcome Outcome,
    LocalizedText Title,
    IReadOnlyList<MemberResult> Members,
    IReadOnlyList<string> Missing,
    IReadOnlyList<LocalizedText> Documents,
    IReadOnlyList<CriterionResult> Children)
{
    /// <summary>The assumed numbers the criterion rests on (empty when it rests only on the agreement's text).</summary>
    public IReadOnlyList<Assumption> Assumptions { get; init; } = [];
}

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

/// <summary>What the host asks: may this household take this route into this department?</summary>
/// <param name="Department">The department.</param>
/// <param name="Household">The household.</param>
/// <param name="Route">The route.</param>
/// <param name="On">The evaluation date; parameters resolve by it.</param>
/// <param name="SpecialCriteria">Whether this municipal allocation is one that must meet the tier's special criteria (decided by routing).</param>
public sealed record EligibilityRequest(Department Department, Household Household, LettingRoute Route, DateOnly On, bool SpecialCriteria = false)
{
    /// <summary>
    /// The dwelling, when the household is checked for a particular vacancy: the pack's routing rule that covers it
    /// (by category, programme, area, first letting, …) decides how it is let, as it decides where it goes — e.g. an
    /// elderly dwelling in a red Holbæk department is allocated 100 % by the municipality although red departments are
    /// exempt. Without it, the department's tier decides.
    /// </summary>
    public Vacancy? Vacancy { get; init; }
}

/// <summary>The eligibility of a household for a route into a department.</summary>
/// <param name="HouseholdId">The household's id.</param>
/// <param name="DepartmentId">The department's id.</param>
/// <param name="Route">The route.</param>
/// <param name="Outcome">Eligible, ineligible or undetermined.</param>
/// <param name="Placement">The department's placement.</param>
/// <param name="Criteria">Per requirement (criteria set), with its criteria.</param>
/// <param name="Missing">Missing facts, when undetermined.</param>
/// <param name="Documents">Documents to request from the household.</param>
/// <param name="Explanation">Why.</param>
public sealed record EligibilityResult(
    string? HouseholdId,
    string? DepartmentId,
    LettingRoute Route,
    Outcome Outcome,
    PlacementResult Placement,
    IReadOnlyList<CriterionResult> Criteria,
    IReadOnlyList<string> Missing,
    IReadOnlyList<LocalizedText> Documents,
    IReadOnlyList<Explanation> Explanation)
{
    /// <summary>Whether the route is closed for this department (or dwelling): no household can take it. The outcome is then ineligible.</summary>
    public bool RouteClosed { get; init; }
}

/// <summary>Where a vacancy goes.</summary>
public enum VacancyRoute
{
    /// <summary>To the municipality (kommunal anvisning).</summary>
    Municipal,

    /// <summary>To flexible letting.</summary>
    Flexible,

    /// <summary>To the ordinary waiting list.</summary>
    WaitingList,

    /// <summary>No letting at all (e.g. a department rehousing its residents).</summary>
    Closed,

    /// <summary>Outside the agreement (e.g. Holbæk's youth dwellings).</summary>
    OutOfScope,

    /// <summary>A fact needed to decide is missing; nothing was counted.</summary>
    Undetermined,
}

/// <summary>The decision for one vacancy, with the counting that led to it.</summary>
/// <param name="VacancyId">The vacancy id.</param>
/// <param name="DepartmentId">The department id.</param>
/// <param name="Route">Where the vacancy goes.</param>
/// <param name="SpecialCriteria">Whether this municipal allocation must meet the tier's special criteria.</param>
/// <param name="CriteriaSet">The criteria set that governs the letting, if any.</param>
/// <param name="Tier">The department's tier.</param>
/// <param name="Counter">The counting scope the vacancy was counted in, if it was counted.</param>
/// <param name="Count">k: the vacancy's number in its counter (1-based), if it was counted.</param>
/// <param name="MunicipalShare">The share counted with.</param>
/// <param name="Explanation">The rules and clauses behind the decision.</param>
/// <param name="Missing">Missing facts, when undetermined.</param>
public sealed record RoutingDecision(
    string? VacancyId,
    string? DepartmentId,
    VacancyRoute Route,
    bool SpecialCriteria,
    string? CriteriaSet,
    string? Tier,
    string? Counter,
    long? Count,
    Fraction? MunicipalShare,
    IReadOnlyList<Explanation> Explanation,
    IReadOnlyList<string> Missing)
{
    /// <summary>The ids of the pack's marks the vacancy carries (e.g. <c>lowRent</c> for rent under 5 000 DKK/month).</summary>
    public IReadOnlyList<string> Marks { get; init; } = [];
}

/// <summary>A routing decision and the ledger after it.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Ledger">The new ledger (the same instance when nothing was counted).</param>
public sealed record RoutingResult(RoutingDecision Decision, Ledger Ledger)
{
    /// <summary>The routing rule that decided (fixed route or counting), for the journal.</summary>
    internal Packs.RoutingRule? Rule { get; init; }
}
