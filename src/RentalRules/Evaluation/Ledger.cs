using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Json;

namespace RentalRules.Evaluation;

/// <summary>One quota counter: the vacancies counted in one department and counting scope (e.g. family dwellings).</summary>
/// <param name="Department">The department id.</param>
/// <param name="Counter">The counting scope declared by the pack's routing rule, e.g. <c>family</c>, <c>youth</c>, <c>accessible-half</c>.</param>
/// <param name="Tier">The tier the department had when the counter last counted.</param>
/// <param name="Counted">Vacancies counted (k of the last one).</param>
/// <param name="Municipal">Of those, municipal allocations.</param>
/// <param name="Flexible">Of the others, let flexibly.</param>
public sealed record LedgerCounter(string Department, string Counter, string Tier, long Counted, long Municipal, long Flexible)
{
    /// <summary>Counted vacancies that did not go to the municipality.</summary>
    public long NonMunicipal => Counted - Municipal;

    /// <summary>
    /// The allocations the municipality is due from this counter: the exact sum, over the counted vacancies, of the
    /// share each was counted with. <c>null</c> when that sum is <see cref="Counted"/> × the share of <see cref="Tier"/>,
    /// i.e. until a tier change with another share (and in ledgers of format version 1). Across a tier change the sum
    /// carries on, so the municipality keeps what the shares of each period give it.
    /// </summary>
    public Fraction? Due { get; init; }
}

/// <summary>
/// The quota ledger: the counters a host stores between routings, as plain, versioned JSON. Immutable: routing returns
/// a new ledger with <see cref="ChangeCounter"/> one higher, so a host can store it with optimistic concurrency
/// ("update … where changeCounter = old"). The JSON carries a SHA-256 checksum of its counters, so that a corrupt or
/// hand-edited ledger is refused rather than silently reset. Thread-safe (immutable).
/// </summary>
public sealed class Ledger
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
    public IReadOnlyList<(string Department, string Stairwell, IReadOnlyList<DateOnly> Dates)> RecentAllocations
        => _allocations.Select(a => (a.Key.Department, a.Key.Stairwell, (IReadOnlyList<DateOnly>)a.Value)).ToList();

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

    /// <summary>Writes the ledger as indented JSON with its checksum.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteStartObject("pack");
            w.WriteString("id", PackId);
            w.WriteString("version", PackVersion);
            w.WriteEndObject();
            w.WriteNumber("changeCounter", ChangeCounter);
            w.WriteStartArray("counters");
            foreach (var c in _counters.Values)
            {
                w.WriteStartObject();
                w.WriteString("department", c.Department);
                w.WriteString("counter", c.Counter);
                w.WriteString("tier", c.Tier);
                w.WriteNumber("counted", c.Counted);
                w.WriteNumber("municipal", c.Municipal);
                w.WriteNumber("flexible", c.Flexible);
                if (c.Due is { } due)
                {
                    w.WriteString("due", due.ToString());
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (!_allocations.IsEmpty)
            {
                w.WriteStartArray("allocations");
                foreach (var ((department, stairwell), dates) in _allocations)
                {
                    w.WriteStartObject();
                    w.WriteString("department", department);
                    if (stairwell.Length == 0)
                    {
                        w.WriteNull("stairwell");
                    }
                    else
                    {
                        w.WriteString("stairwell", stairwell);
                    }

                    w.WriteStartArray("dates");
                    foreach (var d in dates)
                    {
                        w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteString("checksum", Checksum(FormatVersion, PackId, PackVersion, ChangeCounter, _counters.Values, _allocations));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Reads a ledger, refusing one that is malformed, inconsistent (e.g. more municipal allocations than vacancies),
    /// fails its checksum, or was kept under another pack than <paramref name="expectedPackId"/>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="expectedPackId">The id of the pack the ledger will be used with, or <c>null</c> to accept any.</param>
    /// <returns>The ledger, or the diagnostics that refuse it.</returns>
    public static LoadResult<Ledger> Parse(string json, string file, string? expectedPackId = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (root, error) = JsonText.Parse(json, file);
        if (root is null)
        {
            return new LoadResult<Ledger>(null, [error!]);
        }

        var diagnostics = new List<Diagnostic>();
        var r = new NodeReader(diagnostics, facts: false);
        if (!r.ExpectObject(root, "A ledger"))
        {
            return new LoadResult<Ledger>(null, diagnostics);
        }

        r.CheckProperties(root, "A ledger", ["format", "formatVersion", "pack", "changeCounter", "counters", "allocations", "checksum"]);
        var format = r.String(r.Required(root, "format", "A ledger"));
        if (format is not null && format != FormatName)
        {
            r.Report(Descriptors.NotALedger, root["format"]!.Location, FormatName);
            return new LoadResult<Ledger>(null, diagnostics);
        }

        var version = r.Integer(r.Required(root, "formatVersion", "A ledger"));
        if (version is not null && version is not (1 or FormatVersion))
        {
            r.Report(Descriptors.LedgerVersion, root["formatVersion"]!.Location, version, FormatVersion);
        }

        string? packId = null;
        string? packVersion = null;
        if (r.Required(root, "pack", "A ledger") is { } packNode && r.ExpectObject(packNode, "pack"))
        {
            r.CheckProperties(packNode, "pack", ["id", "version"]);
            packId = r.String(r.Required(packNode, "id", "pack"), nonEmpty: true);
            packVersion = r.String(r.Required(packNode, "version", "pack"));
            if (packId is not null && expectedPackId is not null && packId != expectedPackId)
            {
                r.Report(Descriptors.LedgerForeign, packNode["id"]!.Location, packId, expectedPackId);
            }
        }

        decimal? Count(JNode? node)
        {
            var value = r.Number(node, 0m, MaxCount);
            if (value is not null && value != decimal.Truncate(value.Value))
            {
                r.Report(Descriptors.LedgerCountNotWhole, node!.Location);
                return null;
            }

            return value;
        }

        var changeCounter = Count(r.Required(root, "changeCounter", "A ledger"));
        var counters = ImmutableSortedDictionary.CreateBuilder<(string, string), LedgerCounter>(KeyComparer.Instance);
        var items = r.Array(r.Required(root, "counters", "A ledger"), n =>
        {
            if (!r.ExpectObject(n, "A counter"))
            {
                return null;
            }

            r.CheckProperties(n, "A counter", version == 1 ? ["department", "counter", "tier", "counted", "municipal", "flexible"] : ["department", "counter", "tier", "counted", "municipal", "flexible", "due"]);
            var department = r.String(r.Required(n, "department", "A counter"), nonEmpty: true);
            var counter = r.String(r.Required(n, "counter", "A counter"), nonEmpty: true);
            var tier = r.String(r.Required(n, "tier", "A counter"), nonEmpty: true);
            var counted = Count(r.Required(n, "counted", "A counter"));
            var municipal = Count(r.Required(n, "municipal", "A counter"));
            var flexible = Count(r.Required(n, "flexible", "A counter"));
            if (department is null || counter is null || tier is null || counted is null || municipal is null || flexible is null)
            {
                return null;
            }

            if (municipal > counted || flexible > counted - municipal)
            {
                r.Report(Descriptors.LedgerCounterInconsistent, n.Location);
                return null;
            }

            Fraction? due = null;
            if (n["due"] is { IsNull: false } dueNode)
            {
                var text = r.String(dueNode);
                if (text is null)
                {
                    return null;
                }

                if (!Fraction.TryParse(text, out var parsed) || parsed.CompareTo(new Fraction((long)counted, 1)) > 0)
                {
                    r.Report(Descriptors.LedgerDueInvalid, dueNode.Location);
                    return null;
                }

                due = parsed;
            }

            var item = new LedgerCounter(department, counter, tier, (long)counted, (long)municipal, (long)flexible) { Due = due };
            if (!counters.TryAdd((department, counter), item))
            {
                r.Report(Descriptors.LedgerDuplicateCounter, n.Location);
            }

            return item;
        });

        var allocations = ImmutableSortedDictionary.CreateBuilder<(string, string), ImmutableArray<DateOnly>>(KeyComparer.Instance);
        r.Array(root["allocations"], n =>
        {
            if (!r.ExpectObject(n, "An allocation history"))
            {
                return null;
            }

            r.CheckProperties(n, "An allocation history", ["department", "stairwell", "dates"]);
            var department = r.String(r.Required(n, "department", "An allocation history"), nonEmpty: true);
            var stairwell = r.String(n["stairwell"]) ?? "";
            var dates = r.Array(r.Required(n, "dates", "An allocation history"), d => r.Date(d) is { } date ? new Boxed(date) : null);
            if (department is not null && dates is not null && !allocations.TryAdd((department, stairwell), dates.Select(b => b.Date).Order().ToImmutableArray()))
            {
                r.Report(Descriptors.LedgerDuplicateStairwell, n.Location);
            }

            return department;
        });

        var checksum = r.String(r.Required(root, "checksum", "A ledger"));
        if (diagnostics.Count == 0 && items is not null && packId is not null && changeCounter is not null
            && checksum != Checksum((int)(version ?? FormatVersion), packId, packVersion ?? "", (long)changeCounter, counters.Values, allocations.ToImmutable()))
        {
            r.Report(Descriptors.LedgerChecksum, root["checksum"]!.Location);
        }

        var ledger = diagnostics.Count == 0 ? new Ledger(packId!, packVersion ?? "", (long)changeCounter!, counters.ToImmutable(), allocations.ToImmutable()) : null;
        return new LoadResult<Ledger>(ledger, diagnostics);
    }

    private static string Checksum(int formatVersion, string packId, string packVersion, long changeCounter, IEnumerable<LedgerCounter> counters, ImmutableSortedDictionary<(string, string), ImmutableArray<DateOnly>> allocations)
    {
        var sb = new StringBuilder();
        sb.Append(FormatName).Append('\u001f').Append(formatVersion.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(packId).Append('\u001f').Append(packVersion).Append('\n').Append(changeCounter.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var c in counters)
        {
            sb.Append(c.Department).Append('\u001f').Append(c.Counter).Append('\u001f').Append(c.Tier).Append('\u001f')
                .Append(c.Counted.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(c.Municipal.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(c.Flexible.ToString(CultureInfo.InvariantCulture));
            if (c.Due is { } due)
            {
                sb.Append('\u001f').Append(due.ToString());
            }

            sb.Append('\n');
        }

        foreach (var ((department, stairwell), dates) in allocations)
        {
            sb.Append("allocations\u001f").Append(department).Append('\u001f').Append(stairwell).Append('\u001f')
                .Append(string.Join(",", dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))).Append('\n');
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private sealed record Boxed(DateOnly Date);

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
