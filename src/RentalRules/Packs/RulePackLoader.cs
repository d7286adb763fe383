using RentalRules.Diagnostics;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>
/// Loads rule packs: reads the JSON, resolves the packs it <c>extends</c>, merges them (see the README on composition),
/// checks everything and compiles every condition once. Never throws for bad input: every problem comes back as a
/// located <see cref="Diagnostic"/>. Thread-safe (stateless).
/// </summary>
public static class RulePackLoader
{
    private static readonly HashSet<string> NotInherited = ["id", "version", "title", "status", "extends", "notes"];

    /// <summary>Loads a pack file. Base packs named in <c>extends</c> are looked up as <c>ID.json</c> beside the file,
    /// then in a <c>rules/</c> folder of each parent folder.</summary>
    /// <param name="path">The pack file.</param>
    /// <returns>The compiled pack, or the diagnostics that prevent it.</returns>
    public static LoadResult<RulePack> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Load(path, new FileResolver());
    }

    /// <summary>Loads a pack from text.</summary>
    /// <param name="json">The pack JSON.</param>
    /// <param name="file">The name to use in diagnostics.</param>
    /// <param name="resolveBase">Returns the path of a base pack by id (or <c>null</c>), for packs that extend others.</param>
    /// <returns>The compiled pack, or the diagnostics that prevent it.</returns>
    public static LoadResult<RulePack> LoadFromText(string json, string file = "<pack>", Func<string, string?>? resolveBase = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var resolver = new FileResolver(resolveBase) { InlineText = (file, json) };
        return Load(file, resolver);
    }

    private static LoadResult<RulePack> Load(string path, FileResolver resolver)
    {
        var diagnostics = new List<Diagnostic>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var chain = new List<string>();
        var merged = Resolve(path, resolver, diagnostics, sources, chain, []);
        if (merged is null || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new LoadResult<RulePack>(null, diagnostics);
        }

        merged = PackMerger.Clean(merged);
        merged = merged.With(properties: merged.Properties.Where(p => p.Name != "extends").Append(new JProperty("extends", -1, new JNode(JKind.Array, merged.Location, items: chain.Select(c => new JNode(JKind.String, merged.Location, c)).ToList()))).ToList());
        var pack = PackReader.Read(merged, diagnostics, file => sources.GetValueOrDefault(file, "?"));
        diagnostics.AddRange(PackAnalysis.Analyse(pack));
        return new LoadResult<RulePack>(pack, Sort(diagnostics));
    }

    private static List<Diagnostic> Sort(List<Diagnostic> diagnostics)
        => diagnostics.OrderByDescending(d => d.Severity).ThenBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();

    private static JNode? Resolve(string path, FileResolver resolver, List<Diagnostic> diagnostics, Dictionary<string, string> sources, List<string> chain, List<string> stack)
    {
        var (text, readError) = resolver.Read(path);
        if (text is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.FileUnreadable, $"Cannot read the pack: {readError}", new SourceLocation(path, "$", 1, 1), "Check the path."));
            return null;
        }

        var (root, error) = JsonText.Parse(text, path);
        if (root is null)
        {
            diagnostics.Add(error!);
            return null;
        }

        if (root.Kind != JKind.Object)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.WrongType, $"A pack must be a JSON object, but this is {JNode.KindName(root.Kind)}.", root.Location, "Start the file with {."));
            return null;
        }

        var id = root["id"] is { Kind: JKind.String } idNode ? idNode.Text! : Path.GetFileNameWithoutExtension(path);
        sources[path] = id;
        if (stack.Contains(id))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.BasePack, $"The packs extend each other in a cycle: {string.Join(" → ", stack.Append(id))}.", root.Location, "Remove one of the extends."));
            return null;
        }

        var extends = root["extends"];
        if (extends is null || extends.IsNull)
        {
            return root;
        }

        if (extends.Kind != JKind.Array || extends.Items.Any(i => i.Kind != JKind.String))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.WrongType, "extends must be a list of pack ids.", extends.Location, "Write e.g. \"extends\": [\"dk-statutory-restrictions\"]."));
            return null;
        }

        if (extends.Items.Count == 0)
        {
            return root;
        }

        JNode? merged = null;
        foreach (var item in extends.Items)
        {
            var basePath = resolver.Find(item.Text!, path);
            if (basePath is null)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.BasePack, $"The base pack '{item.Text}' cannot be found.", item.Location, $"Put {item.Text}.json beside this pack or in a rules/ folder above it."));
                return null;
            }

            chain.Add(item.Text!);
            if (stack.Contains(item.Text!) || item.Text == id)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.BasePack, $"The packs extend each other in a cycle: {string.Join(" → ", stack.Append(id).Append(item.Text!))}.", item.Location, "Remove one of the extends."));
                return null;
            }

            var resolved = Resolve(basePath, resolver, diagnostics, sources, chain, [.. stack, id]);
            if (resolved is null)
            {
                return null;
            }

            merged = merged is null ? resolved : PackMerger.Merge(merged, resolved);
        }

        var inheritable = merged!.With(properties: merged.Properties.Where(p => !NotInherited.Contains(p.Name)).ToList());
        return PackMerger.Merge(inheritable, root);
    }

    private static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) && relative.Count(c => c == '/') > 3 ? fullPath : relative;
    }

    private sealed class FileResolver(Func<string, string?>? custom = null)
    {
        public (string File, string Text)? InlineText { get; init; }

        public (string? Text, string? Error) Read(string path)
        {
            if (InlineText is { } inline && inline.File == path)
            {
                return (inline.Text, null);
            }

            try
            {
                if (Directory.Exists(path))
                {
                    return (null, "this is a folder, not a pack file.");
                }

                return (File.ReadAllText(path), null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return (null, ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist." : ex.Message);
            }
        }

        public string? Find(string id, string fromPath)
        {
            if (custom?.Invoke(id) is { } found)
            {
                return found;
            }

            if (id.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                var relative = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(fromPath)) ?? ".", id);
                return File.Exists(relative) ? Display(relative) : null;
            }

            var dir = Path.GetDirectoryName(Path.GetFullPath(fromPath));
            var beside = Path.Combine(dir ?? ".", id + ".json");
            if (File.Exists(beside))
            {
                return Display(beside);
            }

            while (dir is not null)
            {
                var candidate = Path.Combine(dir, "rules", id + ".json");
                if (File.Exists(candidate))
                {
                    return Display(candidate);
                }

                dir = Path.GetDirectoryName(dir);
            }

            return null;
        }
    }
}
