using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>Placement and eligibility over a compiled pack. Pure: the result depends only on its inputs.</summary>
internal static partial class Evaluator
{
    private static readonly IReadOnlyList<string> NoStrings = [];
    private static readonly LettingRoute[] AllRoutes = [LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList, LettingRoute.InternalTransfer];

    public static PlacementResult Place(RulePack pack, Department department, DateOnly on, EvalScope scope)
    {
        scope.Department = department;
        return Placement(pack, department, on, scope, warnings => PlaceByTable(pack, department, on, scope, warnings));
    }

    /// <summary>
    /// A placement: by the decided tier in force where the pack says it rules, else by the table (<paramref name="byTable"/>,
    /// given the warnings so far), with the warnings about decided tiers and the key figures' dates. Shared by every backend.
    /// </summary>
    internal static PlacementResult Placement(RulePack pack, Department department, DateOnly on, EvalScope scope, Func<IReadOnlyList<string>, PlacementResult> byTable)
    {
        var placement = PlacementByRule(pack, department, on, scope, byTable);
        return pack.Obligations.Count == 0 || placement.Tier is not { } id || pack.TierDefs[id] is not { } tier || !pack.ObligationCheck.Unmet(tier) ? placement : WithObligations(pack, department, on, placement, tier);
    }

    /// <summary>The placement with a warning for each statutory obligation that covers the department and its tier's letting does not meet (e.g. § 60 stk. 4).</summary>
    private static PlacementResult WithObligations(RulePack pack, Department department, DateOnly on, PlacementResult placement, TierDef tier)
    {
        var scope = pack.NewScope(on);
        scope.Department = department;
        var more = pack.ObligationCheck.PlacementWarnings(department, tier, scope).ToList();
        return more.Count == 0 ? placement : placement with { Warnings = [.. placement.Warnings, .. more] };
    }

    private static PlacementResult PlacementByRule(RulePack pack, Department department, DateOnly on, EvalScope scope, Func<IReadOnlyList<string>, PlacementResult> byTable)
    {
        var warnings = Warnings(pack, on);
        var decided = DecidedOn(department, on);
        if (decided is not null && pack.Decided is { Rules: true } rule && (rule.When is null || DecidedApplies(rule, scope)))
        {
            return PlaceAsDecided(pack, department, decided, rule, scope, warnings);
        }

        var tablePlacement = byTable(warnings);
        if (tablePlacement.Outcome != PlacementOutcome.Placed)
        {
            return tablePlacement;
        }

        var more = new List<string>(tablePlacement.Warnings);
        if (decided is not null && pack.Decided is null)
        {
            more.Add($"The department states a decided tier ('{decided.Tier}' from {decided.From:yyyy-MM-dd}), but this pack places by its table (it has no placement.decided).");
        }
        else if (decided is not null && decided.Tier != tablePlacement.Tier)
        {
            more.Add($"The decided tier '{decided.Tier}' (from {decided.From:yyyy-MM-dd}) differs from the tier the key figures give, '{tablePlacement.Tier}'; the pack places by the key figures here.");
        }

        if (department.KeyFigures?.AsOf is { } asOf)
        {
            if (asOf > on)
            {
                more.Add($"The key figures are dated {asOf:yyyy-MM-dd}, after the evaluation date {on:yyyy-MM-dd}: they describe a later time than the placement is for.");
            }
            else if (pack.KeyFiguresCycle is { } cycle && asOf < on.AddMonths(-cycle.MaxAgeMonths))
            {
                more.Add($"The key figures are dated {asOf:yyyy-MM-dd}, more than {cycle.MaxAgeMonths} months before the evaluation date {on:yyyy-MM-dd}: older than the pack's update cycle allows ({cycle.Clause.Id}).");
            }
        }

        return more.Count == tablePlacement.Warnings.Count ? tablePlacement : tablePlacement with { Warnings = more };
    }

    /// <summary>The decided tier in force on the date: the one with the latest <c>from</c> on or before it.</summary>
    private static DecidedTier? DecidedOn(Department department, DateOnly on)
    {
        DecidedTier? best = null;
        foreach (var d in department.DecidedTiers ?? [])
        {
            if (d?.Tier is { Length: > 0 } && d.From is { } from && from <= on && (best is null || from >= best.From))
            {
                best = d;
            }
        }

        return best;
    }

    private static bool DecidedApplies(DecidedPlacement rule, EvalScope scope)
    {
        var mark = scope.MissingCount;
        var r = rule.When!.Evaluate(scope);
        scope.ResetMissing(mark);
        return r == Tri.True;
    }

    private static PlacementResult PlaceAsDecided(RulePack pack, Department department, DecidedTier decided, DecidedPlacement rule, EvalScope scope, IReadOnlyList<string> warnings)
    {
        var from = decided.From!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (!pack.TierDefs.TryGetValue(decided.Tier!, out var tier))
        {
            var unknown = new LocalizedText(
                $"Den besluttede placering '{decided.Tier}' (fra {from}) er ikke en af pakkens placeringer ({string.Join(", ", pack.TierDefs.Values.Select(t => t.Label.Da))}).",
                $"The decided tier '{decided.Tier}' (from {from}) is not one of the pack's placements ({string.Join(", ", pack.TierDefs.Values.Select(t => t.Label.En))}).");
            return Unplaced(department, PlacementOutcome.Unplaced, [new Explanation("placement.decided", rule.Clause.Id, rule.Clause.Source, unknown)], NoStrings, warnings);
        }

        var (routes, criteriaSet) = RouteSummaries(pack, tier, scope);
        var reason = pack.Reasons.Render(rule.Reason, scope.Parameters);
        var explanation = new Explanation("placement.decided", rule.Clause.Id, rule.Clause.Source, new LocalizedText(
            $"{reason.Da} Afdelingen er placeret som '{tier.Label.Da}' fra {from}.",
            $"{reason.En} The department is placed as '{tier.Label.En}' from {from}."));
        return new PlacementResult(department.Id, PlacementOutcome.Placed, tier.Id, tier.Label, ShareOf(tier, scope), FlexiblePolicy(pack, tier, department), criteriaSet, tier.SpecialCriteria, routes, [explanation], NoStrings, warnings);
    }

    private static PlacementResult PlaceByTable(RulePack pack, Department department, DateOnly on, EvalScope scope, IReadOnlyList<string> warnings)
    {
        PlacementRule? hit = null;
        PlacementRule? second = null;
        PlacementRule? unknownRule = null;
        foreach (var rule in pack.PlacementRules)
        {
            var r = rule.When.Evaluate(scope);
            if (r == Tri.True)
            {
                if (hit is null)
                {
                    hit = rule;
                    if (pack.HitPolicy == HitPolicy.First)
                    {
                        break;
                    }
                }
                else
                {
                    second ??= rule;
                }
            }
            else if (r == Tri.Unknown)
            {
                unknownRule ??= rule;
                if (pack.HitPolicy == HitPolicy.First && hit is null)
                {
                    break;
                }
            }
        }

        return Decide(pack, department, scope, warnings, hit, second, unknownRule, unknownRule is null ? NoStrings : Names(pack, scope, 0));
    }

    /// <summary>
    /// The placement once the rules have been evaluated: the rule that hit, a second hit (hit policy unique), the first
    /// rule that could not be decided, and the missing facts noted so far. Shared with the NRules backend, which
    /// evaluates the rules in its own session and decides here, so that both build the same result.
    /// </summary>
    internal static PlacementResult Decide(RulePack pack, Department department, EvalScope scope, IReadOnlyList<string> warnings, PlacementRule? hit, PlacementRule? second, PlacementRule? unknownRule, IReadOnlyList<string> missingSoFar)
    {
        if (unknownRule is not null && (pack.HitPolicy != HitPolicy.First || hit is null))
        {
            var missing = missingSoFar;
            var why = WhyUnknown(missing);
            var reason = new LocalizedText(
                missing.Any(FactNames.IsArithmeticReason)
                    ? $"Placeringen kan ikke afgøres: en regel for placeringen {why.Da}."
                    : $"Placeringen kan ikke afgøres, fordi der mangler oplysninger om afdelingen ({FactGlossary.Missing(missing, "da")}).",
                missing.Any(FactNames.IsArithmeticReason)
                    ? $"The placement cannot be decided: a placement rule {why.En}."
                    : $"The placement cannot be decided because facts about the department are missing ({FactGlossary.Missing(missing, "en")}).");
            return Unplaced(department, PlacementOutcome.Undetermined, [new Explanation(unknownRule.Id, unknownRule.Clause.Id, unknownRule.Clause.Source, reason)], missing, warnings);
        }

        if (second is not null)
        {
            var reason = new LocalizedText(
                $"Reglerne '{hit!.Id}' og '{second.Id}' gælder begge, men pakken kræver at præcis én gælder (hitPolicy unique).",
                $"Rules '{hit!.Id}' and '{second.Id}' both apply, but the pack requires exactly one (hit policy unique).");
            return Unplaced(department, PlacementOutcome.Unplaced, [new Explanation(hit.Id, hit.Clause.Id, hit.Clause.Source, reason)], NoStrings, warnings);
        }

        if (hit is null)
        {
            var reason = new LocalizedText(
                "Ingen placeringsregel gælder for afdelingen: pakken har et hul i sin tabel.",
                "No placement rule applies to the department: the pack's table has a gap.");
            return Unplaced(department, PlacementOutcome.Unplaced, [new Explanation("placement", "", pack.Id, reason)], NoStrings, warnings);
        }

        var runtime = hit.Target ?? pack.TierRuntimes[hit.Tier];
        var tier = runtime.Tier;
        var (routes, criteriaSet) = RouteSummaries(pack, runtime, scope);
        return new PlacementResult(
            department.Id,
            PlacementOutcome.Placed,
            tier.Id,
            tier.Label,
            ShareOf(tier, scope),
            FlexiblePolicy(runtime, department),
            criteriaSet,
            tier.SpecialCriteria,
            routes,
            pack.RuleExplanation(hit, scope.Parameters),
            NoStrings,
            warnings);
    }

    internal static IReadOnlyList<string> Warnings(RulePack pack, DateOnly on)
    {
        var m = pack.Metadata;
        if ((m.ValidFrom is { } from && on < from) || (m.ValidTo is { } to && on > to))
        {
            return [$"The evaluation date {on:yyyy-MM-dd} is outside the pack's validity period ({m.ValidFrom:yyyy-MM-dd} to {m.ValidTo:yyyy-MM-dd})."];
        }

        return NoStrings;
    }

    private static PlacementResult Unplaced(Department d, PlacementOutcome outcome, IReadOnlyList<Explanation> explanation, IReadOnlyList<string> missing, IReadOnlyList<string> warnings)
        => new(d.Id, outcome, null, null, null, null, null, null, new Dictionary<LettingRoute, RouteSummary>(), explanation, missing, warnings);

    /// <summary>The tier's municipal share on the evaluation date (a parameter share resolves by date; null when it has no value then).</summary>
    internal static Fraction? ShareOf(TierDef tier, EvalScope scope)
        => tier.MunicipalShareParameter is { } slot
            ? scope.Parameters[slot] is { } value && Fraction.TryFromDecimal(value, out var f) ? f : null
            : tier.MunicipalShare;

    /// <summary>The flexible-letting policy of a letting policy (a tier, or a dwelling's by its key) for the department.</summary>
    internal static FlexibleLettingPolicy FlexiblePolicy(RulePack pack, TierDef tier, Department d) => FlexiblePolicy(pack.TierRuntimes[tier.Key], d);

    private static FlexibleLettingPolicy FlexiblePolicy(TierRuntime runtime, Department d)
    {
        var tier = runtime.Tier;
        var fallback = runtime.DefaultFlexible;
        if (tier.FlexibleRule is FlexibleRule.None or FlexibleRule.All || d.FlexibleLettingShare is not { } s)
        {
            return fallback;
        }

        if (runtime.FlexibleFor(s) is { } known)
        {
            return known;
        }

        return !Fraction.TryFromDecimal(s, out var f)
            ? fallback
            : runtime.RememberFlexible(s, fallback with { Share = tier.FlexibleMaxShare is { } max ? Fraction.Min(f, max) : f });
    }

    /// <summary>
    /// The requirements of every route of a tier (or of a dwelling's letting policy, by its key) for this department,
    /// cached by what they depend on: the policy, and for each conditional requirement whether it applies (its condition
    /// is not false). One bit per conditional requirement; a policy with more than 64 of them is not cached, so no two
    /// departments can ever share an entry they differ in.
    /// </summary>
    internal static (IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, string? CriteriaSet) RouteSummaries(RulePack pack, TierDef tier, EvalScope scope)
        => RouteSummaries(pack, pack.TierRuntimes[tier.Key], scope);

    private static (IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, string? CriteriaSet) RouteSummaries(RulePack pack, TierRuntime runtime, EvalScope scope)
    {
        var tier = runtime.Tier;
        var applies = 0UL;
        var bit = 0;
        foreach (var reqs in runtime.Requirements)
        {
            foreach (var req in reqs)
            {
                if (req.When is null)
                {
                    continue;
                }

                if (bit == 64)
                {
                    return BuildRoutes(pack, tier, scope);
                }

                var mark = scope.MissingCount;
                var r = req.When.Evaluate(scope);
                scope.ResetMissing(mark);
                if (r != Tri.False)
                {
                    applies |= 1UL << bit;
                }

                bit++;
            }
        }

        if (runtime.Routes.TryGetValue(applies, out var cached))
        {
            return cached;
        }

        return runtime.Routes.GetOrAdd(applies, BuildRoutes(pack, tier, scope));
    }

    private static (IReadOnlyDictionary<LettingRoute, RouteSummary>, string?) BuildRoutes(RulePack pack, TierDef tier, EvalScope scope)
    {
        var routes = new Dictionary<LettingRoute, RouteSummary>();
        foreach (var route in AllRoutes)
        {
            if (route == LettingRoute.InternalTransfer && !InternalTransferRoute.Stated(tier))
            {
                // A tier that does not state internal transfers: its summary lists the three routes it names.
                continue;
            }

            if (!tier.Routes.TryGetValue(route, out var policy) || policy.Closed)
            {
                routes[route] = new RouteSummary(false, NoStrings);
                continue;
            }

            var sets = new List<string>();
            foreach (var req in Applicable(pack, tier, route))
            {
                var mark = scope.MissingCount;
                var applies = req.When?.Evaluate(scope) ?? Tri.True;
                scope.ResetMissing(mark);
                if (applies != Tri.False)
                {
                    sets.Add(req.CriteriaSet);
                }
            }

            routes[route] = new RouteSummary(true, sets);
        }

        var main = routes[LettingRoute.Flexible] is { Open: true, CriteriaSets.Count: > 0 } f ? f.CriteriaSets[0]
            : routes[LettingRoute.WaitingList] is { Open: true, CriteriaSets.Count: > 0 } w ? w.CriteriaSets[0]
            : null;
        return (routes, main);
    }

    private static Requirement[] Applicable(RulePack pack, TierDef tier, LettingRoute route) => pack.RouteRequirements[tier.Key][(int)route];

    public static EligibilityResult Check(RulePack pack, EligibilityRequest request, EvalScope scope, PlacementResult? placed = null)
    {
        var placement = placed ?? Place(pack, request.Department, request.On, scope);
        // Placing sets the department in the scope; a placement made once for several routes did so in another scope.
        scope.Department = request.Department;
        scope.Explain = request.Explain;
        scope.Household = request.Household;
        scope.Applicant = request.Household.Applicant;
        if (Settled(pack, request, placement, scope.Parameters, out var tier, out var explanation) is { } settled)
        {
            return settled;
        }

        var requirements = RequirementsFor(pack, tier, request);
        var overall = Tri.True;
        List<CriterionResult>? criteria = null;
        var applied = new List<Requirement>(requirements.Count);
        List<string>? applicabilityMissing = null;
        foreach (var req in requirements)
        {
            var applies = Tri.True;
            if (req.When is not null)
            {
                var mark = scope.MissingCount;
                applies = req.When.Evaluate(scope);
                if (applies == Tri.Unknown)
                {
                    (applicabilityMissing ??= []).AddRange(Names(pack, scope, mark));
                }

                scope.ResetMissing(mark);
                if (applies == Tri.False)
                {
                    continue;
                }
            }

            applied.Add(req);
            explanation.Add(RequirementExplanation(pack, req, scope.Parameters));
            var set = pack.CriteriaSets[req.CriteriaSet];
            var (outcome, results) = EvaluateSet(pack, set, scope, 0);
            if (criteria is null)
            {
                criteria = results;
            }
            else
            {
                criteria.AddRange(results);
            }

            overall = Kleene.And(overall, Effective(applies, outcome));
        }

        return Finish(pack, request, placement, tier, requirements.Count, explanation, applied, criteria ?? [], overall, applicabilityMissing);
    }

    /// <summary>
    /// The result when the placement alone decides (not placed: undetermined; the route closed: ineligible), else
    /// <c>null</c> with the tier and the explanation so far (the placement's).
    /// </summary>
    internal static EligibilityResult? Settled(RulePack pack, EligibilityRequest request, PlacementResult placement, decimal?[] parameters, out TierDef tier, out List<Explanation> explanation)
    {
        var householdId = request.Household.Id;
        tier = null!;
        explanation = null!;
        if (placement.Outcome != PlacementOutcome.Placed)
        {
            return new EligibilityResult(householdId, request.Department.Id, request.Route, Outcome.Undetermined, placement, [], placement.Missing, [], placement.Explanation);
        }

        tier = pack.TierDefs[placement.Tier!];
        explanation = new List<Explanation>(placement.Explanation.Count + 5);
        explanation.AddRange(placement.Explanation);
        if (request.Vacancy is { } vacancy)
        {
            // The dwelling: the routing rule that covers it decides how it is let, as it decides where it goes.
            var scope = pack.NewScope(request.On);
            scope.Department = request.Department;
            scope.Vacancy = vacancy;
            var match = Router.Match(pack, scope);
            if (match.Unknown is { } unknown)
            {
                explanation.Add(new Explanation(unknown.Id, unknown.Clause.Id, unknown.Clause.Source, new LocalizedText(
                    $"Det kan ikke afgøres, hvilke regler der gælder for boligen: oplysninger mangler ({FactGlossary.Missing(match.Missing, "da")}).",
                    $"Which rules apply to the dwelling cannot be decided: facts are missing ({FactGlossary.Missing(match.Missing, "en")}).")));
                return new EligibilityResult(householdId, request.Department.Id, request.Route, Outcome.Undetermined, placement, [], match.Missing, [], explanation);
            }

            if (match.Rule is { } rule)
            {
                explanation.Add(new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, pack.Reasons.Render(rule.Reason, parameters)));
                tier = pack.LettingFor(rule, tier);
            }
        }

        if (pack.Obligations.Count > 0 && pack.ObligationCheck.Unmet(tier.Key))
        {
            var scope = pack.NewScope(request.On);
            scope.Department = request.Department;
            explanation.AddRange(pack.ObligationCheck.CheckExplanations(request.Route, tier, request.Vacancy, scope));
        }

        var policy = tier.Routes[request.Route];
        if (policy.Closed)
        {
            var clause = policy.Clause ?? tier.Clause;
            explanation.Add(new Explanation(policy.Owner ?? $"{tier.Id}.{RouteName(request.Route)}", clause.Id, clause.Source, pack.Reasons.Render(policy.Reason!, parameters)));
            return new EligibilityResult(householdId, request.Department.Id, request.Route, Outcome.Ineligible, placement, [], NoStrings, [], explanation) { RouteClosed = true };
        }

        return null;
    }

    /// <summary>The requirements of the request's route into a department of the tier, in order: the tier's, the pack-wide ones, then the special criteria when this municipal allocation is under them.</summary>
    internal static IReadOnlyList<Requirement> RequirementsFor(RulePack pack, TierDef tier, EligibilityRequest request)
    {
        IReadOnlyList<Requirement> requirements = Applicable(pack, tier, request.Route);
        if (request.SpecialCriteria && request.Route == LettingRoute.Municipal && tier.SpecialCriteria is not null)
        {
            requirements = [.. requirements, SpecialRequirement(pack, tier)];
        }

        return requirements;
    }

    /// <summary>The requirement that every n-th municipal allocation of a tier with special criteria adds.</summary>
    internal static Requirement SpecialRequirement(RulePack pack, TierDef tier)
    {
        var special = tier.SpecialCriteria!;
        var clause = pack.Clauses.TryGetValue(special.Clause, out var c) ? c : tier.Clause;
        return new Requirement(
            $"{tier.Id}.specialCriteria",
            clause,
            null,
            special.CriteriaSet,
            new LocalizedText("Denne kommunale anvisning skal ske efter de særligt aftalte kriterier.", "This municipal allocation must meet the specially agreed criteria."),
            pack.CriteriaSets[special.CriteriaSet].Location);
    }

    /// <summary>The explanation a requirement that applies adds.</summary>
    internal static Explanation RequirementExplanation(RulePack pack, Requirement req, decimal?[] parameters)
    {
        var key = req.ReasonIsTemplate ? parameters : null;
        return (req.Cache.Get(key) ?? req.Cache.Set(key, [new Explanation(req.Id, req.Clause.Id, req.Clause.Source, req.ReasonIsTemplate ? pack.Reasons.Render(req.Reason, parameters) : req.Reason)]))[0];
    }

    /// <summary>A requirement's outcome: its criteria's, and at best undetermined when whether it applies is.</summary>
    internal static Tri Effective(Tri applies, Tri outcome) => applies == Tri.Unknown ? Kleene.Or(Tri.Unknown, outcome) : outcome;

    /// <summary>
    /// The eligibility once every requirement has been evaluated: the route's own explanation when no criterion
    /// applied, the outcome, and (unless ineligible) the documents to request and the missing facts.
    /// </summary>
    internal static EligibilityResult Finish(
        RulePack pack,
        EligibilityRequest request,
        PlacementResult placement,
        TierDef tier,
        int requirementCount,
        List<Explanation> explanation,
        List<Requirement> applied,
        List<CriterionResult> criteria,
        Tri overall,
        List<string>? applicabilityMissing)
    {
        if (requirementCount == 0 || criteria.Count == 0)
        {
            var policy = tier.Routes[request.Route];
            var clause = policy.Clause ?? tier.Clause;
            explanation.Add(new Explanation(
                policy.Owner ?? $"{tier.Id}.{RouteName(request.Route)}",
                clause.Id,
                clause.Source,
                policy.Reason ?? new LocalizedText("Ingen kriterier gælder for denne vej ind i afdelingen.", "No criteria apply to this route into the department.")));
        }

        var result = ToOutcome(overall);
        IReadOnlyList<string> missing = NoStrings;
        IReadOnlyList<LocalizedText> documents = [];
        if (result != Outcome.Ineligible)
        {
            // Documents: for an eligible household, what proves the criteria it meets; for an undetermined one, also
            // what would settle the open criteria. Missing facts: those of the undetermined leaves. One walk for both.
            var docs = new List<LocalizedText>(8);
            var missingFacts = result == Outcome.Undetermined ? new List<string>(applicabilityMissing ?? []) : null;
            foreach (var r in applied)
            {
                AddDistinct(docs, pack.CriteriaSets[r.CriteriaSet].Documents);
            }

            Walk(criteria, result, docs, missingFacts);
            documents = docs;
            missing = missingFacts is null ? NoStrings : Distinct(missingFacts);
        }

        return new EligibilityResult(request.Household.Id, request.Department.Id, request.Route, result, placement, criteria, missing, documents, explanation);
    }

    private static void Walk(IReadOnlyList<CriterionResult> results, Outcome result, List<LocalizedText> docs, List<string>? missingFacts)
    {
        foreach (var c in results)
        {
            if (c.Outcome == Outcome.Eligible || (result == Outcome.Undetermined && c.Outcome == Outcome.Undetermined))
            {
                AddDistinct(docs, c.Documents);
            }

            if (c.Children.Count > 0)
            {
                Walk(c.Children, result, docs, missingFacts);
            }
            else if (missingFacts is not null && c.Outcome == Outcome.Undetermined)
            {
                foreach (var m in c.Missing)
                {
                    if (!missingFacts.Contains(m))
                    {
                        missingFacts.Add(m);
                    }
                }
            }
        }
    }

    /// <summary>Adds the items not yet in the list; documents come from the pack, so the same one is the same instance.</summary>
    private static void AddDistinct(List<LocalizedText> list, IReadOnlyList<LocalizedText> items)
    {
        foreach (var item in items)
        {
            var seen = false;
            foreach (var existing in list)
            {
                if (ReferenceEquals(existing, item) || (existing.En.Length == item.En.Length && existing == item))
                {
                    seen = true;
                    break;
                }
            }

            if (!seen)
            {
                list.Add(item);
            }
        }
    }

    internal static string RouteName(LettingRoute route) => RouteNames.Name(route);

    private static IReadOnlyList<string> Distinct(IEnumerable<string> items) => items.Distinct(StringComparer.Ordinal).ToList();

    private static Outcome ToOutcome(Tri t) => t switch
    {
        Tri.True => Outcome.Eligible,
        Tri.False => Outcome.Ineligible,
        _ => Outcome.Undetermined,
    };

    private static (Tri, List<CriterionResult>) EvaluateSet(RulePack pack, CriteriaSetDef set, EvalScope scope, int depth)
    {
        var acc = set.All ? Tri.True : Tri.False;
        var results = new List<CriterionResult>(set.Criteria.Count);
        foreach (var c in set.Criteria)
        {
            var (r, result) = EvaluateCriterion(pack, c, scope, depth);
            results.Add(result);
            acc = set.All ? Kleene.And(acc, r) : Kleene.Or(acc, r);
        }

        return (acc, results);
    }

    internal static (Tri, CriterionResult) EvaluateCriterion(RulePack pack, CriterionNode node, EvalScope scope, int depth)
    {
        switch (node)
        {
            case LeafCriterion { Members: null } leaf:
            {
                scope.Member = null;
                var mark = scope.MissingCount;
                var r = leaf.Condition.Evaluate(scope);
                var missing = r == Tri.Unknown ? Names(pack, scope, mark) : NoStrings;
                scope.ResetMissing(mark);
                var plain = Result(leaf, r, [], missing, []);
                return (r, WithAssumptions(leaf, scope.Explain ? plain with { Detail = pack.ExplainValues(leaf.Condition, false, scope) } : plain, scope));
            }

            case LeafCriterion leaf:
            {
                var (r, result) = EvaluateMembers(pack, leaf, scope);
                return (r, WithAssumptions(leaf, result, scope));
            }

            case GroupCriterion group:
            {
                var acc = group.All ? Tri.True : Tri.False;
                var children = new List<CriterionResult>();
                foreach (var child in group.Children)
                {
                    var (r, cr) = EvaluateCriterion(pack, child, scope, depth + 1);
                    children.Add(cr);
                    acc = group.All ? Kleene.And(acc, r) : Kleene.Or(acc, r);
                }

                return (acc, Result(group, acc, [], MissingOf(acc, children), children));
            }

            case RefCriterion reference:
            {
                var set = pack.CriteriaSets[reference.CriteriaSet];
                var (r, children) = EvaluateSet(pack, set, scope, depth + 1);
                var result = Result(reference, r, [], MissingOf(r, children), children);
                return (r, set.Documents.Count == 0 ? result : result with { Documents = [.. reference.Documents, .. set.Documents] });
            }

            default:
                throw new InvalidOperationException("Unknown criterion kind.");
        }
    }

    /// <summary>Attaches the assumed numbers the criterion rests on, rendered with their values on the evaluation date.</summary>
    private static CriterionResult WithAssumptions(LeafCriterion leaf, CriterionResult result, EvalScope scope)
    {
        if (leaf.Assumed.Count == 0 && leaf.Assumption is null)
        {
            return result;
        }

        var assumptions = leaf.Cache.Get(scope.Parameters);
        if (assumptions is null)
        {
            var list = new List<Assumption>(leaf.Assumed.Count + 1);
            if (leaf.Assumption is { } stated)
            {
                list.Add(new Assumption(null, null, new LocalizedText(
                    $"Bygger på en antagelse, som ikke står i aftalens tekst: {stated.Da}",
                    $"Rests on an assumption that is not in the agreement's text: {stated.En}")));
            }

            foreach (var p in leaf.Assumed)
            {
                list.Add(ReasonText.Assumption(p.Name, p.Title, p.Unit, p.ValueOn(DateOnly.FromDayNumber(scope.On))));
            }

            assumptions = leaf.Cache.Set(scope.Parameters, list);
        }

        return result with { Assumptions = assumptions };
    }

    private static IReadOnlyList<string> MissingOf(Tri r, List<CriterionResult> children)
        => r == Tri.Unknown ? Distinct(children.Where(c => c.Outcome == Outcome.Undetermined).SelectMany(c => c.Missing)) : NoStrings;

    /// <summary>Every member in the age band must meet the condition; a member of unknown age counts when the condition fails.</summary>
    private static (Tri, CriterionResult) EvaluateMembers(RulePack pack, LeafCriterion leaf, EvalScope scope)
    {
        var members = scope.Household?.Members;
        if (members is null)
        {
            scope.Member = null;
            return (Tri.Unknown, Result(leaf, Tri.Unknown, [], ["household.members"], []));
        }

        if (scope.MemberAges is null || scope.MemberAges.Length != members.Count)
        {
            var ages = new int?[members.Count];
            for (var i = 0; i < ages.Length; i++)
            {
                ages[i] = (int?)DateMath.Age(members[i].BirthDate, scope.On);
            }

            scope.MemberAges = ages;
        }

        // One pass to count the members in the band, so the per-member results are one array of the right size.
        var band = leaf.Members!;
        var banded = band.MinAge is not null || band.MaxAge is not null;
        var count = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if (InBand(band, banded, scope.MemberAges[i]) != Tri.False)
            {
                count++;
            }
        }

        var acc = Tri.True;
        var perMember = count == 0 ? [] : new MemberResult[count];
        var n = 0;
        List<string>? allMissing = null;
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var inBand = InBand(band, banded, scope.MemberAges[i]);
            if (inBand == Tri.False)
            {
                continue;
            }

            scope.Member = m;
            var mark = scope.MissingCount;
            var r = leaf.Condition.Evaluate(scope);
            if (inBand == Tri.Unknown && r != Tri.True)
            {
                r = Tri.Unknown;
                scope.NoteMissing(pack.FactNames.Id("member.birthDate"));
            }

            var missing = r == Tri.Unknown ? Names(pack, scope, mark) : NoStrings;
            scope.ResetMissing(mark);
            if (missing.Count > 0)
            {
                (allMissing ??= []).AddRange(missing);
            }
            var member = new MemberResult(m.Id ?? $"#{i + 1}", ToOutcome(r), missing) { Age = scope.MemberAges[i] };
            perMember[n++] = scope.Explain ? member with { BirthDate = m.BirthDate, Detail = pack.ExplainValues(leaf.Condition, true, scope) } : member;
            acc = Kleene.And(acc, r);
        }

        scope.Member = null;
        return (acc, Result(leaf, acc, perMember, acc == Tri.Unknown && allMissing is not null ? Distinct(allMissing) : NoStrings, []));
    }

    /// <summary>Whether a member of the given age (null: unknown) is in the criterion's age band.</summary>
    private static Tri InBand(MemberBand band, bool banded, int? age)
        => !banded ? Tri.True
            : age is not { } a ? Tri.Unknown
            : Kleene.From((band.MinAge is not { } min || a >= min) && (band.MaxAge is not { } max || a <= max));

    private static CriterionResult Result(CriterionNode node, Tri r, IReadOnlyList<MemberResult> members, IReadOnlyList<string> missing, IReadOnlyList<CriterionResult> children)
        => new(node.Id, node.Clause.Id, node.Clause.Source, ToOutcome(r), node.Title, members, missing, node.Documents, children);

    /// <summary>
    /// Why a condition is unknown, as a verb phrase: the facts it needs that are missing, and/or the arithmetic that
    /// failed (a division by zero, an overflow), so that an undetermined result never says "missing ()".
    /// </summary>
    internal static (string Da, string En) WhyUnknown(IReadOnlyList<string> missing)
    {
        var facts = missing.Where(m => !FactNames.IsArithmeticReason(m)).ToList();
        var divides = missing.Contains(FactNames.ArithmeticReasons[FactNames.DivisionByZero]);
        var overflows = missing.Contains(FactNames.ArithmeticReasons[FactNames.Overflow]);
        var (arithmeticDa, arithmeticEn) = (divides, overflows) switch
        {
            (true, true) => ("dividerer med nul og overskrider talområdet", "divides by zero and exceeds the range of numbers"),
            (true, false) => ("dividerer med nul", "divides by zero"),
            (false, true) => ("overskrider talområdet i en beregning", "exceeds the range of numbers in a calculation"),
            _ => ("", ""),
        };
        if (facts.Count == 0 && arithmeticEn.Length > 0)
        {
            return (arithmeticDa, arithmeticEn);
        }

        var list = string.Join(", ", facts);
        return arithmeticEn.Length > 0
            ? ($"mangler oplysninger ({list}) og {arithmeticDa}", $"needs facts that are missing ({list}) and {arithmeticEn}")
            : ($"mangler oplysninger ({list})", $"needs facts that are missing ({list})");
    }

    /// <summary>The names of the facts noted missing since <paramref name="mark"/>.</summary>
    internal static IReadOnlyList<string> Names(RulePack pack, EvalScope scope, int mark)
    {
        var ids = scope.MissingSince(mark);
        if (ids.Length == 0)
        {
            return NoStrings;
        }

        var names = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            names[i] = pack.FactNames.Name(ids[i]);
        }

        return names;
    }
}
