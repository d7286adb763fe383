using System.Globalization;

namespace RentalRules.Evaluation;

/// <summary>
/// One recorded routing decision of the decision journal, keyed by the host's vacancy id: what was decided, under which
/// rule, clause and legal basis, with the counts behind it, by which pack version, on which evaluation date and when it
/// was recorded. A re-routed vacancy has several entries (revisions); the highest is in force, the earlier ones stay.
/// Holds ids, routes, rules and counts only: no personal data (routing never sees a household). Immutable; built by the
/// library (<see cref="Packs.RulePack.Record"/>, <see cref="Parse"/>).
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record JournalEntry
{
    internal JournalEntry()
    {
    }

    /// <summary>The host's vacancy id (unique for the host).</summary>
    public string VacancyId { get; internal init; } = "";

    /// <summary>1 for the first routing; one higher for every re-routing of the vacancy.</summary>
    public int Revision { get; internal init; } = 1;

    /// <summary>The department id.</summary>
    public string DepartmentId { get; internal init; } = "";

    /// <summary>The department's housing organisation, when the department names one.</summary>
    public string? Organisation { get; internal init; }

    /// <summary>The vacancy's stairwell, when given (the concentration guard counts per stairwell).</summary>
    public string? Stairwell { get; internal init; }

    /// <summary>The vacancy's category (<c>family</c>, <c>youth</c>, <c>elderly</c>, <c>accessible</c>), when given: the housing type of the follow-up figures.</summary>
    public string? Category { get; internal init; }

    /// <summary>The decision.</summary>
    public VacancyRoute Route { get; internal init; }

    /// <summary>Whether the municipal allocation is under special criteria.</summary>
    public bool SpecialCriteria { get; internal init; }

    /// <summary>The criteria set that applies to the letting, if any.</summary>
    public string? CriteriaSet { get; internal init; }

    /// <summary>
    /// The letting type: <c>municipal</c>, <c>municipalSpecialCriteria</c>, <c>flexible</c>, <c>waitingList</c>, or
    /// <c>none</c> (closed, out of scope).
    /// </summary>
    public string LettingType { get; internal init; } = "none";

    /// <summary>The routing rule that decided, or <c>null</c> when the department's tier closed it before any rule.</summary>
    public string? RuleId { get; internal init; }

    /// <summary>The clause of the deciding rule (or of the tier that closed the department).</summary>
    public string Clause { get; internal init; } = "";

    /// <summary>The pack that declares <see cref="Clause"/>.</summary>
    public string ClauseSource { get; internal init; } = "";

    /// <summary>
    /// The legal basis the pack states for the rule and tier: <c>§ 59 stk. 1</c>, <c>§ 59 stk. 2</c>, <c>§ 59 stk. 3</c>
    /// or <c>agreement</c> (then <see cref="Clause"/> is the basis); <c>null</c> when the pack does not state one.
    /// </summary>
    public string? LegalBasis { get; internal init; }

    /// <summary>The department's tier on the evaluation date.</summary>
    public string? Tier { get; internal init; }

    /// <summary>The counter the vacancy was counted in, or <c>null</c> when nothing was counted.</summary>
    public string? Counter { get; internal init; }

    /// <summary>k: the vacancy's number in its counter.</summary>
    public long? Count { get; internal init; }

    /// <summary>The municipal share counted with.</summary>
    public Fraction? MunicipalShare { get; internal init; }

    /// <summary>The municipal allocations in the counter after this decision.</summary>
    public long? MunicipalInCounter { get; internal init; }

    /// <summary>The pack's marks the vacancy carries (e.g. <c>lowRent</c>).</summary>
    public IReadOnlyList<string> Marks { get; internal init; } = [];

    /// <summary>The rules and clauses behind the decision, as explained when it was made.</summary>
    public IReadOnlyList<Explanation> Explanation { get; internal init; } = [];

    /// <summary>The id of the pack that decided.</summary>
    public string PackId { get; internal init; } = "";

    /// <summary>The version of the pack that decided.</summary>
    public string PackVersion { get; internal init; } = "";

    /// <summary>The evaluation date.</summary>
    public DateOnly EvaluatedOn { get; internal init; }

    /// <summary>When the decision was recorded (from the host's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset RecordedAt { get; internal init; }

    /// <summary>For a re-routing: why the vacancy was routed again (the host's words; keep personal data out of it).</summary>
    public string? RerouteReason { get; internal init; }

    /// <summary>The decision as a routing decision (for an entry read back from a store: the same as when it was made).</summary>
    /// <returns>The decision.</returns>
    public RoutingDecision ToDecision()
        => new(VacancyId, DepartmentId, Route, SpecialCriteria, CriteriaSet, Tier, Counter, Count, MunicipalShare, Explanation, []) { Marks = Marks };

    /// <summary>The letting type of a decision.</summary>
    internal static string LettingTypeOf(VacancyRoute route, bool special) => route switch
    {
        VacancyRoute.Municipal => special ? "municipalSpecialCriteria" : "municipal",
        VacancyRoute.Flexible => "flexible",
        VacancyRoute.WaitingList => "waitingList",
        _ => "none",
    };

    /// <summary>The letting types, in report order.</summary>
    internal static readonly string[] LettingTypes = ["municipal", "municipalSpecialCriteria", "flexible", "waitingList", "none"];

    /// <summary>The entry as one line of compact JSON (the form every store keeps).</summary>
    /// <returns>The JSON text, without a line break.</returns>
    public string ToJson() => JournalEntryJson.Write(this);

    /// <summary>Reads an entry written by <see cref="ToJson"/>, refusing a malformed or hand-edited one.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="where">Where it was read (file and line, or table and key), for diagnostics.</param>
    /// <returns>The entry, or the diagnostics that refuse it.</returns>
    public static Diagnostics.LoadResult<JournalEntry> Parse(string json, string where) => JournalEntryJson.Read(json, where);

    /// <inheritdoc />
    public override string ToString()
        => $"{VacancyId}#{Revision.ToString(CultureInfo.InvariantCulture)} {DepartmentId} {LettingType}";
}
