using RentalRules.Facts;

namespace RentalRules.NRules;

/// <summary>
/// A fact the host inserts to have a department placed: the pack's rules answer with a
/// <see cref="Evaluation.PlacementResult"/> fact equal to <c>pack.Place(Department, On)</c>.
/// </summary>
/// <param name="Department">The department.</param>
/// <param name="On">The evaluation date; parameters resolve by it.</param>
public sealed record PlacementRequest(Department Department, DateOnly On);
