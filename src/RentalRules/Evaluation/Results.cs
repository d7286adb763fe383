using RentalRules.Facts;

namespace RentalRules.Evaluation;

/// <summary>
/// The placement of a department in a tier, with the rule and clause behind it.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record PlacementResult
{
    internal PlacementResult(string? DepartmentId, PlacementOutcome Outcome, string? Tier, LocalizedText? TierLabel, Fraction? MunicipalShare, FlexibleLettingPolicy? FlexibleLetting, string? CriteriaSet, SpecialCriteriaPolicy? SpecialCriteria, IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, IReadOnlyList<Explanation> Explanation, IReadOnlyList<string> Missing, IReadOnlyList<LocalizedText> Warnings)
    {
        this.DepartmentId = DepartmentId;
        this.Outcome = Outcome;
        this.Tier = Tier;
        this.TierLabel = TierLabel;
        this.MunicipalShare = MunicipalShare;
        this.FlexibleLetting = FlexibleLetting;
        this.CriteriaSet = CriteriaSet;
        this.SpecialCriteria = SpecialCriteria;
        this.Routes = Routes;
        this.Explanation = Explanation;
        this.Missing = Missing;
        this.Warnings = Warnings;
    }

    /// <summary>The department's id.</summary>
    public string? DepartmentId { get; internal init; }

    /// <summary>Placed, undetermined or unplaced.</summary>
    public PlacementOutcome Outcome { get; internal init; }

    /// <summary>The tier id, or <c>null</c> when not placed.</summary>
    public string? Tier { get; internal init; }

    /// <summary>The tier's label.</summary>
    public LocalizedText? TierLabel { get; internal init; }

    /// <summary>The share of counted vacancies that go to the municipality.</summary>
    public Fraction? MunicipalShare { get; internal init; }

    /// <summary>The flexible-letting rule.</summary>
    public FlexibleLettingPolicy? FlexibleLetting { get; internal init; }

    /// <summary>The criteria set governing flexible letting in this department, if any.</summary>
    public string? CriteriaSet { get; internal init; }

    /// <summary>For tiers where every n-th municipal allocation is under special criteria: that share and set.</summary>
    public SpecialCriteriaPolicy? SpecialCriteria { get; internal init; }

    /// <summary>What each route requires.</summary>
    public IReadOnlyDictionary<LettingRoute, RouteSummary> Routes { get; internal init; }

    /// <summary>The rule that decided, with its clause.</summary>
    public IReadOnlyList<Explanation> Explanation { get; internal init; }

    /// <summary>Facts whose absence left the placement undetermined.</summary>
    public IReadOnlyList<string> Missing { get; internal init; }

    /// <summary>
    /// Warnings in Danish and English, in words for the caseworker: an evaluation date outside the pack's validity, key
    /// figures dated after the date or older than the pack's update cycle, a decided tier the pack does not place by, a
    /// statutory obligation (§ 60 stk. 4) that covers the department and that its tier's letting does not meet.
    /// </summary>
    public IReadOnlyList<LocalizedText> Warnings { get; internal init; }
}

/// <summary>
/// The outcome of one member against a criterion with an age band.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record MemberResult
{
    internal MemberResult(string MemberId, Outcome Outcome, IReadOnlyList<string> Missing)
    {
        this.MemberId = MemberId;
        this.Outcome = Outcome;
        this.Missing = Missing;
    }

    /// <summary>The member's id (never personal data).</summary>
    public string MemberId { get; internal init; }

    /// <summary>The member's outcome.</summary>
    public Outcome Outcome { get; internal init; }

    /// <summary>Missing facts for this member.</summary>
    public IReadOnlyList<string> Missing { get; internal init; }

    /// <summary>
    /// The member's age in whole years on the evaluation date (what put the member in the criterion's age band), or
    /// <c>null</c> when the birth date is unknown. For the caseworker's explanation; never logged.
    /// </summary>
    public int? Age { get; internal init; }

    /// <summary>
    /// The member's birth date, when the check asked for explanations (<see cref="EligibilityRequest.Explain"/>): for the
    /// caseworker's explanation; never logged.
    /// </summary>
    public DateOnly? BirthDate { get; internal init; }

    /// <summary>
    /// What decided the member's outcome, with the member's values and the thresholds they were held against (e.g.
    /// "… monthly gross income 9,000 DKK a month &lt; 16,408 DKK a month"), and which branch of an "or" held; only when
    /// the check asked for explanations (<see cref="EligibilityRequest.Explain"/>). For the caseworker; never logged.
    /// </summary>
    public LocalizedText? Detail { get; internal init; }
}

/// <summary>
/// The outcome of one criterion (or group of criteria).
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record CriterionResult
{
    internal CriterionResult(string Id, string Clause, string Source, Outcome Outcome, LocalizedText Title, IReadOnlyList<MemberResult> Members, IReadOnlyList<string> Missing, IReadOnlyList<LocalizedText> Documents, IReadOnlyList<CriterionResult> Children)
    {
        this.Id = Id;
        this.Clause = Clause;
        this.Source = Source;
        this.Outcome = Outcome;
        this.Title = Title;
        this.Members = Members;
        this.Missing = Missing;
        this.Documents = Documents;
        this.Children = Children;
    }

    /// <summary>The criterion id.</summary>
    public string Id { get; internal init; }

    /// <summary>The clause.</summary>
    public string Clause { get; internal init; }

    /// <summary>The pack declaring the clause.</summary>
    public string Source { get; internal init; }

    /// <summary>The outcome.</summary>
    public Outcome Outcome { get; internal init; }

    /// <summary>What the criterion requires.</summary>
    public LocalizedText Title { get; internal init; }

    /// <summary>Per member in the criterion's age band.</summary>
    public IReadOnlyList<MemberResult> Members { get; internal init; }

    /// <summary>Missing facts (only when undetermined).</summary>
    public IReadOnlyList<string> Missing { get; internal init; }

    /// <summary>Documents the household must show for this criterion.</summary>
    public IReadOnlyList<LocalizedText> Documents { get; internal init; }

    /// <summary>For a group: its criteria.</summary>
    public IReadOnlyList<CriterionResult> Children { get; internal init; }

    /// <summary>The assumed numbers the criterion rests on (empty when it rests only on the agreement's text).</summary>
    public IReadOnlyList<Assumption> Assumptions { get; internal init; } = [];

    /// <summary>
    /// For a criterion on the household (not per member): what decided it, with the values and thresholds compared and
    /// which branch of an "or" held; only when the check asked for explanations (<see cref="EligibilityRequest.Explain"/>).
    /// </summary>
    public LocalizedText? Detail { get; internal init; }
}

/// <summary>
/// What the host asks: may this household take this route into this department?
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
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

    /// <summary>
    /// Whether to explain each criterion with the values that decided it: per member, the value and the threshold
    /// (incomes, dates, ages), and which branch of an "or" held (<see cref="MemberResult.Detail"/>,
    /// <see cref="CriterionResult.Detail"/>). These quote the household's facts, for the caseworker. Off by default:
    /// a check that does not ask costs nothing more.
    /// </summary>
    public bool Explain { get; init; }
}

/// <summary>
/// The eligibility of a household for a route into a department.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record EligibilityResult
{
    internal EligibilityResult(string? HouseholdId, string? DepartmentId, LettingRoute Route, Outcome Outcome, PlacementResult Placement, IReadOnlyList<CriterionResult> Criteria, IReadOnlyList<string> Missing, IReadOnlyList<LocalizedText> Documents, IReadOnlyList<Explanation> Explanation)
    {
        this.HouseholdId = HouseholdId;
        this.DepartmentId = DepartmentId;
        this.Route = Route;
        this.Outcome = Outcome;
        this.Placement = Placement;
        this.Criteria = Criteria;
        this.Missing = Missing;
        this.Documents = Documents;
        this.Explanation = Explanation;
    }

    /// <summary>The household's id.</summary>
    public string? HouseholdId { get; internal init; }

    /// <summary>The department's id.</summary>
    public string? DepartmentId { get; internal init; }

    /// <summary>The route.</summary>
    public LettingRoute Route { get; internal init; }

    /// <summary>Eligible, ineligible or undetermined.</summary>
    public Outcome Outcome { get; internal init; }

    /// <summary>The department's placement.</summary>
    public PlacementResult Placement { get; internal init; }

    /// <summary>Per requirement (criteria set), with its criteria.</summary>
    public IReadOnlyList<CriterionResult> Criteria { get; internal init; }

    /// <summary>Missing facts, when undetermined.</summary>
    public IReadOnlyList<string> Missing { get; internal init; }

    /// <summary>Documents to request from the household.</summary>
    public IReadOnlyList<LocalizedText> Documents { get; internal init; }

    /// <summary>Why.</summary>
    public IReadOnlyList<Explanation> Explanation { get; internal init; }

    /// <summary>Whether the route is closed for this department (or dwelling): no household can take it. The outcome is then ineligible.</summary>
    public bool RouteClosed { get; internal init; }

    /// <summary>
    /// Every route's outcome for the household and department, when the check was asked for all of them
    /// (<see cref="Packs.RulePack.CheckEveryRoute"/>); empty otherwise.
    /// </summary>
    public IReadOnlyList<RouteOutcome> Routes { get; internal init; } = [];
}

/// <summary>
/// One route's outcome for a household, listed beside the route checked in full.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
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

/// <summary>
/// The decision for one vacancy, with the counting that led to it.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record RoutingDecision
{
    internal RoutingDecision(string? VacancyId, string? DepartmentId, VacancyRoute Route, bool SpecialCriteria, string? CriteriaSet, string? Tier, string? Counter, long? Count, Fraction? MunicipalShare, IReadOnlyList<Explanation> Explanation, IReadOnlyList<string> Missing)
    {
        this.VacancyId = VacancyId;
        this.DepartmentId = DepartmentId;
        this.Route = Route;
        this.SpecialCriteria = SpecialCriteria;
        this.CriteriaSet = CriteriaSet;
        this.Tier = Tier;
        this.Counter = Counter;
        this.Count = Count;
        this.MunicipalShare = MunicipalShare;
        this.Explanation = Explanation;
        this.Missing = Missing;
    }

    /// <summary>The vacancy id.</summary>
    public string? VacancyId { get; internal init; }

    /// <summary>The department id.</summary>
    public string? DepartmentId { get; internal init; }

    /// <summary>Where the vacancy goes.</summary>
    public VacancyRoute Route { get; internal init; }

    /// <summary>Whether this municipal allocation must meet the tier's special criteria.</summary>
    public bool SpecialCriteria { get; internal init; }

    /// <summary>The criteria set that governs the letting, if any.</summary>
    public string? CriteriaSet { get; internal init; }

    /// <summary>The department's tier.</summary>
    public string? Tier { get; internal init; }

    /// <summary>The counting scope the vacancy was counted in, if it was counted.</summary>
    public string? Counter { get; internal init; }

    /// <summary>k: the vacancy's number in its counter (1-based), if it was counted.</summary>
    public long? Count { get; internal init; }

    /// <summary>The share counted with.</summary>
    public Fraction? MunicipalShare { get; internal init; }

    /// <summary>The rules and clauses behind the decision.</summary>
    public IReadOnlyList<Explanation> Explanation { get; internal init; }

    /// <summary>Missing facts, when undetermined.</summary>
    public IReadOnlyList<string> Missing { get; internal init; }

    /// <summary>The ids of the pack's marks the vacancy carries (e.g. <c>lowRent</c> for rent under 5 000 DKK/month).</summary>
    public IReadOnlyList<string> Marks { get; internal init; } = [];
}

/// <summary>
/// A routing decision and the ledger after it.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record RoutingResult
{
    internal RoutingResult(RoutingDecision Decision, Ledger Ledger)
    {
        this.Decision = Decision;
        this.Ledger = Ledger;
    }

    /// <summary>The decision.</summary>
    public RoutingDecision Decision { get; internal init; }

    /// <summary>The new ledger (the same instance when nothing was counted).</summary>
    public Ledger Ledger { get; internal init; }

    /// <summary>The routing rule that decided (fixed route or counting), for the journal.</summary>
    internal Packs.RoutingRule? Rule { get; init; }
}
