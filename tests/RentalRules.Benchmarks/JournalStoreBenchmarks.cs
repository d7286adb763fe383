using BenchmarkDotNet.Attributes;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Hosting.Journals;
using RentalRules.Packs;

namespace RentalRules.Benchmarks;

/// <summary>
/// Routing throughput per journal store: one operation records 400 new family vacancies of Høje-Taastrup's level-2
/// department copies (50 departments, round-robin) through the store's transaction — single-threaded (one after the
/// other) and multi-threaded (4 writers at once). Each iteration starts a fresh journal. The PostgreSQL cases need a
/// server named by <c>RENTALRULES_TEST_POSTGRES</c> (<c>source .ci/postgres.sh &amp;&amp; postgres_start</c>); without
/// one they fail with that message rather than measure another store.
/// </summary>
[MemoryDiagnoser]
[Monitoring]
public class JournalStoreBenchmarks
{
    private const int Vacancies = 400;
    private const int DepartmentCount = 50;
    private JournalBench _bench = null!;
    private string _folder = null!;
    private int _round;
    private IJournalStore _store = null!;
    private string? _database;

    /// <summary>The store under test.</summary>
    [Params("memory", "file", "sqlite", "postgresql")]
    public string Store { get; set; } = "memory";

    /// <summary>Concurrent writers.</summary>
    [Params(1, 4)]
    public int Writers { get; set; } = 1;

    /// <summary>Loads the pack and builds the departments.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _bench = new JournalBench(DepartmentCount);
        _folder = Directory.CreateTempSubdirectory("rentalrules-bench-").FullName;
        if (Store == "postgresql" && JournalBench.PostgresAdmin is null)
        {
            throw new InvalidOperationException($"No PostgreSQL server: set {JournalBench.PostgresVariable} (source .ci/postgres.sh && postgres_start).");
        }
    }

    /// <summary>A fresh journal for every iteration.</summary>
    [IterationSetup]
    public void NewJournal()
    {
        _round++;
        _database = null;
        _store = Store switch
        {
            "memory" => new InMemoryJournalStore(),
            "file" => new FileJournalStore(Path.Combine(_folder, $"j{_round}.json")),
            "sqlite" => Hosting.Sqlite.SqliteJournalStore.ForFile(Path.Combine(_folder, $"j{_round}.db")),
            _ => new Hosting.PostgreSql.PostgreSqlJournalStore(JournalBench.CreateDatabase($"rr_bench_{Environment.ProcessId}_{_round}", out _database)),
        };
    }

    /// <summary>Records the vacancies.</summary>
    /// <returns>A task.</returns>
    [Benchmark]
    public Task RecordVacancies()
        => Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < Vacancies; i += Writers)
            {
                await _store.WriteAsync(_bench.Key, _bench.Write(i)).ConfigureAwait(false);
            }
        })));

    /// <summary>Closes the iteration's store and drops its database.</summary>
    [IterationCleanup]
    public void CloseJournal()
    {
        if (_store is IAsyncDisposable d)
        {
            d.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        if (_database is not null)
        {
            JournalBench.DropDatabase(_database);
        }
    }

    /// <summary>Removes the journals.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// The file store's cost per routing against the journal's size: a journal that already holds
/// <see cref="Existing"/> entries (written once, copied for every iteration) records 5 more vacancies, one write each —
/// what a host calling <c>RouteAsync</c> per vacancy does. The whole file is read, checked and rewritten per write, so
/// the cost grows with the journal.
/// </summary>
[MemoryDiagnoser]
[Monitoring]
public class FileJournalGrowthBenchmarks
{
    private const int Routings = 5;
    private JournalBench _bench = null!;
    private string _folder = null!;
    private string _template = null!;
    private string _path = null!;
    private FileJournalStore _store = null!;
    private int _round;

    /// <summary>Entries in the journal before the measured routings.</summary>
    [Params(0, 1_000, 5_000)]
    public int Existing { get; set; }

    /// <summary>Writes the journal of <see cref="Existing"/> entries once, in one batch.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _bench = new JournalBench(50);
        _folder = Directory.CreateTempSubdirectory("rentalrules-bench-").FullName;
        _template = Path.Combine(_folder, "template.json");
        if (Existing > 0)
        {
            new FileJournalStore(_template).WriteAllAsync(_bench.Key, Enumerable.Range(0, Existing).Select(_bench.Write).ToList()).GetAwaiter().GetResult();
        }
    }

    /// <summary>A copy of the journal for every iteration.</summary>
    [IterationSetup]
    public void CopyJournal()
    {
        _round++;
        _path = Path.Combine(_folder, $"j{_round}.json");
        if (Existing > 0)
        {
            File.Copy(_template, _path);
        }

        _store = new FileJournalStore(_path);
    }

    /// <summary>Records 5 new vacancies, one write each.</summary>
    /// <returns>A task.</returns>
    [Benchmark]
    public async Task RecordFive()
    {
        for (var i = Existing; i < Existing + Routings; i++)
        {
            await _store.WriteAsync(_bench.Key, _bench.Write(i)).ConfigureAwait(false);
        }
    }

    /// <summary>Removes the iteration's copy.</summary>
    [IterationCleanup]
    public void RemoveJournal()
    {
        File.Delete(_path);
        File.Delete(_path + ".lock");
    }

    /// <summary>Removes the journals.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);
}

/// <summary>The pack, departments and routing steps the journal benchmarks share.</summary>
internal sealed class JournalBench
{
    public const string PostgresVariable = "RENTALRULES_TEST_POSTGRES";

    private static readonly DateOnly On = new(2025, 3, 1);
    private static readonly DateTimeOffset At = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly RulePack _pack;
    private readonly Department[] _departments;

    public JournalBench(int departments)
    {
        _pack = RulePackLoader.Load(BenchmarkInputs.HolbaekPackPath.Replace("holbaek-2024.json", "hoeje-taastrup-2023.json", StringComparison.Ordinal)).GetValueOrThrow();
        _departments = Enumerable.Range(1, departments).Select(i => new Department
        {
            Id = $"D{i:D2}", Municipality = "Høje-Taastrup", Residents = 1400, Dwellings = 600, TurnoverRate = 0.08m,
            Designation = Designation.Prevention, DevelopmentPlan = false, Rehousing = false,
            KeyFigures = new KeyFigures { OutsideLabourMarketShare = 0.33m, ConvictedShare = 0.017m },
        }).ToArray();
        Key = new JournalKey(_pack.Id, _pack.Municipality);
    }

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public JournalKey Key { get; }

    /// <summary>The routing of vacancy <paramref name="i"/> (department round-robin), recorded when new.</summary>
    public JournalWrite Write(int i)
    {
        var department = _departments[i % _departments.Length];
        var vacancy = new Vacancy { Id = $"V{i:D6}", Department = department.Id, Category = DwellingCategory.Family };
        return new JournalWrite(vacancy.Id, department.Id!, (inForce, state) =>
            inForce is null && _pack.Record(new RoutingRequest(department, vacancy, On) { Ledger = state }, At) is { Entry: { } e } r ? new JournalChange(e, r.Ledger) : null);
    }

    /// <summary>Creates a database on the server; returns its connection string.</summary>
    public static string CreateDatabase(string name, out string created)
    {
        Admin($"CREATE DATABASE {name}");
        created = name;
        return new Npgsql.NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ToString();
    }

    public static void DropDatabase(string name)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static void Admin(string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(PostgresAdmin);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
