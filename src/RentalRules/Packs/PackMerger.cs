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
    public static JNode Merge(JNode baseNode, JNode over)
    {
        if (baseNode.Kind == JKind.Object && over.Kind == JKind.Object)
        {
            if (over["$replace"] is { Kind: JKind.True })
            {
                return over.With(properties: over.Properties.Where(p => p.Name != "$replace").ToList());
            }

            var result = new List<JProperty>();
            foreach (var p in baseNode.Properties)
            {
                var o = over[p.Name];
                if (o is null)
                {
                    result.Add(p);
                }
                else if (!o.IsNull)
                {
                    var prop = over.Properties.First(x => x.Name == p.Name);
                    result.Add(prop with { Value = Merge(p.Value, o) });
                }
            }

            foreach (var p in over.Properties)
            {
                if (baseNode[p.Name] is null && !p.Value.IsNull)
                {
                    result.Add(p);
                }
            }

            return over.With(properties: result);
        }

        if (baseNode.Kind == JKind.Array && over.Kind == JKind.Array && over.Items.Count > 0 && IsKeyed(baseNode) && IsKeyed(over))
        {
            var items = baseNode.Items.ToList();
            foreach (var o in over.Items)
            {
                var id = o["id"]!.Text;
                var at = items.FindIndex(i => i["id"]!.Text == id);
                if (o["$remove"] is { Kind: JKind.True })
                {
                    if (at >= 0)
                    {
                        items.RemoveAt(at);
                    }

                    continue;
                }

                var clean = o.With(properties: o.Properties.Where(p => p.Name is not ("$before" or "$after")).ToList());
                if (at >= 0)
                {
                    items[at] = Merge(items[at], clean);
                    continue;
                }

                var before = o["$before"]?.Text;
                var after = o["$after"]?.Text;
                var anchor = before ?? after;
                var anchorAt = anchor is null ? -1 : items.FindIndex(i => i["id"]!.Text == anchor);
                if (anchorAt >= 0)
                {
                    items.Insert(before is not null ? anchorAt : anchorAt + 1, clean);
                }
                else
                {
                    items.Add(clean);
                }
            }

            return over.With(items: items);
        }

        return over;
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
