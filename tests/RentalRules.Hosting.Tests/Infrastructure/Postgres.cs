using Npgsql;

namespace RentalRules.Hosting.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the tests: <c>RENTALRULES_TEST_POSTGRES</c> holds an admin connection string (set by
/// <c>.ci/run</c>, which installs, initialises and starts a server in a temporary folder). Each test gets a database of
/// its own, dropped at the end. In CI (<c>CI=true</c>) a missing server fails the tests; elsewhere they are skipped.
/// </summary>
public sealed class Postgres : IAsyncDisposable
{
    public const string Variable = "RENTALRULES_TEST_POSTGRES";

    private Postgres(string admin, string database)
    {
        Admin = admin;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = true }.ToString();
    }

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string Admin { get; }

    public string Database { get; }

    public string ConnectionString { get; }

    public static async Task<Postgres> CreateAsync()
    {
        var admin = ServerConnectionString ?? throw new InvalidOperationException($"No PostgreSQL server: {Variable} is not set. .ci/run starts one (see the README, 'Testing against PostgreSQL').");
        var database = "rr_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
        await command.ExecuteNonQueryAsync();
        return new Postgres(admin, database);
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A test that needs the PostgreSQL server: skipped without one locally, run (and failing) without one in CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Postgres.ServerConnectionString is null && !Postgres.InCi)
        {
            Skip = $"No PostgreSQL server ({Postgres.Variable} is not set); .ci/run starts one.";
        }
    }
}
