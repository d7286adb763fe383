using RentalRules.Compilation;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Analysis;

/// <summary>One rule-like item a draft changed compared with its base.</summary>
/// <param name="Kind"><c>parameter</c>, <c>tier</c>, <c>placementRule</c>, <c>placement</c>, <c>criteriaSet</c>, <c>criterion</c>, <c>requirement</c> or <c>routingRule</c>.</param>
/// <param name="Id">The item's id.</param>
/// <param name="Change"><c>added</c>, <c>removed</c>, <c>changed</c> (what it does), or <c>reworded</c> (only its reasons, titles or documents).</param>
/// <param name="Before">For a parameter: its value in the base on the comparison date.</param>
/// <param name="After">For a parameter: its value in the draft on the comparison date.</param>
public sealed record RuleChange(string Kind, string Id, string Change, string? Before = null, string? After = null)
{
    /// <summary><c>kind:id</c>, the form used in attributions.</summary>
    public string Key => $"{Kind}:{Id}";

    /// <summary>For a parameter: its unit (e.g. <c>share</c>), so that a report can show the values as the reader expects (<c>30 %</c>).</summary>
    public string? Unit { get; init; }
}

/// <summary>A department whose tier (or municipal allocations) differ between base and draft.</summary>
/// <param name="DepartmentId">The department.</param>
/// <param name="Name">Its name.</param>
/// <param name="Organisation">Its organisation.</param>
/// <param name="BaseTier">The tier under the base pack.</param>
/// <param name="DraftTier">The tier under the draft.</param>
/// <param name="BaseMunicipalPerYear">Municipal allocations per year under the base.</param>
/// <param name="DraftMunicipalPerYear">Municipal allocations per year under the draft.</param>
/// <param name="CausedBy">The draft's changes that caused it (<c>kind:id</c>).</param>
public sealed record DepartmentChange(string? DepartmentId, string? Name, string? Organisation, string? BaseTier, string? DraftTier, decimal? BaseMunicipalPerYear, decimal? DraftMunicipalPerYear, IReadOnlyList<string> CausedBy);

/// <summary>A household whose eligibility for a route into a department differs between base and draft.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="DepartmentId">The department.</param>
/// <param name="Route">The route.</param>
/// <param name="Base">The outcome under the base.</param>
/// <param name="Draft">The outcome under the draft.</param>
/// <param name="CausedBy">The draft's changes that caused it (<c>kind:id</c>).</param>
public sealed record EligibilityChange(string? HouseholdId, string? DepartmentId, LettingRoute Route, Outcome Base, Outcome Draft, IReadOnlyList<string> CausedBy);

/// <summary>A comparison of a draft with its base over a portfolio (and optionally households).</summary>
/// <param name="BaseId">The base pack id.</param>
/// <param name="DraftId">The draft pack id.</param>
/// <param name="On">The evaluation date.</param>
/// <param name="RuleChanges">What the draft changed.</param>
/// <param name="Base">The base forecast.</param>
/// <param name="Draft">The draft forecast.</param>
/// <param name="Departments">Departments whose tier or allocations changed.</param>
/// <param name="Households">Household × department × route whose eligibility changed.</param>
public sealed record Comparison(
    string BaseId,
    string DraftId,
    DateOnly On,
    IReadOnlyList<RuleChange> RuleChanges,
    Forecast Base,
    Forecast Draft,
    IReadOnlyList<DepartmentChange> Departments,
    IReadOnlyList<EligibilityChange> Households)
{
    /// <summary>
    /// How many households were checked against every department and route, or <c>null</c> when none were given: it
    /// tells "no household's eligibility changes" apart from "households were not checked".
    /// </summary>
    public int? HouseholdsChecked { get; init; }
}

/// <summary>Compares two packs: what a draft changed, and what that does to departments, allocations and households. Thread-safe (stateless).</summary>
public static class PackComparer
{
    /// <summary>Every route a household may take into a department, internal transfers included (the enum is the one list of routes).</summary>
    private static readonly LettingRoute[] Routes = EnumNames<LettingRoute>.Values;

    /// <summary>The rule-like items that differ between two packs, by kind and id (their definitions compared: what each does, then how it reads).</summary>
    /// <param name="basePack">The base.</param>
    /// <param name="draft">The draft.</param>
    /// <returns>The changes, ordered by kind and id.</returns>
    public static IReadOnlyList<RuleChange> Changes(RulePack basePack, RulePack draft)
        => Changes(basePack, draft, null);

    /// <summary>The rule-like items that differ between two packs, with parameter values on a date.</summary>
    /// <param name="basePack">The base.</param>
    /// <param name="draft">The draft.</param>
    /// <param name="on">The date parameter values are shown for, or <c>null</c> for none.</param>
    /// <returns>The changes, ordered by kind and id.</returns>
    public static IReadOnlyList<RuleChange> Changes(RulePack basePack, RulePack draft, DateOnly? on)
    {
        ArgumentNullException.ThrowIfNull(basePack);
        ArgumentNullException.ThrowIfNull(draft);
        var changes = new List<RuleChange>();
        var baseItems = PackItems.Of(basePack.Definition!);
        var draftItems = PackItems.Of(draft.Definition!);
        foreach (var key in baseItems.Keys.Union(draftItems.Keys).Order(StringComparer.Ordinal))
        {
            var inBase = baseItems.TryGetValue(key, out var b);
            var inDraft = draftItems.TryGetValue(key, out var d);
            var change = (inBase, inDraft) switch
            {
                (false, true) => "added",
                (true, false) => "removed",
                _ => !Equals(b.Logic, d.Logic) ? "changed"
                    : !Equals(b.Wording, d.Wording) ? "reworded"
                    : null,
            };
            if (change is not null)
            {
                var colon = key.IndexOf(':', StringComparison.Ordinal);
                var kind = key[..colon];
                var id = key[(colon + 1)..];
                string? before = null;
                string? after = null;
                if (kind == "parameter" && on is { } date)
                {
                    before = Format(basePack.ParameterValue(id, date));
                    after = Format(draft.ParameterValue(id, date));
                }

                changes.Add(new RuleChange(kind, id, change, before, after) { Unit = kind == "parameter" ? (draft.ParameterUnit(id) ?? basePack.ParameterUnit(id)) : null });
            }
        }

        return changes;
    }

    /// <summary>Runs the comparison.</summary>
    /// <param name="basePack">The base pack.</param>
    /// <param name="draft">The draft.</param>
    /// <param name="portfolio">The departments.</param>
    /// <param name="households">Households to check against every department and route, or <c>null</c>.</param>
    /// <param name="on">The evaluation date.</param>
    /// <returns>The comparison.</returns>
    public static Comparison Run(RulePack basePack, RulePack draft, IReadOnlyList<Department> portfolio, IReadOnlyList<Household>? households, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(basePack);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(portfolio);
        var changes = Changes(basePack, draft, on);
        var changed = changes.Where(c => c.Change != "reworded").Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var baseForecast = Forecaster.Run(basePack, portfolio, on);
        var draftForecast = Forecaster.Run(draft, portfolio, on);

        var departments = new List<DepartmentChange>();
        for (var i = 0; i < portfolio.Count; i++)
        {
            var b = baseForecast.Departments[i];
            var d = draftForecast.Departments[i];
            if (b.Tier == d.Tier && b.MunicipalPerYear == d.MunicipalPerYear && b.Placement.Outcome == d.Placement.Outcome)
            {
                continue;
            }

            departments.Add(new DepartmentChange(b.DepartmentId, b.Name, b.Organisation, b.Tier, d.Tier, b.MunicipalPerYear, d.MunicipalPerYear, PlacementCauses(basePack, draft, portfolio[i], on, b.Placement, d.Placement, changed)));
        }

        var eligibility = new List<EligibilityChange>();
        if (households is not null)
        {
            foreach (var h in households)
            {
                foreach (var department in portfolio)
                {
                    foreach (var route in Routes)
                    {
                        var request = new EligibilityRequest(department, h, route, on);
                        var b = basePack.Check(request);
                        var d = draft.Check(request);
                        if (b.Outcome != d.Outcome)
                        {
                            eligibility.Add(new EligibilityChange(h.Id, department.Id, route, b.Outcome, d.Outcome, EligibilityCauses(basePack, draft, request, b, d, changed)));
                        }
                    }
                }
            }
        }

        return new Comparison(basePack.Id, draft.Id, on, changes, baseForecast, draftForecast, departments, eligibility) { HouseholdsChecked = households?.Count };
    }

    private static string? Format(decimal? value) => value?.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> PlacementCauses(RulePack basePack, RulePack draft, Department department, DateOnly on, PlacementResult b, PlacementResult d, HashSet<string> changed)
    {
        // The tiers: a changed tier definition changes shares and routes even where the placement stays the same.
        var candidates = new List<string>();
        foreach (var p in new[] { b, d })
        {
            if (p.Tier is not null)
            {
                candidates.Add("tier:" + p.Tier);
            }
        }

        if (b.Outcome == d.Outcome && b.Tier == d.Tier)
        {
            return candidates.Where(changed.Contains).Distinct(StringComparer.Ordinal).ToList();
        }

        // The placement rules that decide differently for this department: a rule the hit policy looks at (in either
        // pack) whose condition has another truth value under the draft, or that only one of the packs has and that
        // does not fail there. Each such rule counts if it changed, and so do its changed parameters.
        var inBase = Truths(basePack, department, on);
        var inDraft = Truths(draft, department, on);
        var rules = basePack.PlacementRules.Concat(draft.PlacementRules).ToList();
        foreach (var id in inBase.Keys.Union(inDraft.Keys, StringComparer.Ordinal))
        {
            var hasBase = inBase.TryGetValue(id, out var x);
            var hasDraft = inDraft.TryGetValue(id, out var y);
            var decides = (hasBase, hasDraft) switch
            {
                (true, true) => x.Truth != y.Truth && (x.LookedAt || y.LookedAt),
                (true, false) => x.Truth != Tri.False && x.LookedAt,
                _ => y.Truth != Tri.False && y.LookedAt,
            };
            if (decides)
            {
                candidates.Add("placementRule:" + id);
                candidates.AddRange(rules.Where(r => r.Id == id).SelectMany(r => r.When.References.Parameters).Select(n => "parameter:" + n));
            }
        }

        // The rules that placed the department: a change to one of them (its tier, say) is a cause in itself.
        candidates.AddRange(b.Explanation.Concat(d.Explanation).Select(x => "placementRule:" + x.RuleId));
        candidates.Add("placement:order");
        var causes = candidates.Where(changed.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (causes.Count > 0)
        {
            return causes;
        }

        // Nothing pinned down (e.g. a fact the condition reads is missing under one pack only): every changed placement
        // rule and changed parameter of the table may have taken part.
        foreach (var rule in rules)
        {
            candidates.Add("placementRule:" + rule.Id);
            candidates.AddRange(rule.When.References.Parameters.Select(n => "parameter:" + n));
        }

        return candidates.Where(changed.Contains).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every placement rule's truth value for the department, and whether the hit policy looks at it: under
    /// <c>first</c>, the rules up to the first that holds or is unknown; under <c>unique</c>, all of them.
    /// </summary>
    private static Dictionary<string, (Tri Truth, bool LookedAt)> Truths(RulePack pack, Department department, DateOnly on)
    {
        var scope = pack.NewScope(on);
        scope.Department = department;
        var result = new Dictionary<string, (Tri, bool)>(StringComparer.Ordinal);
        var lookedAt = true;
        foreach (var rule in pack.PlacementRules)
        {
            var truth = rule.When.Evaluate(scope);
            result[rule.Id] = (truth, lookedAt);
            if (truth != Tri.False && pack.HitPolicy == HitPolicy.First)
            {
                lookedAt = false;
            }
        }

        return result;
    }

    private static List<string> EligibilityCauses(RulePack basePack, RulePack draft, EligibilityRequest request, EligibilityResult b, EligibilityResult d, HashSet<string> changed)
    {
        var candidates = PlacementCauses(basePack, draft, request.Department, request.On, b.Placement, d.Placement, changed);
        foreach (var (pack, result) in new[] { (basePack, b), (draft, d) })
        {
            foreach (var x in result.Explanation)
            {
                candidates.Add("requirement:" + x.RuleId);
            }

            foreach (var c in Flatten(result.Criteria))
            {
                candidates.Add("criterion:" + c.Id);
                if (pack.Criterion(c.Id) is LeafCriterion leaf)
                {
                    candidates.AddRange(leaf.Condition.References.Parameters.Select(n => "parameter:" + n));
                }
            }

            if (result.Placement.Routes.TryGetValue(result.Route, out var summary))
            {
                candidates.AddRange(summary.CriteriaSets.Select(s => "criteriaSet:" + s));
            }
        }

        return candidates.Where(changed.Contains).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<CriterionResult> Flatten(IEnumerable<CriterionResult> results)
        => Trees.PreOrder(results, r => r.Children);
}
