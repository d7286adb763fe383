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
    private readonly Loc _loc;

    public JNode(JKind kind, SourceLocation location, string? text = null, IReadOnlyList<JProperty>? properties = null, IReadOnlyList<JNode>? items = null)
        : this(kind, new Loc(location), text, properties, items)
    {
    }

    public JNode(JKind kind, Loc loc, string? text = null, IReadOnlyList<JProperty>? properties = null, IReadOnlyList<JNode>? items = null)
    {
        Kind = kind;
        _loc = loc;
        Text = text;
        Properties = properties ?? [];
        Items = items ?? [];
    }

    public JKind Kind { get; }

    /// <summary>Where the value starts; computed on first use (reading large files never pays for it).</summary>
    public SourceLocation Location => _loc.Value;

    internal Loc Loc => _loc;

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
        => new(Kind, _loc, Text, properties ?? Properties, items ?? Items);
}

/// <summary>A property of a JSON object, with the location of its name.</summary>
internal sealed record JProperty(string Name, Loc NameLoc, JNode Value)
{
    public JProperty(string name, SourceLocation nameLocation, JNode value)
        : this(name, new Loc(nameLocation), value)
    {
    }

    public SourceLocation NameLocation => NameLoc.Value;
}

/// <summary>The text a tree was parsed from, kept so that locations can be computed when a diagnostic needs one.</summary>
internal sealed class SourceText(byte[] utf8, string file)
{
    private List<int>? _lineStarts;

    public string File { get; } = file;

    public (int Line, int Column) Position(int offset)
    {
        var starts = _lineStarts ??= LineStarts(utf8);
        var index = starts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        var start = starts[index];
        var col = System.Text.Encoding.UTF8.GetCharCount(utf8.AsSpan(start, Math.Max(0, Math.Min(offset, utf8.Length) - start))) + 1;
        return (index + 1, col);
    }

    private static List<int> LineStarts(byte[] utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}

/// <summary>
/// A lazily computed <see cref="SourceLocation"/>: the parent location and the property name or array index give the
/// JSON path, the byte offset gives line and column. One small object per value; strings only when asked for.
/// </summary>
internal sealed class Loc
{
    private readonly SourceText? _source;
    private readonly Loc? _parent;
    private readonly string? _name;
    private readonly int _index;
    private readonly int _offset;
    private SourceLocation? _value;

    public Loc(SourceLocation value) => _value = value;

    public Loc(SourceText source, Loc? parent, string? name, int index, int offset)
    {
        _source = source;
        _parent = parent;
        _name = name;
        _index = index;
        _offset = offset;
    }

    public SourceLocation Value
    {
        get
        {
            if (_value is null)
            {
                var (line, col) = _source!.Position(_offset);
                _value = new SourceLocation(_source.File, Path, line, col);
            }

            return _value;
        }
    }

    private string Path
    {
        get
        {
            if (_value is not null)
            {
                return _value.JsonPath;
            }

            if (_parent is null)
            {
                return "$";
            }

            return _name is not null ? JsonText.AppendName(_parent.Path, _name) : $"{_parent.Path}[{_index}]";
        }
    }
}
