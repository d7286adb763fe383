using System.Text.Json;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>The CLI over the Høje-Taastrup pack and the samples in <c>samples/hoeje-taastrup/</c>, on 1 March 2025.</summary>
public sealed class HoejeTaastrupCliTests
{
    private const string PackId = "hoeje-taastrup-2023";
    private const string PackFile = "rules/hoeje-taastrup-2023.json";
    private const string Departments = "samples/hoeje-taastrup/departments.json";
    private const string On = "2025-03-01";

    public static TheoryData<string, string, string> SampleDepartments() => new()
    {
        { "HT-TAASTRUPGAARD", "level-3", "0" },       // transformation area with a development plan (§ 3.4)
        { "HT-GADEHAVEGAARD", "level-3", "0" },       // prevention area still bound by a development plan (§ 3.4 beats § 3.3)
        { "HT-PARKVEJ", "level-2", "11/50" },         // prevention area (§ 3.3)
        { "HT-SMALL-156", "level-1", "1/3" },         // 640 residents, convicted exactly 1.56 %: not above (§ 3.2)
        { "HT-SMALL-HIGH", "level-2", "11/50" },      // 420 residents, 44 % outside the labour market (§ 3.3)
        { "HT-RENOVATION", "outside", "0" },          // rehousing beats the vulnerable designation (§ 3.5)
        { "HT-GREEN", "level-1", "1/3" },             // all others (§ 3.2)
    };

    [Theory]
    [MemberData(nameof(SampleDepartments))]
    [Clause(PackId, "§ 3")]
    public void PlaceJson_SampleDepartment_HasTheAgreementsTier(string department, string tier, string municipalShare)
    {
        var placements = PlaceJson().GetProperty("placements").EnumerateArray().ToList();

        var placement = Assert.Single(placements, p => p.GetProperty("department").GetString() == department);
        Assert.Equal("placed", placement.GetProperty("outcome").GetString());
        Assert.Equal(tier, placement.GetProperty("tier").GetString());
        Assert.Equal(municipalShare, placement.GetProperty("municipalShare").GetString());
    }

    [Fact]
    public void PlaceJson_AllSampleDepartments_InFileOrderWithPackAndDate()
    {
        var root = PlaceJson();

        Assert.Equal(PackId, root.GetProperty("pack").GetString());
        Assert.Equal(On, root.GetProperty("on").GetString());
        Assert.Equal(
            SampleDepartments().Select(row => (string)row[0]),
            root.GetProperty("placements").EnumerateArray().Select(p => p.GetProperty("department").GetString()));
    }

    [Fact]
    [Clause(PackId, "§ 3.3")]
    public void PlaceJson_PreventionArea_ShowsEverySecondAllocationUnderSpecialCriteria()
    {
        var parkvej = PlaceJson().GetProperty("placements").EnumerateArray().Single(p => p.GetProperty("department").GetString() == "HT-PARKVEJ");

        var special = parkvej.GetProperty("specialCriteria");
        Assert.Equal("1/2", special.GetProperty("share").GetString());
        Assert.Equal("ht-special", special.GetProperty("criteriaSet").GetString());
        Assert.Equal("§ 3.3", special.GetProperty("clause").GetString());
        Assert.Equal("s59-7", Assert.Single(parkvej.GetProperty("routes").GetProperty("municipal").GetProperty("criteriaSets").EnumerateArray()).GetString());
    }

    [Fact]
    [Clause(PackId, "§ 4.1")]
    public void PlaceJson_GreenDepartmentAgreedHalf_IsCappedAtOneThird()
    {
        var green = PlaceJson().GetProperty("placements").EnumerateArray().Single(p => p.GetProperty("department").GetString() == "HT-GREEN");

        var flexible = green.GetProperty("flexibleLetting");
        Assert.Equal("agreed", flexible.GetProperty("rule").GetString());
        Assert.Equal("1/3", flexible.GetProperty("maxShare").GetString());
        Assert.Equal("1/3", flexible.GetProperty("share").GetString());
    }

    [Fact]
    public void Place_Readable_MatchesSnapshot()
    {
        var result = CliRunner.Run("place", "--pack", PackFile, "--departments", Departments, "--on", On);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Snapshot.Match(result.Stdout, "HoejeTaastrup_Place_Readable");
    }

    [Fact]
    [Clause(PackId, "§ 3.3")]
    [Clause(PackId, "§ 3.5")]
    public void Place_ReadableInDanish_GivesTheDanishReasons()
    {
        var result = CliRunner.Run("place", "--pack", PackFile, "--departments", Departments, "--on", On, "--lang", "da");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains("AFDELING", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Begrundelser:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("hoeje-taastrup-2023 1.0.0, pr. 2025-03-01", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  HT-PARKVEJ: ht-level-2-prevention (hoeje-taastrup-2023 § 3.3): Afdelingen ligger i et udpeget forebyggelsesområde.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  HT-RENOVATION: ht-outside-rehousing (hoeje-taastrup-2023 § 3.5): Afdelingen er under renovering med genhusning og holdes udenfor niveauinddelingen.", result.Stdout, StringComparison.Ordinal);
        Snapshot.Match(result.Stdout, "HoejeTaastrup_Place_Readable_da");
    }

    [Fact]
    [Clause(PackId, "§ 3.3")]
    public void CheckJson_PreventionAreaSpecialAllocation_GivesOneOutcomePerSampleHousehold()
    {
        var result = CliRunner.Run(
            "check", "--pack", PackFile, "--department", "samples/hoeje-taastrup/department-prevention.json",
            "--household", "samples/hoeje-taastrup/households.json", "--route", "municipal", "--special-criteria", "--on", On, "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["case-001", "case-002", "case-003"], results.Select(r => r.GetProperty("household").GetString()));
        Assert.Equal(["eligible", "ineligible", "undetermined"], results.Select(r => r.GetProperty("outcome").GetString()));
        Assert.All(results, r => Assert.Equal("level-2", r.GetProperty("tier").GetString()));
        Assert.Equal(
            ["s59-7-items-1-4", "s59-7-integration-benefits", "ht-special-as-tightened"],
            results[0].GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(
            ["member.releasedFromPrison", "member.tenancyTerminatedForBreach", "member.convictions"],
            results[2].GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    private static JsonElement PlaceJson()
    {
        var result = CliRunner.Run("place", "--pack", PackFile, "--departments", Departments, "--on", On, "--json");
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Stderr}");
        Assert.Equal("", result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.Clone();
    }
}
