using RentalRules.Authoring;
using RentalRules.Diagnostics;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Authoring;

/// <summary>
/// Each <c>NAME.tests.json</c> in <c>Authoring/InvalidPackTests/</c> is a pack tests file with one problem, read against
/// <c>pack-under-test.json</c> beside it: the pack-tests counterpart of <c>Packs/Invalid/</c>. Reading it fails, no case
/// runs, and its diagnostics (location, code, message, hint) are compared with a reviewed snapshot.
/// </summary>
public sealed class InvalidPackTestsDiagnosticsTests
{
    internal const string InvalidFolder = "tests/RentalRules.Tests/Authoring/InvalidPackTests";

    private static readonly Lazy<RulePack> Pack = new(() => RulePackLoader.Load(Repo.Path(InvalidFolder, "pack-under-test.json")).GetValueOrThrow());

    public static TheoryData<string> InvalidTestsFiles() => new(Names());

    [Theory]
    [MemberData(nameof(InvalidTestsFiles))]
    public void Run_InvalidTestsFile_FailsBeforeAnyCaseRuns(string name)
    {
        var report = Run(name);

        Assert.False(report.Passed);
        Assert.Empty(report.Cases);
        Assert.Contains(report.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Theory]
    [MemberData(nameof(InvalidTestsFiles))]
    public void Run_InvalidTestsFile_DiagnosticsMatchTheReviewedSnapshot(string name)
        => Snapshot.Match(string.Join("\n", Errors(name)), "invalid-tests-" + name);

    [Theory]
    [MemberData(nameof(InvalidTestsFiles))]
    public void Run_InvalidTestsFile_EveryErrorPointsIntoTheFileWithAHint(string name)
        => Assert.All(Errors(name), d =>
        {
            Assert.Equal(File(name), d.Location.File);
            Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString());
            Assert.False(string.IsNullOrWhiteSpace(d.Hint), $"No hint on how to fix it: {d}");
        });

    [Fact]
    public void InvalidFolder_ReadmeNamesEveryFileAndItsProblem()
    {
        var listed = System.IO.File.ReadAllLines(Repo.Path(InvalidFolder, "README.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('`')[1].Replace(".tests.json", "", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(Names(), listed);
    }

    /// <summary>Every error of every invalid tests file, in name order.</summary>
    internal static IEnumerable<(string File, Diagnostic Diagnostic)> All()
        => Names().SelectMany(name => Errors(name).Select(d => (name + ".tests.json", d)));

    private static IEnumerable<Diagnostic> Errors(string name) => Run(name).Diagnostics.Where(d => d.Severity == Severity.Error);

    private static PackTestReport Run(string name)
        => PackTestRunner.Run(Pack.Value, System.IO.File.ReadAllText(Repo.Path(InvalidFolder, name + PackTestRunner.Extension)), File(name));

    private static string File(string name) => InvalidFolder + "/" + name + PackTestRunner.Extension;

    private static List<string> Names()
        => Directory.GetFiles(Repo.Path(InvalidFolder), "*" + PackTestRunner.Extension)
            .Select(f => Path.GetFileName(f)[..^PackTestRunner.Extension.Length])
            .Order(StringComparer.Ordinal)
            .ToList();
}
