using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>The <c>offers</c> section: per route, whom a vacancy's offer list draws from and the order the agreement gives.</summary>
internal sealed partial class PackReader
{
    private static readonly string[] OfferSources = ["waitingList", "candidates"];
    private static readonly string[] OrderKeys = ["waitingListSince", "candidates", "criterion"];

    private OfferPolicy? ReadOffers(JNode? node, IReadOnlyDictionary<string, CriteriaSetDef> criteriaSets)
    {
        if (node is null || node.IsNull || !_r.ExpectObject(node, "offers"))
        {
            return null;
        }

        _r.CheckProperties(node, "offers", ["municipal", "flexible", "waitingList", "note"]);
        var routes = new Dictionary<LettingRoute, OfferRoutePolicy>();
        foreach (var (name, route) in new[] { ("municipal", LettingRoute.Municipal), ("flexible", LettingRoute.Flexible), ("waitingList", LettingRoute.WaitingList) })
        {
            if (node[name] is { IsNull: false } r && ReadOfferRoute(r, name, route, criteriaSets) is { } policy)
            {
                routes[route] = policy;
            }
        }

        return new OfferPolicy(routes);
    }

    private OfferRoutePolicy? ReadOfferRoute(JNode node, string name, LettingRoute route, IReadOnlyDictionary<string, CriteriaSetDef> criteriaSets)
    {
        var what = $"offers.{name}";
        if (!_r.ExpectObject(node, what))
        {
            return null;
        }

        Fingerprint("offers", name, node, "note");
        _r.CheckProperties(node, what, ["clause", "from", "order", "reason", "note"]);
        var clause = Cite(node, what);
        var reason = ReadText(_r.Required(node, "reason", what), "reason");
        var from = OneOf(node["from"], OfferSources) switch
        {
            "candidates" => OfferSource.Candidates,
            _ => OfferSource.WaitingList,
        };
        var orderNode = _r.Required(node, "order", what);
        var order = _r.Array(orderNode, k => ReadOrderKey(k, what, criteriaSets)) ?? [];
        if (orderNode is { Kind: JKind.Array, Items.Count: 0 })
        {
            _r.Error(DiagnosticCodes.MissingProperty, $"{what}.order is empty: an offer list needs an order.", orderNode.Location, "Give at least one key, e.g. [ { \"by\": \"waitingListSince\" } ].");
        }

        if (order.Count > OrderValue.MaxKeys)
        {
            _r.Error(DiagnosticCodes.InvalidValue, $"{what}.order has {order.Count} keys; at most {OrderValue.MaxKeys} are supported.", orderNode!.Location, "Ties keep the order of the household input; drop the least significant keys.");
        }

        if (order.Any(k => k.By == OrderBy.Candidates) && from != OfferSource.Candidates)
        {
            _r.Error(DiagnosticCodes.InvalidValue, $"{what} orders by the candidate list but draws from the waiting list.", orderNode!.Location, "Add \"from\": \"candidates\", or order by waitingListSince.");
        }

        return new OfferRoutePolicy(route, from, order, clause, reason);
    }

    private OrderKey? ReadOrderKey(JNode node, string what, IReadOnlyDictionary<string, CriteriaSetDef> criteriaSets)
    {
        if (!_r.ExpectObject(node, $"An order key of {what}"))
        {
            return null;
        }

        _r.CheckProperties(node, $"An order key of {what}", ["by", "rank", "note"]);
        var by = OneOf(_r.Required(node, "by", $"An order key of {what}"), OrderKeys);
        var rank = _r.Array(node["rank"], n => _r.String(n, nonEmpty: true)) ?? [];
        if (by == "criterion")
        {
            if (rank.Count == 0)
            {
                _r.Error(DiagnosticCodes.MissingProperty, "An order by criterion needs \"rank\": the criteria, highest priority first.", node.Location, "Write e.g. { \"by\": \"criterion\", \"rank\": [\"criterion-a\", \"criterion-b\"] }; criteria of equal standing (sidestillet) need no criterion key.");
            }

            var rankNodes = node["rank"]?.Items ?? [];
            for (var i = 0; i < rank.Count && i < rankNodes.Count; i++)
            {
                if (!_criterionIds.Contains(rank[i]) && !criteriaSets.ContainsKey(rank[i]))
                {
                    _r.Error(DiagnosticCodes.UnresolvedReference, $"There is no criterion or criteria set '{rank[i]}' in this pack.", rankNodes[i].Location, Suggestions.DidYouMean(rank[i], _criterionIds.Concat(criteriaSets.Keys)));
                }
            }
        }
        else if (node["rank"] is { IsNull: false } r)
        {
            _r.Error(DiagnosticCodes.InvalidValue, "\"rank\" belongs only to an order by criterion.", r.Location, "Remove \"rank\", or use \"by\": \"criterion\".");
        }

        return by switch
        {
            "waitingListSince" => new OrderKey(OrderBy.WaitingListSince, []),
            "candidates" => new OrderKey(OrderBy.Candidates, []),
            "criterion" => new OrderKey(OrderBy.Criterion, rank),
            _ => null,
        };
    }
}
