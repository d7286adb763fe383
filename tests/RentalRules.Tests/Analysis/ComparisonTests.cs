using RentalRules.Analysis;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Analysis;

/// <summary>
/// <see cref="PackComparer"/> on a Holbæk draft (written in a temporary folder beside copies of the shipped packs) that
/// moves the green/yellow threshold <c>greenMax</c> from 30 % to 35 %: what changed, which departments move, and which
/// of the draft's changes caused it.
/// </summary>
public sealed class ComparisonTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    internal static IReadOnlyList<Household> Households()
    {
        var path = Repo.Path("tests", "RentalRules.Tests", "Analysis", "Fixtures", "holbaek-households.json");
        return FactReader.ReadHouseholds(File.ReadAllBytes(path), path).GetValueOrThrow().Items;
    }

    [Fact]
    public void Changes_DraftMovingGreenMax_ListsOnlyThatParameterAsChanged()
    {
        using var folder = new DraftFolder();

        var changes = PackComparer.Changes(Repo.Pack("holbaek-2024"), folder.Load());

        Assert.Equal([new RuleChange("parameter", "greenMax", "changed") { Unit = "share" }], changes);
        Assert.Equal("parameter:greenMax", changes[0].Key);
    }

    [Fact]
    public void Changes_SamePack_ListsNothing()
        => Assert.Empty(PackComparer.Changes(Repo.Pack("holbaek-2024"), Repo.Pack("holbaek-2024")));

    [Fact]
    public void Run_DepartmentAt33Percent_ChangesFromYellowToGreenCausedByGreenMax()
    {
        using var folder = new DraftFolder();
        var department = Build.Department("HB-33", outsideLabourMarketShare: 0.33m);

        var comparison = PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), [department], null, On);

        var change = Assert.Single(comparison.Departments);
        Assert.Equal("HB-33", change.DepartmentId);
        Assert.Equal("yellow", change.BaseTier);
        Assert.Equal("green", change.DraftTier);
        Assert.Equal(16m / 6, change.BaseMunicipalPerYear);      // 200 dwellings × 8 % = 16 vacancies, every 6th
        Assert.Equal(16m / 3, change.DraftMunicipalPerYear);     // every 3rd
        Assert.Equal(["parameter:greenMax"], change.CausedBy);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.30)]
    [InlineData(0.36)]
    [InlineData(0.50)]
    public void Run_DepartmentAwayFromTheNewThreshold_DoesNotChange(double share)
    {
        using var folder = new DraftFolder();
        var department = Build.Department("HB-X", outsideLabourMarketShare: (decimal)share);

        var comparison = PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), [department], null, On);

        Assert.Empty(comparison.Departments);
        Assert.Equal(comparison.Base.PerYear, comparison.Draft.PerYear);
    }

    [Fact]
    public void Run_UncolouredDepartment_DoesNotChange()
    {
        using var folder = new DraftFolder();

        var comparison = PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), [Build.Department("HB-U", outsideLabourMarketShare: null)], null, On);

        Assert.Empty(comparison.Departments);
        Assert.Equal("uncoloured", comparison.Draft.Departments[0].Tier);
    }

    [Fact]
    public void Run_WithHouseholds_AttributesEachEligibilityChangeToGreenMax()
    {
        using var folder = new DraftFolder();
        var yellowWithProblems = Build.Department("HB-33", outsideLabourMarketShare: 0.33m) with { Flags = ["particularProblems"] };
        var green = Build.Department("HB-20", outsideLabourMarketShare: 0.20m);

        var comparison = PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), [yellowWithProblems, green], Households(), On);

        Assert.Equal(3, comparison.HouseholdsChecked);
        Assert.NotEmpty(comparison.Households);
        Assert.All(comparison.Households, h =>
        {
            Assert.Equal("HB-33", h.DepartmentId);
            Assert.Equal(["parameter:greenMax"], h.CausedBy);
        });

        // Tightened criteria applied to municipal allocation in a yellow department with particular problems; green has none.
        var municipal = Assert.Single(comparison.Households, h => h.HouseholdId == "case-002" && h.Route == LettingRoute.Municipal);
        Assert.Equal(Outcome.Ineligible, municipal.Base);
        Assert.Equal(Outcome.Eligible, municipal.Draft);
    }

    private const string BothThresholds = """
        {
          "id": "holbaek-2024-both", "version": "0.1.0", "title": "Holbæk draft: green to 35 %, yellow to 50 %", "status": "draft",
          "extends": ["holbaek-2024"],
          "parameters": {
            "greenMax": { "unit": "share", "clause": "§ 6", "values": [ { "from": "2024-07-01", "value": 0.35 } ] },
            "yellowMax": { "unit": "share", "clause": "§ 6", "values": [ { "from": "2024-07-01", "value": 0.50 } ] }
          }
        }
        """;

    [Theory]
    [InlineData(0.33, "yellow", "green", "parameter:greenMax")]
    [InlineData(0.47, "red", "yellow", "parameter:yellowMax")]
    public void Run_DraftChangingBothThresholds_AttributesEachDepartmentToTheThresholdItCrossed(double share, string baseTier, string draftTier, string cause)
    {
        using var folder = new DraftFolder(BothThresholds, "holbaek-2024-both.json");
        var department = Build.Department("HB-X", outsideLabourMarketShare: (decimal)share);

        var comparison = PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), [department], null, On);

        var change = Assert.Single(comparison.Departments);
        Assert.Equal((baseTier, draftTier), (change.BaseTier, change.DraftTier));
        Assert.Equal([cause], change.CausedBy);
    }

    [Fact]
    public void Run_DraftChangingTheIncomeThreshold_DoesNotBlameAPlacementParameterForAnEligibilityChange()
    {
        const string draft = """
            {
              "id": "holbaek-2024-income", "version": "0.1.0", "title": "Holbæk draft: green to 35 %, higher income threshold", "status": "draft",
              "extends": ["holbaek-2024"],
              "parameters": {
                "greenMax": { "unit": "share", "clause": "§ 6", "values": [ { "from": "2024-07-01", "value": 0.35 } ] },
                "fixedWorkMonthlyIncome": { "unit": "DKK/month", "clause": "bilag 3 nr. 2", "values": [ { "from": "2023-01-01", "value": 40000 } ] }
              }
            }
            """;
        using var folder = new DraftFolder(draft, "holbaek-2024-income.json");
        var red = Build.Department("HB-RED", outsideLabourMarketShare: 0.50m);
        var worker = Build.Household("H-1", Build.Worker("a", new DateOnly(1985, 1, 1), monthlyGrossIncome: 30000m));

        var comparison = PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), [red], [worker], On);

        Assert.Empty(comparison.Departments);
        Assert.NotEmpty(comparison.Households);
        Assert.All(comparison.Households, h => Assert.DoesNotContain("parameter:greenMax", h.CausedBy));
        Assert.All(comparison.Households, h => Assert.Contains("parameter:fixedWorkMonthlyIncome", h.CausedBy));
    }

    [Fact]
    public void Run_DraftChangingAGreenShare_ListsGreenDepartmentsWithTheirNewAllocationsCausedByTheTier()
    {
        const string draft = """
            { "id": "holbaek-2024-quarter", "version": "0.1.0", "title": "Holbæk draft: every 4th in green", "status": "draft",
              "extends": ["holbaek-2024"], "tiers": { "green": { "municipalShare": "1/4" } } }
            """;
        using var folder = new DraftFolder(draft, "holbaek-2024-quarter.json");
        var green = Build.Department("HB-G", outsideLabourMarketShare: 0.20m);
        var yellow = Build.Department("HB-Y", outsideLabourMarketShare: 0.40m);

        var comparison = PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), [green, yellow], null, On);

        Assert.Equal([new RuleChange("tier", "green", "changed")], comparison.RuleChanges);
        var change = Assert.Single(comparison.Departments);
        Assert.Equal(("HB-G", "green", "green"), (change.DepartmentId, change.BaseTier, change.DraftTier));
        Assert.Equal((16m / 3, 4m), (change.BaseMunicipalPerYear!.Value, change.DraftMunicipalPerYear!.Value));
        Assert.Equal(["tier:green"], change.CausedBy);
    }

    [Fact]
    public void Run_WithoutHouseholds_SaysNoneWereChecked()
    {
        using var folder = new DraftFolder();

        var comparison = PackComparer.Run(Repo.Pack("holbaek-2024"), folder.Load(), [Build.Department("HB-33", outsideLabourMarketShare: 0.33m)], null, On);

        Assert.Null(comparison.HouseholdsChecked);
        Assert.Empty(comparison.Households);
    }
}
