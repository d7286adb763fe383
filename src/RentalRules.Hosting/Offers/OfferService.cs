using Microsoft.Extensions.Logging;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Hosting.Packs;
using RentalRules.Hosting.Routing;

namespace RentalRules.Hosting.Offers;

/// <summary>
/// The offer service: one pack for the whole request (taken once from the provider), routing through the journal's
/// router, then the pack's shared-work <c>Offer</c> over the households, read once and checked for cancellation.
/// </summary>
internal sealed class OfferService(IRulePackProvider packs, IVacancyRouter router, ILogger logger) : IOfferService
{
    /// <summary>How many households are read between two looks at the cancellation token.</summary>
    private const int CancellationStride = 1024;

    public async Task<OfferListsResult> OfferAsync(string municipality, OfferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Departments);
        ArgumentNullException.ThrowIfNull(request.Vacancies);
        ArgumentNullException.ThrowIfNull(request.Households);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Top, nameof(request));
        if (request.Ledger is not null)
        {
            throw new ArgumentException("The offer service routes through the decision journal, which keeps the ledger; give no ledger.", nameof(request));
        }

        var departments = Departments(request);
        var pack = packs.GetPack(municipality, request.On);
        var routings = new List<VacancyRoutingResult>();
        var decisions = request.Decisions;
        if (decisions is null)
        {
            var made = new List<RoutingDecision>(request.Vacancies.Count);
            foreach (var vacancy in request.Vacancies)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var routed = await router.RouteAsync(municipality, new RoutingRequest(departments[vacancy.Department!], vacancy, vacancy.VacatedOn ?? request.On), cancellationToken).ConfigureAwait(false);
                if (!string.Equals(routed.Pack.Id, pack.Id, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"The vacancy '{vacancy.Id}' is routed under the pack '{routed.Pack.Id}' in force when it was vacated, but the lists are drawn up under '{pack.Id}'; make the offers for that date.", nameof(request));
                }

                routings.Add(routed);
                made.Add(routed.Decision);
            }

            decisions = made;
        }

        var result = pack.Offer(request with { Decisions = decisions, Households = Cancellable(request.Households, cancellationToken) });
        Log.OffersListed(logger, pack.Id, pack.Version, result.Offers.Count, result.Households, result.Offers.Sum(o => o.Candidates.Count), result.Offers.Sum(o => o.UnplacedCount));
        return new OfferListsResult(result, routings, pack);
    }

    /// <summary>Checks what routing needs before anything is recorded: department ids, vacancy ids, and each vacancy's department.</summary>
    private static Dictionary<string, Department> Departments(OfferRequest request)
    {
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
            var v = request.Vacancies[i] ?? throw new ArgumentException($"The vacancy at position {i} is null.", nameof(request));
            if (request.Decisions is null && string.IsNullOrWhiteSpace(v.Id))
            {
                throw new ArgumentException($"The vacancy at position {i} has no id; the decision journal is keyed by the host's vacancy id.", nameof(request));
            }

            if (v.Department is not { } of || !byId.ContainsKey(of))
            {
                throw new ArgumentException($"The vacancy at position {i} names {(v.Department is null ? "no department" : "a department that is not among the departments")}.", nameof(request));
            }
        }

        return byId;
    }

    private static IEnumerable<Household> Cancellable(IEnumerable<Household> households, CancellationToken cancellationToken)
    {
        var n = 0;
        foreach (var h in households)
        {
            if (++n % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return h;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
