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
            return (null, Descriptors.JsonEmpty.At(new SourceLocation(file, "$", 1, 1)));
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
                return (null, Descriptors.JsonEmpty.At(new SourceLocation(file, "$", 1, 1)));
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
                return (null, Descriptors.JsonTrailingText.At(new SourceLocation(file, "$", l, c)));
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
            return (null, Describe(ex.Message).At(new SourceLocation(file, source.CursorPath, line, col), MaxDepth));
        }
    }

    /// <summary>
    /// What System.Text.Json's message says, in words of our own. Its messages quote the offending bytes (for a broken
    /// literal, the whole rest of the file), which in a fact file are personal data: only the fixed part of a message is
    /// matched, and only fixed text comes out.
    /// </summary>
    internal static DiagnosticDescriptor Describe(string message)
    {
        var cut = message.LastIndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).Trim();
        if (text.StartsWith("Invalid leading zero before ", StringComparison.Ordinal))
        {
            return Descriptors.JsonLeadingZero;
        }

        foreach (var (tail, ours) in KnownMessages)
        {
            if (text.EndsWith(tail, StringComparison.Ordinal))
            {
                return ours;
            }
        }

        return Descriptors.JsonInvalid;
    }

    /// <summary>The fixed tails of System.Text.Json's reader messages, with what we say instead.</summary>
    private static readonly (string Tail, DiagnosticDescriptor Message)[] KnownMessages =
    [
        ("Expected the literal 'null'.", Descriptors.JsonLiteralNull),
        ("Expected the literal 'true'.", Descriptors.JsonLiteralTrue),
        ("Expected the literal 'false'.", Descriptors.JsonLiteralFalse),
        ("is an invalid start of a value.", Descriptors.JsonExpectedValue),
        ("is invalid after a value. Expected either ',', '}', or ']'.", Descriptors.JsonExpectedSeparator),
        ("is invalid after a property name. Expected a ':'.", Descriptors.JsonExpectedColon),
        ("is an invalid start of a property name. Expected a '\"'.", Descriptors.JsonExpectedName),
        ("is invalid after a single JSON value. Expected end of data.", Descriptors.JsonTrailingText),
        ("is invalid within a JSON string. The string should be correctly escaped.", Descriptors.JsonUnescapedCharacter),
        ("is an invalid escapable character within a JSON string. The string should be correctly escaped.", Descriptors.JsonInvalidEscape),
        ("within a JSON string. The string should be correctly escaped.", Descriptors.JsonShortUnicodeEscape),
        ("Expected a delimiter.", Descriptors.JsonNumberDelimiter),
        ("is an invalid end of a number. Expected 'E' or 'e'.", Descriptors.JsonNumberDelimiter),
        ("Expected a digit ('0'-'9').", Descriptors.JsonNumberIncomplete),
        ("is invalid without a matching open.", Descriptors.JsonUnmatchedClose),
        ("There is an open JSON object or array that should be closed.", Descriptors.JsonTruncated),
        ("but instead reached end of data.", Descriptors.JsonTruncated),
        ("which is not supported in this mode. Change the reader options.", Descriptors.JsonTrailingComma),
        ("has been exceeded. Cannot read next JSON object.", Descriptors.JsonTooDeep),
        ("has been exceeded. Cannot read next JSON array.", Descriptors.JsonTooDeep),
    ];

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
                        throw new LocatedJsonException(Descriptors.JsonDuplicateProperty.At(value.NameLocation(nameOffset), propertyName));
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

        // Enough that the ids a file refers to again and again (5 000 departments of a million vacancies) keep their
        // slots while ids seen once (the vacancies' own) pass through.
        private const int Buckets = 1 << 14;
        private readonly Entry[] _entries = new Entry[Buckets];

        public string Get(ref Utf8JsonReader reader)
        {
            try
            {
                return GetCore(ref reader);
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate (\ud800) cannot become a .NET string.
                throw new LocatedJsonException(Descriptors.JsonLoneSurrogate.At(new SourceLocation(_file, "$", 1, 1)), (int)reader.TokenStartIndex);
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

            ref var entry = ref _entries[(int)(hash % Buckets)];
            if (entry.Text is { } known && span.SequenceEqual(entry.Utf8.AsSpan(0, entry.Length)))
            {
                return known;
            }

            var text = reader.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(span) : reader.GetString()!;

            // The slot's bytes are overwritten in place: a token seen once costs its string, not also a copy of its bytes.
            entry.Utf8 ??= new byte[MaxLength];
            span.CopyTo(entry.Utf8);
            entry.Length = span.Length;
            entry.Text = text;
            return text;
        }

        private struct Entry
        {
            public byte[]? Utf8;
            public int Length;
            public string? Text;
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

        if (!Fraction.TryParseExact(text, out var num, out var den, out var negative))
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
