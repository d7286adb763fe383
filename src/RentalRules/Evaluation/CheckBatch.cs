using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// Checking many households against one department on one date, as the CLI's <c>check</c> does: the department is
/// placed once, not once per household; each result is the one <see cref="RulePack.Check"/> or
/// <see cref="RulePack.CheckEveryRoute"/> gives. Not thread-safe (the placement is made on first use).
/// </summary>
internal sealed class CheckBatch(RulePack pack, Department department, DateOnly on)
{
    private PlacementResult? _placement;

    /// <summary>Checks a household on a route, as <see cref="RulePack.Check"/> does.</summary>
    /// <param name="request">The request; its department and date must be the batch's.</param>
    /// <returns>The eligibility.</returns>
    public EligibilityResult Check(EligibilityRequest request)
        => Evaluator.Check(pack, Same(request), pack.NewScope(on), Placement);

    /// <summary>Checks a household on every route, as <see cref="RulePack.CheckEveryRoute"/> does.</summary>
    /// <param name="request">The request; its department and date must be the batch's.</param>
    /// <returns>The request's route's result with every route's outcome.</returns>
    public EligibilityResult CheckEveryRoute(EligibilityRequest request)
        => Evaluator.CheckEveryRoute(pack, Same(request), Placement);

    private PlacementResult Placement => _placement ??= Evaluator.Place(pack, department, on, pack.NewScope(on));

    private EligibilityRequest Same(EligibilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Household);
        if (!ReferenceEquals(request.Department, department) || request.On != on)
        {
            throw new ArgumentException("A check batch checks households against its own department on its own date.", nameof(request));
        }

        return request;
    }
}
