using RentalRules.Evaluation;
using RentalRules.Packs;

namespace RentalRules.Hosting.Routing;

/// <summary>A routed vacancy. Immutable and thread-safe.</summary>
/// <param name="Decision">Where the vacancy goes, with the count and explanation behind it.</param>
/// <param name="Pack">The pack that decided (one pack for the whole routing, also when it was retried).</param>
/// <param name="Ledger">The ledger after the routing (as stored; unchanged when nothing was counted).</param>
/// <param name="Attempts">How many times the ledger was read and routed (1 without conflicts).</param>
public sealed record VacancyRoutingResult(RoutingDecision Decision, RulePack Pack, Ledger Ledger, int Attempts);
