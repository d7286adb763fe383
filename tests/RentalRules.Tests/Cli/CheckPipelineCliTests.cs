using System.Text.Json;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>
/// <c>check</c> checks households on worker threads and writes them from pre-rendered bytes: the output is what checking
/// them one by one gives, in the file's order, and an invalid household far into the stream still stops the output at
/// exactly the households before it, marked incomplete.
/// </summary>
public sealed class CheckPipelineCliTests : IDisposable
{
    private const string Pack = "rules/holbaek-2024.json";
    private const string Red = "samples/holbaek/department-red.json";
    private const string On = "2025-03-01";

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("rentalrules-check-pipeline-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    [InlineData("text")]
    public void Check_ManyHouseholds_IsTheSameAsEachHouseholdCheckedAlone_InFileOrder(string format)
    {
        var file = Households(600);

        var all = Check(file, "--format", format);

        Assert.Equal(0, all.ExitCode);
        var alone = OneByOne(file);
        switch (format)
        {
            case "ndjson":
                Assert.Equal(alone, all.Stdout.TrimEnd('\n').Split('\n'));
                break;
            case "json":
                using (var json = JsonDocument.Parse(all.Stdout))
                {
                    Assert.Equal(alone, json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetRawText()));
                }

                break;
            default:
                var ids = all.Stdout.Split('\n').Where(l => l.Contains("hh-", StringComparison.Ordinal)).Select(l => l[l.IndexOf("hh-", StringComparison.Ordinal)..][..6]).Distinct();
                Assert.Equal(Enumerable.Range(0, 600).Select(i => $"hh-{i:000}"), ids);
                Assert.Contains("600 households: ", all.Stdout, StringComparison.Ordinal);
                break;
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    public void Check_InvalidHouseholdFarIntoTheStream_WritesExactlyTheHouseholdsBeforeIt_MarkedIncomplete(string format)
    {
        var run = Check(Households(700, badAt: 533), "--format", format);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        var (results, incomplete) = format == "ndjson"
            ? (lines[..^1].Select(l => JsonDocument.Parse(l).RootElement).ToList(), JsonDocument.Parse(lines[^1]).RootElement.GetProperty("incomplete"))
            : (JsonDocument.Parse(run.Stdout).RootElement.GetProperty("results").EnumerateArray().ToList(), JsonDocument.Parse(run.Stdout).RootElement.GetProperty("incomplete"));
        Assert.Equal(Enumerable.Range(0, 533).Select(i => $"hh-{i:000}"), results.Select(r => r.GetProperty("household").GetString()));
        Assert.Equal(533, incomplete.GetProperty("written").GetInt32());
        Assert.Equal("$[533].residentMunicipality", incomplete.GetProperty("firstError").GetProperty("jsonPath").GetString());
    }

    private static CliRunner.Result Check(string households, params string[] extra)
        => CliRunner.Run(["check", "--pack", Pack, "--department", Red, "--household", households, "--route", "waitingList", "--on", On, .. extra]);

    /// <summary>Households of one to three members with varied ages and facts (so outcomes differ), one per line.</summary>
    private string Households(int count, int badAt = -1)
    {
        var lines = Enumerable.Range(0, count).Select(i => i == badAt
            ? $"{{\"id\":\"hh-{i:000}\",\"residentMunicipality\":42,\"members\":[{{\"id\":\"m1\",\"role\":\"applicant\",\"birthDate\":\"1990-01-01\"}}]}}"
            : $"{{\"id\":\"hh-{i:000}\",\"residentMunicipality\":\"Holbæk\",\"members\":[{string.Join(",", Enumerable.Range(1, 1 + (i % 3)).Select(m => Member(i, m)))}]}}");
        var file = Path.Combine(_temp.FullName, "hh.json");
        File.WriteAllText(file, "[\n" + string.Join(",\n", lines) + "\n]\n");
        return file;
    }

    private static string Member(int i, int m)
    {
        var role = m == 1 ? "applicant" : m == 2 ? "partner" : "child";
        var born = m == 3 ? 2015 : 1940 + ((i * 7 + m) % 65);
        var convictions = i % 5 == 0 ? "" : ",\"convictions\":[]";
        return $"{{\"id\":\"m{m}\",\"role\":\"{role}\",\"birthDate\":\"{born}-0{1 + (i % 9)}-1{m}\",\"citizenship\":\"{(i % 4 == 0 ? "SE" : "DK")}\"{convictions}}}";
    }

    /// <summary>Each household of <paramref name="file"/> checked alone through the library, as compact JSON.</summary>
    private static List<string> OneByOne(string file)
    {
        var pack = RulePackLoader.Load(Path.Combine(Repo.Root, Pack)).GetValueOrThrow();
        var department = FactReader.ReadDepartments(File.ReadAllText(Path.Combine(Repo.Root, Red))).GetValueOrThrow().Items[0];
        var on = DateOnly.Parse(On, System.Globalization.CultureInfo.InvariantCulture);
        return FactReader.ReadHouseholds(File.ReadAllText(file)).GetValueOrThrow().Items
            .Select(h => ResultJson.ToJson(pack.Check(new EligibilityRequest(department, h, LettingRoute.WaitingList, on) { Explain = true })))
            .ToList();
    }
}
