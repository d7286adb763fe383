using System.Text.Json;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Evaluation;

/// <summary>
/// The internal-transfer route (intern oprykning) as every pack can use it: stated on a tier like the other three
/// routes, implied where a tier does not state it (open without agreement criteria, or closed where the tier closes
/// every route), and reachable from pack-wide requirements with <c>"route": "internalTransfer"</c>.
/// </summary>
public sealed class InternalTransferRouteTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    private static readonly Household Jobless = Build.Household("h-1", Build.Worker("m1", new DateOnly(1985, 1, 1)) with { Employment = [] });

    [Fact]
    public void Check_TierThatDoesNotStateTheRoute_IsOpenWithoutCriteriaAndSaysTheAgreementSetsNone()
    {
        var pack = Load(transfer: null);

        var result = pack.Check(new EligibilityRequest(Build.Department("D-1"), Jobless, LettingRoute.InternalTransfer, On));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Empty(result.Criteria);
        var reason = Assert.Single(result.Explanation, e => e.RuleId == "open.internalTransfer");
        Assert.Equal("The agreement sets no criteria for internal transfers into this department.", reason.Reason.En);
        Assert.Equal("Aftalen stiller ingen kriterier for intern oprykning i denne afdeling.", reason.Reason.Da);
    }

    [Fact]
    public void Place_TierThatDoesNotStateTheRoute_ListsOnlyTheThreeRoutesItNames()
    {
        var placement = Load(transfer: null).Place(new PlacementRequest(Build.Department("D-1"), On));

        Assert.Equal([LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList], placement.Routes.Keys.Order());
    }

    [Fact]
    public void Check_TierThatClosesEveryRoute_ClosesTheImpliedRouteWithTheWaitingListsReason()
    {
        var pack = Load(transfer: null);

        var result = pack.Check(new EligibilityRequest(Build.Department("D-9", residents: 5000), Jobless, LettingRoute.InternalTransfer, On));

        Assert.Equal("shut", result.Placement.Tier);
        Assert.True(result.RouteClosed);
        Assert.Equal(Outcome.Ineligible, result.Outcome);
        var reason = Assert.Single(result.Explanation, e => e.RuleId == "shut.internalTransfer");
        Assert.Equal("§ 2", reason.Clause);
        Assert.Equal("No waiting-list letting.", reason.Reason.En);
    }

    [Fact]
    public void Check_StatedRouteWithACriteriaSet_AppliesItsCriteriaAndIsListedInThePlacement()
    {
        var pack = Load(transfer: new { requirements = new object[] { new { id = "transfer-work", criteriaSet = "work", clause = "§ 3", reason = new { da = "Oprykning kræver arbejde.", en = "Transfers need work." } } } });

        var result = pack.Check(new EligibilityRequest(Build.Department("D-1"), Jobless, LettingRoute.InternalTransfer, On));
        var placement = pack.Place(new PlacementRequest(Build.Department("D-1"), On));

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.Contains(result.Criteria.SelectMany(c => c.Children.Prepend(c)), c => c is { Id: "work-1", Outcome: Outcome.Ineligible });
        Assert.Contains(result.Explanation, e => e is { RuleId: "transfer-work", Clause: "§ 3" });
        Assert.Equal(["work"], placement.Routes[LettingRoute.InternalTransfer].CriteriaSets);
    }

    [Fact]
    public void Check_PackWideRequirementOnTheRoute_AppliesWhereTheTierDoesNotStateIt()
    {
        var pack = Load(transfer: null, packWide: new { id = "all-transfers-work", route = "internalTransfer", criteriaSet = "work", clause = "§ 3", reason = new { da = "Al oprykning kræver arbejde.", en = "Every transfer needs work." } });

        var transfer = pack.Check(new EligibilityRequest(Build.Department("D-1"), Jobless, LettingRoute.InternalTransfer, On));
        var waitingList = pack.Check(new EligibilityRequest(Build.Department("D-1"), Jobless, LettingRoute.WaitingList, On));

        Assert.Equal(Outcome.Ineligible, transfer.Outcome);
        Assert.Contains(transfer.Explanation, e => e.RuleId == "all-transfers-work");
        Assert.Equal(Outcome.Eligible, waitingList.Outcome);
    }

    [Fact]
    public void CheckEveryRoute_ListsInternalTransfersOnlyWhereTheTierStatesThem()
    {
        var stated = Load(transfer: new { requirements = new object[] { new { id = "transfer-work", criteriaSet = "work", clause = "§ 3", reason = new { da = "Oprykning kræver arbejde.", en = "Transfers need work." } } } });
        var request = new EligibilityRequest(Build.Department("D-1"), Jobless, LettingRoute.WaitingList, On);

        var withRoute = stated.CheckEveryRoute(request);
        var without = Load(transfer: null).CheckEveryRoute(request);

        Assert.Equal([LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList, LettingRoute.InternalTransfer], withRoute.Routes.Select(r => r.Route));
        Assert.Equal(Outcome.Ineligible, withRoute.Routes[3].Outcome);
        Assert.Equal([LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList], without.Routes.Select(r => r.Route));
    }

    [Fact]
    public void CheckEveryRoute_AskedForInternalTransfers_ExplainsThemInFullWhereTheTierDoesNotStateThem()
    {
        var result = Load(transfer: null).CheckEveryRoute(new EligibilityRequest(Build.Department("D-1"), Jobless, LettingRoute.InternalTransfer, On));

        Assert.Equal(LettingRoute.InternalTransfer, result.Route);
        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal(LettingRoute.InternalTransfer, result.Routes[^1].Route);
    }

    [Fact]
    public void Load_RequirementOnAnUnknownRoute_NamesTheFourRoutes()
    {
        var result = Text(transfer: null, packWide: new { id = "x", route = "internalTransfers", criteriaSet = "work", clause = "§ 3", reason = new { da = "x", en = "x" } });

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == RentalRules.Diagnostics.Severity.Error);
        Assert.Contains("internalTransfer", error.Message + error.Hint, StringComparison.Ordinal);
    }

    private static RulePack Load(object? transfer, object? packWide = null)
        => Text(transfer, packWide).GetValueOrThrow();

    private static RentalRules.Diagnostics.LoadResult<RulePack> Text(object? transfer, object? packWide)
    {
        var reason = new { da = "Grund.", en = "Reason." };
        var open = new Dictionary<string, object?>
        {
            ["municipal"] = new { requirements = Array.Empty<object>() },
            ["flexible"] = new { requirements = Array.Empty<object>() },
            ["waitingList"] = new { requirements = Array.Empty<object>() },
        };
        if (transfer is not null)
        {
            open["internalTransfer"] = transfer;
        }

        object Closed(string en) => new { closed = true, clause = "§ 2", reason = new { da = "Ingen.", en } };
        var pack = new Dictionary<string, object?>
        {
            ["id"] = "transfers",
            ["version"] = "1.0.0",
            ["title"] = "Internal transfers",
            ["status"] = "illustrative",
            ["clauses"] = new Dictionary<string, object> { ["§ 1"] = new { title = "Tiers" }, ["§ 2"] = new { title = "Closed" }, ["§ 3"] = new { title = "Transfers" } },
            ["tiers"] = new Dictionary<string, object>
            {
                ["open"] = new Dictionary<string, object?> { ["label"] = new { da = "Åben", en = "Open" }, ["clause"] = "§ 1", ["municipalShare"] = "1/4", ["flexibleLetting"] = new { rule = "none", clause = "§ 1" }, ["routes"] = open },
                ["shut"] = new Dictionary<string, object?>
                {
                    ["label"] = new { da = "Lukket", en = "Shut" },
                    ["clause"] = "§ 2",
                    ["municipalShare"] = "0",
                    ["flexibleLetting"] = new { rule = "none", clause = "§ 2" },
                    ["routes"] = new { municipal = Closed("No allocation."), flexible = Closed("No flexible letting."), waitingList = Closed("No waiting-list letting.") },
                },
            },
            ["placement"] = new
            {
                hitPolicy = "first",
                rules = new object[]
                {
                    new { id = "to-open", clause = "§ 1", when = "department.residents < 1000", tier = "open", reason },
                    new { id = "to-shut", clause = "§ 2", when = "department.residents >= 1000", tier = "shut", reason },
                },
            },
            ["requirements"] = packWide is null ? null : new[] { packWide },
            ["criteriaSets"] = new Dictionary<string, object>
            {
                ["work"] = new
                {
                    title = new { da = "Arbejde", en = "Work" },
                    clause = "§ 3",
                    combine = "all",
                    criteria = new[] { new { id = "work-1", clause = "§ 3", title = new { da = "I arbejde", en = "In work" }, condition = "any(e in applicant.employment: current(e))" } },
                },
            },
        };
        if (packWide is null)
        {
            pack.Remove("requirements");
        }

        return RulePackLoader.LoadFromText(JsonSerializer.Serialize(pack), "transfers.json");
    }
}
