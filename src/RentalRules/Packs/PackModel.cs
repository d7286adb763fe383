using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;

namespace RentalRules.Packs;

/// <summary>A compiled condition with its source text and location.</summary>
internal sealed record Condition(string Text, SourceLocation Location, ConditionBatch Batch, int Index, ExprReferences References)
{
    public Tri Evaluate(EvalScope scope) => Batch.Run(scope, Index);
}

/// <summary>A clause of the agreement (or the Act) that rules cite.</summary>
internal sealed record ClauseInfo(string Id, string Source, string? Title);

/// <summary>One value of a parameter, in force from a date.</summary>
internal sealed record ParameterValue(DateOnly From, decimal Value);

internal sealed record ParameterDef(string Name, ParameterUnit Unit, string? Clause, string? Note, bool Assumed, IReadOnlyList<ParameterValue> Values, SourceLocation Location)
{
    /// <summary>What the value is, in the pack's words (used where an explanation names the parameter).</summary>
    public LocalizedText? Title { get; init; }

    public decimal? ValueOn(DateOnly on)
    {
        decimal? value = null;
        foreach (var v in Values)
        {
            if (v.From <= on)
            {
                value = v.Value;
            }
        }

        return value;
    }
}

internal sealed record PlacementRule(string Id, ClauseInfo Clause, Condition When, string Tier, LocalizedText Reason, string? Note, SourceLocation Location)
{
    /// <summary>Whether the reason quotes parameters (decided once, at load).</summary>
    public bool ReasonIsTemplate { get; } = ReasonText.IsTemplate(Reason);

    /// <summary>The explanation last built for this rule, with the parameter set it was rendered for.</summary>
    public ExplanationCache Cache { get; } = new();

    /// <summary>The tier the rule places in, resolved once when the pack is built (no lookup by name per placement).</summary>
    public TierRuntime? Target { get; set; }
}

/// <summary>
/// What evaluation needs of a tier, held by reference so that a placement never hashes the tier's name: its
/// requirements per route, its default flexible-letting policy, the route summaries cached by which conditional
/// requirements apply, and the policy last computed for a department's own flexible share.
/// </summary>
internal sealed class TierRuntime(TierDef tier, Requirement[][] requirements, FlexibleLettingPolicy defaultFlexible)
{
    private volatile FlexibleEntry? _flexible;
    private volatile PolicyObligations? _obligations;
    private volatile RoutesEntry? _lastRoutes;
    private readonly Lock _routesLock = new();
    private RoutesEntry[] _routes = [];
    private volatile ShareEntry? _share;

    public TierDef Tier { get; } = tier;

    /// <summary>
    /// The tier's municipal share under a period's parameter values (<see cref="RulePack.DayOf"/>: one array per
    /// period), remembered for the last array asked, so that a share given by a parameter is not converted to a
    /// fraction on every placement.
    /// </summary>
    public Fraction? ShareUnder(decimal?[] parameters)
    {
        if (Tier.MunicipalShareParameter is null)
        {
            return Tier.MunicipalShare;
        }

        if (_share is { } e && ReferenceEquals(e.Parameters, parameters))
        {
            return e.Share;
        }

        var share = ShareOf(Tier, parameters);
        _share = new ShareEntry(parameters, share);
        return share;
    }

    /// <summary>Per route (indexed by <see cref="LettingRoute"/>): the tier's requirements, then the pack-wide ones.</summary>
    public Requirement[][] Requirements { get; } = requirements;

    /// <summary>
    /// The conditions of the conditional requirements, over every route in <see cref="Requirements"/>' order: bit i of
    /// a route-summary key says whether the i-th applies. Collected once, so that a placement walks only these.
    /// </summary>
    public Condition[] ConditionalWhens { get; } = [.. requirements.SelectMany(r => r).Where(r => r.When is not null).Select(r => r.When!)];

    public FlexibleLettingPolicy DefaultFlexible { get; } = defaultFlexible;

    /// <summary>The most bit sets of conditional requirements a tier keeps route summaries for.</summary>
    public const int MostRouteSets = 256;

    /// <summary>
    /// The route summaries built for a bit set of conditional requirements that apply, or null. Read without a lock
    /// from an array replaced whole on each addition: a tier meets few such sets (one per combination of its
    /// conditional requirements that some department meets). A dictionary keyed by <see cref="ulong"/> with a tuple
    /// value was framework code compiled on each process's first placement (issue 16 item 4).
    /// </summary>
    public (IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, string? CriteriaSet)? RoutesFor(ulong applies)
    {
        foreach (var e in Volatile.Read(ref _routes))
        {
            if (e.Applies == applies)
            {
                return e.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Keeps <paramref name="value"/> for <paramref name="applies"/>, or gives the one another thread kept first. A tier
    /// with more than <see cref="MostRouteSets"/> sets keeps no more: the rest are built per placement, and the scan stays short.
    /// </summary>
    public (IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, string? CriteriaSet) AddRoutes(ulong applies, (IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, string? CriteriaSet) value)
    {
        lock (_routesLock)
        {
            if (RoutesFor(applies) is { } kept)
            {
                return kept;
            }

            if (_routes.Length >= MostRouteSets)
            {
                return value;
            }

            var grown = new RoutesEntry[_routes.Length + 1];
            _routes.CopyTo(grown, 0);
            grown[^1] = new RoutesEntry(applies, value);
            Volatile.Write(ref _routes, grown);
            return value;
        }
    }

    /// <summary>The route summaries last built or found for a bit set (most departments of a tier share one), before <see cref="RoutesFor"/> is asked.</summary>
    public (IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, string? CriteriaSet)? LastRoutes(ulong applies) => _lastRoutes is { } e && e.Applies == applies ? e.Value : null;

    public (IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, string? CriteriaSet) RememberRoutes(ulong applies, (IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, string? CriteriaSet) value)
    {
        _lastRoutes = new RoutesEntry(applies, value);
        return value;
    }

    /// <summary>What the pack's statutory obligations mean for this policy, decided on first use (two threads may both decide it; they decide the same).</summary>
    public PolicyObligations ObligationsIn(RulePack pack) => _obligations ??= pack.ObligationCheck.For(Tier);

    /// <summary>The flexible-letting policy for a department's own share, when it is the one last asked for.</summary>
    public FlexibleLettingPolicy? FlexibleFor(decimal share) => _flexible is { } e && e.Share == share && e.Scale == share.Scale ? e.Policy : null;

    public FlexibleLettingPolicy RememberFlexible(decimal share, FlexibleLettingPolicy policy)
    {
        _flexible = new FlexibleEntry(share, share.Scale, policy);
        return policy;
    }

    private sealed record FlexibleEntry(decimal Share, int Scale, FlexibleLettingPolicy Policy);

    /// <summary>A tier's municipal share under a date's parameter values (a parameter share resolves by date; null when it has no value then).</summary>
    public static Fraction? ShareOf(TierDef tier, decimal?[] parameters)
        => tier.MunicipalShareParameter is { } slot
            ? parameters[slot] is { } value && Fraction.TryFromDecimal(value, out var f) ? f : null
            : tier.MunicipalShare;

    private sealed record ShareEntry(decimal?[] Parameters, Fraction? Share);

    private sealed record RoutesEntry(ulong Applies, (IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, string? CriteriaSet) Value);
}

/// <summary>A rule's explanation, cached for the parameter values it was rendered with (the last set asked for).</summary>
internal sealed class ExplanationCache
{
    private volatile Entry? _entry;

    public IReadOnlyList<Explanation>? Get(decimal?[]? parameters)
        => _entry is { } e && (parameters is null || SameValues(e.Parameters, parameters)) ? e.Explanation : null;

    /// <summary>Whether two parameter sets hold the same values (the same array for dates of one period, see <see cref="RulePack.ParametersOn"/>).</summary>
    internal static bool SameValues(decimal?[]? a, decimal?[] b) => ReferenceEquals(a, b) || (a is not null && a.AsSpan().SequenceEqual(b));

    public IReadOnlyList<Explanation> Set(decimal?[]? parameters, IReadOnlyList<Explanation> explanation)
    {
        _entry = new Entry(parameters, explanation);
        return explanation;
    }

    private sealed record Entry(decimal?[]? Parameters, IReadOnlyList<Explanation> Explanation);
}

internal sealed record Requirement(string Id, ClauseInfo Clause, Condition? When, string CriteriaSet, LocalizedText Reason, SourceLocation Location)
{
    /// <summary>Whether the reason quotes parameters (decided once, at load).</summary>
    public bool ReasonIsTemplate { get; } = ReasonText.IsTemplate(Reason);

    /// <summary>The explanation last built for this requirement, with the parameter set it was rendered for.</summary>
    public ExplanationCache Cache { get; } = new();

    /// <summary>The documents of the last check whose first applied requirement this is.</summary>
    public DocumentsCache Documents { get; } = new();
}

/// <summary>
/// The documents a check asked for last, kept by the first requirement that applied: a check's documents depend only on
/// the requirements that apply and the criteria met, so most checks under a requirement ask for the same list, which
/// they then share rather than each allocating one. Thread-safe: the list is immutable once kept.
/// </summary>
internal sealed class DocumentsCache
{
    private volatile LocalizedText[]? _last;

    /// <summary>The kept list when it holds the same documents as <paramref name="documents"/> (the same instances, in order), else a copy of them, kept.</summary>
    public IReadOnlyList<LocalizedText> Same(List<LocalizedText> documents)
    {
        if (_last is { } last && last.Length == documents.Count)
        {
            var same = true;
            for (var i = 0; i < last.Length && same; i++)
            {
                same = ReferenceEquals(last[i], documents[i]);
            }

            if (same)
            {
                return last;
            }
        }

        var copy = documents.ToArray();
        _last = copy;
        return copy;
    }
}

/// <summary>A pack-wide requirement on a route (e.g. the statutory restrictions in designated areas).</summary>
internal sealed record RouteRequirement(LettingRoute Route, Requirement Requirement);

internal sealed record RoutePolicy(bool Closed, ClauseInfo? Clause, LocalizedText? Reason, IReadOnlyList<Requirement> Requirements)
{
    /// <summary>The id explanations give the route: <c>null</c> for a tier's own route (<c>tier.route</c>), a routing rule's id for a dwelling's.</summary>
    public string? Owner { get; init; }

    /// <summary>Whether the pack does not state the route and it is implied (the internal-transfer route of most tiers, see <see cref="InternalTransferRoute"/>).</summary>
    public bool Implied { get; init; }
}

internal sealed record TierDef(
    string Id,
    LocalizedText Label,
    ClauseInfo Clause,
    Fraction MunicipalShare,
    FlexibleRule FlexibleRule,
    Fraction? FlexibleMaxShare,
    ClauseInfo? FlexibleClause,
    SpecialCriteriaPolicy? SpecialCriteria,
    IReadOnlyDictionary<LettingRoute, RoutePolicy> Routes,
    string? Note,
    SourceLocation Location)
{
    /// <summary>When the municipal share is a parameter (<c>"param.NAME"</c>): its slot; the share then resolves by date.</summary>
    public int? MunicipalShareParameter { get; init; }

    /// <summary>
    /// Whether the flexible share is a share of all the department's vacancies (<c>"of": "allVacancies"</c>, e.g. "højst
    /// 1/3 af de ledige boliger") rather than of those left after municipal allocation.
    /// </summary>
    public bool FlexibleOfAllVacancies { get; init; }

    /// <summary>
    /// The key of this letting policy: the tier id, or <c>tier@rule</c> for the policy of the dwellings a routing rule
    /// with <c>letting</c> covers in this tier (the tier's policy with the rule's routes and flexible letting over it).
    /// </summary>
    public string Key { get; init; } = Id;

    /// <summary>For a dwelling's policy: the routing rule whose <c>letting</c> it applies.</summary>
    public RoutingRule? DwellingRule { get; init; }
}

/// <summary>
/// What a routing rule says about letting the dwellings it covers, over the department's tier: routes it names replace
/// the tier's (the pack-wide requirements, e.g. the statutory restrictions, still apply), and a flexible-letting rule
/// replaces the tier's. A fixed route <c>outOfScope</c> gives the dwellings no agreement criteria; <c>closed</c> closes every route.
/// </summary>
internal sealed record DwellingLetting(
    FlexibleRule? FlexibleRule,
    Fraction? FlexibleMaxShare,
    ClauseInfo? FlexibleClause,
    IReadOnlyDictionary<LettingRoute, RoutePolicy> Routes)
{
    /// <summary>The tiers it applies in (<c>null</c>: every tier); in the others the tier's own policy lets the dwelling.</summary>
    public IReadOnlySet<string>? Tiers { get; init; }
}

internal sealed record MemberBand(int? MinAge, int? MaxAge);

internal abstract record CriterionNode(string Id, ClauseInfo Clause, LocalizedText Title, IReadOnlyList<LocalizedText> Documents, string? Note);

internal sealed record LeafCriterion(string Id, ClauseInfo Clause, LocalizedText Title, IReadOnlyList<LocalizedText> Documents, string? Note, MemberBand? Members, Condition Condition)
    : CriterionNode(Id, Clause, Title, Documents, Note)
{
    /// <summary>The parameters marked <c>assumed</c> that the condition uses (decided once, at load), in pack order.</summary>
    public IReadOnlyList<ParameterDef> Assumed { get; init; } = [];

    /// <summary>An assumption the criterion states itself (<c>"assumption": { "da", "en" }</c>), e.g. a window the text does not give.</summary>
    public LocalizedText? Assumption { get; init; }

    /// <summary>The assumption notes last built for this criterion, with the parameter set they were rendered for.</summary>
    public AssumptionCache Cache { get; } = new();
}

/// <summary>A criterion's assumption notes, cached for the parameter values they were rendered with (the last set asked for).</summary>
internal sealed class AssumptionCache
{
    private volatile Entry? _entry;

    public IReadOnlyList<Assumption>? Get(decimal?[] parameters)
        => _entry is { } e && ExplanationCache.SameValues(e.Parameters, parameters) ? e.Assumptions : null;

    public IReadOnlyList<Assumption> Set(decimal?[] parameters, IReadOnlyList<Assumption> assumptions)
    {
        _entry = new Entry(parameters, assumptions);
        return assumptions;
    }

    private sealed record Entry(decimal?[] Parameters, IReadOnlyList<Assumption> Assumptions);
}

internal sealed record GroupCriterion(string Id, ClauseInfo Clause, LocalizedText Title, IReadOnlyList<LocalizedText> Documents, string? Note, bool All, IReadOnlyList<CriterionNode> Children)
    : CriterionNode(Id, Clause, Title, Documents, Note);

internal sealed record RefCriterion(string Id, ClauseInfo Clause, LocalizedText Title, IReadOnlyList<LocalizedText> Documents, string? Note, string CriteriaSet)
    : CriterionNode(Id, Clause, Title, Documents, Note);

internal sealed record CriteriaSetDef(string Id, LocalizedText Title, ClauseInfo Clause, bool All, IReadOnlyList<CriterionNode> Criteria, IReadOnlyList<LocalizedText> Documents, string? Note, SourceLocation Location);

internal sealed record PackMetadata(
    string Id,
    string Version,
    string Title,
    string? Municipality,
    PackStatus Status,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? SourceDocument,
    string? SourceTitle,
    IReadOnlyList<string> Extends,
    IReadOnlyList<string> Notes)
{
    /// <summary>The route a check takes when the caller names none (pack property <c>defaultRoute</c>).</summary>
    public LettingRoute DefaultRoute { get; init; } = LettingRoute.Flexible;
}

/// <summary>The municipal share a routing rule counts with: fixed, the tier's share, or per tier.</summary>
internal sealed record ShareSpec(Fraction? Fixed, bool FromTier, IReadOnlyDictionary<string, Fraction>? PerTier)
{
    /// <summary>When the share is a parameter (<c>"param.NAME"</c>): its slot.</summary>
    public int? Parameter { get; init; }
}

/// <summary>
/// A vacancy-routing rule: when it matches a vacancy, either a fixed route (<c>outOfScope</c>, <c>closed</c>, …) or a
/// quota counted in <see cref="Counter"/> per department.
/// </summary>
internal sealed record RoutingRule(string Id, ClauseInfo Clause, Condition When, VacancyRoute? FixedRoute, string? Counter, ShareSpec? Share, LocalizedText Reason, SourceLocation Location)
{
    /// <summary>How the dwellings the rule covers are let, where it differs from the department's tier.</summary>
    public DwellingLetting? Letting { get; init; }

    /// <summary>The legal basis the rule's municipal allocations rest on (pack property <c>legalBasis</c>), fixed or per tier; null when the pack does not say.</summary>
    public LegalBasisSpec? LegalBasis { get; init; }
}

/// <summary>
/// The legal basis of a routing rule's allocations: one for every tier, or one per tier (e.g. Høje-Taastrup: every 3rd
/// on level 1 by agreement under § 59 stk. 2, every 4th youth dwelling under § 59 stk. 1).
/// </summary>
internal sealed record LegalBasisSpec(string? Fixed, IReadOnlyDictionary<string, string>? PerTier)
{
    /// <summary>The values a pack may write: the Act's § 59 stk. 1–3, or <c>agreement</c> (the rule's own clause is the basis).</summary>
    public static readonly string[] Allowed = ["§ 59 stk. 1", "§ 59 stk. 2", "§ 59 stk. 3", "agreement"];

    /// <summary>The basis for a tier, or null when the pack does not state one for it.</summary>
    public string? For(string? tier) => Fixed ?? (tier is not null && PerTier is not null && PerTier.TryGetValue(tier, out var b) ? b : null);
}

/// <summary>
/// What happens to a department's counters when its tier changes: <c>carry</c> (the sum of shares due carries on
/// under the new share) or <c>keep</c> (the count k goes on and ⌊k·p⌋ is taken with the new share).
/// </summary>
internal sealed record TierChangePolicy(bool Keep, ClauseInfo Clause, LocalizedText Reason);

/// <summary>A limit of the concentration guard: at most <see cref="Max"/> (or the parameter's value) municipal allocations within <see cref="Months"/>.</summary>
internal sealed record GuardLimit(decimal? Max, string? MaxParameter, int Months);

/// <summary>
/// The concentration guard: no more than a set number of municipal allocations to one department, and to one
/// stairwell, within a rolling period; a vacancy beyond it goes to the waiting list (or flexible letting).
/// </summary>
internal sealed record ConcentrationGuard(ClauseInfo Clause, LocalizedText Reason, GuardLimit? Department, GuardLimit? Stairwell)
{
    public int LongestMonths => Math.Max(Department?.Months ?? 0, Stairwell?.Months ?? 0);
}

/// <summary>A mark routing puts on matching vacancies (e.g. rent under 5 000 DKK/month), and how forecasts estimate it.</summary>
internal sealed record VacancyMark(string Id, ClauseInfo Clause, Condition When, LocalizedText Label, Func<EvalScope, decimal?>? ForecastShare, string? ForecastShareText);

/// <summary>
/// Whether a tier decided by the parties (the department fact <c>decidedTiers</c>, in force from its date) or the
/// placement table places a department. With <see cref="Rules"/>, a decided tier in force places the department
/// (where <see cref="When"/> holds, if given); otherwise the table decides and a decided tier that differs is a warning.
/// </summary>
internal sealed record DecidedPlacement(bool Rules, Condition? When, ClauseInfo Clause, LocalizedText Reason);

/// <summary>How old key figures may be, by the pack's update cycle (e.g. Holbæk: data as of 1 December, agreed in March).</summary>
internal sealed record KeyFiguresCycle(int MaxAgeMonths, ClauseInfo Clause);

/// <summary>What a date means to the evaluations on it (see <c>RulePack.DayOf</c>).</summary>
/// <param name="Day">The date's day number.</param>
/// <param name="Parameters">Every parameter's value on the date.</param>
/// <param name="Warnings">The placement warnings every result on the date carries (outside the validity period), or none.</param>
/// <param name="OldestKeyFigures">The oldest key figures the pack's update cycle accepts on the date; null without a cycle.</param>
internal sealed record DayFacts(int Day, decimal?[] Parameters, IReadOnlyList<LocalizedText> Warnings, DateOnly? OldestKeyFigures);
