using RentalRules.Compilation;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.NRules;

// The facts the pack's rules insert into the host's session. Classes, not records: NRules tells facts apart by
// equality, and two evaluations that happen to be alike must stay two facts.

/// <summary>A department to place on a date, for a placement request or for an eligibility request.</summary>
internal sealed class PlacementTask(Department department, DateOnly on, PlacementRequest? placement, EligibilityRequest? eligibility)
{
    public Department Department { get; } = department;

    public DateOnly On { get; } = on;

    /// <summary>The host's placement request, when the placement is what the host asked for.</summary>
    public PlacementRequest? Placement { get; } = placement;

    /// <summary>The host's eligibility request, when the placement is the first step of a check.</summary>
    public EligibilityRequest? Eligibility { get; } = eligibility;
}

/// <summary>A placement rule's condition on a department: true, false or unknown, with the facts it noted missing.</summary>
internal sealed class RuleOutcome(PlacementTask task, int index, Tri value, int[] missing)
{
    public PlacementTask Task { get; } = task;

    /// <summary>The rule's position in the pack's hit order.</summary>
    public int Index { get; } = index;

    public Tri Value { get; } = value;

    /// <summary>The ids of the facts noted missing, in the order noted.</summary>
    public int[] Missing { get; } = missing;
}

/// <summary>A department's placement, decided under the pack's hit policy from the rules' outcomes.</summary>
internal sealed class Placed(PlacementTask task, PlacementResult result, int[] noted)
{
    public PlacementTask Task { get; } = task;

    public PlacementResult Result { get; } = result;

    /// <summary>The facts placement noted missing; an evaluation that follows starts from them, as the native one does.</summary>
    public int[] Noted { get; } = noted;
}

/// <summary>Whether a requirement of the requested route applies (true, false or unknown), with the facts that left it open.</summary>
internal sealed class RequirementOutcome(Placed placed, Requirement requirement, int position, Tri applies, IReadOnlyList<string> missing)
{
    public Placed Placed { get; } = placed;

    public Requirement Requirement { get; } = requirement;

    /// <summary>The requirement's position among the route's requirements.</summary>
    public int Position { get; } = position;

    public Tri Applies { get; } = applies;

    public IReadOnlyList<string> Missing { get; } = missing;
}

/// <summary>A criterion of a requirement's criteria set, evaluated for the household: its outcome and result (members, missing facts, documents).</summary>
internal sealed class CriterionOutcome(RequirementOutcome requirement, int index, Tri value, CriterionResult result)
{
    public RequirementOutcome Requirement { get; } = requirement;

    /// <summary>The criterion's position in its set.</summary>
    public int Index { get; } = index;

    public Tri Value { get; } = value;

    public CriterionResult Result { get; } = result;
}
