using RentalRules.Evaluation;
using RentalRules.Packs;

namespace RentalRules.Hosting.Routing;

/// <summary>A routed vacancy. Immutable and thread-safe.</summary>
public sealed record VacancyRoutingResult
{
    internal VacancyRoutingResult(RoutingDecision Decision, JournalEntry? Entry, RulePack Pack, bool AlreadyRecorded)
    {
        this.Decision = Decision;
        this.Entry = Entry;
        this.Pack = Pack;
        this.AlreadyRecorded = AlreadyRecorded;
    }

    /// <summary>Where the vacancy goes, with the count and explanation behind it (for a recorded vacancy: as recorded).</summary>
    public RoutingDecision Decision { get; internal init; }

    /// <summary>The journal entry in force for the vacancy, or <c>null</c> when the routing is undetermined (nothing recorded).</summary>
    public JournalEntry? Entry { get; internal init; }

    /// <summary>The pack in force (the one that decided, unless the decision was already recorded).</summary>
    public RulePack Pack { get; internal init; }

    /// <summary>Whether the decision was recorded before this call (a retry): nothing was changed.</summary>
    public bool AlreadyRecorded { get; internal init; }
}
