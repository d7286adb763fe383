using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RentalRules.Diagnostics;

namespace RentalRules.Json;

/// <summary>
/// Parses JSON text into <see cref="JNode"/> trees that keep line, column and path of every value.
/// Syntax errors come back as one located diagnostic, never as an exception.
/// </summary>
internal static class JsonText
{
    /// <summary>Deepest nesting accepted, so that hostile input cannot exhaust the stack of later stages.</summary>
    public const int MaxDepth = 64;

    public static (JNode? Node, Diagnostic? Error) Parse(string text, string file)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Parse(bytes, file);
    }

    public static (JNode? Node, Diagnostic? Error) Parse(ReadOnlySpan<byte> utf8, string file)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        var lines = new LineMap(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = false,
            MaxDepth = MaxDepth,
        });
        try
        {
            if (!reader.Read())
            {
                return (null, Syntax(file, 1, 1, "The file is empty.", "A pack or fact file is one JSON object (or an array of them)."));
            }

            var node = ReadValue(ref reader, utf8, lines, file, "$");
            if (reader.Read())
            {
                var (l, c) = lines.Position(utf8, (int)reader.TokenStartIndex);
                return (null, Syntax(file, l, c, "There is more text after the end of the JSON value.", "Remove the trailing text, or wrap several values in an array."));
            }

            return (node, null);
        }
        catch (DuplicateKeyException ex)
        {
            return (null, ex.Diagnostic);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var col = (int)(ex.BytePositionInLine ?? 0) + 1;
            var message = Describe(ex.Message);
            var hint = message.Contains("end of", StringComparison.OrdinalIgnoreCase) || message.Contains("incomplete", StringComparison.OrdinalIgnoreCase)
                ? "The file looks truncated: check that every { and [ is closed."
                : "Check the JSON syntax near this position (quotes, commas, brackets).";
            return (null, Syntax(file, line, col, message, hint));
        }
    }

    private static string Describe(string message)
    {
        // System.Text.Json appends "LineNumber: … | BytePositionInLine: …"; the diagnostic carries the position itself.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).Trim();
        if (text.StartsWith("Expected depth to be zero", StringComparison.Ordinal) || text.Contains("end of data", StringComparison.Ordinal))
        {
            return "Unexpected end of file: the JSON is incomplete.";
        }

        return "Invalid JSON: " + text.TrimEnd('.') + ".";
    }

    private static Diagnostic Syntax(string file, int line, int col, string message, string hint)
        => new(Severity.Error, DiagnosticCodes.JsonSyntax, message, new SourceLocation(file, "$", line, col), hint);

    private static JNode ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, LineMap lines, string file, string path)
    {
        var (line, col) = lines.Position(utf8, (int)reader.TokenStartIndex);
        var loc = new SourceLocation(file, path, line, col);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var props = new List<JProperty>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var (nl, nc) = lines.Position(utf8, (int)reader.TokenStartIndex);
                    var childPath = AppendName(path, name);
                    var nameLoc = new SourceLocation(file, childPath, nl, nc);
                    if (!seen.Add(name))
                    {
                        throw new DuplicateKeyException(new Diagnostic(Severity.Error, DiagnosticCodes.JsonSyntax, $"The property '{name}' appears twice in the same object.", nameLoc, "Keep one of them."));
                    }

                    reader.Read();
                    props.Add(new JProperty(name, nameLoc, ReadValue(ref reader, utf8, lines, file, childPath)));
                }

                return new JNode(JKind.Object, loc, properties: props);
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<JNode>();
                var i = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, utf8, lines, file, $"{path}[{i++}]"));
                }

                return new JNode(JKind.Array, loc, items: items);
            }

            case JsonTokenType.String:
                return new JNode(JKind.String, loc, reader.GetString());
            case JsonTokenType.Number:
                return new JNode(JKind.Number, loc, Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan));
            case JsonTokenType.True:
                return new JNode(JKind.True, loc);
            case JsonTokenType.False:
                return new JNode(JKind.False, loc);
            default:
                return new JNode(JKind.Null, loc);
        }
    }

    internal static string AppendName(string path, string name)
    {
        foreach (var ch in name)
        {
            if (!char.IsLetterOrDigit(ch) && ch != '_' && ch != '$')
            {
                return $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
            }
        }

        return path + "." + name;
    }

    /// <summary>Turns a byte offset into a 1-based line and a 1-based column counted in characters.</summary>
    private sealed class LineMap
    {
        private readonly List<int> _starts = [0];

        public LineMap(ReadOnlySpan<byte> utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) Position(ReadOnlySpan<byte> utf8, int offset)
        {
            var index = _starts.BinarySearch(offset);
            if (index < 0)
            {
                index = ~index - 1;
            }

            var start = _starts[index];
            var col = Encoding.UTF8.GetCharCount(utf8[start..Math.Min(offset, utf8.Length)]) + 1;
            return (index + 1, col);
        }
    }

    internal sealed class DuplicateKeyException(Diagnostic diagnostic) : JsonException(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }

    public static bool TryNumber(JNode node, out decimal value)
        => decimal.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
