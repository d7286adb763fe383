namespace RentalRules.Diagnostics;

/// <summary>
/// The descriptors of the problems the CLI and the hosting packages report about their own inputs and stores, and of
/// the pack tests (RR06xx): the same table, so that their wording is listed and checked with the library's.
/// </summary>
internal static partial class Descriptors
{
    private const string VacancyDepartmentHint = "Every vacancy's \"department\" must be the id of a department in the departments file.";

    // RR0002: files the CLI and the hosts read and write.
    public static readonly DiagnosticDescriptor InputIsFolder = Error(DiagnosticCodes.FileUnreadable, "This is a folder, not a file.", "Name a JSON file.");
    public static readonly DiagnosticDescriptor InputUnreadable = Error(DiagnosticCodes.FileUnreadable, "Cannot read the file: {0}.", "Check the path.");
    public static readonly DiagnosticDescriptor OutputUnwritable = Error(DiagnosticCodes.FileUnreadable, "Cannot write the {0}: {1}", "Check the path.");
    public static readonly DiagnosticDescriptor OutputReplaceFailed = Error(DiagnosticCodes.FileUnreadable, "Cannot write the {0}: {1}", "The old {0} was left unchanged; check the folder's permissions and free space.");
    public static readonly DiagnosticDescriptor OutputExists = Error(DiagnosticCodes.FileUnreadable, "The file exists already; new-draft never replaces a file unasked.", "Choose another --out, or add --force to replace it.");
    public static readonly DiagnosticDescriptor LedgerUnwritable = Error(DiagnosticCodes.FileUnreadable, "Cannot write the ledger.", "The old ledger was left unchanged; check the path, the folder's permissions and free space.");
    public static readonly DiagnosticDescriptor LedgerReplaceFailed = Error(DiagnosticCodes.FileUnreadable, "Cannot write the ledger: {0}", "The old ledger was left unchanged; check the path and the folder's permissions.");
    public static readonly DiagnosticDescriptor JournalUnwritable = Error(DiagnosticCodes.FileUnreadable, "Cannot write the journal: {0}", "Nothing more was recorded; check the path or connection, permissions and free space.");
    public static readonly DiagnosticDescriptor JournalFileMissing = Error(DiagnosticCodes.FileUnreadable, "Cannot read the journal: the file does not exist.", "Name the file route --journal wrote.");
    public static readonly DiagnosticDescriptor JournalUnreadable = Error(DiagnosticCodes.FileUnreadable, "Cannot read the journal: {0}", "Check the path or the connection string.");
    public static readonly DiagnosticDescriptor HouseholdFileChanged = Error(DiagnosticCodes.FileUnreadable, "The household file changed while it was read: a household that read in the first pass no longer does. No offer lists were written.", "Run offer again on a file that is not being written to.");
    public static readonly DiagnosticDescriptor PackFileUnreadable = Error(DiagnosticCodes.FileUnreadable, "Cannot read the pack: {0}", "Check the file; it is read again on the next change.");

    // RR0107: the pack folder of a host.
    public static readonly DiagnosticDescriptor OlderThanBuiltIn = Error(DiagnosticCodes.BasePack, "The pack {0} {1} is older than the built-in pack {2} {3}, which is served instead.", "Give this pack a version later than {3} to override the built-in pack, or remove the file.");

    // RR0303: fact files as the CLI commands need them (ids to count and list by).
    public static readonly DiagnosticDescriptor DepartmentWithoutIdToCount = Error(DiagnosticCodes.FactInvalid, "A department has no id; routing counts per department.", "Give every department an \"id\".");
    public static readonly DiagnosticDescriptor DepartmentWithoutIdToName = Error(DiagnosticCodes.FactInvalid, "A department has no id; vacancies name their department by id.", "Give every department an \"id\".");
    public static readonly DiagnosticDescriptor VacancyWithoutDepartment = Error(DiagnosticCodes.FactInvalid, "The vacancy names no department.", VacancyDepartmentHint);
    public static readonly DiagnosticDescriptor VacancyDepartmentUnknown = Error(DiagnosticCodes.FactInvalid, "The vacancy names the department '{0}', which is not in {1}.", VacancyDepartmentHint);
    public static readonly DiagnosticDescriptor VacancyWithoutId = Error(DiagnosticCodes.FactInvalid, "The vacancy has no id; the decision journal is keyed by vacancy id.", "Give every vacancy the host's \"id\".");
    public static readonly DiagnosticDescriptor HouseholdWithoutId = Error(DiagnosticCodes.FactInvalid, "A household has no id; an offer list names households by id.", "Give every household the host's \"id\" (a case number, never a CPR number).");
    public static readonly DiagnosticDescriptor CandidateNotAHousehold = Error(DiagnosticCodes.FactInvalid, "The vacancy's candidate {0} (candidates[{1}]) is not a household in {2}.", "List only households of the household file, by their \"id\".");

    // RR050x: journal stores.
    public static readonly DiagnosticDescriptor StoredJournalOfOtherMunicipality = Error(DiagnosticCodes.JournalForeign, "The journal of the pack '{0}' was kept for the municipality '{1}', not '{2}'.", "Use the journal of this municipality; a journal is never reset or taken over silently.");
    public static readonly DiagnosticDescriptor JournalRowMismatch = Error(DiagnosticCodes.JournalInvalid, "The journal entry does not belong to its row (vacancy, revision or pack differ).", "The row was changed outside RentalRules; restore it from a backup.");
    public static readonly DiagnosticDescriptor QuotaRowMismatch = Error(DiagnosticCodes.JournalInvalid, "A department's quota state holds counters of another department.", "The row was changed outside RentalRules; restore it from a backup.");
    public static readonly DiagnosticDescriptor JournalSchemaNewer = Error(DiagnosticCodes.JournalNewer, "The journal database has schema version {0}; this library reads version {1}.", "Upgrade RentalRules to the version that migrated the database; it is never downgraded or reset.");
    public static readonly DiagnosticDescriptor NothingToReroute = Error(DiagnosticCodes.JournalUnknownVacancy, "The vacancy '{0}' has no recorded decision under the pack '{1}', so it cannot be re-routed.", "Route it first; re-routing corrects a recorded decision.");

    // RR0601, RR0602: pack tests.
    public static readonly DiagnosticDescriptor PackHasNoTests = Error(DiagnosticCodes.PackTestsMissing, "The pack '{0}' has no tests: there is no {1} beside it.", "Write the cases the pack must answer in that file (docs/tutorial-draft.md shows one).");
    public static readonly DiagnosticDescriptor BasePackHasNoTests = new("", DiagnosticCodes.PackTestsMissing, Severity.Info, "The base pack '{0}' has no tests to run on this draft.", "Only the draft's own cases run; write ID.tests.json beside the base pack to run its cases on drafts too.");
    public static readonly DiagnosticDescriptor ClausesUncovered = Error(DiagnosticCodes.PackTestsUncovered, "No case cites {0} {1} of the {2} pack '{3}'.", "Add a case that exercises each of them and lists it in \"clauses\"{4}");

    // RR0900.
    public static readonly DiagnosticDescriptor PackLoadFailed = Error(DiagnosticCodes.InternalError, "RentalRules failed while loading this pack ({0}); it is not served.", "This is a fault in RentalRules, not an error the diagnostics could name: report it with the file. The other packs are served; the file is loaded again when it changes.");
}
