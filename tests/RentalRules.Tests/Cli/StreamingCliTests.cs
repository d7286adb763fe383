using System.Text.Json;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>
/// <c>place</c>, <c>check</c> and <c>route</c> stream (issue 16 item 3): every result is written before the next item is
/// read. Up to 100 results the output is what it always was (indented JSON; an invalid item means no output at all);
/// above that it is compact, and an invalid item after results have gone out closes the output with an
/// <c>incomplete</c> marker and exit code 1, so a partial result set is never mistaken for a whole one. NDJSON gives one
/// result per line. Household values never appear in the marker or the errors.
/// </summary>
public sealed class StreamingCliTests : IDisposable
{
    private const string Pack = "rules/holbaek-2024.json";
    private const string Red = "samples/holbaek/department-red.json";
    private const string On = "2025-03-01";
    private const string Marker = "ZQXMARKER7";

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("rentalrules-stream-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void CheckJson_MoreThanAHundredHouseholds_IsOneCompactDocumentWithEveryResultInOrder()
    {
        var file = Households(150);

        var run = Check(file, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.DoesNotContain('\n', run.Stdout.TrimEnd());
        using var json = JsonDocument.Parse(run.Stdout);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(150, results.Count);
        Assert.Equal(Enumerable.Range(0, 150).Select(i => $"hh-{i:000}"), results.Select(r => r.GetProperty("household").GetString()));
        Assert.False(json.RootElement.TryGetProperty("incomplete", out _));
    }

    [Fact]
    public void CheckJson_AHundredHouseholdsOrFewer_IsIndentedForAPerson()
    {
        var run = Check(Households(100), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\n  \"results\": [", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(100, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void CheckNdjson_IsOneCompactResultPerLine_TheSameAsTheJsonResults()
    {
        var file = Households(120);

        var ndjson = Check(file, "--format", "ndjson");
        var json = Check(file, "--format", "json");

        Assert.Equal(0, ndjson.ExitCode);
        var lines = ndjson.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(120, lines.Length);
        var results = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetRawText());
        Assert.Equal(results, lines.Select(l => JsonDocument.Parse(l).RootElement.GetRawText()));
    }

    [Fact]
    public void CheckJson_InvalidHouseholdAfterResultsWentOut_ClosesTheDocumentMarkedIncomplete_Exit1()
    {
        var file = Households(140, badAt: 120);

        var run = Check(file, "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(120, json.RootElement.GetProperty("results").GetArrayLength());
        var incomplete = json.RootElement.GetProperty("incomplete");
        Assert.Equal(120, incomplete.GetProperty("written").GetInt32());
        Assert.Equal(1, incomplete.GetProperty("invalidItems").GetInt32());
        var first = incomplete.GetProperty("firstError");
        Assert.Equal("$[120].residentMunicipality", first.GetProperty("jsonPath").GetString());
        Assert.Equal(121 + 1, first.GetProperty("line").GetInt32());
        Assert.Contains($"{file}:122:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckText_InvalidHouseholdAfterResultsWentOut_EndsWithAnIncompleteLine_NoSummary()
    {
        var run = Check(Households(140, badAt: 130));

        Assert.Equal(1, run.ExitCode);
        var last = run.Stdout.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("INCOMPLETE: 130 results above, then stopped at ", last, StringComparison.Ordinal);
        Assert.Contains("($[130].residentMunicipality)", last, StringComparison.Ordinal);
        Assert.DoesNotContain("140 households:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckNdjson_InvalidHouseholdAfterResultsWentOut_LastLineIsTheMarker()
    {
        var run = Check(Households(140, badAt: 101), "--format", "ndjson");

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(102, lines.Length);
        Assert.Equal(101, JsonDocument.Parse(lines[^1]).RootElement.GetProperty("incomplete").GetProperty("written").GetInt32());
    }

    [Theory]
    [InlineData("--json")]
    [InlineData("--format", "ndjson")]
    public void Check_InvalidHouseholdWithinTheFirstHundred_WritesNothing_AndReportsEveryInvalidHousehold(params string[] format)
    {
        var text = File.ReadAllText(Households(140, badAt: 40)).Replace("\"hh-090\",\"residentMunicipality\":\"Holbæk\"", $"\"hh-090\",\"residentMunicipality\":17", StringComparison.Ordinal);
        var file = Path.Combine(_temp.FullName, "hh2.json");
        File.WriteAllText(file, text);

        var run = Check(file, format);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("(at $[40].residentMunicipality)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(at $[90].residentMunicipality)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FormatAndJsonDisagree_IsAUsageError()
    {
        var run = Check(Households(2), "--json", "--format", "ndjson");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--json is --format json", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_ManyDepartmentsFromStandardInput_StreamsEveryPlacement()
    {
        var departments = "[" + string.Join(",\n", Enumerable.Range(0, 130).Select(i => $"{{\"id\":\"D{i}\",\"dwellings\":100,\"designation\":\"none\",\"flags\":[],\"developmentPlan\":false,\"keyFigures\":{{\"outsideLabourMarketShare\":{(i % 2 == 0 ? "0.2" : "0.5")}}}}}")) + "]";

        var run = CliRunner.RunWithStdin(departments, "place", "--pack", Pack, "--departments", "-", "--on", On, "--format", "ndjson");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(130, lines.Count);
        Assert.Equal("D129", lines[^1].GetProperty("department").GetString());
    }

    [Fact]
    public void Route_InvalidVacancyAfterDecisionsWentOut_LeavesTheLedgerUnchanged_AndSaysSo()
    {
        var ledger = Path.Combine(_temp.FullName, "ledger.json");
        var first = CliRunner.Run("route", "--pack", Pack, "--departments", "samples/holbaek/departments.json", "--vacancies", "samples/holbaek/vacancies.json", "--ledger", ledger, "--on", On, "--json");
        Assert.Equal(0, first.ExitCode);
        var before = File.ReadAllText(ledger);
        var vacancies = Path.Combine(_temp.FullName, "vacancies.json");
        File.WriteAllText(vacancies, "[\n" + string.Join(",\n", Enumerable.Range(0, 150).Select(i => $"{{\"id\":\"V{i}\",\"department\":\"{(i == 120 ? "HB-999" : "HB-101")}\",\"category\":\"family\"}}")) + "\n]\n");

        var run = CliRunner.Run("route", "--pack", Pack, "--departments", "samples/holbaek/departments.json", "--vacancies", vacancies, "--ledger", ledger, "--on", On, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(before, File.ReadAllText(ledger));
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(120, json.RootElement.GetProperty("decisions").GetArrayLength());
        var incomplete = json.RootElement.GetProperty("incomplete");
        Assert.Equal("$[120].department", incomplete.GetProperty("firstError").GetProperty("jsonPath").GetString());
        Assert.Contains("left unchanged", incomplete.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.False(json.RootElement.TryGetProperty("ledger", out _));
        Assert.Contains($"{vacancies}:122:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_VacancyIdTwiceInTheFile_IsLocatedAndNothingIsCounted_TheLedgerUnchanged()
    {
        // A second vacancy with the same id would be counted twice in the ledger (DESIGN §5.1: a vacancy id is unique).
        var ledger = Path.Combine(_temp.FullName, "ledger.json");
        var vacancies = Path.Combine(_temp.FullName, "vacancies.json");
        File.WriteAllText(vacancies, """
            [ { "id": "V1", "department": "HB-101", "category": "family" },
              { "id": "V1", "department": "HB-101", "category": "family" } ]
            """);

        var run = CliRunner.Run("route", "--pack", Pack, "--departments", "samples/holbaek/departments.json", "--vacancies", vacancies, "--ledger", ledger, "--on", On);

        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(ledger));
        Assert.Contains($"{vacancies}:2:11: error RR0106: This vacancy has the same id as the vacancy at $[0]. (at $[1].id)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Contains("left unchanged", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HouseholdIdTwice_IsLocated_WithoutQuotingTheId()
    {
        var households = Households(3);
        File.WriteAllText(households, File.ReadAllText(households).Replace("hh-002", "hh-000", StringComparison.Ordinal));

        var run = Check(households);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{households}:4:7: error RR0106: This household has the same id as the household at $[0]. (at $[2].id)", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hh-000", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    private CliRunner.Result Check(string households, params string[] extra)
        => CliRunner.Run(["check", "--pack", Pack, "--department", Red, "--household", households, "--route", "waitingList", "--on", On, .. extra]);

    /// <summary>
    /// <paramref name="count"/> households, one per line (line i + 2 holds household i); the one at
    /// <paramref name="badAt"/> has a number for its municipality, and a marker value elsewhere that must never be quoted.
    /// </summary>
    private string Households(int count, int badAt = -1)
    {
        var lines = Enumerable.Range(0, count).Select(i => i == badAt
            ? $"{{\"id\":\"hh-{i:000}\",\"residentMunicipality\":42,\"currentOrganisation\":\"{Marker}\",\"members\":[{{\"id\":\"m1\",\"role\":\"applicant\",\"birthDate\":\"1990-01-01\"}}]}}"
            : $"{{\"id\":\"hh-{i:000}\",\"residentMunicipality\":\"Holbæk\",\"members\":[{{\"id\":\"m1\",\"role\":\"applicant\",\"birthDate\":\"{1950 + (i % 50)}-05-01\",\"citizenship\":\"DK\",\"convictions\":[]}}]}}");
        var file = Path.Combine(_temp.FullName, "hh.json");
        File.WriteAllText(file, "[\n" + string.Join(",\n", lines) + "\n]\n");
        return file;
    }
}
