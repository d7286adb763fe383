using System.Text;
using RentalRules.Evaluation;

namespace RentalRules.Explanations;

/// <summary>
/// Renders results as readable text in Danish (<c>da</c>) or English (<c>en</c>): the CLI's tables and the
/// explanation lines the snapshot tests pin. Thread-safe (stateless).
/// </summary>
public static class ResultText
{
    /// <summary>One explanation line: <c>rule (source clause): reason</c>.</summary>
    /// <param name="x">The explanation.</param>
    /// <param name="language">The language of the text.</param>
    /// <returns>The line.</returns>
    public static string Line(Explanation x, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(x);
        return $"{x.RuleId} ({x.Source} {x.Clause}): {x.Reason.In(language)}";
    }

    /// <summary>A table of placements with the reason for each.</summary>
    /// <param name="placements">The placements.</param>
    /// <param name="language">The language of the text.</param>
    /// <returns>The text.</returns>
    public static string Placements(IReadOnlyList<PlacementResult> placements, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(placements);
        var da = language == Language.Danish;
        var rows = new List<string[]>
        {
            da ? ["AFDELING", "INDPLACERING", "KOMMUNAL ANDEL", "FLEKSIBEL", "KRITERIESÆT", "REGEL"] : ["DEPARTMENT", "TIER", "MUNICIPAL SHARE", "FLEXIBLE", "CRITERIA SET", "RULE"],
        };
        foreach (var p in placements)
        {
            rows.Add([
                p.DepartmentId ?? "-",
                p.Tier ?? ResultJson.Name(p.Outcome),
                p.MunicipalShare?.ToString() ?? "-",
                p.FlexibleLetting is { } f ? f.Rule + (f.Share is { } s ? " " + s : f.MaxShare is { } m ? " ≤ " + m : "") : "-",
                p.CriteriaSet ?? "-",
                p.Explanation.Count > 0 ? $"{p.Explanation[0].RuleId} ({p.Explanation[0].Clause})" : "-",
            ]);
        }

        var sb = new StringBuilder();
        Table(sb, rows);
        sb.AppendLine();
        sb.AppendLine(da ? "Begrundelser:" : "Reasons:");
        foreach (var p in placements)
        {
            foreach (var x in p.Explanation)
            {
                sb.Append("  ").Append(p.DepartmentId ?? "-").Append(": ").AppendLine(Line(x, language));
            }

            if (p.Missing.Count > 0)
            {
                sb.Append("    ").Append(da ? "mangler: " : "missing: ").AppendLine(MissingWords(p.Missing, language));
            }

            foreach (var w in p.Warnings)
            {
                sb.Append("    ").Append(da ? "advarsel: " : "warning: ").AppendLine(w.In(language));
            }
        }

        return sb.ToString();
    }

    /// <summary>An eligibility result: outcome, why, each criterion with its members, missing facts and documents.</summary>
    /// <param name="e">The result.</param>
    /// <param name="language">The language of the text.</param>
    /// <returns>The text.</returns>
    public static string Eligibility(EligibilityResult e, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(e);
        var da = language == Language.Danish;
        var sb = new StringBuilder();
        sb.Append(da ? "Husstand " : "Household ").Append(e.HouseholdId ?? "-")
            .Append(" → ").Append(da ? "afdeling " : "department ").Append(e.DepartmentId ?? "-")
            .Append(" [").Append(e.Placement.TierLabel?.In(language) ?? e.Placement.Tier ?? ResultJson.Name(e.Placement.Outcome)).Append("], ")
            .Append(da ? "vej: " : "route: ").Append(RouteLabel(e.Route, da)).Append(": ")
            .AppendLine(OverallLabel(e.Outcome, da));
        sb.AppendLine(da ? "  Begrundelse:" : "  Why:");
        foreach (var x in e.Explanation)
        {
            sb.Append("    ").AppendLine(Line(x, language));
        }

        if (e.Criteria.Count > 0)
        {
            sb.AppendLine(da ? "  Kriterier:" : "  Criteria:");
            foreach (var c in e.Criteria)
            {
                Criterion(sb, c, language, 4);
            }
        }

        if (e.Missing.Count > 0)
        {
            sb.Append(da ? "  Manglende oplysninger: " : "  Missing facts: ").AppendLine(MissingWords(e.Missing, language));
        }

        if (e.Documents.Count > 0)
        {
            sb.AppendLine(da ? "  Dokumentation der skal indhentes:" : "  Documents to request:");
            foreach (var d in e.Documents)
            {
                sb.Append("    - ").AppendLine(d.In(language));
            }
        }

        if (e.Routes.Count > 0)
        {
            sb.Append(da ? "  Alle veje: " : "  Every route: ").AppendLine(string.Join("; ", e.Routes.Select(r =>
                RouteLabel(r.Route, da) + ": " + OverallLabel(r.Outcome, da).ToLowerInvariant() + (r.Closed ? (da ? " (lukket)" : " (closed)") : ""))));
        }

        foreach (var w in e.Placement.Warnings)
        {
            sb.Append(da ? "  Advarsel: " : "  Warning: ").AppendLine(w.In(language));
        }

        return sb.ToString();
    }

    /// <summary>A table of routing decisions, in order, with the reason for each.</summary>
    /// <param name="decisions">The decisions.</param>
    /// <param name="language">The language of the text.</param>
    /// <returns>The text.</returns>
    public static string Decisions(IReadOnlyList<RoutingDecision> decisions, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var da = language == Language.Danish;
        var rows = new List<string[]>
        {
            da ? ["LEDIG BOLIG", "AFDELING", "INDPLACERING", "TÆLLING", "NR.", "VEJ", "SÆRLIGE KRITERIER", "MÆRKER"] : ["VACANCY", "DEPARTMENT", "TIER", "COUNTER", "K", "ROUTE", "SPECIAL CRITERIA", "MARKS"],
        };
        foreach (var d in decisions)
        {
            rows.Add([
                d.VacancyId ?? "-",
                d.DepartmentId ?? "-",
                d.Tier ?? "-",
                d.Counter is null ? "-" : $"{d.Counter} ({d.MunicipalShare})",
                d.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                ResultJson.Name(d.Route),
                d.SpecialCriteria ? (da ? "ja" : "yes") : "",
                string.Join(", ", d.Marks),
            ]);
        }

        var sb = new StringBuilder();
        Table(sb, rows);
        sb.AppendLine();
        foreach (var (route, count) in decisions.GroupBy(d => d.Route).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())))
        {
            sb.Append(ResultJson.Name(route)).Append(": ").Append(count).AppendLine();
        }

        sb.AppendLine();
        sb.AppendLine(da ? "Begrundelser:" : "Reasons:");
        foreach (var d in decisions)
        {
            foreach (var x in d.Explanation.Skip(1))
            {
                sb.Append("  ").Append(d.VacancyId ?? "-").Append(": ").AppendLine(Line(x, language));
            }

            if (d.Missing.Count > 0)
            {
                sb.Append("    ").Append(da ? "mangler: " : "missing: ").AppendLine(MissingWords(d.Missing, language));
            }
        }

        return sb.ToString();
    }

    private static void Criterion(StringBuilder sb, CriterionResult c, Language language, int indent)
    {
        var da = language == Language.Danish;
        sb.Append(' ', indent).Append('[').Append(OutcomeLabel(c.Outcome, da)).Append("] ")
            .Append(c.Id).Append(" (").Append(c.Source).Append(' ').Append(c.Clause).Append("): ").AppendLine(c.Title.In(language));
        foreach (var a in c.Assumptions)
        {
            sb.Append(' ', indent + 4).Append(da ? "antagelse: " : "assumption: ").AppendLine(a.Reason.In(language));
        }

        if (c.Detail is { } why)
        {
            sb.Append(' ', indent + 4).Append(da ? "afgjort af: " : "decided by: ").AppendLine(why.In(language));
        }

        foreach (var m in c.Members)
        {
            sb.Append(' ', indent + 4).Append(da ? "medlem " : "member ").Append(m.MemberId);
            var born = m.BirthDate is { } b ? b.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
            if (m.Age is { } age)
            {
                var years = age.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
                sb.Append(da ? (born is null ? $" ({years} år)" : $" (f. {born}, {years} år)") : born is null ? $" (aged {years})" : $" (born {born}, aged {years})");
            }

            sb.Append(": ").Append(OutcomeLabel(m.Outcome, da));
            if (m.Missing.Count > 0)
            {
                sb.Append(da ? " (mangler: " : " (missing: ").Append(MissingWords(m.Missing, language)).Append(')');
            }

            if (m.Detail is { } detail)
            {
                sb.Append(" — ").Append(detail.In(language));
            }

            sb.AppendLine();
        }

        if (c.Members.Count == 0 && c.Missing.Count > 0 && c.Children.Count == 0)
        {
            sb.Append(' ', indent + 4).Append(da ? "mangler: " : "missing: ").AppendLine(MissingWords(c.Missing, language));
        }

        foreach (var child in c.Children)
        {
            Criterion(sb, child, language, indent + 4);
        }
    }

    /// <summary>
    /// Missing facts in words, through the fact schema's glossary ("medlemmets domme"): the readable text names no fact
    /// paths; the result's <c>Missing</c> (and the JSON's <c>missing</c>) keeps them.
    /// </summary>
    /// <param name="missing">The missing facts, as results name them (<c>member.convictions</c>).</param>
    /// <param name="language">The language of the words.</param>
    /// <returns>The facts in words, separated by commas.</returns>
    internal static string MissingWords(IEnumerable<string> missing, Language language)
        => Facts.FactGlossary.Missing(missing, language);

    private static string RouteLabel(LettingRoute route, bool da) => (route, da) switch
    {
        (LettingRoute.Municipal, true) => "kommunal anvisning",
        (LettingRoute.Flexible, true) => "fleksibel udlejning",
        (LettingRoute.WaitingList, true) => "venteliste",
        (LettingRoute.InternalTransfer, true) => "intern oprykning",
        (LettingRoute.InternalTransfer, false) => "internal transfer",
        (LettingRoute.Municipal, false) => "municipal allocation",
        (LettingRoute.Flexible, false) => "flexible letting",
        _ => "waiting list",
    };

    private static string OverallLabel(Outcome o, bool da) => (o, da) switch
    {
        (Outcome.Eligible, true) => "BERETTIGET",
        (Outcome.Ineligible, true) => "IKKE BERETTIGET",
        (Outcome.Undetermined, true) => "UAFKLARET",
        (Outcome.Eligible, false) => "ELIGIBLE",
        (Outcome.Ineligible, false) => "INELIGIBLE",
        _ => "UNDETERMINED",
    };

    private static string OutcomeLabel(Outcome o, bool da) => (o, da) switch
    {
        (Outcome.Eligible, true) => "opfyldt",
        (Outcome.Ineligible, true) => "ikke opfyldt",
        (Outcome.Undetermined, true) => "uafklaret",
        (Outcome.Eligible, false) => "met",
        (Outcome.Ineligible, false) => "not met",
        _ => "undetermined",
    };

    private static void Table(StringBuilder sb, List<string[]> rows)
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
            for (var i = 0; i < r.Length; i++)
            {
                sb.Append(i == r.Length - 1 ? r[i] : r[i].PadRight(widths[i] + 2));
            }

            sb.AppendLine();
        }
    }
}
