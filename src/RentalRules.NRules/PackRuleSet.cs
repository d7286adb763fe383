using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using RentalRules.Compilation;
using RentalRules.Evaluation;
using RentalRules.Packs;

namespace RentalRules.NRules;

/// <summary>
/// A loaded pack as an NRules rule set. Compile it together with the host's own rule sets
/// (<c>new RuleCompiler().Compile([pack.ToRuleSet(), hostRules])</c>), insert <see cref="PlacementRequest"/> and
/// <see cref="EligibilityRequest"/> facts into a session and fire it: the pack's rules insert one
/// <see cref="PlacementResult"/> or <see cref="EligibilityResult"/> fact per request, equal to what
/// <see cref="RulePack.Place"/> and <see cref="RulePack.Check"/> return, and the host's rules can match and join on
/// them (on <c>DepartmentId</c>, <c>HouseholdId</c>, the outcome, a criterion, a missing fact).
/// </summary>
/// <remarks>
/// <para>Every placement rule, route requirement (including a tier's special criteria) and top-level criterion of a
/// criteria set becomes an NRules rule named by its id, tagged with its clause (property <c>clause</c> and
/// <c>source</c> too), so NRules' events, diagnostics and tooling show the agreement's rules. Placement rules carry
/// their hit order as priority. The rules insert the three-valued outcome of their condition with the facts it noted
/// missing; a placement rule (<c>PACK.placement</c>) decides under the pack's hit policy and an eligibility rule
/// (<c>PACK.eligibility</c>) assembles the result once every requirement and criterion has answered. A group
/// criterion's children are evaluated by the group's rule and reported in its result.</para>
/// <para>Conditions are the pack's compiled conditions: the same delegates the native evaluator runs. The native
/// evaluator stays the faster way to evaluate one request; this rule set is for hosts whose rules live in NRules.
/// A session answers every request with every pack compiled into it, so compile one pack per session factory.</para>
/// <para>The rule set is immutable once built and may be compiled any number of times; evaluation through it is as
/// thread-safe as NRules sessions are (one session per thread).</para>
/// </remarks>
public static class PackRuleSet
{
    private const int PlacementPriority = 30_000;
    private const int DecisionPriority = 20_000;
    private const int RequirementPriority = 10_000;
    private const int CriterionPriority = 5_000;
    private const int EligibilityPriority = 1_000;

    /// <summary>The pack's rules as an NRules rule set named by the pack id.</summary>
    /// <param name="pack">The loaded pack.</param>
    /// <returns>The rule set.</returns>
    public static IRuleSet ToRuleSet(this RulePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var rules = new List<IRuleDefinition>();
        rules.Add(StartPlacement(pack, names));
        rules.Add(StartEligibility(pack, names));
        for (var i = 0; i < pack.PlacementRules.Length; i++)
        {
            rules.Add(Placement(pack, i, names));
        }

        rules.Add(PlacementDecision(pack, names));
        foreach (var requirement in DistinctRequirements(pack))
        {
            rules.Add(Requirement(pack, requirement, names));
        }

        foreach (var tier in pack.TierDefs.Values.Where(t => t.SpecialCriteria is not null))
        {
            rules.Add(Special(pack, tier, names));
        }

        foreach (var set in pack.CriteriaSets.Values)
        {
            for (var i = 0; i < set.Criteria.Count; i++)
            {
                rules.Add(Criterion(pack, set, i, names));
            }
        }

        rules.Add(EligibilityDecision(pack, names));
        var ruleSet = new RuleSet(pack.Id);
        ruleSet.Add(rules);
        return ruleSet;
    }

    private static IRuleDefinition StartPlacement(RulePack pack, HashSet<string> names)
    {
        var b = Builder($"{pack.Id}.placement.request", null, PlacementPriority + 1, "The host asks for a department's placement.", names);
        b.LeftHandSide().Pattern(typeof(PlacementRequest), "request");
        b.RightHandSide().Action((Expression<Action<IContext, PlacementRequest>>)((ctx, request) => ctx.Insert(PackEvaluation.Start(request))));
        return b.Build();
    }

    private static IRuleDefinition StartEligibility(RulePack pack, HashSet<string> names)
    {
        var b = Builder($"{pack.Id}.eligibility.request", null, PlacementPriority + 1, "The host asks whether a household may take a route into a department: first the department is placed.", names);
        b.LeftHandSide().Pattern(typeof(EligibilityRequest), "request");
        b.RightHandSide().Action((Expression<Action<IContext, EligibilityRequest>>)((ctx, request) => ctx.Insert(PackEvaluation.Start(request))));
        return b.Build();
    }

    private static IRuleDefinition Placement(RulePack pack, int index, HashSet<string> names)
    {
        var rule = pack.PlacementRules[index];
        var b = Builder(rule.Id, rule.Clause, PlacementPriority - index, rule.Reason.En, names);
        b.Property("tier", rule.Tier);
        b.Property("hitOrder", index + 1);
        b.Property("condition", rule.When.Text);
        var lhs = b.LeftHandSide();
        lhs.Pattern(typeof(PlacementTask), "task");
        lhs.Pattern(typeof(RuleOutcome), "outcome").Binding()
            .BindingExpression((Expression<Func<PlacementTask, RuleOutcome>>)(task => PackEvaluation.PlacementRule(pack, index, task)));
        b.RightHandSide().Action((Expression<Action<IContext, RuleOutcome>>)((ctx, outcome) => ctx.Insert(outcome)));
        return b.Build();
    }

    private static IRuleDefinition PlacementDecision(RulePack pack, HashSet<string> names)
    {
        var count = pack.PlacementRules.Length;
        var b = Builder($"{pack.Id}.placement", null, DecisionPriority, $"The placement under the hit policy '{PackNames.Name(pack.HitPolicy)}', once every placement rule has answered.", names);
        var lhs = b.LeftHandSide();
        lhs.Pattern(typeof(PlacementTask), "task");
        var outcomes = lhs.Pattern(typeof(IEnumerable<RuleOutcome>), "outcomes");
        var collect = outcomes.Aggregate();
        collect.Collect();
        collect.Pattern(typeof(RuleOutcome), "o").Condition((Expression<Func<RuleOutcome, PlacementTask, bool>>)((o, task) => o.Task == task));
        outcomes.Condition((Expression<Func<IEnumerable<RuleOutcome>, bool>>)(outcomes => outcomes.Count() == count));
        b.RightHandSide().Action((Expression<Action<IContext, PlacementTask, IEnumerable<RuleOutcome>>>)((ctx, task, outcomes) => Publish(ctx, PackEvaluation.Decide(pack, task, outcomes))));
        return b.Build();
    }

    private static IRuleDefinition Requirement(RulePack pack, Requirement requirement, HashSet<string> names)
    {
        var b = Builder(requirement.Id, requirement.Clause, RequirementPriority, requirement.Reason.En, names);
        b.Property("criteriaSet", requirement.CriteriaSet);
        if (requirement.When is { } when)
        {
            b.Property("condition", when.Text);
        }

        var lhs = b.LeftHandSide();
        lhs.Pattern(typeof(Placed), "placed").Condition((Expression<Func<Placed, bool>>)(placed => PackEvaluation.Concerns(pack, requirement, placed)));
        lhs.Pattern(typeof(RequirementOutcome), "outcome").Binding()
            .BindingExpression((Expression<Func<Placed, RequirementOutcome>>)(placed => PackEvaluation.Applies(pack, requirement, placed)));
        b.RightHandSide().Action((Expression<Action<IContext, RequirementOutcome>>)((ctx, outcome) => ctx.Insert(outcome)));
        return b.Build();
    }

    private static IRuleDefinition Special(RulePack pack, TierDef tier, HashSet<string> names)
    {
        var requirement = Evaluator.SpecialRequirement(pack, tier);
        var tierId = tier.Id;
        var b = Builder(requirement.Id, requirement.Clause, RequirementPriority, requirement.Reason.En, names);
        b.Property("criteriaSet", requirement.CriteriaSet);
        var lhs = b.LeftHandSide();
        lhs.Pattern(typeof(Placed), "placed").Condition((Expression<Func<Placed, bool>>)(placed => PackEvaluation.UnderSpecialCriteria(tierId, placed)));
        lhs.Pattern(typeof(RequirementOutcome), "outcome").Binding()
            .BindingExpression((Expression<Func<Placed, RequirementOutcome>>)(placed => PackEvaluation.Special(pack, requirement, placed)));
        b.RightHandSide().Action((Expression<Action<IContext, RequirementOutcome>>)((ctx, outcome) => ctx.Insert(outcome)));
        return b.Build();
    }

    private static IRuleDefinition Criterion(RulePack pack, CriteriaSetDef set, int index, HashSet<string> names)
    {
        var criterion = set.Criteria[index];
        var setId = set.Id;
        var b = Builder(criterion.Id, criterion.Clause, CriterionPriority, criterion.Title.En, names);
        b.Property("criteriaSet", setId);
        if (criterion is LeafCriterion leaf)
        {
            b.Property("condition", leaf.Condition.Text);
        }

        var lhs = b.LeftHandSide();
        lhs.Pattern(typeof(RequirementOutcome), "requirement")
            .Condition((Expression<Func<RequirementOutcome, bool>>)(requirement => requirement.Requirement.CriteriaSet == setId && requirement.Applies != Tri.False));
        lhs.Pattern(typeof(CriterionOutcome), "outcome").Binding()
            .BindingExpression((Expression<Func<RequirementOutcome, CriterionOutcome>>)(requirement => PackEvaluation.Criterion(pack, criterion, index, requirement)));
        b.RightHandSide().Action((Expression<Action<IContext, CriterionOutcome>>)((ctx, outcome) => ctx.Insert(outcome)));
        return b.Build();
    }

    private static IRuleDefinition EligibilityDecision(RulePack pack, HashSet<string> names)
    {
        var b = Builder($"{pack.Id}.eligibility", null, EligibilityPriority, "The eligibility, once every requirement of the route and every criterion has answered.", names);
        var lhs = b.LeftHandSide();
        lhs.Pattern(typeof(Placed), "placed").Condition((Expression<Func<Placed, bool>>)(placed => placed.Task.Eligibility != null));
        var requirements = lhs.Pattern(typeof(IEnumerable<RequirementOutcome>), "requirements");
        var collectRequirements = requirements.Aggregate();
        collectRequirements.Collect();
        collectRequirements.Pattern(typeof(RequirementOutcome), "r").Condition((Expression<Func<RequirementOutcome, Placed, bool>>)((r, placed) => r.Placed == placed));
        requirements.Condition((Expression<Func<IEnumerable<RequirementOutcome>, Placed, bool>>)((requirements, placed) => requirements.Count() == PackEvaluation.ExpectedRequirements(pack, placed)));
        var criteria = lhs.Pattern(typeof(IEnumerable<CriterionOutcome>), "criteria");
        var collectCriteria = criteria.Aggregate();
        collectCriteria.Collect();
        collectCriteria.Pattern(typeof(CriterionOutcome), "c").Condition((Expression<Func<CriterionOutcome, Placed, bool>>)((c, placed) => c.Requirement.Placed == placed));
        criteria.Condition((Expression<Func<IEnumerable<CriterionOutcome>, IEnumerable<RequirementOutcome>, bool>>)((criteria, requirements) => criteria.Count() == PackEvaluation.ExpectedCriteria(pack, requirements)));
        b.RightHandSide().Action((Expression<Action<IContext, Placed, IEnumerable<RequirementOutcome>, IEnumerable<CriterionOutcome>>>)(
            (ctx, placed, requirements, criteria) => ctx.TryInsert(PackEvaluation.Assemble(pack, placed, requirements, criteria))));
        return b.Build();
    }

    /// <summary>Inserts the placement for the rules that follow, and its result when the host asked for it.</summary>
    private static void Publish(IContext ctx, Placed placed)
    {
        ctx.Insert(placed);
        if (placed.Task.Placement is not null)
        {
            ctx.TryInsert(placed.Result);
        }
    }

    private static RuleBuilder Builder(string name, ClauseInfo? clause, int priority, string description, HashSet<string> names)
    {
        var unique = name;
        for (var n = 2; !names.Add(unique); n++)
        {
            unique = $"{name}#{n}";
        }

        var b = new RuleBuilder();
        b.Name(unique);
        b.Description(description);
        b.Priority(priority);
        if (clause is not null)
        {
            b.Tag(clause.Id);
            b.Property("clause", clause.Id);
            b.Property("source", clause.Source);
        }

        return b;
    }

    /// <summary>Every requirement that some tier's route lists, once (pack-wide requirements appear in several tiers).</summary>
    private static IEnumerable<Requirement> DistinctRequirements(RulePack pack)
    {
        var seen = new HashSet<Requirement>(ReferenceEqualityComparer.Instance);
        foreach (var routes in pack.RouteRequirements.Values)
        {
            foreach (var list in routes)
            {
                foreach (var r in list)
                {
                    if (seen.Add(r))
                    {
                        yield return r;
                    }
                }
            }
        }
    }
}
