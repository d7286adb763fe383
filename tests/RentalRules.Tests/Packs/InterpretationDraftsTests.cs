using System.Text.Json.Nodes;
using RentalRules.Authoring;
using RentalRules.Diagnostics;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>
/// The drafts of <c>samples/interpretations/</c>: each encodes the alternative reading of one open clause of a shipped
/// pack (issue 12 item 2), is named by that pack's <c>interpretations[].draft</c>, and carries cases beside it that the
/// draft answers one way and the signed pack the other, so that each alternative is shown to change outcomes.
/// </summary>
public sealed class InterpretationDraftsTests
{
    public static TheoryData<string> Drafts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo.Path("samples", "interpretations"), "*.json").Where(f => !f.EndsWith(".tests.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Draft_PassesItsOwnCases(string file)
    {
        var report = PackTestRunner.RunFile(Repo.Path("samples", "interpretations", file));

        Assert.Equal("draft", report.Status);
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Severity.Error || d.Code == "RR0601");
        Assert.NotEmpty(report.Cases);
        Assert.All(report.Cases, c => Assert.True(c.Passed, $"{c.Name}: {string.Join("; ", c.Differences.Select(d => $"{d.What} expected {d.Expected}"))}"));
    }

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Draft_EveryCaseAnswersDifferentlyOnTheSignedPack(string file)
    {
        var baseId = DirectBase($"samples/interpretations/{file}");
        var tests = JsonNode.Parse(File.ReadAllText(Repo.Path("samples", "interpretations", Path.ChangeExtension(file, ".tests.json"))))!.AsObject();
        tests["pack"] = baseId;

        var report = PackTestRunner.Run(Repo.Pack(baseId), tests.ToJsonString(), file);

        // The draft's few cases leave most of the signed pack's clauses uncovered (RR0602); nothing else may be wrong.
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Severity.Error && d.Code != "RR0602");
        Assert.NotEmpty(report.Cases);
        Assert.All(report.Cases, c => Assert.False(c.Passed, $"'{c.Name}' answers the same on {baseId}: the draft changes nothing there."));
    }

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Draft_IsNamedByAnInterpretationOfThePackItExtends(string file)
    {
        var signed = Repo.Pack(DirectBase($"samples/interpretations/{file}"));

        Assert.Contains(signed.Interpretations, i => i.Draft == $"samples/interpretations/{file}");
    }

    /// <summary>The one pack the draft names in <c>extends</c> (the loaded pack lists its bases' bases too).</summary>
    private static string DirectBase(string relativePath)
    {
        var extends = JsonNode.Parse(File.ReadAllText(Repo.Path(relativePath.Split('/'))))!["extends"]!.AsArray();
        return Assert.Single(extends)!.GetValue<string>();
    }

    [Theory]
    [InlineData("hoeje-taastrup-2023")]
    [InlineData("holbaek-2024")]
    [InlineData("hoeje-taastrup-private-letting-2021")]
    public void Interpretations_WithADraft_NameADraftThatExtendsThePack(string id)
    {
        var pack = Repo.Pack(id);

        Assert.All(pack.Interpretations.Where(i => i.Draft is not null), i =>
        {
            Assert.True(File.Exists(Repo.Path(i.Draft!.Split('/'))), i.Draft);
            Assert.Equal(id, DirectBase(i.Draft!));
        });
    }
}
