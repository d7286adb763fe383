using RentalRules.Evaluation;

namespace RentalRules.Hosting.Journals;

/// <summary>
/// Which journal: the one kept under a pack id for a municipality.
/// Immutable: safe to share across threads.
/// </summary>
/// <param name="PackId">The pack id (a new version of the pack continues its journal).</param>
/// <param name="Municipality">The pack's municipality, or <c>null</c> for a national pack; a store refuses a journal kept for another.</param>
public sealed record JournalKey(string PackId, string? Municipality);

/// <summary>
/// What a routing step records: a new entry and the ledger after it.
/// Immutable once built: safe to share across threads.
/// </summary>
/// <param name="Entry">The entry to append (revision 1, or one higher than the entry in force).</param>
/// <param name="Ledger">The ledger after the routing: the state of the departments read, changed by the routing.</param>
public sealed record JournalChange(JournalEntry Entry, Ledger Ledger);

/// <summary>
/// One routing inside a store's transaction: given the vacancy's entry in force (or <c>null</c>) and the ledger of the
/// departments involved, what to record, or <c>null</c> to record nothing. Must be pure: a store may run it again after
/// a conflict.
/// </summary>
/// <param name="inForce">The vacancy's entry in force, read inside the transaction.</param>
/// <param name="state">The ledger of the vacancy's department (and of the department of the entry in force).</param>
/// <returns>The change, or <c>null</c>.</returns>
public delegate JournalChange? JournalStep(JournalEntry? inForce, Ledger state);

/// <summary>
/// One write of a batch: the vacancy, its department and the step.
/// Immutable once built; its step may be called on any thread the store runs it on, once per attempt, so it must not depend on the caller's thread.
/// </summary>
/// <param name="VacancyId">The host's vacancy id.</param>
/// <param name="DepartmentId">The vacancy's department.</param>
/// <param name="Step">The routing step.</param>
public sealed record JournalWrite(string VacancyId, string DepartmentId, JournalStep Step);

/// <summary>
/// Where decision journals are kept: entries by vacancy id (every revision), and the quota counters kept in the same
/// transaction as the entries, so that a routing is recorded and counted wholly or not at all. One contract for every
/// store (in memory, a file, SQLite, PostgreSQL), checked by one shared test suite. Implementations are thread-safe and,
/// where the store is shared, safe across processes: two routings of one department are serialised (a lock or
/// optimistic concurrency), routings of different departments need not be. A journal kept for another municipality,
/// a corrupt or hand-edited entry, and a store schema newer than the library are refused with a
/// <see cref="Diagnostics.RentalRulesException"/>, never reset.
/// </summary>
public interface IJournalStore
{
    /// <summary>The vacancy's entry in force (its highest revision), or <c>null</c> when it was never recorded.</summary>
    /// <param name="journal">The journal.</param>
    /// <param name="vacancyId">The host's vacancy id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry.</returns>
    Task<JournalEntry?> FindAsync(JournalKey journal, string vacancyId, CancellationToken cancellationToken = default);

    /// <summary>Every entry of the journal, re-routed ones included, in the order they were recorded.</summary>
    /// <param name="journal">The journal.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(JournalKey journal, CancellationToken cancellationToken = default);

    /// <summary>The journal's quota counters, all departments, or <c>null</c> when nothing was recorded.</summary>
    /// <param name="journal">The journal.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ledger.</returns>
    Task<Ledger?> GetLedgerAsync(JournalKey journal, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically: reads the vacancy's entry in force and the ledger of its department (and of the entry's department),
    /// runs the write's step, and stores the entry and the ledger it returns. Concurrent writes for the same
    /// vacancy or department are serialised.
    /// </summary>
    /// <param name="journal">The journal.</param>
    /// <param name="write">The vacancy, its department and the step.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write has recorded nothing.</param>
    /// <returns>The vacancy's entry in force afterwards (the new one, or the one already recorded), or <c>null</c>.</returns>
    Task<JournalEntry?> WriteAsync(JournalKey journal, JournalWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Several writes in order, as one batch where the store can (a file store locks and rewrites the file once);
    /// otherwise one after the other.
    /// </summary>
    /// <param name="journal">The journal.</param>
    /// <param name="writes">The writes, in order.</param>
    /// <param name="cancellationToken">Cancels the writes not yet made.</param>
    /// <returns>For each write, the vacancy's entry in force afterwards.</returns>
    async Task<IReadOnlyList<JournalEntry?>> WriteAllAsync(JournalKey journal, IReadOnlyList<JournalWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var results = new List<JournalEntry?>(writes.Count);
        foreach (var w in writes)
        {
            results.Add(await WriteAsync(journal, w, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }
}
