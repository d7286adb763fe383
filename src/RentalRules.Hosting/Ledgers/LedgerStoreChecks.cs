using RentalRules.Evaluation;

namespace RentalRules.Hosting.Ledgers;

/// <summary>Argument checks every <see cref="ILedgerStore"/> makes the same way.</summary>
internal static class LedgerStoreChecks
{
    /// <summary>Throws unless the new ledger's change counter is higher than the expected one (so that a stored ledger can never come back).</summary>
    /// <param name="expectedChangeCounter">The change counter the caller read.</param>
    /// <param name="ledger">The new ledger.</param>
    /// <exception cref="ArgumentOutOfRangeException">The counter is negative or the ledger does not advance it.</exception>
    public static void CheckAdvances(long expectedChangeCounter, Ledger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedChangeCounter);
        if (ledger.ChangeCounter <= expectedChangeCounter)
        {
            throw new ArgumentOutOfRangeException(nameof(ledger), $"The ledger's change counter ({ledger.ChangeCounter}) must be higher than the expected one ({expectedChangeCounter}): store the ledger that routing returned, not the one that was read.");
        }
    }
}
