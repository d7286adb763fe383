using System.Reflection;
using System.Text;
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

    /// <summary>
    /// Loads a pack from a stream of UTF-8 JSON (a byte order mark is allowed). The stream is read to its end and left
    /// open; the caller disposes it.
    /// </summary>
    /// <param name="stream">The pack JSON.</param>
    /// <param name="name">The name to use in diagnostics, e.g. the file or blob name.</param>
    /// <param name="resolveBase">
    /// Returns a stream of a base pack by id (the ids named in <c>extends</c>), or <c>null</c> when there is none; the
    /// loader disposes the streams it is given. Base packs are named <c>ID.json</c> in diagnostics. Without it, a pack
    /// that extends another cannot be loaded from a stream (error <c>RR0107</c>).
    /// </param>
    /// <returns>The compiled pack, or the diagnostics that prevent it; an unreadable stream is a diagnostic too.</returns>
    public static LoadResult<RulePack> LoadFromStream(Stream stream, string name, Func<string, Stream?>? resolveBase = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        var resolver = new StreamResolver(
            id => resolveBase?.Invoke(id) is { } s ? (id.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? id : id + ".json", s) : null,
            id => $"Return a stream for '{id}' from resolveBase.");
        resolver.Add(name, stream, dispose: false);
        return Load(name, resolver);
    }

    /// <summary>
    /// Loads a pack embedded as a resource in an assembly. Base packs named in <c>extends</c> are resources of the same
    /// assembly with the same naming scheme: for <c>MyApp.Rules.holbaek-2024.json</c>, the base pack
    /// <c>dk-statutory-restrictions</c> is <c>MyApp.Rules.dk-statutory-restrictions.json</c>.
    /// </summary>
    /// <param name="assembly">The assembly holding the resources.</param>
    /// <param name="resourceName">The manifest resource name of the pack, e.g. <c>MyApp.Rules.holbaek-2024.json</c>.</param>
    /// <returns>The compiled pack, or the diagnostics that prevent it; a missing resource is a diagnostic too.</returns>
    public static LoadResult<RulePack> LoadFromResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourceName);
        var stem = resourceName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? resourceName[..^5] : resourceName;
        var prefix = stem[..(stem.LastIndexOf('.') + 1)];
        var resolver = new StreamResolver(
            id => assembly.GetManifestResourceStream(prefix + id + ".json") is { } s ? (prefix + id + ".json", s) : null,
            id => $"Embed {id}.json in {assembly.GetName().Name} so that its resource name is {prefix}{id}.json.");
        var root = assembly.GetManifestResourceStream(resourceName);
        if (root is null)
        {
            var available = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            var hint = "Embed the pack with <EmbeddedResource Include=\"…\" /> and use its manifest resource name. "
                + (available.Count == 0 ? "The assembly has no .json resources." : Suggestions.DidYouMean(resourceName, available));
            return new LoadResult<RulePack>(null, [new Diagnostic(Severity.Error, DiagnosticCodes.FileUnreadable, $"The assembly {assembly.GetName().Name} has no resource '{resourceName}'.", new SourceLocation(resourceName, "$", 1, 1), hint)]);
        }

        resolver.Add(resourceName, root, dispose: true);
        return Load(resourceName, resolver);
    }

    private static LoadResult<RulePack> Load(string path, Resolver resolver)
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

    private static JNode? Resolve(string path, Resolver resolver, List<Diagnostic> diagnostics, Dictionary<string, string> sources, List<string> chain, List<string> stack)
    {
        var (text, readError) = resolver.Read(path);
        if (text is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.FileUnreadable, $"Cannot read the pack: {readError}", new SourceLocation(path, "$", 1, 1), "Check the path."));
            return null;
        }

        if (text.Length > PackLimits.MaxBytes / 3 && Encoding.UTF8.GetByteCount(text) is var bytes && bytes > PackLimits.MaxBytes)
        {
            diagnostics.Add(PackLimits.TooManyBytes(path, bytes));
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
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.BasePack, $"The base pack '{item.Text}' cannot be found.", item.Location, resolver.MissingBaseHint(item.Text!)));
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

    /// <summary>Where the loader reads a pack and finds its base packs.</summary>
    private abstract class Resolver
    {
        public abstract (string? Text, string? Error) Read(string name);

        public abstract string? Find(string id, string fromName);

        public abstract string MissingBaseHint(string id);
    }

    /// <summary>Packs from streams (a caller's or an assembly's resources), read once into text.</summary>
    private sealed class StreamResolver(Func<string, (string Name, Stream Stream)?> open, Func<string, string> hint) : Resolver
    {
        private readonly Dictionary<string, (string? Text, string? Error)> _texts = new(StringComparer.Ordinal);

        public void Add(string name, Stream stream, bool dispose)
        {
            try
            {
                using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: !dispose);
                _texts[name] = (reader.ReadToEnd(), null);
            }
            catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException)
            {
                _texts[name] = (null, ex.Message);
            }
        }

        public override (string? Text, string? Error) Read(string name)
            => _texts.TryGetValue(name, out var text) ? text : (null, "the stream is not available.");

        public override string? Find(string id, string fromName)
        {
            (string Name, Stream Stream)? found;
            try
            {
                found = open(id);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (found is not { } f)
            {
                return null;
            }

            if (!_texts.ContainsKey(f.Name))
            {
                Add(f.Name, f.Stream, dispose: true);
            }
            else
            {
                f.Stream.Dispose();
            }

            return f.Name;
        }

        public override string MissingBaseHint(string id) => hint(id);
    }

    private sealed class FileResolver(Func<string, string?>? custom = null) : Resolver
    {
        public (string File, string Text)? InlineText { get; init; }

        public override string MissingBaseHint(string id) => $"Put {id}.json beside this pack or in a rules/ folder above it.";

        public override (string? Text, string? Error) Read(string path)
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

                if (new FileInfo(path) is { Exists: true, Length: > 2L * PackLimits.MaxBytes } huge)
                {
                    // Not read at all: far beyond the limit, it would cost memory for nothing.
                    return (null, $"the file has {huge.Length} bytes, far more than a pack may have ({PackLimits.MaxBytes}; see Limits in docs/pack-format.md).");
                }

                return (File.ReadAllText(path), null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return (null, ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist." : ex.Message);
            }
        }

        public override string? Find(string id, string fromPath)
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
