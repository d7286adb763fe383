namespace RentalRules.Hosting.Routing;

/// <summary>
/// Thrown when a routing found its ledger changed by another writer under every attempt. Nothing was counted; the
/// routing can be repeated. Frequent conflicts mean many processes route in one municipality at once: raise
/// <see cref="RentalRulesOptions.MaxRoutingAttempts"/> or route through one process.
/// </summary>
public sealed class LedgerConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ledgerKey">The ledger's key (the pack id).</param>
    /// <param name="attempts">The attempts made.</param>
    public LedgerConflictException(string ledgerKey, int attempts)
        : base($"The quota ledger '{ledgerKey}' was changed by another writer under each of {attempts} routing attempts; nothing was counted. Route the vacancy again, or raise RentalRulesOptions.MaxRoutingAttempts if many processes share the ledger store.")
    {
        LedgerKey = ledgerKey;
        Attempts = attempts;
    }

    /// <summary>The ledger's key (the pack id).</summary>
    public string LedgerKey { get; }

    /// <summary>The attempts made.</summary>
    public int Attempts { get; }
}
