using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>
/// Composes packs: a pack that <c>extends</c> another is merged over it, so it states only what differs.
/// <list type="bullet">
/// <item>Objects merge property by property; a property set to <c>null</c> is removed.</item>
/// <item>An object with <c>"$replace": true</c> replaces the base object instead of merging with it.</item>
/// <item>Arrays whose items all have an <c>id</c> merge by id: a matching item merges in place, a new item is appended
/// (or placed with <c>"$before"</c> / <c>"$after"</c>: id), and <c>"$remove": true</c> removes the base item.</item>
/// <item>Any other value replaces the base value.</item>
/// </list>
/// Every node keeps the location of the file it came from, so diagnostics point at the right file.
/// </summary>
internal static class PackMerger
{
    /// <summary>Merges <paramref name="over"/> over <paramref name="baseNode"/>; linear in the size of both.</summary>
    public static JNode Merge(JNode baseNode, JNode over)
    {
        if (baseNode.Kind == JKind.Object && over.Kind == JKind.Object)
        {
            return MergeObjects(baseNode, over);
        }

        if (baseNode.Kind == JKind.Array && over.Kind == JKind.Array && over.Items.Count > 0 && IsKeyed(baseNode) && IsKeyed(over))
        {
            return MergeKeyed(baseNode, over);
        }

        return over;
    }

    private static JNode MergeObjects(JNode baseNode, JNode over)
    {
        if (over["$replace"] is { Kind: JKind.True })
        {
            return over.With(properties: over.Properties.Where(p => p.Name != "$replace").ToList());
        }

        // The first property of each name wins, as the node's indexer reads it.
        var overByName = new Dictionary<string, JProperty>(over.Properties.Count, StringComparer.Ordinal);
        foreach (var p in over.Properties)
        {
            overByName.TryAdd(p.Name, p);
        }

        var baseNames = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<JProperty>(baseNode.Properties.Count + over.Properties.Count);
        foreach (var p in baseNode.Properties)
        {
            baseNames.Add(p.Name);
            if (!overByName.TryGetValue(p.Name, out var o))
            {
                result.Add(p);
            }
            else if (!o.Value.IsNull)
            {
                result.Add(o with { Value = Merge(p.Value, o.Value) });
            }
        }

        foreach (var p in over.Properties)
        {
            if (!baseNames.Contains(p.Name) && !p.Value.IsNull)
            {
                result.Add(p);
            }
        }

        return over.With(properties: result);
    }

    /// <summary>
    /// Merges arrays of items with ids: items merge by id in place, new items go before or after an anchor or at the
    /// end, <c>$remove</c> removes. Kept as a linked list indexed by id, so every step is constant time.
    /// </summary>
    private static JNode MergeKeyed(JNode baseNode, JNode over)
    {
        var list = new LinkedList<JNode>();
        var byId = new Dictionary<string, LinkedListNode<JNode>>(StringComparer.Ordinal);
        var duplicates = new Dictionary<string, Queue<LinkedListNode<JNode>>>(StringComparer.Ordinal);
        foreach (var item in baseNode.Items)
        {
            var at = list.AddLast(item);
            var itemId = item["id"]!.Text!;
            if (!byId.TryAdd(itemId, at))
            {
                (duplicates.TryGetValue(itemId, out var q) ? q : duplicates[itemId] = new()).Enqueue(at);
            }
        }

        foreach (var o in over.Items)
        {
            var id = o["id"]!.Text!;
            byId.TryGetValue(id, out var at);
            if (o["$remove"] is { Kind: JKind.True })
            {
                if (at is not null)
                {
                    Remove(list, byId, duplicates, at);
                }

                continue;
            }

            var clean = o.With(properties: o.Properties.Where(p => p.Name is not ("$before" or "$after")).ToList());
            if (at is not null)
            {
                at.Value = Merge(at.Value, clean);
                continue;
            }

            var before = o["$before"]?.Text;
            var anchor = before ?? o["$after"]?.Text;
            LinkedListNode<JNode> added;
            if (anchor is not null && byId.TryGetValue(anchor, out var anchorAt))
            {
                added = before is not null ? list.AddBefore(anchorAt, clean) : list.AddAfter(anchorAt, clean);
            }
            else
            {
                added = list.AddLast(clean);
            }

            byId[id] = added;
        }

        return over.With(items: list.ToList());
    }

    /// <summary>Removes an item; a later item of the same id (a duplicate, itself an error) then answers to the id, as a search from the start would find it.</summary>
    private static void Remove(LinkedList<JNode> list, Dictionary<string, LinkedListNode<JNode>> byId, Dictionary<string, Queue<LinkedListNode<JNode>>> duplicates, LinkedListNode<JNode> at)
    {
        var id = at.Value["id"]!.Text!;
        list.Remove(at);
        if (duplicates.TryGetValue(id, out var later) && later.TryDequeue(out var next))
        {
            byId[id] = next;
        }
        else
        {
            byId.Remove(id);
        }
    }

    /// <summary>
    /// Removes what only composition needs: <c>$replace</c>, <c>$before</c>, <c>$after</c>, and items marked
    /// <c>$remove</c> that had nothing to remove. <c>$schema</c> and other <c>$</c> keys stay (readers ignore them).
    /// </summary>
    public static JNode Clean(JNode node)
    {
        switch (node.Kind)
        {
            case JKind.Object:
                return node.With(properties: node.Properties
                    .Where(p => p.Name is not ("$replace" or "$before" or "$after" or "$remove"))
                    .Select(p => p with { Value = Clean(p.Value) })
                    .ToList());
            case JKind.Array:
                return node.With(items: node.Items
                    .Where(i => i["$remove"] is not { Kind: JKind.True })
                    .Select(Clean)
                    .ToList());
            default:
                return node;
        }
    }

    private static bool IsKeyed(JNode array)
        => array.Items.All(i => i.Kind == JKind.Object && i["id"] is { Kind: JKind.String });
}
