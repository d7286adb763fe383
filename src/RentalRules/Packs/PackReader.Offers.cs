using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The <c>offers</c> section: per route, whom a vacancy's offer list draws from and the order the agreement gives.</summary>
internal sealed partial class PackReader
{
    /// <summary>The routes an <c>offers</c> section may name (internal transfers have the organisation's list, not an offer order).</summary>
    internal static readonly LettingRoute[] OfferRoutes = [LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList];

    private static readonly string[] OfferProperties = ["municipal", "flexible", "waitingList", "note"];

    private OffersDefinition? ReadOffers(JNode? node, IReadOnlyDictionary<string, CriteriaSetDefinition> criteriaSets)
    {
        if (node is null || node.IsNull || !_r.ExpectObject(node, "offers"))
        {
            return null;
        }

        _r.CheckProperties(node, "offers", OfferProperties);
        var routes = new List<OfferRouteDefinition>();
        foreach (var route in OfferRoutes)
        {
            if (node[RouteNames.Name(route)] is { IsNull: false } r && ReadOfferRoute(r, RouteNames.Name(route), route, criteriaSets) is { } policy)
            {
                routes.Add(policy);
            }
        }

        return new OffersDefinition([.. routes], _r.String(node["note"]));
    }

    private OfferRouteDefinition? ReadOfferRoute(JNode node, string name, LettingRoute route, IReadOnlyDictionary<string, CriteriaSetDefinition> criteriaSets)
    {
        var what = $"offers.{name}";
        if (!_r.ExpectObject(node, what))
        {
            return null;
        }

        _r.CheckProperties(node, what, ["clause", "from", "order", "reason", "note"]);
        var clause = Cite(node, what);
        var reason = ReadText(_r.Required(node, "reason", what), "reason");
        var from = OneOf<OfferSource>(node["from"]) ?? OfferSource.WaitingList;
        var orderNode = _r.Required(node, "order", what);
        var order = _r.Array(orderNode, k => ReadOrderKey(k, what, criteriaSets))?.ToValueList() ?? [];
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

        return new OfferRouteDefinition(route, clause, from, order, reason, _r.String(node["note"]));
    }

    private OrderKeyDefinition? ReadOrderKey(JNode node, string what, IReadOnlyDictionary<string, CriteriaSetDefinition> criteriaSets)
    {
        if (!_r.ExpectObject(node, $"An order key of {what}"))
        {
            return null;
        }

        _r.CheckProperties(node, $"An order key of {what}", ["by", "rank", "note"]);
        var by = OneOf<OrderBy>(_r.Required(node, "by", $"An order key of {what}"));
        var rank = _r.Array(node["rank"], n => _r.String(n, nonEmpty: true)) ?? [];
        if (by == OrderBy.Criterion)
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

        return by is { } b ? new OrderKeyDefinition(b, b == OrderBy.Criterion ? [.. rank] : [], _r.String(node["note"])) : null;
    }
}
