using System.Text;
using RentalRules.Analysis;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Packs;

namespace RentalRules.Authoring;

/// <summary>
/// Runs pack tests: the named cases of a tests file (<c>ID.tests.json</c> beside <c>ID.json</c>; format in
/// docs/pack-format.md, schema <see cref="Schema"/>) against a pack, with clause coverage. A draft also runs the cases of
/// the packs it extends, and each base case that now fails names the draft's changes behind it. Never throws for bad
/// input: problems are located diagnostics in the report. Thread-safe (stateless).
/// </summary>
public static class PackTestRunner
{
    /// <summary>The file-name ending of a pack tests file.</summary>
    public const string Extension = ".tests.json";

    private const string ResourcePrefix = "RentalRules.PackTests.";
    private const string SchemaResource = ResourcePrefix + "Schema.rentalrules-pack-tests.schema.json";
    private static readonly Lazy<string> SchemaText = new(() => ReadResource(SchemaResource) ?? "");

    /// <summary>The JSON Schema of pack tests files (<c>rules/schema/rentalrules-pack-tests.schema.json</c>), for editors.</summary>
    public static string Schema => SchemaText.Value;

    /// <summary>The tests file beside a pack file: <c>dir/ID.tests.json</c> for <c>dir/ID.json</c>.</summary>
    /// <param name="packPath">The pack file.</param>
    /// <returns>The path (whether or not it exists).</returns>
    public static string TestsFileFor(string packPath)
    {
        ArgumentNullException.ThrowIfNull(packPath);
        var name = Path.GetFileName(packPath);
        var stem = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
        return Path.Combine(Path.GetDirectoryName(packPath) ?? "", stem + Extension);
    }

    /// <summary>
    /// Loads the pack file and runs the tests beside it; a draft also runs its bases' tests (each found as the base is: beside
    /// the draft, in a <c>rules/</c> folder above it, or built in). A path ending in <c>.tests.json</c> names the tests of
    /// the pack beside them.
    /// </summary>
    /// <param name="path">The pack file, or its tests file.</param>
    /// <returns>The report.</returns>
    public static PackTestReport RunFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^Extension.Length] + ".json";
        }

        var loaded = RulePackLoader.Load(path);
        if (loaded.Value is not { } pack)
        {
            return Failed(path, loaded.Diagnostics);
        }

        var testsPath = TestsFileFor(path);
        var own = File.Exists(testsPath) ? Read(testsPath) : null;
        return Run(pack, own, testsPath, BaseTests(pack, id => FindFileBase(path, id)));
    }

    /// <summary>Runs the tests shipped with a built-in pack (see <see cref="RulePackLoader.BuiltInPacks"/>).</summary>
    /// <param name="id">The pack id.</param>
    /// <returns>The report.</returns>
    public static PackTestReport RunBuiltIn(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var loaded = RulePackLoader.LoadBuiltIn(id);
        if (loaded.Value is not { } pack)
        {
            return Failed(id, loaded.Diagnostics);
        }

        var name = BuiltInPackStore.Prefix + id + Extension;
        return Run(pack, ReadResource(ResourcePrefix + id + Extension) is { } text ? Encoding.UTF8.GetBytes(text) : null, name, BaseTests(pack, BuiltInBase));
    }

    /// <summary>Runs a tests file's cases against a loaded pack (its own tests: no base tests are looked for).</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="testsJson">The tests file's text.</param>
    /// <param name="testsFile">The name used in diagnostics and the report.</param>
    /// <returns>The report.</returns>
    public static PackTestReport Run(RulePack pack, string testsJson, string testsFile)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(testsJson);
        ArgumentNullException.ThrowIfNull(testsFile);
        return Run(pack, Encoding.UTF8.GetBytes(testsJson), testsFile, []);
    }

    private sealed record BaseSource(string Id, string TestsFile, byte[]? Tests, Func<LoadResult<RulePack>> Load)
    {
        public RulePack? Loaded { get; init; }
    }

    private static PackTestReport Failed(string name, IReadOnlyList<Diagnostic> diagnostics)
        => new(name, "", null, [], [], [], diagnostics);

    private static byte[]? Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadResource(string name)
    {
        using var stream = typeof(PackTestRunner).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>A draft's direct bases (the packs it extends that no other of its bases extends), with their tests.</summary>
    private static List<BaseSource> BaseTests(RulePack pack, Func<string, BaseSource?> find)
    {
        if (pack.Status != "draft")
        {
            return [];
        }

        var bases = pack.Extends.Select(find).OfType<BaseSource>().Select(b => (Source: b, Pack: b.Load().Value)).ToList();
        var indirect = bases.SelectMany(b => b.Pack?.Extends ?? []).ToHashSet(StringComparer.Ordinal);
        return bases.Where(b => !indirect.Contains(b.Source.Id)).Select(b => b.Source with { Loaded = b.Pack }).ToList();
    }

    /// <summary>A base as the loader finds it for a pack file: beside it, in a <c>rules/</c> folder above, or built in.</summary>
    private static BaseSource? FindFileBase(string packPath, string id)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(packPath));
        var candidates = new List<string> { Path.Combine(dir ?? "", id + ".json") };
        for (var d = dir; d is not null; d = Path.GetDirectoryName(d))
        {
            candidates.Add(Path.Combine(d, "rules", id + ".json"));
        }

        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                var tests = TestsFileFor(candidate);
                var shown = Path.GetRelativePath(Environment.CurrentDirectory, tests);
                return new BaseSource(id, shown, File.Exists(tests) ? Read(tests) : null, () => RulePackLoader.Load(candidate));
            }
        }

        return BuiltInBase(id);
    }

    private static BaseSource? BuiltInBase(string id)
        => BuiltInPackStore.NameOf(id) is null ? null
            : new BaseSource(id, BuiltInPackStore.Prefix + id + Extension, ReadResource(ResourcePrefix + id + Extension) is { } t ? Encoding.UTF8.GetBytes(t) : null, () => RulePackLoader.LoadBuiltIn(id));

    private static PackTestReport Run(RulePack pack, byte[]? own, string testsFile, List<BaseSource> bases)
    {
        var diagnostics = new List<Diagnostic>();
        var cases = new List<PackTestCaseResult>();
        PackTestFile? ownFile = null;
        if (own is null)
        {
            var severity = pack.Status == "draft" ? Severity.Warning : Severity.Error;
            diagnostics.Add(Descriptors.PackHasNoTests.At(new SourceLocation(testsFile, "$", 1, 1), pack.Id, Path.GetFileName(testsFile)) with { Severity = severity });
        }
        else
        {
            ownFile = PackTestReader.Read(own, testsFile, pack, pack.Id, diagnostics);
            if (ownFile is not null)
            {
                cases.AddRange(ownFile.Cases.Select(c => RunCase(pack, c, null)));
            }
        }

        var baseRuns = new List<PackTestBaseRun>();
        var baseCases = new List<PackTestCase>();
        var baseIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in bases)
        {
            if (b.Tests is null)
            {
                diagnostics.Add(Descriptors.BasePackHasNoTests.At(new SourceLocation(b.TestsFile, "$", 1, 1), b.Id));
                continue;
            }

            // A base case that no longer reads against the draft (it names a tier the draft removed, say) is something the
            // draft changed, not an error in the draft: a warning.
            var baseDiagnostics = new List<Diagnostic>();
            var file = PackTestReader.Read(b.Tests, b.TestsFile, pack, null, baseDiagnostics);
            diagnostics.AddRange(baseDiagnostics.Select(d => d.Severity == Severity.Error ? d with { Severity = Severity.Warning, Hint = "The draft changed what this base case names; " + d.Hint } : d));
            if (file is null)
            {
                continue;
            }

            var changes = b.Loaded is { } basePack ? PackComparer.Changes(basePack, pack).Where(c => c.Change != "reworded").ToList() : [];
            baseRuns.Add(new PackTestBaseRun(b.Id, b.TestsFile, file.Cases.Select(c => RunCase(pack, c, changes)).ToList()));
            baseCases.AddRange(file.Cases);
            baseIds.Add(b.Id);
        }

        var all = (ownFile?.Cases ?? []).Concat(baseCases).ToList();
        var coverage = pack.Citations
            .Where(c => c.Source == pack.Id || baseIds.Contains(c.Source))
            .Select(c => (c.Clause, c.Source))
            .Distinct()
            .Select(c => new ClauseCoverage(c.Clause, c.Source, all.Where(x => x.Clauses.Contains(c.Clause, StringComparer.Ordinal)).Select(x => x.Name).ToList()))
            .ToList();
        if (ownFile is not null)
        {
            var uncovered = coverage.Where(c => c.Cases.Count == 0).Select(c => c.Clause).ToList();
            if (uncovered.Count > 0)
            {
                var binding = pack.Status is "signed" or "statutory";
                diagnostics.Add(Descriptors.ClausesUncovered.At(
                    new SourceLocation(testsFile, "$.cases", 1, 1),
                    uncovered.Count == 1 ? "clause" : "clauses",
                    string.Join(", ", uncovered.Select(u => $"'{u}'")),
                    pack.Status,
                    pack.Id,
                    binding ? " (a signed or statutory pack needs every clause it cites covered)." : ".") with { Severity = binding ? Severity.Error : Severity.Warning });
            }
        }

        return new PackTestReport(pack.Id, pack.Status, own is null ? null : testsFile, cases, baseRuns, coverage, diagnostics);
    }

    private static PackTestCaseResult RunCase(RulePack pack, PackTestCase c, IReadOnlyList<RuleChange>? changes)
    {
        var actual = PackTestEvaluation.Evaluate(pack, c);
        var differences = PackTestEvaluation.Compare(c.Expect, actual);
        IReadOnlyList<string> causedBy = [];
        if (changes is not null && differences.Count > 0)
        {
            var touched = PackTestEvaluation.Touched(pack, actual, differences);
            causedBy = changes.Select(x => x.Key).Where(touched.Contains).ToList();
        }

        return new PackTestCaseResult(c.Name, c.Clauses, c.Location, differences, causedBy);
    }
}
