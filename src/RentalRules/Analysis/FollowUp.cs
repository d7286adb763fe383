using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Analysis;

/// <summary>
/// Counts of decisions in one group (a legal basis, letting type, department, organisation or tier).
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record FollowUpCount
{
    internal FollowUpCount(string Key, long Vacancies, long Municipal, long SpecialCriteria, long Flexible, long WaitingList, long None)
    {
        this.Key = Key;
        this.Vacancies = Vacancies;
        this.Municipal = Municipal;
        this.SpecialCriteria = SpecialCriteria;
        this.Flexible = Flexible;
        this.WaitingList = WaitingList;
        this.None = None;
    }

    /// <summary>The group: e.g. <c>§ 59 stk. 2</c>, <c>agreement (§ 3)</c>, <c>flexible</c>, a department id.</summary>
    public string Key { get; internal init; }

    /// <summary>Decisions in force in the group (closed and out-of-scope included).</summary>
    public long Vacancies { get; internal init; }

    /// <summary>Of those, municipal allocations (special criteria included).</summary>
    public long Municipal { get; internal init; }

    /// <summary>Municipal allocations under special criteria.</summary>
    public long SpecialCriteria { get; internal init; }

    /// <summary>Flexible lettings.</summary>
    public long Flexible { get; internal init; }

    /// <summary>Lettings from the waiting list.</summary>
    public long WaitingList { get; internal init; }

    /// <summary>Closed or out of scope.</summary>
    public long None { get; internal init; }

    /// <summary>The organisation of a department group, when known.</summary>
    public string? Organisation { get; internal init; }

    /// <summary>For a department, tier or total group with a portfolio: the municipal allocations the forecast expected for the same period.</summary>
    public decimal? ExpectedMunicipal { get; internal init; }

    /// <summary>For a department, tier or total group with a portfolio: the vacancies the forecast expected for the same period.</summary>
    public decimal? ExpectedVacancies { get; internal init; }
}

/// <summary>
/// The figures of one period: a calendar year (clipped to the report's dates) or the whole report.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record FollowUpPeriod
{
    internal FollowUpPeriod(string Label, DateOnly From, DateOnly To, FollowUpCount Total, long Rerouted, IReadOnlyList<FollowUpCount> ByLegalBasis, IReadOnlyList<FollowUpCount> ByLettingType, IReadOnlyList<FollowUpCount> ByDepartment, IReadOnlyList<FollowUpCount> ByOrganisation, IReadOnlyList<FollowUpCount> ByTier)
    {
        this.Label = Label;
        this.From = From;
        this.To = To;
        this.Total = Total;
        this.Rerouted = Rerouted;
        this.ByLegalBasis = ByLegalBasis;
        this.ByLettingType = ByLettingType;
        this.ByDepartment = ByDepartment;
        this.ByOrganisation = ByOrganisation;
        this.ByTier = ByTier;
    }

    /// <summary>The year (<c>2024</c>) or <c>total</c>.</summary>
    public string Label { get; internal init; }

    /// <summary>The first evaluation date counted.</summary>
    public DateOnly From { get; internal init; }

    /// <summary>The last evaluation date counted.</summary>
    public DateOnly To { get; internal init; }

    /// <summary>All decisions in force of the period.</summary>
    public FollowUpCount Total { get; internal init; }

    /// <summary>Of those, decisions that were re-routed (revision above 1).</summary>
    public long Rerouted { get; internal init; }

    /// <summary>Municipal allocations and the other decisions by the legal basis the pack states.</summary>
    public IReadOnlyList<FollowUpCount> ByLegalBasis { get; internal init; }

    /// <summary>Decisions by letting type and housing type (<c>flexible</c>, <c>family/flexible</c>, …).</summary>
    public IReadOnlyList<FollowUpCount> ByLettingType { get; internal init; }

    /// <summary>Per department.</summary>
    public IReadOnlyList<FollowUpCount> ByDepartment { get; internal init; }

    /// <summary>Per housing organisation.</summary>
    public IReadOnlyList<FollowUpCount> ByOrganisation { get; internal init; }

    /// <summary>Per tier.</summary>
    public IReadOnlyList<FollowUpCount> ByTier { get; internal init; }
}

/// <summary>
/// The follow-up figures of a decision journal (Høje-Taastrup § 6: municipal allocations by § 59 stk. 1, 2 and 3,
/// lettings by letting type and housing type), per year and in total, per department, organisation and tier; with a
/// portfolio, against what <see cref="Forecaster"/> expected for the same period (its yearly figures pro rata by days).
/// Only the entry in force of each vacancy counts (a re-routed vacancy once, as re-routed), in the period of its
/// evaluation date. Built by <see cref="Compute"/>; immutable.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record FollowUp
{
    internal FollowUp(string PackId, string PackTitle, IReadOnlyList<FollowUpPeriod> Years, FollowUpPeriod Total, bool HasForecast)
    {
        this.PackId = PackId;
        this.PackTitle = PackTitle;
        this.Years = Years;
        this.Total = Total;
        this.HasForecast = HasForecast;
    }

    /// <summary>The pack.</summary>
    public string PackId { get; internal init; }

    /// <summary>The pack's title.</summary>
    public string PackTitle { get; internal init; }

    /// <summary>Per calendar year, in order.</summary>
    public IReadOnlyList<FollowUpPeriod> Years { get; internal init; }

    /// <summary>The whole period.</summary>
    public FollowUpPeriod Total { get; internal init; }

    /// <summary>Whether a portfolio was given (then the expected figures are filled in).</summary>
    public bool HasForecast { get; internal init; }

    /// <summary>The pack's tier labels by tier id (in Danish and English), for reports that name tiers in the pack's words.</summary>
    public IReadOnlyDictionary<string, LocalizedText> TierLabels { get; internal init; } = new Dictionary<string, LocalizedText>();

    /// <summary>Computes the figures.</summary>
    /// <param name="pack">The pack the journal is kept under (and that forecasts).</param>
    /// <param name="entries">The journal's entries, every revision, in recorded order.</param>
    /// <param name="from">The first evaluation date counted, or <c>null</c> for the first recorded.</param>
    /// <param name="to">The last evaluation date counted, or <c>null</c> for the last recorded.</param>
    /// <param name="portfolio">The departments, for the forecast comparison, or <c>null</c>.</param>
    /// <returns>The figures.</returns>
    public static FollowUp Compute(RulePack pack, IEnumerable<JournalEntry> entries, DateOnly? from = null, DateOnly? to = null, IReadOnlyList<Department>? portfolio = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(entries);
        var inForce = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (!inForce.TryGetValue(e.VacancyId, out var known) || known.Revision < e.Revision)
            {
                inForce[e.VacancyId] = e;
            }
        }

        var all = inForce.Values.ToList();
        var first = from ?? (all.Count == 0 ? DateOnly.MinValue : all.Min(e => e.EvaluatedOn));
        var last = to ?? (all.Count == 0 ? first : all.Max(e => e.EvaluatedOn));
        if (all.Count == 0 && from is null)
        {
            first = last = to ?? new DateOnly(2000, 1, 1);
        }

        var counted = all.Where(e => e.EvaluatedOn >= first && e.EvaluatedOn <= last).ToList();
        var years = new List<FollowUpPeriod>();
        for (var year = first.Year; year <= last.Year; year++)
        {
            var start = Max(first, new DateOnly(year, 1, 1));
            var end = Min(last, new DateOnly(year, 12, 31));
            years.Add(Period(pack, year.ToString(System.Globalization.CultureInfo.InvariantCulture), start, end, counted.Where(e => e.EvaluatedOn.Year == year).ToList(), portfolio));
        }

        var total = Period(pack, "total", first, last, counted, portfolio);
        if (portfolio is not null && years.Count > 0)
        {
            // The total's expectation is the sum of the years' (each forecast on its own first day).
            total = total with
            {
                Total = total.Total with { ExpectedMunicipal = years.Sum(y => y.Total.ExpectedMunicipal ?? 0), ExpectedVacancies = years.Sum(y => y.Total.ExpectedVacancies ?? 0) },
                ByDepartment = total.ByDepartment.Select(d => d with { ExpectedMunicipal = Sum(years, y => y.ByDepartment, d.Key, c => c.ExpectedMunicipal), ExpectedVacancies = Sum(years, y => y.ByDepartment, d.Key, c => c.ExpectedVacancies) }).ToList(),
                ByTier = total.ByTier.Select(d => d with { ExpectedMunicipal = Sum(years, y => y.ByTier, d.Key, c => c.ExpectedMunicipal), ExpectedVacancies = Sum(years, y => y.ByTier, d.Key, c => c.ExpectedVacancies) }).ToList(),
            };
        }

        return new FollowUp(pack.Id, pack.Title, years, total, portfolio is not null)
        {
            TierLabels = pack.TierDefs.Values.ToDictionary(t => t.Id, t => t.Label, StringComparer.Ordinal),
        };
    }

    private static decimal? Sum(List<FollowUpPeriod> years, Func<FollowUpPeriod, IReadOnlyList<FollowUpCount>> groups, string key, Func<FollowUpCount, decimal?> value)
    {
        var values = years.Select(y => groups(y).FirstOrDefault(c => c.Key == key)).Select(c => c is null ? null : value(c)).ToList();
        return values.All(v => v is null) ? null : values.Sum(v => v ?? 0);
    }

    private static FollowUpPeriod Period(RulePack pack, string label, DateOnly from, DateOnly to, List<JournalEntry> entries, IReadOnlyList<Department>? portfolio)
    {
        var byDepartment = Group(entries, e => e.DepartmentId).Select(c => c with { Organisation = entries.First(e => e.DepartmentId == c.Key).Organisation }).ToList();
        var byTier = Group(entries, e => e.Tier ?? "(none)");
        var total = Count("total", entries);
        if (portfolio is not null)
        {
            var forecast = Forecaster.Run(pack, portfolio, from);
            var fraction = (decimal)(to.DayNumber - from.DayNumber + 1) / (DateOnly.FromDayNumber(new DateOnly(from.Year, 12, 31).DayNumber).DayOfYear);
            total = total with { ExpectedMunicipal = forecast.PerYear.MunicipalPerYear * fraction, ExpectedVacancies = forecast.PerYear.VacanciesPerYear * fraction };
            var expected = forecast.Departments.Where(d => d.DepartmentId is not null).ToDictionary(d => d.DepartmentId!, StringComparer.Ordinal);
            var keys = byDepartment.Select(d => d.Key).Union(expected.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            byDepartment = keys.Select(k =>
            {
                var actual = byDepartment.FirstOrDefault(d => d.Key == k) ?? new FollowUpCount(k, 0, 0, 0, 0, 0, 0) { Organisation = expected.GetValueOrDefault(k)?.Organisation };
                return expected.TryGetValue(k, out var f)
                    ? actual with { ExpectedMunicipal = f.MunicipalPerYear * fraction, ExpectedVacancies = f.VacanciesPerYear * fraction }
                    : actual;
            }).ToList();
            var tierKeys = byTier.Select(t => t.Key).Union(forecast.ByTier.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            byTier = tierKeys.Select(k =>
            {
                var actual = byTier.FirstOrDefault(t => t.Key == k) ?? new FollowUpCount(k, 0, 0, 0, 0, 0, 0);
                return forecast.ByTier.TryGetValue(k, out var f) ? actual with { ExpectedMunicipal = f.MunicipalPerYear * fraction, ExpectedVacancies = f.VacanciesPerYear * fraction } : actual;
            }).ToList();
        }

        return new FollowUpPeriod(
            label,
            from,
            to,
            total,
            entries.Count(e => e.Revision > 1),
            Group(entries, e => e.LegalBasis is null ? "(not stated)" : e.LegalBasis == "agreement" ? $"agreement ({e.Clause})" : e.LegalBasis),
            Group(entries, e => e.LettingType).Concat(Group(entries, e => (e.Category ?? "(none)") + "/" + e.LettingType)).ToList(),
            byDepartment,
            Group(entries, e => e.Organisation ?? "(none)"),
            byTier);
    }

    private static List<FollowUpCount> Group(List<JournalEntry> entries, Func<JournalEntry, string> key)
        => entries.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Count(g.Key, g.ToList())).ToList();

    private static FollowUpCount Count(string key, List<JournalEntry> entries) => new(
        key,
        entries.Count,
        entries.Count(e => e.Route == VacancyRoute.Municipal),
        entries.Count(e => e.Route == VacancyRoute.Municipal && e.SpecialCriteria),
        entries.Count(e => e.Route == VacancyRoute.Flexible),
        entries.Count(e => e.Route == VacancyRoute.WaitingList),
        entries.Count(e => e.Route is VacancyRoute.Closed or VacancyRoute.OutOfScope));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
