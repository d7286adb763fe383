using System.Globalization;
using Microsoft.Data.Sqlite;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Hosting.Ledgers;

namespace RentalRules.Hosting.Sqlite;

/// <summary>
/// Ledgers in a SQLite database (by default one file beside the host), in the table <c>rentalrules_ledgers</c>
/// (<c>key</c>, <c>change_counter</c>, <c>json</c>), created on first use. A ledger is stored as its own JSON
/// (<see cref="Ledger.ToJson"/>, with its checksum) and replaced with
/// <c>UPDATE … WHERE key = @key AND change_counter = @expected</c>; the first ledger of a key is inserted with an
/// upsert that loses to a concurrent first insert. Thread-safe, and safe for several processes sharing the file
/// (SQLite's locking; the database is switched to WAL journaling). A stored ledger that fails its checksum is refused
/// with a <see cref="RentalRulesException"/>, never reset.
/// </summary>
public sealed class SqliteLedgerStore : ILedgerStore
{
    /// <summary>The table the ledgers are kept in.</summary>
    public const string TableName = "rentalrules_ledgers";

    private readonly string _connectionString;
    private readonly string _label;
    private readonly SemaphoreSlim _setupGate = new(1, 1);
    private volatile bool _ready;

    /// <summary>A store over a connection string, e.g. <c>Data Source=ledgers.db</c>.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    public SqliteLedgerStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        _connectionString = builder.ToString();
        _label = string.IsNullOrEmpty(builder.DataSource) ? "sqlite" : builder.DataSource;
    }

    /// <summary>A store in a database file, created if it does not exist.</summary>
    /// <param name="path">The database file.</param>
    /// <returns>The store.</returns>
    public static SqliteLedgerStore ForFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SqliteLedgerStore(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
    }

    /// <inheritdoc />
    /// <exception cref="RentalRulesException">The stored ledger is corrupt (its checksum or counters do not match).</exception>
    public async Task<Ledger?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT change_counter, json FROM {TableName} WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var changeCounter = reader.GetInt64(0);
        var json = reader.GetString(1);
        var parsed = Ledger.Parse(json, $"{_label}#{key}");
        if (parsed.Value is not { } ledger)
        {
            throw new RentalRulesException(parsed.Diagnostics);
        }

        if (ledger.ChangeCounter != changeCounter)
        {
            throw new RentalRulesException([new Diagnostic(Severity.Error, DiagnosticCodes.LedgerInvalid, $"The stored ledger's change counter ({ledger.ChangeCounter.ToString(CultureInfo.InvariantCulture)}) differs from its row's ({changeCounter.ToString(CultureInfo.InvariantCulture)}).", new SourceLocation($"{_label}#{key}", "$.changeCounter", 1, 1), "The row was changed outside RentalRules; restore it from a backup.")]);
        }

        return ledger;
    }

    /// <inheritdoc />
    public async Task<bool> TryReplaceAsync(string key, long expectedChangeCounter, Ledger ledger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(ledger);
        LedgerStoreChecks.CheckAdvances(expectedChangeCounter, ledger);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = expectedChangeCounter == 0
            ? $"""
              INSERT INTO {TableName} (key, change_counter, json) VALUES ($key, $counter, $json)
              ON CONFLICT (key) DO UPDATE SET change_counter = excluded.change_counter, json = excluded.json
              WHERE {TableName}.change_counter = 0
              """
            : $"UPDATE {TableName} SET change_counter = $counter, json = $json WHERE key = $key AND change_counter = $expected";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$counter", ledger.ChangeCounter);
        command.Parameters.AddWithValue("$json", ledger.ToJson());
        command.Parameters.AddWithValue("$expected", expectedChangeCounter);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_ready)
            {
                await CreateTableAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CreateTableAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _setupGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS {TableName} (
                    key TEXT NOT NULL PRIMARY KEY,
                    change_counter INTEGER NOT NULL,
                    json TEXT NOT NULL
                );
                """;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _ready = true;
        }
        finally
        {
            _setupGate.Release();
        }
    }
}
