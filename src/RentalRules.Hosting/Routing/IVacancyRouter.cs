using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Hosting.Packs;

namespace RentalRules.Hosting.Routing;

/// <summary>
/// Routes vacancies with the pack in force and records each decision in the decision journal of the configured
/// <see cref="Journals.IJournalStore"/>, keyed by the host's vacancy id: routing a recorded vacancy again returns the
/// recorded decision and changes nothing, so a host can retry freely. Two concurrent routings never lose a count.
/// Thread-safe.
/// </summary>
public interface IVacancyRouter
{
    /// <summary>Decides where a vacancy goes and records it, or returns the decision already recorded for its id.</summary>
    /// <param name="municipality">The municipality whose pack applies (usually the department's).</param>
    /// <param name="request">
    /// The vacancy's department and the vacancy (their ids are required: the journal is keyed by the vacancy's) and the
    /// evaluation date, which selects the pack (parameters and placement resolve by it). No ledger: the journal store keeps it.
    /// </param>
    /// <param name="cancellationToken">Cancels the routing; a cancelled routing has recorded nothing.</param>
    /// <returns>The decision, its journal entry and the pack.</returns>
    /// <exception cref="RulePackNotFoundException">No pack covers the municipality on that date.</exception>
    /// <exception cref="ArgumentException">The vacancy or department has no id, or the request gives a ledger.</exception>
    /// <exception cref="Diagnostics.RentalRulesException">The store refused its journal (another municipality, a corrupt entry, a newer schema).</exception>
    /// <exception cref="LedgerConflictException">The store stayed in conflict under every attempt.</exception>
    Task<VacancyRoutingResult> RouteAsync(string municipality, RoutingRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Routes a recorded vacancy again (e.g. it was routed on wrong facts): the recorded decision's count is withdrawn,
    /// the vacancy is decided again with the corrected facts, and the new entry, with the reason, supersedes the recorded
    /// one; both stay in the journal.
    /// </summary>
    /// <param name="municipality">The municipality whose pack applies.</param>
    /// <param name="request">The vacancy's department and the vacancy, with corrected facts, and the evaluation date (no ledger: the journal store keeps it).</param>
    /// <param name="reason">Why it is routed again (kept in the journal; no personal data).</param>
    /// <param name="cancellationToken">Cancels the re-routing.</param>
    /// <returns>The new decision and entry (when undetermined, the recorded entry stays in force and is returned).</returns>
    /// <exception cref="Diagnostics.RentalRulesException">The vacancy has no recorded decision (RR0506), or the store refused its journal.</exception>
    Task<VacancyRoutingResult> RerouteAsync(string municipality, RoutingRequest request, string reason, CancellationToken cancellationToken = default);

    /// <summary>The decision in force for a vacancy id, or <c>null</c> when it was never routed under the pack in force on the date.</summary>
    /// <param name="municipality">The municipality.</param>
    /// <param name="vacancyId">The host's vacancy id.</param>
    /// <param name="on">The date that selects the pack.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry.</returns>
    Task<JournalEntry?> FindAsync(string municipality, string vacancyId, DateOnly on, CancellationToken cancellationToken = default);

    /// <summary>
    /// The follow-up figures of the journal of the pack in force on <paramref name="on"/> (the same as
    /// <c>rentalrules report</c>): per year and in total, by legal basis, letting type, department, organisation and tier,
    /// and, given the portfolio, against what the forecast expected for the same period.
    /// </summary>
    /// <param name="municipality">The municipality.</param>
    /// <param name="on">The date that selects the pack.</param>
    /// <param name="from">The first evaluation date counted, or <c>null</c> for the first recorded.</param>
    /// <param name="to">The last evaluation date counted, or <c>null</c> for the last recorded.</param>
    /// <param name="portfolio">The departments, for the forecast comparison, or <c>null</c> for none.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures.</returns>
    Task<Analysis.FollowUp> FollowUpAsync(string municipality, DateOnly on, DateOnly? from = null, DateOnly? to = null, IReadOnlyList<Department>? portfolio = null, CancellationToken cancellationToken = default);
}
