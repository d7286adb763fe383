using System.Collections;
using System.Runtime.CompilerServices;

namespace RentalRules.Model;

/// <summary>
/// An immutable list that is equal to another when it holds equal items in the same order, so that records of the pack
/// model compare structurally (a record's own equality compares lists by reference).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    public ValueList(IEnumerable<T> items) => _items = [.. items];

    public static ValueList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public bool Equals(ValueList<T>? other)
        => other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}

/// <summary>Builds <see cref="ValueList{T}"/> from collection expressions and sequences.</summary>
internal static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => items.Length == 0 ? ValueList<T>.Empty : new ValueList<T>(items.ToArray());

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}

/// <summary>
/// Where a definition was read (file, JSON path, line, column), for the errors the compile step reports. Never part of a
/// definition's identity: any two origins are equal, so that a pack written and read again equals the pack it was.
/// </summary>
internal readonly struct Origin : IEquatable<Origin>
{
    private static readonly SourceLocation Nowhere = new("<model>", "$", 1, 1);

    private readonly SourceLocation? _location;
    private readonly Func<int, int>? _rawIndex;

    /// <param name="location">Where the definition was read.</param>
    /// <param name="rawIndex">For a string: maps an index in the decoded text to the index in the JSON text (escapes widen it).</param>
    public Origin(SourceLocation location, Func<int, int>? rawIndex = null)
    {
        _location = location;
        _rawIndex = rawIndex;
    }

    public SourceLocation Location => _location ?? Nowhere;

    /// <summary>The column of the character at <paramref name="index"/> of the decoded string, in the JSON text.</summary>
    public SourceLocation At(int index) => Location with { Column = Location.Column + 1 + (_rawIndex?.Invoke(index) ?? index) };

    public bool Equals(Origin other) => true;

    public override bool Equals(object? obj) => obj is Origin;

    public override int GetHashCode() => 0;

    public override string ToString() => Location.ToString();

    public static bool operator ==(Origin left, Origin right) => true;

    public static bool operator !=(Origin left, Origin right) => false;
}
