using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Evaluation;

/// <summary>
/// A pack states the route a check takes when the caller names none (DESIGN §5.3: "without --route, the pack's default
/// route is outcome, and routes[] gives every route's outcome"). Høje-Taastrup's private letting has no flexible letting
/// and no municipal allocation ("udlejer lejer ud til boligsøgende, der opfylder kriterierne"), so its default is the
/// waiting list; a pack that does not say keeps flexible letting.
/// </summary>
public sealed class DefaultRouteTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    private static RulePack PrivateLetting => Repo.Pack("hoeje-taastrup-private-letting-2021");

    private static Department SoldBlock => Build.Department("GADEHAVEGAARD-BLOCK-1", outsideLabourMarketShare: null, convictedShare: null, residents: 240) with
    {
        Municipality = "Høje-Taastrup",
        Designation = Designation.Transformation,
        PrivateTakeover = new DateOnly(2022, 7, 1),
    };

    [Fact]
    public void DefaultRoute_PrivateLettingStatesTheWaitingList_HolbaekSaysNothingAndKeepsFlexibleLetting()
    {
        Assert.Equal(LettingRoute.WaitingList, PrivateLetting.DefaultRoute);
        Assert.Equal(LettingRoute.Flexible, Repo.Pack("holbaek-2024").DefaultRoute);
    }

    [Fact]
    public void CheckEveryRoute_PrivateLettingApplicantInWork_IsEligibleOnTheWaitingListAndListsTheTwoClosedRoutes()
    {
        var household = Build.Household("PL-1", Build.Worker("m1", new DateOnly(1985, 6, 1)));

        var result = PrivateLetting.CheckEveryRoute(new EligibilityRequest(SoldBlock, household, PrivateLetting.DefaultRoute, On));

        Assert.Equal(LettingRoute.WaitingList, result.Route);
        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal(
            ["Municipal Ineligible closed", "Flexible Ineligible closed", "WaitingList Eligible open"],
            result.Routes.Select(r => $"{r.Route} {r.Outcome} {(r.Closed ? "closed" : "open")}"));
        Assert.Contains(
            "  Every route: municipal allocation: ineligible (closed); flexible letting: ineligible (closed); waiting list: eligible",
            ResultText.Eligibility(result).Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.Contains(
            "  Alle veje: kommunal anvisning: ikke berettiget (lukket); fleksibel udlejning: ikke berettiget (lukket); venteliste: berettiget",
            ResultText.Eligibility(result, Language.Danish).Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void CheckEveryRoute_TheRouteAskedIsTheSameResultAsCheck_AndCheckAloneListsNoRoutes()
    {
        var household = Build.Household("PL-2", Build.Worker("m1", new DateOnly(1985, 6, 1)) with { Employment = [] });
        foreach (var route in new[] { LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList })
        {
            var request = new EligibilityRequest(SoldBlock, household, route, On);
            var alone = PrivateLetting.Check(request);
            var every = PrivateLetting.CheckEveryRoute(request);

            Assert.Empty(alone.Routes);
            Assert.Equal(Json(alone), Json(every with { Routes = [] }));
            Assert.Equal(alone.Outcome, every.Routes.Single(r => r.Route == route).Outcome);
        }
    }

    [Fact]
    public void CheckEveryRoute_EveryRouteOfEveryHolbaekSampleHousehold_IsTheResultCheckGivesForThatRoute()
    {
        // The department is placed once for all routes; criteria that read the department (Holbæk § 7: the appendix 4
        // criteria agreed for it) must still see it on every route.
        var pack = Repo.Pack("holbaek-2024");
        var departments = FactReader.ReadDepartments(File.ReadAllText(Repo.Path("samples/holbaek/departments.json"))).GetValueOrThrow().Items;
        var households = FactReader.ReadHouseholds(File.ReadAllText(Repo.Path("samples/holbaek/households.json"))).GetValueOrThrow().Items;
        foreach (var department in departments)
        {
            foreach (var household in households)
            {
                var every = pack.CheckEveryRoute(new EligibilityRequest(department, household, LettingRoute.Flexible, On));
                foreach (var route in every.Routes)
                {
                    var alone = pack.Check(new EligibilityRequest(department, household, route.Route, On));
                    Assert.Equal((alone.Outcome, alone.RouteClosed, string.Join(",", alone.Missing)), (route.Outcome, route.Closed, string.Join(",", route.Missing)));
                }

                Assert.Equal(Json(pack.Check(new EligibilityRequest(department, household, LettingRoute.Flexible, On))), Json(every with { Routes = [] }));
            }
        }
    }

    [Fact]
    public void CheckEveryRoute_UndeterminedRoute_NamesItsMissingFacts()
    {
        var household = Build.Household("PL-3", Build.Worker("m1", new DateOnly(1985, 6, 1)) with { Employment = null, Education = null });

        var result = PrivateLetting.CheckEveryRoute(new EligibilityRequest(SoldBlock, household, LettingRoute.WaitingList, On));

        var waiting = result.Routes.Single(r => r.Route == LettingRoute.WaitingList);
        Assert.Equal(result.Outcome, waiting.Outcome);
        Assert.Equal(result.Missing, waiting.Missing);
    }

    [Fact]
    public void DefaultRoute_AnUnknownRouteName_IsALocatedErrorListingTheRoutes()
    {
        var load = RulePackLoader.LoadFromText(
            """
            {
              "id": "draft-default-route",
              "version": "0.1.0",
              "title": "A draft",
              "status": "draft",
              "extends": ["hoeje-taastrup-private-letting-2021"],
              "defaultRoute": "venteliste"
            }
            """,
            "draft-default-route.json");

        var error = Assert.Single(load.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(7, error.Location.Line);
        Assert.Contains("waitingList", error.ToString());
        Assert.Null(load.Value);
    }

    [Fact]
    public void DefaultRoute_ADraftThatDoesNotMentionIt_InheritsItFromItsBase()
    {
        var load = RulePackLoader.LoadFromText(
            """
            {
              "id": "draft-inherits-default-route",
              "version": "0.1.0",
              "title": "A draft",
              "status": "draft",
              "extends": ["hoeje-taastrup-private-letting-2021"]
            }
            """,
            "draft-inherits-default-route.json");

        Assert.Equal(LettingRoute.WaitingList, load.Value!.DefaultRoute);
    }

    [Fact]
    public void CheckCli_WithoutRoute_ExplainsThePacksDefaultRouteAndListsEveryRoute()
    {
        var run = CliRunner.Run("check", "--pack", "hoeje-taastrup-private-letting-2021", "--department", "tests/RentalRules.Tests/Cli/Fixtures/department-private-letting.json", "--household", "tests/RentalRules.Tests/Cli/Fixtures/household-single.json", "--on", "2025-03-01", "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("waitingList", doc.RootElement.GetProperty("route").GetString());
        Assert.Equal(
            ["municipal:ineligible:True", "flexible:ineligible:True", $"waitingList:{doc.RootElement.GetProperty("outcome").GetString()}:False"],
            doc.RootElement.GetProperty("routes").EnumerateArray().Select(r => $"{r.GetProperty("route").GetString()}:{r.GetProperty("outcome").GetString()}:{r.GetProperty("closed").GetBoolean()}"));
    }

    [Fact]
    public void CheckCli_WithARoute_ListsNoOtherRoutes()
    {
        var run = CliRunner.Run("check", "--pack", "hoeje-taastrup-private-letting-2021", "--department", "tests/RentalRules.Tests/Cli/Fixtures/department-private-letting.json", "--household", "tests/RentalRules.Tests/Cli/Fixtures/household-single.json", "--route", "waitinglist", "--on", "2025-03-01", "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.False(doc.RootElement.TryGetProperty("routes", out _));
    }

    private static string Json(EligibilityResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            ResultJson.WriteEligibility(w, r);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
