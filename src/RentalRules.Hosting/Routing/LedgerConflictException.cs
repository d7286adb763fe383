namespace RentalRules.Hosting.Routing;

/// <summary>
/// Thrown when a database journal store stayed in conflict (deadlocks, a busy database, the same vacancy recorded at
/// once elsewhere) under every attempt. Nothing was recorded; the routing can be repeated. Frequent conflicts mean many
/// processes route in one department at once: raise <see cref="RentalRulesOptions.MaxRoutingAttempts"/>.
/// Its properties are read-only: safe to read from any thread.
/// </summary>
public sealed class LedgerConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ledgerKey">The ledger's key (the pack id).</param>
    /// <param name="attempts">The attempts made.</param>
    public LedgerConflictException(string ledgerKey, int attempts)
        : base($"The decision journal '{ledgerKey}' was in conflict with another writer under each of {attempts} routing attempts; nothing was recorded. Route the vacancy again, or raise RentalRulesOptions.MaxRoutingAttempts if many processes share the journal store.")
    {
        LedgerKey = ledgerKey;
        Attempts = attempts;
    }

    /// <summary>The ledger's key (the pack id).</summary>
    public string LedgerKey { get; }

    /// <summary>The attempts made.</summary>
    public int Attempts { get; }
}
