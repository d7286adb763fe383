using System.Reflection;
using System.Text;
using RentalRules.Diagnostics;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Diagnostics;

/// <summary>
/// Every diagnostic comes from the one descriptor table: each descriptor has a message and a hint, each code has a
/// meaning, every load-error code has a fixture in <c>Packs/Invalid/</c> whose full diagnostics are asserted (by the
/// reviewed snapshots of <see cref="Packs.InvalidPackDiagnosticsTests"/>), every analysis warning one in
/// <c>Packs/Warnings/</c>, and docs/diagnostics.md is the table, rendered.
/// </summary>
public sealed class DescriptorTableTests
{
    /// <summary>Load-error codes that a pack file cannot show about itself, with the test that asserts each.</summary>
    private static readonly Dictionary<string, string> WithoutFixture = new()
    {
        [DiagnosticCodes.FileUnreadable] = "a file that cannot be read is no fixture: InvalidPackDiagnosticsTests.Validate_MissingFile_ExitsOneWithALocatedMessage",
        [DiagnosticCodes.LimitExceeded] = "the limits are 16 MB and 10 000 rules or conditions: PackLimitsTests builds such packs in memory",
    };

    public static TheoryData<string> DescriptorNames() => new(Descriptors.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(DescriptorNames))]
    public void Descriptor_HasAMessageAHintAndADocumentedCode(string name)
    {
        var descriptor = Descriptors.All.Single(d => d.Name == name);

        Assert.False(string.IsNullOrWhiteSpace(descriptor.Message), $"{name} has no message.");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Hint), $"{name} has no hint.");
        var code = Assert.Single(Descriptors.Codes, c => c.Code == descriptor.Code);
        Assert.True(descriptor.Severity <= code.Severity, $"{name} is more severe than its code {code.Code}.");
    }

    [Fact]
    public void Codes_ListEveryPublicCodeOnceInOrder()
    {
        var published = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(published, Descriptors.Codes.Select(c => c.Code).ToList());
        Assert.All(Descriptors.Codes, c => Assert.False(string.IsNullOrWhiteSpace(c.Hint), c.Code));
    }

    [Fact]
    public void Descriptors_HaveUniqueNames()
        => Assert.Equal(Descriptors.All.Count, Descriptors.All.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void Descriptor_FormatsItsArgumentsIntoMessageAndHint()
    {
        var at = new SourceLocation("pack.json", "$.placement.rules[0].tier", 3, 9);

        var diagnostic = Descriptors.NoSuchTier.At(at, "basline", "Did you mean 'baseline'?");

        Assert.Equal("pack.json:3:9: error RR0105: There is no tier 'basline'. (at $.placement.rules[0].tier) Hint: Did you mean 'baseline'?", diagnostic.ToString());
    }

    [Fact]
    public void Descriptor_WithoutArguments_KeepsItsBraces()
        => Assert.Equal("Write e.g. \"department\": { \"max\": \"param.maxPerDepartment\", \"months\": 12 }.", Descriptors.ConcentrationWithoutLimit.HintOf());

    public static TheoryData<string> LoadErrorCodes() => new(Descriptors.Codes.Where(c => c.Severity == Severity.Error && IsLoadCode(c.Code)).Select(c => c.Code));

    [Theory]
    [MemberData(nameof(LoadErrorCodes))]
    public void LoadErrorCode_HasAnInvalidPackFixture(string code)
    {
        if (WithoutFixture.ContainsKey(code))
        {
            return;
        }

        var fixtures = Directory.GetFiles(Repo.Path("tests/RentalRules.Tests/Packs/Invalid"), "*.json")
            .Where(file => RulePackLoader.Load(file).Diagnostics.Any(d => d.Code == code))
            .ToList();

        Assert.True(fixtures.Count > 0, $"No pack in tests/RentalRules.Tests/Packs/Invalid/ reports {code}; add one with that one problem.");
    }

    public static TheoryData<string> WarningFixtures() => new(Directory.GetFiles(Repo.Path("tests/RentalRules.Tests/Packs/Warnings"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(WarningFixtures))]
    public void WarningFixture_LoadsWithItsWarningsAsReviewed(string name)
    {
        var file = Repo.Path("tests/RentalRules.Tests/Packs/Warnings", name + ".json");

        var result = RulePackLoader.Load(file);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var rendered = string.Join("\n", result.Diagnostics.Select(d => (d with { Location = d.Location with { File = "Warnings/" + name + ".json" } }).ToString()));
        Snapshot.Match(rendered, "warning-" + name);
    }

    [Fact]
    public void AnalysisWarnings_EachHaveAWarningFixture()
    {
        var reported = Directory.GetFiles(Repo.Path("tests/RentalRules.Tests/Packs/Warnings"), "*.json")
            .SelectMany(file => RulePackLoader.Load(file).Diagnostics.Select(d => d.Code))
            .ToHashSet(StringComparer.Ordinal);

        // RR0406 needs a pack with statutory obligations and tiers that miss them: S60ObligationTests loads such packs.
        Assert.All(Descriptors.Codes.Where(c => c.Severity == Severity.Warning && c.Code != DiagnosticCodes.StatutoryObligation), c => Assert.Contains(c.Code, reported));
    }

    [Fact]
    public void DiagnosticsDoc_IsTheTableRendered()
    {
        var path = Repo.Path("docs/diagnostics.md");
        var expected = Render();
        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (actual != expected)
        {
            File.WriteAllText(path + ".received", expected);
        }

        Assert.True(actual == expected, $"docs/diagnostics.md is not the descriptor table; the table was written to {path}.received: review it and rename it to docs/diagnostics.md.");
    }

    private static bool IsLoadCode(string code) => string.CompareOrdinal(code, "RR0300") < 0;

    private static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Diagnostics\n\n");
        text.Append("Every problem RentalRules reports has a stable code, a location (file, JSON path, line, column) and a hint.\n");
        text.Append("This page is generated from the descriptor table (`src/RentalRules/Diagnostics/Descriptors.*.cs`) and checked\n");
        text.Append("by `DescriptorTableTests`: edit the table, run the tests and accept `docs/diagnostics.md.received`.\n");
        text.Append("Messages never quote a value of a household file; `{0}`, `{1}`, … are names, types, counts or pack text.\n\n");
        text.Append("| code | severity | meaning | what to do |\n|---|---|---|---|\n");
        foreach (var c in Descriptors.Codes)
        {
            text.Append($"| {c.Code} | {c.Severity.ToString().ToLowerInvariant()} | {Cell(c.Meaning)} | {Cell(c.Hint)} |\n");
        }

        foreach (var c in Descriptors.Codes)
        {
            var descriptors = Descriptors.All.Where(d => d.Code == c.Code).ToList();
            text.Append($"\n## {c.Code}\n\n{c.Meaning}\n\n");
            if (descriptors.Count == 0)
            {
                text.Append("Reported by the hosting packages (journal stores, pack provider); their messages are written there.\n");
                continue;
            }

            text.Append("| message | hint |\n|---|---|\n");
            foreach (var d in descriptors)
            {
                text.Append($"| {Cell(d.Message)} | {Cell(d.Hint)} |\n");
            }
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
