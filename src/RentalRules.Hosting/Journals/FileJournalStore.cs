using System.Text;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;

namespace RentalRules.Hosting.Journals;

/// <summary>
/// A journal in one JSON file (<see cref="JournalFile"/>), for the CLI and small single-machine hosts. Every write takes
/// an exclusive lock on the file (<c>FILE.lock</c>, see the README), reads the journal, routes, and replaces the file
/// atomically (a temporary file, flushed, then renamed), so concurrent processes serialise and a process killed midway
/// leaves the previous journal whole. A batch (<see cref="WriteAllAsync"/>) holds the lock once. The whole file is read
/// and written per write: cost grows with the journal (about 0.65 s a routing at 1 000 entries, see the benchmarks), so
/// a host that routes vacancy by vacancy into a journal of more than about a thousand entries uses a database store. Thread-safe.
/// </summary>
public sealed class FileJournalStore : IJournalStore
{
    private readonly string _path;
    private readonly TimeSpan _lockTimeout;

    /// <summary>A store in the file at <paramref name="path"/>, created by the first write.</summary>
    /// <param name="path">The journal file.</param>
    /// <param name="lockTimeout">How long to wait for another process's lock (default two minutes).</param>
    public FileJournalStore(string path, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = System.IO.Path.GetFullPath(path);
        _lockTimeout = lockTimeout ?? TimeSpan.FromMinutes(2);
    }

    /// <summary>The journal file's full path.</summary>
    public string Path => _path;

    /// <inheritdoc />
    public async Task<JournalEntry?> FindAsync(JournalKey journal, string vacancyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vacancyId);
        var file = await ReadFileAsync(journal, cancellationToken).ConfigureAwait(false);
        return file?.Entries.LastOrDefault(e => e.VacancyId == vacancyId);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(JournalKey journal, CancellationToken cancellationToken = default)
        => (await ReadFileAsync(journal, cancellationToken).ConfigureAwait(false))?.Entries ?? [];

    /// <inheritdoc />
    public async Task<Ledger?> GetLedgerAsync(JournalKey journal, CancellationToken cancellationToken = default)
        => (await ReadFileAsync(journal, cancellationToken).ConfigureAwait(false))?.Ledger;

    /// <inheritdoc />
    public async Task<JournalEntry?> WriteAsync(JournalKey journal, JournalWrite write, CancellationToken cancellationToken = default)
        => (await WriteAllAsync(journal, [write], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>The writes in order under one lock, with one read and one atomic replacement of the file.</summary>
    /// <param name="journal">The journal.</param>
    /// <param name="writes">The writes.</param>
    /// <param name="cancellationToken">Cancels the batch before the file is replaced; then nothing is recorded.</param>
    /// <returns>For each write, the vacancy's entry in force afterwards.</returns>
    public async Task<IReadOnlyList<JournalEntry?>> WriteAllAsync(JournalKey journal, IReadOnlyList<JournalWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(writes);
        await using var held = await FileLock.AcquireAsync(_path, _lockTimeout, cancellationToken).ConfigureAwait(false);
        var file = await ReadFileAsync(journal, cancellationToken).ConfigureAwait(false);
        var ledger = file?.Ledger ?? Ledger.Empty(journal.PackId, "");
        var entries = file?.Entries.ToList() ?? [];
        var inForce = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            inForce[e.VacancyId] = e;
        }

        var results = new List<JournalEntry?>(writes.Count);
        var changed = false;
        foreach (var w in writes)
        {
            var current = inForce.GetValueOrDefault(w.VacancyId);
            var change = w.Step(current, ledger);
            if (change is null)
            {
                results.Add(current);
                continue;
            }

            JournalStoreChecks.CheckChange(journal, w, current, change);
            entries.Add(change.Entry);
            inForce[w.VacancyId] = change.Entry;
            ledger = change.Ledger;
            results.Add(change.Entry);
            changed = true;
        }

        if (changed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ReplaceAsync(JournalFile.Create(journal.PackId, journal.Municipality, ledger, entries).ToJson()).ConfigureAwait(false);
        }

        return results;
    }

    private async Task<JournalFile?> ReadFileAsync(JournalKey journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(_path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var parsed = JournalFile.Parse(text, _path, journal.PackId, journal.Municipality);
        return parsed.Value ?? throw new RentalRulesException(parsed.Diagnostics);
    }

    private async Task ReplaceAsync(string content)
    {
        var temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_path) ?? ".", $".{System.IO.Path.GetFileName(_path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536, FileOptions.Asynchronous))
            {
                var bytes = new UTF8Encoding(false).GetBytes(content);
                await stream.WriteAsync(bytes).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, _path, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The temporary file could not be removed either; the journal itself is untouched.
            }

            throw;
        }
    }
}
