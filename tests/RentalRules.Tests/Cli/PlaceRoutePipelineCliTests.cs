using System.Text.Json;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>
/// <c>place</c> places and renders departments on worker threads, and <c>route</c> renders its decisions there (it
/// decides them in order, on one thread, because each counts in the ledger): the output is what placing or routing the
/// items one by one through the library gives, in the file's order, and an invalid item far into the stream still stops
/// the output at exactly the items before it, marked incomplete, with the error located in the file.
/// </summary>
public sealed class PlaceRoutePipelineCliTests : IDisposable
{
    private const string Pack = "rules/holbaek-2024.json";
    private const string Departments = "samples/holbaek/departments.json";
    private const string On = "2025-03-01";

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("rentalrules-place-route-pipeline-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    public void Place_ManyDepartments_IsTheSameAsEachDepartmentPlacedAlone_InFileOrder(string format)
    {
        var file = DepartmentFile(700);

        var run = CliRunner.Run("place", "--pack", Pack, "--departments", file, "--on", On, "--format", format);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(PlacedOneByOne(file), Results(run.Stdout, format, "placements"));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    public void Place_InvalidDepartmentFarIntoTheStream_WritesExactlyTheDepartmentsBeforeIt_MarkedIncomplete(string format)
    {
        var run = CliRunner.Run("place", "--pack", Pack, "--departments", DepartmentFile(700, badAt: 533), "--on", On, "--format", format);

        Assert.Equal(1, run.ExitCode);
        var (results, incomplete) = Split(run.Stdout, format, "placements");
        Assert.Equal(Enumerable.Range(0, 533).Select(i => $"D{i:000}"), results.Select(r => r.GetProperty("department").GetString()));
        Assert.Equal(533, incomplete.GetProperty("written").GetInt32());
        var first = incomplete.GetProperty("firstError");
        Assert.Equal("$[533].dwellings", first.GetProperty("jsonPath").GetString());
        Assert.Equal(535, first.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    public void Route_ManyVacancies_IsTheSameAsRoutingThemOneByOne_InFileOrder(string format)
    {
        var file = VacancyFile(700);

        var run = CliRunner.Run("route", "--pack", Pack, "--departments", Departments, "--vacancies", file, "--on", On, "--format", format);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(RoutedOneByOne(file), Results(run.Stdout, format, "decisions"));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    public void Route_InvalidVacancyFarIntoTheStream_WritesExactlyTheDecisionsBeforeIt_MarkedIncomplete(string format)
    {
        var run = CliRunner.Run("route", "--pack", Pack, "--departments", Departments, "--vacancies", VacancyFile(700, badAt: 533), "--on", On, "--format", format);

        Assert.Equal(1, run.ExitCode);
        var (results, incomplete) = Split(run.Stdout, format, "decisions");
        Assert.Equal(Enumerable.Range(0, 533).Select(i => $"V{i:000}"), results.Select(r => r.GetProperty("vacancy").GetString()));
        Assert.Equal(533, incomplete.GetProperty("written").GetInt32());
        var first = incomplete.GetProperty("firstError");
        Assert.Equal("$[533].rooms", first.GetProperty("jsonPath").GetString());
        Assert.Equal(535, first.GetProperty("line").GetInt32());
    }

    /// <summary>Departments on both sides of Holbæk's thresholds, one per line; <paramref name="badAt"/> has a text for a number.</summary>
    private string DepartmentFile(int count, int badAt = -1)
    {
        var lines = Enumerable.Range(0, count).Select(i =>
            $"{{\"id\":\"D{i:000}\",\"dwellings\":{(i == badAt ? "\"many\"" : (50 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))},\"designation\":\"{(i % 7 == 0 ? "vulnerable" : "none")}\",\"flags\":[],\"developmentPlan\":false,"
            + $"\"keyFigures\":{{\"outsideLabourMarketShare\":0.{(i * 37) % 100:00},\"convictedShare\":0.0{i % 4}}}}}");
        return Write("departments.json", lines);
    }

    /// <summary>Vacancies of the sample departments, one per line; <paramref name="badAt"/> has a negative number of rooms.</summary>
    private string VacancyFile(int count, int badAt = -1)
    {
        string[] categories = ["family", "youth", "elderly", "family"];
        var lines = Enumerable.Range(0, count).Select(i =>
            $"{{\"id\":\"V{i:000}\",\"department\":\"HB-10{1 + (i % 5)}\",\"category\":\"{categories[i % 4]}\",\"rooms\":{(i == badAt ? -2 : 1 + (i % 4))}}}");
        return Write("vacancies.json", lines);
    }

    private string Write(string name, IEnumerable<string> lines)
    {
        var file = Path.Combine(_temp.FullName, name);
        File.WriteAllText(file, "[\n" + string.Join(",\n", lines) + "\n]\n");
        return file;
    }

    private static List<string> Results(string stdout, string format, string array)
        => format == "ndjson"
            ? [.. stdout.TrimEnd('\n').Split('\n')]
            : [.. JsonDocument.Parse(stdout).RootElement.GetProperty(array).EnumerateArray().Select(r => r.GetRawText())];

    private static (List<JsonElement> Results, JsonElement Incomplete) Split(string stdout, string format, string array)
    {
        if (format == "ndjson")
        {
            var lines = stdout.TrimEnd('\n').Split('\n');
            return ([.. lines[..^1].Select(l => JsonDocument.Parse(l).RootElement)], JsonDocument.Parse(lines[^1]).RootElement.GetProperty("incomplete"));
        }

        var root = JsonDocument.Parse(stdout).RootElement;
        return ([.. root.GetProperty(array).EnumerateArray()], root.GetProperty("incomplete"));
    }

    private static RulePack LoadPack() => RulePackLoader.Load(Path.Combine(Repo.Root, Pack)).GetValueOrThrow();

    private static DateOnly Date => DateOnly.Parse(On, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Each department placed alone through the library, as compact JSON.</summary>
    private static List<string> PlacedOneByOne(string file)
    {
        var pack = LoadPack();
        return [.. FactReader.ReadDepartments(File.ReadAllText(file)).GetValueOrThrow().Items.Select(d => ResultJson.ToJson(pack.Place(new PlacementRequest(d, Date))))];
    }

    /// <summary>The vacancies routed one at a time through the library, each into the ledger the one before left.</summary>
    private static List<string> RoutedOneByOne(string file)
    {
        var pack = LoadPack();
        var departments = FactReader.ReadDepartments(File.ReadAllText(Path.Combine(Repo.Root, Departments))).GetValueOrThrow().Items.ToDictionary(d => d.Id!);
        var ledger = pack.NewLedger();
        var decisions = new List<string>();
        foreach (var v in FactReader.ReadVacancies(File.ReadAllText(file)).GetValueOrThrow().Items)
        {
            var routed = pack.Route(new RoutingRequest(departments[v.Department!], v, Date) { Ledger = ledger });
            ledger = routed.Ledger;
            decisions.Add(ResultJson.ToJson(routed.Decision));
        }

        return decisions;
    }
}
