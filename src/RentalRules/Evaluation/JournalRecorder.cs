using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// A routing made for the decision journal: the decision, the entry to record and the ledger after it.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record JournalRecording
{
    internal JournalRecording(RoutingDecision decision, JournalEntry? entry, Ledger ledger)
    {
        Decision = decision;
        Entry = entry;
        Ledger = ledger;
    }

    /// <summary>The decision, with its explanation.</summary>
    public RoutingDecision Decision { get; }

    /// <summary>
    /// The entry to record, or <c>null</c> when the routing is undetermined (a fact is missing): nothing is recorded or
    /// counted then, so routing the vacancy again with the facts completed decides it.
    /// </summary>
    public JournalEntry? Entry { get; }

    /// <summary>The ledger after the routing (the same instance when nothing was recorded).</summary>
    public Ledger Ledger { get; }
}

/// <summary>
/// Routing for the journal: a first routing counts the vacancy like <see cref="Router"/> and describes the decision as
/// an entry; a re-routing withdraws the recorded decision's count and decides again by what the municipality is due.
/// Pure, like the router.
/// </summary>
internal static class JournalRecorder
{
    public static JournalRecording Record(RulePack pack, Department department, Vacancy vacancy, Ledger ledger, DateOnly on, DateTimeOffset recordedAt)
    {
        var result = Router.Route(pack, department, vacancy, ledger, on);
        return ToRecording(pack, department, vacancy, ledger, on, recordedAt, result, revision: 1, reason: null);
    }

    public static JournalRecording Reroute(RulePack pack, JournalEntry recorded, string reason, Department department, Vacancy vacancy, Ledger ledger, DateOnly on, DateTimeOffset recordedAt)
    {
        var withdrawn = ledger.Withdraw(recorded);
        var result = Router.Route(pack, department, vacancy, withdrawn, on, settle: true);
        var recording = ToRecording(pack, department, vacancy, withdrawn, on, recordedAt, result, recorded.Revision + 1, reason);
        // An undetermined re-routing leaves the recorded decision in force and the ledger as it was.
        return recording.Entry is null ? new JournalRecording(recording.Decision, null, ledger) : recording;
    }

    private static JournalRecording ToRecording(RulePack pack, Department department, Vacancy vacancy, Ledger before, DateOnly on, DateTimeOffset recordedAt, RoutingResult result, int revision, string? reason)
    {
        var d = result.Decision;
        if (d.Route == VacancyRoute.Undetermined)
        {
            return new JournalRecording(d, null, before);
        }

        var rule = result.Rule;
        var last = d.Explanation.Count > 0 ? d.Explanation[^1] : null;
        var (clause, source) = rule is not null ? (rule.Clause.Id, rule.Clause.Source) : (last?.Clause ?? "", last?.Source ?? pack.Id);
        var entry = new JournalEntry
        {
            VacancyId = vacancy.Id!,
            Revision = revision,
            DepartmentId = department.Id!,
            Organisation = department.Organisation,
            Stairwell = vacancy.Stairwell,
            Category = vacancy.Category is { } c ? EnumNames<DwellingCategory>.Name(c) : null,
            Route = d.Route,
            SpecialCriteria = d.SpecialCriteria,
            CriteriaSet = d.CriteriaSet,
            LettingType = JournalEntry.LettingTypeOf(d.Route, d.SpecialCriteria),
            RuleId = rule?.Id,
            Clause = clause,
            ClauseSource = source,
            LegalBasis = rule?.LegalBasis?.For(d.Tier),
            Tier = d.Tier,
            Counter = d.Counter,
            Count = d.Count,
            MunicipalShare = d.MunicipalShare,
            MunicipalInCounter = d.Counter is { } counter ? result.Ledger.Find(department.Id!, counter)?.Municipal : null,
            Marks = d.Marks,
            Explanation = d.Explanation,
            PackId = pack.Id,
            PackVersion = pack.Version,
            EvaluatedOn = on,
            RecordedAt = recordedAt,
            RerouteReason = reason,
        };
        return new JournalRecording(d, entry, result.Ledger);
    }
}
