using System.Collections.Immutable;

namespace RentalRules.Evaluation;

/// <summary>
/// One quota counter: the vacancies counted in one department and counting scope (e.g. family dwellings).
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record LedgerCounter
{
    internal LedgerCounter(string Department, string Counter, string Tier, long Counted, long Municipal, long Flexible)
    {
        this.Department = Department;
        this.Counter = Counter;
        this.Tier = Tier;
        this.Counted = Counted;
        this.Municipal = Municipal;
        this.Flexible = Flexible;
    }

    /// <summary>The department id.</summary>
    public string Department { get; internal init; }

    /// <summary>The counting scope declared by the pack's routing rule, e.g. <c>family</c>, <c>youth</c>, <c>accessible-half</c>.</summary>
    public string Counter { get; internal init; }

    /// <summary>The tier the department had when the counter last counted.</summary>
    public string Tier { get; internal init; }

    /// <summary>Vacancies counted (k of the last one).</summary>
    public long Counted { get; internal init; }

    /// <summary>Of those, municipal allocations.</summary>
    public long Municipal { get; internal init; }

    /// <summary>Of the others, let flexibly.</summary>
    public long Flexible { get; internal init; }

    /// <summary>Counted vacancies that did not go to the municipality.</summary>
    public long NonMunicipal => Counted - Municipal;

    /// <summary>
    /// The allocations the municipality is due from this counter: the exact sum, over the counted vacancies, of the
    /// share each was counted with. <c>null</c> when that sum is <see cref="Counted"/> × the share of <see cref="Tier"/>,
    /// i.e. until a tier change with another share (and in ledgers of format version 1). Across a tier change the sum
    /// carries on, so the municipality keeps what the shares of each period give it.
    /// </summary>
    public Fraction? Due { get; internal init; }
}

/// <summary>
/// The quota ledger: the counters a host stores between routings, as plain, versioned JSON. Immutable: routing returns
/// a new ledger with <see cref="ChangeCounter"/> one higher, so a host can store it with optimistic concurrency
/// ("update … where changeCounter = old"). The JSON carries a SHA-256 checksum of its counters, so that a corrupt or
/// hand-edited ledger is refused rather than silently reset. Thread-safe (immutable).
/// </summary>
public sealed partial class Ledger
{
    /// <summary>The value of the <c>format</c> property.</summary>
    public const string FormatName = "rentalrules-ledger";

    /// <summary>
    /// The version of the ledger format this library writes. It reads this version and version 1 (which has no
    /// <c>due</c> on its counters: a counter without one is due <c>counted</c> × the share of its tier).
    /// </summary>
    public const int FormatVersion = 2;

    private static readonly ImmutableSortedDictionary<(string, string), ImmutableArray<DateOnly>> NoAllocations =
        ImmutableSortedDictionary.Create<(string, string), ImmutableArray<DateOnly>>(KeyComparer.Instance);

    private readonly ImmutableSortedDictionary<(string Department, string Counter), LedgerCounter> _counters;
    private readonly ImmutableSortedDictionary<(string Department, string Stairwell), ImmutableArray<DateOnly>> _allocations;

    private Ledger(string packId, string packVersion, long changeCounter, ImmutableSortedDictionary<(string, string), LedgerCounter> counters, ImmutableSortedDictionary<(string, string), ImmutableArray<DateOnly>>? allocations = null)
    {
        PackId = packId;
        PackVersion = packVersion;
        ChangeCounter = changeCounter;
        _counters = counters;
        _allocations = allocations ?? NoAllocations;
    }

    /// <summary>
    /// For packs with a concentration guard: the dates of recent municipal allocations per department (stairwell
    /// <c>""</c>) and per stairwell, kept for the guard's rolling period.
    /// </summary>
    public IReadOnlyList<AllocationDates> RecentAllocations
        => _allocations.Select(a => new AllocationDates(a.Key.Department, a.Key.Stairwell, a.Value)).ToList();

    /// <summary>The recent allocation dates for a department (stairwell <c>""</c>) or one of its stairwells.</summary>
    /// <param name="department">The department id.</param>
    /// <param name="stairwell">The stairwell, or <c>""</c> for the department as a whole.</param>
    /// <returns>The dates, oldest first.</returns>
    public IReadOnlyList<DateOnly> AllocationsIn(string department, string stairwell)
        => _allocations.TryGetValue((department, stairwell), out var dates) ? dates : [];

    /// <summary>A stairwell's or department's allocation dates after one more on <paramref name="on"/>: the dates before <paramref name="keepFrom"/> dropped, oldest first.</summary>
    internal static ImmutableArray<DateOnly> KeepAllocations(IReadOnlyList<DateOnly> dates, DateOnly on, DateOnly keepFrom)
        => dates.Where(d => d >= keepFrom).Append(on).Order().ToImmutableArray();

    /// <summary>The ledger with the changes of a run of routings (<see cref="LedgerBuilder"/>) applied at once.</summary>
    internal Ledger With(string packVersion, long changeCounter, IEnumerable<KeyValuePair<(string Department, string Counter), LedgerCounter>> counters, IEnumerable<KeyValuePair<(string Department, string Stairwell), ImmutableArray<DateOnly>>> allocations)
    {
        var c = _counters.ToBuilder();
        foreach (var (key, counter) in counters)
        {
            c[key] = counter;
        }

        var a = _allocations.ToBuilder();
        foreach (var (key, dates) in allocations)
        {
            a[key] = dates;
        }

        return new Ledger(PackId, packVersion, changeCounter, c.ToImmutable(), a.ToImmutable());
    }

    /// <summary>The id of the pack the ledger is kept under.</summary>
    public string PackId { get; }

    /// <summary>The version of the pack that last updated the ledger.</summary>
    public string PackVersion { get; }

    /// <summary>
    /// The largest count a ledger holds (2^53 − 1, exact in every JSON reader): a ledger file with a larger count is
    /// refused, and a routing that would count beyond it counts nothing, so no count ever wraps.
    /// </summary>
    internal const long MaxCount = (1L << 53) - 1;

    /// <summary>Incremented by every routing that counts a vacancy.</summary>
    public long ChangeCounter { get; }

    /// <summary>The counters, ordered by department and counter.</summary>
    public IReadOnlyList<LedgerCounter> Counters => _counters.Values.ToList();

    /// <summary>An empty ledger for a pack.</summary>
    /// <param name="packId">The pack id.</param>
    /// <param name="packVersion">The pack version.</param>
    /// <returns>The ledger.</returns>
    public static Ledger Empty(string packId, string packVersion)
        => new(packId, packVersion, 0, ImmutableSortedDictionary.Create<(string, string), LedgerCounter>(KeyComparer.Instance));

    /// <summary>The counter for a department and counting scope, or <c>null</c>.</summary>
    /// <param name="department">The department id.</param>
    /// <param name="counter">The counting scope.</param>
    /// <returns>The counter.</returns>
    public LedgerCounter? Find(string department, string counter) => _counters.GetValueOrDefault((department, counter));

    internal Ledger With(LedgerCounter counter, string packVersion)
        => new(PackId, packVersion, ChangeCounter + 1, _counters.SetItem((counter.Department, counter.Counter), counter), _allocations);

    /// <summary>Sets a counter without counting a change (a second counter updated by the same routing).</summary>
    internal Ledger WithCounter(LedgerCounter counter)
        => new(PackId, PackVersion, ChangeCounter, _counters.SetItem((counter.Department, counter.Counter), counter), _allocations);

    /// <summary>The departments that have counters or allocation dates in the ledger, in ordinal order.</summary>
    public IReadOnlyList<string> Departments
        => _counters.Keys.Select(k => k.Department).Concat(_allocations.Keys.Select(k => k.Department)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The part of the ledger that belongs to one department (its counters and allocation dates): routing a vacancy of
    /// the department reads and changes nothing else, so a store can keep each department's state on its own.
    /// </summary>
    /// <param name="department">The department id.</param>
    /// <returns>A ledger with the department's state only (same pack, version and change counter).</returns>
    public Ledger Slice(string department)
    {
        ArgumentNullException.ThrowIfNull(department);
        var counters = _counters.Where(c => c.Key.Department == department).ToImmutableSortedDictionary(c => c.Key, c => c.Value, KeyComparer.Instance);
        var allocations = _allocations.Where(a => a.Key.Department == department).ToImmutableSortedDictionary(a => a.Key, a => a.Value, KeyComparer.Instance);
        return new Ledger(PackId, PackVersion, ChangeCounter, counters, allocations);
    }

    /// <summary>One ledger from the parts of several departments (see <see cref="Slice"/>).</summary>
    /// <param name="packId">The pack id every part must have.</param>
    /// <param name="packVersion">The pack version of the combined ledger.</param>
    /// <param name="parts">The parts; no department may appear in two.</param>
    /// <returns>The combined ledger; its change counter is the highest of the parts'.</returns>
    /// <exception cref="ArgumentException">A part was kept under another pack, or two parts hold the same department.</exception>
    public static Ledger Combine(string packId, string packVersion, IEnumerable<Ledger> parts)
    {
        ArgumentNullException.ThrowIfNull(packId);
        ArgumentNullException.ThrowIfNull(parts);
        var counters = ImmutableSortedDictionary.CreateBuilder<(string, string), LedgerCounter>(KeyComparer.Instance);
        var allocations = ImmutableSortedDictionary.CreateBuilder<(string, string), ImmutableArray<DateOnly>>(KeyComparer.Instance);
        long changeCounter = 0;
        foreach (var part in parts)
        {
            if (part.PackId != packId)
            {
                throw new ArgumentException($"A ledger part was kept under the pack '{part.PackId}', not '{packId}'.", nameof(parts));
            }

            changeCounter = Math.Max(changeCounter, part.ChangeCounter);
            foreach (var (key, value) in part._counters)
            {
                if (!counters.TryAdd(key, value))
                {
                    throw new ArgumentException($"The department '{key.Department}' appears in two ledger parts.", nameof(parts));
                }
            }

            foreach (var (key, value) in part._allocations)
            {
                if (!allocations.TryAdd(key, value))
                {
                    throw new ArgumentException($"The department '{key.Department}' appears in two ledger parts.", nameof(parts));
                }
            }
        }

        return new Ledger(packId, packVersion, changeCounter, counters.ToImmutable(), allocations.ToImmutable());
    }

    /// <summary>
    /// The ledger without a recorded decision's count: its counter one lower (and its municipal or flexible count), the
    /// department's count of municipal allocations and the allocation date likewise; a carried due (after a tier change)
    /// loses the share the vacancy was counted with.
    /// </summary>
    internal Ledger Withdraw(JournalEntry entry)
    {
        if (entry.Counter is null || entry.Count is null)
        {
            return this;
        }

        var counters = _counters;
        var allocations = _allocations;
        var municipal = entry.Route == VacancyRoute.Municipal;
        if (counters.TryGetValue((entry.DepartmentId, entry.Counter), out var c) && c.Counted > 0)
        {
            counters = counters.SetItem((c.Department, c.Counter), c with
            {
                Counted = c.Counted - 1,
                Municipal = c.Municipal - (municipal && c.Municipal > 0 ? 1 : 0),
                Flexible = c.Flexible - (entry.Route == VacancyRoute.Flexible && c.Flexible > 0 ? 1 : 0),
                Due = c.Due is { } due && entry.MunicipalShare is { } share ? QuotaDue.Minus(due, share) : c.Due,
            });
        }

        if (municipal)
        {
            if (counters.TryGetValue((entry.DepartmentId, Router.AllocationsCounter), out var a) && a.Municipal > 0)
            {
                counters = counters.SetItem((a.Department, a.Counter), a with { Counted = a.Counted - 1, Municipal = a.Municipal - 1 });
            }

            foreach (var stairwell in entry.Stairwell is { Length: > 0 } s ? new[] { "", s } : [""])
            {
                if (allocations.TryGetValue((entry.DepartmentId, stairwell), out var dates) && dates.IndexOf(entry.EvaluatedOn) is var i and >= 0)
                {
                    allocations = allocations.SetItem((entry.DepartmentId, stairwell), dates.RemoveAt(i));
                }
            }
        }

        return new Ledger(PackId, PackVersion, ChangeCounter + 1, counters, allocations);
    }

    private sealed class KeyComparer : IComparer<(string Department, string Counter)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((string Department, string Counter) x, (string Department, string Counter) y)
        {
            var c = string.CompareOrdinal(x.Department, y.Department);
            return c != 0 ? c : string.CompareOrdinal(x.Counter, y.Counter);
        }
    }
}
