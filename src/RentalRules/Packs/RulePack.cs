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
public sealed class RulePack
{
    private readonly Lazy<ObligationCheck> _obligationCheck;

    private ParameterCache? _parameterCache;
    private bool? _hasSpecialCriteria;

    internal RulePack(
        PackMetadata metadata,
        IReadOnlyDictionary<string, ClauseInfo> clauses,
        IReadOnlyDictionary<string, ParameterDef> parameters,
        IReadOnlyDictionary<string, TierDef> tiers,
        string hitPolicy,
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
        Reasons = new ReasonText(parameters.Values.Select(p => p.Name).ToArray(), parameters.Values.Select(p => p.Unit).ToArray());
        Metadata = metadata;
        Clauses = clauses;
        Parameters = parameters;
        TierDefs = tiers;
        HitPolicy = hitPolicy;
        PlacementRules = placementRules;
        Requirements = requirements;
        CriteriaSets = criteriaSets;
        FactNames = factNames;
        ParameterOrder = parameters.Values.ToArray();
        DwellingTiers = BuildDwellingTiers(tiers, routingRules);
        var policies = tiers.Values.Concat(DwellingTiers.Values).ToList();
        RouteRequirements = policies.ToDictionary(
            t => t.Key,
            t => new[] { LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList }
                .Select(route => !t.Routes.TryGetValue(route, out var policy) || policy.Closed
                    ? []
                    : policy.Requirements.Concat(requirements.Where(r => r.Route == route).Select(r => r.Requirement)).ToArray())
                .ToArray(),
            StringComparer.Ordinal);
        DefaultFlexible = policies.ToDictionary(
            t => t.Key,
            t => new FlexibleLettingPolicy(t.FlexibleRule, t.FlexibleMaxShare, t.FlexibleRule switch { "none" => Fraction.Zero, "all" => Fraction.One, _ => null }, t.FlexibleClause?.Id),
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
    }

    /// <summary>
    /// Per routing rule that says how its dwellings are let (<c>letting</c>, or a fixed route <c>outOfScope</c> or
    /// <c>closed</c>) and per tier: the letting policy of those dwellings in a department of that tier.
    /// </summary>
    internal IReadOnlyDictionary<(string Rule, string Tier), TierDef> DwellingTiers { get; }

    /// <summary>The letting policy of a vacancy the rule covers, in a department of the tier: the rule's, or the tier's.</summary>
    internal TierDef LettingFor(RoutingRule? rule, TierDef tier)
        => rule is not null && DwellingTiers.TryGetValue((rule.Id, tier.Id), out var dwelling) ? dwelling : tier;

    private static Dictionary<(string, string), TierDef> BuildDwellingTiers(IReadOnlyDictionary<string, TierDef> tiers, IReadOnlyList<RoutingRule> rules)
    {
        var result = new Dictionary<(string, string), TierDef>();
        foreach (var rule in rules)
        {
            var letting = rule.Letting ?? rule.FixedRoute switch
            {
                // Outside the agreement: the agreement sets no criteria (the law's pack-wide requirements still apply).
                "outOfScope" => new DwellingLetting("none", null, rule.Clause, new Dictionary<LettingRoute, RoutePolicy>
                {
                    [LettingRoute.Municipal] = new(false, rule.Clause, rule.Reason, []) { Owner = rule.Id },
                    [LettingRoute.Flexible] = new(true, rule.Clause, rule.Reason, []) { Owner = rule.Id },
                    [LettingRoute.WaitingList] = new(false, rule.Clause, rule.Reason, []) { Owner = rule.Id },
                }),
                "closed" => new DwellingLetting("none", null, rule.Clause, new[] { LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList }
                    .ToDictionary(r => r, _ => new RoutePolicy(true, rule.Clause, rule.Reason, []) { Owner = rule.Id })),
                _ => null,
            };
            if (letting is null)
            {
                continue;
            }

            foreach (var tier in tiers.Values.Where(t => letting.Tiers is null || letting.Tiers.Contains(t.Id)))
            {
                var routes = new Dictionary<LettingRoute, RoutePolicy>(tier.Routes);
                foreach (var (route, policy) in letting.Routes)
                {
                    routes[route] = policy;
                }

                result[(rule.Id, tier.Id)] = tier with
                {
                    FlexibleRule = letting.FlexibleRule ?? tier.FlexibleRule,
                    FlexibleMaxShare = letting.FlexibleRule is null ? tier.FlexibleMaxShare : letting.FlexibleMaxShare,
                    FlexibleClause = letting.FlexibleRule is null ? tier.FlexibleClause : letting.FlexibleClause ?? rule.Clause,
                    Routes = routes,
                    Key = tier.Id + "@" + rule.Id,
                    DwellingRule = rule,
                };
            }
        }

        return result;
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
    public string Status => Metadata.Status;

    /// <summary>First day the agreement applies.</summary>
    public DateOnly? ValidFrom => Metadata.ValidFrom;

    /// <summary>Last day the agreement applies.</summary>
    public DateOnly? ValidTo => Metadata.ValidTo;

    /// <summary>The ids of the packs this one extends, nearest first.</summary>
    public IReadOnlyList<string> Extends => Metadata.Extends;

    /// <summary>The tier ids, in declaration order.</summary>
    public IReadOnlyList<string> Tiers => TierDefs.Keys.ToList();

    /// <summary>The ids of every rule, criterion and requirement that cites a clause, with the clause.</summary>
    public IReadOnlyList<(string RuleId, string Clause, string Source)> Citations => EnumerateCitations().ToList();

    /// <summary>The readings the pack makes where the agreement's text is open, each on its rule (with those of its bases).</summary>
    public IReadOnlyList<Interpretation> Interpretations { get; internal set; } = [];

    /// <summary>The clauses the pack declares, with the pack that declares each.</summary>
    public IReadOnlyList<(string Clause, string Source)> DeclaredClauses => Clauses.Values.Select(c => (c.Id, c.Source)).ToList();

    internal PackMetadata Metadata { get; }

    internal IReadOnlyDictionary<string, ClauseInfo> Clauses { get; }

    internal IReadOnlyDictionary<string, ParameterDef> Parameters { get; }

    internal ParameterDef[] ParameterOrder { get; }

    internal IReadOnlyDictionary<string, TierDef> TierDefs { get; }

    internal string HitPolicy { get; }

    internal IReadOnlyList<PlacementRule> PlacementRules { get; }

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

    /// <summary>The <c>offers</c> section: per route, whom an offer list draws from and in which order (<c>null</c>: none stated).</summary>
    internal OfferPolicy? Offers { get; init; }

    /// <summary>The offer policy of a route: the pack's, or the default (candidates on the municipal route, seniority on the others).</summary>
    internal OfferRoutePolicy OfferPolicyFor(LettingRoute route)
        => Offers is { } offers && offers.Routes.TryGetValue(route, out var policy) ? policy : OfferPolicy.Default(route, Id);

    /// <summary>The statutory obligations on the agreement (e.g. § 60 stk. 4), with their bases'.</summary>
    internal IReadOnlyList<Obligation> Obligations { get; init; } = [];

    /// <summary>The agreement's letting policies checked against <see cref="Obligations"/>, built on first use.</summary>
    internal ObligationCheck ObligationCheck => _obligationCheck.Value;

    /// <summary>The marks routing puts on vacancies.</summary>
    internal IReadOnlyList<VacancyMark> Marks { get; init; } = [];

    /// <summary>Whether some tier puts every n-th municipal allocation under special criteria.</summary>
    internal bool HasSpecialCriteria => _hasSpecialCriteria ??= TierDefs.Values.Any(t => t.SpecialCriteria is not null);

    /// <summary>Canonical text of every rule-like item ("kind:id"), for comparing packs.</summary>
    internal IReadOnlyDictionary<string, string> Fingerprints { get; init; } = new Dictionary<string, string>();

    /// <summary>Places a department in a tier on a date.</summary>
    /// <param name="department">The department.</param>
    /// <param name="on">The evaluation date; parameters resolve by it.</param>
    /// <returns>The placement with its explanation. Never throws for any department.</returns>
    public PlacementResult Place(Department department, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(department);
        return Evaluator.Place(this, department, on, NewScope(on));
    }

    /// <summary>Checks whether a household may take a route into a department.</summary>
    /// <param name="request">The department, household, route and date.</param>
    /// <returns>The eligibility with per-criterion, per-member detail, missing facts and documents. Never throws for any facts.</returns>
    public EligibilityResult Check(EligibilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Department);
        ArgumentNullException.ThrowIfNull(request.Household);
        return Evaluator.Check(this, request, NewScope(request.On));
    }

    /// <summary>
    /// Decides where a vacancy goes and counts it in the ledger: <c>municipal</c>, <c>flexible</c>, <c>waitingList</c>,
    /// <c>closed</c> or <c>outOfScope</c> (or <c>undetermined</c> when a fact is missing; nothing is counted then).
    /// </summary>
    /// <param name="department">The vacancy's department.</param>
    /// <param name="vacancy">The vacancy.</param>
    /// <param name="ledger">The ledger kept under this pack (see <see cref="Ledger"/>); <c>Ledger.Empty(pack.Id, pack.Version)</c> to start.</param>
    /// <param name="on">The evaluation date; parameters and placement resolve by it.</param>
    /// <returns>The decision with its explanation, and the new ledger.</returns>
    /// <exception cref="ArgumentException">The ledger was kept under another pack.</exception>
    public RoutingResult Route(Department department, Vacancy vacancy, Ledger ledger, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(ledger);
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
    /// <param name="department">The vacancy's department (its id is required).</param>
    /// <param name="vacancy">The vacancy (its id is required: the journal is keyed by it).</param>
    /// <param name="ledger">The ledger kept under this pack (at least the department's part, see <see cref="Ledger.Slice"/>).</param>
    /// <param name="on">The evaluation date.</param>
    /// <param name="recordedAt">When the decision is recorded (the host's <see cref="TimeProvider"/>).</param>
    /// <returns>The decision, the entry and the new ledger.</returns>
    /// <exception cref="ArgumentException">The vacancy or department has no id, or the ledger was kept under another pack.</exception>
    public JournalRecording Record(Department department, Vacancy vacancy, Ledger ledger, DateOnly on, DateTimeOffset recordedAt)
    {
        CheckForJournal(department, vacancy, ledger);
        return JournalRecorder.Record(this, department, vacancy, ledger, on, recordedAt);
    }

    /// <summary>
    /// Re-routes a recorded vacancy (e.g. one routed on wrong facts): withdraws the recorded decision's count from the
    /// ledger and decides again with the corrected facts, by what the municipality is due (⌊k·p⌋ against the allocations
    /// it has had), so the correction neither costs nor gives the municipality an allocation. The new entry has the next
    /// revision and the reason; the recorded entry stays in the journal.
    /// </summary>
    /// <param name="recorded">The entry in force for the vacancy.</param>
    /// <param name="reason">Why the vacancy is routed again (kept in the journal; no personal data).</param>
    /// <param name="department">The vacancy's department, with corrected facts.</param>
    /// <param name="vacancy">The vacancy, with corrected facts; its id must be the recorded one.</param>
    /// <param name="ledger">The ledger (at least the parts of the recorded and the new department).</param>
    /// <param name="on">The evaluation date.</param>
    /// <param name="recordedAt">When the re-routing is recorded.</param>
    /// <returns>The decision, the new entry (none when undetermined: the recorded decision stays in force) and the new ledger.</returns>
    /// <exception cref="ArgumentException">The ids are missing or differ from the recorded vacancy's, the reason is empty, or the ledger was kept under another pack.</exception>
    public JournalRecording Reroute(JournalEntry recorded, string reason, Department department, Vacancy vacancy, Ledger ledger, DateOnly on, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CheckForJournal(department, vacancy, ledger);
        if (vacancy.Id != recorded.VacancyId)
        {
            throw new ArgumentException($"The vacancy '{vacancy.Id}' is not the recorded vacancy '{recorded.VacancyId}'.", nameof(vacancy));
        }

        return JournalRecorder.Reroute(this, recorded, reason, department, vacancy, ledger, on, recordedAt);
    }

    /// <summary>
    /// Offer lists: for each vacancy in order, its routing decision, then the first households that may take it on that
    /// route in the order the pack gives (its <c>offers</c> section: seniority, the municipality's candidate list, or
    /// criteria by rank), each with the criterion that qualified it; then how many households may not take it or cannot be
    /// decided, with the facts most often missing. A household that may take it but whose place the order cannot decide
    /// (no <c>waitingListSince</c> where seniority decides) is listed as unplaced with the reason, never ordered silently.
    /// Each list is what <see cref="Route"/> and then <see cref="Check"/> per household give; the work shared between
    /// vacancies and households is done once. The households are enumerated once and not kept.
    /// </summary>
    /// <param name="request">The departments, vacancies, households, date, list length, and the ledger or the decisions already made.</param>
    /// <returns>The lists, and the ledger after routing.</returns>
    /// <exception cref="ArgumentException">
    /// A department has no id or the same id as another, a vacancy names no department or one not among the
    /// departments, two households share an id, <see cref="OfferRequest.Top"/> is negative, the ledger was kept under
    /// another pack, or the decisions are not one per vacancy. Messages name positions, never a household's values.
    /// </exception>
    public OfferResult Offer(OfferRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Departments);
        ArgumentNullException.ThrowIfNull(request.Vacancies);
        ArgumentNullException.ThrowIfNull(request.Households);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Top, nameof(request));
        var byId = new Dictionary<string, Department>(StringComparer.Ordinal);
        for (var i = 0; i < request.Departments.Count; i++)
        {
            var d = request.Departments[i] ?? throw new ArgumentException($"The department at position {i} is null.", nameof(request));
            if (string.IsNullOrWhiteSpace(d.Id) || !byId.TryAdd(d.Id, d))
            {
                throw new ArgumentException($"The department at position {i} has {(string.IsNullOrWhiteSpace(d.Id) ? "no id" : "the same id as an earlier one")}; offers name departments by id.", nameof(request));
            }
        }

        for (var i = 0; i < request.Vacancies.Count; i++)
        {
            if (request.Vacancies[i]?.Department is not { } of || !byId.ContainsKey(of))
            {
                throw new ArgumentException($"The vacancy at position {i} names {(request.Vacancies[i]?.Department is null ? "no department" : "a department that is not among the departments")}.", nameof(request));
            }
        }

        var ledger = request.Ledger ?? NewLedger();
        if (ledger.PackId != Id)
        {
            throw new ArgumentException($"The ledger was kept under the pack '{ledger.PackId}', not '{Id}'.", nameof(request));
        }

        IReadOnlyList<RoutingDecision> decisions;
        if (request.Decisions is { } given)
        {
            if (given.Count != request.Vacancies.Count)
            {
                throw new ArgumentException($"{given.Count} decisions were given for {request.Vacancies.Count} vacancies; give one per vacancy, in the same order.", nameof(request));
            }

            decisions = given;
        }
        else
        {
            var routed = new List<RoutingDecision>(request.Vacancies.Count);
            foreach (var v in request.Vacancies)
            {
                var r = Router.Route(this, byId[v.Department!], v, ledger, v.VacatedOn ?? request.On);
                routed.Add(r.Decision);
                ledger = r.Ledger;
            }

            decisions = routed;
        }

        var engine = new OfferEngine(this, request.Departments, request.Vacancies, decisions, request.On, request.Top);
        var index = 0;
        foreach (var household in request.Households)
        {
            ArgumentNullException.ThrowIfNull(household, nameof(request));
            engine.Add(household, index++);
        }

        return new OfferResult { PackId = Id, On = request.On, Households = engine.Households, Offers = engine.Finish(), Ledger = ledger };
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

    internal EvalScope NewScope(DateOnly on) => new() { On = on.DayNumber, Parameters = ParametersOn(on) };

    internal decimal?[] ParametersOn(DateOnly on)
    {
        var cache = _parameterCache;
        if (cache is not null && cache.Day == on.DayNumber)
        {
            return cache.Values;
        }

        var values = new decimal?[ParameterOrder.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ParameterOrder[i].ValueOn(on);
        }

        _parameterCache = new ParameterCache(on.DayNumber, values);
        return values;
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

    private IEnumerable<(string, string, string)> EnumerateCitations()
    {
        foreach (var r in PlacementRules)
        {
            yield return (r.Id, r.Clause.Id, r.Clause.Source);
        }

        if (Decided is { } decided)
        {
            yield return ("placement.decided", decided.Clause.Id, decided.Clause.Source);
        }

        if (KeyFiguresCycle is { } cycle)
        {
            yield return ("placement.keyFigures", cycle.Clause.Id, cycle.Clause.Source);
        }

        foreach (var o in Obligations)
        {
            yield return (o.Id, o.Clause.Id, o.Clause.Source);
            if (o.Acknowledged is { } ack)
            {
                yield return (o.Id + ".acknowledged", ack.Clause.Id, ack.Clause.Source);
            }
        }

        foreach (var t in TierDefs.Values)
        {
            yield return (t.Id, t.Clause.Id, t.Clause.Source);
            if (t.FlexibleClause is { } flexible)
            {
                yield return ($"{t.Id}.flexibleLetting", flexible.Id, flexible.Source);
            }

            if (t.SpecialCriteria is { } special && Clauses.TryGetValue(special.Clause, out var specialClause))
            {
                yield return ($"{t.Id}.specialCriteria", specialClause.Id, specialClause.Source);
            }

            foreach (var (route, policy) in t.Routes)
            {
                if (policy.Clause is { } routeClause)
                {
                    yield return ($"{t.Id}.{Evaluator.RouteName(route)}", routeClause.Id, routeClause.Source);
                }

                foreach (var r in policy.Requirements)
                {
                    yield return (r.Id, r.Clause.Id, r.Clause.Source);
                }
            }
        }

        foreach (var r in Requirements)
        {
            yield return (r.Requirement.Id, r.Requirement.Clause.Id, r.Requirement.Clause.Source);
        }

        foreach (var r in RoutingRules)
        {
            yield return (r.Id, r.Clause.Id, r.Clause.Source);
            if (r.Letting is not { } letting)
            {
                continue;
            }

            if (letting.FlexibleClause is { } flexible)
            {
                yield return ($"{r.Id}.flexibleLetting", flexible.Id, flexible.Source);
            }

            foreach (var (route, policy) in letting.Routes)
            {
                if (policy.Clause is { } routeClause)
                {
                    yield return ($"{r.Id}.{Evaluator.RouteName(route)}", routeClause.Id, routeClause.Source);
                }

                foreach (var q in policy.Requirements)
                {
                    yield return (q.Id, q.Clause.Id, q.Clause.Source);
                }
            }
        }

        if (TierChange is { } tierChange)
        {
            yield return ("routing.onTierChange", tierChange.Clause.Id, tierChange.Clause.Source);
        }

        if (Concentration is { } guard)
        {
            yield return ("routing.concentration", guard.Clause.Id, guard.Clause.Source);
        }

        foreach (var mark in Marks)
        {
            yield return (mark.Id, mark.Clause.Id, mark.Clause.Source);
        }

        foreach (var offer in Offers?.Routes.Values ?? [])
        {
            yield return ($"offers.{Evaluator.RouteName(offer.Route)}", offer.Clause.Id, offer.Clause.Source);
        }

        foreach (var set in CriteriaSets.Values)
        {
            yield return (set.Id, set.Clause.Id, set.Clause.Source);
            foreach (var c in Flatten(set.Criteria))
            {
                yield return (c.Id, c.Clause.Id, c.Clause.Source);
            }
        }
    }

    internal CriterionNode? Criterion(string id)
    {
        foreach (var set in CriteriaSets.Values)
        {
            foreach (var c in Flatten(set.Criteria))
            {
                if (c.Id == id)
                {
                    return c;
                }
            }
        }

        return null;
    }

    private static IEnumerable<CriterionNode> Flatten(IEnumerable<CriterionNode> nodes)
    {
        foreach (var n in nodes)
        {
            yield return n;
            if (n is GroupCriterion g)
            {
                foreach (var c in Flatten(g.Children))
                {
                    yield return c;
                }
            }
        }
    }

    private sealed record ParameterCache(int Day, decimal?[] Values);
}
