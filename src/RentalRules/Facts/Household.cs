namespace RentalRules.Facts;

/// <summary>
/// An applicant household. Every property may be <c>null</c> (unknown). Households carry sensitive personal data:
/// the library never writes their values to logs, exceptions or diagnostics.
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record Household
{
    /// <summary>An identifier chosen by the host (a case number, never a CPR number).</summary>
    public string? Id { get; init; }

    /// <summary>The members; exactly one should have the role <see cref="MemberRole.Applicant"/>.</summary>
    public IReadOnlyList<Member>? Members { get; init; }

    /// <summary>The municipality the household lives in.</summary>
    public string? ResidentMunicipality { get; init; }

    /// <summary>The housing organisation the household already lives in, if any.</summary>
    public string? CurrentOrganisation { get; init; }

    /// <summary>A divorce or separation.</summary>
    public Divorce? Divorce { get; init; }

    /// <summary>A sold home.</summary>
    public SoldHome? SoldHome { get; init; }

    /// <summary>
    /// The municipality's concrete, individual assessment that the applicant is on the way to education, where a municipal
    /// allocation asks for it (Høje-Taastrup § 4.4, youth dwellings): <c>true</c> or <c>false</c>; unknown when not given.
    /// </summary>
    public bool? EducationPerspective { get; init; }

    /// <summary>
    /// The date the household would take over the dwelling, where a criterion is measured then (e.g. "på tidspunktet for
    /// boligens overtagelse"); <c>null</c>: unknown, and such criteria use the evaluation date.
    /// </summary>
    public DateOnly? MoveInDate { get; init; }

    /// <summary>
    /// The date the household was put on the waiting list (its seniority, anciennitet): where an offer list orders by
    /// seniority, the earliest date comes first. <c>null</c>: unknown, and such a household gets no place in a list that
    /// seniority decides (an offer names it as undetermined, never orders it silently).
    /// </summary>
    public DateOnly? WaitingListSince { get; init; }

    /// <summary>The member with the applicant role, or <c>null</c>.</summary>
    public Member? Applicant
    {
        get
        {
            if (Members is not { } members)
            {
                return null;
            }

            // By index: a foreach over the interface would allocate an enumerator on every check.
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i] is { Role: MemberRole.Applicant } m)
                {
                    return m;
                }
            }

            return null;
        }
    }
}

/// <summary>
/// A divorce, separation or end of cohabitation. In JSON, <c>"divorce": false</c> means none (<see cref="None"/>).
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record Divorce
{
    /// <summary>Known not to have happened: never divorced or separated, no children counted.</summary>
    public static readonly Divorce None = new() { Date = Member.Never, ChildrenUnder18AtHome = false, ChildrenUnder18AtHomeCount = 0 };

    /// <summary>The date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>
    /// Whether children under 18 live at home. In JSON, <c>childrenUnder18AtHome</c> is the number of children (a count
    /// above 0 is <c>true</c>) or <c>true</c>/<c>false</c>.
    /// </summary>
    public bool? ChildrenUnder18AtHome { get; init; }

    /// <summary>How many children under 18 live at home, when the facts give a number (<c>false</c> is 0).</summary>
    public int? ChildrenUnder18AtHomeCount { get; init; }
}

/// <summary>
/// A sold own home. In JSON, <c>"soldHome": false</c> means none (<see cref="None"/>).
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record SoldHome
{
    /// <summary>Known not to have happened: no home sold.</summary>
    public static readonly SoldHome None = new() { Municipality = "", Date = Member.Never };

    /// <summary>The municipality the home lies in.</summary>
    public string? Municipality { get; init; }

    /// <summary>The date of the signed sale agreement.</summary>
    public DateOnly? Date { get; init; }
}

/// <summary>
/// A household member. Event dates (<see cref="ReleasedFromPrison"/> and the like) use <see cref="Never"/> for
/// "known not to have happened"; <c>null</c> means unknown. In JSON, <c>false</c> means never.
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record Member
{
    /// <summary>The date used for an event that is known not to have happened.</summary>
    public static readonly DateOnly Never = Json.NodeReader.Never;

    /// <summary>Identifier within the household (e.g. <c>m1</c>); never a CPR number.</summary>
    public string? Id { get; init; }

    /// <summary>Role in the household.</summary>
    public MemberRole? Role { get; init; }

    /// <summary>Date of birth.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Citizenship, ISO 3166 alpha-2.</summary>
    public string? Citizenship { get; init; }

    /// <summary>Employment spells; empty means none.</summary>
    public IReadOnlyList<Employment>? Employment { get; init; }

    /// <summary>Education.</summary>
    public Education? Education { get; init; }

    /// <summary>Convictions; empty means none.</summary>
    public IReadOnlyList<Conviction>? Convictions { get; init; }

    /// <summary>Benefit spells; empty means none.</summary>
    public IReadOnlyList<Benefit>? Benefits { get; init; }

    /// <summary>Release from prison after serving a sentence, or <see cref="Never"/>.</summary>
    public DateOnly? ReleasedFromPrison { get; init; }

    /// <summary>Release from a youth institution after a sentence, or <see cref="Never"/>.</summary>
    public DateOnly? ReleasedFromYouthInstitution { get; init; }

    /// <summary>Tenancy terminated for gross breach, or <see cref="Never"/>.</summary>
    public DateOnly? TenancyTerminatedForBreach { get; init; }
}

/// <summary>
/// An employment spell, holding on the days <c>From ≤ d &lt; To</c>. <see cref="To"/> <c>null</c> means ongoing.
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record Employment
{
    /// <summary>Kind.</summary>
    public EmploymentKind? Kind { get; init; }

    /// <summary>Hours per week.</summary>
    public decimal? HoursPerWeek { get; init; }

    /// <summary>The municipality of the workplace (e.g. for commuter criteria: "fast arbejdsplads inden for kommunens grænser").</summary>
    public string? WorkplaceMunicipality { get; init; }

    /// <summary>Monthly gross income in DKK.</summary>
    public decimal? MonthlyGrossIncome { get; init; }

    /// <summary>Start date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The first day it no longer holds (exclusive end); <c>null</c> means ongoing.</summary>
    public DateOnly? To { get; init; }
}

/// <summary>
/// Education: current enrolments and the highest completed level.
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record Education
{
    /// <summary>Enrolments, past, current and future; one is current on a date between its start and its end (DESIGN §5.1). Empty means none.</summary>
    public IReadOnlyList<Enrollment>? Enrolled { get; init; }

    /// <summary>The highest completed education.</summary>
    public CompletedEducation? HighestCompleted { get; init; }
}

/// <summary>
/// An enrolment in education.
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record Enrollment
{
    /// <summary>Level of the education.</summary>
    public EducationLevel? Kind { get; init; }

    /// <summary>Municipality of the institution or apprenticeship.</summary>
    public string? Municipality { get; init; }

    /// <summary>Whether it gives the right to SU.</summary>
    public bool? SuEligible { get; init; }

    /// <summary>Duration in whole months: without <see cref="To"/>, the enrolment ends before <see cref="From"/> + this many months.</summary>
    public decimal? Months { get; init; }

    /// <summary>Start date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The first day the enrolment no longer holds (it holds on the days <c>From ≤ d &lt; To</c>); null: use <see cref="Months"/>.</summary>
    public DateOnly? To { get; init; }
}

/// <summary>
/// The highest completed education.
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record CompletedEducation
{
    /// <summary>Level.</summary>
    public EducationLevel? Level { get; init; }

    /// <summary>Whether it was taken, or approved, in Denmark.</summary>
    public bool? ApprovedInDenmark { get; init; }
}

/// <summary>
/// A conviction.
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record Conviction
{
    /// <summary>Date of the judgment.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The act.</summary>
    public ConvictionAct? Act { get; init; }
}

/// <summary>
/// A benefit record, holding on the days <c>From ≤ d &lt; To</c>. <see cref="To"/> <c>null</c> means ongoing.
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record Benefit
{
    /// <summary>Type.</summary>
    public BenefitType? Type { get; init; }

    /// <summary>Start date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The first day it no longer holds (exclusive end); <c>null</c> means ongoing.</summary>
    public DateOnly? To { get; init; }
}
