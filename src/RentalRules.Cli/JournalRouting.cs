using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Hosting.Journals;
using RentalRules.Packs;

namespace RentalRules.Cli;

/// <summary>The file side of <c>route</c>: the journal file through the file journal store, and the ledger file under the same lock.</summary>
internal static class JournalRouting
{
    /// <summary>How long a run waits for another run's lock on the same file.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Routes the vacancies into the journal file as one batch under its lock; null (errors printed) when the journal is refused.</summary>
    public static (List<RoutingDecision>, Ledger)? Route(RulePack pack, Dictionary<string, Department> byId, IReadOnlyList<Vacancy> items, FactFile<Vacancy> file, DateOnly date, string journalPath, TextWriter stderr)
        => Route(pack, byId, items, file, date, new FileJournalStore(journalPath, LockTimeout), journalPath, stderr);

    /// <summary>A journal store for <c>--journal FILE</c> (a JSON journal, or a SQLite database by its header) or <c>--connection</c> (PostgreSQL).</summary>
    public static IJournalStore Open(string? journalPath, string? connection)
    {
        if (connection is not null)
        {
            return new Hosting.PostgreSql.PostgreSqlJournalStore(connection);
        }

        var path = journalPath!;
        if (File.Exists(path))
        {
            var header = new byte[16];
            using (var stream = File.OpenRead(path))
            {
                _ = stream.Read(header);
            }

            if (System.Text.Encoding.ASCII.GetString(header).StartsWith("SQLite format 3", StringComparison.Ordinal))
            {
                return Hosting.Sqlite.SqliteJournalStore.ForFile(path);
            }
        }

        return new FileJournalStore(path, LockTimeout);
    }

    /// <summary>Routes the vacancies into a journal store (one batch where the store can); null (errors printed) when the journal is refused.</summary>
    public static (List<RoutingDecision>, Ledger)? Route(RulePack pack, Dictionary<string, Department> byId, IReadOnlyList<Vacancy> items, FactFile<Vacancy> file, DateOnly date, IJournalStore store, string where, TextWriter stderr)
    {
        var problems = new List<Diagnostic>();
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Id))
            {
                problems.Add(Descriptors.VacancyWithoutId.At(file.LocationOf(i)));
            }
        }

        if (problems.Count > 0)
        {
            CommonOptions.PrintErrors(problems, stderr);
            return null;
        }

        var key = new JournalKey(pack.Id, pack.Municipality);
        var fresh = new RoutingDecision?[items.Count];
        var recordedAt = TimeProvider.System.GetUtcNow();
        var writes = items.Select((v, i) => new JournalWrite(v.Id!, v.Department!, (inForce, state) =>
        {
            if (inForce is not null)
            {
                fresh[i] = null;
                return null;
            }

            var r = pack.Record(new RoutingRequest(byId[v.Department!], v, v.VacatedOn ?? date) { Ledger = state }, recordedAt);
            fresh[i] = r.Decision;
            return r.Entry is null ? null : new JournalChange(r.Entry, r.Ledger);
        })).ToList();
        try
        {
            var entries = store.WriteAllAsync(key, writes).GetAwaiter().GetResult();
            var decisions = entries.Select((e, i) => fresh[i] ?? e!.ToDecision()).ToList();
            var ledger = store.GetLedgerAsync(key).GetAwaiter().GetResult() ?? pack.NewLedger();
            return (decisions, ledger);
        }
        catch (RentalRulesException ex)
        {
            CommonOptions.PrintErrors(ex.Diagnostics, stderr);
            stderr.WriteLine($"rentalrules: the journal {where} was refused and left unchanged; nothing was routed.");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException or System.Data.Common.DbException or Hosting.Routing.LedgerConflictException)
        {
            stderr.WriteLine(Descriptors.JournalUnwritable.At(new SourceLocation(where, "$", 1, 1), ex.Message));
            return null;
        }
    }

    /// <summary>Runs <paramref name="body"/> holding the lock of <paramref name="path"/>; null (error printed) when the lock is not had.</summary>
    public static T? WithLock<T>(string path, TextWriter stderr, Func<T?> body)
        where T : struct
    {
        try
        {
            using var held = new LockHolder(FileLock.AcquireAsync(Path.GetFullPath(path), LockTimeout, CancellationToken.None).GetAwaiter().GetResult());
            return body();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException or ArgumentException)
        {
            stderr.WriteLine(Descriptors.LedgerReplaceFailed.At(new SourceLocation(path, "$", 1, 1), ex.Message));
            return null;
        }
    }

    private sealed class LockHolder(FileLock held) : IDisposable
    {
        public void Dispose() => held.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
