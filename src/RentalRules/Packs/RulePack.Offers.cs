using RentalRules.Evaluation;
using RentalRules.Facts;

namespace RentalRules.Packs;

// Offer lists: whom a vacancy may be offered to, on its route, in the agreement's order.
public sealed partial class RulePack
{
    /// <summary>The <c>offers</c> section: per route, whom an offer list draws from and in which order (<c>null</c>: none stated).</summary>
    internal OfferPolicy? Offers { get; init; }

    /// <summary>The offer policy of a route: the pack's, or the default (candidates on the municipal route, seniority on the others).</summary>
    internal OfferRoutePolicy OfferPolicyFor(LettingRoute route)
        => Offers is { } offers && offers.Routes.TryGetValue(route, out var policy) ? policy : OfferPolicy.Default(route, Id);

    /// <summary>
    /// Offer lists: for each vacancy in order, its routing decision, then the first households that may take it on that
    /// route in the order the pack gives (its <c>offers</c> section: seniority, the municipality's candidate list, or
    /// criteria by rank), each with the criterion that qualified it; then how many households may not take it or cannot be
    /// decided, with the facts most often missing. A household that may take it but whose place the order cannot decide
    /// (no <c>waitingListSince</c> where seniority decides) is listed as unplaced with the reason, never ordered silently.
    /// Each list is what <see cref="Route"/> and then <see cref="Check"/> per household give; the work shared between
    /// vacancies and households is done once. The households are enumerated once and not kept.
    /// </summary>
    /// <param name="request">The departments, vacancies, households, date, list length, and the ledger or the decisions already made.</param>
    /// <returns>The lists, and the ledger after routing.</returns>
    /// <exception cref="ArgumentException">
    /// A department has no id or the same id as another, a vacancy names no department or one not among the
    /// departments, two households share an id, <see cref="OfferRequest.Top"/> is negative, the ledger was kept under
    /// another pack, or the decisions are not one per vacancy. Messages name positions, never a household's values.
    /// </exception>
    public OfferResult Offer(OfferRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Departments);
        ArgumentNullException.ThrowIfNull(request.Vacancies);
        ArgumentNullException.ThrowIfNull(request.Households);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Top, nameof(request));
        var byId = new Dictionary<string, Department>(StringComparer.Ordinal);
        for (var i = 0; i < request.Departments.Count; i++)
        {
            var d = request.Departments[i] ?? throw new ArgumentException($"The department at position {i} is null.", nameof(request));
            if (string.IsNullOrWhiteSpace(d.Id) || !byId.TryAdd(d.Id, d))
            {
                throw new ArgumentException($"The department at position {i} has {(string.IsNullOrWhiteSpace(d.Id) ? "no id" : "the same id as an earlier one")}; offers name departments by id.", nameof(request));
            }
        }

        for (var i = 0; i < request.Vacancies.Count; i++)
        {
            if (request.Vacancies[i]?.Department is not { } of || !byId.ContainsKey(of))
            {
                throw new ArgumentException($"The vacancy at position {i} names {(request.Vacancies[i]?.Department is null ? "no department" : "a department that is not among the departments")}.", nameof(request));
            }
        }

        var ledger = request.Ledger ?? NewLedger();
        if (ledger.PackId != Id)
        {
            throw new ArgumentException($"The ledger was kept under the pack '{ledger.PackId}', not '{Id}'.", nameof(request));
        }

        IReadOnlyList<RoutingDecision> decisions;
        if (request.Decisions is { } given)
        {
            if (given.Count != request.Vacancies.Count)
            {
                throw new ArgumentException($"{given.Count} decisions were given for {request.Vacancies.Count} vacancies; give one per vacancy, in the same order.", nameof(request));
            }

            decisions = given;
        }
        else
        {
            var routed = new List<RoutingDecision>(request.Vacancies.Count);
            foreach (var v in request.Vacancies)
            {
                var r = Router.Route(this, byId[v.Department!], v, ledger, v.VacatedOn ?? request.On);
                routed.Add(r.Decision);
                ledger = r.Ledger;
            }

            decisions = routed;
        }

        var engine = new OfferEngine(this, request.Departments, request.Vacancies, decisions, request.On, request.Top);
        var index = 0;
        foreach (var household in request.Households)
        {
            ArgumentNullException.ThrowIfNull(household, nameof(request));
            engine.Add(household, index++);
        }

        return new OfferResult { PackId = Id, On = request.On, Households = engine.Households, Offers = engine.Finish(), Ledger = ledger };
    }
}
