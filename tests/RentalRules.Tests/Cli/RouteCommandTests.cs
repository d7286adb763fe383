using System.Text.Json;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>
/// <c>rentalrules route</c> (DESIGN §5.3, issue 3 item 5): decisions in order, the JSON contract
/// (<c>decisions[].vacancy</c>, <c>.route</c>, <c>.specialCriteria</c>, <c>ledger</c>), a ledger file read and replaced
/// atomically across calls, and located errors without stack traces. Runs the CLI in-process from the repository root;
/// ledgers and split vacancy files live in a temporary folder that each test removes.
/// </summary>
public sealed class RouteCommandTests : IDisposable
{
    private const string HtPack = "rules/hoeje-taastrup-2023.json";
    private const string HtDepartments = "samples/hoeje-taastrup/departments.json";
    private const string HtVacancies = "samples/hoeje-taastrup/vacancies.json";
    private const string HbPack = "rules/holbaek-2024.json";
    private const string HbDepartments = "samples/holbaek/departments.json";
    private const string HbVacancies = "samples/holbaek/vacancies.json";
    private const string On = "2025-03-01";

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("rentalrules-route-");

    public void Dispose() => _temp.Delete(recursive: true);

    #region JSON output

    [Fact]
    public void RouteJson_HoejeTaastrupSample_GivesEachVacancysRouteAndSpecialCriteriaInOrder()
    {
        var run = CliRunner.Run("route", "--pack", HtPack, "--departments", HtDepartments, "--vacancies", HtVacancies, "--on", On, "--json");

        AssertSuccess(run);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("hoeje-taastrup-2023", root.GetProperty("pack").GetString());
        var decisions = root.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(23, decisions.Count);
        var parkvej = decisions.Take(20).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"PARKVEJ-{i:00}"), parkvej.Select(d => d.GetProperty("vacancy").GetString()));
        Assert.Equal([5, 10, 14, 19], Positions(parkvej, d => d.GetProperty("route").GetString() == "municipal"));
        Assert.Equal([10, 19], Positions(parkvej, d => d.GetProperty("specialCriteria").GetBoolean()));
        Assert.All(parkvej.Where(d => d.GetProperty("route").GetString() != "municipal"), d => Assert.Equal("flexible", d.GetProperty("route").GetString()));
        Assert.Equal("ht-special", parkvej[9].GetProperty("criteriaSet").GetString());
        Assert.Equal(
            [("GREEN-Y01", "waitingList"), ("RENOV-01", "closed"), ("TAASTRUP-01", "flexible")],
            decisions.Skip(20).Select(d => (d.GetProperty("vacancy").GetString(), d.GetProperty("route").GetString())));
    }

    [Fact]
    public void RouteJson_HoejeTaastrupSample_EndsWithTheLedgerObject()
    {
        var run = CliRunner.Run("route", "--pack", HtPack, "--departments", HtDepartments, "--vacancies", HtVacancies, "--on", On, "--json");

        AssertSuccess(run);
        using var json = JsonDocument.Parse(run.Stdout);
        var ledger = json.RootElement.GetProperty("ledger");
        Assert.Equal(JsonValueKind.Object, ledger.ValueKind);
        Assert.Equal("rentalrules-ledger", ledger.GetProperty("format").GetString());
        Assert.Equal("hoeje-taastrup-2023", ledger.GetProperty("pack").GetProperty("id").GetString());
        Assert.Equal(22, ledger.GetProperty("changeCounter").GetInt64()); // 23 vacancies, the rehousing one not counted
        var parkvej = ledger.GetProperty("counters").EnumerateArray().Single(c => c.GetProperty("department").GetString() == "HT-PARKVEJ" && c.GetProperty("counter").GetString() == "family");
        Assert.Equal("family", parkvej.GetProperty("counter").GetString());
        Assert.Equal("level-2", parkvej.GetProperty("tier").GetString());
        Assert.Equal(20, parkvej.GetProperty("counted").GetInt64());
        Assert.Equal(4, parkvej.GetProperty("municipal").GetInt64());
        Assert.StartsWith("sha256:", ledger.GetProperty("checksum").GetString(), StringComparison.Ordinal);
    }

    #endregion

    #region Ledger carried across calls

    [Fact]
    public void RouteJson_LedgerCarriedAcrossThreeCalls_GivesTheSameDecisionsAndLedgerAsOneCall()
    {
        var parkvej = ParkvejVacancies();
        var parts = new[] { parkvej.Take(7), parkvej.Skip(7).Take(7), parkvej.Skip(14) }
            .Select((part, i) => Write($"vacancies-{i + 1}.json", "[" + string.Join(",", part.Select(v => v.GetRawText())) + "]"))
            .ToList();
        var all = Write("vacancies-all.json", "[" + string.Join(",", parkvej.Select(v => v.GetRawText())) + "]");
        var carried = Path.Combine(_temp.FullName, "ledger.json");
        var single = Path.Combine(_temp.FullName, "ledger-single.json");

        var split = parts.SelectMany(part =>
        {
            var run = CliRunner.Run("route", "--pack", HtPack, "--departments", HtDepartments, "--vacancies", part, "--ledger", carried, "--on", On, "--json");
            AssertSuccess(run);
            return Decisions(run.Stdout);
        }).ToList();
        var once = CliRunner.Run("route", "--pack", HtPack, "--departments", HtDepartments, "--vacancies", all, "--ledger", single, "--on", On, "--json");

        AssertSuccess(once);
        Assert.Equal(20, split.Count);
        Assert.Equal(Decisions(once.Stdout), split);
        Assert.Equal(File.ReadAllText(single), File.ReadAllText(carried));
        Assert.Equal([5, 10, 14, 19], split.Select((d, i) => (d, i)).Where(x => x.d.Contains("\"route\":\"municipal\"", StringComparison.Ordinal)).Select(x => x.i + 1));
        // The .lock files are the ledgers' locks (held while a run reads, routes and writes), left for the next run.
        Assert.Equal(["ledger-single.json", "ledger-single.json.lock", "ledger.json", "ledger.json.lock", "vacancies-1.json", "vacancies-2.json", "vacancies-3.json", "vacancies-all.json"], _temp.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Route_LedgerFile_IsWrittenAndItsChangeCounterReported()
    {
        var ledger = Path.Combine(_temp.FullName, "ledger.json");

        var run = CliRunner.Run("route", "--pack", HbPack, "--departments", HbDepartments, "--vacancies", HbVacancies, "--ledger", ledger, "--on", On);

        AssertSuccess(run);
        Assert.Contains($"The ledger was saved to {ledger} (change counter 11).", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(ledger));
        Assert.Equal(11, json.RootElement.GetProperty("changeCounter").GetInt64());
    }

    [Fact]
    public void RouteJson_LedgerFileAndLedgerObject_AreTheSameLedger()
    {
        var ledger = Path.Combine(_temp.FullName, "ledger.json");

        var run = CliRunner.Run("route", "--pack", HbPack, "--departments", HbDepartments, "--vacancies", HbVacancies, "--ledger", ledger, "--on", On, "--json");

        AssertSuccess(run);
        using var output = JsonDocument.Parse(run.Stdout);
        using var file = JsonDocument.Parse(File.ReadAllText(ledger));
        Assert.Equal(Canonical(file.RootElement), Canonical(output.RootElement.GetProperty("ledger")));
    }

    #endregion

    #region Refused ledgers

    [Fact]
    public void Route_CorruptLedgerFile_ExitsWithInvalidInputAndLeavesTheFileUnchanged()
    {
        var ledger = Path.Combine(_temp.FullName, "ledger.json");
        AssertSuccess(CliRunner.Run("route", "--pack", HbPack, "--departments", HbDepartments, "--vacancies", HbVacancies, "--ledger", ledger, "--on", On));
        File.WriteAllText(ledger, File.ReadAllText(ledger).Replace("\"counted\": 7", "\"counted\": 9", StringComparison.Ordinal));
        var before = File.ReadAllBytes(ledger);

        var run = CliRunner.Run("route", "--pack", HbPack, "--departments", HbDepartments, "--vacancies", HbVacancies, "--ledger", ledger, "--on", On, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains($"{ledger}:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("error RR0501: The ledger's checksum does not match its counters: it was changed outside RentalRules or is corrupt. (at $.checksum)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"rentalrules: the ledger {ledger} was refused and left unchanged; nothing was routed.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(ledger));
        Assert.Equal(["ledger.json", "ledger.json.lock"], _temp.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Route_TruncatedLedgerFile_ExitsWithInvalidInputAndLeavesTheFileUnchanged()
    {
        var ledger = Path.Combine(_temp.FullName, "ledger.json");
        AssertSuccess(CliRunner.Run("route", "--pack", HbPack, "--departments", HbDepartments, "--vacancies", HbVacancies, "--ledger", ledger, "--on", On));
        var truncated = File.ReadAllBytes(ledger)[..120];
        File.WriteAllBytes(ledger, truncated);

        var run = CliRunner.Run("route", "--pack", HbPack, "--departments", HbDepartments, "--vacancies", HbVacancies, "--ledger", ledger, "--on", On);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error RR0001", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("was refused and left unchanged; nothing was routed.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(truncated, File.ReadAllBytes(ledger));
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Route_LedgerKeptUnderHolbaek_IsRefusedForHoejeTaastrupWithRR0502()
    {
        var ledger = Path.Combine(_temp.FullName, "ledger.json");
        AssertSuccess(CliRunner.Run("route", "--pack", HbPack, "--departments", HbDepartments, "--vacancies", HbVacancies, "--ledger", ledger, "--on", On));
        var before = File.ReadAllBytes(ledger);

        var run = CliRunner.Run("route", "--pack", HtPack, "--departments", HtDepartments, "--vacancies", HtVacancies, "--ledger", ledger, "--on", On, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(
            $"{ledger}:5:11: error RR0502: The ledger was kept under the pack 'holbaek-2024', not 'hoeje-taastrup-2023'. (at $.pack.id) Hint: Use the ledger of this pack, or start a new ledger for it; a ledger is never reset silently.",
            run.Stderr,
            StringComparison.Ordinal);
        Assert.Contains($"rentalrules: the ledger {ledger} was refused and left unchanged; nothing was routed.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(ledger));
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Route_LedgerInAFolderThatDoesNotExist_ExitsWithInvalidInputSayingSo()
    {
        var ledger = Path.Combine(_temp.FullName, "missing", "ledger.json");

        var run = CliRunner.Run("route", "--pack", HbPack, "--departments", HbDepartments, "--vacancies", HbVacancies, "--ledger", ledger, "--on", On);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{ledger}:1:1: error RR0002: Cannot write the ledger:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("The old ledger was left unchanged", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.FullName, "missing")));
        AssertNoStackTrace(run);
    }

    #endregion

    #region Bad vacancies

    [Fact]
    public void Route_VacancyNamingAnUnknownDepartment_ExitsWithInvalidInputNamingFilePathAndLine()
    {
        var vacancies = Write(
            "vacancies.json",
            """
            [
              { "id": "PARKVEJ-01", "department": "HT-PARKVEJ", "category": "family" },
              { "id": "PARKVEJ-02", "department": "HT-PARKVEJ", "category": "family" },
              { "id": "NOWHERE-01", "department": "HT-NOWHERE", "category": "family" }
            ]
            """);
        var ledger = Path.Combine(_temp.FullName, "ledger.json");

        var run = CliRunner.Run("route", "--pack", HtPack, "--departments", HtDepartments, "--vacancies", vacancies, "--ledger", ledger, "--on", On, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(
            $"{vacancies}:4:39: error RR0303: The vacancy names the department 'HT-NOWHERE', which is not in {HtDepartments}. (at $[2].department)",
            run.Stderr,
            StringComparison.Ordinal);
        Assert.False(File.Exists(ledger));
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Route_VacancyNamingAnUnknownDepartmentOnItsOwnLine_PointsAtTheDepartmentValue()
    {
        var vacancies = Write(
            "vacancies.json",
            """
            [
              {
                "id": "NOWHERE-01",
                "department": "HT-NOWHERE",
                "category": "family"
              }
            ]
            """);

        var run = CliRunner.Run("route", "--pack", HtPack, "--departments", HtDepartments, "--vacancies", vacancies, "--on", On);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{vacancies}:4:19: error RR0303:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_VacancyWithoutDepartment_ExitsWithInvalidInput()
    {
        var vacancies = Write("vacancies.json", """[ { "id": "V-1", "category": "family" } ]""");

        var run = CliRunner.Run("route", "--pack", HtPack, "--departments", HtDepartments, "--vacancies", vacancies, "--on", On);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error RR0303: The vacancy names no department. (at $[0].department)", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Route_VacancyWithAnUnknownCategory_ExitsWithInvalidInputAndNoStackTrace()
    {
        var vacancies = Write("vacancies.json", """[ { "id": "V-1", "department": "HT-PARKVEJ", "category": "castle" } ]""");

        var run = CliRunner.Run("route", "--pack", HtPack, "--departments", HtDepartments, "--vacancies", vacancies, "--on", On);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(vacancies + ":1:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("$[0].category", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Route_VacanciesFileThatDoesNotExist_ExitsWithInvalidInput()
    {
        var run = CliRunner.Run("route", "--pack", HtPack, "--departments", HtDepartments, "--vacancies", Path.Combine(_temp.FullName, "nothing.json"), "--on", On);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nothing.json", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Route_WithoutVacancies_IsAUsageError()
    {
        var run = CliRunner.Run("route", "--pack", HtPack, "--departments", HtDepartments);

        Assert.Equal(2, run.ExitCode);
        AssertNoStackTrace(run);
    }

    #endregion

    #region Readable output

    [Fact]
    public void Route_HolbaekSampleReadable_MatchesSnapshot()
    {
        var run = CliRunner.Run("route", "--pack", HbPack, "--departments", HbDepartments, "--vacancies", HbVacancies, "--on", On);

        AssertSuccess(run);
        Snapshot.Match(run.Stdout, "Holbaek_Route_Readable");
    }

    [Fact]
    public void Route_HolbaekSampleReadableInDanish_MatchesSnapshot()
    {
        var run = CliRunner.Run("route", "--pack", HbPack, "--departments", HbDepartments, "--vacancies", HbVacancies, "--on", On, "--lang", "da");

        AssertSuccess(run);
        Snapshot.Match(run.Stdout, "Holbaek_Route_Readable_da");
    }

    #endregion

    private static void AssertSuccess(CliRunner.Result run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}");
        // Nothing on stderr but the status line of a saved ledger.
        Assert.All(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("The ledger was saved to ", line, StringComparison.Ordinal));
    }

    private static void AssertNoStackTrace(CliRunner.Result run)
    {
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stdout, StringComparison.Ordinal);
    }

    private static int[] Positions(IReadOnlyList<JsonElement> decisions, Func<JsonElement, bool> predicate)
        => decisions.Select((d, i) => (d, i)).Where(x => predicate(x.d)).Select(x => x.i + 1).ToArray();

    private static List<string> Decisions(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("decisions").EnumerateArray().Select(Canonical).ToList();
    }

    private static string Canonical(JsonElement e) => JsonSerializer.Serialize(e);

    /// <summary>The 20 Parkvej vacancies of the Høje-Taastrup sample, in order, as JSON.</summary>
    private static List<JsonElement> ParkvejVacancies()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Repo.Path("samples", "hoeje-taastrup", "vacancies.json")));
        return json.RootElement.EnumerateArray().Where(v => v.GetProperty("department").GetString() == "HT-PARKVEJ").Select(v => v.Clone()).ToList();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
