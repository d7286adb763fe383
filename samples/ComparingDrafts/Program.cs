using System.Globalization;
using RentalRules.Analysis;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace ComparingDrafts;

/// <summary>
/// Compares an agreement draft with its base pack over a portfolio of departments, using only the public API of
/// RentalRules: what the draft changes, which departments change tier, and what that does to the municipality's
/// allocations per year (and, with households, to applicants' eligibility).
/// </summary>
internal static class Program
{
    private const string UsageText = """
        Usage:
          dotnet run --project samples/ComparingDrafts                      both shipped scenarios
          dotnet run --project samples/ComparingDrafts -- SCENARIO          hoeje-taastrup or holbaek
          dotnet run --project samples/ComparingDrafts -- --base PACK --draft PACK --portfolio CSV [--households JSON] [--on yyyy-MM-dd]

        A scenario can be combined with options to replace one of its files, e.g. holbaek --portfolio my.csv.
        Default files are found from the repository root; files you name are read relative to the current folder.
        --on defaults to 2026-03-01. Exit codes: 0 success, 1 invalid input, 2 usage error.
        """;

    private const string SampleHouseholds = "samples/ComparingDrafts/households.json";

    private static readonly DateOnly DefaultOn = new(2026, 3, 1);

    private static readonly Scenario[] Scenarios =
    [
        new("hoeje-taastrup", "Høje-Taastrup", "rules/hoeje-taastrup-2023.json", "samples/ComparingDrafts/drafts/hoeje-taastrup-2023-convictions-3x.json", "samples/ComparingDrafts/portfolio-hoeje-taastrup.csv", SampleHouseholds),
        new("holbaek", "Holbæk", "rules/holbaek-2024.json", "samples/ComparingDrafts/drafts/holbaek-2024-green-35.json", "samples/ComparingDrafts/portfolio-holbaek.csv", SampleHouseholds),
    ];

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the sample; returns 0 on success, 1 for invalid input, 2 for a usage error.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is ["-h"] or ["--help"])
        {
            stdout.WriteLine(UsageText);
            return 0;
        }

        if (ParseArguments(args, out var error) is not { } jobs)
        {
            stderr.WriteLine($"ComparingDrafts: {error}");
            stderr.WriteLine(UsageText);
            return 2;
        }

        var on = jobs.On;
        var first = true;
        foreach (var job in jobs.Scenarios)
        {
            if (!first)
            {
                stdout.WriteLine();
            }

            first = false;
            if (!Compare(job, on, stdout, stderr))
            {
                return 1;
            }
        }

        return 0;
    }

    private static Jobs? ParseArguments(string[] args, out string? error)
    {
        error = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--base" or "--draft" or "--portfolio" or "--households" or "--on")
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"{arg} needs a value.";
                    return null;
                }

                options[arg] = args[++i];
            }
            else if (arg.StartsWith('-'))
            {
                error = $"unknown option '{arg}'.";
                return null;
            }
            else if (Scenarios.Any(s => s.Name == arg))
            {
                names.Add(arg);
            }
            else
            {
                error = $"unknown scenario '{arg}'; the scenarios are {string.Join(" and ", Scenarios.Select(s => s.Name))}.";
                return null;
            }
        }

        var on = DefaultOn;
        if (options.TryGetValue("--on", out var onText) && !DateOnly.TryParseExact(onText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
        {
            error = "--on must be a date written yyyy-MM-dd, e.g. 2026-03-01.";
            return null;
        }

        var files = new[] { "--base", "--draft", "--portfolio", "--households" };
        if (names.Count == 0)
        {
            if (!files.Any(options.ContainsKey))
            {
                return new Jobs(Scenarios.Select(s => s with { Root = true }).ToList(), on);
            }

            var lacking = files[..3].Where(f => !options.ContainsKey(f)).ToList();
            if (lacking.Count > 0)
            {
                error = $"without a scenario, give {string.Join(", ", lacking)} too.";
                return null;
            }

            return new Jobs([new Scenario("custom", null, options["--base"], options["--draft"], options["--portfolio"], options.GetValueOrDefault("--households"))], on);
        }

        if (names.Count > 1 && files.Any(options.ContainsKey))
        {
            error = "options that replace a file apply to one scenario; name only one.";
            return null;
        }

        // A scenario's own files are found from the repository root; the files named in options are read as given.
        return new Jobs(
            names.Distinct(StringComparer.Ordinal).Select(n => Scenarios.First(s => s.Name == n)).Select(s => s with
            {
                Root = true,
                Base = Override(options, "--base", s.Base),
                Draft = Override(options, "--draft", s.Draft),
                Portfolio = Override(options, "--portfolio", s.Portfolio),
                Households = Override(options, "--households", s.Households!),
            }).ToList(),
            on);
    }

    private static string Override(Dictionary<string, string> options, string name, string fallback)
        => options.TryGetValue(name, out var value) ? Path.GetFullPath(value) : fallback;

    private static bool Compare(Scenario job, DateOnly on, TextWriter stdout, TextWriter stderr)
    {
        var root = job.Root ? RepositoryRoot() : null;
        string Locate(string path) => Display(root is null || Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.Combine(root, path));

        var basePath = Locate(job.Base);
        var draftPath = Locate(job.Draft);
        var portfolioPath = Locate(job.Portfolio);
        var householdsPath = job.Households is null ? null : Locate(job.Households);

        // 1. Load the base pack and the draft; a draft names its base in "extends" and states only what differs.
        var basePack = Report(RulePackLoader.Load(basePath), stderr);
        var draft = Report(RulePackLoader.Load(draftPath), stderr);

        // 2. Read the portfolio (CSV, one department per row) and, optionally, applicant households (JSON).
        var portfolio = ReadText(portfolioPath, "portfolio", stderr) is { } csv ? Report(FactReader.ReadDepartmentsCsv(csv, portfolioPath), stderr) : null;
        FactFile<Household>? households = null;
        if (householdsPath is not null)
        {
            households = ReadText(householdsPath, "households", stderr) is { } json ? Report(FactReader.ReadHouseholds(json, householdsPath), stderr) : null;
            if (households is null)
            {
                return false;
            }
        }

        if (basePack is null || draft is null || portfolio is null)
        {
            return false;
        }

        // 3. Compare: the draft's rule changes, both forecasts, the departments and households that change.
        var comparison = PackComparer.Run(basePack, draft, portfolio.Items, households?.Items, on);

        var title = job.Title is null ? $"{basePack.Id} → {draft.Id}" : $"{job.Title}: {basePack.Id} → {draft.Id}";
        stdout.WriteLine($"=== {title} (on {on:yyyy-MM-dd}) ===");
        stdout.WriteLine($"base       {basePath} ({basePack.Id} {basePack.Version}, {basePack.Status})");
        stdout.WriteLine($"draft      {draftPath} ({draft.Id} {draft.Version}, {draft.Status})");
        stdout.WriteLine($"portfolio  {portfolioPath} ({portfolio.Items.Count} departments)");
        if (householdsPath is not null)
        {
            stdout.WriteLine($"households {householdsPath} ({households!.Items.Count} households)");
        }

        PrintRuleChanges(comparison, basePack, draft, stdout);
        PrintDepartments(comparison, stdout);
        PrintAllocations(comparison, basePack, draft, stdout);
        if (households is not null)
        {
            PrintHouseholds(comparison, stdout);
        }

        foreach (var warning in comparison.Base.Departments.Concat(comparison.Draft.Departments).SelectMany(d => d.Placement.Warnings).Select(w => w.En).Distinct(StringComparer.Ordinal))
        {
            stdout.WriteLine($"note: {warning}");
        }

        return true;
    }

    private static void PrintRuleChanges(Comparison c, RulePack basePack, RulePack draft, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine($"What the draft changes ({c.RuleChanges.Count})");
        var rows = c.RuleChanges.Select(r => new[]
        {
            r.Key,
            r.Change,
            r.Kind == "parameter" ? $"{Value(basePack.ParameterValue(r.Id, c.On))} → {Value(draft.ParameterValue(r.Id, c.On))}" : "",
        }).ToList();
        Table(w, rows, rightAligned: []);
    }

    private static void PrintDepartments(Comparison c, TextWriter w)
    {
        var moved = c.Departments.Where(d => d.BaseTier != d.DraftTier).ToList();
        w.WriteLine();
        w.WriteLine($"Departments that change tier ({moved.Count} of {c.Base.Departments.Count})");
        if (moved.Count == 0)
        {
            w.WriteLine("  none");
        }

        var rows = moved.Select(d => new[]
        {
            d.DepartmentId ?? "-",
            d.Name ?? "-",
            d.Organisation ?? "-",
            $"{d.BaseTier ?? "undetermined"} → {d.DraftTier ?? "undetermined"}",
            $"{Number(d.BaseMunicipalPerYear)} → {Number(d.DraftMunicipalPerYear)}/yr",
            Causes(d.CausedBy),
        }).ToList();
        Table(w, rows, rightAligned: []);

        var other = c.Departments.Where(d => d.BaseTier == d.DraftTier).ToList();
        if (other.Count > 0)
        {
            w.WriteLine($"Departments in the same tier whose allocations change ({other.Count})");
            Table(w, other.Select(d => new[] { d.DepartmentId ?? "-", d.BaseTier ?? "-", $"{Number(d.BaseMunicipalPerYear)} → {Number(d.DraftMunicipalPerYear)}/yr", Causes(d.CausedBy) }).ToList(), rightAligned: []);
        }
    }

    private static void PrintAllocations(Comparison c, RulePack basePack, RulePack draft, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine("Municipal allocations per year (expected: dwellings × turnover rate × the tier's municipal share)");
        var header = new[] { "", "departments", "", "allocations/yr", "", "" };
        var sub = new[] { "", "base", "draft", "base", "draft", "change" };
        var rows = new List<string[]> { header, sub };
        var tiers = draft.Tiers.Concat(basePack.Tiers).Concat(c.Base.ByTier.Keys).Concat(c.Draft.ByTier.Keys).Distinct(StringComparer.Ordinal)
            .Where(t => c.Base.ByTier.ContainsKey(t) || c.Draft.ByTier.ContainsKey(t));
        foreach (var tier in tiers)
        {
            rows.Add(Line("  " + tier, c.Base.ByTier.GetValueOrDefault(tier), c.Draft.ByTier.GetValueOrDefault(tier)));
        }

        rows.Add(["by organisation", "", "", "", "", ""]);
        foreach (var organisation in c.Base.ByOrganisation.Keys.Union(c.Draft.ByOrganisation.Keys).Order(StringComparer.Ordinal))
        {
            rows.Add(Line("  " + organisation, c.Base.ByOrganisation.GetValueOrDefault(organisation), c.Draft.ByOrganisation.GetValueOrDefault(organisation)));
        }

        rows.Add(Line("total", c.Base.PerYear, c.Draft.PerYear));
        Table(w, rows, rightAligned: [1, 2, 3, 4, 5]);
        var unknown = Math.Max(c.Base.PerYear.Unknown, c.Draft.PerYear.Unknown);
        if (unknown > 0)
        {
            w.WriteLine($"  {unknown} department(s) left out of the sums: a fact needed for placement or the forecast is missing.");
        }

        static string[] Line(string label, ForecastTotals? b, ForecastTotals? d)
        {
            var delta = (d?.MunicipalPerYear ?? 0) - (b?.MunicipalPerYear ?? 0);
            return
            [
                label,
                (b?.Departments ?? 0).ToString(CultureInfo.InvariantCulture),
                (d?.Departments ?? 0).ToString(CultureInfo.InvariantCulture),
                Number(b?.MunicipalPerYear ?? 0),
                Number(d?.MunicipalPerYear ?? 0),
                delta.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture),
            ];
        }
    }

    private static void PrintHouseholds(Comparison c, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine($"Applicants whose eligibility changes ({c.Households.Count} household × department × route)");
        if (c.Households.Count == 0)
        {
            w.WriteLine("  none");
        }

        var rows = c.Households.Select(h => new[]
        {
            h.HouseholdId ?? "-",
            h.DepartmentId ?? "-",
            Camel(h.Route.ToString()),
            $"{Camel(h.Base.ToString())} → {Camel(h.Draft.ToString())}",
            Causes(h.CausedBy),
        }).ToList();
        Table(w, rows, rightAligned: []);
    }

    private static T? Report<T>(LoadResult<T> result, TextWriter stderr)
        where T : class
    {
        // Diagnostics read "file:line:col: error CODE: message (at $.path) Hint: …"; warnings do not stop the sample.
        foreach (var diagnostic in result.Diagnostics)
        {
            stderr.WriteLine(diagnostic);
        }

        return result.Value;
    }

    private static string? ReadText(string path, string what, TextWriter stderr)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : ex.Message;
            stderr.WriteLine($"{path}:1:1: error: cannot read the {what}: {reason}.");
            return null;
        }
    }

    /// <summary>The folder holding RentalRules.sln, above the current folder or the sample's binaries.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RentalRules.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Environment.CurrentDirectory;
    }

    private static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }

    private static string Value(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(none)";

    private static string Number(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";

    private static string Causes(IReadOnlyList<string> causes) => causes.Count == 0 ? "(no change of the draft attributed)" : "caused by " + string.Join(", ", causes);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void Table(TextWriter w, List<string[]> rows, int[] rightAligned)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var widths = Enumerable.Range(0, rows.Max(r => r.Length)).Select(i => rows.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => i == row.Length - 1 && !rightAligned.Contains(i) ? cell : rightAligned.Contains(i) ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            w.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
        }
    }

    private sealed record Scenario(string Name, string? Title, string Base, string Draft, string Portfolio, string? Households)
    {
        public bool Root { get; init; }
    }

    private sealed record Jobs(IReadOnlyList<Scenario> Scenarios, DateOnly On);
}
