using System.Text.Json;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>
/// <c>rentalrules place</c> and <c>rentalrules check</c> on the Holbæk samples: the JSON contract (DESIGN §5.3), exit codes,
/// and located errors for bad input without stack traces. Runs the CLI in-process from the repository root.
/// </summary>
public sealed class PlaceAndCheckCommandTests
{
    private const string Pack = "rules/holbaek-2024.json";
    private const string Fixtures = "tests/RentalRules.Tests/Cli/Fixtures/";
    private const string RedDepartment = "samples/holbaek/department-red.json";
    private const string Households = "samples/holbaek/households.json";

    #region place

    [Fact]
    public void Place_SampleDepartmentsAsJson_GivesTierAndMunicipalShareForEachDepartmentInOrder()
    {
        var run = CliRunner.Run("place", "--pack", Pack, "--departments", "samples/holbaek/departments.json", "--on", "2025-03-01", "--json");

        AssertSuccess(run);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("holbaek-2024", root.GetProperty("pack").GetString());
        Assert.Equal("2025-03-01", root.GetProperty("on").GetString());
        Assert.Equal(
            [
                ("HB-101", "green", "1/3"),
                ("HB-102", "yellow", "1/6"),
                ("HB-103", "yellow", "1/6"),
                ("HB-104", "red", "0"),
                ("HB-105", "uncoloured", "1/8"),
            ],
            root.GetProperty("placements").EnumerateArray().Select(p => (
                p.GetProperty("department").GetString(),
                p.GetProperty("tier").GetString(),
                p.GetProperty("municipalShare").GetString())));
    }

    [Fact]
    public void Place_SampleDepartmentsAsJson_CitesTheClauseAndTheRouteCriteria()
    {
        var run = CliRunner.Run("place", "--pack", Pack, "--departments", "samples/holbaek/departments.json", "--on", "2025-03-01", "--json");

        using var json = JsonDocument.Parse(run.Stdout);
        var placements = json.RootElement.GetProperty("placements");
        var yellowWithProblems = placements[2];
        Assert.Equal(["holbaek-tightened"], CriteriaSets(yellowWithProblems, "municipal"));
        Assert.Equal(["holbaek-tightened"], CriteriaSets(yellowWithProblems, "waitingList"));
        var red = placements[3];
        Assert.False(red.GetProperty("routes").GetProperty("municipal").GetProperty("open").GetBoolean());
        var why = red.GetProperty("explanation")[0];
        Assert.Equal("holbaek-red", why.GetProperty("ruleId").GetString());
        Assert.Equal("§ 6", why.GetProperty("clause").GetString());
        Assert.Equal("holbaek-2024", why.GetProperty("source").GetString());
    }

    [Fact]
    public void Place_WithoutJson_PrintsATableWithTheReasons()
    {
        var run = CliRunner.Run("place", "--pack", Pack, "--departments", "samples/holbaek/departments.json", "--on", "2025-03-01");

        AssertSuccess(run);
        var lines = Lf(run.Stdout).Split('\n');
        Assert.Equal("holbaek-2024 1.0.0, on 2025-03-01", lines[1]);
        Assert.Contains("HB-104      red         0                all 1       holbaek-tightened  holbaek-red (§ 6)", lines);
        Assert.Contains(
            "  HB-105: holbaek-uncoloured (holbaek-2024 § 6): The department has no key figure for the share of residents aged 18-64 without attachment to the labour market, so it is treated as not colour-marked in appendix 1: every 8th vacant dwelling is offered for municipal allocation.",
            lines);
    }

    [Fact]
    public void Place_ShareGivenAsPercent_ExitsWithInvalidInputSuggestingTheFraction()
    {
        var run = CliRunner.Run("place", "--pack", Pack, "--departments", Fixtures + "department-share-percent.json", "--on", "2025-03-01", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(
            "tests/RentalRules.Tests/Cli/Fixtures/department-share-percent.json:6:47: error RR0303: A share must be between 0 and 1. (at $.keyFigures.outsideLabourMarketShare) Hint: Shares are fractions in [0, 1]: did you mean 0.28?",
            Lf(run.Stderr).TrimEnd('\n'));
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Check_DepartmentWithShareGivenAsPercent_ExitsWithInvalidInput()
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", Fixtures + "department-share-percent.json", "--household", Households, "--on", "2025-03-01", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("department-share-percent.json:6:47", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean 0.28", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    #endregion

    #region check

    [Fact]
    public void Check_HouseholdArray_GivesResultsInFileOrderWithCriteriaMissingFactsAndDocuments()
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", RedDepartment, "--household", Households, "--route", "waitingList", "--on", "2025-03-01", "--json");

        AssertSuccess(run);
        using var json = JsonDocument.Parse(run.Stdout);
        var results = json.RootElement.GetProperty("results");
        Assert.Equal(
            [("case-001", "eligible"), ("case-002", "ineligible"), ("case-003", "undetermined")],
            results.EnumerateArray().Select(r => (r.GetProperty("household").GetString(), r.GetProperty("outcome").GetString())));
        string[] tightened = ["holbaek-b3-1-convictions", "holbaek-b3-2-work-or-education", "holbaek-b3-3-public-support", "holbaek-b3-4-education-level"];
        Assert.All(results.EnumerateArray(), r => Assert.Equal(tightened, r.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetString())));

        Assert.Equal(["ineligible", "ineligible", "ineligible", "ineligible"], Outcomes(results[1]));
        Assert.Empty(results[1].GetProperty("documents").EnumerateArray());

        var undetermined = results[2];
        Assert.Equal(["undetermined", "eligible", "eligible", "eligible"], Outcomes(undetermined));
        var convictions = undetermined.GetProperty("criteria")[0];
        Assert.Equal("bilag 3 nr. 1", convictions.GetProperty("clause").GetString());
        Assert.Equal(["member.convictions"], Strings(convictions.GetProperty("missing")));
        Assert.Equal(["Criminal record certificate for household members aged 15 or over"], convictions.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("en").GetString()));
        Assert.Equal(["member.convictions"], Strings(undetermined.GetProperty("missing")));
        Assert.Contains("Criminal record certificate for household members aged 15 or over", undetermined.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("en").GetString()));
    }

    [Fact]
    public void Check_HouseholdArray_ReportsPackAndDateAtTheTop()
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", RedDepartment, "--household", Households, "--on", "2025-03-01", "--json");

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("holbaek-2024", json.RootElement.GetProperty("pack").GetString());
        Assert.Equal("2025-03-01", json.RootElement.GetProperty("on").GetString());
        Assert.All(json.RootElement.GetProperty("results").EnumerateArray(), r => Assert.Equal("flexible", r.GetProperty("route").GetString()));
    }

    [Fact]
    public void Check_SingleHouseholdObject_GivesTheResultAtTheTopLevel()
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", RedDepartment, "--household", Fixtures + "household-single.json", "--route", "waitingList", "--on", "2025-03-01", "--json");

        AssertSuccess(run);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.False(root.TryGetProperty("results", out _));
        Assert.Equal("case-011", root.GetProperty("household").GetString());
        Assert.Equal("HB-104", root.GetProperty("department").GetString());
        Assert.Equal("red", root.GetProperty("tier").GetString());
        Assert.Equal("ineligible", root.GetProperty("outcome").GetString());
        var work = root.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "holbaek-b3-2-work-or-education");
        Assert.Equal("ineligible", work.GetProperty("outcome").GetString());
        Assert.Equal("m1", work.GetProperty("members")[0].GetProperty("member").GetString());
    }

    [Fact]
    public void Check_MunicipalRouteIntoARedDepartment_ExitsZeroWithIneligible()
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", RedDepartment, "--household", Fixtures + "household-single.json", "--route", "municipal", "--on", "2025-03-01", "--json");

        AssertSuccess(run);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("ineligible", json.RootElement.GetProperty("outcome").GetString());
        Assert.Empty(json.RootElement.GetProperty("criteria").EnumerateArray());
        var closed = json.RootElement.GetProperty("explanation")[1];
        Assert.Equal("red.municipal", closed.GetProperty("ruleId").GetString());
        Assert.Equal("Red departments are exempt from municipal allocation.", closed.GetProperty("reason").GetProperty("en").GetString());
    }

    [Fact]
    public void Check_MunicipalRouteIntoARedDepartmentForAnElderlyDwelling_IsEligibleAndCitesSection3()
    {
        // Holbæk § 3: "100 procent anvisningsret til boligorganisationernes ældre-/plejeboliger", whatever the colour.
        var run = CliRunner.Run("check", "--pack", Pack, "--department", RedDepartment, "--household", Fixtures + "household-single.json", "--vacancy", Fixtures + "vacancy-elderly.json", "--route", "municipal", "--on", "2025-03-01", "--json");

        AssertSuccess(run);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("eligible", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(["holbaek-red", "holbaek-elderly", "holbaek-elderly"], json.RootElement.GetProperty("explanation").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()));
    }

    [Theory]
    [InlineData("vacancy-elderly-array.json", "check takes exactly one vacancy (a JSON object)")]
    [InlineData("vacancy-elderly-other-department.json", "The vacancy belongs to another department than the one checked.")]
    public void Check_VacancyFileWithSeveralVacanciesOrAnotherDepartment_ExitsWithInvalidInput(string file, string message)
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", RedDepartment, "--household", Fixtures + "household-single.json", "--vacancy", Fixtures + file, "--route", "municipal", "--on", "2025-03-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Fixtures + file + ":1:1: error RR0303: " + message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithoutJson_PrintsTheExplanationAndASummary()
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", RedDepartment, "--household", Households, "--route", "waitingList", "--on", "2025-03-01", "--lang", "da");

        AssertSuccess(run);
        var text = Lf(run.Stdout);
        Assert.StartsWith("Husstand case-001 → afdeling HB-104 [Rød], vej: venteliste: BERETTIGET\n", text, StringComparison.Ordinal);
        Assert.Contains("Husstand case-003 → afdeling HB-104 [Rød], vej: venteliste: UAFKLARET\n", text, StringComparison.Ordinal);
        Assert.EndsWith("3 husstande: 1 berettigede, 1 ikke berettigede, 1 uafklarede.\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BirthDateGivenAsANumber_ExitsWithInvalidInputNamingFileLineColumnAndPath()
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", RedDepartment, "--household", Fixtures + "household-birthdate-number.json", "--on", "2025-03-01", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(
            "tests/RentalRules.Tests/Cli/Fixtures/household-birthdate-number.json:4:53: error RR0301: Expected a date 'yyyy-MM-dd', but found a number. (at $.members[0].birthDate) Hint: Write the date in quotes, e.g. \"2024-07-01\".",
            Lf(run.Stderr).TrimEnd('\n'));
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Check_HouseholdFileWithBrokenJson_ExitsWithInvalidInputNamingFileLineAndColumn()
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", RedDepartment, "--household", Fixtures + "household-syntax-error.json", "--on", "2025-03-01");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("tests/RentalRules.Tests/Cli/Fixtures/household-syntax-error.json:4:39: error RR0001: Invalid JSON", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Check_HouseholdFileThatDoesNotExist_ExitsWithInvalidInputNamingTheFile()
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", RedDepartment, "--household", Fixtures + "no-such-household.json", "--on", "2025-03-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "tests/RentalRules.Tests/Cli/Fixtures/no-such-household.json:1:1: error RR0002: Cannot read the file: the file does not exist. (at $) Hint: Check the path.",
            Lf(run.Stderr).TrimEnd('\n'));
        AssertNoStackTrace(run);
    }

    #endregion

    #region usage errors

    [Fact]
    public void Place_UnknownOption_ExitsWithUsageError()
    {
        var run = CliRunner.Run("place", "--pack", Pack, "--departments", "samples/holbaek/departments.json", "--frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("rentalrules: Unrecognized command or argument '--frobnicate'.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'rentalrules --help' for usage.", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Place_MissingDepartmentsOption_ExitsWithUsageError()
    {
        var run = CliRunner.Run("place", "--pack", Pack, "--on", "2025-03-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Option '--departments' is required.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_DateNotInIsoFormat_ExitsWithUsageError()
    {
        var run = CliRunner.Run("place", "--pack", Pack, "--departments", "samples/holbaek/departments.json", "--on", "2025-3-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("rentalrules: --on must be a date yyyy-MM-dd (e.g. 2025-03-01), not '2025-3-1'.\nRun 'rentalrules --help' for usage.", Lf(run.Stderr).TrimEnd('\n'));
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Check_UnknownRoute_ExitsWithUsageError()
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", RedDepartment, "--household", Households, "--route", "nowhere", "--on", "2025-03-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'nowhere'", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    #endregion

    private static void AssertSuccess(CliRunner.Result run)
    {
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}; stderr:\n{run.Stderr}");
        Assert.Equal("", run.Stderr);
    }

    private static void AssertNoStackTrace(CliRunner.Result run)
    {
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
    }

    private static IEnumerable<string?> CriteriaSets(JsonElement placement, string route)
        => Strings(placement.GetProperty("routes").GetProperty(route).GetProperty("criteriaSets"));

    private static IEnumerable<string?> Outcomes(JsonElement result)
        => result.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("outcome").GetString());

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
