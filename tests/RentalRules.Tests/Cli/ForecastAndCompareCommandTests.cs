using System.Text.Json;
using RentalRules.Analysis;
using RentalRules.Explanations;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Cli;

/// <summary>
/// <c>rentalrules forecast</c> and <c>rentalrules compare</c>: the JSON contract, the readable table, reports written to
/// stdout or atomically to a file, exit codes, and located errors without stack traces. Runs the CLI in-process from the
/// repository root; drafts are written to a temporary folder beside copies of the shipped packs.
/// </summary>
public sealed class ForecastAndCompareCommandTests
{
    private const string Pack = "rules/holbaek-2024.json";
    private const string Portfolio = "tests/RentalRules.Tests/Analysis/Fixtures/holbaek-portfolio.json";
    private const string PortfolioCsv = "tests/RentalRules.Tests/Analysis/Fixtures/holbaek-portfolio.csv";
    private const string Households = "tests/RentalRules.Tests/Analysis/Fixtures/holbaek-households.json";

    #region forecast

    [Fact]
    public void Forecast_HolbaekPortfolioAsJson_GivesElevenMunicipalAllocationsAYear()
    {
        var run = CliRunner.Run("forecast", "--pack", Pack, "--portfolio", Portfolio, "--on", "2025-03-01", "--json");

        AssertSuccess(run);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(
            [("HB-GRON", "green", "24", "8"), ("HB-GUL", "yellow", "12", "2"), ("HB-ROD", "red", "14", "0"), ("HB-UFARVET", "uncoloured", "8", "1")],
            root.GetProperty("departments").EnumerateArray().Select(d => (
                d.GetProperty("department").GetString(),
                d.GetProperty("tier").GetString(),
                d.GetProperty("vacanciesPerYear").GetRawText(),
                d.GetProperty("municipalPerYear").GetRawText())));
        Assert.Equal("4", root.GetProperty("departments")[0].GetProperty("flexiblePerYear").GetRawText());
        Assert.Equal("12", root.GetProperty("departments")[0].GetProperty("waitingListPerYear").GetRawText());
        Assert.Equal(11m, root.GetProperty("totals").GetProperty("municipalPerYear").GetDecimal());
        Assert.Equal(58m, root.GetProperty("totals").GetProperty("vacanciesPerYear").GetDecimal());
        Assert.Equal(11m, root.GetProperty("perYear").GetProperty("municipalPerYear").GetDecimal());
    }

    [Fact]
    public void Forecast_FourYears_TotalsFortyFourMunicipalAllocations()
    {
        var run = CliRunner.Run("forecast", "--pack", Pack, "--portfolio", Portfolio, "--on", "2025-03-01", "--years", "4", "--json");

        AssertSuccess(run);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("years").GetInt32());
        Assert.Equal(4, root.GetProperty("totals").GetProperty("years").GetInt32());
        Assert.Equal(44m, root.GetProperty("totals").GetProperty("municipalPerYear").GetDecimal());
        Assert.Equal(11m, root.GetProperty("perYear").GetProperty("municipalPerYear").GetDecimal());
        Assert.Equal(
            [("green", 8m), ("red", 0m), ("uncoloured", 1m), ("yellow", 2m)],
            root.GetProperty("byTier").EnumerateArray().Select(t => (t.GetProperty("tier").GetString(), t.GetProperty("municipalPerYear").GetDecimal())));
        Assert.Equal(
            [("Boligselskabet Sjælland", 2m), ("Byggeforening af 1933", 1m), ("Holbæk Boligselskab", 8m)],
            root.GetProperty("byOrganisation").EnumerateArray().Select(t => (t.GetProperty("organisation").GetString(), t.GetProperty("municipalPerYear").GetDecimal())));
    }

    [Fact]
    public void Forecast_Readable_PrintsATableWithTwoDecimalsAndTheTotals()
    {
        var run = CliRunner.Run("forecast", "--pack", Pack, "--portfolio", Portfolio, "--on", "2025-03-01", "--years", "4");

        AssertSuccess(run);
        var lines = Lf(run.Stdout).Split('\n');
        Assert.Equal("holbaek-2024 1.0.0, on 2025-03-01", lines[1]);
        Assert.Equal("DEPARTMENT  ORGANISATION             TIER        VACANCIES/YR  MUNICIPAL/YR  FLEXIBLE/YR  WAITING LIST/YR", lines[3]);
        Assert.Equal("HB-GRON     Holbæk Boligselskab      Green              24.00          8.00         4.00            12.00", lines[4]);
        Assert.Contains("Green                 1         24.00          8.00         4.00            12.00", lines);
        Assert.Contains("Holbæk Boligselskab                2         38.00          8.00        18.00            12.00", lines);
        Assert.Contains("per year            4      58.00      11.00     18.00         29.00", lines);
        Assert.Contains("4 years             4     232.00      44.00     72.00        116.00", lines);
    }

    [Fact]
    public void Forecast_CsvPortfolio_IsReadByItsExtension()
    {
        var run = CliRunner.Run("forecast", "--pack", Pack, "--portfolio", PortfolioCsv, "--on", "2025-03-01", "--json");

        AssertSuccess(run);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(5, json.RootElement.GetProperty("departments").GetArrayLength());
        Assert.Equal(12.5m, json.RootElement.GetProperty("totals").GetProperty("municipalPerYear").GetDecimal());
    }

    [Fact]
    public void Forecast_ZeroYears_ExitsWithUsageError()
    {
        var run = CliRunner.Run("forecast", "--pack", Pack, "--portfolio", Portfolio, "--years", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--years must be a whole number of at least 1", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Forecast_MissingPortfolio_ExitsWithInvalidInputNamingTheFile()
    {
        var run = CliRunner.Run("forecast", "--pack", Pack, "--portfolio", "no-such-portfolio.csv");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("no-such-portfolio.csv:1:1: error ", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    #endregion

    #region compare

    [Fact]
    public void Compare_Markdown_IsTheLibrarysReport()
    {
        using var folder = new DraftFolder();

        var run = CliRunner.Run("compare", "--base", Pack, "--draft", folder.DraftPath, "--portfolio", PortfolioCsv, "--households", Households, "--on", "2025-03-01");

        AssertSuccess(run);
        var expected = ComparisonReport.Markdown(
            PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), Explanations.ComparisonReportTests.ComparePortfolio(), Analysis.ComparisonTests.Households(), new DateOnly(2025, 3, 1)),
            Language.English);
        Assert.Equal(Lf(expected), Lf(run.Stdout));
    }

    [Fact]
    public void Compare_FormatJson_HasTheSections()
    {
        using var folder = new DraftFolder();

        var run = CliRunner.Run("compare", "--base", Pack, "--draft", folder.DraftPath, "--portfolio", PortfolioCsv, "--households", Households, "--on", "2025-03-01", "--format", "json");

        AssertSuccess(run);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(
            ["base", "draft", "on", "ruleChanges", "departments", "tierDistribution", "municipalPerYear", "notCounted", "householdsChecked", "households"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["byTier", "byOrganisation", "total"], root.GetProperty("municipalPerYear").EnumerateObject().Select(p => p.Name));
        var department = Assert.Single(root.GetProperty("departments").EnumerateArray());
        Assert.Equal(("HB-GUL", "yellow", "green"), (department.GetProperty("department").GetString(), department.GetProperty("baseTier").GetString(), department.GetProperty("draftTier").GetString()));
        Assert.Equal("parameter:greenMax", department.GetProperty("causedBy")[0].GetString());
        Assert.All(root.GetProperty("households").EnumerateArray(), h => Assert.Equal("parameter:greenMax", h.GetProperty("causedBy")[0].GetString()));
    }

    [Fact]
    public void Compare_JsonFlag_IsTheSameAsFormatJson()
    {
        using var folder = new DraftFolder();
        string[] args = ["compare", "--base", Pack, "--draft", folder.DraftPath, "--portfolio", PortfolioCsv, "--on", "2025-03-01"];

        var flag = CliRunner.Run([.. args, "--json"]);
        var format = CliRunner.Run([.. args, "--format", "json"]);

        AssertSuccess(flag);
        Assert.Equal(format.Stdout, flag.Stdout);
    }

    [Fact]
    public void Compare_Out_WritesTheReportAtomicallyAndPrintsOneLine()
    {
        using var folder = new DraftFolder();
        var target = Path.Combine(folder.Folder, "report.html");
        File.WriteAllText(target, "an older report");
        string[] args = ["compare", "--base", Pack, "--draft", folder.DraftPath, "--portfolio", PortfolioCsv, "--on", "2025-03-01", "--format", "html"];

        var run = CliRunner.Run([.. args, "--out", target]);
        var toStdout = CliRunner.Run(args);

        AssertSuccess(run);
        Assert.Equal("", run.Stdout);
        Assert.Equal($"The report was written to {target}.\n", Lf(run.Stderr));
        Assert.Equal(toStdout.Stdout, File.ReadAllText(target));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Folder, "*.tmp"));
    }

    [Fact]
    public void Compare_OutInAMissingFolder_ExitsWithInvalidInputAndWritesNothing()
    {
        using var folder = new DraftFolder();
        var target = Path.Combine(folder.Folder, "no-such-folder", "report.md");

        var run = CliRunner.Run("compare", "--base", Pack, "--draft", folder.DraftPath, "--portfolio", PortfolioCsv, "--on", "2025-03-01", "--out", target);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith($"{target}:1:1: error ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Cannot write the report", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Compare_UnknownFormat_ExitsWithUsageError()
    {
        using var folder = new DraftFolder();

        var run = CliRunner.Run("compare", "--base", Pack, "--draft", folder.DraftPath, "--portfolio", PortfolioCsv, "--format", "pdf");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("rentalrules: --format must be md, html or json, not 'pdf'.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Compare_JsonFlagWithFormatMarkdown_ExitsWithUsageError()
    {
        using var folder = new DraftFolder();

        var run = CliRunner.Run("compare", "--base", Pack, "--draft", folder.DraftPath, "--portfolio", PortfolioCsv, "--format", "md", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--json asks for JSON but --format asks for md", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_MissingPortfolio_ExitsWithInvalidInputNamingTheFile()
    {
        using var folder = new DraftFolder();

        var run = CliRunner.Run("compare", "--base", Pack, "--draft", folder.DraftPath, "--portfolio", "no-such-portfolio.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "no-such-portfolio.json:1:1: error RR0002: Cannot read the file: the file does not exist. (at $) Hint: Check the path.\n",
            Lf(run.Stderr));
        Assert.Equal("", run.Stdout);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Compare_InvalidPortfolioRow_ExitsWithInvalidInputLocatedAtTheCell()
    {
        using var folder = new DraftFolder();
        var portfolio = Path.Combine(folder.Folder, "portfolio.csv");
        File.WriteAllText(portfolio, "id,dwellings,turnoverRate\nHB-1,100,8\n");

        var run = CliRunner.Run("compare", "--base", Pack, "--draft", folder.DraftPath, "--portfolio", portfolio);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"{portfolio}:2:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("0.08", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Compare_InvalidDraft_ExitsWithInvalidInputAndTheDraftsDiagnostics()
    {
        using var folder = new DraftFolder("""{ "id": "d", "version": "1", "title": "D", "extends": ["no-such-base"] }""", "bad-draft.json");

        var run = CliRunner.Run("compare", "--base", Pack, "--draft", folder.DraftPath, "--portfolio", PortfolioCsv);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad-draft.json:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-base", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    #endregion

    private static void AssertSuccess(CliRunner.Result run)
        => Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\nstdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");

    private static void AssertNoStackTrace(CliRunner.Result run)
    {
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
