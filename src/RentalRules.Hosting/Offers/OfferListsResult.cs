using RentalRules.Evaluation;
using RentalRules.Hosting.Routing;
using RentalRules.Packs;

namespace RentalRules.Hosting.Offers;

/// <summary>Offer lists drawn up in a host. Immutable and thread-safe.</summary>
public sealed record OfferListsResult
{
    internal OfferListsResult(OfferResult Lists, IReadOnlyList<VacancyRoutingResult> Routings, RulePack Pack)
    {
        this.Lists = Lists;
        this.Routings = Routings;
        this.Pack = Pack;
    }

    /// <summary>Per vacancy, in the order given: its routing decision and its list.</summary>
    public OfferResult Lists { get; internal init; }

    /// <summary>Per vacancy, in the same order: its routing through the journal (whether it was already recorded, its entry); empty when the request gave the decisions.</summary>
    public IReadOnlyList<VacancyRoutingResult> Routings { get; internal init; }

    /// <summary>The pack that drew up the lists.</summary>
    public RulePack Pack { get; internal init; }
}
