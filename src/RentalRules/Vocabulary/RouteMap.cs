using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace RentalRules;

/// <summary>
/// A map from letting route to <typeparamref name="T"/>: a slot per route, enumerated in the order the routes were
/// first set (as <see cref="Dictionary{TKey, TValue}"/> enumerates without removals). Used for a tier's route policies
/// and a placement's route summaries. A <see cref="Dictionary{TKey, TValue}"/> keyed by this library's enum is
/// framework code over one of its value types, which ReadyToRun cannot precompile: each of its methods was compiled on
/// a process's first load and placement (issue 16 item 4). This class is precompiled, and looks a route up by index.
/// </summary>
/// <typeparam name="T">What each route maps to.</typeparam>
internal sealed class RouteMap<T> : IReadOnlyDictionary<LettingRoute, T>
    where T : class
{
    private static readonly int Slots = RouteNames.AllLetting.Length;
    private readonly T?[] _values = new T?[Slots];
    private readonly LettingRoute[] _order = new LettingRoute[Slots];
    private int _count;

    /// <summary>An empty map.</summary>
    public RouteMap()
    {
    }

    /// <summary>A copy of <paramref name="routes"/>, in its order.</summary>
    public RouteMap(IReadOnlyDictionary<LettingRoute, T> routes)
    {
        foreach (var (route, value) in routes)
        {
            this[route] = value;
        }
    }

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public IEnumerable<LettingRoute> Keys
    {
        get
        {
            var keys = new LettingRoute[_count];
            for (var i = 0; i < _count; i++)
            {
                keys[i] = _order[i];
            }

            return keys;
        }
    }

    /// <inheritdoc/>
    public IEnumerable<T> Values
    {
        get
        {
            var values = new T[_count];
            for (var i = 0; i < _count; i++)
            {
                values[i] = _values[(int)_order[i]]!;
            }

            return values;
        }
    }

    /// <summary>The value of <paramref name="route"/>; setting a route not yet in the map adds it last.</summary>
    public T this[LettingRoute route]
    {
        get => TryGetValue(route, out var value) ? value : throw new KeyNotFoundException($"The route '{RouteNames.Name(route)}' is not in the map.");
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var slot = Slot(route);
            if (_values[slot] is null)
            {
                _order[_count++] = route;
            }

            _values[slot] = value;
        }
    }

    /// <inheritdoc/>
    public bool ContainsKey(LettingRoute key) => (uint)key < Slots && _values[(int)key] is not null;

    /// <inheritdoc/>
    public bool TryGetValue(LettingRoute key, [MaybeNullWhen(false)] out T value)
    {
        value = (uint)key < Slots ? _values[(int)key] : null;
        return value is not null;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<LettingRoute, T>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            var route = _order[i];
            yield return new KeyValuePair<LettingRoute, T>(route, _values[(int)route]!);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int Slot(LettingRoute route)
        => (uint)route < Slots ? (int)route : throw new ArgumentOutOfRangeException(nameof(route), "Not a letting route.");
}
