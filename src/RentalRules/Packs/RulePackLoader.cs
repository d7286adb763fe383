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
    /// <summary>
    /// The packs built into this library: every shipped agreement, the national packs they extend and the illustrative
    /// examples, ordered by id. Listing them reads no file and compiles nothing.
    /// </summary>
    public static IReadOnlyList<BuiltInPack> BuiltInPacks => BuiltInPackStore.All;

    /// <summary>
    /// The JSON Schema of the pack format (draft 2020-12, with an <c>$id</c>), as shipped with the built-in packs. Editors
    /// use it for completion; it checks the shape of a pack, and <see cref="Load(string)"/> checks everything else
    /// (names, types of expressions, references, composition).
    /// </summary>
    public static string PackSchema => BuiltInPackStore.Schema;

    /// <summary>Loads a built-in pack by id, e.g. <c>holbaek-2024</c> (see <see cref="BuiltInPacks"/>).</summary>
    /// <param name="id">The pack id.</param>
    /// <returns>The compiled pack, or an <c>RR0107</c> diagnostic that names the closest built-in id.</returns>
    public static LoadResult<RulePack> LoadBuiltIn(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var resolver = new BuiltInResolver();
        var name = resolver.UseBuiltIn(id);
        if (name is null)
        {
            return new LoadResult<RulePack>(null, [UnknownBuiltIn(id)]);
        }

        return Load(name, resolver);
    }

    /// <summary>The diagnostic for an id that names no built-in pack, with the closest id.</summary>
    private static Diagnostic UnknownBuiltIn(string id)
    {
        var closest = Suggestions.Closest(id, BuiltInPackStore.Ids);
        return (closest is null ? Descriptors.NoBuiltInPack : Descriptors.NoBuiltInPackClosest).At(new SourceLocation(id, "$", 1, 1), id, closest);
    }

    /// <summary>
    /// Loads a pack file. Base packs named in <c>extends</c> (ids, never paths) are looked up as <c>ID.json</c> beside the
    /// file, then in a <c>rules/</c> folder of each parent folder, then among the <see cref="BuiltInPacks"/>. No other file
    /// is opened.
    /// </summary>
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
    /// <param name="resolveBase">Returns the path of a base pack by id (or <c>null</c>: then the file beside <paramref name="file"/>, a
    /// <c>rules/</c> folder above it and the built-in packs are tried).</param>
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
    /// loader disposes the streams it is given. Base packs are named <c>ID.json</c> in diagnostics. An id it does not
    /// resolve is looked up among the built-in packs; one that is neither is error <c>RR0107</c>.
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
    /// <c>dk-statutory-restrictions</c> is <c>MyApp.Rules.dk-statutory-restrictions.json</c>; then the built-in packs.
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
            var descriptor = available.Count == 0 ? Descriptors.NoJsonResources : Descriptors.NoSuchResource;
            return new LoadResult<RulePack>(null, [descriptor.At(new SourceLocation(resourceName, "$", 1, 1), assembly.GetName().Name, resourceName, available.Count == 0 ? null : Suggestions.DidYouMean(resourceName, available))]);
        }

        resolver.Add(resourceName, root, dispose: true);
        return Load(resourceName, resolver);
    }

    private static LoadResult<RulePack> Load(string path, Resolver resolver)
    {
        var diagnostics = new List<Diagnostic>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var composed = PackComposition.Compose(path, resolver, diagnostics, sources);
        if (composed is not { } c || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new LoadResult<RulePack>(null, diagnostics);
        }

        var merged = PackMerger.Clean(c.Merged);
        merged = merged.With(properties: merged.Properties.Where(p => p.Name != "extends").Append(new JProperty("extends", -1, new JNode(JKind.Array, merged.Location, items: c.Chain.Select(id => new JNode(JKind.String, merged.Location, id)).ToList()))).ToList());
        var read = PackReader.Read(merged, diagnostics);
        var pack = read is null ? null : PackCompiler.Compile(read, diagnostics, file => sources.GetValueOrDefault(file, "?"));
        if (pack is null)
        {
            return new LoadResult<RulePack>(null, Sort(diagnostics));
        }

        // The load-time analysis (gaps, shadowed rules, unmet obligations, unused tiers) only warns, so it runs when
        // someone reads the diagnostics (validate, a host logging them), not for a pack that is only evaluated: it was
        // a fifth of a first load's time, mostly its code being JIT-compiled.
        return new LoadResult<RulePack>(pack, diagnostics.ToList(), found => WithAnalysis(pack, found));
    }

    /// <summary>The diagnostics of a load with the load-time analysis's warnings, sorted.</summary>
    private static List<Diagnostic> WithAnalysis(RulePack pack, IReadOnlyList<Diagnostic> found)
        => Sort([.. found, .. Analysis.PackAnalysis.Analyse(pack)]);

    private static List<Diagnostic> Sort(List<Diagnostic> diagnostics)
        => diagnostics.OrderByDescending(d => d.Severity).ThenBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();

    private static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) && relative.Count(c => c == '/') > 3 ? fullPath : relative;
    }

    /// <summary>
    /// Where the loader reads a pack and finds its base packs: the resolver's own places first (files, streams,
    /// resources), then the built-in packs.
    /// </summary>
    internal abstract class Resolver
    {
        private readonly HashSet<string> _builtIn = new(StringComparer.Ordinal);

        public (string? Text, string? Error) Read(string name)
            => _builtIn.Contains(name) ? (BuiltInPackStore.TextOf(name), null) : ReadOwn(name);

        public string? Find(string id, string fromName)
        {
            // A built-in pack extends built-in packs only, whatever the caller's folders hold.
            if (!_builtIn.Contains(fromName) && FindOwn(id, fromName) is { } own)
            {
                return own;
            }

            if (BuiltInPackStore.NameOf(id) is { } builtIn)
            {
                _builtIn.Add(builtIn);
                return builtIn;
            }

            return null;
        }

        public string MissingHint(string id)
        {
            var closest = Suggestions.Closest(id, BuiltInPackStore.Ids);
            return MissingBaseHint(id) + " Or name a built-in pack" + (closest is null ? "" : $" (did you mean '{closest}'?)") + "; RulePackLoader.BuiltInPacks lists them, and so does 'rentalrules packs'.";
        }

        /// <summary>Registers a built-in pack as the pack to load first.</summary>
        public string? UseBuiltIn(string id)
        {
            var name = BuiltInPackStore.NameOf(id);
            if (name is not null)
            {
                _builtIn.Add(name);
            }

            return name;
        }

        protected abstract (string? Text, string? Error) ReadOwn(string name);

        protected abstract string? FindOwn(string id, string fromName);

        protected abstract string MissingBaseHint(string id);
    }

    /// <summary>Only the built-in packs.</summary>
    private sealed class BuiltInResolver : Resolver
    {
        protected override (string? Text, string? Error) ReadOwn(string name) => (null, "there is no such built-in pack.");

        protected override string? FindOwn(string id, string fromName) => null;

        protected override string MissingBaseHint(string id) => "A built-in pack extends only built-in packs.";
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

        protected override (string? Text, string? Error) ReadOwn(string name)
            => _texts.TryGetValue(name, out var text) ? text : (null, "the stream is not available.");

        protected override string? FindOwn(string id, string fromName)
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

        protected override string MissingBaseHint(string id) => hint(id);
    }

    private sealed class FileResolver(Func<string, string?>? custom = null) : Resolver
    {
        public (string File, string Text)? InlineText { get; init; }

        // Packs are named as shown to the user (relative to the working directory where that is short), but read and
        // resolved by the full path found when the name was made, so a working directory changed by another thread
        // during the load cannot send a read elsewhere.
        private readonly Dictionary<string, string> _full = new(StringComparer.Ordinal);

        protected override string MissingBaseHint(string id) => $"Put {id}.json beside this pack or in a rules/ folder above it.";

        private string Full(string name)
        {
            if (!_full.TryGetValue(name, out var full))
            {
                full = Path.GetFullPath(name);
                _full[name] = full;
            }

            return full;
        }

        private string Shown(string full)
        {
            var shown = Display(full);
            _full[shown] = full;
            return shown;
        }

        protected override (string? Text, string? Error) ReadOwn(string path)
        {
            if (InlineText is { } inline && inline.File == path)
            {
                return (inline.Text, null);
            }

            try
            {
                path = Full(path);
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

        protected override string? FindOwn(string id, string fromPath)
        {
            if (custom?.Invoke(id) is { } found)
            {
                return found;
            }

            var dir = Path.GetDirectoryName(Full(fromPath));
            var beside = Path.Combine(dir ?? Full("."), id + ".json");
            if (File.Exists(beside))
            {
                return Shown(beside);
            }

            while (dir is not null)
            {
                var candidate = Path.Combine(dir, "rules", id + ".json");
                if (File.Exists(candidate))
                {
                    return Shown(candidate);
                }

                dir = Path.GetDirectoryName(dir);
            }

            return null;
        }
    }
}
