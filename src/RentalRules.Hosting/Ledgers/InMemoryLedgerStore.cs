using System.Collections.Concurrent;
using RentalRules.Evaluation;

namespace RentalRules.Hosting.Ledgers;

/// <summary>
/// Ledgers in process memory: for tests, samples and single-process hosts that can afford to lose the counts on a
/// restart. Thread-safe (compare-and-swap on a concurrent dictionary); not shared between processes.
/// </summary>
public sealed class InMemoryLedgerStore : ILedgerStore
{
    private readonly ConcurrentDictionary<string, Ledger> _ledgers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<Ledger?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_ledgers.GetValueOrDefault(key));
    }

    /// <inheritdoc />
    public Task<bool> TryReplaceAsync(string key, long expectedChangeCounter, Ledger ledger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(ledger);
        LedgerStoreChecks.CheckAdvances(expectedChangeCounter, ledger);
        cancellationToken.ThrowIfCancellationRequested();
        if (_ledgers.TryGetValue(key, out var stored))
        {
            // TryUpdate compares by reference: it succeeds only if nobody replaced the ledger read here.
            return Task.FromResult(stored.ChangeCounter == expectedChangeCounter && _ledgers.TryUpdate(key, ledger, stored));
        }

        return Task.FromResult(expectedChangeCounter == 0 && _ledgers.TryAdd(key, ledger));
    }
}
