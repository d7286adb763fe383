using System.Collections.Immutable;

namespace RentalRules.Evaluation;

/// <summary>
/// The counting state of a run of routings: a <see cref="Ledger"/> and the changes made since, kept in hash tables so
/// that a batch of vacancies costs one lookup per counter read and one update per count, not a new immutable ledger per
/// vacancy. <see cref="ToLedger"/> applies the changes to the ledger once. Reads see every change made so far, so
/// routing a batch through one builder decides exactly as routing it one vacancy at a time through
/// <see cref="Packs.RulePack.Route"/>, ledger to ledger. Not thread-safe.
/// </summary>
internal sealed class LedgerBuilder
{
    // By department, then by counter or stairwell: a string key hashes with the fast ordinal hash (and switches to a
    // randomized one by itself should a file's ids collide), where a tuple of two strings would hash both with the
    // randomized hash on every lookup. A run has many vacancies per department, so the inner table is found once per vacancy.
    private readonly Dictionary<string, Dictionary<string, LedgerCounter>> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, ImmutableArray<DateOnly>>> _allocations = new(StringComparer.Ordinal);
    private Ledger _ledger;
    private string _packVersion;

    /// <param name="ledger">The ledger the run starts from.</param>
    public LedgerBuilder(Ledger ledger)
    {
        _ledger = ledger;
        _packVersion = ledger.PackVersion;
        ChangeCounter = ledger.ChangeCounter;
    }

    /// <summary>The id of the pack the ledger is kept under.</summary>
    public string PackId => _ledger.PackId;

    /// <summary>The change counter with the changes made so far.</summary>
    public long ChangeCounter { get; private set; }

    /// <summary>The counter for a department and counting scope as it stands now, or <c>null</c>.</summary>
    public LedgerCounter? Find(string department, string counter)
        => _counters.TryGetValue(department, out var of) && of.TryGetValue(counter, out var changed) ? changed : _ledger.Find(department, counter);

    /// <summary>The recent allocation dates as they stand now, oldest first.</summary>
    public IReadOnlyList<DateOnly> AllocationsIn(string department, string stairwell)
        => _allocations.TryGetValue(department, out var of) && of.TryGetValue(stairwell, out var changed) ? changed : _ledger.AllocationsIn(department, stairwell);

    /// <summary>Sets the counter of a counted vacancy: the change counter goes up by one and the pack version is the router's.</summary>
    public void Count(LedgerCounter counter, string packVersion)
    {
        Set(counter);
        _packVersion = packVersion;
        ChangeCounter++;
    }

    /// <summary>Sets a counter without counting a change (a second counter updated by the same routing).</summary>
    public void Set(LedgerCounter counter) => Put(_counters, counter.Department, counter.Counter, counter);

    /// <summary>Adds a municipal allocation's date, dropping the dates before <paramref name="keepFrom"/>.</summary>
    public void AddAllocation(string department, string stairwell, DateOnly on, DateOnly keepFrom)
        => Put(_allocations, department, stairwell, Ledger.KeepAllocations(AllocationsIn(department, stairwell), on, keepFrom));

    /// <summary>The ledger with every change so far; the same instance as before when nothing changed.</summary>
    public Ledger ToLedger()
    {
        if (_counters.Count == 0 && _allocations.Count == 0 && ChangeCounter == _ledger.ChangeCounter)
        {
            return _ledger;
        }

        _ledger = _ledger.With(_packVersion, ChangeCounter, Flatten(_counters), Flatten(_allocations));
        _counters.Clear();
        _allocations.Clear();
        return _ledger;
    }

    private static void Put<T>(Dictionary<string, Dictionary<string, T>> table, string department, string key, T value)
    {
        if (!table.TryGetValue(department, out var of))
        {
            of = new Dictionary<string, T>(StringComparer.Ordinal);
            table[department] = of;
        }

        of[key] = value;
    }

    private static IEnumerable<KeyValuePair<(string Department, string Key), T>> Flatten<T>(Dictionary<string, Dictionary<string, T>> table)
    {
        foreach (var (department, of) in table)
        {
            foreach (var (key, value) in of)
            {
                yield return new((department, key), value);
            }
        }
    }
}
