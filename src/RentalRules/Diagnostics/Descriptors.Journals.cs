namespace RentalRules.Diagnostics;

/// <summary>The descriptors of ledgers and decision journals (RR05xx).</summary>
internal static partial class Descriptors
{
    private const string LedgerCorrupt = "The ledger is corrupt; restore it from the host's store.";
    private const string EntryCorrupt = "The entry is corrupt; restore the journal from a backup.";

    public static readonly DiagnosticDescriptor NotALedger = Error(DiagnosticCodes.LedgerInvalid, "This is not a RentalRules ledger.", "A ledger has \"format\": \"{0}\".");
    public static readonly DiagnosticDescriptor LedgerVersion = Error(DiagnosticCodes.LedgerInvalid, "The ledger has format version {0}; this library reads versions 1 to {1}.", "Use the library version that wrote it, or migrate the ledger.");
    public static readonly DiagnosticDescriptor LedgerCountNotWhole = Error(DiagnosticCodes.LedgerInvalid, "A count must be a whole number.", LedgerCorrupt);
    public static readonly DiagnosticDescriptor LedgerCounterInconsistent = Error(DiagnosticCodes.LedgerInvalid, "The counter is inconsistent: more allocations than counted vacancies.", LedgerCorrupt);
    public static readonly DiagnosticDescriptor LedgerDueInvalid = Error(DiagnosticCodes.LedgerInvalid, "The counter's due is not an exact fraction between 0 and the counted vacancies.", LedgerCorrupt);
    public static readonly DiagnosticDescriptor LedgerDuplicateCounter = Error(DiagnosticCodes.LedgerInvalid, "The same department and counter appear twice.", LedgerCorrupt);
    public static readonly DiagnosticDescriptor LedgerDuplicateStairwell = Error(DiagnosticCodes.LedgerInvalid, "The same department and stairwell appear twice.", LedgerCorrupt);
    public static readonly DiagnosticDescriptor LedgerChecksum = Error(DiagnosticCodes.LedgerInvalid, "The ledger's checksum does not match its counters: it was changed outside RentalRules or is corrupt.", "Restore the ledger from the host's store; counts are never reset silently.");
    public static readonly DiagnosticDescriptor LedgerForeign = Error(DiagnosticCodes.LedgerForeign, "The ledger was kept under the pack '{0}', not '{1}'.", "Use the ledger of this pack, or start a new ledger for it; a ledger is never reset silently.");

    public static readonly DiagnosticDescriptor EntryRoute = Error(DiagnosticCodes.JournalInvalid, "'{0}' is not a route a journal records.", EntryCorrupt);
    public static readonly DiagnosticDescriptor EntryShare = Error(DiagnosticCodes.JournalInvalid, "The municipal share is not a fraction.", EntryCorrupt);
    public static readonly DiagnosticDescriptor EntryRecordedAt = Error(DiagnosticCodes.JournalInvalid, "The recording time is not an ISO 8601 time stamp.", EntryCorrupt);
    public static readonly DiagnosticDescriptor EntryChecksum = Error(DiagnosticCodes.JournalInvalid, "The journal entry of vacancy '{0}' does not match its checksum: it was changed outside RentalRules or is corrupt.", "Restore the journal from a backup; a journal is never repaired or reset silently.");
    public static readonly DiagnosticDescriptor NotAJournal = Error(DiagnosticCodes.JournalInvalid, "This is not a RentalRules decision journal.", "A journal has \"format\": \"{0}\"; a ledger file is read with --ledger.");
    public static readonly DiagnosticDescriptor JournalUnknownVersion = Error(DiagnosticCodes.JournalInvalid, "The journal has format version {0}, which no RentalRules version wrote.", "Restore the journal from a backup.");
    public static readonly DiagnosticDescriptor JournalEntryOfOtherPack = Error(DiagnosticCodes.JournalInvalid, "An entry of the journal was recorded under another pack.", "The journal is corrupt; restore it from a backup.");
    public static readonly DiagnosticDescriptor JournalChecksum = Error(DiagnosticCodes.JournalInvalid, "The journal's checksum does not match its ledger and entries: entries were changed, removed or reordered outside RentalRules, or the file is corrupt.", "Restore the journal from a backup; a journal is never repaired or reset silently.");
    public static readonly DiagnosticDescriptor JournalNewer = Error(DiagnosticCodes.JournalNewer, "The journal has format version {0}; this library reads version {1}.", "Use the RentalRules version that wrote it or a later one; the journal is left unchanged.");
    public static readonly DiagnosticDescriptor JournalOfOtherPack = Error(DiagnosticCodes.JournalForeign, "The journal was kept under the pack '{0}', not '{1}'.", "Use the journal of this pack, or start a new journal file for it; a journal is never reset silently.");
    public static readonly DiagnosticDescriptor JournalOfOtherMunicipality = Error(DiagnosticCodes.JournalForeign, "The journal was kept for the municipality '{0}', not '{1}'.", "Use the journal of this municipality; a journal is never reset silently.");
}
