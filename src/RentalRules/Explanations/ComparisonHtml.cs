using System.Text;

namespace RentalRules.Explanations;

/// <summary>
/// Writes a <see cref="ComparisonDocument"/> as one self-contained HTML page: inline CSS (also for print), the tables,
/// and the sections' charts as inline SVG (<see cref="SvgBarChart"/>). All text is HTML-encoded.
/// </summary>
internal static class ComparisonHtml
{
    public static string Write(ComparisonDocument document)
    {
        var t = document.Words;
        var title = document.Title;
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
        sb.Append("<p class=\"intro\">").Append(HtmlText(document.Intro)).AppendLine("</p>");
        var sectionOpen = false;
        foreach (var section in document.Sections)
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

            if (section.Chart is { } chart)
            {
                SvgBarChart.Write(sb, chart, t);
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

    private static void HtmlTable(StringBuilder sb, ReportTable table)
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

    /// <summary>HTML-encodes text for element content and quoted attribute values.</summary>
    internal static string HtmlText(string text)
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
}
