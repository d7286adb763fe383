using RentalRules.Evaluation;

namespace RentalRules.Hosting.Ledgers;

/// <summary>
/// Where quota ledgers are kept between routings, one per key (the router uses the pack id), with optimistic
/// concurrency on <see cref="Ledger.ChangeCounter"/>: a ledger replaces the stored one only if the stored one is still
/// the one the caller read. Implementations must be thread-safe, and safe across processes if several share the store.
/// </summary>
public interface ILedgerStore
{
    /// <summary>The stored ledger, or <c>null</c> when none is stored under the key.</summary>
    /// <param name="key">The ledger's key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ledger.</returns>
    Task<Ledger?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="ledger"/> under the key if the stored ledger's change counter is still
    /// <paramref name="expectedChangeCounter"/>; with <paramref name="expectedChangeCounter"/> 0 it also stores the first
    /// ledger under a key that has none. Atomic: of two callers that read the same ledger, at most one succeeds.
    /// </summary>
    /// <param name="key">The ledger's key.</param>
    /// <param name="expectedChangeCounter">The change counter of the ledger read with <see cref="GetAsync"/>, or 0 when it returned <c>null</c>.</param>
    /// <param name="ledger">The new ledger; its change counter must be higher than <paramref name="expectedChangeCounter"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><c>true</c> when stored; <c>false</c> on a conflict (another writer got there first: read again and retry).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The ledger's change counter is not higher than the expected one.</exception>
    Task<bool> TryReplaceAsync(string key, long expectedChangeCounter, Ledger ledger, CancellationToken cancellationToken = default);
}
