using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using RentalRules.Analysis;

namespace RentalRules.Explanations;

/// <summary>
/// Renders the follow-up figures of a decision journal (<see cref="FollowUp"/>) as Markdown, HTML (with SVG charts of
/// actual against expected municipal allocations, as the comparison report draws them) or JSON. Renders only; the
/// figures are computed by <see cref="FollowUp.Compute"/>. Thread-safe (stateless).
/// </summary>
public static class FollowUpReport
{
    /// <summary>The figures as Markdown.</summary>
    /// <param name="f">The figures.</param>
    /// <param name="language"><c>en</c> (default) or <c>da</c>: the words, tier labels and number format (Danish: <c>1.234</c>, <c>12,5</c>).</param>
    /// <returns>The Markdown text.</returns>
    public static string Markdown(FollowUp f, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(f);
        var da = language == Language.Danish;
        var sb = new StringBuilder();
        sb.Append(da ? "# Opfølgning: " : "# Follow-up: ").Append(f.PackTitle).Append(" (").Append(f.PackId).AppendLine(")").AppendLine();
        sb.AppendLine(Summary(f, da)).AppendLine();
        foreach (var p in f.Years.Append(f.Total))
        {
            sb.Append("## ").Append(PeriodTitle(p, da)).AppendLine().AppendLine();
            foreach (var (title, first, rows, expected, key) in Tables(f, p, da))
            {
                sb.Append("### ").AppendLine(title).AppendLine();
                var header = Header(first, expected, da);

                sb.Append("| ").Append(string.Join(" | ", header)).AppendLine(" |");
                sb.Append('|').Append(string.Concat(header.Select((_, i) => i == 0 ? " --- |" : " ---: |"))).AppendLine();
                foreach (var c in rows)
                {
                    sb.Append("| ").Append(string.Join(" | ", Cells(c, expected, key, da))).AppendLine(" |");
                }

                sb.AppendLine();
            }
        }

        return sb.ToString();
    }

    /// <summary>The figures as a self-contained HTML page with tables and SVG charts.</summary>
    /// <param name="f">The figures.</param>
    /// <param name="language"><c>en</c> (default) or <c>da</c>: the words, tier labels and number format.</param>
    /// <returns>The HTML text.</returns>
    public static string Html(FollowUp f, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(f);
        var da = language == Language.Danish;
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>").Append("<html lang=\"").Append(da ? "da" : "en").AppendLine("\"><head><meta charset=\"utf-8\">");
        sb.Append(da ? "<title>Opfølgning: " : "<title>Follow-up: ").Append(H(f.PackTitle)).AppendLine("</title>");
        sb.AppendLine("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem}td.n{text-align:right}svg text{font-size:12px}.actual{fill:#2b6cb0}.expected{fill:#a0aec0}</style></head><body>");
        sb.Append(da ? "<h1>Opfølgning: " : "<h1>Follow-up: ").Append(H(f.PackTitle)).Append(" (").Append(H(f.PackId)).AppendLine(")</h1>");
        sb.Append("<p>").Append(H(Summary(f, da))).AppendLine("</p>");
        Chart(sb, "municipal-per-year", (da ? "Kommunale anvisninger pr. år" : "Municipal allocations per year") + (f.HasForecast ? (da ? ", faktisk og forventet" : ", actual and expected") : ""), f.Years.Select(y => (y.Label, (decimal)y.Total.Municipal, f.HasForecast ? y.Total.ExpectedMunicipal : null)).ToList(), da);
        Chart(sb, "municipal-by-legal-basis", da ? "Kommunale anvisninger efter hjemmel" : "Municipal allocations by legal basis", f.Total.ByLegalBasis.Select(c => (c.Key, (decimal)c.Municipal, (decimal?)null)).ToList(), da);
        foreach (var p in f.Years.Append(f.Total))
        {
            sb.Append("<h2>").Append(H(PeriodTitle(p, da))).AppendLine("</h2>");
            foreach (var (title, first, rows, expected, key) in Tables(f, p, da))
            {
                sb.Append("<h3>").Append(H(title)).AppendLine("</h3><table><thead><tr>");
                var header = Header(first, expected, da);

                sb.Append(string.Concat(header.Select(h => "<th>" + H(h) + "</th>"))).AppendLine("</tr></thead><tbody>");
                foreach (var c in rows)
                {
                    sb.Append("<tr>").Append(string.Concat(Cells(c, expected, key, da).Select((v, i) => (i == 0 ? "<td>" : "<td class=\"n\">") + H(v) + "</td>"))).AppendLine("</tr>");
                }

                sb.AppendLine("</tbody></table>");
            }
        }

        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    /// <summary>Writes the figures as JSON (camelCase keys; expected figures exact, null when there is no forecast).</summary>
    /// <param name="w">The writer.</param>
    /// <param name="f">The figures.</param>
    public static void Json(Utf8JsonWriter w, FollowUp f)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(f);
        w.WriteStartObject();
        w.WriteString("pack", f.PackId);
        w.WriteBoolean("forecast", f.HasForecast);
        w.WriteStartArray("years");
        foreach (var y in f.Years)
        {
            Period(w, y);
        }

        w.WriteEndArray();
        w.WritePropertyName("total");
        Period(w, f.Total);
        w.WriteEndObject();
    }

    private static void Period(Utf8JsonWriter w, FollowUpPeriod p)
    {
        w.WriteStartObject();
        w.WriteString("period", p.Label);
        w.WriteString("from", Date(p.From));
        w.WriteString("to", Date(p.To));
        w.WriteNumber("rerouted", p.Rerouted);
        w.WritePropertyName("total");
        Count(w, p.Total);
        foreach (var (name, rows) in new[] { ("byLegalBasis", p.ByLegalBasis), ("byLettingType", p.ByLettingType), ("byDepartment", p.ByDepartment), ("byOrganisation", p.ByOrganisation), ("byTier", p.ByTier) })
        {
            w.WriteStartArray(name);
            foreach (var c in rows)
            {
                Count(w, c);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Count(Utf8JsonWriter w, FollowUpCount c)
    {
        w.WriteStartObject();
        w.WriteString("key", c.Key);
        if (c.Organisation is not null)
        {
            w.WriteString("organisation", c.Organisation);
        }

        w.WriteNumber("vacancies", c.Vacancies);
        w.WriteNumber("municipal", c.Municipal);
        w.WriteNumber("specialCriteria", c.SpecialCriteria);
        w.WriteNumber("flexible", c.Flexible);
        w.WriteNumber("waitingList", c.WaitingList);
        w.WriteNumber("none", c.None);
        JsonNumbers.Write(w, "expectedMunicipal", c.ExpectedMunicipal);
        JsonNumbers.Write(w, "expectedVacancies", c.ExpectedVacancies);
        w.WriteEndObject();
    }

    private static string Summary(FollowUp f, bool da)
        => (da ? "Gældende beslutninger med evalueringsdato " : "Decisions in force evaluated ") + Date(f.Total.From) + (da ? " til " : " to ") + Date(f.Total.To) + ": "
            + I(f.Total.Total.Vacancies, da) + (da ? " (heraf afgjort på ny: " : " (re-routed: ") + I(f.Total.Rerouted, da) + ").";

    private static string PeriodTitle(FollowUpPeriod p, bool da)
        => (p.Label == "total" ? (da ? "I alt" : "Total") : p.Label) + " (" + Date(p.From) + (da ? " til " : " to ") + Date(p.To) + ")";

    private static List<string> Header(string first, bool expected, bool da)
    {
        var header = da
            ? new List<string> { first, "Ledige boliger", "Kommunal anvisning", "Særlige kriterier", "Fleksibel udlejning", "Venteliste", "Lukket/uden for aftalen" }
            : new List<string> { first, "Vacancies", "Municipal", "Special criteria", "Flexible", "Waiting list", "Closed/out of scope" };
        if (expected)
        {
            header.Insert(3, da ? "Forventet kommunal anvisning" : "Expected municipal");
        }

        return header;
    }

    /// <summary>The tables of a period: title, the first column's heading, rows, whether expected figures show, and how a row's key is named.</summary>
    private static IEnumerable<(string Title, string First, IReadOnlyList<FollowUpCount> Rows, bool Expected, Func<string, string> Key)> Tables(FollowUp f, FollowUpPeriod p, bool da)
    {
        var language = da ? Language.Danish : Language.English;
        string Same(string key) => !da ? key : key switch { "total" => "i alt", "(not stated)" => "(ikke angivet)", _ when key.StartsWith("agreement (", StringComparison.Ordinal) => "aftalen" + key["agreement".Length..], _ => key };
        string Tier(string key) => f.TierLabels.TryGetValue(key, out var label) ? label.In(language) : key;
        string Letting(string key) => da ? LettingType(key) : key;
        yield return (da ? "Alle beslutninger" : "All decisions", "", [p.Total], f.HasForecast, Same);
        yield return (da ? "Efter hjemmel (§ 59, stk. 1, 2, 3 eller aftalens bestemmelse)" : "By legal basis (§ 59 stk. 1, 2, 3 or the agreement's clause)", da ? "Hjemmel" : "Legal basis", p.ByLegalBasis, false, Same);
        yield return (da ? "Efter udlejningsform og boligtype" : "By letting type and housing type", da ? "Udlejningsform" : "Letting type", p.ByLettingType, false, Letting);
        yield return (da ? "Pr. afdeling" : "Per department", da ? "Afdeling" : "Department", p.ByDepartment, f.HasForecast, Same);
        yield return (da ? "Pr. boligorganisation" : "Per organisation", da ? "Boligorganisation" : "Organisation", p.ByOrganisation, false, Same);
        yield return (da ? "Pr. kategori" : "Per tier", da ? "Kategori" : "Tier", p.ByTier, f.HasForecast, Tier);
    }

    /// <summary>A letting type key (<c>flexible</c>, <c>family/flexible</c>, …) in Danish; an unknown part is kept as it is.</summary>
    private static string LettingType(string key) => string.Join("/", key.Split('/').Select(part => part switch
    {
        "municipal" => "kommunal anvisning",
        "municipalSpecialCriteria" => "kommunal anvisning med særlige kriterier",
        "flexible" => "fleksibel udlejning",
        "waitingList" => "venteliste",
        "none" => "lukket eller uden for aftalen",
        "(none)" => "(ingen)",
        "family" => "familiebolig",
        "youth" => "ungdomsbolig",
        "elderly" => "ældrebolig",
        "accessible" => "tilgængelighedsbolig",
        _ => part,
    }));

    private static List<string> Cells(FollowUpCount c, bool expected, Func<string, string> name, bool da)
    {
        var key = c.Organisation is null ? name(c.Key) : $"{name(c.Key)} ({c.Organisation})";
        var cells = new List<string> { key, I(c.Vacancies, da), I(c.Municipal, da), I(c.SpecialCriteria, da), I(c.Flexible, da), I(c.WaitingList, da), I(c.None, da) };
        if (expected)
        {
            cells.Insert(3, c.ExpectedMunicipal is { } e ? ReportNumbers.Decimal(e, "0.0", da) : "–");
        }

        return cells;
    }

    /// <summary>A bar chart: one group per label, the actual bar and, where given, the expected bar beside it.</summary>
    private static void Chart(StringBuilder sb, string id, string title, List<(string Label, decimal Actual, decimal? Expected)> groups, bool da)
    {
        if (groups.Count == 0)
        {
            return;
        }

        const int width = 760, height = 300, left = 56, right = 16, top = 40, bottom = 56;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var max = Math.Max(1m, groups.Max(g => Math.Max(g.Actual, g.Expected ?? 0)));
        var actualWord = da ? "faktisk" : "actual";
        var expectedWord = da ? "forventet" : "expected";
        var desc = string.Join("; ", groups.Select(g => $"{g.Label}: {ReportNumbers.Decimal(g.Actual, "0", da)} {actualWord}" + (g.Expected is { } e ? $", {ReportNumbers.Decimal(e, "0.0", da)} {expectedWord}" : ""))) + ".";
        sb.Append("<figure><svg id=\"").Append(id).Append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
            .Append("\" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).AppendLine("-desc\">");
        sb.Append("<title id=\"").Append(id).Append("-title\">").Append(H(title)).AppendLine("</title>");
        sb.Append("<desc id=\"").Append(id).Append("-desc\">").Append(H(desc)).AppendLine("</desc>");
        sb.Append("<line x1=\"").Append(left).Append("\" x2=\"").Append(width - right).Append("\" y1=\"").Append(top + plotHeight).Append("\" y2=\"").Append(top + plotHeight).AppendLine("\" stroke=\"#333\"/>");
        var groupWidth = (decimal)plotWidth / groups.Count;
        var barWidth = Math.Min(56m, groupWidth * 0.36m);
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var centre = left + (groupWidth * i) + (groupWidth / 2);
            foreach (var (value, cls, x) in new[] { (g.Actual, "actual", centre - barWidth - 2), (g.Expected ?? -1, "expected", centre + 2) })
            {
                if (value < 0)
                {
                    continue;
                }

                var h = plotHeight * value / max;
                sb.Append("<rect class=\"").Append(cls).Append("\" x=\"").Append(D(x)).Append("\" y=\"").Append(D(top + plotHeight - h)).Append("\" width=\"").Append(D(barWidth))
                    .Append("\" height=\"").Append(D(h)).Append("\"><title>").Append(H($"{g.Label}: {ReportNumbers.Decimal(value, cls == "actual" ? "0" : "0.0", da)} {(cls == "actual" ? actualWord : expectedWord)}")).AppendLine("</title></rect>");
            }

            sb.Append("<text x=\"").Append(D(centre)).Append("\" y=\"").Append(top + plotHeight + 18).Append("\" text-anchor=\"middle\">").Append(H(g.Label)).AppendLine("</text>");
        }

        sb.Append("</svg><figcaption>").Append(H(title)).AppendLine("</figcaption></figure>");
    }

    private static string I(long n, bool da = false) => da ? ReportNumbers.Decimal(n, "0", danish: true) : n.ToString(CultureInfo.InvariantCulture);

    private static string D(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string H(string s) => WebUtility.HtmlEncode(s);
}
