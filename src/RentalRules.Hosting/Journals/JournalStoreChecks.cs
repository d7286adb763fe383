using RentalRules.Diagnostics;

namespace RentalRules.Hosting.Journals;

/// <summary>Checks and errors every <see cref="IJournalStore"/> makes the same way.</summary>
internal static class JournalStoreChecks
{
    /// <summary>The version of the database schema this library creates and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Refuses a journal kept for another municipality than the key's.</summary>
    public static void CheckSameJournal(JournalKey journal, string? storedMunicipality, string where)
    {
        if (!string.Equals(storedMunicipality ?? "", journal.Municipality ?? "", StringComparison.Ordinal))
        {
            throw Refused(DiagnosticCodes.JournalForeign, $"The journal of the pack '{journal.PackId}' was kept for the municipality '{storedMunicipality ?? "(none)"}', not '{journal.Municipality ?? "(none)"}'.", where, "Use the journal of this municipality; a journal is never reset or taken over silently.");
        }
    }

    /// <summary>Throws unless the step's entry is the write's vacancy and department, one revision above the entry in force.</summary>
    public static void CheckChange(JournalKey journal, JournalWrite write, Evaluation.JournalEntry? inForce, JournalChange change)
    {
        var e = change.Entry;
        if (e.VacancyId != write.VacancyId || e.DepartmentId != write.DepartmentId || e.PackId != journal.PackId || e.Revision != (inForce?.Revision ?? 0) + 1 || change.Ledger.PackId != journal.PackId)
        {
            throw new ArgumentException($"The routing step returned an entry for '{e.VacancyId}' revision {e.Revision} in department '{e.DepartmentId}' under '{e.PackId}'; the write is for '{write.VacancyId}' in '{write.DepartmentId}' under '{journal.PackId}', revision {(inForce?.Revision ?? 0) + 1}.", nameof(write));
        }
    }

    /// <summary>A refusal with one located diagnostic.</summary>
    public static RentalRulesException Refused(string code, string message, string where, string hint)
        => new([new Diagnostic(Severity.Error, code, message, new SourceLocation(where, "$", 1, 1), hint)]);

    /// <summary>Refuses a database schema newer than this library.</summary>
    public static RentalRulesException NewerSchema(int version, string where)
        => Refused(DiagnosticCodes.JournalNewer, $"The journal database has schema version {version}; this library reads version {SchemaVersion}.", where, "Upgrade RentalRules to the version that migrated the database; it is never downgraded or reset.");
}
