using System.Text.RegularExpressions;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Authoring;

/// <summary>
/// <c>rentalrules new-draft</c> writes a draft that validates at once and never replaces a file unasked; and every
/// command and file of <c>docs/tutorial-draft.md</c> runs, in order, in an empty folder.
/// </summary>
public sealed partial class NewDraftAndTutorialTests
{
    [Fact]
    public void NewDraft_FromHolbaek_WritesADraftWithSchemaMetadataAndNotesThatValidates()
    {
        var dir = Directory.CreateTempSubdirectory("rr-newdraft-");
        try
        {
            var run = CliRunner.RunIn(dir.FullName, "new-draft", "--from", "holbaek-2024", "--id", "my-draft", "--out", "my-draft.json");

            Assert.True(run.ExitCode == 0, run.Stderr);
            var file = Path.Combine(dir.FullName, "my-draft.json");
            var pack = RulePackLoader.Load(file).GetValueOrThrow();
            Assert.Equal(("my-draft", "draft", "0.1.0"), (pack.Id, pack.Status, pack.Version));
            Assert.Equal("holbaek-2024", pack.Extends[0]);
            Assert.Equal("Udkast: " + Repo.Pack("holbaek-2024").Title, pack.Title);
            var text = File.ReadAllText(file);
            Assert.Contains("\"$schema\": \"https://raw.githubusercontent.com/rentalrules/rentalrules/main/rules/schema/rentalrules-pack.schema.json\"", text, StringComparison.Ordinal);
            Assert.Contains("\"notes\": [", text, StringComparison.Ordinal);
            Assert.Empty(RentalRules.Analysis.PackComparer.Changes(Repo.Pack("holbaek-2024"), pack));

            File.WriteAllText(file, "{ \"mine\": true }");
            var again = CliRunner.RunIn(dir.FullName, "new-draft", "--from", "holbaek-2024", "--id", "my-draft", "--out", "my-draft.json");
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("my-draft.json:1:1: error RR0002: The file exists already; new-draft never replaces a file unasked.", again.Stderr, StringComparison.Ordinal);
            Assert.Equal("{ \"mine\": true }", File.ReadAllText(file));

            var forced = CliRunner.RunIn(dir.FullName, "new-draft", "--from", "holbaek-2024", "--id", "my-draft", "--out", "my-draft.json", "--force");
            Assert.Equal(0, forced.ExitCode);
            Assert.True(RulePackLoader.Load(file).Success);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void NewDraft_InsideTheRepository_PointsSchemaAtTheSchemaFile()
    {
        var dir = Directory.CreateTempSubdirectory("rr-newdraft-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "rules", "schema"));
            File.Copy(Repo.Path("rules", "schema", "rentalrules-pack.schema.json"), Path.Combine(dir.FullName, "rules", "schema", "rentalrules-pack.schema.json"));
            Directory.CreateDirectory(Path.Combine(dir.FullName, "drafts"));

            var run = CliRunner.RunIn(dir.FullName, "new-draft", "--from", "hoeje-taastrup-2023", "--id", "ht-draft", "--out", Path.Combine("drafts", "ht-draft.json"));

            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Contains("\"$schema\": \"../rules/schema/rentalrules-pack.schema.json\"", File.ReadAllText(Path.Combine(dir.FullName, "drafts", "ht-draft.json")), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("holbaek-2024", "Not An Id")]
    [InlineData("holbaek-2024", "holbaek-2024")]
    public void NewDraft_BadId_IsAUsageErrorAndWritesNothing(string from, string id)
    {
        var dir = Directory.CreateTempSubdirectory("rr-newdraft-");
        try
        {
            var run = CliRunner.RunIn(dir.FullName, "new-draft", "--from", from, "--id", id, "--out", "d.json");

            Assert.Equal(2, run.ExitCode);
            Assert.False(File.Exists(Path.Combine(dir.FullName, "d.json")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Tutorial_EveryCommandAndFile_RunsInOrderInAnEmptyFolder()
    {
        var tutorial = File.ReadAllText(Repo.Path("docs", "tutorial-draft.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var steps = Block().Matches(tutorial).ToList();
        Assert.True(steps.Count >= 7, "The tutorial's steps were not found.");
        var dir = Directory.CreateTempSubdirectory("rr-tutorial-");
        try
        {
            var outputs = new List<string>();
            foreach (Match step in steps)
            {
                var body = step.Groups["body"].Value;
                if (step.Groups["lang"].Value == "json")
                {
                    var name = step.Groups["file"].Value;
                    Assert.False(string.IsNullOrEmpty(name), "A JSON block of the tutorial names no file=…: " + body);
                    File.WriteAllText(Path.Combine(dir.FullName, name), body);
                    continue;
                }

                foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    Assert.Equal("rentalrules", args[0]);
                    var run = CliRunner.RunIn(dir.FullName, args[1..]);
                    Assert.True(run.ExitCode == 0, $"{line}\n{run.Stdout}\n{run.Stderr}");
                    outputs.Add(run.Stdout);
                }
            }

            var all = string.Join("\n", outputs);
            Assert.Contains("draft 'holbaek-2024-green-35' extends holbaek-2024", all, StringComparison.Ordinal);
            Assert.Contains("  PASS  34 % outside the labour market is green under the draft: every 3rd vacancy  [§ 6]", all, StringComparison.Ordinal);
            Assert.Contains("  CHANGED Just above 30 % is yellow: every 6th vacancy  [§ 6]", all, StringComparison.Ordinal);
            Assert.Contains("caused by the draft's parameter:greenMax", all, StringComparison.Ordinal);
            Assert.Contains("greenMax", outputs[^1], StringComparison.Ordinal);
            var html = File.ReadAllText(Path.Combine(dir.FullName, "holbaek-2024-green-35.html"));
            Assert.Contains("<h2 id=\"differences\">Forskelle fra holbaek-2024</h2>", html, StringComparison.Ordinal);
            Assert.Contains("HB-201", outputs[^1], StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [GeneratedRegex("```(?<lang>sh|json)(?: file=(?<file>\\S+))?\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
