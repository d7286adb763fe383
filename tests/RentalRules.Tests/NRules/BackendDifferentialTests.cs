using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;
using RentalRules.Tests.Properties;

namespace RentalRules.Tests.NRules;

/// <summary>
/// The NRules backend answers as the native evaluator does: for any department, household, route and date under any
/// shipped pack, the <c>PlacementResult</c> and <c>EligibilityResult</c> facts the pack's rules insert equal
/// <c>pack.Place</c> and <c>pack.Check</c> in every field: outcome, tier, share, routes, criteria with their members,
/// missing facts and documents, and the explanation's rule ids, clauses and reasons.
/// </summary>
public sealed class BackendDifferentialTests
{
    [Property(MaxTest = 10_000, Arbitrary = [typeof(Cases)], Replay = "(2024070112345,1234567)")]
    public void NRulesBackend_OnAnyRequest_EqualsTheNativeEvaluator(Case c)
    {
        var pack = Repo.Pack(c.PackId);
        var (placement, eligibility) = NRulesBackend.Evaluate(pack, c.Request);
        Assert.Equal(Describe(pack.Place(new PlacementRequest(c.Request.Department, c.Request.On))), Describe(placement));
        Assert.Equal(Describe(pack.Check(c.Request)), Describe(eligibility));
    }

    /// <summary>Every field of a placement: the JSON contract plus the tier label's two languages and each explanation's reason.</summary>
    private static string Describe(PlacementResult p) => ResultJson.ToJson(p) + "\n" + Reasons(p.Explanation);

    private static string Describe(EligibilityResult e)
        => ResultJson.ToJson(e) + "\n" + Describe(e.Placement) + "\n" + Reasons(e.Explanation) + "\n" + string.Join(";", Flatten(e.Criteria).Select(c => $"{c.Id}:{c.Source}:{c.Title}:{string.Join(",", c.Documents)}"));

    private static string Reasons(IReadOnlyList<Explanation> explanation) => string.Join(";", explanation.Select(x => $"{x.RuleId}|{x.Clause}|{x.Source}|{x.Reason.Da}|{x.Reason.En}"));

    private static IEnumerable<CriterionResult> Flatten(IEnumerable<CriterionResult> criteria)
        => criteria.SelectMany(c => Flatten(c.Children).Prepend(c));

    /// <summary>One generated question: a shipped pack, and a request to it.</summary>
    /// <param name="PackId">The pack.</param>
    /// <param name="Request">The request.</param>
    public sealed record Case(string PackId, EligibilityRequest Request)
    {
        /// <inheritdoc />
        public override string ToString() => $"{PackId}: {Request.Route} into {Request.Department} for {Request.Household} on {Request.On:yyyy-MM-dd}, special criteria {Request.SpecialCriteria}";
    }

    /// <summary>Requests under every shipped pack, with departments near the Holbæk and Høje-Taastrup bounds and households of any shape.</summary>
    public static class Cases
    {
        /// <summary>The generator FsCheck.Xunit picks up for <see cref="Case"/>.</summary>
        /// <returns>The arbitrary.</returns>
        public static Arbitrary<Case> Case() => Arb.From(
            from packId in Gen.Elements(Laws.ShippedPackIds.ToArray())
            from department in FactGenerators.Department
            from household in Gen.Frequency((3, FactGenerators.Household), (1, Gen.Elements(SampleHouseholds)))
            from route in Gen.Elements(Enum.GetValues<LettingRoute>())
            from date in Gen.Frequency((3, FactGenerators.HolbaekDate), (1, FactGenerators.EvaluationDate))
            from special in Gen.Elements(false, true)
            select new Case(packId, new EligibilityRequest(department, household, route, date, special)));

        private static readonly Household[] SampleHouseholds =
            [.. FactReader.ReadHouseholds(File.ReadAllText(Repo.Path("samples", "holbaek", "households.json")), "households.json").GetValueOrThrow().Items,
             .. FactReader.ReadHouseholds(File.ReadAllText(Repo.Path("samples", "hoeje-taastrup", "households.json")), "households.json").GetValueOrThrow().Items];
    }
}
