using System.Net;
using System.Text;

namespace RentalRules.Authoring;

/// <summary>Writes a <see cref="DocBlock"/> document as Markdown (GitHub tables; a draft's changes marked in bold).</summary>
internal static class DocMarkdownWriter
{
    public static string Write(IReadOnlyList<DocBlock> blocks, Func<string, string> markLabel)
    {
        var s = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case DocHeading h:
                    s.Append('#', h.Level).Append(' ').AppendLine(Escape(h.Text));
                    break;
                case DocParagraph p:
                    s.AppendLine(Inlines(p.Inlines, markLabel));
                    break;
                case DocFields f:
                    foreach (var (label, value) in f.Items)
                    {
                        s.Append("- **").Append(Escape(label)).Append(":** ").AppendLine(Inlines(value, markLabel));
                    }

                    break;
                case DocList l:
                    foreach (var item in l.Items)
                    {
                        s.Append("- ").AppendLine(Inlines(item, markLabel));
                    }

                    break;
                case DocTable t:
                    s.Append("| ").Append(string.Join(" | ", t.Headers.Select(Cell))).AppendLine(" |");
                    s.Append('|').Append(string.Concat(t.Headers.Select(_ => "---|"))).AppendLine();
                    foreach (var row in t.Rows)
                    {
                        var cells = row.Cells.Select(c => Cell(Inlines(c, markLabel))).ToList();
                        if (row.Mark is not null)
                        {
                            cells[0] = "**" + markLabel(row.Mark) + "** " + cells[0];
                        }

                        s.Append("| ").Append(string.Join(" | ", cells)).AppendLine(" |");
                    }

                    break;
            }

            s.AppendLine();
        }

        return s.ToString().TrimEnd() + "\n";
    }

    private static string Inlines(IReadOnlyList<DocInline> inlines, Func<string, string> markLabel)
        => string.Concat(inlines.Select(i =>
        {
            var text = i.Code ? "`" + i.Text.Replace("`", "'", StringComparison.Ordinal) + "`" : Escape(i.Text);
            if (i.Strong)
            {
                text = "**" + text + "**";
            }

            return i.Mark is null ? text : "**" + markLabel(i.Mark) + "** " + text;
        }));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}

/// <summary>
/// Writes a <see cref="DocBlock"/> document as one self-contained, printable HTML file: inline CSS (print rules
/// included), no scripts, no external resources; every text escaped.
/// </summary>
internal static class DocHtmlWriter
{
    private const string Style = """
        body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 70rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
        h1 { font-size: 1.8rem; border-bottom: 3px solid #2f6f9f; padding-bottom: .3rem; }
        h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; color: #2f6f9f; }
        h3 { font-size: 1.1rem; margin-top: 1.6rem; }
        table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92rem; }
        th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eaf1f7; }
        tr.mark td { background: #fff4d6; }
        code { font-family: Consolas, "Liberation Mono", monospace; font-size: .85em; background: #f3f5f7; padding: 0 .2em; border-radius: 3px; }
        .mark-label { display: inline-block; background: #d4860b; color: #fff; border-radius: 3px; padding: 0 .35em; font-size: .78em; font-weight: 600; margin-right: .3em; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          h2 { page-break-after: avoid; }
          tr, li { page-break-inside: avoid; }
          tr.mark td { background: #fff4d6 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;

    public static string Write(IReadOnlyList<DocBlock> blocks, string title, Language language, Func<string, string> markLabel)
    {
        var s = new StringBuilder();
        s.Append("<!DOCTYPE html>\n<html lang=\"").Append(language.Code()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case DocHeading h:
                    s.Append("<h").Append(h.Level);
                    if (h.Anchor is not null)
                    {
                        s.Append(" id=\"").Append(E(h.Anchor)).Append('"');
                    }

                    s.Append('>').Append(E(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                    break;
                case DocParagraph p:
                    s.Append("<p>").Append(Inlines(p.Inlines, markLabel)).Append("</p>\n");
                    break;
                case DocFields f:
                    s.Append("<dl>\n");
                    foreach (var (label, value) in f.Items)
                    {
                        s.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(Inlines(value, markLabel)).Append("</dd>\n");
                    }

                    s.Append("</dl>\n");
                    break;
                case DocList l:
                    s.Append("<ul>\n");
                    foreach (var item in l.Items)
                    {
                        s.Append("<li>").Append(Inlines(item, markLabel)).Append("</li>\n");
                    }

                    s.Append("</ul>\n");
                    break;
                case DocTable t:
                    s.Append("<table>\n<thead><tr>");
                    foreach (var header in t.Headers)
                    {
                        s.Append("<th>").Append(E(header)).Append("</th>");
                    }

                    s.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        s.Append(row.Mark is null ? "<tr>" : "<tr class=\"mark\">");
                        for (var i = 0; i < row.Cells.Count; i++)
                        {
                            s.Append("<td>");
                            if (i == 0 && row.Mark is not null)
                            {
                                s.Append("<span class=\"mark-label\">").Append(E(markLabel(row.Mark))).Append("</span>");
                            }

                            s.Append(Inlines(row.Cells[i], markLabel)).Append("</td>");
                        }

                        s.Append("</tr>\n");
                    }

                    s.Append("</tbody>\n</table>\n");
                    break;
            }
        }

        s.Append("</body>\n</html>\n");
        return s.ToString();
    }

    private static string Inlines(IReadOnlyList<DocInline> inlines, Func<string, string> markLabel)
        => string.Concat(inlines.Select(i =>
        {
            var text = E(i.Text);
            text = i.Code ? "<code>" + text + "</code>" : text;
            text = i.Strong ? "<strong>" + text + "</strong>" : text;
            return i.Mark is null ? text : "<span class=\"mark-label\">" + E(markLabel(i.Mark)) + "</span>" + text;
        }));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
