using RentalRules.Model;

namespace RentalRules.Analysis;

/// <summary>
/// The rule-like items of a pack model that comparison diffs, each by <c>kind:id</c> with two views of its definition:
/// what it does (its wording — reasons, titles, labels, documents — and its notes left out) and how it reads (only its
/// notes left out). Items contain no other item: a criteria set without its criteria, a group criterion without its
/// children (each is an item of its own). Parameter values compare in date order; names, conditions, shares, units and
/// enums compare as the model holds them, so <c>0.30</c> and <c>0.3</c>, or <c>"2/6"</c> and <c>"1/3"</c>, are the same.
/// </summary>
internal static class PackItems
{
    private static readonly LocalizedText None = new("", "");

    /// <summary>One item: what it does and how it reads.</summary>
    internal readonly record struct Views(object Logic, object Wording);

    /// <summary>The items of a pack, by <c>kind:id</c>.</summary>
    public static Dictionary<string, Views> Of(PackDefinition pack)
    {
        var items = new Dictionary<string, Views>(StringComparer.Ordinal);
        void Add(string kind, string id, object wording, object logic) => items[$"{kind}:{id}"] = new Views(logic, wording);

        foreach (var p in pack.Parameters)
        {
            var wording = p with { Note = null, Values = [.. p.Values.OrderBy(v => v.From).Select(v => v with { Note = null })] };
            Add("parameter", p.Name, wording, wording with { Title = null });
        }

        foreach (var s in pack.CriteriaSets)
        {
            var wording = s with { Criteria = [], Note = null };
            Add("criteriaSet", s.Id, wording, wording with { Title = None, Documents = [] });
            foreach (var c in Flatten(s.Criteria))
            {
                var cw = (c is GroupCriterionDefinition g ? g with { Children = [] } : c) with { Note = null };
                Add("criterion", c.Id, cw, cw with { Title = None, Documents = [] });
            }
        }

        foreach (var t in pack.Tiers)
        {
            var wording = t with { Note = null, FlexibleLetting = Quiet(t.FlexibleLetting), SpecialCriteria = t.SpecialCriteria is { } sc ? sc with { Note = null } : null, Routes = Quiet(t.Routes) };
            Add("tier", t.Id, wording, wording with { Label = None, Routes = Logic(wording.Routes) });
        }

        var order = new PlacementOrder(pack.Placement.HitPolicy, [.. pack.Placement.Rules.Select(r => r.Id)]);
        Add("placement", "order", order, order);
        foreach (var r in pack.Placement.Rules)
        {
            var wording = r with { Note = null };
            Add("placementRule", r.Id, wording, wording with { Reason = None });
        }

        foreach (var r in pack.Requirements)
        {
            var wording = Quiet(r);
            Add("requirement", r.Id, wording, Logic(wording));
        }

        if (pack.Routing is { } routing)
        {
            foreach (var r in routing.Rules)
            {
                var letting = r.Letting is { } l ? l with { Note = null, FlexibleLetting = Quiet(l.FlexibleLetting), Routes = l.Routes is { } lr ? Quiet(lr) : null } : null;
                var wording = r with { Note = null, Letting = letting };
                Add("routingRule", r.Id, wording, wording with { Reason = None, Letting = letting is { Routes: { } routes } ? letting with { Routes = Logic(routes) } : letting });
            }

            if (routing.Concentration is { } g)
            {
                var wording = g with { Note = null, Department = g.Department is { } d ? d with { Note = null } : null, Stairwell = g.Stairwell is { } s ? s with { Note = null } : null };
                Add("routing", "concentration", wording, wording with { Reason = None });
            }

            foreach (var m in routing.Marks)
            {
                var wording = m with { Note = null };
                Add("mark", m.Id, wording, wording with { Label = None });
            }
        }

        foreach (var o in pack.Obligations)
        {
            var wording = o with { Note = null };
            Add("obligation", o.Id, wording, wording with
            {
                Reason = None,
                Criteria = [.. o.Criteria.Select(c => c with { Title = None })],
                Acknowledged = o.Acknowledged is { } a ? a with { Reason = None } : null,
            });
        }

        foreach (var r in pack.Offers?.Routes ?? [])
        {
            var wording = r with { Note = null, Order = [.. r.Order.Select(k => k with { Note = null })] };
            Add("offers", RouteNames.Name(r.Route), wording, wording with { Reason = None });
        }

        return items;
    }

    /// <summary>The placement table's hit policy and the order of its rules.</summary>
    private sealed record PlacementOrder(HitPolicy HitPolicy, ValueList<string> Rules);

    private static IEnumerable<CriterionDefinition> Flatten(IEnumerable<CriterionDefinition> criteria)
        => Trees.PreOrder(criteria, c => c is GroupCriterionDefinition g ? g.Children : []);

    private static FlexibleLettingDefinition? Quiet(FlexibleLettingDefinition? f) => f is null ? null : f with { Note = null };

    private static RequirementDefinition Quiet(RequirementDefinition r) => r with { Note = null };

    private static RequirementDefinition Logic(RequirementDefinition r) => r with { Reason = None };

    private static ValueList<RouteDefinition> Quiet(ValueList<RouteDefinition> routes)
        => [.. routes.Select(r => r with { Requirements = [.. r.Requirements.Select(Quiet)] })];

    private static ValueList<RouteDefinition> Logic(ValueList<RouteDefinition> routes)
        => [.. routes.Select(r => r with { Reason = null, Requirements = [.. r.Requirements.Select(Logic)] })];
}
