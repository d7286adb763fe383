using System.Globalization;
using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Json;

namespace RentalRules.Facts;

/// <summary>
/// Reads portfolios of departments from CSV: a header row of the JSON fact names flattened with dots
/// (<c>id,name,dwellings,turnoverRate,keyFigures.outsideLabourMarketShare,…</c>), one department per row. An empty
/// cell is unknown; <c>flags</c> are separated by <c>;</c>, and <c>[]</c> is the empty list (no flags). Each row is turned into the same located tree a JSON file
/// gives, so the same strict checks apply and every error names the file, the row's JSON path, line and column.
/// A file whose header is separated by <c>;</c> (as Excel writes CSV with a Danish list separator) is read with
/// <c>;</c> between cells, decimal commas in numbers (<c>0,35</c>) and <c>,</c> between flags. A byte order mark is
/// skipped.
/// </summary>
internal static class CsvFacts
{
    public static LoadResult<FactFile<Department>> ReadDepartments(string csv, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var reader = new NodeReader(diagnostics, facts: true);
        var separator = Separator(csv, file, diagnostics);
        if (separator is not { } sep)
        {
            return new LoadResult<FactFile<Department>>(null, diagnostics);
        }

        var rows = Parse(csv, file, sep, diagnostics);
        if (rows.Count == 0)
        {
            if (diagnostics.Count == 0)
            {
                diagnostics.Add(Descriptors.CsvEmpty.At(new SourceLocation(file, "$", 1, 1)));
            }

            return new LoadResult<FactFile<Department>>(null, diagnostics);
        }

        var header = rows[0];
        var columns = new List<(string[] Path, VType? Type)>();
        foreach (var cell in header.Cells)
        {
            var path = cell.Text.Trim().Split('.');
            var type = TypeOf(path);
            if (type is null)
            {
                var known = FactSchema.Department.JsonNames.Where(n => n != "keyFigures").Concat(FactSchema.KeyFigures.JsonNames.Select(n => "keyFigures." + n));
                diagnostics.Add(Descriptors.CsvUnknownColumn.At(new SourceLocation(file, "$", header.Line, cell.Column), cell.Text, Suggestions.DidYouMean(cell.Text, known)));
            }

            columns.Add((path, type));
        }

        if (diagnostics.Count > 0)
        {
            return new LoadResult<FactFile<Department>>(null, diagnostics);
        }

        var items = new List<Department>();
        var locations = new List<SourceLocation>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var path = $"$[{r - 1}]";
            if (row.Cells.Count != columns.Count)
            {
                diagnostics.Add(Descriptors.CsvRowLength.At(new SourceLocation(file, path, row.Line, 1), row.Cells.Count, columns.Count));
                continue;
            }

            var node = Tree(row, columns, file, path, sep);
            if (FactReader.ReadDepartment(reader, node) is { } department)
            {
                // As in a JSON portfolio: results and ledgers are keyed by the id, so a second row with it is an error.
                if (department.Id is { } id && !ids.TryAdd(id, path))
                {
                    reader.Report(Descriptors.DuplicateFactId, node["id"]?.Location ?? node.Location, "department", ids[id]);
                }

                items.Add(department);
                locations.Add(node.Location);
            }
        }

        var result = new FactFile<Department>(items, true) { Locator = i => locations[i] };
        return new LoadResult<FactFile<Department>>(result, diagnostics);
    }

    private static VType? TypeOf(string[] path) => path switch
    {
        [var name] when FactSchema.Department.Find(name) is { Derived: false } f && f.Type.Kind != VKind.Object => f.Type,
        ["keyFigures", var name] when FactSchema.KeyFigures.Find(name) is { Derived: false } f => f.Type,
        _ => null,
    };

    private static JNode Tree(Row row, List<(string[] Path, VType? Type)> columns, string file, string path, char separator)
    {
        var top = new List<JProperty>();
        var keyFigures = new List<JProperty>();
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = row.Cells[c];
            if (cell.Text.Length == 0)
            {
                continue;
            }

            var (names, type) = columns[c];
            var name = names[^1];
            var cellPath = names.Length == 1 ? $"{path}.{name}" : $"{path}.keyFigures.{name}";
            var location = new SourceLocation(file, cellPath, row.Line, cell.Column);
            var value = Value(cell.Text, type!, location, separator);
            (names.Length == 1 ? top : keyFigures).Add(new JProperty(name, -1, value));
        }

        var rowLocation = new SourceLocation(file, path, row.Line, 1);
        if (keyFigures.Count > 0)
        {
            top.Add(new JProperty("keyFigures", -1, new JNode(JKind.Object, rowLocation with { JsonPath = path + ".keyFigures" }, properties: keyFigures)));
        }

        return new JNode(JKind.Object, rowLocation, properties: top);
    }

    private static JNode Value(string text, VType type, SourceLocation location, char separator)
    {
        var trimmed = text.Trim();
        if (separator == ';' && type.Kind == VKind.Number && trimmed.Count(c => c == ',') == 1 && !trimmed.Contains('.', StringComparison.Ordinal))
        {
            // A decimal comma, as a file with ; between cells writes numbers.
            trimmed = trimmed.Replace(',', '.');
        }

        var listSeparator = separator == ';' ? ',' : ';';
        switch (type.Kind)
        {
            case VKind.Number when decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                return new JNode(JKind.Number, location, trimmed);
            case VKind.Bool when trimmed is "true" or "false":
                return new JNode(trimmed == "true" ? JKind.True : JKind.False, location);
            case VKind.StringList:
                // "[]" (or a lone ";") is the empty list; an empty cell stays unknown.
                return new JNode(JKind.Array, location, items: (trimmed == "[]" ? "" : trimmed).Split(listSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select((f, i) => new JNode(JKind.String, location with { JsonPath = $"{location.JsonPath}[{i}]" }, f)).ToList());
            default:
                return new JNode(JKind.String, location, trimmed);
        }
    }

    private sealed record Cell(string Text, int Column);

    private sealed record Row(int Line, List<Cell> Cells);

    /// <summary>
    /// The cell separator, from the header row (fact names hold neither <c>,</c> nor <c>;</c>): <c>;</c> when the header
    /// has semicolons and no commas, else <c>,</c>. A header with both is a located error naming both.
    /// </summary>
    private static char? Separator(string text, string file, List<Diagnostic> diagnostics)
    {
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        var end = text.IndexOfAny(['\r', '\n'], start);
        var header = end < 0 ? text[start..] : text[start..end];
        var comma = header.IndexOf(',', StringComparison.Ordinal);
        var semicolon = header.IndexOf(';', StringComparison.Ordinal);
        if (comma >= 0 && semicolon >= 0)
        {
            diagnostics.Add(Descriptors.CsvMixedSeparators.At(new SourceLocation(file, "$", 1, Math.Max(comma, semicolon) + 1)));
            return null;
        }

        return semicolon >= 0 ? ';' : ',';
    }

    /// <summary>RFC 4180 CSV: the separator, double-quoted cells with "" for a quote, CRLF or LF; blank lines are skipped.</summary>
    private static List<Row> Parse(string text, string file, char separator, List<Diagnostic> diagnostics)
    {
        var rows = new List<Row>();
        var i = 0;
        var line = 1;
        if (text.StartsWith('\uFEFF'))
        {
            i = 1;
        }

        while (i < text.Length)
        {
            var rowLine = line;
            var cells = new List<Cell>();
            var lineStart = i;
            while (true)
            {
                var column = i - lineStart + 1;
                var sb = new System.Text.StringBuilder();
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            diagnostics.Add(Descriptors.CsvUnclosedQuote.At(new SourceLocation(file, "$", rowLine, column)));
                            return rows;
                        }

                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                sb.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        if (text[i] == '\n')
                        {
                            line++;
                        }

                        sb.Append(text[i++]);
                    }
                }
                else
                {
                    while (i < text.Length && text[i] != separator && text[i] is not ('\n' or '\r'))
                    {
                        sb.Append(text[i++]);
                    }
                }

                cells.Add(new Cell(sb.ToString(), column));
                if (i < text.Length && text[i] == separator)
                {
                    i++;
                    continue;
                }

                break;
            }

            if (i < text.Length && text[i] == '\r')
            {
                i++;
            }

            if (i < text.Length && text[i] == '\n')
            {
                i++;
            }

            line++;
            if (!(cells.Count == 1 && cells[0].Text.Trim().Length == 0))
            {
                rows.Add(new Row(rowLine, cells));
            }
        }

        return rows;
    }
}
