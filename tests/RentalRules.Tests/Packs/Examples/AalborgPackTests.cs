using RentalRules.Analysis;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Packs.Examples;

/// <summary>
/// The illustrative Aalborg letting agreement (<c>rules/examples/aalborg-2023.json</c>), encoded from a 2023 article, not
/// from the signed text. Each case is a concrete (fictional) department and sequence of vacancies: the concentration
/// guard (at most 2 municipal allocations per stairwell and 6 per department within 12 months, assumed numbers), the
/// low-rent mark (rent under 5 000 DKK a month) and, the article giving no share, the Act's every 4th.
/// </summary>
public sealed class AalborgPackTests : AgreementTests<AalborgPackTests>, IAgreementPack
{
    private const string PackId = "aalborg-2023";

    static string IAgreementPack.PackId => PackId;

    private const string Guard = "Artikel 2023, Skal undgå overbelastning i afdelinger";
    private const string LowRent = "Artikel 2023, Billige boliger";

    #region Status: an illustrative encoding of an article

    [Fact]
    public void Pack_IsIllustrativeAndSaysItEncodesAnArticleNotASignedText()
    {
        Assert.Equal("illustrative", Pack.Status);
        Assert.Equal("Aalborg", Pack.Municipality);
        Assert.Contains("dk-statutory-restrictions", Pack.Extends);
        Assert.StartsWith("ILLUSTRATIVE: this pack encodes a news article's description", Pack.Metadata.Notes[0], StringComparison.Ordinal);
        Assert.Contains("not the signed agreement", Pack.Metadata.Notes[0], StringComparison.Ordinal);
    }

    #endregion

    #region § 59 stk. 1 (assumed): the article gives no share, so the Act's every 4th

    [Fact]
    [Clause(PackId, "§ 59 stk. 1")]
    public void Place_AnyAalborgDepartment_IsTheActsEveryFourthWithTheAssumptionNoted()
    {
        var placement = Pack.Place(new PlacementRequest(Department("AAL-101"), On));

        Assert.Equal(PlacementOutcome.Placed, placement.Outcome);
        Assert.Equal("baseline", placement.Tier);
        Assert.Equal("1/4", placement.MunicipalShare?.ToString());
        Assert.Equal(new Explanation("baseline-every-4th", "§ 59 stk. 1", "dk-baseline", placement.Explanation[0].Reason), placement.Explanation[0]);
        var rule = Pack.PlacementRules.Single();
        Assert.Equal("ASSUMED for Aalborg: the article gives no share, so the Act's every 4th applies.", rule.Note);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 1")]
    public void Route_EightFamilyVacanciesInDifferentStairwells_TheFourthAndEighthAreMunicipal()
    {
        var department = Department("AAL-102");
        var vacancies = Enumerable.Range(1, 8).Select(i => Vacancy($"AAL-102-{i:00}", "AAL-102", stairwell: i <= 4 ? "A" : "B")).ToList();

        var (decisions, ledger) = Routing.RouteAll(Pack, department, vacancies, Pack.NewLedger(), On);

        Assert.Equal([4, 8], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal([1, 2, 3, 5, 6, 7], Routing.Positions(decisions, VacancyRoute.WaitingList));
        Assert.Equal(new LedgerCounter("AAL-102", "family", "baseline", 8, 2, 0), ledger.Find("AAL-102", "family"));
        Assert.Equal([On], ledger.AllocationsIn("AAL-102", "A"));
        Assert.Equal([On], ledger.AllocationsIn("AAL-102", "B"));
        Assert.Equal([On, On], ledger.AllocationsIn("AAL-102", ""));
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6")]
    public void Check_MunicipalAllocationToAVulnerableAreaDepartment_CarriesTheStatutoryRestrictions()
    {
        var department = Department("AAL-103") with { Designation = Designation.Vulnerable };

        var placement = Pack.Place(new PlacementRequest(department, On));

        Assert.Equal(["s59-6"], placement.Routes[LettingRoute.Municipal].CriteriaSets);
    }

    #endregion

    #region Artikel 2023, Skal undgå overbelastning i afdelinger: the concentration guard

    [Fact]
    [Clause(PackId, Guard)]
    public void Route_ThirdMunicipalAllocationToOneStairwellWithin12Months_GoesToTheWaitingListAndTheNextVacancyInAnotherStairwellMakesItUp()
    {
        // Stairwell A gets the 4th and 8th family vacancies (the municipality's 1st and 2nd allocations); the 12th is the
        // municipality's 3rd, again in stairwell A, within 12 months: held back. The 13th, in stairwell B, makes it up.
        var department = Department("AAL-201");
        var plan = new (string? Stairwell, DateOnly On)[]
        {
            ("B", D(2024, 1, 10)), ("B", D(2024, 1, 20)), ("B", D(2024, 1, 30)), ("A", D(2024, 2, 1)),
            ("B", D(2024, 2, 10)), ("B", D(2024, 2, 20)), ("B", D(2024, 3, 1)), ("A", D(2024, 4, 1)),
            ("B", D(2024, 4, 10)), ("B", D(2024, 4, 20)), ("B", D(2024, 5, 1)), ("A", D(2024, 6, 1)),
            ("B", D(2024, 6, 15)), ("A", D(2024, 7, 1)),
        };

        var (decisions, ledger) = RouteOnDates(department, plan);

        Assert.Equal([4, 8, 13], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal(VacancyRoute.WaitingList, decisions[11].Route);
        Assert.Equal(12L, decisions[11].Count);
        Assert.Equal(
            $"routing.concentration ({PackId} {Guard}): The agreement is to avoid allocating too many households to one department or stairwell; the article gives no numbers, so the limits are the pack's assumptions. Stairwell A has already had 2 municipal allocations within 12 months (at most 2, an assumed limit), so the dwelling does not go to municipal allocation; the municipality gets the deferred allocation later.",
            ResultText.Line(decisions[11].Explanation[^2], Language.English));
        Assert.Equal(
            $"routing.concentration ({PackId} {Guard}): Aftalen skal undgå, at der anvises for mange husstande til samme afdeling eller opgang; artiklen nævner ingen tal, så grænserne er pakkens antagelser. Der er allerede anvist 2 husstande til opgang A inden for 12 måneder (højst 2, en antaget grænse), så boligen går ikke til kommunal anvisning; kommunen får den udskudte anvisning senere.",
            ResultText.Line(decisions[11].Explanation[^2], Language.Danish));
        Assert.Equal("baseline.flexible", decisions[11].Explanation[^1].RuleId);
        Assert.DoesNotContain(decisions[12].Explanation, e => e.RuleId == "routing.concentration");
        Assert.Equal(VacancyRoute.WaitingList, decisions[13].Route);
        Assert.Equal(new LedgerCounter("AAL-201", "family", "baseline", 14, 3, 0), ledger.Find("AAL-201", "family"));
        Assert.Equal([D(2024, 2, 1), D(2024, 4, 1)], ledger.AllocationsIn("AAL-201", "A"));
        Assert.Equal([D(2024, 6, 15)], ledger.AllocationsIn("AAL-201", "B"));
    }

    [Fact]
    [Clause(PackId, Guard)]
    public void Route_StairwellAllocationsOlderThan12Months_NoLongerHoldAnAllocationBack()
    {
        // Two allocations to stairwell A in February and April 2024; the next one due, in A on 2 February 2025, has only
        // one within the last 12 months (1 February 2024 is 12 months and a day before): it goes to the municipality.
        var department = Department("AAL-202");
        var plan = new (string? Stairwell, DateOnly On)[]
        {
            ("B", D(2024, 1, 10)), ("B", D(2024, 1, 20)), ("B", D(2024, 1, 30)), ("A", D(2024, 2, 1)),
            ("B", D(2024, 2, 10)), ("B", D(2024, 2, 20)), ("B", D(2024, 3, 1)), ("A", D(2024, 4, 1)),
            ("B", D(2025, 1, 10)), ("B", D(2025, 1, 20)), ("B", D(2025, 1, 30)), ("A", D(2025, 2, 2)),
        };

        var (decisions, ledger) = RouteOnDates(department, plan);

        Assert.Equal([4, 8, 12], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions, d => Assert.DoesNotContain(d.Explanation, e => e.RuleId == "routing.concentration"));
        Assert.Equal([D(2024, 4, 1), D(2025, 2, 2)], ledger.AllocationsIn("AAL-202", "A"));
    }

    [Fact]
    [Clause(PackId, Guard)]
    public void Route_SeventhMunicipalAllocationToOneDepartmentWithin12Months_IsHeldBackUntilTheWindowMoves()
    {
        // 28 family vacancies in January 2024 without a stairwell: the 4th, 8th, … 24th go to the municipality (6); the
        // 28th would be the 7th within 12 months and goes to the waiting list. The 29th, on 5 January 2025, has only 5
        // allocations within the last 12 months (4 January 2024 has left the window) and makes the deferred one up.
        var department = Department("AAL-203");
        var plan = Enumerable.Range(1, 28).Select(i => ((string?)null, D(2024, 1, 1).AddDays(i - 1))).Append((null, D(2025, 1, 5))).ToList();

        var (decisions, ledger) = RouteOnDates(department, plan);

        Assert.Equal([4, 8, 12, 16, 20, 24, 29], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal(VacancyRoute.WaitingList, decisions[27].Route);
        Assert.Equal(
            $"routing.concentration ({PackId} {Guard}): The agreement is to avoid allocating too many households to one department or stairwell; the article gives no numbers, so the limits are the pack's assumptions. The department has already had 6 municipal allocations within 12 months (at most 6, an assumed limit), so the dwelling does not go to municipal allocation; the municipality gets the deferred allocation later.",
            ResultText.Line(decisions[27].Explanation[^2], Language.English));
        Assert.Equal(new LedgerCounter("AAL-203", "family", "baseline", 29, 7, 0), ledger.Find("AAL-203", "family"));
        // The ledger keeps only the guard's 12 months: 4 January 2024 is dropped when the 29th is counted.
        Assert.Equal(6, ledger.AllocationsIn("AAL-203", "").Count);
    }

    [Fact]
    [Clause(PackId, Guard)]
    public void Route_GuardState_RoundTripsThroughTheLedgerJson()
    {
        var department = Department("AAL-204");
        var plan = Enumerable.Range(1, 11).Select(i => ((string?)"A", D(2024, 1, i))).ToList();
        var (_, ledger) = RouteOnDates(department, plan);

        var json = ledger.ToJson();
        var read = Ledger.Parse(json, "ledger.json", PackId).GetValueOrThrow();
        var next = Pack.Route(new RoutingRequest(department, Vacancy("AAL-204-12", "AAL-204", stairwell: "A"), D(2024, 2, 1)) { Ledger = read });

        Assert.Contains("\"allocations\"", json, StringComparison.Ordinal);
        Assert.Equal([D(2024, 1, 4), D(2024, 1, 8)], read.AllocationsIn("AAL-204", "A"));
        Assert.Equal(VacancyRoute.WaitingList, next.Decision.Route);
        Assert.Equal(12L, next.Decision.Count);
        Assert.Contains(next.Decision.Explanation, e => e.RuleId == "routing.concentration");
    }

    [Fact]
    [Clause(PackId, Guard)]
    public void ParameterValue_GuardLimits_AreAssumedParametersWithNotes()
    {
        Assert.Equal(2m, Pack.ParameterValue("maxMunicipalPerStairwell", On));
        Assert.Equal(6m, Pack.ParameterValue("maxMunicipalPerDepartment", On));
        Assert.True(Pack.Parameters["maxMunicipalPerStairwell"].Assumed);
        Assert.True(Pack.Parameters["maxMunicipalPerDepartment"].Assumed);
        Assert.StartsWith("ASSUMED.", Pack.Parameters["maxMunicipalPerStairwell"].Note, StringComparison.Ordinal);
        Assert.Equal(12, Pack.Concentration!.Stairwell!.Months);
        Assert.Equal(12, Pack.Concentration.Department!.Months);
    }

    #endregion

    #region Artikel 2023, Billige boliger: dwellings under 5 000 DKK a month

    [Fact]
    [Clause(PackId, LowRent)]
    public void Route_VacancyAt4999Kroner_IsMarkedLowRentAndAt5000IsNot()
    {
        var department = Department("AAL-301");

        var below = Pack.Route(new RoutingRequest(department, Vacancy("AAL-301-01", "AAL-301", rent: 4999m), On) { Ledger = Pack.NewLedger() });
        var at = Pack.Route(new RoutingRequest(department, Vacancy("AAL-301-02", "AAL-301", rent: 5000m), On) { Ledger = below.Ledger });

        Assert.Equal(["lowRent"], below.Decision.Marks);
        Assert.Empty(at.Decision.Marks);
        Assert.Equal(
            $"lowRent ({PackId} {LowRent}): Rent under 5 000 DKK a month: the dwelling is covered by the organisations' commitment to offer cheap dwellings to the municipality.",
            ResultText.Line(below.Decision.Explanation[^1], Language.English));
        Assert.DoesNotContain(at.Decision.Explanation, e => e.RuleId == "lowRent");
        Assert.Equal(5000m, Pack.ParameterValue("lowRentLine", On));
        Assert.False(Pack.Parameters["lowRentLine"].Assumed);
    }

    [Fact]
    [Clause(PackId, LowRent)]
    public void Route_LowRentMark_DoesNotChangeTheRouteOrTheCount()
    {
        var department = Department("AAL-302");
        var cheap = Enumerable.Range(1, 4).Select(i => Vacancy($"AAL-302-{i:00}", "AAL-302", rent: 4500m)).ToList();

        var (decisions, _) = Routing.RouteAll(Pack, department, cheap, Pack.NewLedger(), On);

        Assert.Equal([4], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions, d => Assert.Equal(["lowRent"], d.Marks));
    }

    [Fact]
    [Clause(PackId, LowRent)]
    public void Route_VacancyWithoutARent_IsNotMarkedAndStillRouted()
    {
        var result = Pack.Route(new RoutingRequest(Department("AAL-303"), Vacancy("AAL-303-01", "AAL-303", rent: null), On) { Ledger = Pack.NewLedger() });

        Assert.Equal(VacancyRoute.WaitingList, result.Decision.Route);
        Assert.Empty(result.Decision.Marks);
    }

    [Fact]
    [Clause(PackId, LowRent)]
    public void Forecast_Portfolio_ReportsMarkedVacanciesPerYearAsVacanciesTimesLowRentShare()
    {
        // 300 dwellings × 0.10 turnover = 30 vacancies a year, 60 % under the line: 18; 450 × 0.08 = 36, 10 %: 3.6; the
        // third department has no lowRentShare and is left out of the total.
        var portfolio = new[]
        {
            Department("AAL-SUNDBY") with { Dwellings = 300, TurnoverRate = 0.10m, LowRentShare = 0.60m },
            Department("AAL-HOEJVANGEN") with { Dwellings = 450, TurnoverRate = 0.08m, LowRentShare = 0.10m },
            Department("AAL-UKENDT") with { Dwellings = 120, TurnoverRate = 0.10m, LowRentShare = null },
        };

        var forecast = Forecaster.Run(Pack, portfolio, On);

        Assert.Equal(18m, forecast.Departments[0].MarkedPerYear["lowRent"]);
        Assert.Equal(3.6m, forecast.Departments[1].MarkedPerYear["lowRent"]);
        Assert.Null(forecast.Departments[2].MarkedPerYear["lowRent"]);
        Assert.Equal(21.6m, forecast.MarkedPerYear["lowRent"]);
    }

    [Fact]
    [Clause(PackId, LowRent)]
    public void ForecastCommand_SamplePortfolio_PrintsMarkedVacanciesPerYear()
    {
        var run = CliRunner.Run("forecast", "--pack", "rules/examples/aalborg-2023.json", "--portfolio", "samples/examples/departments.json", "--on", "2025-03-01", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal(21.6m, json.RootElement.GetProperty("markedPerYear").GetProperty("lowRent").GetDecimal());
    }

    #endregion

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Department Department(string id) => Build.Department(id, outsideLabourMarketShare: 0.25m) with
    {
        Name = "Fiktiv afdeling " + id,
        Organisation = "Fiktiv Boligselskab Nordjylland",
        Municipality = "Aalborg",
        LowRentShare = 0.5m,
    };

    private static Vacancy Vacancy(string id, string department, string? stairwell = null, decimal? rent = 6200m) => new()
    {
        Id = id,
        Department = department,
        Category = DwellingCategory.Family,
        Rent = rent,
        Area = 70m,
        Rooms = 3,
        Stairwell = stairwell,
    };

    /// <summary>Routes one family vacancy per item, in order, each on its own date, carrying the ledger.</summary>
    private static (IReadOnlyList<RoutingDecision> Decisions, Ledger Ledger) RouteOnDates(Department department, IReadOnlyList<(string? Stairwell, DateOnly On)> plan)
    {
        var ledger = Pack.NewLedger();
        var decisions = new List<RoutingDecision>();
        for (var i = 0; i < plan.Count; i++)
        {
            var result = Pack.Route(new RoutingRequest(department, Vacancy($"{department.Id}-{i + 1:00}", department.Id!, plan[i].Stairwell, 6200m), plan[i].On) { Ledger = ledger });
            decisions.Add(result.Decision);
            ledger = result.Ledger;
        }

        return (decisions, ledger);
    }
}
