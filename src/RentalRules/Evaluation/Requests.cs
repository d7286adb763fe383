using RentalRules.Facts;

namespace RentalRules.Evaluation;

/// <summary>
/// What the host asks: in which tier is this department on this date (<see cref="Packs.RulePack.Place"/>)? With the NRules
/// backend, inserting one has the pack's rules answer with a <see cref="PlacementResult"/> fact equal to
/// <c>pack.Place(request)</c>. Init-only: once built it does not change, so it may be shared across threads.
/// </summary>
/// <param name="Department">The department.</param>
/// <param name="On">The evaluation date; parameters resolve by it.</param>
public sealed record PlacementRequest(Department Department, DateOnly On);

/// <summary>
/// What the host asks: where does this vacancy go (<see cref="Packs.RulePack.Route"/>, <see cref="Packs.RulePack.Record"/>,
/// <see cref="Packs.RulePack.Reroute"/>)? Init-only: once built it does not change, so it may be shared across threads.
/// </summary>
/// <param name="Department">The vacancy's department.</param>
/// <param name="Vacancy">The vacancy.</param>
/// <param name="On">The evaluation date; parameters and placement resolve by it.</param>
public sealed record RoutingRequest(Department Department, Vacancy Vacancy, DateOnly On)
{
    /// <summary>
    /// The ledger the vacancy is counted in, kept under the pack (for the journal: at least the department's part, see
    /// <see cref="Ledger.Slice"/>); <c>null</c>: an empty ledger of the pack, as for a first vacancy. A hosting service
    /// takes the ledger from its journal store and refuses one given here.
    /// </summary>
    public Ledger? Ledger { get; init; }
}
