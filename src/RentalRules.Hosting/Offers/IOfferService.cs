using RentalRules.Evaluation;
using RentalRules.Hosting.Packs;

namespace RentalRules.Hosting.Offers;

/// <summary>
/// Offer lists in a host: for each vacancy, its route recorded in the decision journal (through
/// <see cref="Routing.IVacancyRouter"/>, idempotent by vacancy id), then the first households that may take it on that
/// route, in the order the pack in force gives (<see cref="RentalRules.Packs.RulePack.Offer"/>). Thread-safe.
/// </summary>
public interface IOfferService
{
    /// <summary>
    /// Routes every vacancy of the request in order, recording each decision in the journal (a vacancy already recorded
    /// keeps its decision), then draws up the lists with the pack in force for the municipality on
    /// <see cref="OfferRequest.On"/>. The households are enumerated once, after the routing: the decisions do not
    /// depend on them, so a request refused for its households (two with one id) has recorded only what a retry with
    /// corrected households records again unchanged.
    /// </summary>
    /// <param name="municipality">The municipality whose pack applies (usually the departments').</param>
    /// <param name="request">
    /// The departments, vacancies (each with an id: the journal is keyed by it), households, date and list length. Give no
    /// <see cref="OfferRequest.Ledger"/> (the journal keeps it); give <see cref="OfferRequest.Decisions"/> to list
    /// decisions made elsewhere without routing or recording anything.
    /// </param>
    /// <param name="cancellationToken">
    /// Cancels between routings and while the households are read; the routings recorded before stay recorded (a retry
    /// finds them and changes nothing).
    /// </param>
    /// <returns>The lists, the routing of each vacancy and the pack.</returns>
    /// <exception cref="RulePackNotFoundException">No pack covers the municipality on the date.</exception>
    /// <exception cref="ArgumentException">
    /// A vacancy or department has no id, a vacancy names a department not in the request, two households or
    /// departments share an id, a ledger is given, or <see cref="OfferRequest.Top"/> is negative. Messages name
    /// positions and ids of departments and vacancies, never a household's facts.
    /// </exception>
    /// <exception cref="Routing.LedgerConflictException">The journal stayed in conflict under every attempt.</exception>
    Task<OfferListsResult> OfferAsync(string municipality, OfferRequest request, CancellationToken cancellationToken = default);
}
