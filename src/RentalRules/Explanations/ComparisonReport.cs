using System.Globalization;
using System.Text;
using System.Text.Json;
using RentalRules.Analysis;
using RentalRules.Evaluation;

namespace RentalRules.Explanations;

/// <summary>
/// Renders a <see cref="Comparison"/> of a draft with its base as a report in Markdown, as one self-contained HTML page
/// (inline CSS, charts as inline SVG, no scripts or external resources) or as JSON. Sections: the draft's rule changes;
/// the departments whose tier or municipal allocations change, with the changes that caused it; the tier distribution
/// and the municipal allocations per year per tier, per organisation and in total, before and after; and, when households
/// were checked, the applicants whose eligibility changes. The renderers only lay out what the comparison holds: figures
/// are expected values per year, shown with 2 decimals (JSON keeps the exact decimals). Thread-safe (stateless).
/// </summary>
public static class ComparisonReport
{
    private const string NoTier = "";

    /// <summary>The report as Markdown (GitHub-flavoured tables).</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="language"><c>da</c> or <c>en</c>.</param>
    /// <returns>The Markdown text.</returns>
    public static string Markdown(Comparison comparison, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var t = new Words(language);
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(MdText(Title(comparison, t)));
        sb.AppendLine();
        sb.AppendLine(MdText(Intro(comparison, t)));
        foreach (var section in Sections(comparison, t))
        {
            sb.AppendLine();
            sb.Append(section.Level == 2 ? "## " : "### ").AppendLine(MdText(section.Heading));
            foreach (var p in section.Paragraphs)
            {
                sb.AppendLine();
                sb.AppendLine(MdText(p));
            }

            if (section.Table is { } table)
            {
                sb.AppendLine();
                MdTable(sb, table);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The report as one self-contained HTML page: inline CSS (also for print), the tables of the Markdown report, and two
    /// charts drawn as inline SVG with a title, a description and a number on every bar: the departments per tier before
    /// and after, and the municipal allocations per year per tier and in total before and after. All text from packs and
    /// facts is HTML-encoded.
    /// </summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="language"><c>da</c> or <c>en</c>.</param>
    /// <returns>The HTML document.</returns>
    public static string Html(Comparison comparison, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var t = new Words(language);
        var title = Title(comparison, t);
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>");
        sb.Append("<html lang=\"").Append(t.Da ? "da" : "en").AppendLine("\">");
        sb.AppendLine("<head>");
        sb.AppendLine("<meta charset=\"utf-8\">");
        sb.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(HtmlText(title)).AppendLine("</title>");
        sb.AppendLine("<style>");
        sb.AppendLine(Css);
        sb.AppendLine("</style>");
        sb.AppendLine("</head>");
        sb.AppendLine("<body>");
        sb.AppendLine("<main>");
        sb.Append("<h1>").Append(HtmlText(title)).AppendLine("</h1>");
        sb.Append("<p class=\"intro\">").Append(HtmlText(Intro(comparison, t))).AppendLine("</p>");
        var tiers = TierOrder(comparison);
        var sectionOpen = false;
        foreach (var section in Sections(comparison, t))
        {
            if (section.Level == 2)
            {
                if (sectionOpen)
                {
                    sb.AppendLine("</section>");
                }

                sb.Append("<section id=\"").Append(section.Id).AppendLine("\">");
                sectionOpen = true;
                sb.Append("<h2>").Append(HtmlText(section.Heading)).AppendLine("</h2>");
            }
            else
            {
                sb.Append("<h3>").Append(HtmlText(section.Heading)).AppendLine("</h3>");
            }

            if (section.Id == "tier-distribution")
            {
                TierChart(sb, comparison, tiers, t);
            }
            else if (section.Id == "municipal-per-year")
            {
                MunicipalChart(sb, comparison, tiers, t);
            }

            foreach (var p in section.Paragraphs)
            {
                sb.Append("<p>").Append(HtmlText(p)).AppendLine("</p>");
            }

            if (section.Table is { } table)
            {
                HtmlTable(sb, table);
            }
        }

        if (sectionOpen)
        {
            sb.AppendLine("</section>");
        }

        sb.AppendLine("</main>");
        sb.AppendLine("</body>");
        sb.AppendLine("</html>");
        return sb.ToString();
    }

    /// <summary>
    /// Writes the report as one JSON object: <c>base</c>, <c>draft</c>, <c>on</c>, <c>ruleChanges[]</c>
    /// (<c>kind</c>, <c>id</c>, <c>change</c>), <c>departments[]</c> (<c>department</c>, <c>baseTier</c>,
    /// <c>draftTier</c>, <c>baseMunicipalPerYear</c>, <c>draftMunicipalPerYear</c>, <c>causedBy[]</c>, …),
    /// <c>tierDistribution[]</c>, <c>municipalPerYear</c> (<c>byTier[]</c>, <c>byOrganisation[]</c>, <c>total</c>, each
    /// with <c>before</c>, <c>after</c>, <c>difference</c>), <c>notCounted</c>, <c>householdsChecked</c> (<c>null</c> when
    /// no households were given) and <c>households[]</c>. Numbers are exact decimals.
    /// </summary>
    /// <param name="w">The writer.</param>
    /// <param name="comparison">The comparison.</param>
    public static void Json(Utf8JsonWriter w, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(comparison);
        var c = comparison;
        w.WriteStartObject();
        w.WriteString("base", c.BaseId);
        w.WriteString("draft", c.DraftId);
        w.WriteString("on", c.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStartArray("ruleChanges");
        foreach (var r in c.RuleChanges)
        {
            w.WriteStartObject();
            w.WriteString("kind", r.Kind);
            w.WriteString("id", r.Id);
            w.WriteString("change", r.Change);
            w.WriteString("before", r.Before);
            w.WriteString("after", r.After);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("departments");
        foreach (var d in c.Departments)
        {
            w.WriteStartObject();
            w.WriteString("department", d.DepartmentId);
            w.WriteString("name", d.Name);
            w.WriteString("organisation", d.Organisation);
            w.WriteString("baseTier", d.BaseTier);
            w.WriteString("draftTier", d.DraftTier);
            JsonNumbers.Write(w, "baseMunicipalPerYear", d.BaseMunicipalPerYear);
            JsonNumbers.Write(w, "draftMunicipalPerYear", d.DraftMunicipalPerYear);
            WriteStrings(w, "causedBy", d.CausedBy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("tierDistribution");
        foreach (var tier in TierOrder(c))
        {
            w.WriteStartObject();
            w.WriteString("tier", tier == NoTier ? null : tier);
            w.WriteNumber("before", DepartmentsIn(c.Base, tier));
            w.WriteNumber("after", DepartmentsIn(c.Draft, tier));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("municipalPerYear");
        w.WriteStartArray("byTier");
        foreach (var tier in TierOrder(c).Where(x => x != NoTier))
        {
            w.WriteStartObject();
            w.WriteString("tier", tier);
            WriteBeforeAfter(w, Municipal(c.Base.ByTier, tier), Municipal(c.Draft.ByTier, tier));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("byOrganisation");
        foreach (var organisation in Organisations(c))
        {
            w.WriteStartObject();
            w.WriteString("organisation", organisation);
            WriteBeforeAfter(w, Municipal(c.Base.ByOrganisation, organisation), Municipal(c.Draft.ByOrganisation, organisation));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("total");
        WriteBeforeAfter(w, c.Base.PerYear.MunicipalPerYear, c.Draft.PerYear.MunicipalPerYear);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("notCounted");
        w.WriteNumber("before", c.Base.PerYear.Unknown);
        w.WriteNumber("after", c.Draft.PerYear.Unknown);
        w.WriteEndObject();
        if (c.HouseholdsChecked is { } checkedCount)
        {
            w.WriteNumber("householdsChecked", checkedCount);
        }
        else
        {
            w.WriteNull("householdsChecked");
        }

        w.WriteStartArray("households");
        foreach (var h in c.Households)
        {
            w.WriteStartObject();
            w.WriteString("household", h.HouseholdId);
            w.WriteString("department", h.DepartmentId);
            w.WriteString("route", ResultJson.RouteName(h.Route));
            w.WriteString("before", ResultJson.Name(h.Base));
            w.WriteString("after", ResultJson.Name(h.Draft));
            WriteStrings(w, "causedBy", h.CausedBy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    // ---- the report's content, shared by Markdown and HTML ----

    private static string Title(Comparison c, Words t) => t.Da
        ? $"Sammenligning: udkastet {c.DraftId} mod {c.BaseId}"
        : $"Comparison: draft {c.DraftId} against {c.BaseId}";

    private static string Intro(Comparison c, Words t)
    {
        var on = c.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var count = c.Base.Departments.Count.ToString(CultureInfo.InvariantCulture);
        return t.Da
            ? $"Opgjort pr. {on} over {count} afdelinger. Tallene er forventede udlejninger pr. år (boliger × fraflytningsprocent), med 2 decimaler."
            : $"Evaluated on {on} over {count} departments. Figures are expected lettings per year (dwellings × turnover rate), shown with 2 decimals.";
    }

    private static IEnumerable<Section> Sections(Comparison c, Words t)
    {
        var tiers = TierOrder(c);

        var changes = new TableData(
            [t["Kind", "Art"], t["Id", "Id"], t["Change", "Ændring"]],
            [false, false, false],
            c.RuleChanges.Select(r => new[] { Cell.Plain(r.Kind), Cell.Code(r.Id), Cell.Plain(ChangeLabel(r.Change, t) + (r.Before is not null || r.After is not null ? $" ({t.Value(r.Before, r.Unit)} → {t.Value(r.After, r.Unit)})" : "")) }).ToList());
        yield return new Section(
            2,
            "rule-changes",
            t["The draft's rule changes", "Udkastets regelændringer"],
            c.RuleChanges.Count == 0 ? [t["The draft changes no rule of its base.", "Udkastet ændrer ingen regel i grundlaget."]] : [],
            c.RuleChanges.Count == 0 ? null : changes);

        var departments = new TableData(
            [
                t["Department", "Afdeling"], t["Name", "Navn"], t["Organisation", "Organisation"], t["Base tier", "Niveau før"],
                t["Draft tier", "Niveau efter"], t["Municipal/yr before", "Kommunale/år før"], t["Municipal/yr after", "Kommunale/år efter"],
                t["Caused by", "Årsag"],
            ],
            [false, false, false, false, false, true, true, false],
            c.Departments.Select(d => new[]
            {
                Cell.Code(d.DepartmentId ?? "-"), Cell.Plain(d.Name ?? "-"), Cell.Plain(d.Organisation ?? "-"), Cell.Plain(TierName(c, d.BaseTier ?? NoTier, t)),
                Cell.Plain(TierName(c, d.DraftTier ?? NoTier, t)), Cell.Plain(t.Number(d.BaseMunicipalPerYear)), Cell.Plain(t.Number(d.DraftMunicipalPerYear)),
                CausedBy(d.CausedBy, t),
            }).ToList());
        yield return new Section(
            2,
            "departments",
            t["Departments that change tier or allocations", "Afdelinger der skifter niveau eller anvisninger"],
            c.Departments.Count == 0 ? [t["No department changes tier or municipal allocations.", "Ingen afdeling skifter niveau eller antal kommunale anvisninger."]] : [],
            c.Departments.Count == 0 ? null : departments);

        var distribution = new TableData(
            [t["Tier", "Niveau"], t["Departments before", "Afdelinger før"], t["Departments after", "Afdelinger efter"], t["Difference", "Forskel"]],
            [false, true, true, true],
            tiers.Select(tier =>
            {
                var before = DepartmentsIn(c.Base, tier);
                var after = DepartmentsIn(c.Draft, tier);
                return new[]
                {
                    Cell.Plain(TierName(c, tier, t)), Cell.Plain(before.ToString(CultureInfo.InvariantCulture)),
                    Cell.Plain(after.ToString(CultureInfo.InvariantCulture)), Cell.Plain(Signed(after - before)),
                };
            }).ToList());
        yield return new Section(2, "tier-distribution", t["Tier distribution", "Fordeling på niveauer"], [], distribution);

        var notes = new List<string>();
        if (c.Base.PerYear.Unknown > 0 || c.Draft.PerYear.Unknown > 0)
        {
            var before = c.Base.PerYear.Unknown.ToString(CultureInfo.InvariantCulture);
            var after = c.Draft.PerYear.Unknown.ToString(CultureInfo.InvariantCulture);
            notes.Add(t[
                $"Departments not counted because a fact is missing (placement, dwellings or turnover rate): {before} before, {after} after.",
                $"Afdelinger der ikke er talt med, fordi en oplysning mangler (placering, boliger eller fraflytningsprocent): {before} før, {after} efter."]);
        }

        yield return new Section(2, "municipal-per-year", t["Municipal allocations per year", "Kommunale anvisninger pr. år"], notes, null);
        string[] beforeAfter = [t["Before", "Før"], t["After", "Efter"], t["Difference", "Forskel"]];
        yield return new Section(
            3,
            "municipal-by-tier",
            t["By tier", "Pr. niveau"],
            [],
            new TableData(
                [t["Tier", "Niveau"], .. beforeAfter],
                [false, true, true, true],
                tiers.Where(x => x != NoTier).Select(tier => BeforeAfterRow(Cell.Plain(TierName(c, tier, t)), Municipal(c.Base.ByTier, tier), Municipal(c.Draft.ByTier, tier), t)).ToList()));
        yield return new Section(
            3,
            "municipal-by-organisation",
            t["By organisation", "Pr. organisation"],
            [],
            new TableData(
                [t["Organisation", "Organisation"], .. beforeAfter],
                [false, true, true, true],
                Organisations(c).Select(o => BeforeAfterRow(Cell.Plain(o), Municipal(c.Base.ByOrganisation, o), Municipal(c.Draft.ByOrganisation, o), t)).ToList()));
        yield return new Section(
            3,
            "municipal-total",
            t["Total", "I alt"],
            [],
            new TableData(
                ["", .. beforeAfter],
                [false, true, true, true],
                [BeforeAfterRow(Cell.Plain(t["All departments", "Alle afdelinger"]), c.Base.PerYear.MunicipalPerYear, c.Draft.PerYear.MunicipalPerYear, t)]));

        if (c.HouseholdsChecked is { } checkedCount)
        {
            var intro = t[
                $"{checkedCount.ToString(CultureInfo.InvariantCulture)} households checked against every department and route.",
                $"{checkedCount.ToString(CultureInfo.InvariantCulture)} husstande afprøvet mod hver afdeling og vej."];
            var households = new TableData(
                [t["Household", "Husstand"], t["Department", "Afdeling"], t["Route", "Vej"], t["Before", "Før"], t["After", "Efter"], t["Caused by", "Årsag"]],
                [false, false, false, false, false, false],
                c.Households.Select(h => new[]
                {
                    Cell.Code(h.HouseholdId ?? "-"), Cell.Code(h.DepartmentId ?? "-"), Cell.Plain(RouteLabel(h.Route, t)),
                    Cell.Plain(OutcomeLabel(h.Base, t)), Cell.Plain(OutcomeLabel(h.Draft, t)), CausedBy(h.CausedBy, t),
                }).ToList());
            yield return new Section(
                2,
                "households",
                t["Applicants whose eligibility changes", "Ansøgere hvis berettigelse ændres"],
                c.Households.Count == 0 ? [intro, t["No household's eligibility changes.", "Ingen husstands berettigelse ændres."]] : [intro],
                c.Households.Count == 0 ? null : households);
        }
    }

    private static Cell[] BeforeAfterRow(Cell label, decimal before, decimal after, Words t)
        => [label, Cell.Plain(t.Number(before)), Cell.Plain(t.Number(after)), Cell.Plain(t.Signed(after - before))];

    private static Cell CausedBy(IReadOnlyList<string> causes, Words t)
        => causes.Count == 0 ? Cell.Plain(t["not attributed", "ikke henført"]) : Cell.Code(string.Join(", ", causes));

    private static string ChangeLabel(string change, Words t) => change switch
    {
        "added" => t["added", "tilføjet"],
        "removed" => t["removed", "fjernet"],
        "changed" => t["changed", "ændret"],
        "reworded" => t["reworded", "omformuleret"],
        _ => change,
    };

    private static string RouteLabel(LettingRoute route, Words t) => route switch
    {
        LettingRoute.Municipal => t["municipal allocation", "kommunal anvisning"],
        LettingRoute.Flexible => t["flexible letting", "fleksibel udlejning"],
        LettingRoute.InternalTransfer => t["internal transfer", "intern oprykning"],
        _ => t["waiting list", "venteliste"],
    };

    private static string OutcomeLabel(Outcome outcome, Words t) => outcome switch
    {
        Outcome.Eligible => t["eligible", "berettiget"],
        Outcome.Ineligible => t["ineligible", "ikke berettiget"],
        _ => t["undetermined", "uafklaret"],
    };

    /// <summary>A tier as the pack names it (its label, as <c>check</c> shows it), in the report's language; the id where no department of the comparison is placed in it.</summary>
    private static string TierName(Comparison c, string tier, Words t)
    {
        if (tier == NoTier)
        {
            return t["no tier", "intet niveau"];
        }

        var label = c.Draft.Departments.Concat(c.Base.Departments).Select(d => d.Placement).FirstOrDefault(p => p.Tier == tier)?.TierLabel;
        return label is null ? tier : t[label.En, label.Da];
    }

    /// <summary>
    /// The tiers in the report's order: by municipal share, highest first (as the agreements list them), then by id;
    /// "no tier" (undetermined or unplaced departments) last, and only when there are any.
    /// </summary>
    private static List<string> TierOrder(Comparison c)
    {
        var shares = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var noTier = false;
        foreach (var d in c.Base.Departments.Concat(c.Draft.Departments))
        {
            if (d.Tier is null)
            {
                noTier = true;
            }
            else if (!shares.ContainsKey(d.Tier) || (shares[d.Tier] < 0 && d.MunicipalShare is not null))
            {
                shares[d.Tier] = d.MunicipalShare?.ToDecimal() ?? -1;
            }
        }

        var order = shares.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key).ToList();
        if (noTier)
        {
            order.Add(NoTier);
        }

        return order;
    }

    private static List<string> Organisations(Comparison c)
        => c.Base.ByOrganisation.Keys.Union(c.Draft.ByOrganisation.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static int DepartmentsIn(Forecast f, string tier)
        => tier == NoTier ? f.Departments.Count(d => d.Tier is null) : f.ByTier.TryGetValue(tier, out var totals) ? totals.Departments : 0;

    private static decimal Municipal(IReadOnlyDictionary<string, ForecastTotals> totals, string key)
        => totals.TryGetValue(key, out var x) ? x.MunicipalPerYear : 0m;

    // ---- numbers ----

    private static string Signed(int value) => value switch
    {
        > 0 => "+" + value.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static void WriteBeforeAfter(Utf8JsonWriter w, decimal before, decimal after)
    {
        w.WriteNumber("before", JsonNumbers.Exact(before));
        w.WriteNumber("after", JsonNumbers.Exact(after));
        w.WriteNumber("difference", JsonNumbers.Exact(after - before));
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var i in items)
        {
            w.WriteStringValue(i);
        }

        w.WriteEndArray();
    }

    // ---- Markdown ----

    private static void MdTable(StringBuilder sb, TableData table)
    {
        sb.Append('|');
        foreach (var h in table.Headers)
        {
            sb.Append(' ').Append(MdText(h)).Append(" |");
        }

        sb.AppendLine();
        sb.Append('|');
        foreach (var numeric in table.Numeric)
        {
            sb.Append(numeric ? "---:|" : "---|");
        }

        sb.AppendLine();
        foreach (var row in table.Rows)
        {
            sb.Append('|');
            foreach (var cell in row)
            {
                sb.Append(' ').Append(cell.IsCode && cell.Text.Length > 0 && !cell.Text.Contains('`', StringComparison.Ordinal) && !cell.Text.Contains('|', StringComparison.Ordinal) && !HasLineBreak(cell.Text)
                    ? "`" + cell.Text + "`"
                    : MdText(cell.Text)).Append(" |");
            }

            sb.AppendLine();
        }
    }

    /// <summary>Text that Markdown shows as it is: inline markup, HTML and table pipes escaped, line breaks folded.</summary>
    private static string MdText(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~':
                    sb.Append('\\').Append(ch);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '\r' or '\n' or '\u2028' or '\u2029':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }

        return sb.ToString();
    }

    private static bool HasLineBreak(string text) => text.AsSpan().IndexOfAny("\r\n\u2028\u2029") >= 0;

    // ---- HTML ----

    private const string Css = """
        :root { color-scheme: light; --before: #4e79a7; --after: #e15759; --ink: #1d2329; --muted: #5b6670; --rule: #d5dbe1; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 1.6em; margin: 0 0 0.3em; }
        h2 { font-size: 1.25em; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 2px solid var(--rule); }
        h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
        p { margin: 0.4em 0; }
        .intro { color: var(--muted); }
        table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.95em; }
        th, td { border: 1px solid var(--rule); padding: 4px 10px; text-align: left; vertical-align: top; }
        th { background: #f1f4f7; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        code { font: 0.92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f1f4f7; padding: 0 3px; border-radius: 3px; }
        figure { margin: 0.8em 0 1.2em; }
        figcaption { color: var(--muted); font-size: 0.9em; }
        svg.chart { display: block; width: 100%; max-width: 760px; height: auto; }
        svg.chart text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
        svg.chart .axis { stroke: #8795a1; stroke-width: 1; }
        svg.chart .grid { stroke: #e3e8ec; stroke-width: 1; }
        svg.chart .before { fill: var(--before); }
        svg.chart .after { fill: var(--after); }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          section, figure, table { break-inside: avoid; page-break-inside: avoid; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;

    private static void HtmlTable(StringBuilder sb, TableData table)
    {
        sb.AppendLine("<table>");
        sb.Append("<thead><tr>");
        for (var i = 0; i < table.Headers.Length; i++)
        {
            sb.Append(table.Numeric[i] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">").Append(HtmlText(table.Headers[i])).Append("</th>");
        }

        sb.AppendLine("</tr></thead>");
        sb.AppendLine("<tbody>");
        foreach (var row in table.Rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                sb.Append(table.Numeric[i] ? "<td class=\"num\">" : "<td>");
                sb.Append(row[i].IsCode ? "<code>" + HtmlText(row[i].Text) + "</code>" : HtmlText(row[i].Text));
                sb.Append("</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine("</tbody>");
        sb.AppendLine("</table>");
    }

    private static void TierChart(StringBuilder sb, Comparison c, List<string> tiers, Words t)
    {
        var groups = tiers.Select(tier => new BarGroup(TierName(c, tier, t), DepartmentsIn(c.Base, tier), DepartmentsIn(c.Draft, tier))).ToList();
        var title = t["Departments per tier, before and after", "Afdelinger pr. niveau, før og efter"];
        BarChart(sb, "chart-tiers", title, groups, c, t, whole: true);
    }

    private static void MunicipalChart(StringBuilder sb, Comparison c, List<string> tiers, Words t)
    {
        var groups = tiers.Where(x => x != NoTier)
            .Select(tier => new BarGroup(TierName(c, tier, t), Municipal(c.Base.ByTier, tier), Municipal(c.Draft.ByTier, tier)))
            .Append(new BarGroup(t["Total", "I alt"], c.Base.PerYear.MunicipalPerYear, c.Draft.PerYear.MunicipalPerYear))
            .ToList();
        var title = t["Municipal allocations per year, per tier and in total, before and after", "Kommunale anvisninger pr. år, pr. niveau og i alt, før og efter"];
        BarChart(sb, "chart-municipal", title, groups, c, t, whole: false);
    }

    /// <summary>Grouped bars (before, after) with a number on every bar; the only <c>rect</c> elements are the bars.</summary>
    private static void BarChart(StringBuilder sb, string id, string title, List<BarGroup> groups, Comparison c, Words t, bool whole)
    {
        const int width = 760, height = 330, left = 56, right = 16, top = 52, bottom = 56;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var max = groups.Count == 0 ? 0m : groups.Max(g => Math.Max(g.Before, g.After));
        var scaleMax = whole ? Math.Max(4, NiceCeiling(max)) : NiceCeiling(max);
        string Format(decimal value) => whole ? value.ToString("0", CultureInfo.InvariantCulture) : t.Number(value);
        var beforeName = t["Before", "Før"] + " (" + c.BaseId + ")";
        var afterName = t["After", "Efter"] + " (" + c.DraftId + ")";
        var desc = string.Join("; ", groups.Select(g => $"{g.Label}: {Format(g.Before)} {t["before", "før"]}, {Format(g.After)} {t["after", "efter"]}")) + ".";

        sb.Append("<figure>");
        sb.Append("<svg class=\"chart\" id=\"").Append(id).Append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .Append(I(width)).Append(' ').Append(I(height)).Append("\" width=\"").Append(I(width)).Append("\" height=\"").Append(I(height))
            .Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).AppendLine("-desc\">");
        sb.Append("<title id=\"").Append(id).Append("-title\">").Append(HtmlText(title)).AppendLine("</title>");
        sb.Append("<desc id=\"").Append(id).Append("-desc\">").Append(HtmlText(desc)).AppendLine("</desc>");

        // Legend: squares drawn as paths, so that the bars are the chart's only rectangles.
        sb.Append("<g class=\"legend\">");
        sb.Append("<path class=\"before\" d=\"M").Append(I(left)).Append(" 14h12v12h-12z\"/>");
        sb.Append("<text x=\"").Append(I(left + 18)).Append("\" y=\"24\">").Append(HtmlText(beforeName)).Append("</text>");
        var afterX = left + 40 + (int)Math.Min(320, beforeName.Length * 7);
        sb.Append("<path class=\"after\" d=\"M").Append(I(afterX)).Append(" 14h12v12h-12z\"/>");
        sb.Append("<text x=\"").Append(I(afterX + 18)).Append("\" y=\"24\">").Append(HtmlText(afterName)).Append("</text>");
        sb.AppendLine("</g>");

        // Grid and axis labels.
        sb.Append("<g class=\"y-axis\">");
        for (var i = 0; i <= 4; i++)
        {
            var value = scaleMax * i / 4;
            var y = top + plotHeight - (plotHeight * i / 4m);
            sb.Append("<line class=\"").Append(i == 0 ? "axis" : "grid").Append("\" x1=\"").Append(I(left)).Append("\" x2=\"").Append(I(width - right))
                .Append("\" y1=\"").Append(D(y)).Append("\" y2=\"").Append(D(y)).Append("\"/>");
            sb.Append("<text x=\"").Append(I(left - 6)).Append("\" y=\"").Append(D(y + 4)).Append("\" text-anchor=\"end\">")
                .Append(HtmlText(value == decimal.Truncate(value) ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture))).Append("</text>");
        }

        sb.AppendLine("</g>");

        var groupWidth = groups.Count == 0 ? 0m : (decimal)plotWidth / groups.Count;
        var barWidth = Math.Min(56m, groupWidth * 0.36m);
        for (var gi = 0; gi < groups.Count; gi++)
        {
            var g = groups[gi];
            var centre = left + (groupWidth * gi) + (groupWidth / 2);
            sb.Append("<g class=\"group\">");
            foreach (var (value, cls, x, name) in new[] { (g.Before, "before", centre - barWidth - 2, beforeName), (g.After, "after", centre + 2, afterName) })
            {
                var barHeight = scaleMax == 0 ? 0m : plotHeight * value / scaleMax;
                var y = top + plotHeight - barHeight;
                sb.Append("<rect class=\"bar ").Append(cls).Append("\" x=\"").Append(D(x)).Append("\" y=\"").Append(D(y))
                    .Append("\" width=\"").Append(D(barWidth)).Append("\" height=\"").Append(D(barHeight)).Append("\">")
                    .Append("<title>").Append(HtmlText($"{g.Label}, {name}: {Format(value)}")).Append("</title></rect>");
                sb.Append("<text class=\"value\" x=\"").Append(D(x + (barWidth / 2))).Append("\" y=\"").Append(D(y - 5)).Append("\" text-anchor=\"middle\">")
                    .Append(HtmlText(Format(value))).Append("</text>");
            }

            sb.Append("<text class=\"label\" x=\"").Append(D(centre)).Append("\" y=\"").Append(I(top + plotHeight + 20)).Append("\" text-anchor=\"middle\">")
                .Append(HtmlText(g.Label)).Append("</text>");
            sb.AppendLine("</g>");
        }

        sb.AppendLine("</svg>");
        sb.Append("<figcaption>").Append(HtmlText(title)).AppendLine("</figcaption>");
        sb.AppendLine("</figure>");
    }

    /// <summary>A round upper bound for an axis with 4 steps: each step 1, 2, 3 or 5 times a power of ten (4 for 0).</summary>
    private static decimal NiceCeiling(decimal max)
    {
        if (max <= 0)
        {
            return 4;
        }

        var rough = max / 4;
        var power = 1m;
        while (power * 10 <= rough)
        {
            power *= 10;
        }

        while (power > rough && power > 0.01m)
        {
            power /= 10;
        }

        foreach (var step in new[] { 1m, 2m, 3m, 5m, 10m })
        {
            if (power * step >= rough)
            {
                return power * step * 4;
            }
        }

        return power * 40;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>HTML-encodes text for element content and quoted attribute values.</summary>
    private static string HtmlText(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                < ' ' and not ('\t' or '\n' or '\r') => "\uFFFD",
                _ => ch.ToString(),
            });
        }

        return sb.ToString();
    }

    private sealed record Section(int Level, string Id, string Heading, IReadOnlyList<string> Paragraphs, TableData? Table);

    private sealed record TableData(string[] Headers, bool[] Numeric, List<Cell[]> Rows);

    private readonly record struct Cell(string Text, bool IsCode)
    {
        public static Cell Plain(string text) => new(text, false);

        public static Cell Code(string text) => new(text, true);
    }

    private readonly record struct BarGroup(string Label, decimal Before, decimal After);

    /// <summary>The report's language: its words, and its numbers (Danish: decimal comma, thousands point, shares in per cent).</summary>
    private readonly struct Words(string language)
    {
        public bool Da { get; } = language == "da";

        public string this[string en, string da] => Da ? da : en;

        /// <summary>A figure with 2 decimals (<c>3.07</c>; Danish <c>3,07</c>, <c>1.234,50</c>); <c>-</c> for none.</summary>
        public string Number(decimal? value) => value is { } v ? ReportNumbers.Decimal(v, "0.00", Da) : "-";

        /// <summary>A difference with its sign (<c>+26.17</c>, <c>-13.08</c>, <c>0.00</c>).</summary>
        public string Signed(decimal value) => value switch
        {
            > 0 => "+" + Number(value),
            < 0 => "-" + Number(-value),
            _ => Number(0m),
        };

        /// <summary>A parameter value as the comparison wrote it (invariant), shown in the report's language: a share in Danish as per cent (<c>0.3</c> → <c>30 %</c>).</summary>
        public string Value(string? invariant, string? unit) => invariant is null ? "–" : ReportNumbers.ParameterValue(invariant, unit, Da);
    }
}
