using System.Globalization;
using System.Text.Json;
using RentalRules;
using RentalRules.Diagnostics;
using RentalRules.Facts;

namespace LettingSystem;

/// <summary>
/// A request body: one JSON object whose properties are facts in the DESIGN §5.1 format (<c>department</c>,
/// <c>household</c>, <c>vacancy</c>) and a few plain values (<c>on</c>, <c>route</c>, …). Facts are read with the
/// library's <see cref="FactReader"/>, so a bad fact gives the same located diagnostic as in a file; every location is
/// in the body's own lines and columns, and every JSON path starts at the body (<c>$.household.members[0].birthDate</c>).
/// Diagnostics never repeat a value from the body.
/// </summary>
internal sealed class RequestBody
{
    /// <summary>The name diagnostics give the body.</summary>
    public const string FileName = "request";

    private readonly byte[] _utf8;
    private readonly Dictionary<string, Property> _properties;

    private RequestBody(byte[] utf8, Dictionary<string, Property> properties)
    {
        _utf8 = utf8;
        _properties = properties;
    }

    /// <summary>Every problem found so far, in the order found.</summary>
    public List<Diagnostic> Diagnostics { get; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Reads the body's outline: a JSON object with only the allowed properties.</summary>
    public static RequestBody Parse(byte[] utf8, IReadOnlyCollection<string> allowed)
    {
        if (utf8.AsSpan().StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var properties = new Dictionary<string, Property>(StringComparer.Ordinal);
        var body = new RequestBody(utf8, properties);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                body.Error(DiagnosticCodes.JsonSyntax, "The request body is empty.", "$", 0, "Send a JSON object, e.g. { \"department\": { … } }.");
                return body;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                body.Error(DiagnosticCodes.WrongType, "The request body must be a JSON object.", "$", (int)reader.TokenStartIndex, "Send a JSON object, e.g. { \"department\": { … } }.");
                return body;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var nameAt = (int)reader.TokenStartIndex;
                var name = reader.GetString()!;
                reader.Read();
                var property = new Property(name, reader.TokenType, (int)reader.TokenStartIndex, 0, nameAt);
                reader.Skip();
                property = property with { End = (int)reader.BytesConsumed };
                if (!allowed.Contains(name))
                {
                    body.Error(DiagnosticCodes.UnknownProperty, "The request has a property this endpoint does not know.", "$." + name, nameAt, "Allowed here: " + string.Join(", ", allowed) + ".");
                }
                else if (!properties.TryAdd(name, property))
                {
                    body.Error(DiagnosticCodes.DuplicateId, $"The request names {name} twice.", "$." + name, nameAt, "Send each property once.");
                }
            }

            if (reader.Read())
            {
                body.Error(DiagnosticCodes.JsonSyntax, "The request body has more after its JSON object.", "$", (int)reader.TokenStartIndex, "Send one JSON object.");
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            body.Diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.JsonSyntax, "The request body is not valid JSON.", new SourceLocation(FileName, "$", line, column), $"Check the JSON at line {line}, column {column}."));
        }

        return body;
    }

    /// <summary>Reads one fact object (a department, household or vacancy) with the library's strict reader.</summary>
    public T? Fact<T>(string name, Func<byte[], string, RentalRules.Diagnostics.LoadResult<FactFile<T>>> read, bool required)
        where T : class
    {
        if (!_properties.TryGetValue(name, out var property) || property.Kind == JsonTokenType.Null)
        {
            if (required)
            {
                Error(DiagnosticCodes.MissingProperty, $"The request needs a {name}.", "$", 0, $"Add \"{name}\": {{ … }} in the DESIGN §5.1 fact format.");
            }

            return null;
        }

        if (property.Kind != JsonTokenType.StartObject)
        {
            Error(DiagnosticCodes.WrongType, $"{name} must be one JSON object.", "$." + name, property.Start, $"Write \"{name}\": {{ … }}.");
            return null;
        }

        var result = read(Isolate(property), FileName);
        foreach (var d in result.Diagnostics)
        {
            var path = d.Location.JsonPath.StartsWith('$') ? "$." + name + d.Location.JsonPath[1..] : "$." + name;
            Diagnostics.Add(d with { Location = d.Location with { File = FileName, JsonPath = path } });
        }

        return result.Value?.Items.FirstOrDefault();
    }

    /// <summary>A list of facts (a JSON array, or one object) with the library's strict reader, which also refuses two with one id.</summary>
    public IReadOnlyList<T> Facts<T>(string name, Func<byte[], string, RentalRules.Diagnostics.LoadResult<FactFile<T>>> read)
        where T : class
    {
        if (!_properties.TryGetValue(name, out var property) || property.Kind == JsonTokenType.Null)
        {
            Error(DiagnosticCodes.MissingProperty, $"The request needs {name}.", "$", 0, $"Add \"{name}\": [ … ] in the DESIGN §5.1 fact format.");
            return [];
        }

        if (property.Kind is not (JsonTokenType.StartArray or JsonTokenType.StartObject))
        {
            Error(DiagnosticCodes.WrongType, $"{name} must be a JSON array of objects.", "$." + name, property.Start, $"Write \"{name}\": [ {{ … }} ].");
            return [];
        }

        var result = read(Isolate(property), FileName);
        foreach (var d in result.Diagnostics)
        {
            var path = d.Location.JsonPath.StartsWith('$') ? "$." + name + d.Location.JsonPath[1..] : "$." + name;
            Diagnostics.Add(d with { Location = d.Location with { File = FileName, JsonPath = path } });
        }

        return result.Value?.Items ?? [];
    }

    /// <summary>An optional whole number of at least <paramref name="min"/>.</summary>
    public int? Integer(string name, int min)
    {
        if (!_properties.TryGetValue(name, out var property) || property.Kind == JsonTokenType.Null)
        {
            return null;
        }

        if (property.Kind != JsonTokenType.Number || !int.TryParse(_utf8.AsSpan(property.Start, property.End - property.Start), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            Error(DiagnosticCodes.InvalidValue, $"{name} must be a whole number of at least {min}.", "$." + name, property.Start, $"Write e.g. \"{name}\": 20.");
            return null;
        }

        return value;
    }

    /// <summary>An optional string value.</summary>
    public string? String(string name)
    {
        if (!_properties.TryGetValue(name, out var property) || property.Kind == JsonTokenType.Null)
        {
            return null;
        }

        if (property.Kind != JsonTokenType.String)
        {
            Error(DiagnosticCodes.WrongType, $"{name} must be a string.", "$." + name, property.Start, $"Write \"{name}\": \"…\".");
            return null;
        }

        return JsonSerializer.Deserialize<string>(_utf8.AsSpan(property.Start, property.End - property.Start));
    }

    /// <summary>An optional boolean value.</summary>
    public bool? Bool(string name)
    {
        if (!_properties.TryGetValue(name, out var property) || property.Kind == JsonTokenType.Null)
        {
            return null;
        }

        if (property.Kind is not (JsonTokenType.True or JsonTokenType.False))
        {
            Error(DiagnosticCodes.WrongType, $"{name} must be true or false.", "$." + name, property.Start, $"Write \"{name}\": true.");
            return null;
        }

        return property.Kind == JsonTokenType.True;
    }

    /// <summary>An optional date, <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? Date(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error(DiagnosticCodes.InvalidValue, $"{name} must be a date yyyy-MM-dd.", "$." + name, _properties[name].Start, "Write e.g. \"2025-03-01\".");
            return null;
        }

        return date;
    }

    /// <summary>An optional value out of a fixed set of names.</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> values)
    {
        var text = String(name);
        if (text is not null && !values.Contains(text))
        {
            Error(DiagnosticCodes.InvalidValue, $"{name} has a value that is not allowed.", "$." + name, _properties[name].Start, "Expected one of: " + string.Join(", ", values) + ".");
            return null;
        }

        return text;
    }

    public void Error(string code, string message, string path, int offset, string hint)
    {
        var (line, column) = Position(offset);
        Diagnostics.Add(new Diagnostic(Severity.Error, code, message, new SourceLocation(FileName, path, line, column), hint));
    }

    /// <summary>
    /// The body with everything outside one property's value blanked out, character for character and line for line, so
    /// that the fact reader's lines and columns are the body's.
    /// </summary>
    private byte[] Isolate(Property property)
    {
        var copy = new List<byte>(_utf8.Length);
        for (var i = 0; i < _utf8.Length; i++)
        {
            var b = _utf8[i];
            if (i >= property.Start && i < property.End)
            {
                copy.Add(b);
            }
            else if (b is (byte)'\n' or (byte)'\r')
            {
                copy.Add(b);
            }
            else if ((b & 0xC0) != 0x80)
            {
                // One blank per character: UTF-8 continuation bytes add none.
                copy.Add((byte)' ');
            }
        }

        return copy.ToArray();
    }

    private (int Line, int Column) Position(int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset && i < _utf8.Length; i++)
        {
            if (_utf8[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((_utf8[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    private sealed record Property(string Name, JsonTokenType Kind, int Start, int End, int NameAt);
}
