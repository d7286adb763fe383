using RentalRules.Diagnostics;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>
/// Resolves what a pack <c>extends</c> and merges it, bases first (see <see cref="PackMerger"/>). Iterative, so that no
/// depth of <c>extends</c> can overflow the stack, and memoised, so that a pack reached twice (a diamond) is read, parsed
/// and merged once: the work is linear in the number of distinct packs and <c>extends</c> entries.
/// </summary>
internal static class PackComposition
{
    /// <summary>How many levels of <c>extends</c> a pack may have below it (documented in docs/pack-format.md).</summary>
    public const int MaxDepth = 32;

    private static readonly HashSet<string> NotInherited = ["id", "version", "title", "status", "extends", "notes"];

    /// <summary>
    /// Reads the pack <paramref name="name"/> and every pack it extends, and merges them. Returns <c>null</c> after adding
    /// the located diagnostics when a pack cannot be read, a base cannot be found, the packs form a cycle or go deeper
    /// than <see cref="MaxDepth"/>.
    /// </summary>
    /// <returns>The merged pack and the ids it extends, directly or not, in first-visited order (nearest first).</returns>
    public static (JNode Merged, IReadOnlyList<string> Chain)? Compose(string name, RulePackLoader.Resolver resolver, List<Diagnostic> diagnostics, Dictionary<string, string> sources)
    {
        var packs = new Dictionary<string, Pack>(StringComparer.Ordinal);
        var root = Read(name, resolver, diagnostics, sources);
        if (root is null)
        {
            return null;
        }

        packs[name] = root;
        var stack = new List<Frame> { new(root) };
        root.OnStack = true;
        while (stack.Count > 0)
        {
            var frame = stack[^1];
            var pack = frame.Pack;
            if (frame.Next < pack.Extends.Count)
            {
                var item = pack.Extends[frame.Next++];
                var id = item.Text!;
                if (id == pack.Id || stack.Any(f => f.Pack.Id == id))
                {
                    diagnostics.Add(Cycle(stack, id, item.Location));
                    return null;
                }

                var baseName = resolver.Find(id, pack.Name);
                if (baseName is null)
                {
                    diagnostics.Add(Descriptors.BaseNotFound.At(item.Location, id, resolver.MissingHint(id)));
                    return null;
                }

                pack.Bases.Add(baseName);
                packs.TryGetValue(baseName, out var known);
                if (known is { OnStack: true })
                {
                    diagnostics.Add(Cycle(stack, known.Id, item.Location));
                    return null;
                }

                // The base sits stack.Count levels below the pack being loaded, and has its own levels below it.
                if (stack.Count + (known?.Height ?? 0) > MaxDepth)
                {
                    diagnostics.Add((known is { Height: > 0 } ? Descriptors.ExtendsTooDeepBelow : Descriptors.ExtendsTooDeep).At(item.Location, MaxDepth, Path(stack, id), known?.Height));
                    return null;
                }

                if (known is not null)
                {
                    continue;
                }

                var next = Read(baseName, resolver, diagnostics, sources);
                if (next is null)
                {
                    return null;
                }

                if (next.Id != id && stack.Any(f => f.Pack.Id == next.Id))
                {
                    diagnostics.Add(Cycle(stack, next.Id, next.Root.Location));
                    return null;
                }

                packs[baseName] = next;
                next.OnStack = true;
                stack.Add(new Frame(next));
                continue;
            }

            stack.RemoveAt(stack.Count - 1);
            pack.OnStack = false;
            pack.Height = pack.Bases.Count == 0 ? 0 : 1 + pack.Bases.Max(b => packs[b].Height);
            pack.Merged = Merge(pack, packs);
        }

        return (root.Merged!, Chain(root, packs));
    }

    private static JNode Merge(Pack pack, Dictionary<string, Pack> packs)
    {
        if (pack.Bases.Count == 0)
        {
            return pack.Root;
        }

        JNode? merged = null;
        foreach (var name in pack.Bases)
        {
            var resolved = packs[name].Merged!;
            merged = merged is null ? resolved : PackMerger.Merge(merged, resolved);
        }

        var inheritable = merged!.With(properties: merged.Properties.Where(p => !NotInherited.Contains(p.Name)).ToList());
        return PackMerger.Merge(inheritable, pack.Root);
    }

    /// <summary>The ids a pack extends, directly or not: depth first, in <c>extends</c> order, each once.</summary>
    private static List<string> Chain(Pack root, Dictionary<string, Pack> packs)
    {
        var chain = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<Step>();
        todo.Push(new Step(root, 0));
        while (todo.Count > 0)
        {
            var (pack, index) = todo.Pop();
            if (index >= pack.Bases.Count)
            {
                continue;
            }

            todo.Push(new Step(pack, index + 1));
            var id = pack.Extends[index].Text!;
            if (seen.Add(id))
            {
                chain.Add(id);
                todo.Push(new Step(packs[pack.Bases[index]], 0));
            }
        }

        return chain;
    }

    /// <summary>A pack and the index of the next base to visit (a class: a stack of tuples is compiled at start-up).</summary>
    private sealed record Step(Pack Pack, int Index);

    private static Diagnostic Cycle(List<Frame> stack, string id, SourceLocation at)
        => Descriptors.ExtendsCycle.At(at, Path(stack, id));

    /// <summary>The ids on the stack and then <paramref name="id"/>, shortened in the middle when it is long.</summary>
    private static string Path(List<Frame> stack, string id)
    {
        var ids = stack.Select(f => f.Pack.Id).Append(id).ToList();
        return ids.Count <= 12
            ? string.Join(" → ", ids)
            : string.Join(" → ", ids.Take(5)) + $" → … ({ids.Count - 10} more) → " + string.Join(" → ", ids.Skip(ids.Count - 5));
    }

    private static Pack? Read(string name, RulePackLoader.Resolver resolver, List<Diagnostic> diagnostics, Dictionary<string, string> sources)
    {
        var (text, readError) = resolver.Read(name);
        if (text is null)
        {
            diagnostics.Add(Descriptors.PackUnreadable.At(new SourceLocation(name, "$", 1, 1), readError));
            return null;
        }

        if (text.Length > PackLimits.MaxBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(text) is var bytes && bytes > PackLimits.MaxBytes)
        {
            diagnostics.Add(Descriptors.TooManyBytes.At(new SourceLocation(name, "$", 1, 1), bytes, PackLimits.MaxBytes));
            return null;
        }

        var (root, error) = JsonText.Parse(text, name);
        if (root is null)
        {
            diagnostics.Add(error!);
            return null;
        }

        if (root.Kind != JKind.Object)
        {
            diagnostics.Add(Descriptors.PackNotAnObject.At(root.Location, JNode.KindName(root.Kind)));
            return null;
        }

        var id = root["id"] is { Kind: JKind.String } idNode ? idNode.Text! : System.IO.Path.GetFileNameWithoutExtension(name);
        sources[name] = id;
        var extends = root["extends"];
        if (extends is null || extends.IsNull)
        {
            return new Pack(name, id, root, []);
        }

        if (extends.Kind != JKind.Array || extends.Items.Any(i => i.Kind != JKind.String))
        {
            diagnostics.Add(Descriptors.ExtendsNotAList.At(extends.Location));
            return null;
        }

        foreach (var item in extends.Items)
        {
            if (!IsPackId(item.Text!))
            {
                var path = LooksLikePath(item.Text!);
                diagnostics.Add((path ? Descriptors.ExtendsPath : Descriptors.ExtendsNotAnId).At(item.Location, item.Text));
                return null;
            }
        }

        return new Pack(name, id, root, extends.Items);
    }

    /// <summary>Whether <paramref name="text"/> can be a pack id: letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, not a file name.</summary>
    internal static bool IsPackId(string text)
        => text.Length is > 0 and <= 200 && char.IsAsciiLetterOrDigit(text[0]) && !LooksLikePath(text)
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static bool LooksLikePath(string text)
        => text.Contains('/', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal)
            || text.StartsWith('.') || text.StartsWith('~') || text.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private sealed class Pack(string name, string id, JNode root, IReadOnlyList<JNode> extends)
    {
        public string Name { get; } = name;

        public string Id { get; } = id;

        public JNode Root { get; } = root;

        public IReadOnlyList<JNode> Extends { get; } = extends;

        public List<string> Bases { get; } = [];

        public bool OnStack { get; set; }

        /// <summary>The levels of extends below this pack (once it is merged).</summary>
        public int Height { get; set; }

        public JNode? Merged { get; set; }
    }

    private sealed class Frame(Pack pack)
    {
        public Pack Pack { get; } = pack;

        public int Next { get; set; }
    }
}
