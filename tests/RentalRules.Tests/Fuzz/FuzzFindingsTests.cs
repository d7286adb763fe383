using RentalRules.Analysis;
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
}
