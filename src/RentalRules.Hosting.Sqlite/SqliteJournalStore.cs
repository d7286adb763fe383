using System.Data.Common;
using Microsoft.Data.Sqlite;
using RentalRules.Evaluation;
using RentalRules.Hosting.Journals;

namespace RentalRules.Hosting.Sqlite;

/// <summary>
/// Decision journals in a SQLite database (by default one file beside the host): the entries by vacancy id and each
/// department's quota state, written in one transaction (<c>BEGIN IMMEDIATE</c>, so writers of the file take turns;
/// WAL journaling lets readers go on). The schema is created on first use and carries a version table; a database of a
/// newer schema is refused, and the ledgers of the earlier <c>rentalrules_ledgers</c> table are migrated into it.
/// Thread-safe, and safe for several processes sharing the file. One machine: hosts with several instances use
/// PostgreSQL (<c>RentalRules.Hosting.PostgreSql</c>).
/// </summary>
public sealed class SqliteJournalStore : IJournalStore
{
    private readonly Store _store;

    /// <summary>A store over a connection string, e.g. <c>Data Source=journal.db</c>.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="maxAttempts">How many times a write is tried when the database stays busy (default 20).</param>
    public SqliteJournalStore(string connectionString, int maxAttempts = 20)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        _store = new Store(builder.ToString(), string.IsNullOrEmpty(builder.DataSource) ? "sqlite" : builder.DataSource, maxAttempts);
    }

    /// <summary>A store in a database file, created if it does not exist.</summary>
    /// <param name="path">The database file.</param>
    /// <returns>The store.</returns>
    public static SqliteJournalStore ForFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SqliteJournalStore(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
    }

    /// <inheritdoc />
    public Task<JournalEntry?> FindAsync(JournalKey journal, string vacancyId, CancellationToken cancellationToken = default)
        => _store.FindAsync(journal, vacancyId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> ReadAsync(JournalKey journal, CancellationToken cancellationToken = default)
        => _store.ReadAsync(journal, cancellationToken);

    /// <inheritdoc />
    public Task<Ledger?> GetLedgerAsync(JournalKey journal, CancellationToken cancellationToken = default)
        => _store.GetLedgerAsync(journal, cancellationToken);

    /// <inheritdoc />
    public Task<JournalEntry?> WriteAsync(JournalKey journal, JournalWrite write, CancellationToken cancellationToken = default)
        => _store.WriteAsync(journal, write, cancellationToken);

    private sealed class Store(string connectionString, string label, int maxAttempts) : DbJournalStore(maxAttempts)
    {
        protected override string Label => label;

        protected override string LockRowsSuffix => "";

        protected override string CreateSchemaSql => """
            CREATE TABLE rentalrules_journals (
                journal TEXT NOT NULL PRIMARY KEY,
                municipality TEXT NULL
            );
            CREATE TABLE rentalrules_departments (
                journal TEXT NOT NULL,
                department TEXT NOT NULL,
                version INTEGER NOT NULL,
                ledger TEXT NOT NULL,
                PRIMARY KEY (journal, department)
            );
            CREATE TABLE rentalrules_decisions (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                journal TEXT NOT NULL,
                vacancy TEXT NOT NULL,
                revision INTEGER NOT NULL,
                department TEXT NOT NULL,
                evaluated_on TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                entry TEXT NOT NULL,
                UNIQUE (journal, vacancy, revision)
            );
            """;

        protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
            => ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

        protected override bool IsConflict(Exception exception)
            => exception is SqliteException { SqliteErrorCode: 5 or 6 } // SQLITE_BUSY, SQLITE_LOCKED
                or SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }; // a unique constraint

        /// <summary>The ledgers of the earlier store (one JSON ledger per pack) become department rows of the same journal.</summary>
        protected override async Task MigrateUnversionedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            await using (var exists = Command(connection, transaction, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'rentalrules_ledgers'"))
            {
                if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    return;
                }
            }

            var ledgers = new List<(string Key, string Json)>();
            await using (var select = Command(connection, transaction, "SELECT key, json FROM rentalrules_ledgers"))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ledgers.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (key, json) in ledgers)
            {
                var parsed = Ledger.Parse(json, $"{label}#rentalrules_ledgers/{key}", key);
                var ledger = parsed.Value ?? throw new Diagnostics.RentalRulesException(parsed.Diagnostics);
                foreach (var department in ledger.Departments)
                {
                    await using var insert = Command(connection, transaction, "INSERT INTO rentalrules_departments (journal, department, version, ledger) VALUES (@j, @d, 1, @l)", ("@j", key), ("@d", department), ("@l", ledger.Slice(department).ToJson()));
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}

/// <summary>
/// Chooses the SQLite journal store in <c>AddRentalRules</c>.
/// Stateless: safe to call from any thread.
/// </summary>
public static class SqliteRentalRulesOptionsExtensions
{
    /// <summary>Keeps the decision journal in a SQLite database: <c>o.UseSqlite("Data Source=journal.db")</c>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <returns>The options.</returns>
    public static RentalRulesOptions UseSqlite(this RentalRulesOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.JournalStore = new SqliteJournalStore(connectionString, options.MaxRoutingAttempts);
        return options;
    }
}
