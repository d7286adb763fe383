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
        => Parse(Encoding.UTF8.GetBytes(text), file);

    public static (JNode? Node, Diagnostic? Error) Parse(byte[] bytes, string file)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var utf8 = start == 0 ? bytes : bytes[start..];
        var source = new SourceText(utf8, file);
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

            var node = ReadValue(ref reader, source, new Loc(source, null, null, 0, (int)reader.TokenStartIndex));
            if (reader.Read())
            {
                var (l, c) = source.Position((int)reader.TokenStartIndex);
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

    private static JNode ReadValue(ref Utf8JsonReader reader, SourceText source, Loc loc)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var props = new List<JProperty>();
                HashSet<string>? seen = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var nameLoc = new Loc(source, loc, name, 0, (int)reader.TokenStartIndex);
                    // Linear scan for the usual small objects; a set once an object grows large.
                    var duplicate = false;
                    if (props.Count < 16)
                    {
                        foreach (var p in props)
                        {
                            duplicate |= p.Name == name;
                        }
                    }
                    else
                    {
                        seen ??= props.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
                        duplicate = !seen.Add(name);
                    }

                    if (duplicate)
                    {
                        throw new DuplicateKeyException(new Diagnostic(Severity.Error, DiagnosticCodes.JsonSyntax, $"The property '{name}' appears twice in the same object.", nameLoc.Value, "Keep one of them."));
                    }

                    reader.Read();
                    var valueLoc = new Loc(source, loc, name, 0, (int)reader.TokenStartIndex);
                    props.Add(new JProperty(name, nameLoc, ReadValue(ref reader, source, valueLoc)));
                }

                return new JNode(JKind.Object, loc, properties: props);
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<JNode>();
                var i = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, source, new Loc(source, loc, null, i++, (int)reader.TokenStartIndex)));
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

    internal sealed class DuplicateKeyException(Diagnostic diagnostic) : JsonException(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }

    public static bool TryNumber(JNode node, out decimal value)
        => decimal.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
