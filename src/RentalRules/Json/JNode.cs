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
/// can report a problem at the right place. The location is computed on first use from the parent chain and the
/// byte offset, so reading a large file never builds a path string or a column it does not report.
/// </summary>
internal sealed class JNode
{
    private readonly SourceText? _source;
    private readonly JNode? _parent;
    private readonly string? _name;
    private readonly int _index;
    private readonly int _offset;
    private SourceLocation? _location;

    /// <summary>A synthetic node at a known location.</summary>
    public JNode(JKind kind, SourceLocation location, string? text = null, IReadOnlyList<JProperty>? properties = null, IReadOnlyList<JNode>? items = null)
    {
        Kind = kind;
        _location = location;
        Text = text;
        Properties = properties ?? [];
        Items = items ?? [];
    }

    /// <summary>A node read from <paramref name="source"/>: the child <paramref name="name"/> (or item <paramref name="index"/>) of <paramref name="parent"/>.</summary>
    public JNode(JKind kind, SourceText source, JNode? parent, string? name, int index, int offset, string? text = null, IReadOnlyList<JProperty>? properties = null, IReadOnlyList<JNode>? items = null)
    {
        Kind = kind;
        _source = source;
        _parent = parent;
        _name = name;
        _index = index;
        _offset = offset;
        Text = text;
        Properties = properties ?? [];
        Items = items ?? [];
    }

    private JNode(JNode from, IReadOnlyList<JProperty> properties, IReadOnlyList<JNode> items)
    {
        Kind = from.Kind;
        _source = from._source;
        _parent = from._parent;
        _name = from._name;
        _index = from._index;
        _offset = from._offset;
        _location = from._location;
        Text = from.Text;
        Properties = properties;
        Items = items;
    }

    public JKind Kind { get; }

    internal int Offset => _offset;

    internal SourceText? Source => _source;

    public SourceLocation Location
    {
        get
        {
            if (_location is null)
            {
                var (line, col) = _source!.Position(_offset);
                _location = new SourceLocation(_source.File, Path, line, col);
            }

            return _location;
        }
    }

    /// <summary>The string value, or the raw number text.</summary>
    public string? Text { get; }

    public IReadOnlyList<JProperty> Properties { get; }

    public IReadOnlyList<JNode> Items { get; }

    public string Path => _location?.JsonPath ?? (_parent is null ? "$" : _name is not null ? JsonText.AppendName(_parent.Path, _name) : $"{_parent.Path}[{_index}]");

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
        => new(this, properties ?? Properties, items ?? Items);

    /// <summary>
    /// For a string read from a file: the number of source characters after the opening quote that encode the first
    /// <paramref name="decodedIndex"/> characters of the value (escapes such as <c>\u00e6</c> take six).
    /// </summary>
    internal int RawIndexOf(int decodedIndex) => _source is null || Kind != JKind.String ? decodedIndex : _source.RawIndexOf(_offset, decodedIndex);

    /// <summary>The location of this node's property name, which starts at <paramref name="nameOffset"/>.</summary>
    internal SourceLocation NameLocation(int nameOffset)
    {
        if (_source is null || nameOffset < 0)
        {
            return Location;
        }

        var (line, col) = _source.Position(nameOffset);
        return new SourceLocation(_source.File, Path, line, col);
    }
}

/// <summary>A property of a JSON object, with the offset of its name (-1 for synthetic properties).</summary>
/// <remarks>
/// A class, not a struct: the lists, dictionaries and LINQ over a struct of this library are framework code that
/// ReadyToRun cannot precompile, and a first pack load compiled about 80 such methods (issue 16 item 4).
/// </remarks>
internal sealed record JProperty(string Name, int NameOffset, JNode Value)
{
    public SourceLocation NameLocation => Value.NameLocation(NameOffset);
}

/// <summary>
/// The text a tree was parsed from, kept so that locations can be computed when a diagnostic needs one. For one item of a
/// streamed file, <paramref name="firstLine"/> and <paramref name="firstColumn"/> say where the text starts in the file,
/// and the file's string table is shared.
/// </summary>
internal sealed class SourceText(byte[] utf8, string file, JsonText.StringTable? strings = null, int firstLine = 1, int firstColumn = 1)
{
    private List<int>? _lineStarts;

    public string File { get; } = file;

    public JsonText.StringTable Strings { get; } = strings ?? new(file);

    public int FirstLine { get; } = firstLine;

    public int FirstColumn { get; } = firstColumn;

    private JNode? _cursorParent;
    private string? _cursorName;
    private int _cursorIndex;

    /// <summary>The JSON path of the value being read when the parse stopped, for a located syntax error.</summary>
    public string CursorPath => _cursorParent is null ? "$"
        : _cursorName is not null ? JsonText.AppendName(_cursorParent.Path, _cursorName)
        : $"{_cursorParent.Path}[{_cursorIndex}]";

    /// <summary>Notes which value is being read: the child <paramref name="name"/> (or item <paramref name="index"/>) of <paramref name="parent"/>.</summary>
    public void At(JNode parent, string? name, int index)
    {
        _cursorParent = parent;
        _cursorName = name;
        _cursorIndex = index;
    }

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
        return (index + FirstLine, index == 0 ? col + FirstColumn - 1 : col);
    }

    /// <summary>
    /// The location of the value of <paramref name="property"/> in the object starting at <paramref name="objectOffset"/>,
    /// found by reading the object again (only when a diagnostic needs it); the object's own location if absent.
    /// </summary>
    public SourceLocation LocationOfProperty(int objectOffset, string path, string property)
    {
        var reader = new System.Text.Json.Utf8JsonReader(utf8.AsSpan(objectOffset), new System.Text.Json.JsonReaderOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
        try
        {
            if (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
                {
                    var isIt = reader.ValueTextEquals(property);
                    reader.Read();
                    if (isIt)
                    {
                        return LocationAt(objectOffset + (int)reader.TokenStartIndex, path + "." + property);
                    }

                    reader.Skip();
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // The object was read once already; if it cannot be read again, point at the object.
        }

        return LocationAt(objectOffset, path + "." + property);
    }

    public SourceLocation LocationAt(int offset, string path)
    {
        var (line, col) = Position(offset);
        return new SourceLocation(File, path, line, col);
    }

    public int RawIndexOf(int tokenOffset, int decodedIndex)
    {
        var i = tokenOffset + 1;
        var raw = 0;
        var decoded = 0;
        while (decoded < decodedIndex && i < utf8.Length && utf8[i] != (byte)'"')
        {
            if (utf8[i] == (byte)'\\')
            {
                var width = i + 1 < utf8.Length && utf8[i + 1] == (byte)'u' ? 6 : 2;
                i += width;
                raw += width;
                decoded++;
                continue;
            }

            var b = utf8[i];
            var length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            var chars = length == 4 ? 2 : 1;
            i += length;
            raw += chars;
            decoded += chars;
        }

        return raw + Math.Max(0, decodedIndex - decoded);
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
