using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>Eligibility: the route's requirements for a placed department, settled once per placement, and the result with its documents and missing facts.</summary>
internal static partial class Evaluator
{
    public static EligibilityResult Check(RulePack pack, EligibilityRequest request, EvalScope scope, PlacementResult? placed = null)
    {
        var placement = placed ?? Place(pack, request.Department, request.On, scope);
        // Placing sets the department in the scope; a placement made once for several routes did so in another scope.
        // The household comes in after settling: whether an obligation covers the department is asked on this scope
        // with the department's facts alone, as on a scope of its own.
        scope.Department = request.Department;
        scope.Explain = request.Explain;
        if (Settled(pack, request, placement, scope.Parameters, scope, out var runtime, out var explanation) is { } settled)
        {
            return settled;
        }

        scope.Household = request.Household;
        scope.Applicant = request.Household.Applicant;
        var tier = runtime.Tier;
        var requirements = RequirementsFor(pack, runtime, request);
        var overall = Tri.True;
        // The first requirement's results are kept as they are; a list is made only when a second one applies. The
        // requirements that apply are the route's own list until one does not.
        IReadOnlyList<CriterionResult>? criteria = null;
        List<CriterionResult>? joined = null;
        List<Requirement>? applied = null;
        List<string>? applicabilityMissing = null;
        for (var i = 0; i < requirements.Count; i++)
        {
            var req = requirements[i];
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
                    if (applied is null)
                    {
                        applied = new List<Requirement>(requirements.Count);
                        for (var j = 0; j < i; j++)
                        {
                            applied.Add(requirements[j]);
                        }
                    }

                    continue;
                }
            }

            applied?.Add(req);
            explanation.Add(RequirementExplanation(pack, req, scope.Parameters));
            var set = pack.CriteriaSets[req.CriteriaSet];
            var (outcome, results) = EvaluateSet(pack, set, scope, 0);
            if (criteria is null)
            {
                criteria = results;
            }
            else
            {
                joined ??= [.. criteria];
                joined.AddRange(results);
                criteria = joined;
            }

            overall = Kleene.And(overall, Effective(applies, outcome));
        }

        return Finish(pack, request, placement, tier, requirements.Count, explanation, applied ?? requirements, criteria ?? [], overall, applicabilityMissing);
    }

    /// <summary>
    /// The result when the placement alone decides (not placed: undetermined; the route closed: ineligible), else
    /// <c>null</c> with the tier and the explanation so far (the placement's).
    /// </summary>
    internal static EligibilityResult? Settled(RulePack pack, EligibilityRequest request, PlacementResult placement, decimal?[] parameters, out TierDef tier, out List<Explanation> explanation)
    {
        var settled = Settled(pack, request, placement, parameters, null, out var runtime, out explanation);
        tier = runtime?.Tier!;
        return settled;
    }

    /// <summary>
    /// As above, giving the runtime of the letting policy the check is under (the tier's, or the dwelling's), and asking
    /// whether an obligation covers the department on <c>departmentScope</c> when given: a scope that holds the
    /// request's department and no household (null: a new scope).
    /// </summary>
    private static EligibilityResult? Settled(RulePack pack, EligibilityRequest request, PlacementResult placement, decimal?[] parameters, EvalScope? departmentScope, out TierRuntime runtime, out List<Explanation> explanation)
    {
        var householdId = request.Household.Id;
        runtime = null!;
        explanation = null!;
        if (placement.Outcome != PlacementOutcome.Placed)
        {
            return new EligibilityResult(householdId, request.Department.Id, request.Route, Outcome.Undetermined, placement, [], placement.Missing, [], placement.Explanation);
        }

        runtime = pack.RuntimeOf(placement.Tier!);
        var tier = runtime.Tier;
        // Room for what a check adds: the dwelling's rule, the obligations, and each requirement (or the route's reason).
        explanation = new List<Explanation>(placement.Explanation.Count + (request.Vacancy is null ? 0 : 1) + pack.Obligations.Count + Math.Max(1, runtime.Requirements[(int)request.Route].Length + (request.SpecialCriteria ? 1 : 0)));
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
                    $"Det kan ikke afgøres, hvilke regler der gælder for boligen: oplysninger mangler ({FactGlossary.Missing(match.Missing, Language.Danish)}).",
                    $"Which rules apply to the dwelling cannot be decided: facts are missing ({FactGlossary.Missing(match.Missing, Language.English)}).")));
                return new EligibilityResult(householdId, request.Department.Id, request.Route, Outcome.Undetermined, placement, [], match.Missing, [], explanation);
            }

            if (match.Rule is { } rule)
            {
                explanation.Add(new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, pack.Reasons.Render(rule.Reason, parameters)));
                var letting = pack.LettingFor(rule, tier);
                if (!ReferenceEquals(letting, tier))
                {
                    runtime = pack.TierRuntimes[letting.Key];
                    tier = letting;
                }
            }
        }

        if (pack.Obligations.Count > 0 && runtime.ObligationsIn(pack) is { MayExplain: true } obligations)
        {
            var scope = departmentScope;
            if (scope is null)
            {
                scope = pack.NewScope(request.On);
                scope.Department = request.Department;
            }

            pack.ObligationCheck.AddCheckExplanations(explanation, request.Route, obligations, request.Vacancy, scope);
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
        => RequirementsFor(pack, pack.TierRuntimes[tier.Key], request);

    private static IReadOnlyList<Requirement> RequirementsFor(RulePack pack, TierRuntime runtime, EligibilityRequest request)
    {
        var tier = runtime.Tier;
        IReadOnlyList<Requirement> requirements = runtime.Requirements[(int)request.Route];
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
        IReadOnlyList<Requirement> applied,
        IReadOnlyList<CriterionResult> criteria,
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
            var docs = DocumentsBuffer();
            var missingFacts = result == Outcome.Undetermined ? new List<string>(applicabilityMissing ?? []) : null;
            for (var i = 0; i < applied.Count; i++)
            {
                AddDistinct(docs, pack.CriteriaSets[applied[i].CriteriaSet].Documents);
            }

            Walk(criteria, result, docs, missingFacts);
            documents = applied.Count > 0 ? applied[0].Documents.Same(docs) : [.. docs];
            docs.Clear();
            missing = missingFacts is null ? NoStrings : Distinct(missingFacts);
        }

        return new EligibilityResult(request.Household.Id, request.Department.Id, request.Route, result, placement, criteria, missing, documents, explanation);
    }

    /// <summary>The documents of a check, gathered on this thread before they are kept (see <see cref="DocumentsCache"/>).</summary>
    [ThreadStatic]
    private static List<LocalizedText>? t_documents;

    private static List<LocalizedText> DocumentsBuffer()
    {
        var docs = t_documents ??= new List<LocalizedText>(8);
        docs.Clear();
        return docs;
    }

    private static void Walk(IReadOnlyList<CriterionResult> results, Outcome result, List<LocalizedText> docs, List<string>? missingFacts)
    {
        for (var i = 0; i < results.Count; i++)
        {
            var c = results[i];
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
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
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
}
