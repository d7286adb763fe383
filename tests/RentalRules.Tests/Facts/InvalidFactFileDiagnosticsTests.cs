using RentalRules.Diagnostics;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Facts;

/// <summary>
/// Each file in <c>Facts/Invalid/</c> is a fact file (departments as JSON or CSV, households) with one problem, the
/// fact-file counterpart of <c>Packs/Invalid/</c>: reading it fails, and its diagnostics (location, code, message, hint)
/// are compared with a reviewed snapshot. The file name says what it is: <c>departments-…</c>, <c>households-…</c> or
/// <c>vacancies-…</c>, and <c>.json</c> or <c>.csv</c>.
/// </summary>
public sealed class InvalidFactFileDiagnosticsTests
{
    internal const string InvalidFolder = "tests/RentalRules.Tests/Facts/Invalid";

    public static TheoryData<string> InvalidFactFiles() => new(Names());

    [Theory]
    [MemberData(nameof(InvalidFactFiles))]
    public void Read_InvalidFactFile_FailsWithAnError(string name)
    {
        var diagnostics = Read(name);

        Assert.Contains(diagnostics, d => d.Severity == Severity.Error);
    }

    [Theory]
    [MemberData(nameof(InvalidFactFiles))]
    public void Read_InvalidFactFile_DiagnosticsMatchTheReviewedSnapshot(string name)
        => Snapshot.Match(string.Join("\n", Read(name)), "invalid-" + name);

    [Theory]
    [MemberData(nameof(InvalidFactFiles))]
    public void Read_InvalidFactFile_EveryDiagnosticPointsIntoTheFileWithAHint(string name)
        => Assert.All(Read(name), d =>
        {
            Assert.Equal(InvalidFolder + "/" + name, d.Location.File);
            Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString());
            Assert.False(string.IsNullOrWhiteSpace(d.Hint), $"No hint on how to fix it: {d}");
        });

    [Fact]
    public void InvalidFolder_NamesTheKindOfEveryFile()
        => Assert.All(Names(), name => Assert.True(
            (name.StartsWith("departments-", StringComparison.Ordinal) && (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".csv", StringComparison.Ordinal)))
            || ((name.StartsWith("households-", StringComparison.Ordinal) || name.StartsWith("vacancies-", StringComparison.Ordinal)) && name.EndsWith(".json", StringComparison.Ordinal)),
            $"{name}: name a fact file departments-….json|csv, households-….json or vacancies-….json."));

    /// <summary>Every invalid fact file with its diagnostics, in name order.</summary>
    internal static IEnumerable<(string File, Diagnostic Diagnostic)> All()
        => Names().SelectMany(name => Read(name).Select(d => (name, d)));

    private static IEnumerable<string> Names()
        => Directory.GetFiles(Repo.Path(InvalidFolder))
            .Select(Path.GetFileName)
            .Where(n => n!.EndsWith(".json", StringComparison.Ordinal) || n.EndsWith(".csv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)!;

    /// <summary>Reads the file as the kind its name says, naming it by its path from the repository root.</summary>
    private static IReadOnlyList<Diagnostic> Read(string name)
    {
        var path = Repo.Path(InvalidFolder, name);
        var file = InvalidFolder + "/" + name;
        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            return FactReader.ReadDepartmentsCsv(File.ReadAllText(path), file).Diagnostics;
        }

        var bytes = File.ReadAllBytes(path);
        return name.StartsWith("households-", StringComparison.Ordinal) ? FactReader.ReadHouseholds(bytes, file).Diagnostics
            : name.StartsWith("vacancies-", StringComparison.Ordinal) ? FactReader.ReadVacancies(bytes, file).Diagnostics
            : FactReader.ReadDepartments(bytes, file).Diagnostics;
    }
}
