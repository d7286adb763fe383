using System.Globalization;
using System.Text;
using System.Text.Json;
using RentalRules.Analysis;
using RentalRules.Facts;

namespace RentalRules.Explanations;

/// <summary>
/// Renders a <see cref="Forecast"/> as readable tables or JSON: the CLI's <c>forecast</c> and the tests use these.
/// Renderers never decide anything. Thread-safe (stateless).
/// </summary>
public static class ForecastReport
{
    /// <summary>Writes a forecast as JSON (<c>departments[]</c>, <c>byTier[]</c>, <c>byOrganisation[]</c>, <c>perYear</c>, <c>totals</c>, <c>markedPerYear</c>).</summary>
    /// <param name="w">The writer.</param>
    /// <param name="f">The forecast.</param>
    /// <param name="packVersion">The pack's version, written beside its id.</param>
    /// <param name="afterEachDepartment">Called after each department (e.g. to flush a large output), or <c>null</c>.</param>
    public static void Json(Utf8JsonWriter w, Forecast f, string packVersion, Action? afterEachDepartment = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(f);
        w.WriteStartObject();
        w.WriteString("pack", f.PackId);
        w.WriteString("version", packVersion);
        w.WriteString("on", f.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteNumber("years", f.Years);
        w.WriteStartArray("departments");
        foreach (var d in f.Departments)
        {
            w.WriteStartObject();
            w.WriteString("department", d.DepartmentId);
            w.WriteString("name", d.Name);
            w.WriteString("organisation", d.Organisation);
            w.WriteString("outcome", ResultJson.Name(d.Placement.Outcome));
            w.WriteString("tier", d.Tier);
            w.WriteString("municipalShare", d.MunicipalShare?.ToString());
            JsonNumbers.Write(w, "vacanciesPerYear", d.VacanciesPerYear);
            JsonNumbers.Write(w, "municipalPerYear", d.MunicipalPerYear);
            JsonNumbers.Write(w, "flexiblePerYear", d.FlexiblePerYear);
            JsonNumbers.Write(w, "waitingListPerYear", d.WaitingListPerYear);
            w.WriteStartArray("missing");
            foreach (var m in d.Placement.Missing)
            {
                w.WriteStringValue(m);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            afterEachDepartment?.Invoke();
        }

        w.WriteEndArray();
        w.WriteStartArray("byTier");
        foreach (var (tier, totals) in f.ByTier)
        {
            w.WriteStartObject();
            w.WriteString("tier", tier);
            Totals(w, totals);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("byOrganisation");
        foreach (var (organisation, totals) in f.ByOrganisation)
        {
            w.WriteStartObject();
            w.WriteString("organisation", organisation);
            Totals(w, totals);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("perYear");
        Totals(w, f.PerYear);
        w.WriteEndObject();
        w.WriteStartObject("markedPerYear");
        foreach (var (mark, value) in f.MarkedPerYear)
        {
            w.WriteNumber(mark, JsonNumbers.Exact(value));
        }

        w.WriteEndObject();
        w.WriteStartObject("totals");
        w.WriteNumber("years", f.Years);
        Totals(w, f.Totals);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Totals(Utf8JsonWriter w, ForecastTotals t)
    {
        w.WriteNumber("departments", t.Departments);
        w.WriteNumber("vacanciesPerYear", JsonNumbers.Exact(t.VacanciesPerYear));
        w.WriteNumber("municipalPerYear", JsonNumbers.Exact(t.MunicipalPerYear));
        w.WriteNumber("flexiblePerYear", JsonNumbers.Exact(t.FlexiblePerYear));
        w.WriteNumber("waitingListPerYear", JsonNumbers.Exact(t.WaitingListPerYear));
        w.WriteNumber("notCounted", t.Unknown);
    }

    /// <summary>The forecast as readable tables in Danish (<c>da</c>) or English (<c>en</c>).</summary>
    /// <param name="f">The forecast.</param>
    /// <param name="portfolio">The departments forecast (to name the facts a left-out department lacks).</param>
    /// <param name="language">The language of the text.</param>
    /// <returns>The text.</returns>
    public static string Text(Forecast f, IReadOnlyList<Department> portfolio, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(portfolio);
        var da = language == Language.Danish;
        var sb = new StringBuilder();
        string[] figures = da
            ? ["LEDIGE/ÅR", "KOMMUNALE/ÅR", "FLEKSIBLE/ÅR", "VENTELISTE/ÅR"]
            : ["VACANCIES/YR", "MUNICIPAL/YR", "FLEXIBLE/YR", "WAITING LIST/YR"];
        List<string[]> rows = [[da ? "AFDELING" : "DEPARTMENT", "ORGANISATION", da ? "NIVEAU" : "TIER", .. figures]];
        foreach (var d in f.Departments)
        {
            rows.Add([
                d.DepartmentId ?? "-",
                d.Organisation ?? "-",
                d.Placement.TierLabel is { } label ? (da ? label.Da : label.En) : d.Tier ?? ResultJson.Name(d.Placement.Outcome),
                N2(d.VacanciesPerYear, da),
                N2(d.MunicipalPerYear, da),
                N2(d.FlexiblePerYear, da),
                N2(d.WaitingListPerYear, da),
            ]);
        }

        Table(sb, rows, firstNumeric: 3);

        var notCounted = new List<string>();
        for (var i = 0; i < f.Departments.Count; i++)
        {
            var d = f.Departments[i];
            if (d.MunicipalPerYear is not null)
            {
                continue;
            }

            var missing = d.Placement.Missing.ToList();
            if (portfolio[i].Dwellings is null)
            {
                missing.Add("department.dwellings");
            }

            if (portfolio[i].TurnoverRate is null)
            {
                missing.Add("department.turnoverRate");
            }

            var why = missing.Count > 0
                ? (da ? "mangler: " : "missing: ") + FactGlossary.Missing(missing, language)
                : ResultJson.Name(d.Placement.Outcome);
            notCounted.Add($"  {d.DepartmentId ?? "-"}: {why}");
        }

        if (notCounted.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(da ? "Ikke talt med (en oplysning mangler):" : "Not counted (a fact is missing):");
            foreach (var line in notCounted)
            {
                sb.AppendLine(line);
            }
        }

        sb.AppendLine();
        sb.AppendLine(da ? "Pr. niveau, pr. år:" : "By tier, per year:");
        // Tiers as the pack names them (their labels, as check shows them), in the report's language.Code().
        var labels = f.Departments.Where(d => d.Tier is not null && d.Placement.TierLabel is not null)
            .GroupBy(d => d.Tier!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Placement.TierLabel!, StringComparer.Ordinal);
        var byTier = f.ByTier.ToDictionary(x => labels.TryGetValue(x.Key, out var l) ? (da ? l.Da : l.En) : x.Key, x => x.Value, StringComparer.Ordinal);
        TotalsTable(sb, da ? "NIVEAU" : "TIER", byTier.Count == f.ByTier.Count ? byTier : f.ByTier, figures, da);
        sb.AppendLine();
        sb.AppendLine(da ? "Pr. organisation, pr. år:" : "By organisation, per year:");
        TotalsTable(sb, "ORGANISATION", f.ByOrganisation, figures, da);
        sb.AppendLine();
        var years = f.Years.ToString(CultureInfo.InvariantCulture);
        sb.AppendLine(da ? "I alt:" : "Total:");
        var overall = new Dictionary<string, ForecastTotals>(StringComparer.Ordinal) { [da ? "pr. år" : "per year"] = f.PerYear };
        if (f.Years > 1)
        {
            overall[da ? $"{years} år" : $"{years} years"] = f.Totals;
        }

        string[] overallFigures = da ? ["LEDIGE", "KOMMUNALE", "FLEKSIBLE", "VENTELISTE"] : ["VACANCIES", "MUNICIPAL", "FLEXIBLE", "WAITING LIST"];
        TotalsTable(sb, "", overall, overallFigures, da);
        foreach (var (mark, value) in f.MarkedPerYear)
        {
            sb.AppendLine(da
                ? $"Mærket '{mark}': forventet {N2(value, da)} ledige boliger pr. år."
                : $"Marked '{mark}': {value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} vacancies expected per year.");
        }

        return sb.ToString();
    }

    private static void TotalsTable(StringBuilder sb, string first, IReadOnlyDictionary<string, ForecastTotals> totals, string[] figures, bool da)
    {
        List<string[]> rows = [[first, da ? "AFDELINGER" : "DEPARTMENTS", .. figures]];
        foreach (var (key, t) in totals)
        {
            rows.Add([
                key,
                t.Departments.ToString(CultureInfo.InvariantCulture),
                N2(t.VacanciesPerYear, da),
                N2(t.MunicipalPerYear, da),
                N2(t.FlexiblePerYear, da),
                N2(t.WaitingListPerYear, da),
            ]);
        }

        Table(sb, rows, firstNumeric: 1);
    }

    private static string N2(decimal? value, bool da) => value is { } v ? ReportNumbers.Decimal(v, "0.00", da) : "-";

    /// <summary>Columns padded to their widest cell; numbers (from <paramref name="firstNumeric"/> on) right-aligned.</summary>
    private static void Table(StringBuilder sb, List<string[]> rows, int firstNumeric)
    {
        var widths = new int[rows[0].Length];
        foreach (var r in rows)
        {
            for (var i = 0; i < r.Length; i++)
            {
                widths[i] = Math.Max(widths[i], r[i].Length);
            }
        }

        foreach (var r in rows)
        {
            var line = new StringBuilder();
            for (var i = 0; i < r.Length; i++)
            {
                if (i > 0)
                {
                    line.Append("  ");
                }

                line.Append(i >= firstNumeric ? r[i].PadLeft(widths[i]) : r[i].PadRight(widths[i]));
            }

            sb.AppendLine(line.ToString().TrimEnd());
        }
    }
}
