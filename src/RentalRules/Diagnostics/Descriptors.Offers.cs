namespace RentalRules.Diagnostics;

/// <summary>The descriptors of the pack section <c>offers</c> (the order of offer lists).</summary>
internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor OfferOrderEmpty = Error(DiagnosticCodes.MissingProperty, "{0}.order is empty: an offer list needs an order.", "Give at least one key, e.g. [ {{ \"by\": \"waitingListSince\" }} ].");
    public static readonly DiagnosticDescriptor OfferOrderTooLong = Error(DiagnosticCodes.InvalidValue, "{0}.order has {1} keys; at most {2} are supported.", "Ties keep the order of the household input; drop the least significant keys.");
    public static readonly DiagnosticDescriptor OfferOrderByCandidatesFromWaitingList = Error(DiagnosticCodes.InvalidValue, "{0} orders by the candidate list but draws from the waiting list.", "Add \"from\": \"candidates\", or order by waitingListSince.");
    public static readonly DiagnosticDescriptor OfferRankMissing = Error(DiagnosticCodes.MissingProperty, "An order by criterion needs \"rank\": the criteria, highest priority first.", "Write e.g. {{ \"by\": \"criterion\", \"rank\": [\"criterion-a\", \"criterion-b\"] }}; criteria of equal standing (sidestillet) need no criterion key.");
    public static readonly DiagnosticDescriptor OfferRankUnknown = Error(DiagnosticCodes.UnresolvedReference, "There is no criterion or criteria set '{0}' in this pack.", "{1}");
    public static readonly DiagnosticDescriptor OfferRankNotAllowed = Error(DiagnosticCodes.InvalidValue, "\"rank\" belongs only to an order by criterion.", "Remove \"rank\", or use \"by\": \"criterion\".");
}
