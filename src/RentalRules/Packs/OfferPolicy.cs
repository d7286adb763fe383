using RentalRules.Evaluation;

namespace RentalRules.Packs;

/// <summary>One key of an offer order.</summary>
/// <param name="By">What it sorts by.</param>
/// <param name="Rank">For <see cref="OrderBy.Criterion"/>: criterion or criteria-set ids, highest priority first.</param>
internal sealed record OrderKey(OrderBy By, IReadOnlyList<string> Rank);

/// <summary>How the households a route's vacancy may be offered to are drawn and ordered, with the clause that says so.</summary>
/// <param name="Route">The route.</param>
/// <param name="From">Whom the list draws from.</param>
/// <param name="Order">The keys, most significant first; ties keep the order of the household input.</param>
/// <param name="Clause">The clause.</param>
/// <param name="Reason">The reason, in Danish and English.</param>
internal sealed record OfferRoutePolicy(LettingRoute Route, OfferSource From, IReadOnlyList<OrderKey> Order, ClauseInfo Clause, LocalizedText Reason);

/// <summary>The pack's <c>offers</c> section: per route, whom an offer list draws from and in which order.</summary>
/// <param name="Routes">Per route.</param>
internal sealed record OfferPolicy(IReadOnlyDictionary<LettingRoute, OfferRoutePolicy> Routes)
{
    /// <summary>
    /// What applies where a pack (composed with its bases) states no <c>offers</c> for a route: the municipality's
    /// candidates in its order on the municipal route, seniority on the others (the statutory baseline states the same
    /// with its clauses).
    /// </summary>
    public static OfferRoutePolicy Default(LettingRoute route, string packId) => new(
        route,
        route == LettingRoute.Municipal ? OfferSource.Candidates : OfferSource.WaitingList,
        [new OrderKey(route == LettingRoute.Municipal ? OrderBy.Candidates : OrderBy.WaitingListSince, [])],
        new ClauseInfo("", packId, null),
        route == LettingRoute.Municipal
            ? new LocalizedText("Pakken angiver ingen rækkefølge: kommunens kandidater i kommunens rækkefølge.", "The pack states no order: the municipality's candidates in the municipality's order.")
            : new LocalizedText("Pakken angiver ingen rækkefølge: efter anciennitet på ventelisten.", "The pack states no order: by seniority on the waiting list."));
}
