using RentalRules.Analysis;
using RentalRules.Evaluation;
using RentalRules.Packs;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Fuzz;

/// <summary>What the fuzz run found, each pinned by the smallest case that showed it.</summary>
public sealed class FuzzFindingsTests
{
    [Fact]
    public void Forecast_TurnoverRateOutsideZeroToOne_LeavesTheDepartmentUnknownInsteadOfOverflowing()
    {
        // Found by the fuzz run: a department given through the API with a turnover rate of decimal.MaxValue made
        // Forecaster.Run throw OverflowException (dwellings × rate). The fact reader refuses such a rate; the API
        // treats it as no rate at all, and the department counts as unknown in the totals.
        var pack = Repo.Pack("holbaek-2024");
        var huge = Build.Department("HB-1", outsideLabourMarketShare: 0.20m) with { Dwellings = 100, TurnoverRate = decimal.MaxValue };
        var negative = Build.Department("HB-2", outsideLabourMarketShare: 0.20m) with { Dwellings = 100, TurnoverRate = -0.1m };
        var fine = Build.Department("HB-3", outsideLabourMarketShare: 0.20m) with { Dwellings = 100, TurnoverRate = 0.1m };

        var forecast = Forecaster.Run(pack, [huge, negative, fine], new DateOnly(2025, 3, 1), years: 3);

        Assert.Null(forecast.Departments[0].VacanciesPerYear);
        Assert.Null(forecast.Departments[1].VacanciesPerYear);
        Assert.Equal(10m, forecast.Departments[2].VacanciesPerYear);
        Assert.Equal(2, forecast.PerYear.Unknown);
        Assert.Equal(30m, forecast.Totals.VacanciesPerYear);
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("2147483648")]
    [InlineData("-79228162514264337593543950335")]
    public void Load_ResidentsThresholdBeyondTheRangeOfACount_AnalysesPlacementWithoutThrowing(string value)
    {
        // Found by the fuzz run: Høje-Taastrup's small-department threshold at decimal.MaxValue made the placement
        // analysis at load throw OverflowException (threshold + 1, and the candidate count cast to int).
        var text = File.ReadAllText(Repo.Rules("hoeje-taastrup-2023.json")).Replace(
            "\"from\": \"2023-01-01\",\n          \"value\": 1000\n",
            $"\"from\": \"2023-01-01\",\n          \"value\": {value}\n",
            StringComparison.Ordinal);
        Assert.Contains(value, text, StringComparison.Ordinal);

        var result = RulePackLoader.LoadFromText(text, "hoeje-taastrup-2023.json", Properties.Laws.ResolveShippedBase);

        Assert.Equal(result.Value is not null, result.Success);
        if (result.Value is { } pack)
        {
            Assert.Equal(PlacementOutcome.Placed, pack.Place(new PlacementRequest(Build.Department("HT-1", outsideLabourMarketShare: 0.5m) with { Residents = int.MaxValue }, new DateOnly(2025, 3, 1))).Outcome);
        }
    }
}
