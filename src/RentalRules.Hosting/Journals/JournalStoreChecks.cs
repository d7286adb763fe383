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
            throw Refused(Descriptors.StoredJournalOfOtherMunicipality, where, journal.PackId, storedMunicipality ?? "(none)", journal.Municipality ?? "(none)");
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
    public static RentalRulesException Refused(DiagnosticDescriptor descriptor, string where, params object?[] args)
        => new([descriptor.At(new SourceLocation(where, "$", 1, 1), args)]);

    /// <summary>Refuses a database schema newer than this library.</summary>
    public static RentalRulesException NewerSchema(int version, string where)
        => Refused(Descriptors.JournalSchemaNewer, where, version, SchemaVersion);
}
