using RentalRules.Diagnostics;
using RentalRules.Json;

namespace RentalRules.Facts;

/// <summary>
/// Opens fact files for reading item by item (DESIGN §5.1): a file of a million households is read one household at a
/// time, each mapped with the same strict, located checks as <see cref="FactReader"/> and then dropped, so memory stays
/// flat whatever the file's size.
/// </summary>
public static class FactStream
{
    /// <summary>Reads households (one JSON object, or an array of them) from UTF-8 JSON, one at a time.</summary>
    /// <param name="utf8">The JSON as UTF-8 (a BOM is allowed); disposed with the reader unless <paramref name="leaveOpen"/>.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="utf8"/> open.</param>
    /// <returns>The reader.</returns>
    public static FactStream<Household> Households(Stream utf8, string file, bool leaveOpen = false)
        => new(utf8, file, leaveOpen, static (r, n) => FactReader.ReadHousehold(r, n), DirectFactReader.Household, static h => h.Id, "household");

    /// <summary>Reads departments (one JSON object, or an array of them) from UTF-8 JSON, one at a time.</summary>
    /// <param name="utf8">The JSON as UTF-8 (a BOM is allowed); disposed with the reader unless <paramref name="leaveOpen"/>.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="utf8"/> open.</param>
    /// <returns>The reader.</returns>
    public static FactStream<Department> Departments(Stream utf8, string file, bool leaveOpen = false)
        => new(utf8, file, leaveOpen, static (r, n) => FactReader.ReadDepartment(r, n), DirectFactReader.Department, static d => d.Id, "department");

    /// <summary>Reads vacancies (one JSON object, or an array of them) from UTF-8 JSON, one at a time.</summary>
    /// <param name="utf8">The JSON as UTF-8 (a BOM is allowed); disposed with the reader unless <paramref name="leaveOpen"/>.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="utf8"/> open.</param>
    /// <returns>The reader.</returns>
    public static FactStream<Vacancy> Vacancies(Stream utf8, string file, bool leaveOpen = false)
        => new(utf8, file, leaveOpen, static (r, n) => FactReader.ReadVacancy(r, n), DirectFactReader.Vacancy, static v => v.Id, "vacancy");
}

/// <summary>
/// A fact file read item by item. <see cref="Read"/> returns the next item, valid or not: an invalid item carries its
/// located errors and reading goes on with the next one; a syntax error is the last item (the rest of the file cannot
/// be read). Ids are unique within a file, as in <see cref="FactReader"/>: an item whose id an earlier item has is
/// invalid (its error names where the first one is, not the id), because results, ledgers and journals are keyed by
/// it. Not thread-safe.
/// </summary>
/// <remarks>
/// An item is first mapped straight from its UTF-8 text into the record (<see cref="DirectFactReader"/>); only an item
/// that path does not take as plainly valid is read again through the located tree, which gives its diagnostics. Both
/// give the same record and the same diagnostics for every input.
/// </remarks>
/// <typeparam name="T">Department, household or vacancy.</typeparam>
public sealed class FactStream<T> : IDisposable
    where T : class
{
    private readonly JsonItemStream _items;
    private readonly Func<NodeReader, JNode, T?> _read;
    private readonly JsonItemStream.ItemMapper _direct;
    private readonly Func<T, string?> _idOf;
    private readonly string _what;

    /// <summary>Each id read so far and the index of the first item that had it.</summary>
    private readonly FactIdTable _firstWithId = new();

    internal FactStream(Stream utf8, string file, bool leaveOpen, Func<NodeReader, JNode, T?> read, JsonItemStream.ItemMapper direct, Func<T, string?> idOf, string what)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(file);
        _items = new JsonItemStream(utf8, file, leaveOpen) { Mapper = direct };
        _read = read;
        _direct = direct;
        _idOf = idOf;
        _what = what;
    }

    /// <summary>
    /// Whether each valid item keeps its text, so that <see cref="FactItem{T}.LocationOf(string)"/> can find a property in it at
    /// any time (true). A reader that only reads the items' diagnostics (the CLI's check of a million households) sets
    /// false and spares a copy of every item: a property of a valid item is then located at the item's start, with
    /// its path; the diagnostics the stream makes itself (a repeated id) are located exactly either way.
    /// </summary>
    internal bool KeepsText
    {
        get => _items.CopyMapped;
        set => _items.CopyMapped = value;
    }

    /// <summary>Whether items are first mapped straight from their text (true unless a test compares with the tree alone).</summary>
    internal bool DirectMapping
    {
        get => _items.Mapper is not null;
        set => _items.Mapper = value ? _direct : null;
    }

    /// <summary>The file name used in diagnostics.</summary>
    public string File => _items.File;

    /// <summary>Whether the file holds an array (known once <see cref="Read"/> has been called).</summary>
    public bool IsArray => _items.IsArray == true;

    /// <summary>The number of items read so far (invalid ones included, a syntax error not).</summary>
    public int Count => _items.Count;

    /// <summary>Reads the next item.</summary>
    /// <returns>The item, or <c>null</c> at the end of the file (and after an item with <see cref="FactItem{T}.EndsFile"/>).</returns>
    public FactItem<T>? Read()
    {
        var item = ReadItem();
        if (item?.Value is { } value && _idOf(value) is { } id && !_firstWithId.TryAdd(id, item.Index, out var first))
        {
            // Located in the item's text while it is still in the buffer, whether or not the item keeps it.
            var twice = Descriptors.DuplicateFactId.At(item.LocationOf("id", KeepsText ? null : _items.LastItemText()), _what, $"$[{first}]");
            return new FactItem<T>(item.Index, null, [.. item.Diagnostics, twice], item.Location, item.LocationOf);
        }

        return item;
    }

    private FactItem<T>? ReadItem()
    {
        if (!_items.Next(out var item, out var syntax))
        {
            return syntax is null ? null : new FactItem<T>(_items.Count, null, [syntax], syntax.Location, null) { EndsFile = true };
        }

        if (item.Value is T direct)
        {
            // The common case: no path string, location or locator closure is made unless someone asks where it is.
            return new FactItem<T>(direct, new FactItem<T>.Origin(item.Utf8, File, _items.Strings, item.Index, item.Line, item.Column));
        }

        return ReadTree(item);
    }

    /// <summary>
    /// An item the fast path left: parsed into a located tree and read from it. A method of its own, so that the
    /// locator closure's captured state is made only for these items, not on entry for every item.
    /// </summary>
    private FactItem<T> ReadTree(in JsonItemStream.Item item)
    {
        var path = PathOf(item.Index);
        var location = new SourceLocation(File, path, item.Line, item.Column);

        var (node, error) = _items.Parse(item);
        if (node is null)
        {
            return new FactItem<T>(Math.Max(0, item.Index), null, [error!], location, null);
        }

        var diagnostics = new List<Diagnostic>();
        var reader = new NodeReader(diagnostics, facts: true);
        T? value;
        if (node.IsNull)
        {
            reader.Report(Descriptors.FactNullListItem, node.Location);
            value = null;
        }
        else
        {
            value = _read(reader, node);
        }

        var source = node.Source;
        var isValid = value is not null && !diagnostics.Exists(d => d.Severity == Severity.Error);
        return new FactItem<T>(Math.Max(0, item.Index), isValid ? value : null, diagnostics, location, source is null ? null : p => source.LocationOfProperty(0, path, p));
    }

    /// <summary>Disposes the stream (unless it was opened to be left open).</summary>
    public void Dispose() => _items.Dispose();

    /// <summary>The JSON path of item <paramref name="index"/> (-1: the root value).</summary>
    internal static string PathOf(int index) => index >= 0 ? $"$[{index}]" : "$";
}

/// <summary>
/// One item of a <see cref="FactStream{T}"/>: the fact record when it is valid, its diagnostics, where it is.
/// Immutable: safe to share across threads.
/// </summary>
/// <typeparam name="T">Department, household or vacancy.</typeparam>
public sealed class FactItem<T>
    where T : class
{
    private readonly Func<string, SourceLocation>? _propertyLocator;
    private readonly Origin? _origin;
    private SourceLocation? _location;

    internal FactItem(int index, T? value, IReadOnlyList<Diagnostic> diagnostics, SourceLocation location, Func<string, SourceLocation>? propertyLocator)
    {
        Index = index;
        Value = value;
        Diagnostics = diagnostics;
        _location = location;
        _propertyLocator = propertyLocator;
    }

    /// <summary>A valid item mapped straight from its text: where it is is worked out only when asked.</summary>
    internal FactItem(T value, Origin origin)
    {
        Index = Math.Max(0, origin.Index);
        Value = value;
        Diagnostics = [];
        _origin = origin;
    }

    /// <summary>Where a directly mapped item's text is, to locate it (and its properties) on demand.</summary>
    internal readonly record struct Origin(byte[]? Utf8, string File, JsonText.StringTable Strings, int Index, int Line, int Column);

    /// <summary>The item's index in the file's array (0 for a file holding one object).</summary>
    public int Index { get; }

    /// <summary>The record, or <c>null</c> when <see cref="Diagnostics"/> holds an error.</summary>
    public T? Value { get; }

    /// <summary>The item's diagnostics (errors and warnings), located.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Where the item starts (file, <c>$[i]</c>, line, column).</summary>
    public SourceLocation Location
        => _location ??= new SourceLocation(_origin!.Value.File, FactStream<T>.PathOf(_origin.Value.Index), _origin.Value.Line, _origin.Value.Column);

    /// <summary>Whether this is a syntax error after which nothing more of the file can be read.</summary>
    public bool EndsFile { get; init; }

    /// <summary>Where the value of <paramref name="property"/> is, for a diagnostic about it; the item's location when absent.</summary>
    /// <param name="property">The property name, e.g. <c>department</c>.</param>
    /// <returns>The location.</returns>
    public SourceLocation LocationOf(string property) => LocationOf(property, null);

    /// <summary>As <see cref="LocationOf(string)"/>; <paramref name="text"/> is the item's text when the item did not keep it.</summary>
    internal SourceLocation LocationOf(string property, byte[]? text)
    {
        if (_origin is { } o && (o.Utf8 ?? text) is { } utf8)
        {
            return new SourceText(utf8, o.File, o.Strings, o.Line, o.Column).LocationOfProperty(0, FactStream<T>.PathOf(o.Index), property);
        }

        return _propertyLocator?.Invoke(property) ?? Location with { JsonPath = Location.JsonPath + "." + property };
    }
}
