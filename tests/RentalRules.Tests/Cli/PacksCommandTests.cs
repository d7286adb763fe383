using System.Text.Json;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>
/// <c>rentalrules packs</c> lists the built-in packs, and every option that takes a pack takes an id: from a folder
/// that holds nothing but a draft, validate, check and compare work by id.
/// </summary>
public sealed class PacksCommandTests : IDisposable
{
    private const string Draft = """
        { "id": "my-draft", "version": "0.1.0", "title": "Draft", "status": "draft", "extends": ["holbaek-2024"],
          "parameters": { "greenMax": { "values": [ { "from": "2024-07-01", "value": 0.35 } ] } } }
        """;

    private readonly DirectoryInfo _empty = Directory.CreateTempSubdirectory("rr-cli-empty-");

    public void Dispose() => _empty.Delete(recursive: true);

    [Fact]
    public void Packs_Json_ListsEveryBuiltInPackWithTitleStatusAndValidity()
    {
        var run = CliRunner.Run("packs", "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var packs = doc.RootElement.GetProperty("packs").EnumerateArray().ToList();
        Assert.Equal(RentalRules.Packs.RulePackLoader.BuiltInPacks.Select(p => p.Id), packs.Select(p => p.GetProperty("id").GetString()));
        var holbaek = packs.Single(p => p.GetProperty("id").GetString() == "holbaek-2024");
        Assert.Equal(("signed", "2024-07-01", "2027-12-31"), (holbaek.GetProperty("status").GetString(), holbaek.GetProperty("validFrom").GetString(), holbaek.GetProperty("validTo").GetString()));
    }

    [Fact]
    public void Packs_Readable_ShowsIdStatusValidityAndTitle()
    {
        var run = CliRunner.RunIn(_empty.FullName, "packs");

        Assert.Equal(0, run.ExitCode);
        var line = run.Stdout.Split('\n').Single(l => l.StartsWith("holbaek-2024 ", StringComparison.Ordinal));
        Assert.Matches(@"^holbaek-2024 +1\.0\.0 +signed +2024-07-01 – 2027-12-31 +Rammeaftale om udlejning og anvisning af almene boliger i Holbæk Kommune 2024-2027$", line.TrimEnd('\r'));
    }

    [Fact]
    public void Validate_DraftInAnEmptyFolder_ResolvesItsBaseAmongTheBuiltInPacks()
    {
        File.WriteAllText(Path.Combine(_empty.FullName, "my-draft.json"), Draft);

        var run = CliRunner.RunIn(_empty.FullName, "validate", "my-draft.json", "holbaek-2024");

        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("my-draft.json: valid (my-draft 0.1.0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("holbaek-2024: valid (holbaek-2024 1.0.0", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithThePackOptionOtherCommandsUse_ValidatesThePack()
    {
        // `validate --pack X` used to read "--pack" as a file name (RR0002 for '--pack', exit 1).
        File.WriteAllText(Path.Combine(_empty.FullName, "my-draft.json"), Draft);

        var run = CliRunner.RunIn(_empty.FullName, "validate", "--pack", "my-draft.json", "--pack", "holbaek-2024");

        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("my-draft.json: valid (my-draft 0.1.0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("holbaek-2024: valid (holbaek-2024 1.0.0", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithoutAPack_IsAUsageError()
    {
        var run = CliRunner.RunIn(_empty.FullName, "validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Name at least one pack", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PackById_FromAnEmptyFolder_ChecksTheHousehold()
    {
        var run = CliRunner.RunIn(_empty.FullName, "check", "--pack", "holbaek-2024", "--department", Repo.Path("samples", "holbaek", "department-red.json"), "--household", Repo.Path("samples", "holbaek", "households.json"), "--on", "2025-01-01", "--json");

        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.True(doc.RootElement.GetProperty("results").GetArrayLength() > 0);
    }

    [Fact]
    public void Compare_BaseByIdAndDraftExtendingIt_FromAnEmptyFolder_Reports()
    {
        File.WriteAllText(Path.Combine(_empty.FullName, "my-draft.json"), Draft);

        var run = CliRunner.RunIn(_empty.FullName, "compare", "--base", "holbaek-2024", "--draft", "my-draft.json", "--portfolio", Repo.Path("samples", "holbaek", "departments.json"), "--on", "2025-01-01", "--json");

        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("greenMax", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MisspeltPackId_SuggestsTheClosestIdAndThePacksCommand()
    {
        var run = CliRunner.RunIn(_empty.FullName, "place", "--pack", "holbek-2024", "--departments", Repo.Path("samples", "holbaek", "departments.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("holbek-2024:1:1: error RR0107: There is no built-in pack 'holbek-2024'. (at $) Hint: Did you mean 'holbaek-2024'? 'rentalrules packs' (or RulePackLoader.BuiltInPacks) lists the built-in packs.", run.Stderr.Trim());
    }

    [Fact]
    public void Check_HouseholdFromStandardInput_AndRouteInAnyCase_IsChecked()
    {
        var households = File.ReadAllText(Repo.Path("samples", "holbaek", "households.json"));
        var fromFile = CliRunner.Run("check", "--pack", "holbaek-2024", "--department", "samples/holbaek/department-red.json", "--household", "samples/holbaek/households.json", "--route", "waitingList", "--on", "2025-03-01", "--json");

        var run = CliRunner.RunWithStdin(households, "check", "--pack", "holbaek-2024", "--department", "samples/holbaek/department-red.json", "--household", "-", "--route", "WAITINGLIST", "--on", "2025-03-01", "--json");

        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(fromFile.Stdout, run.Stdout);
    }

    [Fact]
    public void Check_BadHouseholdFromStandardInput_IsLocatedInStdin()
    {
        var run = CliRunner.RunWithStdin("{ \"members\": 7 }", "check", "--pack", "holbaek-2024", "--department", "samples/holbaek/department-red.json", "--household", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("<stdin>:1:", run.Stderr, StringComparison.Ordinal);
    }
}
