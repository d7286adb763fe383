using System.Globalization;
using NRules;
using RentalRules.Benchmarks.HandWritten;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.NRules;
using RentalRules.Packs;

namespace RentalRules.Benchmarks;

/// <summary>
/// Compares the pack with <see cref="HolbaekRules"/> field by field: outcome, tier, routes, explanation, every
/// criterion and member with its missing facts, and the documents. The benchmarks call <see cref="EnsureAgree(RulePack)"/>
/// in their <c>[GlobalSetup]</c>, so numbers are never reported for implementations that disagree.
/// </summary>
internal static class AgreementCheck
{
    /// <summary>Throws when the pack and the hand-written rules disagree on any benchmark input.</summary>
    /// <param name="pack">The Holbæk pack.</param>
    /// <exception cref="InvalidOperationException">On the first disagreement.</exception>
    public static void EnsureAgree(RulePack pack)
    {
        var differences = new List<string>();
        foreach (var department in new[] { BenchmarkInputs.GreenDepartment, BenchmarkInputs.RedDepartment })
        {
            ComparePlacement($"place {department.Id}", pack.Place(new PlacementRequest(department, BenchmarkInputs.On)), HolbaekRules.Place(department, BenchmarkInputs.On), differences);
        }

        var request = BenchmarkInputs.RedWaitingList;
        var expected = pack.Check(request);
        CompareEligibility("check red waitingList", expected, HolbaekRules.Check(request), differences);
        if (expected.Outcome != Outcome.Eligible || expected.Placement.Tier != "red")
        {
            differences.Add($"check red waitingList: the benchmark expects an eligible household in a red department, but the pack says {expected.Outcome} in {expected.Placement.Tier}.");
        }

        if (differences.Count > 0)
        {
            throw new InvalidOperationException("The pack and the hand-written rules disagree:" + Environment.NewLine + string.Join(Environment.NewLine, differences));
        }
    }

    /// <summary>Throws when the pack's NRules rule set and the native evaluator disagree on a request (placement and eligibility, as JSON).</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="factory">Its rule set, compiled.</param>
    /// <param name="request">The request.</param>
    /// <exception cref="InvalidOperationException">When they differ.</exception>
    public static void EnsureNRulesAgrees(RulePack pack, ISessionFactory factory, EligibilityRequest request)
    {
        var session = factory.CreateSession();
        session.Insert(new PlacementRequest(request.Department, request.On));
        session.Insert(request);
        session.Fire();
        var placement = ResultJson.ToJson(session.Query<PlacementResult>().Single());
        var eligibility = ResultJson.ToJson(session.Query<EligibilityResult>().Single());
        if (placement != ResultJson.ToJson(pack.Place(new PlacementRequest(request.Department, request.On))) || eligibility != ResultJson.ToJson(pack.Check(request)))
        {
            throw new InvalidOperationException($"The NRules backend and the native evaluator disagree on {request.Department.Id}:{Environment.NewLine}{placement}{Environment.NewLine}{eligibility}");
        }
    }

    /// <summary>
    /// <c>--agree [HOUSEHOLDS.json]</c>: checks every household of a file (default: the Holbæk samples) against the
    /// sample departments and variants with unknown facts, and prints the differences by field.
    /// </summary>
    /// <param name="args">The arguments after <c>--agree</c>.</param>
    /// <returns>0 when outcomes and tiers agree everywhere, 1 otherwise.</returns>
    public static int Run(string[] args)
    {
        var pack = RulePackLoader.Load(BenchmarkInputs.HolbaekPackPath).GetValueOrThrow();
        var householdPath = args.Length > 0 ? args[0] : BenchmarkInputs.RepoFile("samples", "holbaek", "households.json");
        var households = FactReader.ReadHouseholds(File.ReadAllText(householdPath), householdPath).GetValueOrThrow().Items;
        var departmentsPath = BenchmarkInputs.RepoFile("samples", "holbaek", "departments.json");
        var departments = FactReader.ReadDepartments(File.ReadAllText(departmentsPath), departmentsPath).GetValueOrThrow().Items.ToList();
        var yellowFlagged = departments.First(d => d.Id == "HB-103");
        departments.Add(yellowFlagged with { Id = "HB-103-flags-unknown", Flags = null });
        departments.Add(departments[0] with { Id = "HB-101-designation-unknown", Designation = null });
        departments.Add(departments[0] with { Id = "HB-101-no-key-figures", KeyFigures = null });

        var dates = new[] { BenchmarkInputs.On, new DateOnly(2024, 6, 30), new DateOnly(2028, 1, 1) };
        var byField = new SortedDictionary<string, (int Count, string Example)>(StringComparer.Ordinal);
        var checks = 0;
        var outcomeDifferences = 0;
        foreach (var on in dates)
        {
            foreach (var d in departments)
            {
                var differences = new List<string>();
                ComparePlacement($"place {d.Id} on {on:yyyy-MM-dd}", pack.Place(new PlacementRequest(d, on)), HolbaekRules.Place(d, on), differences);
                Tally(differences, byField);
                var tier = pack.Place(new PlacementRequest(d, on)).Tier;
                var routes = tier == "red" ? new[] { LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList } : [LettingRoute.WaitingList];
                foreach (var route in routes)
                {
                    // Households vary most; one date is enough for all of them, the others check a sample.
                    var count = on == BenchmarkInputs.On ? households.Count : Math.Min(households.Count, 1000);
                    for (var i = 0; i < count; i++)
                    {
                        var request = new EligibilityRequest(d, households[i], route, on);
                        var expected = pack.Check(request);
                        var actual = HolbaekRules.Check(request);
                        checks++;
                        if (expected.Outcome != actual.Outcome || expected.Placement.Tier != actual.Placement.Tier)
                        {
                            outcomeDifferences++;
                        }

                        differences.Clear();
                        CompareEligibility($"check {d.Id} {route} {households[i].Id} on {on:yyyy-MM-dd}", expected, actual, differences);
                        Tally(differences, byField);
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{checks} eligibility checks of {households.Count} households against {departments.Count} departments on {dates.Length} dates; {outcomeDifferences} differ in outcome or tier."));
        foreach (var (field, (count, example)) in byField)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,8} x {field}   e.g. {example}"));
        }

        return outcomeDifferences == 0 ? 0 : 1;
    }

    private static void Tally(List<string> differences, SortedDictionary<string, (int Count, string Example)> byField)
    {
        foreach (var difference in differences)
        {
            var field = difference[(difference.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            field = field[..field.IndexOf(' ', StringComparison.Ordinal)];
            byField[field] = byField.TryGetValue(field, out var seen) ? (seen.Count + 1, seen.Example) : (1, difference);
        }
    }

    private static void ComparePlacement(string what, PlacementResult expected, PlacementResult actual, List<string> differences)
    {
        Same(what, "placement.outcome", expected.Outcome, actual.Outcome, differences);
        Same(what, "placement.departmentId", expected.DepartmentId, actual.DepartmentId, differences);
        Same(what, "placement.tier", expected.Tier, actual.Tier, differences);
        Same(what, "placement.tierLabel", expected.TierLabel, actual.TierLabel, differences);
        Same(what, "placement.municipalShare", expected.MunicipalShare, actual.MunicipalShare, differences);
        Same(what, "placement.flexibleLetting", expected.FlexibleLetting, actual.FlexibleLetting, differences);
        Same(what, "placement.criteriaSet", expected.CriteriaSet, actual.CriteriaSet, differences);
        Same(what, "placement.specialCriteria", expected.SpecialCriteria, actual.SpecialCriteria, differences);
        Same(what, "placement.routes", Describe(expected.Routes), Describe(actual.Routes), differences);
        SameList(what, "placement.explanation", expected.Explanation, actual.Explanation, differences);
        SameList(what, "placement.missing", expected.Missing, actual.Missing, differences);
        SameList(what, "placement.warnings", expected.Warnings.Select(w => w.Da + " | " + w.En).ToList(), actual.Warnings.Select(w => w.Da + " | " + w.En).ToList(), differences);
    }

    private static void CompareEligibility(string what, EligibilityResult expected, EligibilityResult actual, List<string> differences)
    {
        Same(what, "outcome", expected.Outcome, actual.Outcome, differences);
        Same(what, "householdId", expected.HouseholdId, actual.HouseholdId, differences);
        Same(what, "departmentId", expected.DepartmentId, actual.DepartmentId, differences);
        Same(what, "route", expected.Route, actual.Route, differences);
        ComparePlacement(what, expected.Placement, actual.Placement, differences);
        CompareCriteria(what, "criteria", expected.Criteria, actual.Criteria, differences);
        SameList(what, "missing", expected.Missing, actual.Missing, differences);
        SameList(what, "documents", expected.Documents, actual.Documents, differences);
        SameList(what, "explanation", expected.Explanation, actual.Explanation, differences);
    }

    private static void CompareCriteria(string what, string path, IReadOnlyList<CriterionResult> expected, IReadOnlyList<CriterionResult> actual, List<string> differences)
    {
        Same(what, path + ".count", expected.Count, actual.Count, differences);
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var at = $"{path}[{e.Id}]";
            Same(what, at + ".id", e.Id, a.Id, differences);
            Same(what, at + ".clause", e.Clause, a.Clause, differences);
            Same(what, at + ".source", e.Source, a.Source, differences);
            Same(what, at + ".outcome", e.Outcome, a.Outcome, differences);
            Same(what, at + ".title", e.Title, a.Title, differences);
            SameList(what, at + ".members", e.Members.Select(m => $"{m.MemberId}:{m.Outcome}:[{string.Join(",", m.Missing)}]").ToList(), a.Members.Select(m => $"{m.MemberId}:{m.Outcome}:[{string.Join(",", m.Missing)}]").ToList(), differences);
            SameList(what, at + ".missing", e.Missing, a.Missing, differences);
            SameList(what, at + ".documents", e.Documents, a.Documents, differences);
            CompareCriteria(what, at + ".children", e.Children, a.Children, differences);
        }
    }

    private static string Describe(IReadOnlyDictionary<LettingRoute, RouteSummary> routes)
        => string.Join("; ", routes.OrderBy(r => r.Key).Select(r => $"{r.Key}:{(r.Value.Open ? "open" : "closed")}[{string.Join(",", r.Value.CriteriaSets)}]"));

    private static void Same<T>(string what, string field, T expected, T actual, List<string> differences)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            differences.Add($"{what}: {field} pack={expected} hand-written={actual}");
        }
    }

    private static void SameList<T>(string what, string field, IReadOnlyList<T> expected, IReadOnlyList<T> actual, List<string> differences)
    {
        if (!expected.SequenceEqual(actual))
        {
            differences.Add($"{what}: {field} pack=[{string.Join(" | ", expected)}] hand-written=[{string.Join(" | ", actual)}]");
        }
    }
}
