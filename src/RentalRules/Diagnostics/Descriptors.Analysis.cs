namespace RentalRules.Diagnostics;

/// <summary>The descriptors of load-time analysis (RR04xx): a pack that loads, but probably not as meant.</summary>
internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor ParameterGap = Warning(DiagnosticCodes.ParameterGap, "The parameter '{0}' has no value on {1:yyyy-MM-dd}, the first day the pack applies.", "Add a value from that date, or conditions using it will be undetermined.");
    public static readonly DiagnosticDescriptor ShadowedRule = Warning(DiagnosticCodes.UnreachableRule, "The placement rule '{0}' can never apply: the earlier rule '{1}' always applies.", "Move it before that rule, or remove it.");
    public static readonly DiagnosticDescriptor NeverPlacingRule = Warning(DiagnosticCodes.UnreachableRule, "The placement rule '{0}' never places a department: for every combination of the facts its table reads, an earlier rule decides or its condition is false.", "Check its condition and its place in the table.");
    public static readonly DiagnosticDescriptor UnusedTier = Warning(DiagnosticCodes.UnusedTier, "No placement rule leads to the tier '{0}'.", "Add a rule for it, or remove the tier (set it to null in a pack that extends another).");
    public static readonly DiagnosticDescriptor PlacementGap = Warning(DiagnosticCodes.PlacementGap, "No placement rule places a department with {0}.", "Close the gap: make the bands meet (e.g. '<= 0.30' and '> 0.30'), or add a rule for it.");
    public static readonly DiagnosticDescriptor ObligationUnmet = Warning(DiagnosticCodes.StatutoryObligation, "{0}: a department it covers can be placed in the tier '{1}', which does not meet it for {2}: {3}.", "Give the departments it covers a tier where every letting outside municipal allocation is flexible under criteria of each kind it names, or acknowledge the obligation with the agreement's clause (\"acknowledged\": {{ \"clause\", \"reason\" }}).");
    public static readonly DiagnosticDescriptor ObligationAcknowledged = new("", DiagnosticCodes.StatutoryObligation, Severity.Info, "{0} is not met by the tiers {1}; acknowledged by {2}: {3}", "A department designated on the evaluation date still gets the statutory warning and explanation.");
    public static readonly DiagnosticDescriptor PlacementNotAnalysed = new("", DiagnosticCodes.PlacementGap, Severity.Info, "The placement table was not analysed for gaps, overlaps and rules that never place: its {0} rules over {1} combinations of the facts they read exceed the analysis budget of {2} rule evaluations.", "Check the table's bands with pack tests (rentalrules test), or split it into fewer rules.");
    public static readonly DiagnosticDescriptor PlacementOverlap = Warning(DiagnosticCodes.PlacementOverlap, "Placement rules overlap (hit policy unique): {0}.", "Make the conditions exclusive, or use hit policy first.");
}
