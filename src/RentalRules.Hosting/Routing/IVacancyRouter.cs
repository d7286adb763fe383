using RentalRules.Facts;
using RentalRules.Hosting.Packs;

namespace RentalRules.Hosting.Routing;

/// <summary>
/// Routes vacancies with the pack in force and the stored quota ledger: reads the ledger (keyed by pack id), routes,
/// and stores the new ledger with optimistic concurrency, reading and routing again when another routing got there
/// first. Two concurrent routings never lose a count. Thread-safe.
/// </summary>
public interface IVacancyRouter
{
    /// <summary>Decides where a vacancy goes and counts it in the municipality's ledger.</summary>
    /// <param name="municipality">The municipality whose pack applies (usually the department's).</param>
    /// <param name="department">The vacancy's department.</param>
    /// <param name="vacancy">The vacancy.</param>
    /// <param name="on">The evaluation date: selects the pack, and parameters and placement resolve by it.</param>
    /// <param name="cancellationToken">Cancels the routing; a cancelled routing has counted nothing.</param>
    /// <returns>The decision, the pack that made it and the ledger after it.</returns>
    /// <exception cref="RulePackNotFoundException">No pack covers the municipality on that date.</exception>
    /// <exception cref="LedgerConflictException">The ledger changed under every attempt.</exception>
    Task<VacancyRoutingResult> RouteAsync(string municipality, Department department, Vacancy vacancy, DateOnly on, CancellationToken cancellationToken = default);
}
