using System.Collections.Concurrent;
using RentalRules.Compilation;
using RentalRules.Evaluation;
using RentalRules.Facts;

namespace RentalRules.Packs;

/// <summary>
/// A loaded, checked and compiled rule pack: one agreement (composed with the packs it extends). Immutable and
/// thread-safe: load it once and share it; every evaluation is a pure function of the pack, the facts and the date.
/// Load packs with <see cref="RulePackLoader"/>.
/// </summary>
public sealed partial class RulePack
{
    private readonly Lazy<ObligationCheck> _obligationCheck;

    /// <summary>The days on which some parameter takes a new value, ascending; <see cref="_valuesFrom"/>[i] holds every parameter's value from day i on.</summary>
    private readonly int[] _changeDays;
    private readonly decimal?[][] _valuesFrom;
    private readonly decimal?[] _valuesBefore;

    internal RulePack(
        PackMetadata metadata,
        IReadOnlyDictionary<string, ClauseInfo> clauses,
        IReadOnlyDictionary<string, ParameterDef> parameters,
        IReadOnlyDictionary<string, TierDef> tiers,
        HitPolicy hitPolicy,
        IReadOnlyList<PlacementRule> placementRules,
        IReadOnlyList<RouteRequirement> requirements,
        IReadOnlyDictionary<string, CriteriaSetDef> criteriaSets,
        FactNames factNames,
        IReadOnlyList<RoutingRule> routingRules,
        TierChangePolicy? tierChange)
    {
        _obligationCheck = new Lazy<ObligationCheck>(() => ObligationCheck.Build(this));
        RoutingRules = routingRules;
        TierChange = tierChange;
        ParameterOrder = parameters.Values.ToArray();
        Reasons = new ReasonText(ParameterOrder.Select(p => p.Name).ToArray(), Units(ParameterOrder));
        Metadata = metadata;
        Clauses = clauses;
        Parameters = parameters;
        TierDefs = tiers;
        HitPolicy = hitPolicy;
        PlacementRules = [.. placementRules];
        Requirements = requirements;
        CriteriaSets = criteriaSets;
        FactNames = factNames;
        HasSpecialCriteria = tiers.Values.Any(t => t.SpecialCriteria is not null);
        _changeDays = ChangeDays(ParameterOrder);
        _valuesFrom = _changeDays.Select(day => ParameterOrder.Select(p => p.ValueOn(DateOnly.FromDayNumber(day))).ToArray()).ToArray();
        _valuesBefore = new decimal?[ParameterOrder.Length];
        DwellingTiers = BuildDwellingTiers(tiers, routingRules);
        var policies = tiers.Values.Concat(DwellingTiers.Values).ToList();
        RouteRequirements = policies.ToDictionary(
            t => t.Key,
            t => RequirementsByRoute(t, requirements),
            StringComparer.Ordinal);
        DefaultFlexible = policies.ToDictionary(
            t => t.Key,
            t => new FlexibleLettingPolicy(PackNames.Name(t.FlexibleRule), t.FlexibleMaxShare, t.FlexibleRule switch { FlexibleRule.None => Fraction.Zero, FlexibleRule.All => Fraction.One, _ => null }, t.FlexibleClause?.Id),
            StringComparer.Ordinal);
        TierRuntimes = policies.ToDictionary(
            t => t.Key,
            t => new TierRuntime(t, RouteRequirements[t.Key], DefaultFlexible[t.Key]),
            StringComparer.Ordinal);
        foreach (var rule in placementRules)
        {
            if (TierRuntimes.TryGetValue(rule.Tier, out var runtime))
            {
                rule.Target = runtime;
            }
        }

        _tierRuntimeList = tiers.Values.Select(t => TierRuntimes[t.Key]).ToArray();
    }

    /// <summary>The tiers' runtimes (not the dwellings' policies), in the pack's order, for <see cref="RuntimeOf"/>.</summary>
    private readonly TierRuntime[] _tierRuntimeList;

    /// <summary>
    /// The runtime of a tier by its id, as a placement gives it. The id a placement gives is the tier's own string, so
    /// a few reference comparisons find it without hashing the name; any other string is looked up by name.
    /// </summary>
    internal TierRuntime RuntimeOf(string tierId)
    {
        var list = _tierRuntimeList;
        for (var i = 0; i < list.Length && i < 16; i++)
        {
            if (ReferenceEquals(list[i].Tier.Id, tierId))
            {
                return list[i];
            }
        }

        return TierRuntimes[tierId];
    }

    /// <summary>Per letting policy key (tier id, or <c>tier@rule</c> for a dwelling's policy): what evaluation needs of the policy, looked up once per placement (see <see cref="PlacementRule.Target"/>).</summary>
    internal IReadOnlyDictionary<string, TierRuntime> TierRuntimes { get; }

    /// <summary>Per tier: the flexible-letting policy when the department's own share does not enter into it.</summary>
    internal IReadOnlyDictionary<string, FlexibleLettingPolicy> DefaultFlexible { get; }

    /// <summary>Per tier, per route (indexed by <see cref="LettingRoute"/>): the tier's requirements, then the pack-wide ones.</summary>
    internal IReadOnlyDictionary<string, Requirement[][]> RouteRequirements { get; }

    /// <summary>The pack id, e.g. <c>holbaek-2024</c>.</summary>
    public string Id => Metadata.Id;

    /// <summary>The pack version.</summary>
    public string Version => Metadata.Version;

    /// <summary>The title.</summary>
    public string Title => Metadata.Title;

    /// <summary>The municipality, if the pack is for one.</summary>
    public string? Municipality => Metadata.Municipality;

    /// <summary><c>signed</c>, <c>statutory</c>, <c>draft</c> or <c>illustrative</c>.</summary>
    public string Status => PackNames.Name(Metadata.Status);

    /// <summary>First day the agreement applies.</summary>
    public DateOnly? ValidFrom => Metadata.ValidFrom;

    /// <summary>Last day the agreement applies.</summary>
    public DateOnly? ValidTo => Metadata.ValidTo;

    /// <summary>The ids of the packs this one extends, nearest first.</summary>
    public IReadOnlyList<string> Extends => Metadata.Extends;

    /// <summary>The tier ids, in declaration order.</summary>
    public IReadOnlyList<string> Tiers => TierDefs.Keys.ToList();

    /// <summary>The ids of every rule, criterion and requirement that cites a clause, with the clause.</summary>
    public IReadOnlyList<Citation> Citations => EnumerateCitations().Select(c => new Citation(c.Item1, c.Item2, c.Item3)).ToList();

    /// <summary>The readings the pack makes where the agreement's text is open, each on its rule (with those of its bases).</summary>
    public IReadOnlyList<Interpretation> Interpretations { get; internal init; } = [];

    /// <summary>The clauses the pack declares, with the pack that declares each.</summary>
    public IReadOnlyList<DeclaredClause> DeclaredClauses => Clauses.Values.Select(c => new DeclaredClause(c.Id, c.Source)).ToList();

    internal PackMetadata Metadata { get; }

    internal IReadOnlyDictionary<string, ClauseInfo> Clauses { get; }

    internal IReadOnlyDictionary<string, ParameterDef> Parameters { get; }

    internal ParameterDef[] ParameterOrder { get; }

    internal IReadOnlyDictionary<string, TierDef> TierDefs { get; }

    internal HitPolicy HitPolicy { get; }

    /// <summary>The placement table in order; an array, which a placement walks without an enumerator.</summary>
    internal PlacementRule[] PlacementRules { get; }

    internal IReadOnlyList<RouteRequirement> Requirements { get; }

    internal IReadOnlyDictionary<string, CriteriaSetDef> CriteriaSets { get; }

    internal FactNames FactNames { get; }

    internal IReadOnlyList<RoutingRule> RoutingRules { get; }

    internal TierChangePolicy? TierChange { get; }

    /// <summary>The concentration guard of routing, if the pack has one.</summary>
    internal ConcentrationGuard? Concentration { get; init; }

    /// <summary>Whether decided tiers (the department fact <c>decidedTiers</c>) or the placement table place a department.</summary>
    internal DecidedPlacement? Decided { get; init; }

    /// <summary>How old key figures may be before placement warns.</summary>
    internal KeyFiguresCycle? KeyFiguresCycle { get; init; }

    /// <summary>The statutory obligations on the agreement (e.g. § 60 stk. 4), with their bases'.</summary>
    internal IReadOnlyList<Obligation> Obligations { get; init; } = [];

    /// <summary>The agreement's letting policies checked against <see cref="Obligations"/>, built on first use.</summary>
    internal ObligationCheck ObligationCheck => _obligationCheck.Value;

    /// <summary>The marks routing puts on vacancies.</summary>
    internal IReadOnlyList<VacancyMark> Marks { get; init; } = [];

    /// <summary>Whether some tier puts every n-th municipal allocation under special criteria.</summary>
    internal bool HasSpecialCriteria { get; }

    /// <summary>Places a department in a tier on a date.</summary>
    /// <param name="request">The department and the date.</param>
    /// <returns>The placement with its explanation. Never throws for any department.</returns>
    public PlacementResult Place(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Department);
        var scope = RentScope(request.On);
        return Returned(scope, Evaluator.Place(this, request.Department, request.On, scope));
    }

    /// <summary>Checks whether a household may take a route into a department.</summary>
    /// <param name="request">The department, household, route and date.</param>
    /// <returns>The eligibility with per-criterion, per-member detail, missing facts and documents. Never throws for any facts.</returns>
    public EligibilityResult Check(EligibilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Department);
        ArgumentNullException.ThrowIfNull(request.Household);
        if (request.Explain)
        {
            return Evaluator.Check(this, request, NewScope(request.On));
        }

        var scope = RentScope(request.On);
        return Returned(scope, Evaluator.Check(this, request, scope));
    }

    /// <summary>
    /// The route a check takes when the caller names none: the pack's <c>defaultRoute</c> (e.g. the waiting list for
    /// private letting under criteria, where there is no flexible letting), <c>flexible</c> when the pack does not say.
    /// </summary>
    public LettingRoute DefaultRoute => Metadata.DefaultRoute;

    /// <summary>
    /// Checks a household on the request's route, and lists beside it every route's outcome (in the order municipal,
    /// flexible, waiting list, and internal transfer where the department's tier states it) in <see cref="EligibilityResult.Routes"/>: what a caseworker sees when no route is named.
    /// The department is placed once for all routes.
    /// </summary>
    /// <param name="request">The department, household, the route to explain in full, and the date.</param>
    /// <returns>The request's route's result, with <see cref="EligibilityResult.Routes"/> filled. Never throws for any facts.</returns>
    public EligibilityResult CheckEveryRoute(EligibilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Department);
        ArgumentNullException.ThrowIfNull(request.Household);
        return Evaluator.CheckEveryRoute(this, request, null);
    }

    /// <summary>
    /// Decides where a vacancy goes and counts it in the ledger: <c>municipal</c>, <c>flexible</c>, <c>waitingList</c>,
    /// <c>closed</c> or <c>outOfScope</c> (or <c>undetermined</c> when a fact is missing; nothing is counted then).
    /// </summary>
    /// <param name="request">The department, the vacancy, the date and the ledger kept under this pack (<c>null</c>: an empty one).</param>
    /// <returns>The decision with its explanation, and the new ledger.</returns>
    /// <exception cref="ArgumentException">The ledger was kept under another pack.</exception>
    public RoutingResult Route(RoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (department, vacancy, on) = request;
        var ledger = request.Ledger ?? NewLedger();
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(vacancy);
        if (ledger.PackId != Id)
        {
            throw new ArgumentException($"The ledger was kept under the pack '{ledger.PackId}', not '{Id}'.", nameof(ledger));
        }

        return Router.Route(this, department, vacancy, ledger, on);
    }

    /// <summary>
    /// Routes a vacancy for the decision journal: the same decision and ledger as <see cref="Route"/>, and the
    /// <see cref="JournalEntry"/> that records it (none when the routing is undetermined). Stores call this once per
    /// vacancy id; routing a recorded vacancy again is theirs to refuse (they return the recorded entry).
    /// </summary>
    /// <param name="request">The department and the vacancy (their ids are required: the journal is keyed by the vacancy's), the date, and the ledger kept under this pack (at least the department's part, see <see cref="Ledger.Slice"/>; <c>null</c>: an empty one).</param>
    /// <param name="recordedAt">When the decision is recorded (the host's <see cref="TimeProvider"/>).</param>
    /// <returns>The decision, the entry and the new ledger.</returns>
    /// <exception cref="ArgumentException">The vacancy or department has no id, or the ledger was kept under another pack.</exception>
    public JournalRecording Record(RoutingRequest request, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (department, vacancy, on) = request;
        var ledger = request.Ledger ?? NewLedger();
        CheckForJournal(department, vacancy, ledger);
        return JournalRecorder.Record(this, department, vacancy, ledger, on, recordedAt);
    }

    /// <summary>
    /// Re-routes a recorded vacancy (e.g. one routed on wrong facts): withdraws the recorded decision's count from the
    /// ledger and decides again with the corrected facts, by what the municipality is due (⌊k·p⌋ against the allocations
    /// it has had), so the correction neither costs nor gives the municipality an allocation. The new entry has the next
    /// revision and the reason; the recorded entry stays in the journal.
    /// </summary>
    /// <param name="request">The department and the vacancy with corrected facts (the vacancy's id must be the recorded one), the date, and the ledger (at least the parts of the recorded and the new department).</param>
    /// <param name="recorded">The entry in force for the vacancy.</param>
    /// <param name="reason">Why the vacancy is routed again (kept in the journal; no personal data).</param>
    /// <param name="recordedAt">When the re-routing is recorded.</param>
    /// <returns>The decision, the new entry (none when undetermined: the recorded decision stays in force) and the new ledger.</returns>
    /// <exception cref="ArgumentException">The ids are missing or differ from the recorded vacancy's, the reason is empty, or the ledger was kept under another pack.</exception>
    public JournalRecording Reroute(RoutingRequest request, JournalEntry recorded, string reason, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (department, vacancy, on) = request;
        var ledger = request.Ledger ?? NewLedger();
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CheckForJournal(department, vacancy, ledger);
        if (vacancy.Id != recorded.VacancyId)
        {
            throw new ArgumentException($"The vacancy '{vacancy.Id}' is not the recorded vacancy '{recorded.VacancyId}'.", nameof(vacancy));
        }

        return JournalRecorder.Reroute(this, recorded, reason, department, vacancy, ledger, on, recordedAt);
    }

    private void CheckForJournal(Department department, Vacancy vacancy, Ledger ledger)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(ledger);
        if (string.IsNullOrWhiteSpace(vacancy.Id))
        {
            throw new ArgumentException("The vacancy has no id; the decision journal is keyed by the host's vacancy id.", nameof(vacancy));
        }

        if (string.IsNullOrWhiteSpace(department.Id))
        {
            throw new ArgumentException("The department has no id; routing counts per department.", nameof(department));
        }

        if (ledger.PackId != Id)
        {
            throw new ArgumentException($"The ledger was kept under the pack '{ledger.PackId}', not '{Id}'.", nameof(ledger));
        }
    }

    /// <summary>An empty ledger for this pack.</summary>
    /// <returns>The ledger.</returns>
    public Ledger NewLedger() => Ledger.Empty(Id, Version);

    /// <summary>The value of a parameter on a date, or <c>null</c> when it has none then.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="on">The date.</param>
    /// <returns>The value.</returns>
    public decimal? ParameterValue(string name, DateOnly on) => Parameters.TryGetValue(name, out var p) ? p.ValueOn(on) : null;

    /// <summary>A parameter's unit (e.g. <c>share</c>), or <c>null</c> when the pack has no such parameter.</summary>
    internal string? ParameterUnit(string name) => Parameters.TryGetValue(name, out var p) ? PackNames.Name(p.Unit) : null;

    internal EvalScope NewScope(DateOnly on) => new() { On = on.DayNumber, Parameters = DayOf(on).Parameters };

    /// <summary>The oldest key figures the update cycle accepts on a date; null without a cycle, or when no date is that much older.</summary>
    private DateOnly? OldestKeyFiguresOn(DateOnly on)
        => KeyFiguresCycle is { } cycle && cycle.MaxAgeMonths <= ((on.Year - 1) * 12) + on.Month - 1 ? on.AddMonths(-cycle.MaxAgeMonths) : null;

    /// <summary>The last date an evaluation asked about, with what it means (see <see cref="DayOf"/>).</summary>
    private DayFacts? _lastDay;

    /// <summary>
    /// What a date means to every evaluation on it: the parameters' values, the warning that it lies outside the
    /// validity period, and the oldest key figures the update cycle accepts. Kept for the last date asked, since a run
    /// (a file of departments, households or vacancies) evaluates every item on one date; another date is computed
    /// afresh and replaces it. Immutable, so threads that share the pack may read it at once.
    /// </summary>
    internal DayFacts DayOf(DateOnly on)
    {
        var last = Volatile.Read(ref _lastDay);
        if (last is not null && last.Day == on.DayNumber)
        {
            return last;
        }

        var day = new DayFacts(
            on.DayNumber,
            ParametersOn(on),
            Evaluator.Warnings(this, on),
            OldestKeyFiguresOn(on));
        Volatile.Write(ref _lastDay, day);
        return day;
    }

    /// <summary>This thread's spare scope (see <see cref="RentScope"/>); a scope is never seen by two threads.</summary>
    [ThreadStatic]
    private static EvalScope? t_spareScope;

    /// <summary>
    /// A scope for one placement or check on this thread: the thread's spare one, reset, when no evaluation on this
    /// thread holds it, else a new one. <see cref="Returned"/> gives it back once the result is built; nothing in a
    /// result refers to its scope. An evaluation that throws does not give it back, and the next one makes a new one.
    /// Explained checks do not use it (their value traces are built from the scope).
    /// </summary>
    private EvalScope RentScope(DateOnly on)
    {
        var scope = t_spareScope;
        if (scope is null)
        {
            return NewScope(on);
        }

        t_spareScope = null;
        scope.Reset(on.DayNumber, DayOf(on).Parameters);
        return scope;
    }

    /// <summary>Per letting route (by its value), the requirements a check on it under <paramref name="policy"/> evaluates: none where it is closed.</summary>
    private static Requirement[][] RequirementsByRoute(TierDef policy, IReadOnlyList<RouteRequirement> packWide)
    {
        var routes = RouteNames.AllLetting;
        var result = new Requirement[routes.Length][];
        for (var i = 0; i < routes.Length; i++)
        {
            var route = routes[i];
            result[i] = !policy.Routes.TryGetValue(route, out var own) || own.Closed
                ? []
                : [.. own.Requirements, .. packWide.Where(r => r.Route == route).Select(r => r.Requirement)];
        }

        return result;
    }

    /// <summary>The days on which some parameter's value changes, each once, in order.</summary>
    private static int[] ChangeDays(ParameterDef[] parameters)
    {
        var days = new List<int>();
        foreach (var p in parameters)
        {
            foreach (var v in p.Values)
            {
                days.Add(v.From.DayNumber);
            }
        }

        days.Sort();
        var distinct = new List<int>(days.Count);
        foreach (var day in days)
        {
            if (distinct.Count == 0 || distinct[^1] != day)
            {
                distinct.Add(day);
            }
        }

        return [.. distinct];
    }

    /// <summary>The parameters' units, in their order (a loop: LINQ over an enum of this library is compiled at start-up).</summary>
    private static ParameterUnit[] Units(ParameterDef[] parameters)
    {
        var units = new ParameterUnit[parameters.Length];
        var i = 0;
        foreach (var p in parameters)
        {
            units[i++] = p.Unit;
        }

        return units;
    }

    private static T Returned<T>(EvalScope scope, T result)
    {
        scope.Clear();
        t_spareScope = scope;
        return result;
    }

    /// <summary>
    /// Every parameter's value on a date, in <see cref="ParameterOrder"/>. Computed at load for each period between two
    /// dates on which a value changes, so that every date of a period gets the same array: caches of texts rendered with
    /// parameters (<see cref="ExplanationCache"/>) are keyed by the values they depend on, and nothing here changes after load.
    /// </summary>
    internal decimal?[] ParametersOn(DateOnly on)
    {
        var at = Array.BinarySearch(_changeDays, on.DayNumber);
        var period = at >= 0 ? at : ~at - 1;
        return period < 0 ? _valuesBefore : _valuesFrom[period];
    }

    /// <summary>A tier's route summaries, by which of its conditional requirements apply (bit i: the i-th applies).</summary>
    internal IReadOnlyList<Explanation> RuleExplanation(PlacementRule rule, decimal?[] parameters)
    {
        var key = rule.ReasonIsTemplate ? parameters : null;
        return rule.Cache.Get(key)
            ?? rule.Cache.Set(key, [new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, rule.ReasonIsTemplate ? Reasons.Render(rule.Reason, parameters) : rule.Reason)]);
    }

    /// <summary>Renders reasons that quote parameters (<c>{param.name}</c>) with the values in force.</summary>
    internal ReasonText Reasons { get; }
}
