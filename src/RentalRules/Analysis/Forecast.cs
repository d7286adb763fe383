using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Analysis;

/// <summary>A department's expected lettings per year under a pack.</summary>
/// <param name="DepartmentId">The department id.</param>
/// <param name="Name">The name.</param>
/// <param name="Organisation">The organisation.</param>
/// <param name="Tier">The tier, or <c>null</c> when placement is undetermined.</param>
/// <param name="MunicipalShare">The tier's municipal share.</param>
/// <param name="VacanciesPerYear">Dwellings × turnover rate; <c>null</c> when either is unknown.</param>
/// <param name="MunicipalPerYear">Expected municipal allocations per year.</param>
/// <param name="FlexiblePerYear">Expected flexible lettings per year.</param>
/// <param name="WaitingListPerYear">Expected waiting-list lettings per year.</param>
/// <param name="Placement">The placement behind the figures.</param>
public sealed record DepartmentForecast(
    string? DepartmentId,
    string? Name,
    string? Organisation,
    string? Tier,
    Fraction? MunicipalShare,
    decimal? VacanciesPerYear,
    decimal? MunicipalPerYear,
    decimal? FlexiblePerYear,
    decimal? WaitingListPerYear,
    PlacementResult Placement)
{
    /// <summary>Per mark of the pack (e.g. <c>lowRent</c>): expected marked vacancies per year (vacancies × the mark's forecast share); <c>null</c> when unknown.</summary>
    public IReadOnlyDictionary<string, decimal?> MarkedPerYear { get; init; } = new Dictionary<string, decimal?>();
}

/// <summary>Sums of expected lettings per year.</summary>
/// <param name="Departments">Departments counted.</param>
/// <param name="VacanciesPerYear">Vacancies per year.</param>
/// <param name="MunicipalPerYear">Municipal allocations per year.</param>
/// <param name="FlexiblePerYear">Flexible lettings per year.</param>
/// <param name="WaitingListPerYear">Waiting-list lettings per year.</param>
/// <param name="Unknown">Departments left out because a fact is missing (placement, dwellings or turnover).</param>
public sealed record ForecastTotals(int Departments, decimal VacanciesPerYear, decimal MunicipalPerYear, decimal FlexiblePerYear, decimal WaitingListPerYear, int Unknown);

/// <summary>What a pack does to a portfolio: per department, per tier, per organisation and in total.</summary>
/// <param name="PackId">The pack.</param>
/// <param name="On">The evaluation date.</param>
/// <param name="Years">Years forecast; <see cref="Totals"/> covers them all.</param>
/// <param name="Departments">Per department, per year.</param>
/// <param name="PerYear">Totals for one year.</param>
/// <param name="Totals">Totals for <paramref name="Years"/> years.</param>
/// <param name="ByTier">Totals per year by tier.</param>
/// <param name="ByOrganisation">Totals per year by organisation.</param>
public sealed record Forecast(
    string PackId,
    DateOnly On,
    int Years,
    IReadOnlyList<DepartmentForecast> Departments,
    ForecastTotals PerYear,
    ForecastTotals Totals,
    IReadOnlyDictionary<string, ForecastTotals> ByTier,
    IReadOnlyDictionary<string, ForecastTotals> ByOrganisation)
{
    /// <summary>Per mark of the pack (e.g. <c>lowRent</c>): expected marked vacancies per year over the portfolio (departments where it is unknown are left out).</summary>
    public IReadOnlyDictionary<string, decimal> MarkedPerYear { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>
/// Forecasts a pack over a portfolio: expected vacancies per year are dwellings × turnover rate; the municipality gets
/// the tier's share of them; of the rest, the tier's flexible-letting rule decides how many are let flexibly (all, none,
/// or the department's agreed share capped by the tier). Expected values, not counts: 24 vacancies at 1/3 give 8.
/// Thread-safe (stateless).
/// </summary>
public static class Forecaster
{
    /// <summary>Runs the forecast.</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="portfolio">The departments.</param>
    /// <param name="on">The evaluation date.</param>
    /// <param name="years">How many years the totals cover (at least 1).</param>
    /// <returns>The forecast.</returns>
    public static Forecast Run(RulePack pack, IEnumerable<Department> portfolio, DateOnly on, int years = 1)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        var departments = portfolio.Select(d => One(pack, d, on)).ToList();
        var perYear = Sum(departments);
        return new Forecast(
            pack.Id,
            on,
            years,
            departments,
            perYear,
            perYear with
            {
                VacanciesPerYear = perYear.VacanciesPerYear * years,
                MunicipalPerYear = perYear.MunicipalPerYear * years,
                FlexiblePerYear = perYear.FlexiblePerYear * years,
                WaitingListPerYear = perYear.WaitingListPerYear * years,
            },
            departments.Where(d => d.Tier is not null).GroupBy(d => d.Tier!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Sum(g), StringComparer.Ordinal),
            departments.GroupBy(d => d.Organisation ?? "-", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Sum(g), StringComparer.Ordinal))
        {
            MarkedPerYear = departments.SelectMany(d => d.MarkedPerYear).GroupBy(m => m.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(m => m.Value ?? 0m), StringComparer.Ordinal),
        };
    }

    private static DepartmentForecast One(RulePack pack, Department d, DateOnly on)
    {
        var placement = pack.Place(d, on);
        // A turnover rate or a mark's share outside [0, 1] is not a rate (the fact reader refuses one): the department's
        // figures are unknown rather than an overflow of the totals.
        decimal? vacancies = d.Dwellings is { } dwellings and >= 0 && d.TurnoverRate is { } rate and >= 0m and <= 1m ? dwellings * rate : null;
        var marked = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        if (pack.Marks.Count > 0)
        {
            var scope = pack.NewScope(on);
            scope.Department = d;
            foreach (var mark in pack.Marks)
            {
                marked[mark.Id] = mark.ForecastShare?.Invoke(scope) is { } markShare and >= 0m and <= 1m && vacancies is { } v ? v * markShare : null;
            }
        }

        if (placement.Outcome != PlacementOutcome.Placed || vacancies is null || placement.MunicipalShare is null)
        {
            return new DepartmentForecast(d.Id, d.Name, d.Organisation, placement.Tier, placement.MunicipalShare, vacancies, null, null, null, placement) { MarkedPerYear = marked };
        }

        var share = placement.MunicipalShare!.Value;
        var municipal = vacancies.Value * share.Numerator / share.Denominator;
        var rest = vacancies.Value - municipal;
        var flexibleOpen = placement.Routes.TryGetValue(LettingRoute.Flexible, out var f) && f.Open;
        var waitingOpen = placement.Routes.TryGetValue(LettingRoute.WaitingList, out var w) && w.Open;
        decimal flexible;
        if (!flexibleOpen)
        {
            flexible = 0;
        }
        else if (!waitingOpen || placement.FlexibleLetting?.Rule == "all")
        {
            flexible = rest;
        }
        else
        {
            flexible = placement.FlexibleLetting?.Share is { } s ? rest * s.Numerator / s.Denominator : 0;
        }

        var waiting = waitingOpen ? rest - flexible : 0;
        return new DepartmentForecast(d.Id, d.Name, d.Organisation, placement.Tier, share, vacancies, municipal, flexible, waiting, placement) { MarkedPerYear = marked };
    }

    private static ForecastTotals Sum(IEnumerable<DepartmentForecast> items)
    {
        var list = items.ToList();
        var known = list.Where(d => d.MunicipalPerYear is not null).ToList();
        return new ForecastTotals(
            list.Count,
            known.Sum(d => d.VacanciesPerYear!.Value),
            known.Sum(d => d.MunicipalPerYear!.Value),
            known.Sum(d => d.FlexiblePerYear!.Value),
            known.Sum(d => d.WaitingListPerYear!.Value),
            list.Count - known.Count);
    }
}
