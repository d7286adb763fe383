using RentalRules.Compilation;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Compilation;

/// <summary>
/// A pack's conditions and explanation readers run interpreted for their first calls and compiled after
/// <see cref="TieredLambda.CompileAfter"/> (start-up of a one-household check, issue 16 item 4): a result is the same
/// whichever of the two computed it, and a pack shared by threads that cross the threshold at once gives every thread
/// the same results.
/// </summary>
public sealed class TieredEvaluationTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    [Fact]
    public void Check_OfAFreshPackAndAfterManyChecks_GivesTheSameResultsAndExplanations()
    {
        var requests = Requests();
        var pack = Fresh();
        var first = requests.Select(r => Json(pack, r)).ToList();

        // Enough rounds that every condition and reader has been called past the threshold and runs compiled.
        for (var round = 0; round < TieredLambda.CompileAfter; round++)
        {
            foreach (var r in requests)
            {
                pack.Check(r);
            }
        }

        Assert.Equal(first, requests.Select(r => Json(pack, r)).ToList());
    }

    [Fact]
    public void Check_FromFourThreadsOnAFreshPack_GivesEveryThreadTheResultsOfOneThread()
    {
        var requests = Requests();
        var reference = requests.Select(r => Json(Repo.Pack("holbaek-2024"), r)).ToList();
        var pack = Fresh();
        using var start = new Barrier(4);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var round = 0; round < 2 * TieredLambda.CompileAfter / 4 + 1; round++)
            {
                for (var i = 0; i < requests.Count; i++)
                {
                    if (Json(pack, requests[i]) != reference[i])
                    {
                        failures.Add($"request {i} in round {round}");
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
    }

    private static RulePack Fresh() => RulePackLoader.Load(Repo.PackFile("holbaek-2024")).GetValueOrThrow();

    private static string Json(RulePack pack, EligibilityRequest request) => ResultJson.ToJson(pack.Check(request), indented: false);

    private static List<EligibilityRequest> Requests()
    {
        var departments = FactReader.ReadDepartments(File.ReadAllText(Repo.Path("samples/holbaek/departments.json"))).GetValueOrThrow().Items;
        var households = FactReader.ReadHouseholds(File.ReadAllText(Repo.Path("samples/holbaek/households.json"))).GetValueOrThrow().Items;
        return [.. from d in departments
                   from h in households
                   from route in new[] { LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList }
                   select new EligibilityRequest(d, h, route, On) { Explain = true }];
    }
}
