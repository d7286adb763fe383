using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// Vacancy routing over a compiled pack and a ledger. Pure: the same pack, department, vacancy, ledger and date give
/// the same decision and the same new ledger. The k-th counted vacancy of a counter goes to the municipality exactly when
/// ⌊k·p⌋ &gt; ⌊(k−1)·p⌋ (DESIGN §5.2), in exact integer arithmetic.
/// </summary>
/// <remarks>
/// One job a file: this file decides a vacancy step by step; the routing rule and its share are chosen in
/// <c>Router.RuleChoice.cs</c>, the quota counter counts in <c>Router.QuotaCounter.cs</c>, a tier change carries the
/// count in <c>Router.TierChange.cs</c>, the concentration guard blocks in <c>Router.Concentration.cs</c>, marks are
/// set in <c>Router.Marks.cs</c>; every sentence of a decision's explanation is in <see cref="RoutingTexts"/>. The
/// counting state of a run is a <see cref="LedgerBuilder"/> (<see cref="RouteBatch"/> for many vacancies).
/// </remarks>
internal static partial class Router
{
    /// <summary>The counter that counts a department's municipal allocations across its counters, for special criteria.</summary>
    internal const string AllocationsCounter = "@municipal-allocations";

    private static readonly IReadOnlyList<string> NoStrings = [];

    /// <param name="pack">The pack.</param>
    /// <param name="department">The vacancy's department.</param>
    /// <param name="vacancy">The vacancy.</param>
    /// <param name="ledger">The ledger.</param>
    /// <param name="on">The evaluation date.</param>
    /// <param name="settle">
    /// Decide by what the municipality is due (it has had fewer than ⌊k·p⌋) rather than by whether k is a hit, as under a
    /// concentration guard: used when a re-routing has withdrawn a count out of sequence, so the municipality neither
    /// loses nor gains an allocation by the correction.
    /// </param>
    /// <returns>The decision and the new ledger (the same instance when nothing was counted).</returns>
    public static RoutingResult Route(RulePack pack, Department department, Vacancy vacancy, Ledger ledger, DateOnly on, bool settle = false)
    {
        var state = new LedgerBuilder(ledger);
        var (decision, rule) = Decide(pack, department, vacancy, state, on, settle, cache: null);
        return new RoutingResult(decision, state.ToLedger()) { Rule = rule };
    }

    /// <summary>
    /// Decides one vacancy against the counting state and counts it there. Returns the rule that decided when it
    /// decided a route by a fixed route or by counting (for the journal), else null. A batch passes its
    /// <paramref name="cache"/> of placements and repeated lines; the decision is the same with or without it.
    /// </summary>
    internal static (RoutingDecision Decision, RoutingRule? Rule) Decide(RulePack pack, Department department, Vacancy vacancy, LedgerBuilder ledger, DateOnly on, bool settle, RouteBatchCache? cache)
    {
        var scope = pack.NewScope(on);
        var placement = cache is null ? Evaluator.Place(pack, department, on, scope) : cache.Place(pack, department, on, scope);
        var explanation = new List<Explanation>(placement.Explanation);
        if (placement.Outcome != PlacementOutcome.Placed)
        {
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, placement.Tier, explanation, placement.Missing);
        }

        var tier = pack.TierDefs[placement.Tier!];
        if (tier.Routes.Values.All(r => r.Closed))
        {
            explanation.Add(RoutingTexts.Closed(tier));
            return Unchanged(vacancy, department, VacancyRoute.Closed, tier.Id, explanation, NoStrings);
        }

        scope.Vacancy = vacancy;
        var match = Match(pack, scope);
        if (match.Unknown is { } candidate)
        {
            explanation.Add(RoutingTexts.RuleUndecided(candidate, Evaluator.WhyUnknown(match.Missing)));
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, match.Missing);
        }

        var rule = match.Rule;

        if (rule is null)
        {
            explanation.Add(RoutingTexts.NoRule(pack));
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, NoStrings);
        }

        explanation.Add(new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, pack.Reasons.Render(rule.Reason, scope.Parameters)));
        // How this dwelling is let: the rule's letting over the tier (elderly, accessible, youth, new small dwellings…).
        var letting = pack.LettingFor(rule, tier);
        var view = ReferenceEquals(letting, tier)
            ? placement
            : placement with { Routes = Evaluator.RouteSummaries(pack, letting, scope).Routes, FlexibleLetting = Evaluator.FlexiblePolicy(pack, letting, department) };
        if (rule.FixedRoute is { } fixedRoute)
        {
            return (Unchanged(vacancy, department, fixedRoute, tier.Id, explanation, NoStrings, CriteriaSetFor(view, fixedRoute, special: false)).Decision, rule);
        }

        if (department.Id is not { Length: > 0 } departmentId)
        {
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, ["department.id"]);
        }

        if (ShareFor(rule.Share!, tier, placement, scope) is not { } share)
        {
            var parameter = pack.ParameterOrder[rule.Share!.Parameter ?? tier.MunicipalShareParameter!.Value];
            explanation.Add(RoutingTexts.ShareWithoutValue(rule, parameter.Title));
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, ["param." + parameter.Name]);
        }

        var (counter, dueBefore) = CounterInTier(pack, rule, tier, placement, scope, ledger.Find(departmentId, rule.Counter!), departmentId, share, explanation);
        if (counter.Counted >= Ledger.MaxCount || ledger.ChangeCounter >= Ledger.MaxCount || ledger.Find(departmentId, AllocationsCounter)?.Counted >= Ledger.MaxCount)
        {
            explanation.Add(RoutingTexts.LedgerFull(rule));
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, NoStrings);
        }

        var k = counter.Counted + 1;
        var due = dueBefore is { } before ? QuotaDue.Plus(before, share) : null;
        if (dueBefore is null || due is null)
        {
            explanation.Add(RoutingTexts.CountTooLarge(rule));
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, NoStrings);
        }

        // The municipality is due ⌊due⌋ allocations. Without a concentration guard it has had ⌊dueBefore⌋, and the
        // vacancy is municipal exactly when ⌊due⌋ > ⌊dueBefore⌋ (under one share: ⌊k·p⌋ > ⌊(k−1)·p⌋). With a guard, a
        // blocked allocation is made up later: the vacancy is municipal while the municipality has had fewer than ⌊due⌋.
        // A re-routing (settle) decides by what is due, as under a guard: it withdrew a count out of sequence.
        var byDue = settle || pack.Concentration is not null;
        var municipal = !byDue
            ? QuotaDue.Floor(due.Value) > QuotaDue.Floor(dueBefore.Value)
            : counter.Municipal < QuotaDue.Floor(due.Value);
        var plain = QuotaDue.Times(k, share) == due;
        if (municipal && letting.Routes[LettingRoute.Municipal] is { Closed: true } closedRoute)
        {
            // Routing never sends a dwelling to the municipality that eligibility would call closed to it.
            municipal = false;
            explanation.Add(RoutingTexts.MunicipalClosed(tier, closedRoute));
        }

        Explanation? blocked = null;
        if (municipal && pack.Concentration is { } guard)
        {
            blocked = Blocked(pack, guard, departmentId, vacancy.Stairwell, ledger, on);
            if (blocked is not null)
            {
                municipal = false;
            }
        }

        var (allocations, special) = CountAllocation(pack, rule, tier, letting, ledger, departmentId, municipal);
        VacancyRoute decided;
        if (municipal)
        {
            var m = (allocations ?? ledger.Find(departmentId, AllocationsCounter))?.Municipal ?? counter.Municipal + 1;
            decided = VacancyRoute.Municipal;
            counter = counter with { Counted = k, Municipal = counter.Municipal + 1, Due = plain ? null : due };
            explanation.Add(!plain ? RoutingTexts.CarriedCounting(rule, k, share, dueBefore.Value, due.Value, counter.Municipal - 1, byDue, municipal: true)
                : !byDue ? (cache is null ? RoutingTexts.Counting(rule, k, share, municipal: true) : cache.Counting(rule, k, share, municipal: true)) : RoutingTexts.GuardedCounting(rule, k, share, counter.Municipal - 1, municipal: true));
            if (special)
            {
                var clause = pack.Clauses.TryGetValue(letting.SpecialCriteria!.Clause, out var c) ? c : tier.Clause;
                explanation.Add(RoutingTexts.SpecialCriteria(tier, clause, m, letting.SpecialCriteria.Share));
            }
        }
        else
        {
            var j = counter.NonMunicipal + 1;
            var flexible = FlexibleFor(letting, view, j, share);
            decided = flexible ? VacancyRoute.Flexible : VacancyRoute.WaitingList;
            counter = counter with { Counted = k, Flexible = counter.Flexible + (flexible ? 1 : 0), Due = plain ? null : due };
            explanation.Add(!plain ? RoutingTexts.CarriedCounting(rule, k, share, dueBefore.Value, due.Value, counter.Municipal, byDue, municipal: false)
                : !byDue ? (cache is null ? RoutingTexts.Counting(rule, k, share, municipal: false) : cache.Counting(rule, k, share, municipal: false)) : RoutingTexts.GuardedCounting(rule, k, share, counter.Municipal, municipal: false));
            explanation.Add(cache is null ? RoutingTexts.Flexible(letting, view, flexible) : cache.Flexible(letting, view, flexible));
        }

        if (blocked is not null)
        {
            explanation.Insert(explanation.Count - 1, blocked);
        }

        var decision = new RoutingDecision(vacancy.Id, departmentId, decided, special, CriteriaSetFor(view, decided, special, letting), tier.Id, rule.Counter, k, share, explanation, NoStrings);
        ledger.Count(counter, pack.Version);
        if (allocations is not null)
        {
            ledger.Set(allocations);
        }

        if (decided == VacancyRoute.Municipal && pack.Concentration is { } g)
        {
            var keepFrom = DateMath.AddMonthsSaturating(on, -(long)g.LongestMonths);
            ledger.AddAllocation(departmentId, "", on, keepFrom);
            if (vacancy.Stairwell is { Length: > 0 } stairwell)
            {
                ledger.AddAllocation(departmentId, stairwell, on, keepFrom);
            }
        }

        return (decision with { Marks = Marks(pack, scope, explanation) }, rule);
    }

    private static string? CriteriaSetFor(PlacementResult placement, VacancyRoute route, bool special, TierDef? tier = null)
    {
        if (special && tier?.SpecialCriteria is { } sc)
        {
            return sc.CriteriaSet;
        }

        var letting = route switch
        {
            VacancyRoute.Municipal => LettingRoute.Municipal,
            VacancyRoute.Flexible => LettingRoute.Flexible,
            VacancyRoute.WaitingList => LettingRoute.WaitingList,
            _ => (LettingRoute?)null,
        };
        return letting is { } l && placement.Routes.TryGetValue(l, out var summary) && summary.CriteriaSets.Count > 0 ? summary.CriteriaSets[0] : null;
    }

    /// <summary>A decision that counts nothing (the ledger is left as it is); no deciding rule for the journal.</summary>
    private static (RoutingDecision Decision, RoutingRule? Rule) Unchanged(Vacancy v, Department d, VacancyRoute route, string? tier, List<Explanation> explanation, IReadOnlyList<string> missing, string? criteriaSet = null)
        => (new RoutingDecision(v.Id, d.Id, route, false, criteriaSet, tier, null, null, null, explanation, missing), null);
}
