using System.Text;

namespace RentalRules.Explanations;

/// <summary>Writes a <see cref="ComparisonDocument"/> as Markdown (GitHub-flavoured tables); charts are left out.</summary>
internal static class ComparisonMarkdown
{
    public static string Write(ComparisonDocument document)
    {
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(MdText(document.Title));
        sb.AppendLine();
        sb.AppendLine(MdText(document.Intro));
        foreach (var section in document.Sections)
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

    private static void MdTable(StringBuilder sb, ReportTable table)
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
}
