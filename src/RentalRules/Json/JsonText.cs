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
        => Parse(bytes, file, onArrayItem: null);

    /// <summary>
    /// Parses; when the root is an array and <paramref name="onArrayItem"/> is given, hands each item over as soon as it
    /// is read and keeps none of them, so a file of 100 000 households never exists as one tree. The returned node is
    /// then an empty array node.
    /// </summary>
    public static (JNode? Node, Diagnostic? Error) Parse(byte[] bytes, string file, Action<JNode>? onArrayItem)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var utf8 = start == 0 ? bytes : bytes[start..];
        if (utf8.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, Syntax(file, 1, 1, "The file is empty.", "A pack or fact file is one JSON object (or an array of them)."));
        }

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

            JNode node;
            if (onArrayItem is not null && reader.TokenType == JsonTokenType.StartArray)
            {
                node = new JNode(JKind.Array, source, null, null, 0, (int)reader.TokenStartIndex);
                var i = 0;
                while (Next(ref reader, source, node, i) && reader.TokenType != JsonTokenType.EndArray)
                {
                    onArrayItem(ReadValue(ref reader, source, node, null, i++));
                }
            }
            else
            {
                node = ReadValue(ref reader, source, null, null, 0);
            }

            if (reader.Read())
            {
                var (l, c) = source.Position((int)reader.TokenStartIndex);
                return (null, Syntax(file, l, c, "There is more text after the end of the JSON value.", "Remove the trailing text, or wrap several values in an array."));
            }

            return (node, null);
        }
        catch (LocatedJsonException ex)
        {
            if (ex.Offset < 0)
            {
                return (null, ex.Diagnostic);
            }

            var (line, col) = source.Position(ex.Offset);
            return (null, ex.Diagnostic with { Location = ex.Diagnostic.Location with { JsonPath = source.CursorPath, Line = line, Column = col } });
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var col = (int)(ex.BytePositionInLine ?? 0) + 1;
            var (message, hint) = Describe(ex.Message);
            return (null, new Diagnostic(Severity.Error, DiagnosticCodes.JsonSyntax, message, new SourceLocation(file, source.CursorPath, line, col), hint));
        }
    }

    private const string SyntaxHint = "Check the JSON syntax near this position (quotes, commas, brackets).";
    private const string TruncatedHint = "The file looks truncated: check that every { and [ is closed.";

    /// <summary>
    /// What System.Text.Json's message says, in words of our own. Its messages quote the offending bytes (for a broken
    /// literal, the whole rest of the file), which in a fact file are personal data: only the fixed part of a message is
    /// matched, and only fixed text comes out.
    /// </summary>
    internal static (string Message, string Hint) Describe(string message)
    {
        var cut = message.LastIndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).Trim();
        foreach (var (tail, ours, hint) in KnownMessages)
        {
            if (text.EndsWith(tail, StringComparison.Ordinal))
            {
                return (ours, hint);
            }
        }

        return ("Invalid JSON at this position.", SyntaxHint);
    }

    /// <summary>The fixed tails of System.Text.Json's reader messages, with what we say instead.</summary>
    private static readonly (string Tail, string Message, string Hint)[] KnownMessages =
    [
        ("Expected the literal 'null'.", "Invalid JSON literal: expected null.", "Write null, true or false in full, without quotes."),
        ("Expected the literal 'true'.", "Invalid JSON literal: expected true.", "Write null, true or false in full, without quotes."),
        ("Expected the literal 'false'.", "Invalid JSON literal: expected false.", "Write null, true or false in full, without quotes."),
        ("is an invalid start of a value.", "Invalid JSON: expected a value (text in double quotes, a number, true, false, null, an object or a list).", "Put text in double quotes; write numbers with a '.' decimal point."),
        ("is invalid after a value. Expected either ',', '}', or ']'.", "Invalid JSON: expected ',', '}' or ']' after a value.", "Separate values with commas; close every { and [."),
        ("is invalid after a property name. Expected a ':'.", "Invalid JSON: expected ':' after a property name.", "Write \"name\": value."),
        ("is an invalid start of a property name. Expected a '\"'.", "Invalid JSON: expected a property name in double quotes.", "Write \"name\": value; remove a trailing comma."),
        ("is invalid after a single JSON value. Expected end of data.", "There is more text after the end of the JSON value.", "Remove the trailing text, or wrap several values in an array."),
        ("is invalid within a JSON string. The string should be correctly escaped.", "Invalid JSON: a text contains a character that must be escaped (a control character or line break).", "Escape it (\\n, \\t, \\\"), or close the quote."),
        ("is an invalid escapable character within a JSON string. The string should be correctly escaped.", "Invalid JSON: a text contains an invalid escape.", "Valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX."),
        ("within a JSON string. The string should be correctly escaped.", "Invalid JSON: a \\u escape needs four hex digits.", "Write \\u followed by four hex digits, e.g. \\u00e6."),
        ("Expected a delimiter.", "Invalid JSON: a number is followed by a character that cannot follow it.", "Write numbers as digits with a '.' decimal point, e.g. 0.28."),
        ("Expected a digit ('0'-'9').", "Invalid JSON: a number is incomplete (a digit is expected).", "Write numbers as digits with a '.' decimal point, e.g. 0.28."),
        ("is invalid without a matching open.", "Invalid JSON: a closing bracket without a matching opening one.", "Check that every } and ] matches an earlier { or [."),
        ("There is an open JSON object or array that should be closed.", "Unexpected end of file: the JSON is incomplete.", TruncatedHint),
        ("but instead reached end of data.", "Unexpected end of file: the JSON is incomplete.", TruncatedHint),
        ("which is not supported in this mode. Change the reader options.", "Invalid JSON: a trailing comma before a closing bracket.", "Remove the comma after the last item."),
        ("has been exceeded. Cannot read next JSON object.", $"The JSON is nested deeper than {MaxDepth} levels.", "Flatten the structure; no pack or fact file needs this depth."),
        ("has been exceeded. Cannot read next JSON array.", $"The JSON is nested deeper than {MaxDepth} levels.", "Flatten the structure; no pack or fact file needs this depth."),
    ];

    private static Diagnostic Syntax(string file, int line, int col, string message, string hint)
        => new(Severity.Error, DiagnosticCodes.JsonSyntax, message, new SourceLocation(file, "$", line, col), hint);

    internal static JNode ReadValue(ref Utf8JsonReader reader, SourceText source, JNode? parent, string? name, int index)
    {
        var strings = source.Strings;
        var offset = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var props = new List<JProperty>(8);
                var node = new JNode(JKind.Object, source, parent, name, index, offset, properties: props);
                HashSet<string>? seen = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var propertyName = strings.Get(ref reader);
                    var nameOffset = (int)reader.TokenStartIndex;

                    // Linear scan for the usual small objects; a set once an object grows large.
                    var duplicate = false;
                    if (props.Count < 16)
                    {
                        foreach (var p in props)
                        {
                            duplicate |= p.Name == propertyName;
                        }
                    }
                    else
                    {
                        seen ??= props.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
                        duplicate = !seen.Add(propertyName);
                    }

                    source.At(node, propertyName, 0);
                    reader.Read();
                    var value = ReadValue(ref reader, source, node, propertyName, 0);
                    if (duplicate)
                    {
                        throw new LocatedJsonException(new Diagnostic(Severity.Error, DiagnosticCodes.JsonSyntax, $"The property '{propertyName}' appears twice in the same object.", value.NameLocation(nameOffset), "Keep one of them."));
                    }

                    props.Add(new JProperty(propertyName, nameOffset, value));
                }

                return node;
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<JNode>();
                var node = new JNode(JKind.Array, source, parent, name, index, offset, items: items);
                var i = 0;
                while (Next(ref reader, source, node, i) && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, source, node, null, i++));
                }

                return node;
            }

            case JsonTokenType.String:
                return new JNode(JKind.String, source, parent, name, index, offset, strings.Get(ref reader));
            case JsonTokenType.Number:
                return new JNode(JKind.Number, source, parent, name, index, offset, strings.Get(ref reader));
            case JsonTokenType.True:
                return new JNode(JKind.True, source, parent, name, index, offset);
            case JsonTokenType.False:
                return new JNode(JKind.False, source, parent, name, index, offset);
            default:
                return new JNode(JKind.Null, source, parent, name, index, offset);
        }
    }

    /// <summary>Reads the next token, first noting that item <paramref name="index"/> of <paramref name="array"/> is being read.</summary>
    private static bool Next(ref Utf8JsonReader reader, SourceText source, JNode array, int index)
    {
        source.At(array, null, index);
        return reader.Read();
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

    /// <summary>
    /// Reuses the strings of short, repeated tokens (property names, enum values, dates, numbers) within one parse, so
    /// that reading 100 000 households does not allocate millions of copies of "birthDate". Bounded in size.
    /// </summary>
    internal sealed class StringTable(string file)
    {
        private readonly string _file = file;

        private const int MaxLength = 24;
        private const int Buckets = 4096;
        private readonly (byte[] Utf8, string Text)?[] _entries = new (byte[], string)?[Buckets];

        public string Get(ref Utf8JsonReader reader)
        {
            try
            {
                return GetCore(ref reader);
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate (\ud800) cannot become a .NET string.
                throw new LocatedJsonException(new Diagnostic(Severity.Error, DiagnosticCodes.JsonSyntax, "The text contains an invalid escape (a lone UTF-16 surrogate).", new SourceLocation(_file, "$", 1, 1), "Remove the \\uD800-\\uDFFF escape or complete the surrogate pair."), (int)reader.TokenStartIndex);
            }
        }

        private string GetCore(ref Utf8JsonReader reader)
        {
            if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxLength)
            {
                return reader.TokenType == JsonTokenType.Number
                    ? Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan)
                    : reader.GetString()!;
            }

            var span = reader.ValueSpan;
            var hash = (uint)span.Length;
            foreach (var b in span)
            {
                hash = (hash * 31) + b;
            }

            var slot = (int)(hash % Buckets);
            if (_entries[slot] is { } entry && span.SequenceEqual(entry.Utf8))
            {
                return entry.Text;
            }

            var text = reader.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(span) : reader.GetString()!;
            _entries[slot] = (span.ToArray(), text);
            return text;
        }
    }

    /// <summary>A located problem found while building the tree; <see cref="Offset"/> (if not -1) refines the position.</summary>
    internal sealed class LocatedJsonException(Diagnostic diagnostic, int offset = -1) : JsonException(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;

        public int Offset { get; } = offset;
    }

    /// <summary>
    /// Reads a JSON number as a decimal, exactly: <paramref name="inexact"/> is set (and false returned) when the
    /// decimal would round it (more than 28 significant digits or decimal places), so a value is never silently changed.
    /// </summary>
    public static bool TryNumber(JNode node, out decimal value, out bool inexact)
    {
        inexact = false;
        var text = node.Text ?? "";
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        // Up to 20 characters without an exponent hold at most 19 digits: a decimal holds them exactly.
        if (text.Length <= 20 && text.IndexOfAny(['e', 'E']) < 0)
        {
            return true;
        }

        if (!Evaluation.Fraction.TryParseExact(text, out var num, out var den, out var negative))
        {
            return false;
        }

        var bits = decimal.GetBits(value);
        var mantissa = ((System.Numerics.BigInteger)(uint)bits[2] << 64) | ((System.Numerics.BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        var exact = mantissa * den == num * System.Numerics.BigInteger.Pow(10, scale) && (num.IsZero || (value < 0) == negative);
        inexact = !exact;
        return exact;
    }
}
