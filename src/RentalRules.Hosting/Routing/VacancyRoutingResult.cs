using RentalRules.Evaluation;
using RentalRules.Packs;

namespace RentalRules.Hosting.Routing;

/// <summary>A routed vacancy. Immutable and thread-safe.</summary>
/// <param name="Decision">Where the vacancy goes, with the count and explanation behind it (for a recorded vacancy: as recorded).</param>
/// <param name="Entry">The journal entry in force for the vacancy, or <c>null</c> when the routing is undetermined (nothing recorded).</param>
/// <param name="Pack">The pack in force (the one that decided, unless the decision was already recorded).</param>
/// <param name="AlreadyRecorded">Whether the decision was recorded before this call (a retry): nothing was changed.</param>
public sealed record VacancyRoutingResult(RoutingDecision Decision, JournalEntry? Entry, RulePack Pack, bool AlreadyRecorded);
