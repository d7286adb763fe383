using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules.Tests.Properties;

namespace RentalRules.Tests.Evaluation;

/// <summary>
/// Extreme values never make the library throw or answer wrongly: dates at the ends of the calendar saturate, a division
/// by zero or an overflow makes a result undetermined and says so, and a ledger count that would overflow is refused.
/// </summary>
public sealed class ExtremeValueTests
{
    #region dates at the ends of the calendar

    [Fact]
    public void Route_ConcentrationGuardInYearOne_SaturatesTheRollingPeriodAndCountsAsUsual()
    {
        // Aalborg's guard looks back 12 months; in January of year 1 that is before the calendar starts.
        var text = File.ReadAllText(Repo.Examples("aalborg-2023.json")).Replace("\"from\": \"2023-01-01\"", "\"from\": \"0001-01-01\"", StringComparison.Ordinal);
        var pack = RulePackLoader.LoadFromText(text, "aalborg-2023.json", Laws.ResolveShippedBase).GetValueOrThrow();
        var department = Build.Department("AAL-1", outsideLabourMarketShare: 0.25m) with { Municipality = "Aalborg" };
        var ledger = pack.NewLedger();
        var routes = new List<VacancyRoute>();

        for (var i = 1; i <= 8; i++)
        {
            var vacancy = new Vacancy { Id = $"V-{i}", Department = "AAL-1", Category = DwellingCategory.Family, Rent = 6200m, Stairwell = "A" };
            var result = pack.Route(new RoutingRequest(department, vacancy, new DateOnly(1, 1, 10 + i)) { Ledger = ledger });
            routes.Add(result.Decision.Route);
            ledger = result.Ledger;
        }

        // Every 4th vacancy is municipal (the Act's default Aalborg keeps); the guard's limits are far above two.
        Assert.Equal(2, routes.Count(r => r == VacancyRoute.Municipal));
        Assert.Equal([new DateOnly(1, 1, 14), new DateOnly(1, 1, 18)], ledger.AllocationsIn("AAL-1", ""));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void Load_ParameterValueAtTheEndOfTheCalendar_AnalysesPlacementWithoutThrowing(string date)
    {
        // The placement analysis tries takeover dates 20 years before and 1 year after every date a parameter changes.
        var text = File.ReadAllText(Repo.Rules("hoeje-taastrup-private-letting-2021.json")).Replace(
            "{\n          \"from\": \"2021-03-01\",\n          \"value\": 65\n        }",
            $"{{ \"from\": \"2021-03-01\", \"value\": 65 }}, {{ \"from\": \"{date}\", \"value\": 66 }}",
            StringComparison.Ordinal);
        Assert.Contains(date, text, StringComparison.Ordinal);

        var result = RulePackLoader.LoadFromText(text, "hoeje-taastrup-private-letting-2021.json", Laws.ResolveShippedBase);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    #endregion

    #region arithmetic

    [Fact]
    public void Place_ConditionDividingByZero_IsUndeterminedBecauseItDividesByZero()
    {
        var pack = Arithmetic("department.dwellings / department.residents > 2");

        var result = pack.Place(new PlacementRequest(new Department { Id = "D", Dwellings = 100, Residents = 0 }, On));

        Assert.Equal(PlacementOutcome.Undetermined, result.Outcome);
        Assert.Equal(["(division by zero)"], result.Missing);
        Assert.Equal("The placement cannot be decided: a placement rule divides by zero.", Assert.Single(result.Explanation).Reason.En);
    }

    [Fact]
    public void Place_ConditionOverflowing_IsUndeterminedBecauseItExceedsTheRangeOfNumbers()
    {
        var pack = Arithmetic("department.dwellings * 79000000000000000000000000000 > 2");

        var result = pack.Place(new PlacementRequest(new Department { Id = "D", Dwellings = 100 }, On));

        Assert.Equal(PlacementOutcome.Undetermined, result.Outcome);
        Assert.Equal(["(arithmetic overflow)"], result.Missing);
        Assert.Equal("The placement cannot be decided: a placement rule exceeds the range of numbers in a calculation.", Assert.Single(result.Explanation).Reason.En);
    }

    [Fact]
    public void Place_ConditionWithAMissingFactAndADivisionByZero_NamesBoth()
    {
        var pack = Arithmetic("department.dwellings / department.residents > department.turnoverRate");

        var result = pack.Place(new PlacementRequest(new Department { Id = "D", Dwellings = 100, Residents = 0 }, On));

        Assert.Equal(["(division by zero)", "department.turnoverRate"], result.Missing.Order(StringComparer.Ordinal));
        Assert.Equal("The placement cannot be decided: a placement rule needs facts that are missing (department.turnoverRate) and divides by zero.", Assert.Single(result.Explanation).Reason.En);
    }

    [Fact]
    public void Place_ConditionDividingByAKnownNonZero_IsDecided()
    {
        var pack = Arithmetic("department.dwellings / department.residents > 2");

        Assert.Equal("big", pack.Place(new PlacementRequest(new Department { Id = "D", Dwellings = 100, Residents = 10 }, On)).Tier);
        Assert.Equal("small", pack.Place(new PlacementRequest(new Department { Id = "D", Dwellings = 10, Residents = 10 }, On)).Tier);
    }

    #endregion

    #region ledger counts

    [Fact]
    public void Parse_LedgerCountAtTheLargestLong_IsRefusedWithALocatedError()
    {
        var pack = Repo.Pack("holbaek-2024");
        var routed = pack.Route(new RoutingRequest(Build.Department("HB-1"), new Vacancy { Id = "V", Department = "HB-1", Category = DwellingCategory.Family }, On) { Ledger = pack.NewLedger() });
        var json = routed.Ledger.ToJson().Replace("\"counted\": 1", "\"counted\": 9223372036854775807", StringComparison.Ordinal);
        Assert.Contains("9223372036854775807", json, StringComparison.Ordinal);

        var result = Ledger.Parse(json, "ledger.json", pack.Id);

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("$.counters[0].counted", error.Location.JsonPath);
        Assert.Equal("The number must be between 0 and 9007199254740991.", error.Message);
    }

    [Fact]
    public void Route_CounterAtTheLargestCount_CountsNothingAndSaysWhy()
    {
        var pack = Repo.Pack("holbaek-2024");
        var department = Build.Department("HB-1");
        var vacancy = new Vacancy { Id = "V", Department = "HB-1", Category = DwellingCategory.Family };
        var first = pack.Route(new RoutingRequest(department, vacancy, On) { Ledger = pack.NewLedger() });
        var counter = Assert.Single(first.Ledger.Counters);
        var full = first.Ledger.With(counter with { Counted = Ledger.MaxCount, Municipal = 0, Flexible = 0 }, pack.Version);

        var result = pack.Route(new RoutingRequest(department, vacancy, On) { Ledger = full });

        Assert.Equal(VacancyRoute.Undetermined, result.Decision.Route);
        Assert.Same(full, result.Ledger);
        Assert.Contains(result.Decision.Explanation, e => e.Reason.En == "The ledger has reached its largest count; nothing was counted. Start a new ledger for the pack.");
    }

    #endregion

    private static readonly DateOnly On = new(2025, 3, 1);

    private static RulePack Arithmetic(string condition)
        => RulePackLoader.LoadFromText(
            $$"""
            {
              "id": "arithmetic", "version": "1.0.0", "title": "Arithmetic", "status": "illustrative",
              "clauses": { "§ 1": { "title": "Everything" } },
              "tiers": {
                "big": { "label": { "da": "Stor", "en": "Big" }, "clause": "§ 1", "municipalShare": "1/4", "flexibleLetting": { "rule": "none", "clause": "§ 1" },
                         "routes": { "municipal": { "requirements": [] }, "flexible": { "requirements": [] }, "waitingList": { "requirements": [] } } },
                "small": { "label": { "da": "Lille", "en": "Small" }, "clause": "§ 1", "municipalShare": "1/4", "flexibleLetting": { "rule": "none", "clause": "§ 1" },
                         "routes": { "municipal": { "requirements": [] }, "flexible": { "requirements": [] }, "waitingList": { "requirements": [] } } }
              },
              "placement": { "hitPolicy": "first", "rules": [
                { "id": "big", "clause": "§ 1", "when": "{{condition}}", "tier": "big", "reason": { "da": "Stor.", "en": "Big." } },
                { "id": "small", "clause": "§ 1", "when": "true", "tier": "small", "reason": { "da": "Lille.", "en": "Small." } }
              ] }
            }
            """,
            "arithmetic.json").GetValueOrThrow();
}
