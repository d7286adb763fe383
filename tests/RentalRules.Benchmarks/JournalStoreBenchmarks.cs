using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Hosting.Journals;
using RentalRules.Packs;

namespace RentalRules.Benchmarks;

/// <summary>
/// Routing throughput per journal store: one operation records 400 new family vacancies of Høje-Taastrup's level-2
/// department copies (50 departments, round-robin) through the store's transaction — single-threaded (one after the
/// other) and multi-threaded (4 writers at once). Each iteration starts a fresh journal. PostgreSQL runs when
/// <c>RENTALRULES_TEST_POSTGRES</c> names a server (<c>source .ci/postgres.sh &amp;&amp; postgres_start</c>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class JournalStoreBenchmarks
{
    private const int Vacancies = 400;
    private const int DepartmentCount = 50;
    private RulePack _pack = null!;
    private Department[] _departments = null!;
    private string _folder = null!;
    private int _round;
    private IJournalStore _store = null!;

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
        _pack = RulePackLoader.Load(BenchmarkInputs.HolbaekPackPath.Replace("holbaek-2024.json", "hoeje-taastrup-2023.json", StringComparison.Ordinal)).GetValueOrThrow();
        _departments = Enumerable.Range(1, DepartmentCount).Select(i => new Department
        {
            Id = $"D{i:D2}", Municipality = "Høje-Taastrup", Residents = 1400, Dwellings = 600, TurnoverRate = 0.08m,
            Designation = Designation.Prevention, DevelopmentPlan = false, Rehousing = false,
            KeyFigures = new KeyFigures { OutsideLabourMarketShare = 0.33m, ConvictedShare = 0.017m },
        }).ToArray();
        _folder = Directory.CreateTempSubdirectory("rentalrules-bench-").FullName;
    }

    /// <summary>A fresh journal for every iteration.</summary>
    [IterationSetup]
    public void NewJournal()
    {
        _round++;
        var admin = Environment.GetEnvironmentVariable("RENTALRULES_TEST_POSTGRES");
        _store = Store switch
        {
            "memory" => new InMemoryJournalStore(),
            "file" => new FileJournalStore(Path.Combine(_folder, $"j{_round}.json")),
            "sqlite" => Hosting.Sqlite.SqliteJournalStore.ForFile(Path.Combine(_folder, $"j{_round}.db")),
            _ when admin is null => new InMemoryJournalStore(),
            _ => new Hosting.PostgreSql.PostgreSqlJournalStore(Database(admin)),
        };
    }

    /// <summary>Records the vacancies.</summary>
    [Benchmark]
    public async Task RecordVacancies()
    {
        var key = new JournalKey(_pack.Id, _pack.Municipality);
        var on = new DateOnly(2025, 3, 1);
        var at = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < Vacancies; i += Writers)
            {
                var department = _departments[i % DepartmentCount];
                var vacancy = new Vacancy { Id = $"V{i:D5}", Department = department.Id, Category = DwellingCategory.Family };
                await _store.WriteAsync(key, new JournalWrite(vacancy.Id, department.Id!, (inForce, state) =>
                    inForce is null && _pack.Record(department, vacancy, state, on, at) is { Entry: { } e } r ? new JournalChange(e, r.Ledger) : null));
            }
        })));
    }

    /// <summary>Removes the journals.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A new database on the server for one iteration.</summary>
    private string Database(string admin)
    {
        var name = $"rr_bench_{Environment.ProcessId}_{_round}";
        using var connection = new Npgsql.NpgsqlConnection(admin);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
    }
}
