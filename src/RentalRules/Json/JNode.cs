using RentalRules.Diagnostics;

namespace RentalRules.Json;

/// <summary>The kinds of JSON value.</summary>
internal enum JKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value that remembers where it came from (file, line, column, path), so that every later stage
/// can report a problem at the right place. Immutable.
/// </summary>
internal sealed class JNode
{
    public JNode(JKind kind, SourceLocation location, string? text = null, IReadOnlyList<JProperty>? properties = null, IReadOnlyList<JNode>? items = null)
    {
        Kind = kind;
        Location = location;
        Text = text;
        Properties = properties ?? [];
        Items = items ?? [];
    }

    public JKind Kind { get; }

    public SourceLocation Location { get; }

    /// <summary>The string value, or the raw number text.</summary>
    public string? Text { get; }

    public IReadOnlyList<JProperty> Properties { get; }

    public IReadOnlyList<JNode> Items { get; }

    public string Path => Location.JsonPath;

    public bool IsNull => Kind == JKind.Null;

    public JNode? this[string name]
    {
        get
        {
            foreach (var p in Properties)
            {
                if (p.Name == name)
                {
                    return p.Value;
                }
            }

            return null;
        }
    }

    public static string KindName(JKind kind) => kind switch
    {
        JKind.Object => "an object",
        JKind.Array => "an array",
        JKind.String => "a string",
        JKind.Number => "a number",
        JKind.True or JKind.False => "a boolean",
        _ => "null",
    };

    public JNode With(IReadOnlyList<JProperty>? properties = null, IReadOnlyList<JNode>? items = null)
        => new(Kind, Location, Text, properties ?? Properties, items ?? Items);
}

/// <summary>A property of a JSON object, with the location of its name.</summary>
internal sealed record JProperty(string Name, SourceLocation NameLocation, JNode Value);
