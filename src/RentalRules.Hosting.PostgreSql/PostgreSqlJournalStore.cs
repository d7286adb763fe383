using System.Data;
using System.Data.Common;
using Npgsql;
using RentalRules.Evaluation;
using RentalRules.Hosting.Journals;

namespace RentalRules.Hosting.PostgreSql;

/// <summary>
/// Decision journals in PostgreSQL, for letting systems with several instances. Each department's quota state is a row
/// of its own, locked (<c>SELECT … FOR UPDATE</c>) by the transaction that routes a vacancy of it: routings of one
/// department take turns, routings of different departments never wait for each other or conflict. An entry is unique
/// by vacancy id and revision, so the same vacancy routed at once by two instances is recorded once (the other
/// transaction rolls back and returns the recorded decision). A process killed in the middle of a routing leaves no trace
/// (its transaction rolls back). The schema is created on start-up, under an advisory lock, with a version table; a
/// database of a newer schema is refused. Thread-safe.
/// </summary>
public sealed class PostgreSqlJournalStore : IJournalStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly Store _store;

    /// <summary>A store over a connection string, e.g. <c>Host=db;Database=letting;Username=app;Password=…</c>.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="maxAttempts">How many times a routing's transaction runs after a conflict (default 20).</param>
    public PostgreSqlJournalStore(string connectionString, int maxAttempts = 20)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _dataSource = NpgsqlDataSource.Create(builder);
        _store = new Store(_dataSource, $"postgresql://{builder.Host}/{builder.Database}", maxAttempts);
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

    /// <summary>Closes the store's connections.</summary>
    /// <returns>A task.</returns>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private sealed class Store(NpgsqlDataSource dataSource, string label, int maxAttempts) : DbJournalStore(maxAttempts)
    {
        /// <summary>The advisory lock key that serialises schema set-up between instances ("RRjournal").</summary>
        private const long SchemaLockKey = 0x52524A6F75726E61;

        protected override string Label => label;

        protected override string LockRowsSuffix => " FOR UPDATE";

        protected override string CreateSchemaSql => """
            CREATE TABLE rentalrules_journals (
                journal text NOT NULL PRIMARY KEY,
                municipality text NULL
            );
            CREATE TABLE rentalrules_departments (
                journal text NOT NULL,
                department text NOT NULL,
                version bigint NOT NULL,
                ledger text NOT NULL,
                PRIMARY KEY (journal, department)
            );
            CREATE TABLE rentalrules_decisions (
                seq bigint GENERATED ALWAYS AS IDENTITY,
                journal text NOT NULL,
                vacancy text NOT NULL,
                revision integer NOT NULL,
                department text NOT NULL,
                evaluated_on text NOT NULL,
                recorded_at text NOT NULL,
                entry text NOT NULL,
                PRIMARY KEY (journal, vacancy, revision)
            );
            CREATE INDEX rentalrules_decisions_seq ON rentalrules_decisions (journal, seq);
            """;

        protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
            => await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
            => await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

        protected override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@k)", ("@k", SchemaLockKey));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        protected override bool IsConflict(Exception exception)
            => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };
    }
}

/// <summary>
/// Chooses the PostgreSQL journal store in <c>AddRentalRules</c>.
/// Stateless: safe to call from any thread.
/// </summary>
public static class PostgreSqlRentalRulesOptionsExtensions
{
    /// <summary>Keeps the decision journal in PostgreSQL: <c>o.UsePostgreSql(connectionString)</c>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The options.</returns>
    public static RentalRulesOptions UsePostgreSql(this RentalRulesOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.JournalStore = new PostgreSqlJournalStore(connectionString, options.MaxRoutingAttempts);
        return options;
    }
}
