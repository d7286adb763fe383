using RentalRules.Diagnostics;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>
/// Each pack in <c>Packs/Invalid/</c> has one problem. Loading it fails, and its diagnostics (location, code, message,
/// hint) are compared with a reviewed snapshot, so a change in wording or position is seen. The CLI reports the same
/// diagnostics as <c>file:line:col: error CODE: …</c> and exits 1, without a stack trace.
/// </summary>
public sealed class InvalidPackDiagnosticsTests
{
    private const string InvalidFolder = "tests/RentalRules.Tests/Packs/Invalid";

    public static TheoryData<string> InvalidPacks() => new(InvalidPackNames());

    public static TheoryData<string> ShippedPacks() => new(ShippedPackFiles());

    [Fact]
    public void InvalidFolder_ReadmeNamesEveryCaseAndItsProblem()
    {
        var listed = File.ReadAllLines(Repo.Path(InvalidFolder, "README.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => line.Split('|')[1].Split('`').Where(part => part.EndsWith(".json", StringComparison.Ordinal)))
            .Select(part => Path.GetFileNameWithoutExtension(part))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(InvalidPackNames(), listed);
    }

    [Theory]
    [MemberData(nameof(InvalidPacks))]
    public void Load_InvalidPack_FailsWithAnError(string name)
    {
        var result = RulePackLoader.Load(PackPath(name));

        Assert.False(result.Success);
        Assert.Null(result.Value);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Throws<RentalRulesException>(() => result.GetValueOrThrow());
    }

    [Theory]
    [MemberData(nameof(InvalidPacks))]
    public void Load_InvalidPack_DiagnosticsMatchTheReviewedSnapshot(string name)
    {
        var result = RulePackLoader.Load(PackPath(name));

        Snapshot.Match(Render(result.Diagnostics), "invalid-" + name);
    }

    [Theory]
    [MemberData(nameof(InvalidPacks))]
    public void Load_InvalidPack_EveryDiagnosticPointsIntoAPackFileWithAHint(string name)
    {
        var result = RulePackLoader.Load(PackPath(name));

        Assert.All(result.Diagnostics, d =>
        {
            Assert.StartsWith(InvalidFolder + "/", Relative(d.Location.File), StringComparison.Ordinal);
            Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString());
            Assert.False(string.IsNullOrWhiteSpace(d.Hint), $"No hint on how to fix it: {d}");
        });
    }

    [Fact]
    public void Load_MisspeltFactName_NamesTheWrongNameItsLineAndTheRightSpelling()
    {
        var result = RulePackLoader.Load(PackPath("misspelt-fact-name"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            InvalidFolder + "/misspelt-fact-name.json:28:40: error RR0202: 'keyFigures' has no fact 'outsideLabourMarketShar'. "
            + "In: department.keyFigures.outsideLabourMarketShar <= 0.3 (at $.placement.rules[0].when) "
            + "Hint: Did you mean 'outsideLabourMarketShare'?",
            Render(diagnostic));
    }

    [Fact]
    public void Load_TruncatedPack_NamesTheFileAndTheLineWhereItEnds()
    {
        var result = RulePackLoader.Load(PackPath("truncated"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            InvalidFolder + "/truncated.json:29:1: error RR0001: Unexpected end of file: the JSON is incomplete. (at $.placement.rules[0].when) "
            + "Hint: The file looks truncated: check that every { and [ is closed.",
            Render(diagnostic));
    }

    [Fact]
    public void Load_UnknownTopLevelProperty_NoHintListsAnEmptySetOfNames()
    {
        var result = RulePackLoader.Load(PackPath("unknown-top-level-property"));

        Assert.All(result.Diagnostics, d => Assert.DoesNotContain("Expected one of: .", d.Hint ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ConditionWithAJsonEscapeBeforeTheError_PointsAtTheMisspeltName()
    {
        var text = File.ReadAllText(PackPath("misspelt-fact-name")).Replace(
            "\"department.keyFigures.outsideLabourMarketShar <= 0.3\"",
            "\"department.municipality = 'Holb\\u00e6k' and department.keyFigures.outsideLabourMarketShar <= 0.3\"",
            StringComparison.Ordinal);
        var line = text.Split('\n')[27];

        var result = RulePackLoader.LoadFromText(text, "escaped.json");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(28, diagnostic.Location.Line);
        Assert.Equal(line.IndexOf("outsideLabourMarketShar ", StringComparison.Ordinal) + 1, diagnostic.Location.Column);
    }

    [Fact]
    public void Load_EmptyFile_SaysTheFileIsEmpty()
    {
        var result = RulePackLoader.LoadFromText("", "empty.json");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("empty.json:1:1: error RR0001: The file is empty. (at $) Hint: A pack or fact file is one JSON object (or an array of them).", diagnostic.ToString());
    }

    [Fact]
    public void Validate_EveryShippedPack_ExitsZero()
    {
        var packs = ShippedPackFiles().Select(file => "rules/" + file).ToArray();

        var run = CliRunner.Run(["validate", .. packs]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("", run.Stderr);
        Assert.All(packs, pack => Assert.Contains(pack + ": valid (", run.Stdout, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedPacks))]
    public void Validate_ShippedPack_ExitsZero(string file)
    {
        var run = CliRunner.Run("validate", "rules/" + file);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"rules/{file}: valid (", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MisspeltFactName_ExitsOneWithTheLocatedError()
    {
        var pack = InvalidFolder + "/misspelt-fact-name.json";

        var run = CliRunner.Run("validate", pack);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(pack + ":28:40: error RR0202: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'outsideLabourMarketShare'?", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(pack + ": invalid", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Validate_MissingFile_ExitsOneWithALocatedMessage()
    {
        var run = CliRunner.Run("validate", "rules/no-such-pack.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rules/no-such-pack.json:1:1: error RR0002: Cannot read the pack: the file does not exist. (at $) Hint: Check the path.", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Theory]
    [MemberData(nameof(InvalidPacks))]
    public void Validate_InvalidPack_ExitsOneWithoutAStackTrace(string name)
    {
        var pack = $"{InvalidFolder}/{name}.json";

        var run = CliRunner.Run("validate", pack);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(": error RR", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(pack + ": invalid", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    private static IEnumerable<string> InvalidPackNames()
        => Directory.GetFiles(Repo.Path(InvalidFolder), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    private static IEnumerable<string> ShippedPackFiles()
        => Repo.PackFiles("rules").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static string PackPath(string name) => Repo.Path(InvalidFolder, name + ".json");

    private static void AssertNoStackTrace(CliRunner.Result run)
    {
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
    }

    private static string Render(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(Render));

    private static string Render(Diagnostic diagnostic)
        => (diagnostic with { Location = diagnostic.Location with { File = Relative(diagnostic.Location.File) } }).ToString();

    /// <summary>
    /// The file relative to the repository root, with '/' separators, so that snapshots do not depend on the machine.
    /// The loader names the pack as given (here absolute) and base packs relative to the current directory, or
    /// absolute when that is far away.
    /// </summary>
    private static string Relative(string file)
    {
        var full = Path.IsPathRooted(file)
            ? file
            : File.Exists(Path.Combine(Repo.Root, file)) ? Path.Combine(Repo.Root, file) : Path.GetFullPath(file);
        return Path.GetRelativePath(Repo.Root, full).Replace('\\', '/');
    }
}
