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
            _r.Report(Descriptors.OfferOrderEmpty, orderNode.Location, what);
        }

        if (order.Count > OrderValue.MaxKeys)
        {
            _r.Report(Descriptors.OfferOrderTooLong, orderNode!.Location, what, order.Count, OrderValue.MaxKeys);
        }

        if (order.Any(k => k.By == OrderBy.Candidates) && from != OfferSource.Candidates)
        {
            _r.Report(Descriptors.OfferOrderByCandidatesFromWaitingList, orderNode!.Location, what);
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
                _r.Report(Descriptors.OfferRankMissing, node.Location);
            }

            var rankNodes = node["rank"]?.Items ?? [];
            for (var i = 0; i < rank.Count && i < rankNodes.Count; i++)
            {
                if (!_criterionIds.Contains(rank[i]) && !criteriaSets.ContainsKey(rank[i]))
                {
                    _r.Report(Descriptors.OfferRankUnknown, rankNodes[i].Location, rank[i], Suggestions.DidYouMean(rank[i], _criterionIds.Concat(criteriaSets.Keys)));
                }
            }
        }
        else if (node["rank"] is { IsNull: false } r)
        {
            _r.Report(Descriptors.OfferRankNotAllowed, r.Location);
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
