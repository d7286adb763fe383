using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Evaluation;
using RentalRules.Packs;

namespace RentalRules.NRules;

/// <summary>
/// What the pack's NRules rules compute, one step per rule: the pack's compiled conditions and the native evaluator's
/// own building blocks, so that the two backends cannot drift apart in what a condition means or how a result reads.
/// Every step runs in a fresh evaluation scope; the order in which NRules fires the rules does not matter.
/// </summary>
internal static class PackEvaluation
{
    public static PlacementTask Start(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Department, "request.Department");
        return new PlacementTask(request.Department, request.On, request, null);
    }

    public static PlacementTask Start(EligibilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Department, "request.Department");
        ArgumentNullException.ThrowIfNull(request.Household, "request.Household");
        return new PlacementTask(request.Department, request.On, null, request);
    }

    /// <summary>A placement rule's condition on the task's department.</summary>
    public static RuleOutcome PlacementRule(RulePack pack, int index, PlacementTask task)
    {
        var scope = pack.NewScope(task.On);
        scope.Department = task.Department;
        var value = pack.PlacementRules[index].When.Evaluate(scope);
        return new RuleOutcome(task, index, value, scope.MissingSince(0).ToArray());
    }

    /// <summary>The placement under the pack's hit policy, from every rule's outcome: the rules are read in hit order, as far as the native evaluator reads them.</summary>
    public static Placed Decide(RulePack pack, PlacementTask task, IEnumerable<RuleOutcome> outcomes)
    {
        var rules = pack.PlacementRules;
        var byIndex = new RuleOutcome[rules.Length];
        foreach (var o in outcomes)
        {
            byIndex[o.Index] = o;
        }

        var scope = pack.NewScope(task.On);
        scope.Department = task.Department;
        var first = pack.HitPolicy == HitPolicy.First;
        PlacementRule? hit = null;
        PlacementRule? second = null;
        PlacementRule? unknownRule = null;
        for (var i = 0; i < rules.Length; i++)
        {
            var o = byIndex[i];
            foreach (var id in o.Missing)
            {
                scope.NoteMissing(id);
            }

            if (o.Value == Tri.True)
            {
                if (hit is null)
                {
                    hit = rules[i];
                    if (first)
                    {
                        break;
                    }
                }
                else
                {
                    second ??= rules[i];
                }
            }
            else if (o.Value == Tri.Unknown)
            {
                unknownRule ??= rules[i];
                if (first && hit is null)
                {
                    break;
                }
            }
        }

        var missing = unknownRule is null ? [] : Evaluator.Names(pack, scope, 0);
        var result = Evaluator.Placement(pack, task.Department, task.On, scope, 0, (_, warnings) => Evaluator.Decide(pack, task.Department, scope, warnings, hit, second, unknownRule, missing));
        return new Placed(task, result, scope.MissingSince(0).ToArray());
    }

    /// <summary>Whether the eligibility request behind a placement asks for a route whose requirements include <paramref name="requirement"/>.</summary>
    public static bool Concerns(RulePack pack, Requirement requirement, Placed placed)
        => Position(pack, requirement, placed) >= 0;

    /// <summary>Whether a requirement applies to the household (its <c>when</c>), noting the facts that leave it open.</summary>
    public static RequirementOutcome Applies(RulePack pack, Requirement requirement, Placed placed)
    {
        var applies = Tri.True;
        IReadOnlyList<string> missing = [];
        if (requirement.When is not null)
        {
            var scope = ScopeFor(pack, placed);
            var mark = scope.MissingCount;
            applies = requirement.When.Evaluate(scope);
            if (applies == Tri.Unknown)
            {
                missing = Evaluator.Names(pack, scope, mark);
            }
        }

        return new RequirementOutcome(placed, requirement, Position(pack, requirement, placed), applies, missing);
    }

    /// <summary>The tier's special criteria apply to this municipal allocation.</summary>
    public static bool UnderSpecialCriteria(string tier, Placed placed)
        => placed.Task.Eligibility is { SpecialCriteria: true, Route: LettingRoute.Municipal }
            && placed.Result.Outcome == PlacementOutcome.Placed
            && placed.Result.Tier == tier;

    /// <summary>The special criteria's requirement, which always applies; it comes after the route's own.</summary>
    public static RequirementOutcome Special(RulePack pack, Requirement requirement, Placed placed)
        => new(placed, requirement, RouteRequirements(pack, placed)!.Length, Tri.True, []);

    /// <summary>A top-level criterion of a requirement's criteria set, for the household.</summary>
    public static CriterionOutcome Criterion(RulePack pack, CriterionNode criterion, int index, RequirementOutcome requirement)
    {
        var scope = ScopeFor(pack, requirement.Placed);
        var (value, result) = Evaluator.EvaluateCriterion(pack, criterion, scope, 0);
        return new CriterionOutcome(requirement, index, value, result);
    }

    /// <summary>How many requirements the eligibility decision waits for.</summary>
    public static int ExpectedRequirements(RulePack pack, Placed placed)
    {
        var list = RouteRequirements(pack, placed);
        if (list is null)
        {
            return 0;
        }

        var tier = pack.TierDefs[placed.Result.Tier!];
        return list.Length + (tier.SpecialCriteria is not null && UnderSpecialCriteria(tier.Id, placed) ? 1 : 0);
    }

    /// <summary>How many criteria the eligibility decision waits for: every top-level criterion of every requirement that may apply.</summary>
    public static int ExpectedCriteria(RulePack pack, IEnumerable<RequirementOutcome> requirements)
    {
        var count = 0;
        foreach (var r in requirements)
        {
            if (r.Applies != Tri.False)
            {
                count += pack.CriteriaSets[r.Requirement.CriteriaSet].Criteria.Count;
            }
        }

        return count;
    }

    /// <summary>The eligibility, assembled from the placement, the requirements and their criteria as the native evaluator assembles it.</summary>
    public static EligibilityResult Assemble(RulePack pack, Placed placed, IEnumerable<RequirementOutcome> requirements, IEnumerable<CriterionOutcome> criteria)
    {
        var request = placed.Task.Eligibility!;
        var parameters = pack.ParametersOn(request.On);
        if (Evaluator.Settled(pack, request, placed.Result, parameters, out var tier, out var explanation) is { } settled)
        {
            return settled;
        }

        var ordered = requirements.OrderBy(r => r.Position).ToList();
        var byRequirement = criteria.GroupBy(c => c.Requirement).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Index).ToList());
        var overall = Tri.True;
        var results = new List<CriterionResult>(8);
        var applied = new List<Requirement>(ordered.Count);
        List<string>? applicabilityMissing = null;
        foreach (var r in ordered)
        {
            if (r.Applies == Tri.Unknown)
            {
                (applicabilityMissing ??= []).AddRange(r.Missing);
            }

            if (r.Applies == Tri.False)
            {
                continue;
            }

            applied.Add(r.Requirement);
            explanation.Add(Evaluator.RequirementExplanation(pack, r.Requirement, parameters));
            var set = pack.CriteriaSets[r.Requirement.CriteriaSet];
            var outcome = set.All ? Tri.True : Tri.False;
            if (byRequirement.TryGetValue(r, out var outcomes))
            {
                foreach (var c in outcomes)
                {
                    results.Add(c.Result);
                    outcome = set.All ? Kleene.And(outcome, c.Value) : Kleene.Or(outcome, c.Value);
                }
            }

            overall = Kleene.And(overall, Evaluator.Effective(r.Applies, outcome));
        }

        return Evaluator.Finish(pack, request, placed.Result, tier, ordered.Count, explanation, applied, results, overall, applicabilityMissing);
    }

    /// <summary>The placement's requirements list for the requested route, or <c>null</c> when the department was not placed.</summary>
    private static Requirement[]? RouteRequirements(RulePack pack, Placed placed)
        => placed.Task.Eligibility is { } request && placed.Result is { Outcome: PlacementOutcome.Placed, Tier: { } tier }
            ? pack.RouteRequirements[tier][(int)request.Route]
            : null;

    private static int Position(RulePack pack, Requirement requirement, Placed placed)
        => RouteRequirements(pack, placed) is { } list ? Array.IndexOf(list, requirement) : -1;

    /// <summary>A scope for the household's evaluation, holding the facts placement noted missing (as the native scope does).</summary>
    private static EvalScope ScopeFor(RulePack pack, Placed placed)
    {
        var request = placed.Task.Eligibility!;
        var scope = pack.NewScope(request.On);
        scope.Department = request.Department;
        scope.Household = request.Household;
        scope.Applicant = request.Household.Applicant;
        foreach (var id in placed.Noted)
        {
            scope.NoteMissing(id);
        }

        return scope;
    }
}
