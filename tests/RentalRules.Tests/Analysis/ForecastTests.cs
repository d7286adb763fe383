using RentalRules.Analysis;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Analysis;

/// <summary>
/// <see cref="Forecaster"/>: expected lettings per year over a portfolio. The Holbæk arithmetic from the issue: 300
/// dwellings at 8 % turnover green (24 × 1/3 = 8) + 120 at 10 % yellow (12 × 1/6 = 2) + 200 red (0) + 80 uncoloured at
/// 10 % (8 × 1/8 = 1) → exactly 11 municipal allocations a year.
/// </summary>
public sealed class ForecastTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    internal static IReadOnlyList<Department> HolbaekPortfolio()
    {
        var path = Repo.Path("tests", "RentalRules.Tests", "Analysis", "Fixtures", "holbaek-portfolio.json");
        return FactReader.ReadDepartments(File.ReadAllBytes(path), path).GetValueOrThrow().Items;
    }

    [Fact]
    public void Run_HolbaekIssuePortfolio_GivesExactlyElevenMunicipalAllocationsAYear()
    {
        var forecast = Forecaster.Run(Repo.Pack("holbaek-2024"), HolbaekPortfolio(), On);

        Assert.Equal(
            [("HB-GRON", "green", 24m, 8m), ("HB-GUL", "yellow", 12m, 2m), ("HB-ROD", "red", 14m, 0m), ("HB-UFARVET", "uncoloured", 8m, 1m)],
            forecast.Departments.Select(d => (d.DepartmentId, d.Tier, d.VacanciesPerYear!.Value, d.MunicipalPerYear!.Value)));
        Assert.Equal(11m, forecast.PerYear.MunicipalPerYear);
        Assert.Equal(58m, forecast.PerYear.VacanciesPerYear);
        Assert.Equal(4, forecast.PerYear.Departments);
        Assert.Equal(0, forecast.PerYear.Unknown);
    }

    [Fact]
    public void Run_HolbaekIssuePortfolio_SplitsTheRestIntoFlexibleAndWaitingListByTheTier()
    {
        var forecast = Forecaster.Run(Repo.Pack("holbaek-2024"), HolbaekPortfolio(), On);

        // Green: 16 non-municipal lettings, a quarter flexible by individual agreement; red: all flexible (tightened criteria).
        Assert.Equal(
            [(4m, 12m), (0m, 10m), (14m, 0m), (0m, 7m)],
            forecast.Departments.Select(d => (d.FlexiblePerYear!.Value, d.WaitingListPerYear!.Value)));
        Assert.Equal(forecast.PerYear.VacanciesPerYear, forecast.PerYear.MunicipalPerYear + forecast.PerYear.FlexiblePerYear + forecast.PerYear.WaitingListPerYear);
    }

    [Fact]
    public void Run_HolbaekIssuePortfolio_TotalsPerTier()
    {
        var forecast = Forecaster.Run(Repo.Pack("holbaek-2024"), HolbaekPortfolio(), On);

        Assert.Equal(
            [("green", 1, 8m), ("red", 1, 0m), ("uncoloured", 1, 1m), ("yellow", 1, 2m)],
            forecast.ByTier.Select(t => (t.Key, t.Value.Departments, t.Value.MunicipalPerYear)));
    }

    [Fact]
    public void Run_HolbaekIssuePortfolio_TotalsPerOrganisation()
    {
        var forecast = Forecaster.Run(Repo.Pack("holbaek-2024"), HolbaekPortfolio(), On);

        Assert.Equal(
            [("Boligselskabet Sjælland", 1, 2m), ("Byggeforening af 1933", 1, 1m), ("Holbæk Boligselskab", 2, 8m)],
            forecast.ByOrganisation.Select(t => (t.Key, t.Value.Departments, t.Value.MunicipalPerYear)));
    }

    [Fact]
    public void Run_FourYears_GivesFortyFourMunicipalAllocationsInTotalAndElevenAYear()
    {
        var forecast = Forecaster.Run(Repo.Pack("holbaek-2024"), HolbaekPortfolio(), On, years: 4);

        Assert.Equal(4, forecast.Years);
        Assert.Equal(44m, forecast.Totals.MunicipalPerYear);
        Assert.Equal(232m, forecast.Totals.VacanciesPerYear);
        Assert.Equal(11m, forecast.PerYear.MunicipalPerYear);
    }

    [Fact]
    public void Run_ZeroYears_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Forecaster.Run(Repo.Pack("holbaek-2024"), HolbaekPortfolio(), On, years: 0));

    [Fact]
    public void Run_DepartmentWithoutDwellings_IsLeftOutOfTheTotalsAndCountedAsUnknown()
    {
        var unknown = Build.Department("HB-UNKNOWN") with { Dwellings = null };

        var forecast = Forecaster.Run(Repo.Pack("holbaek-2024"), [.. HolbaekPortfolio(), unknown], On);

        var d = forecast.Departments[^1];
        Assert.Equal("green", d.Tier);
        Assert.Null(d.VacanciesPerYear);
        Assert.Null(d.MunicipalPerYear);
        Assert.Equal(11m, forecast.PerYear.MunicipalPerYear);
        Assert.Equal(1, forecast.PerYear.Unknown);
        Assert.Equal(5, forecast.PerYear.Departments);
    }

    [Theory]
    [InlineData(Language.Danish, "  HB-UNKNOWN: mangler: afdelingens antal boliger, afdelingens fraflytningsprocent")]
    [InlineData(Language.English, "  HB-UNKNOWN: missing: the department's number of dwellings, the department's turnover rate")]
    public void Text_DepartmentLeftOut_NamesTheMissingFactsInWords_NotByPath(Language language, string line)
    {
        var unknown = Build.Department("HB-UNKNOWN") with { Dwellings = null, TurnoverRate = null };
        Department[] portfolio = [.. HolbaekPortfolio(), unknown];

        var text = RentalRules.Explanations.ForecastReport.Text(Forecaster.Run(Repo.Pack("holbaek-2024"), portfolio, On), portfolio, language);

        Assert.Contains(line + "\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("department.", text, StringComparison.Ordinal);
    }
}
