using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

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

    /// <summary>Why a test that needs the server is skipped.</summary>
    public static string SkipReason => $"No PostgreSQL server ({Variable} is not set); .ci/run starts one, or run `source .ci/postgres.sh && postgres_start` first.";

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
            Skip = Postgres.SkipReason;
        }
    }
}

/// <summary>Marks a test class whose tests (its own and the inherited <see cref="StoreFactAttribute"/> ones) need the PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NeedsPostgresAttribute : Attribute
{
}

/// <summary>
/// A test of the shared journal store contract. It runs like a <see cref="FactAttribute"/>, except in a class marked
/// <see cref="NeedsPostgresAttribute"/> when there is no server and it is not CI: then it is skipped, with the reason,
/// rather than run against some other store.
/// </summary>
[XunitTestCaseDiscoverer("RentalRules.Hosting.Tests.Infrastructure.StoreFactDiscoverer", "RentalRules.Hosting.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
}

/// <summary>Finds <see cref="StoreFactAttribute"/> tests; skips them in a <see cref="NeedsPostgresAttribute"/> class without a server.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsServer = testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsPostgresAttribute)).Any();
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return needsServer && Postgres.ServerConnectionString is null && !Postgres.InCi
            ? new SkippedTestCase(Postgres.SkipReason, diagnosticMessageSink, display, displayOptions, testMethod)
            : new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}

/// <summary>A test case skipped with a reason decided at discovery (not written in the attribute).</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(string reason, IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        _reason = reason;
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("Reason");
        base.Deserialize(data);
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;
}
