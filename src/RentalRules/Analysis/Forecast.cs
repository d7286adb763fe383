using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Analysis;

/// <summary>
/// A department's expected lettings per year under a pack.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record DepartmentForecast
{
    internal DepartmentForecast(string? DepartmentId, string? Name, string? Organisation, string? Tier, Fraction? MunicipalShare, decimal? VacanciesPerYear, decimal? MunicipalPerYear, decimal? FlexiblePerYear, decimal? WaitingListPerYear, PlacementResult Placement)
    {
        this.DepartmentId = DepartmentId;
        this.Name = Name;
        this.Organisation = Organisation;
        this.Tier = Tier;
        this.MunicipalShare = MunicipalShare;
        this.VacanciesPerYear = VacanciesPerYear;
        this.MunicipalPerYear = MunicipalPerYear;
        this.FlexiblePerYear = FlexiblePerYear;
        this.WaitingListPerYear = WaitingListPerYear;
        this.Placement = Placement;
    }

    /// <summary>The department id.</summary>
    public string? DepartmentId { get; internal init; }

    /// <summary>The name.</summary>
    public string? Name { get; internal init; }

    /// <summary>The organisation.</summary>
    public string? Organisation { get; internal init; }

    /// <summary>The tier, or <c>null</c> when placement is undetermined.</summary>
    public string? Tier { get; internal init; }

    /// <summary>The tier's municipal share.</summary>
    public Fraction? MunicipalShare { get; internal init; }

    /// <summary>Dwellings × turnover rate; <c>null</c> when either is unknown.</summary>
    public decimal? VacanciesPerYear { get; internal init; }

    /// <summary>Expected municipal allocations per year.</summary>
    public decimal? MunicipalPerYear { get; internal init; }

    /// <summary>Expected flexible lettings per year.</summary>
    public decimal? FlexiblePerYear { get; internal init; }

    /// <summary>Expected waiting-list lettings per year.</summary>
    public decimal? WaitingListPerYear { get; internal init; }

    /// <summary>The placement behind the figures.</summary>
    public PlacementResult Placement { get; internal init; }

    /// <summary>Per mark of the pack (e.g. <c>lowRent</c>): expected marked vacancies per year (vacancies × the mark's forecast share); <c>null</c> when unknown.</summary>
    public IReadOnlyDictionary<string, decimal?> MarkedPerYear { get; internal init; } = new Dictionary<string, decimal?>();
}

/// <summary>
/// Sums of expected lettings per year.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record ForecastTotals
{
    internal ForecastTotals(int Departments, decimal VacanciesPerYear, decimal MunicipalPerYear, decimal FlexiblePerYear, decimal WaitingListPerYear, int Unknown)
    {
        this.Departments = Departments;
        this.VacanciesPerYear = VacanciesPerYear;
        this.MunicipalPerYear = MunicipalPerYear;
        this.FlexiblePerYear = FlexiblePerYear;
        this.WaitingListPerYear = WaitingListPerYear;
        this.Unknown = Unknown;
    }

    /// <summary>Departments counted.</summary>
    public int Departments { get; internal init; }

    /// <summary>Vacancies per year.</summary>
    public decimal VacanciesPerYear { get; internal init; }

    /// <summary>Municipal allocations per year.</summary>
    public decimal MunicipalPerYear { get; internal init; }

    /// <summary>Flexible lettings per year.</summary>
    public decimal FlexiblePerYear { get; internal init; }

    /// <summary>Waiting-list lettings per year.</summary>
    public decimal WaitingListPerYear { get; internal init; }

    /// <summary>Departments left out because a fact is missing (placement, dwellings or turnover).</summary>
    public int Unknown { get; internal init; }
}

/// <summary>
/// What a pack does to a portfolio: per department, per tier, per organisation and in total.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record Forecast
{
    internal Forecast(string PackId, DateOnly On, int Years, IReadOnlyList<DepartmentForecast> Departments, ForecastTotals PerYear, ForecastTotals Totals, IReadOnlyDictionary<string, ForecastTotals> ByTier, IReadOnlyDictionary<string, ForecastTotals> ByOrganisation)
    {
        this.PackId = PackId;
        this.On = On;
        this.Years = Years;
        this.Departments = Departments;
        this.PerYear = PerYear;
        this.Totals = Totals;
        this.ByTier = ByTier;
        this.ByOrganisation = ByOrganisation;
    }

    /// <summary>The pack.</summary>
    public string PackId { get; internal init; }

    /// <summary>The evaluation date.</summary>
    public DateOnly On { get; internal init; }

    /// <summary>Years forecast; <see cref="Totals"/> covers them all.</summary>
    public int Years { get; internal init; }

    /// <summary>Per department, per year.</summary>
    public IReadOnlyList<DepartmentForecast> Departments { get; internal init; }

    /// <summary>Totals for one year.</summary>
    public ForecastTotals PerYear { get; internal init; }

    /// <summary>Totals for <see cref="Years"/> years.</summary>
    public ForecastTotals Totals { get; internal init; }

    /// <summary>Totals per year by tier.</summary>
    public IReadOnlyDictionary<string, ForecastTotals> ByTier { get; internal init; }

    /// <summary>Totals per year by organisation.</summary>
    public IReadOnlyDictionary<string, ForecastTotals> ByOrganisation { get; internal init; }

    /// <summary>Per mark of the pack (e.g. <c>lowRent</c>): expected marked vacancies per year over the portfolio (departments where it is unknown are left out).</summary>
    public IReadOnlyDictionary<string, decimal> MarkedPerYear { get; internal init; } = new Dictionary<string, decimal>();
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
        var placement = pack.Place(new PlacementRequest(d, on));
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
