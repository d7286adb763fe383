using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Evaluation;

/// <summary>
/// Checking many households against one department (the CLI's <c>check</c>, issue 16) places the department once;
/// every result is the one <see cref="Packs.RulePack.Check"/> and <see cref="Packs.RulePack.CheckEveryRoute"/> give.
/// </summary>
public sealed class CheckBatchTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    [Fact]
    public void CheckBatch_EverySampleHouseholdOnEveryDepartmentAndRoute_GivesTheResultOfCheckingItAlone()
    {
        var pack = Repo.Pack("holbaek-2024");
        var departments = FactReader.ReadDepartments(File.ReadAllText(Repo.Path("samples/holbaek/departments.json"))).GetValueOrThrow().Items;
        var households = FactReader.ReadHouseholds(File.ReadAllText(Repo.Path("samples/holbaek/households.json"))).GetValueOrThrow().Items;
        foreach (var department in departments)
        {
            var batch = new CheckBatch(pack, department, On);
            foreach (var household in households)
            {
                foreach (var route in new[] { LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList })
                {
                    var request = new EligibilityRequest(department, household, route, On) { Explain = true };
                    Assert.Equal(ResultJson.ToJson(pack.Check(request), indented: false), ResultJson.ToJson(batch.Check(request), indented: false));
                }

                var every = new EligibilityRequest(department, household, pack.DefaultRoute, On) { Explain = true };
                Assert.Equal(ResultJson.ToJson(pack.CheckEveryRoute(every), indented: false), ResultJson.ToJson(batch.CheckEveryRoute(every), indented: false));
            }
        }
    }

    [Fact]
    public void CheckBatch_RequestForAnotherDepartmentOrDate_IsRefused()
    {
        var pack = Repo.Pack("holbaek-2024");
        var department = Build.Department("HB-R", 0.50m);
        var household = FactReader.ReadHouseholds(File.ReadAllText(Repo.Path("samples/holbaek/households.json"))).GetValueOrThrow().Items[0];
        var batch = new CheckBatch(pack, department, On);

        Assert.Throws<ArgumentException>(() => batch.Check(new EligibilityRequest(department with { }, household, LettingRoute.WaitingList, On)));
        Assert.Throws<ArgumentException>(() => batch.Check(new EligibilityRequest(department, household, LettingRoute.WaitingList, On.AddDays(1))));
    }
}
