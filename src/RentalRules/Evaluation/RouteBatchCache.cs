using System.Runtime.CompilerServices;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// What a batch of routings computes again and again and may compute once: a department's placement on a date (a
/// department has many vacancies), and the explanation lines that are the same for many decisions (the counting line
/// of the k-th vacancy under a share, the flexible-letting line of a letting policy). Each entry is exactly what
/// <see cref="Router"/> would build, so a decision is the same with or without the cache; sharing the line objects
/// also lets the JSON writer encode each once (<see cref="Explanations.EncodedTexts"/>). Bounded; not thread-safe.
/// </summary>
internal sealed class RouteBatchCache
{
    private const int MaxEntries = 1 << 16;

    private readonly Dictionary<PlacementKey, PlacementResult> _placements = new(PlacementKeyComparer.Instance);
    // Keyed by the rule's and the letting policy's identity: they are records, whose value equality costs more than the line.
    private readonly Dictionary<RoutingRule, Dictionary<(long K, Fraction Share, bool Municipal), Explanation>> _counting = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TierDef, Dictionary<(Fraction? Share, bool Flexible), Explanation>> _flexible = new(ReferenceEqualityComparer.Instance);

    /// <summary>The department's placement on the date, as <see cref="Evaluator.Place"/> gives it; sets the scope's department as it does.</summary>
    public PlacementResult Place(RulePack pack, Department department, DateOnly on, EvalScope scope)
    {
        var key = new PlacementKey(department, on);
        if (_placements.TryGetValue(key, out var placed))
        {
            scope.Department = department;
            return placed;
        }

        placed = Evaluator.Place(pack, department, on, scope);
        Remember(_placements, key, placed);
        return placed;
    }

    /// <summary>The counting line under one share (<see cref="RoutingTexts.Counting"/>).</summary>
    public Explanation Counting(RoutingRule rule, long k, Fraction p, bool municipal)
    {
        var lines = For(_counting, rule);
        var key = (k, p, municipal);
        if (!lines.TryGetValue(key, out var line))
        {
            line = RoutingTexts.Counting(rule, k, p, municipal);
            Remember(lines, key, line);
        }

        return line;
    }

    /// <summary>The flexible-letting line (<see cref="RoutingTexts.Flexible"/>): it depends on the letting policy, the department's flexible share and the outcome only.</summary>
    public Explanation Flexible(TierDef letting, PlacementResult placement, bool flexible)
    {
        var lines = For(_flexible, letting);
        var key = (placement.FlexibleLetting?.Share, flexible);
        if (!lines.TryGetValue(key, out var line))
        {
            line = RoutingTexts.Flexible(letting, placement, flexible);
            Remember(lines, key, line);
        }

        return line;
    }

    private static Dictionary<TKey, Explanation> For<TOwner, TKey>(Dictionary<TOwner, Dictionary<TKey, Explanation>> caches, TOwner owner)
        where TOwner : notnull
        where TKey : notnull
    {
        if (!caches.TryGetValue(owner, out var lines))
        {
            lines = [];
            caches[owner] = lines;
        }

        return lines;
    }

    private static void Remember<TKey, TValue>(Dictionary<TKey, TValue> cache, TKey key, TValue value)
        where TKey : notnull
    {
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }

        cache[key] = value;
    }

    /// <summary>A department by reference (records compare by value, which costs more than placing) and a date.</summary>
    private readonly record struct PlacementKey(Department Department, DateOnly On);

    private sealed class PlacementKeyComparer : IEqualityComparer<PlacementKey>
    {
        public static readonly PlacementKeyComparer Instance = new();

        public bool Equals(PlacementKey x, PlacementKey y) => ReferenceEquals(x.Department, y.Department) && x.On == y.On;

        public int GetHashCode(PlacementKey key) => HashCode.Combine(RuntimeHelpers.GetHashCode(key.Department), key.On.DayNumber);
    }
}
