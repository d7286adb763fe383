using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using RentalRules.Evaluation;
using RentalRules.Hosting.Journals;
using RentalRules.Hosting.Tests.Infrastructure;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Hosting.Tests.Journals;

/// <summary>
/// Several <c>rentalrules route</c> processes at once on one journal: a file (locked around read-route-write) and a
/// PostgreSQL database (row locks per department). Every vacancy is recorded once and every department gets exactly
/// ⌊N·p⌋; a process killed with SIGKILL in the middle of a routing leaves the journal and the counts consistent.
/// Høje-Taastrup level 2 (11/50).
/// </summary>
public sealed class ConcurrentProcessesTests : IDisposable
{
    private readonly PackFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Cli
    {
        get
        {
            var configuration = typeof(ConcurrentProcessesTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Repo.Path("src", "RentalRules.Cli", "bin", configuration, "net10.0", "RentalRules.Cli.dll");
        }
    }

    /// <summary>Departments D01…Dnn, each a copy of HT-PARKVEJ (level 2).</summary>
    private string Departments(int count)
    {
        var parkvej = JsonDocument.Parse(File.ReadAllText(Repo.Path("samples", "hoeje-taastrup", "departments.json"))).RootElement.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "HT-PARKVEJ").GetRawText();
        var path = _folder.Temp("departments.json");
        File.WriteAllText(path, "[" + string.Join(",\n", Enumerable.Range(1, count).Select(i => parkvej.Replace("\"HT-PARKVEJ\"", $"\"D{i:D2}\"", StringComparison.Ordinal))) + "]");
        return path;
    }

    /// <summary>A vacancies file for vacancies first…first+count-1, spread round-robin over the departments.</summary>
    private string Vacancies(string name, int first, int count, int departments)
    {
        var path = _folder.Temp(name);
        File.WriteAllText(path, "[" + string.Join(",\n", Enumerable.Range(first, count).Select(i => $$"""{ "id": "V{{i:D5}}", "department": "D{{(i % departments) + 1:D2}}", "category": "family" }""")) + "]");
        return path;
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Cli);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    private static async Task<(int Code, string Stderr)> RunAsync(Process p)
    {
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        await stdout;
        return (p.ExitCode, await stderr);
    }

    private static void AssertConsistent(IReadOnlyList<JournalEntry> entries, Ledger ledger, int departments, int perDepartment)
    {
        Assert.Equal(entries.Count, entries.Select(e => e.VacancyId).Distinct().Count());
        for (var d = 1; d <= departments; d++)
        {
            var id = $"D{d:D2}";
            var mine = entries.Where(e => e.DepartmentId == id).ToList();
            var counter = ledger.Find(id, "family");
            Assert.Equal(mine.Count, counter?.Counted ?? 0);
            Assert.Equal(mine.Count(e => e.Route == VacancyRoute.Municipal), counter?.Municipal ?? 0);
            Assert.Equal(Enumerable.Range(1, mine.Count).Select(k => (long)k), mine.Select(e => e.Count!.Value).Order());
            if (perDepartment > 0)
            {
                Assert.Equal(perDepartment, mine.Count);
                Assert.Equal(HoejeTaastrup.Municipal(perDepartment), counter!.Municipal);
            }
        }
    }

    [Fact(Timeout = 300000)]
    public async Task Route_EightProcessesOnOneJournalFile_CountEveryVacancyOnce()
    {
        var departments = Departments(1);
        var journal = _folder.Temp("shared.json");
        var processes = Enumerable.Range(0, 8).Select(p => Start("route", "--pack", Repo.Rules("hoeje-taastrup-2023.json"), "--departments", departments,
            "--vacancies", Vacancies($"v{p}.json", (p * 40) + 1, 40, 1), "--journal", journal, "--on", "2025-03-01")).ToList();

        var results = await Task.WhenAll(processes.Select(RunAsync));

        Assert.All(results, r => Assert.True(r.Code == 0, r.Stderr));
        var store = new FileJournalStore(journal);
        var entries = await store.ReadAsync(HoejeTaastrup.Journal);
        Assert.Equal(320, entries.Count);
        AssertConsistent(entries, (await store.GetLedgerAsync(HoejeTaastrup.Journal))!, 1, 320);
    }

    [Fact(Timeout = 300000)]
    public async Task Route_EightProcessesOnOneLedgerFile_CountEveryVacancyOnce()
    {
        var departments = Departments(1);
        var ledger = _folder.Temp("shared-ledger.json");
        var processes = Enumerable.Range(0, 8).Select(p => Start("route", "--pack", Repo.Rules("hoeje-taastrup-2023.json"), "--departments", departments,
            "--vacancies", Vacancies($"l{p}.json", (p * 40) + 1, 40, 1), "--ledger", ledger, "--on", "2025-03-01")).ToList();

        var results = await Task.WhenAll(processes.Select(RunAsync));

        Assert.All(results, r => Assert.True(r.Code == 0, r.Stderr));
        var counter = Ledger.Parse(File.ReadAllText(ledger), ledger, HoejeTaastrup.PackId).GetValueOrThrow().Find("D01", "family")!;
        Assert.Equal((320L, (long)HoejeTaastrup.Municipal(320)), (counter.Counted, counter.Municipal));
    }

    [PostgresFact(Timeout = 600000)]
    public async Task Route_FourProcessesOver50DepartmentsInPostgreSql_EveryDepartmentGetsExactlyTheFloor()
    {
        await using var server = await Postgres.CreateAsync();
        var departments = Departments(50);
        var processes = Enumerable.Range(0, 4).Select(p => Start("route", "--pack", Repo.Rules("hoeje-taastrup-2023.json"), "--departments", departments,
            "--vacancies", Vacancies($"pg{p}.json", (p * 500) + 1, 500, 50), "--connection", server.ConnectionString, "--on", "2025-03-01", "--json")).ToList();

        var results = await Task.WhenAll(processes.Select(RunAsync));

        Assert.All(results, r => Assert.True(r.Code == 0, r.Stderr));
        await using var store = new PostgreSql.PostgreSqlJournalStore(server.ConnectionString);
        var entries = await store.ReadAsync(HoejeTaastrup.Journal);
        Assert.Equal(2000, entries.Count);
        AssertConsistent(entries, (await store.GetLedgerAsync(HoejeTaastrup.Journal))!, 50, 40);
    }

    [PostgresFact(Timeout = 600000)]
    public async Task Route_ProcessKilledMidwayInPostgreSql_LeavesJournalAndCountsConsistentAndARerunCompletesIt()
    {
        await using var server = await Postgres.CreateAsync();
        var departments = Departments(50);
        var vacancies = Vacancies("kill.json", 1, 2000, 50);
        await using var store = new PostgreSql.PostgreSqlJournalStore(server.ConnectionString);
        var victim = Start("route", "--pack", Repo.Rules("hoeje-taastrup-2023.json"), "--departments", departments, "--vacancies", vacancies, "--connection", server.ConnectionString, "--on", "2025-03-01", "--json");
        var victimRun = RunAsync(victim); // drains its output, so it never blocks on a full pipe
        var watch = Stopwatch.StartNew();
        while (await CountAsync(server) < 100 && !victim.HasExited && watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(20);
        }

        Assert.False(victim.HasExited, "The routing process finished before it could be killed.");
        victim.Kill(); // SIGKILL on Unix: no clean-up runs, the open transaction is rolled back by the server
        await victimRun;

        var partial = await store.ReadAsync(HoejeTaastrup.Journal);
        Assert.InRange(partial.Count, 100, 1999);
        AssertConsistent(partial, (await store.GetLedgerAsync(HoejeTaastrup.Journal))!, 50, perDepartment: 0);

        var (code, stderr) = await RunAsync(Start("route", "--pack", Repo.Rules("hoeje-taastrup-2023.json"), "--departments", departments, "--vacancies", vacancies, "--connection", server.ConnectionString, "--on", "2025-03-01", "--json"));

        Assert.True(code == 0, stderr);
        var entries = await store.ReadAsync(HoejeTaastrup.Journal);
        Assert.Equal(2000, entries.Count);
        AssertConsistent(entries, (await store.GetLedgerAsync(HoejeTaastrup.Journal))!, 50, 40);
    }

    private static async Task<long> CountAsync(Postgres server)
    {
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM rentalrules_decisions", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (Npgsql.PostgresException)
        {
            return 0; // the schema is not there yet
        }
    }
}
