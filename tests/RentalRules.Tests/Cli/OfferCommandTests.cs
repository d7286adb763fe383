using System.Text.Json;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>
/// <c>rentalrules offer</c> over the Holbæk samples in <c>samples/offers/</c> on 1 March 2025: a red department's vacancy
/// (appendix 3, by seniority), two waiting-list vacancies and a municipal one with the municipality's candidates.
/// </summary>
public sealed class OfferCommandTests : IDisposable
{
    private const string Pack = "rules/holbaek-2024.json";
    private const string Departments = "samples/offers/holbaek-departments.json";
    private const string Vacancies = "samples/offers/holbaek-vacancies.json";
    private const string Households = "samples/offers/holbaek-households.json";
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("rentalrules-offer-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Theory]
    [InlineData("en")]
    [InlineData("da")]
    public void Offer_HolbaekSamples_ReadableListsMatchSnapshot(string lang)
    {
        var run = CliRunner.Run("offer", "--pack", Pack, "--departments", Departments, "--vacancies", Vacancies, "--households", Households, "--on", "2025-03-01", "--lang", lang);

        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Snapshot.Match(run.Stdout, lang == "en" ? "Holbaek_Offer_Readable" : "Holbaek_Offer_Readable_da");
    }

    [Fact]
    public void Offer_HouseholdsFromStandardInput_GivesTheSameListsAsFromTheFile()
    {
        // A file is read twice, streamed (checked, then offered); standard input can be read once, so it is kept.
        var fromFile = CliRunner.Run("offer", "--pack", Pack, "--departments", Departments, "--vacancies", Vacancies, "--households", Households, "--on", "2025-03-01", "--json");
        var fromStdin = CliRunner.RunWithStdin(File.ReadAllText(Repo.Path(Households)), "offer", "--pack", Pack, "--departments", Departments, "--vacancies", Vacancies, "--households", "-", "--on", "2025-03-01", "--json");

        Assert.Equal((0, ""), (fromStdin.ExitCode, fromStdin.Stderr));
        Assert.Equal(fromFile.Stdout.Replace(Households, "-", StringComparison.Ordinal), fromStdin.Stdout.Replace("<stdin>", "-", StringComparison.Ordinal));
    }

    [Fact]
    public void OfferJson_HolbaekSamples_MatchesSnapshotAndListsTheRedVacancyBySeniority()
    {
        var run = CliRunner.Run("offer", "--pack", Pack, "--departments", Departments, "--vacancies", Vacancies, "--households", Households, "--on", "2025-03-01", "--top", "2", "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var red = root.GetProperty("offers")[0];
        Assert.Equal("HB-104-V01", red.GetProperty("vacancy").GetString());
        Assert.Equal("flexible", red.GetProperty("decision").GetProperty("route").GetString());
        Assert.Equal(["H-B", "H-G"], red.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("household").GetString()));
        Assert.Equal("H-F", Assert.Single(red.GetProperty("unplaced").EnumerateArray()).GetProperty("household").GetString());
        Snapshot.Match(run.Stdout, "Holbaek_Offer_Json", "json");
    }

    [Fact]
    public void Offer_WithJournal_RecordsTheDecisionsAndKeepsThemOnASecondRun()
    {
        var journal = Path.Combine(_temp.FullName, "journal.json");
        var first = CliRunner.Run("offer", "--pack", Pack, "--departments", Departments, "--vacancies", Vacancies, "--households", Households, "--on", "2025-03-01", "--journal", journal, "--json");
        var second = CliRunner.Run("offer", "--pack", Pack, "--departments", Departments, "--vacancies", Vacancies, "--households", Households, "--on", "2025-03-01", "--journal", journal, "--json");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        var route = CliRunner.Run("route", "--pack", Pack, "--departments", Departments, "--vacancies", Vacancies, "--journal", journal, "--on", "2025-03-01", "--json");
        var counts = JsonDocument.Parse(route.Stdout).RootElement.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("count").GetInt64());
        // Recorded once by the first offer run: the same k per vacancy every time, nothing counted twice.
        Assert.Equal([1L, 1, 2, 3], counts);
        Assert.Equal(Routes(first), Routes(second));
    }

    [Fact]
    public void Offer_DuplicateHouseholdId_IsALocatedErrorThatDoesNotQuoteTheId()
    {
        var households = Write("households.json", """
            [
              { "id": "CASE-4711", "waitingListSince": "2015-01-01", "members": [] },
              { "id": "CASE-4711", "waitingListSince": "2016-01-01", "members": [] }
            ]
            """);

        var run = CliRunner.Run("offer", "--pack", Pack, "--departments", Departments, "--vacancies", Vacancies, "--households", households, "--on", "2025-03-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains($"{households}:3:11: error RR0106: This household has the same id as the household at $[0].", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("CASE-4711", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_VacancyOfADepartmentNotInTheFile_IsALocatedError()
    {
        var vacancies = Write("vacancies.json", """
            [
              { "id": "V-1", "department": "HB-999", "category": "family" }
            ]
            """);

        var run = CliRunner.Run("offer", "--pack", Pack, "--departments", Departments, "--vacancies", vacancies, "--households", Households, "--on", "2025-03-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{vacancies}:2:32: error RR0303: The vacancy names the department 'HB-999', which is not in {Departments}.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_CandidateNotInTheHouseholdFile_IsALocatedError()
    {
        var vacancies = Write("vacancies.json", """
            [
              { "id": "V-1", "department": "HB-101", "category": "family", "candidates": ["H-A", "H-NOBODY"] }
            ]
            """);

        var run = CliRunner.Run("offer", "--pack", Pack, "--departments", Departments, "--vacancies", vacancies, "--households", Households, "--on", "2025-03-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error RR0303: The vacancy's candidate 2 (candidates[1]) is not a household in {Households}.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("$[0].candidates[1]", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_HouseholdWithoutId_IsALocatedError()
    {
        var households = Write("households.json", """
            [ { "waitingListSince": "2015-01-01", "members": [] } ]
            """);

        var run = CliRunner.Run("offer", "--pack", Pack, "--departments", Departments, "--vacancies", Vacancies, "--households", households, "--on", "2025-03-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{households}:1:3: error RR0303: A household has no id; an offer list names households by id.", run.Stderr, StringComparison.Ordinal);
    }

    private static List<string?> Routes(CliRunner.Result run)
        => JsonDocument.Parse(run.Stdout).RootElement.GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("decision").GetProperty("route").GetString()).ToList();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
