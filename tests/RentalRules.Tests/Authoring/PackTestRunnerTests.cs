using System.Text.Json;
using Json.Schema;
using RentalRules.Authoring;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Authoring;

/// <summary>
/// Pack tests as data (<c>ID.tests.json</c> beside a pack) and <c>rentalrules test</c>: the shipped cases pass with every
/// cited clause covered, a changed threshold fails named cases with expected and actual, a draft shows which of its
/// base's cases it changes, and a tests file with a wrong name gets a located error with "did you mean".
/// </summary>
public sealed class PackTestRunnerTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(PackTestRunner.Schema));

    /// <summary>Every file a shell's <c>rules/*.json rules/examples/*.json</c> gives: packs and their tests files.</summary>
    private static string[] ShellGlob()
        => Directory.GetFiles(Repo.Path("rules"), "*.json").Concat(Directory.GetFiles(Repo.Path("rules", "examples"), "*.json"))
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Test_EveryShippedAndExamplePack_PassesWithEveryCitedClauseCovered()
    {
        var run = CliRunner.Run(["test", .. ShellGlob(), "--json"]);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var packs = doc.RootElement.GetProperty("packs").EnumerateArray().ToList();
        Assert.Equal(Repo.PackFiles("rules").Length + Repo.PackFiles("rules", "examples").Length, packs.Count);
        foreach (var pack in packs)
        {
            var id = pack.GetProperty("pack").GetString();
            Assert.True(pack.GetProperty("passed").GetBoolean(), id);
            Assert.True(pack.GetProperty("uncovered").GetArrayLength() == 0, $"{id}: {pack.GetProperty("uncovered")}");
            Assert.NotEmpty(pack.GetProperty("cases").EnumerateArray());
            Assert.All(pack.GetProperty("cases").EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean(), c.GetProperty("name").GetString()));
        }
    }

    [Fact]
    public void Validate_ShellGlobOfRules_ValidatesThePacksAndLeavesTheirTestsFilesToTest()
    {
        var run = CliRunner.Run(["validate", .. ShellGlob()]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("rules/holbaek-2024.json: valid", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(".tests.json", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_EveryCitedClauseOfAShippedPack_IsCitedByACase()
    {
        foreach (var file in Repo.PackFiles("rules").Concat(Repo.PackFiles("rules", "examples")))
        {
            var report = PackTestRunner.RunFile(file);
            var cited = Repo.Pack(report.Pack).Citations.Where(c => c.Source == report.Pack).Select(c => c.Clause).Distinct().Order(StringComparer.Ordinal);

            Assert.Equal(cited, report.Coverage.Where(c => c.Cases.Count > 0).Select(c => c.Clause).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void RunBuiltIn_Holbaek_RunsTheTestsShippedInTheLibrary()
    {
        var report = PackTestRunner.RunBuiltIn("holbaek-2024");

        Assert.True(report.Passed, PackTestWriter.ToText([report]));
        Assert.Equal("built-in/holbaek-2024.tests.json", report.TestsFile);
        Assert.Contains(report.Cases, c => c.Name == "Just above 30 % is yellow: every 6th vacancy");
    }

    [Fact]
    public void Test_HolbaekCopyWithGreenMax35_FailsTheNamedCasesWithExpectedAndActual()
    {
        using var folder = new TempFolder();
        var pack = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repo.Rules("holbaek-2024.json")))!;
        Assert.Equal(0.3m, pack["parameters"]!["greenMax"]!["values"]![0]!["value"]!.GetValue<decimal>());
        pack["parameters"]!["greenMax"]!["values"]![0]!["value"] = 0.35m;
        folder.Write("holbaek-2024.json", pack.ToJsonString());
        folder.Write("holbaek-2024.tests.json", File.ReadAllText(Repo.Rules("holbaek-2024.tests.json")));

        var run = CliRunner.RunIn(folder.Path, "test", "holbaek-2024.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("  FAIL  Just above 30 % is yellow: every 6th vacancy  [§ 6]  holbaek-2024.tests.json:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("""
                      tier            expected: yellow
                                      actual:   green
                      municipalShare  expected: 1/6
                                      actual:   1/3
                      reason          expected: a reason containing "every 6th vacant dwelling"
            """.Replace("\r\n", "\n", StringComparison.Ordinal), run.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("  PASS  Exactly 45 % is still yellow  [§ 6]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 pack: 0 passed, 1 failed", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_DraftMovingGreenMax_PassesItsOwnCasesAndShowsWhichBaseCasesItChangesAndWhy()
    {
        using var folder = new TempFolder();
        folder.Write("green-35.json", """
            { "id": "green-35", "version": "0.1.0", "title": "Udkast: grøn op til 35 %", "status": "draft", "extends": ["holbaek-2024"],
              "parameters": { "greenMax": { "values": [ { "from": "2024-07-01", "value": 0.35 } ] } } }
            """);
        folder.Write("green-35.tests.json", """
            { "pack": "green-35", "on": "2025-03-01",
              "cases": [ { "name": "34 % is green under the draft", "clauses": ["§ 6"],
                           "department": { "id": "D", "keyFigures": { "outsideLabourMarketShare": 0.34 } },
                           "expect": { "tier": "green", "municipalShare": "1/3" } } ] }
            """);

        var run = CliRunner.RunIn(folder.Path, "test", "green-35.json");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("  PASS  34 % is green under the draft  [§ 6]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  The base pack holbaek-2024's cases on this draft (built-in/holbaek-2024.tests.json): 1 of 35 now answers differently", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  CHANGED Just above 30 % is yellow: every 6th vacancy  [§ 6]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("          caused by the draft's parameter:greenMax", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_UnknownCriterionClauseAndFact_AreLocatedWithDidYouMean()
    {
        using var folder = new TempFolder();
        folder.Write("holbaek-2024.json", File.ReadAllText(Repo.Rules("holbaek-2024.json")));
        folder.Write("holbaek-2024.tests.json", """
            { "pack": "holbaek-2024", "on": "2025-03-01",
              "cases": [
                { "name": "Typo in a criterion", "clauses": ["bilag 3 nr 1"],
                  "department": { "id": "D", "keyFigures": { "outsideLabourMarketShare": 0.5 } },
                  "household": { "members": [ { "id": "m1", "role": "applicant", "birthDat": "1980-01-01" } ] }, "route": "waitingList",
                  "expect": { "tir": "red", "criteria": { "holbaek-b3-1-conviction": "ineligible" } } } ] }
            """);

        var run = CliRunner.RunIn(folder.Path, "test", "holbaek-2024.json");

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(" error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "holbaek-2024.tests.json:3:50: error RR0105: Case 'Typo in a criterion': The pack 'holbaek-2024' declares no clause 'bilag 3 nr 1'. (at $.cases[0].clauses[0]) Hint: Did you mean 'bilag 3 nr. 1'?",
                "holbaek-2024.tests.json:5:70: error RR0302: Case 'Typo in a criterion': A member has no property 'birthDat'. (at $.cases[0].household.members[0].birthDat) Hint: Did you mean 'birthDate'?",
                "holbaek-2024.tests.json:6:19: error RR0102: Case 'Typo in a criterion': 'expect' has no property 'tir'. (at $.cases[0].expect.tir) Hint: Did you mean 'tier'?",
                "holbaek-2024.tests.json:6:47: error RR0105: Case 'Typo in a criterion': The pack 'holbaek-2024' has no criterion or requirement 'holbaek-b3-1-conviction'. (at $.cases[0].expect.criteria['holbaek-b3-1-conviction']) Hint: Did you mean 'holbaek-b3-1-convictions'?",
            ],
            lines);
    }

    [Fact]
    public void Test_SignedPackWithAnUncitedClause_IsAnErrorAndADraftsIsAWarning()
    {
        using var folder = new TempFolder();
        var tests = """
            { "pack": "ID", "on": "2025-03-01",
              "cases": [ { "name": "Green", "clauses": ["§ 6"], "department": { "id": "D", "keyFigures": { "outsideLabourMarketShare": 0.2 } }, "expect": { "tier": "green" } } ] }
            """;
        folder.Write("signed-copy.json", File.ReadAllText(Repo.Rules("holbaek-2024.json")).Replace("\"id\": \"holbaek-2024\"", "\"id\": \"signed-copy\"", StringComparison.Ordinal));
        folder.Write("signed-copy.tests.json", tests.Replace("ID", "signed-copy", StringComparison.Ordinal));

        var signed = PackTestRunner.RunFile(Path.Combine(folder.Path, "signed-copy.json"));

        Assert.False(signed.Passed);
        var uncovered = Assert.Single(signed.Diagnostics, d => d.Code == "RR0602");
        Assert.Equal(RentalRules.Diagnostics.Severity.Error, uncovered.Severity);
        Assert.Contains("'bilag 3 nr. 1'", uncovered.Message, StringComparison.Ordinal);
        Assert.Contains("bilag 3 nr. 1", signed.Uncovered);
        Assert.DoesNotContain("§ 6", signed.Uncovered);

        folder.Write("draft-copy.json", File.ReadAllText(Repo.Rules("holbaek-2024.json")).Replace("\"id\": \"holbaek-2024\"", "\"id\": \"draft-copy\"", StringComparison.Ordinal).Replace("\"status\": \"signed\"", "\"status\": \"draft\"", StringComparison.Ordinal));
        folder.Write("draft-copy.tests.json", tests.Replace("ID", "draft-copy", StringComparison.Ordinal));

        var draft = PackTestRunner.RunFile(Path.Combine(folder.Path, "draft-copy.json"));

        Assert.Equal("draft", draft.Status);
        Assert.True(draft.Passed, PackTestWriter.ToText([draft]));
        Assert.Equal(RentalRules.Diagnostics.Severity.Warning, Assert.Single(draft.Diagnostics, d => d.Code == "RR0602").Severity);
    }

    [Fact]
    public void Test_PackWithoutTests_IsAnError()
    {
        using var folder = new TempFolder();
        folder.Write("holbaek-2024.json", File.ReadAllText(Repo.Rules("holbaek-2024.json")));

        var run = CliRunner.RunIn(folder.Path, "test", "holbaek-2024.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("holbaek-2024.tests.json:1:1: error RR0601: The pack 'holbaek-2024' has no tests: there is no holbaek-2024.tests.json beside it.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_EveryShippedTestsFile_IsValid()
    {
        var files = Directory.GetFiles(Repo.Path("rules"), "*.tests.json").Concat(Directory.GetFiles(Repo.Path("rules", "examples"), "*.tests.json")).ToList();
        Assert.Equal(8, files.Count);
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var result = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, file);
        }

        using var bad = JsonDocument.Parse("""{ "pack": "x", "cases": [ { "name": "n", "clauses": [], "department": {}, "expect": {} } ] }""");
        Assert.False(Schema.Value.Evaluate(bad.RootElement).IsValid);
    }

    private sealed class TempFolder : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("rr-packtests-");

        public string Path => _dir.FullName;

        public void Write(string name, string text) => File.WriteAllText(System.IO.Path.Combine(Path, name), text);

        public void Dispose() => _dir.Delete(recursive: true);
    }
}
