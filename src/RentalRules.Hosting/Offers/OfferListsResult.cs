using RentalRules.Evaluation;
using RentalRules.Hosting.Routing;
using RentalRules.Packs;

namespace RentalRules.Hosting.Offers;

/// <summary>Offer lists drawn up in a host. Immutable and thread-safe.</summary>
/// <param name="Lists">Per vacancy, in the order given: its routing decision and its list.</param>
/// <param name="Routings">
/// Per vacancy, in the same order: its routing through the journal (whether it was already recorded, its entry); empty
/// when the request gave the decisions.
/// </param>
/// <param name="Pack">The pack that drew up the lists.</param>
public sealed record OfferListsResult(OfferResult Lists, IReadOnlyList<VacancyRoutingResult> Routings, RulePack Pack);
