using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>Eligibility on every route of a department (<see cref="RulePack.CheckEveryRoute"/>).</summary>
internal static partial class Evaluator
{
    /// <summary>
    /// The request's route's result with every route's outcome beside it; the department is placed once for all
    /// routes, or not at all when <paramref name="placed"/> is its placement on the request's date.
    /// </summary>
    public static EligibilityResult CheckEveryRoute(RulePack pack, EligibilityRequest request, PlacementResult? placed)
    {
        var placement = placed ?? Place(pack, request.Department, request.On, pack.NewScope(request.On));
        // Internal transfers are listed where the department's tier states the route (or it is the one asked for).
        IReadOnlyList<LettingRoute> order = placement.Routes.ContainsKey(LettingRoute.InternalTransfer) || request.Route == LettingRoute.InternalTransfer
            ? [.. RouteOutcome.Order, LettingRoute.InternalTransfer]
            : RouteOutcome.Order;
        var routes = new RouteOutcome[order.Count];
        EligibilityResult? asked = null;
        for (var i = 0; i < routes.Length; i++)
        {
            var route = order[i];
            var result = Check(pack, request with { Route = route, SpecialCriteria = route == LettingRoute.Municipal && request.SpecialCriteria }, pack.NewScope(request.On), placement);
            routes[i] = new RouteOutcome(route, result.Outcome, result.RouteClosed, result.Missing);
            if (route == request.Route)
            {
                asked = result;
            }
        }

        return asked! with { Routes = routes };
    }
}
