using System.Diagnostics;
using System.Globalization;
using RentalRules.Analysis;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Samples;

/// <summary>
/// <c>samples/ComparingDrafts</c>: the drafts load, every portfolio row and household loads, the comparisons move the
/// departments the sample's README names (and attribute the moves to the changed parameter), and the sample project
/// builds and runs from the repository root.
/// </summary>
public sealed class ComparingDraftsSampleTests
{
    private const string HoejeTaastrupDraft = "hoeje-taastrup-2023-convictions-3x";
    private const string HolbaekDraft = "holbaek-2024-green-35";

    private static readonly DateOnly On = new(2026, 3, 1);

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private static string Sample(params string[] parts) => Repo.Path(["samples", "ComparingDrafts", .. parts]);

    #region The drafts

    [Theory]
    [InlineData(HoejeTaastrupDraft, "hoeje-taastrup-2023", "convictedShareMax", "0.0156", "0.0234")]
    [InlineData(HolbaekDraft, "holbaek-2024", "greenMax", "0.30", "0.35")]
    public void Draft_Loads_AsADraftOfItsBaseThatChangesOneParameter(string draftId, string baseId, string parameter, string baseValue, string draftValue)
    {
        var result = RulePackLoader.Load(Sample("drafts", draftId + ".json"));

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Severity.Info);
        var draft = result.GetValueOrThrow();
        var basePack = Repo.Pack(baseId);
        Assert.Equal(draftId, draft.Id);
        Assert.Equal("draft", draft.Status);
        Assert.Equal(baseId, draft.Extends[0]);
        Assert.Equal(decimal.Parse(baseValue, CultureInfo.InvariantCulture), basePack.ParameterValue(parameter, On));
        Assert.Equal(decimal.Parse(draftValue, CultureInfo.InvariantCulture), draft.ParameterValue(parameter, On));
        Assert.Contains(PackComparer.Changes(basePack, draft), c => c.Key == "parameter:" + parameter && c.Change == "changed");
        Assert.DoesNotContain(PackComparer.Changes(basePack, draft), c => c.Kind is "tier" or "criterion" or "criteriaSet" or "requirement" or "routingRule");
    }

    [Fact]
    public void Validate_BothDrafts_ExitsWith0()
    {
        var result = CliRunner.Run("validate", "samples/ComparingDrafts/drafts/hoeje-taastrup-2023-convictions-3x.json", "samples/ComparingDrafts/drafts/holbaek-2024-green-35.json");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("hoeje-taastrup-2023-convictions-3x.json: valid", result.Stdout);
        Assert.Contains("holbaek-2024-green-35.json: valid", result.Stdout);
    }

    #endregion

    #region The fictional data

    [Theory]
    [InlineData("portfolio-hoeje-taastrup.csv", "Høje-Taastrup")]
    [InlineData("portfolio-holbaek.csv", "Holbæk")]
    public void Portfolio_EveryRowLoads_WithTheFactsAForecastNeeds(string file, string municipality)
    {
        var text = File.ReadAllText(Sample(file));
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        var result = FactReader.ReadDepartmentsCsv(text, file);

        Assert.Empty(result.Diagnostics);
        var departments = result.GetValueOrThrow().Items;
        Assert.Equal(rows, departments.Count);
        Assert.InRange(departments.Count, 15, 25);
        Assert.Equal(departments.Count, departments.Select(d => d.Id).Distinct().Count());
        Assert.All(departments, d =>
        {
            Assert.StartsWith("Fiktiv ", d.Name);
            Assert.Equal(municipality, d.Municipality);
            Assert.NotNull(d.Residents);
            Assert.NotNull(d.Dwellings);
            Assert.NotNull(d.TurnoverRate);
            Assert.NotNull(d.Flags);
        });
    }

    [Fact]
    public void Households_Load_AsSixToTenFictionalCases()
    {
        var result = FactReader.ReadHouseholds(File.ReadAllText(Sample("households.json")), "households.json");

        Assert.Empty(result.Diagnostics);
        var households = result.GetValueOrThrow().Items;
        Assert.InRange(households.Count, 6, 10);
        Assert.All(households, h =>
        {
            Assert.Matches("^case-1[0-9]{2}$", h.Id);
            Assert.All(h.Members!, m => Assert.Matches("^m[0-9]+$", m.Id));
        });
    }

    #endregion

    #region The comparisons the README walks through

    [Fact]
    public void Compare_HoejeTaastrupConvictions3x_MovesSmallDepartmentsFromLevel2ToLevel1_AttributedToConvictedShareMax()
    {
        var (comparison, portfolio) = Compare("hoeje-taastrup-2023", HoejeTaastrupDraft, "portfolio-hoeje-taastrup.csv");

        var moved = comparison.Departments.Where(d => d.BaseTier != d.DraftTier).ToList();
        Assert.Equal(["HT-SOENDERGAARDEN", "HT-KAERHAVEN", "HT-ENGKROGEN", "HT-MOELLEPARKEN"], moved.Select(d => d.DepartmentId));
        Assert.All(moved, d =>
        {
            Assert.Equal("level-2", d.BaseTier);
            Assert.Equal("level-1", d.DraftTier);
            Assert.Contains("parameter:convictedShareMax", d.CausedBy);
            var department = portfolio.Single(p => p.Id == d.DepartmentId);
            Assert.True(department.Residents < 1000);
            Assert.InRange(department.KeyFigures!.ConvictedShare!.Value, 0.0157m, 0.0234m);
            Assert.True(d.DraftMunicipalPerYear > d.BaseMunicipalPerYear);
        });

        // Departments just outside the band stay where they were: exactly 1.56 % (level 1), above 2.34 %, above 40 %
        // outside the labour market, and a large department with 2.1 % (level 1).
        Assert.DoesNotContain(comparison.Departments, d => d.DepartmentId is "HT-TOFTEGAARDEN" or "HT-RUGMARKEN" or "HT-STATIONSPARKEN" or "HT-BYPARKEN");
        Assert.Equal(118.78m, decimal.Round(comparison.Base.PerYear.MunicipalPerYear, 2));
        Assert.Equal(129.27m, decimal.Round(comparison.Draft.PerYear.MunicipalPerYear, 2));
    }

    [Fact]
    public void Compare_HolbaekGreen35_MovesDepartmentsFromYellowToGreen_AttributedToGreenMax()
    {
        var (comparison, portfolio) = Compare("holbaek-2024", HolbaekDraft, "portfolio-holbaek.csv");

        var moved = comparison.Departments.Where(d => d.BaseTier != d.DraftTier).ToList();
        Assert.Equal(["HB-202", "HB-205", "HB-208", "HB-210", "HB-215"], moved.Select(d => d.DepartmentId));
        Assert.All(moved, d =>
        {
            Assert.Equal("yellow", d.BaseTier);
            Assert.Equal("green", d.DraftTier);
            Assert.Contains("parameter:greenMax", d.CausedBy);
            var share = portfolio.Single(p => p.Id == d.DepartmentId).KeyFigures!.OutsideLabourMarketShare!.Value;
            Assert.True(share is > 0.30m and <= 0.35m);
            Assert.Equal(decimal.Round(2 * d.BaseMunicipalPerYear!.Value, 10), decimal.Round(d.DraftMunicipalPerYear!.Value, 10)); // every 3rd instead of every 6th
        });

        // 30 % exactly was green already; 35.2 % stays yellow.
        Assert.DoesNotContain(comparison.Departments, d => d.DepartmentId is "HB-207" or "HB-211");
        Assert.Equal(60.43m, decimal.Round(comparison.Base.PerYear.MunicipalPerYear, 2));
        Assert.Equal(73.51m, decimal.Round(comparison.Draft.PerYear.MunicipalPerYear, 2));
    }

    [Fact]
    public void Compare_HolbaekGreen35_LiftsTheTightenedCriteriaOnlyInTheMovedDepartmentWithParticularProblems()
    {
        var households = FactReader.ReadHouseholds(File.ReadAllText(Sample("households.json"))).GetValueOrThrow().Items;

        var (comparison, _) = Compare("holbaek-2024", HolbaekDraft, "portfolio-holbaek.csv", households);

        Assert.NotEmpty(comparison.Households);
        Assert.All(comparison.Households, h =>
        {
            Assert.Equal("HB-202", h.DepartmentId);
            Assert.Contains("parameter:greenMax", h.CausedBy);
        });
        Assert.Contains(comparison.Households, h => h.HouseholdId == "case-105" && h.Route == LettingRoute.WaitingList && h.Base == Outcome.Ineligible && h.Draft == Outcome.Eligible);
        Assert.DoesNotContain(comparison.Households, h => h.HouseholdId == "case-101");
    }

    private static (Comparison Comparison, IReadOnlyList<Department> Portfolio) Compare(string baseId, string draftId, string portfolioFile, IReadOnlyList<Household>? households = null)
    {
        var draft = RulePackLoader.Load(Sample("drafts", draftId + ".json")).GetValueOrThrow();
        var portfolio = FactReader.ReadDepartmentsCsv(File.ReadAllText(Sample(portfolioFile)), portfolioFile).GetValueOrThrow().Items;
        return (PackComparer.Run(Repo.Pack(baseId), draft, portfolio, households, On), portfolio);
    }

    #endregion

    #region The sample project

    [Fact]
    public async Task SampleProject_BuildsAndRunsFromTheRepositoryRoot_NamingTheMovedDepartmentsAndTheChangedParameters()
    {
        var (exitCode, stdout, stderr) = await DotnetRun("run", "--project", "samples/ComparingDrafts", "--");

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains("parameter:convictedShareMax", stdout);
        Assert.Contains("HT-KAERHAVEN", stdout);
        Assert.Contains("level-2 → level-1", stdout);
        Assert.Contains("parameter:greenMax", stdout);
        Assert.Contains("HB-205", stdout);
        Assert.Contains("yellow → green", stdout);
        Assert.Contains("Municipal allocations per year", stdout);
    }

    [Fact]
    public async Task SampleProject_WithAMissingPortfolio_ExitsWith1AndNamesTheFile()
    {
        var (exitCode, stdout, stderr) = await DotnetRun("run", "--project", "samples/ComparingDrafts", "--", "holbaek", "--portfolio", "samples/ComparingDrafts/no-such-portfolio.csv");

        Assert.True(exitCode == 1, $"exit code {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains("no-such-portfolio.csv:1:1: error: cannot read the portfolio: the file does not exist.", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> DotnetRun(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No build servers or reused nodes: they would outlive the run and hold its output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // The test host's MSBuild settings belong to its own build, not to this one.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && k != "MSBUILDDISABLENODEREUSE").ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} did not finish within {RunTimeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    #endregion
}
