using RentalRules.Facts;

namespace RentalRules.Evaluation;

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

    /// <summary>
    /// Every route's outcome for the household and department, when the check was asked for all of them
    /// (<see cref="Packs.RulePack.CheckEveryRoute"/>); empty otherwise.
    /// </summary>
    public IReadOnlyList<RouteOutcome> Routes { get; init; } = [];
}

/// <summary>One route's outcome for a household, listed beside the route checked in full.</summary>
public sealed class RouteOutcome
{
    /// <summary>The routes in the order they are listed.</summary>
    internal static readonly IReadOnlyList<LettingRoute> Order = [LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList];

    internal RouteOutcome(LettingRoute route, Outcome outcome, bool closed, IReadOnlyList<string> missing)
    {
        Route = route;
        Outcome = outcome;
        Closed = closed;
        Missing = missing;
    }

    /// <summary>The route.</summary>
    public LettingRoute Route { get; }

    /// <summary>Eligible, ineligible or undetermined on this route.</summary>
    public Outcome Outcome { get; }

    /// <summary>Whether the route is closed for the department (or dwelling): no household can take it.</summary>
    public bool Closed { get; }

    /// <summary>The facts missing, when undetermined.</summary>
    public IReadOnlyList<string> Missing { get; }
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
