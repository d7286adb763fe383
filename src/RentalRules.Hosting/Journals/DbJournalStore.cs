using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Hosting.Routing;

namespace RentalRules.Hosting.Journals;

/// <summary>
/// The journal in a relational database, shared by the SQLite and PostgreSQL stores. Tables:
/// <list type="bullet">
/// <item><c>rentalrules_schema</c> (<c>id</c>, <c>version</c>): the schema version, checked and migrated on first use;</item>
/// <item><c>rentalrules_journals</c> (<c>journal</c>, <c>municipality</c>): which municipality a journal is kept for;</item>
/// <item><c>rentalrules_departments</c> (<c>journal</c>, <c>department</c>, <c>version</c>, <c>ledger</c>): each
/// department's quota state (its part of the ledger, as ledger JSON with a checksum), one row per department, so routings of
/// different departments touch different rows;</item>
/// <item><c>rentalrules_decisions</c> (<c>journal</c>, <c>vacancy</c>, <c>revision</c>, …, <c>entry</c>): the entries, unique by
/// vacancy id and revision.</item>
/// </list>
/// A write is one transaction: it locks the department rows (the dialect says how), reads the entry in force, runs the
/// step, inserts the entry and updates the rows. A conflict (the same vacancy recorded at once under another department, a
/// deadlock, a busy database) rolls back and the write runs again, up to the configured attempts.
/// </summary>
internal abstract class DbJournalStore : IJournalStore
{
    private readonly ConcurrentDictionary<string, string?> _checkedJournals = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _setupGate = new(1, 1);
    private readonly int _maxAttempts;
    private volatile bool _ready;

    protected DbJournalStore(int maxAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _maxAttempts = maxAttempts;
    }

    /// <summary>How the store names itself in diagnostics (the database file or host), never with a password.</summary>
    protected abstract string Label { get; }

    /// <summary>The statements that create the tables of schema version 1.</summary>
    protected abstract string CreateSchemaSql { get; }

    /// <summary>Appended to the query that reads the department rows, to lock them (<c>FOR UPDATE</c>), or empty.</summary>
    protected abstract string LockRowsSuffix { get; }

    /// <summary>Opens a connection.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a write transaction (SQLite: <c>BEGIN IMMEDIATE</c>).</summary>
    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises schema set-up between processes, inside the set-up transaction (PostgreSQL: an advisory lock).</summary>
    protected virtual Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Migrates data of an earlier store (before the schema table existed) into schema version 1.</summary>
    protected virtual Task MigrateUnversionedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether an exception is a conflict that running the write again resolves.</summary>
    protected abstract bool IsConflict(Exception exception);

    /// <inheritdoc />
    public async Task<JournalEntry?> FindAsync(JournalKey journal, string vacancyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(vacancyId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await CheckJournalAsync(connection, null, journal, insert: false, cancellationToken).ConfigureAwait(false);
        return await InForceAsync(connection, null, journal, vacancyId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(JournalKey journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await CheckJournalAsync(connection, null, journal, insert: false, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT vacancy, revision, entry FROM rentalrules_decisions WHERE journal = @j ORDER BY seq", ("@j", journal.PackId));
        var entries = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ParseEntry(journal, reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<Ledger?> GetLedgerAsync(JournalKey journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await CheckJournalAsync(connection, null, journal, insert: false, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT department, ledger FROM rentalrules_departments WHERE journal = @j ORDER BY department", ("@j", journal.PackId));
        var parts = new List<Ledger>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (ParseLedger(journal, reader.GetString(0), reader.GetString(1)) is { } part)
                {
                    parts.Add(part);
                }
            }
        }

        return parts.Count == 0 ? null : Ledger.Combine(journal.PackId, parts.Max(p => p.PackVersion) ?? "", parts);
    }

    /// <inheritdoc />
    public async Task<JournalEntry?> WriteAsync(JournalKey journal, JournalWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(write);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryWriteAsync(journal, write, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when ((ex is JournalRetryException || IsConflict(ex)) && attempt < _maxAttempts)
            {
                // Real time, not the evaluation clock: a host that pins the clock must not stall its retries.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 2 + (Math.Min(attempt, 10) * 5))), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is JournalRetryException || IsConflict(ex))
            {
                throw new LedgerConflictException(journal.PackId, attempt);
            }
        }
    }

    private async Task<JournalEntry?> TryWriteAsync(JournalKey journal, JournalWrite write, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await CheckJournalAsync(connection, transaction, journal, insert: true, cancellationToken).ConfigureAwait(false);
        var departments = new SortedSet<string>(StringComparer.Ordinal) { write.DepartmentId };
        var inForce = await InForceAsync(connection, transaction, journal, write.VacancyId, cancellationToken).ConfigureAwait(false);
        if (inForce is not null)
        {
            departments.Add(inForce.DepartmentId);
        }

        var ledger = await LockDepartmentsAsync(connection, transaction, journal, departments, cancellationToken).ConfigureAwait(false);
        // Read again under the row locks: another writer of the department may have recorded the vacancy meanwhile.
        var current = await InForceAsync(connection, transaction, journal, write.VacancyId, cancellationToken).ConfigureAwait(false);
        if (current?.Revision != inForce?.Revision && current is not null && !departments.Contains(current.DepartmentId))
        {
            throw new JournalRetryException();
        }

        var change = write.Step(current, ledger);
        if (change is null)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return current;
        }

        JournalStoreChecks.CheckChange(journal, write, current, change);
        var e = change.Entry;
        await using (var insert = Command(connection, transaction, """
            INSERT INTO rentalrules_decisions (journal, vacancy, revision, department, evaluated_on, recorded_at, entry)
            VALUES (@j, @v, @r, @d, @on, @at, @entry)
            """,
            ("@j", journal.PackId), ("@v", e.VacancyId), ("@r", e.Revision), ("@d", e.DepartmentId),
            ("@on", e.EvaluatedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("@at", e.RecordedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)), ("@entry", e.ToJson())))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var department in departments)
        {
            await using var update = Command(connection, transaction,
                "UPDATE rentalrules_departments SET version = version + 1, ledger = @ledger WHERE journal = @j AND department = @d",
                ("@ledger", change.Ledger.Slice(department).ToJson()), ("@j", journal.PackId), ("@d", department));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return e;
    }

    private async Task<Ledger> LockDepartmentsAsync(DbConnection connection, DbTransaction transaction, JournalKey journal, SortedSet<string> departments, CancellationToken cancellationToken)
    {
        var names = departments.ToList();
        foreach (var department in names)
        {
            await using var ensure = Command(connection, transaction,
                "INSERT INTO rentalrules_departments (journal, department, version, ledger) VALUES (@j, @d, 0, '') ON CONFLICT DO NOTHING",
                ("@j", journal.PackId), ("@d", department));
            await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var list = string.Join(", ", names.Select((_, i) => "@d" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var parameters = names.Select((d, i) => ("@d" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), (object?)d)).Prepend(("@j", (object?)journal.PackId)).ToArray();
        await using var select = Command(connection, transaction,
            $"SELECT department, ledger FROM rentalrules_departments WHERE journal = @j AND department IN ({list}) ORDER BY department{LockRowsSuffix}", parameters);
        var parts = new List<Ledger>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (ParseLedger(journal, reader.GetString(0), reader.GetString(1)) is { } part)
                {
                    parts.Add(part);
                }
            }
        }

        return Ledger.Combine(journal.PackId, parts.Count == 0 ? "" : parts.Max(p => p.PackVersion) ?? "", parts);
    }

    private async Task<JournalEntry?> InForceAsync(DbConnection connection, DbTransaction? transaction, JournalKey journal, string vacancyId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            "SELECT revision, entry FROM rentalrules_decisions WHERE journal = @j AND vacancy = @v ORDER BY revision DESC LIMIT 1",
            ("@j", journal.PackId), ("@v", vacancyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ParseEntry(journal, vacancyId, reader.GetInt32(0), reader.GetString(1)) : null;
    }

    private async Task CheckJournalAsync(DbConnection connection, DbTransaction? transaction, JournalKey journal, bool insert, CancellationToken cancellationToken)
    {
        if (_checkedJournals.TryGetValue(journal.PackId, out var known))
        {
            JournalStoreChecks.CheckSameJournal(journal, known, $"{Label}#{journal.PackId}");
            return;
        }

        if (insert)
        {
            await using var ensure = Command(connection, transaction,
                "INSERT INTO rentalrules_journals (journal, municipality) VALUES (@j, @m) ON CONFLICT DO NOTHING",
                ("@j", journal.PackId), ("@m", (object?)journal.Municipality ?? DBNull.Value));
            await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var select = Command(connection, transaction, "SELECT municipality FROM rentalrules_journals WHERE journal = @j", ("@j", journal.PackId));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var stored = await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false) ? null : reader.GetString(0);
        JournalStoreChecks.CheckSameJournal(journal, stored, $"{Label}#{journal.PackId}");
        _checkedJournals[journal.PackId] = stored;
    }

    private JournalEntry ParseEntry(JournalKey journal, string vacancyId, int revision, string json)
    {
        var where = $"{Label}#rentalrules_decisions/{journal.PackId}/{vacancyId}/{revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var parsed = JournalEntry.Parse(json, where);
        if (parsed.Value is not { } entry)
        {
            throw new RentalRulesException(parsed.Diagnostics);
        }

        if (entry.VacancyId != vacancyId || entry.Revision != revision || entry.PackId != journal.PackId)
        {
            throw JournalStoreChecks.Refused(Descriptors.JournalRowMismatch, where);
        }

        return entry;
    }

    private Ledger? ParseLedger(JournalKey journal, string department, string json)
    {
        if (json.Length == 0)
        {
            return null;
        }

        var where = $"{Label}#rentalrules_departments/{journal.PackId}/{department}";
        var parsed = Ledger.Parse(json, where, journal.PackId);
        if (parsed.Value is not { } ledger)
        {
            throw new RentalRulesException(parsed.Diagnostics);
        }

        if (ledger.Departments.Any(d => d != department))
        {
            throw JournalStoreChecks.Refused(Descriptors.QuotaRowMismatch, where);
        }

        return ledger;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await SetUpAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the schema, or checks its version and migrates it, once per store.</summary>
    private async Task SetUpAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await _setupGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await LockSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await using (var create = Command(connection, transaction, "CREATE TABLE IF NOT EXISTS rentalrules_schema (id INTEGER NOT NULL PRIMARY KEY, version INTEGER NOT NULL)"))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            int? version;
            await using (var select = Command(connection, transaction, "SELECT version FROM rentalrules_schema WHERE id = 1"))
            {
                var value = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                version = value is null or DBNull ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (version > JournalStoreChecks.SchemaVersion)
            {
                throw JournalStoreChecks.NewerSchema(version.Value, $"{Label}#rentalrules_schema");
            }

            if (version is null)
            {
                await using (var create = Command(connection, transaction, CreateSchemaSql))
                {
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await MigrateUnversionedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await using var insert = Command(connection, transaction, "INSERT INTO rentalrules_schema (id, version) VALUES (1, @v)", ("@v", JournalStoreChecks.SchemaVersion));
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _ready = true;
        }
        finally
        {
            _setupGate.Release();
        }
    }

    /// <summary>A command with parameters.</summary>
    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    /// <summary>The vacancy was recorded under another department while this write waited: run the write again.</summary>
    protected sealed class JournalRetryException : Exception
    {
        public JournalRetryException()
            : base("The vacancy was recorded by another writer; routing again.")
        {
        }
    }
}
