using System.Globalization;
using RentalRules.Analysis;

namespace RentalRules.Explanations;

/// <summary>
/// The comparison report as a document, before any format: its title, its introduction and its sections (heading,
/// paragraphs, a table, and for the HTML page a bar chart), in the report's language. The writers
/// (<see cref="ComparisonMarkdown"/>, <see cref="ComparisonHtml"/>) only lay it out; <see cref="ComparisonJson"/> writes
/// the comparison's figures with the helpers here.
/// </summary>
internal sealed record ComparisonDocument(ComparisonWords Words, string Title, string Intro, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>The tier of departments not placed in any tier.</summary>
    internal const string NoTier = "";

    /// <summary>The document of <paramref name="c"/> in <paramref name="language"/>.</summary>
    public static ComparisonDocument Build(Comparison c, Language language)
    {
        var t = new ComparisonWords(language);
        return new ComparisonDocument(t, TitleOf(c, t), IntroOf(c, t), SectionsOf(c, t).ToList());
    }

    private static string TitleOf(Comparison c, ComparisonWords t) => t.Da
        ? $"Sammenligning: udkastet {c.DraftId} mod {c.BaseId}"
        : $"Comparison: draft {c.DraftId} against {c.BaseId}";

    private static string IntroOf(Comparison c, ComparisonWords t)
    {
        var on = c.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var count = c.Base.Departments.Count.ToString(CultureInfo.InvariantCulture);
        return t.Da
            ? $"Opgjort pr. {on} over {count} afdelinger. Tallene er forventede udlejninger pr. år (boliger × fraflytningsprocent), med 2 decimaler."
            : $"Evaluated on {on} over {count} departments. Figures are expected lettings per year (dwellings × turnover rate), shown with 2 decimals.";
    }

    private static IEnumerable<ReportSection> SectionsOf(Comparison c, ComparisonWords t)
    {
        var tiers = TierOrder(c);

        var changes = new ReportTable(
            [t["Kind", "Art"], t["Id", "Id"], t["Change", "Ændring"]],
            [false, false, false],
            c.RuleChanges.Select(r => new[] { ReportCell.Plain(r.Kind), ReportCell.Code(r.Id), ReportCell.Plain(ChangeLabel(r.Change, t) + (r.Before is not null || r.After is not null ? $" ({t.Value(r.Before, r.Unit)} → {t.Value(r.After, r.Unit)})" : "")) }).ToList());
        yield return new ReportSection(
            2,
            "rule-changes",
            t["The draft's rule changes", "Udkastets regelændringer"],
            c.RuleChanges.Count == 0 ? [t["The draft changes no rule of its base.", "Udkastet ændrer ingen regel i grundlaget."]] : [],
            c.RuleChanges.Count == 0 ? null : changes);

        var departments = new ReportTable(
            [
                t["Department", "Afdeling"], t["Name", "Navn"], t["Organisation", "Organisation"], t["Base tier", "Niveau før"],
                t["Draft tier", "Niveau efter"], t["Municipal/yr before", "Kommunale/år før"], t["Municipal/yr after", "Kommunale/år efter"],
                t["Caused by", "Årsag"],
            ],
            [false, false, false, false, false, true, true, false],
            c.Departments.Select(d => new[]
            {
                ReportCell.Code(d.DepartmentId ?? "-"), ReportCell.Plain(d.Name ?? "-"), ReportCell.Plain(d.Organisation ?? "-"), ReportCell.Plain(TierName(c, d.BaseTier ?? NoTier, t)),
                ReportCell.Plain(TierName(c, d.DraftTier ?? NoTier, t)), ReportCell.Plain(t.Number(d.BaseMunicipalPerYear)), ReportCell.Plain(t.Number(d.DraftMunicipalPerYear)),
                CausedBy(d.CausedBy, t),
            }).ToList());
        yield return new ReportSection(
            2,
            "departments",
            t["Departments that change tier or allocations", "Afdelinger der skifter niveau eller anvisninger"],
            c.Departments.Count == 0 ? [t["No department changes tier or municipal allocations.", "Ingen afdeling skifter niveau eller antal kommunale anvisninger."]] : [],
            c.Departments.Count == 0 ? null : departments);

        var distribution = new ReportTable(
            [t["Tier", "Niveau"], t["Departments before", "Afdelinger før"], t["Departments after", "Afdelinger efter"], t["Difference", "Forskel"]],
            [false, true, true, true],
            tiers.Select(tier =>
            {
                var before = DepartmentsIn(c.Base, tier);
                var after = DepartmentsIn(c.Draft, tier);
                return new[]
                {
                    ReportCell.Plain(TierName(c, tier, t)), ReportCell.Plain(before.ToString(CultureInfo.InvariantCulture)),
                    ReportCell.Plain(after.ToString(CultureInfo.InvariantCulture)), ReportCell.Plain(Signed(after - before)),
                };
            }).ToList());
        yield return new ReportSection(2, "tier-distribution", t["Tier distribution", "Fordeling på niveauer"], [], distribution) { Chart = TierChart(c, tiers, t) };

        var notes = new List<string>();
        if (c.Base.PerYear.Unknown > 0 || c.Draft.PerYear.Unknown > 0)
        {
            var before = c.Base.PerYear.Unknown.ToString(CultureInfo.InvariantCulture);
            var after = c.Draft.PerYear.Unknown.ToString(CultureInfo.InvariantCulture);
            notes.Add(t[
                $"Departments not counted because a fact is missing (placement, dwellings or turnover rate): {before} before, {after} after.",
                $"Afdelinger der ikke er talt med, fordi en oplysning mangler (placering, boliger eller fraflytningsprocent): {before} før, {after} efter."]);
        }

        yield return new ReportSection(2, "municipal-per-year", t["Municipal allocations per year", "Kommunale anvisninger pr. år"], notes, null) { Chart = MunicipalChart(c, tiers, t) };
        string[] beforeAfter = [t["Before", "Før"], t["After", "Efter"], t["Difference", "Forskel"]];
        yield return new ReportSection(
            3,
            "municipal-by-tier",
            t["By tier", "Pr. niveau"],
            [],
            new ReportTable(
                [t["Tier", "Niveau"], .. beforeAfter],
                [false, true, true, true],
                tiers.Where(x => x != NoTier).Select(tier => BeforeAfterRow(ReportCell.Plain(TierName(c, tier, t)), Municipal(c.Base.ByTier, tier), Municipal(c.Draft.ByTier, tier), t)).ToList()));
        yield return new ReportSection(
            3,
            "municipal-by-organisation",
            t["By organisation", "Pr. organisation"],
            [],
            new ReportTable(
                [t["Organisation", "Organisation"], .. beforeAfter],
                [false, true, true, true],
                Organisations(c).Select(o => BeforeAfterRow(ReportCell.Plain(o), Municipal(c.Base.ByOrganisation, o), Municipal(c.Draft.ByOrganisation, o), t)).ToList()));
        yield return new ReportSection(
            3,
            "municipal-total",
            t["Total", "I alt"],
            [],
            new ReportTable(
                ["", .. beforeAfter],
                [false, true, true, true],
                [BeforeAfterRow(ReportCell.Plain(t["All departments", "Alle afdelinger"]), c.Base.PerYear.MunicipalPerYear, c.Draft.PerYear.MunicipalPerYear, t)]));

        if (c.HouseholdsChecked is { } checkedCount)
        {
            var intro = t[
                $"{checkedCount.ToString(CultureInfo.InvariantCulture)} households checked against every department and route.",
                $"{checkedCount.ToString(CultureInfo.InvariantCulture)} husstande afprøvet mod hver afdeling og vej."];
            var households = new ReportTable(
                [t["Household", "Husstand"], t["Department", "Afdeling"], t["Route", "Vej"], t["Before", "Før"], t["After", "Efter"], t["Caused by", "Årsag"]],
                [false, false, false, false, false, false],
                c.Households.Select(h => new[]
                {
                    ReportCell.Code(h.HouseholdId ?? "-"), ReportCell.Code(h.DepartmentId ?? "-"), ReportCell.Plain(RouteLabel(h.Route, t)),
                    ReportCell.Plain(OutcomeLabel(h.Base, t)), ReportCell.Plain(OutcomeLabel(h.Draft, t)), CausedBy(h.CausedBy, t),
                }).ToList());
            yield return new ReportSection(
                2,
                "households",
                t["Applicants whose eligibility changes", "Ansøgere hvis berettigelse ændres"],
                c.Households.Count == 0 ? [intro, t["No household's eligibility changes.", "Ingen husstands berettigelse ændres."]] : [intro],
                c.Households.Count == 0 ? null : households);
        }
    }

    private static ReportCell[] BeforeAfterRow(ReportCell label, decimal before, decimal after, ComparisonWords t)
        => [label, ReportCell.Plain(t.Number(before)), ReportCell.Plain(t.Number(after)), ReportCell.Plain(t.Signed(after - before))];

    private static ReportCell CausedBy(IReadOnlyList<string> causes, ComparisonWords t)
        => causes.Count == 0 ? ReportCell.Plain(t["not attributed", "ikke henført"]) : ReportCell.Code(string.Join(", ", causes));

    private static string ChangeLabel(string change, ComparisonWords t) => change switch
    {
        "added" => t["added", "tilføjet"],
        "removed" => t["removed", "fjernet"],
        "changed" => t["changed", "ændret"],
        "reworded" => t["reworded", "omformuleret"],
        _ => change,
    };

    private static string RouteLabel(LettingRoute route, ComparisonWords t) => route switch
    {
        LettingRoute.Municipal => t["municipal allocation", "kommunal anvisning"],
        LettingRoute.Flexible => t["flexible letting", "fleksibel udlejning"],
        LettingRoute.InternalTransfer => t["internal transfer", "intern oprykning"],
        _ => t["waiting list", "venteliste"],
    };

    private static string OutcomeLabel(Outcome outcome, ComparisonWords t) => outcome switch
    {
        Outcome.Eligible => t["eligible", "berettiget"],
        Outcome.Ineligible => t["ineligible", "ikke berettiget"],
        _ => t["undetermined", "uafklaret"],
    };

    /// <summary>A tier as the pack names it (its label, as <c>check</c> shows it), in the report's language; the id where no department of the comparison is placed in it.</summary>
    internal static string TierName(Comparison c, string tier, ComparisonWords t)
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
    internal static List<string> TierOrder(Comparison c)
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

    internal static List<string> Organisations(Comparison c)
        => c.Base.ByOrganisation.Keys.Union(c.Draft.ByOrganisation.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    internal static int DepartmentsIn(Forecast f, string tier)
        => tier == NoTier ? f.Departments.Count(d => d.Tier is null) : f.ByTier.TryGetValue(tier, out var totals) ? totals.Departments : 0;

    internal static decimal Municipal(IReadOnlyDictionary<string, ForecastTotals> totals, string key)
        => totals.TryGetValue(key, out var x) ? x.MunicipalPerYear : 0m;

    private static string Signed(int value) => value switch
    {
        > 0 => "+" + value.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static BarChartData TierChart(Comparison c, List<string> tiers, ComparisonWords t)
    {
        var groups = tiers.Select(tier => new BarGroup(TierName(c, tier, t), DepartmentsIn(c.Base, tier), DepartmentsIn(c.Draft, tier))).ToList();
        var title = t["Departments per tier, before and after", "Afdelinger pr. niveau, før og efter"];
        return Chart("chart-tiers", title, groups, c, t, whole: true);
    }

    private static BarChartData MunicipalChart(Comparison c, List<string> tiers, ComparisonWords t)
    {
        var groups = tiers.Where(x => x != NoTier)
            .Select(tier => new BarGroup(TierName(c, tier, t), Municipal(c.Base.ByTier, tier), Municipal(c.Draft.ByTier, tier)))
            .Append(new BarGroup(t["Total", "I alt"], c.Base.PerYear.MunicipalPerYear, c.Draft.PerYear.MunicipalPerYear))
            .ToList();
        var title = t["Municipal allocations per year, per tier and in total, before and after", "Kommunale anvisninger pr. år, pr. niveau og i alt, før og efter"];
        return Chart("chart-municipal", title, groups, c, t, whole: false);
    }

    private static BarChartData Chart(string id, string title, List<BarGroup> groups, Comparison c, ComparisonWords t, bool whole)
        => new(id, title, groups, whole, t["Before", "Før"] + " (" + c.BaseId + ")", t["After", "Efter"] + " (" + c.DraftId + ")");
}

/// <summary>A section of the report: level 2 or 3, an id (the HTML section's), a heading, paragraphs and an optional table.</summary>
internal sealed record ReportSection(int Level, string Id, string Heading, IReadOnlyList<string> Paragraphs, ReportTable? Table)
{
    /// <summary>The chart the HTML page draws above the section's paragraphs, if any.</summary>
    public BarChartData? Chart { get; init; }
}

/// <summary>A table: its headers, which columns are numeric (right-aligned), and its rows.</summary>
internal sealed record ReportTable(string[] Headers, bool[] Numeric, List<ReportCell[]> Rows);

/// <summary>A table cell: text, or code (an id).</summary>
internal readonly record struct ReportCell(string Text, bool IsCode)
{
    public static ReportCell Plain(string text) => new(text, false);

    public static ReportCell Code(string text) => new(text, true);
}

/// <summary>One group of bars: a label and its before and after values.</summary>
internal readonly record struct BarGroup(string Label, decimal Before, decimal After);

/// <summary>A grouped bar chart (before, after); <c>Whole</c> when its values are counts.</summary>
internal sealed record BarChartData(string Id, string Title, IReadOnlyList<BarGroup> Groups, bool Whole, string BeforeName, string AfterName);

/// <summary>The report's language: its words, and its numbers (Danish: decimal comma, thousands point, shares in per cent).</summary>
internal readonly struct ComparisonWords(Language language)
{
    public bool Da { get; } = language == Language.Danish;

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
