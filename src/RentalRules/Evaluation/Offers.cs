using RentalRules.Facts;

namespace RentalRules.Evaluation;

/// <summary>
/// What the host asks for offer lists: for each vacancy, in order, its route and the households it may be offered to,
/// in the order the agreement gives (see <see cref="Packs.RulePack.Offer"/>).
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
/// <param name="Departments">The departments the vacancies belong to (ids unique).</param>
/// <param name="Vacancies">The vacancies, in the order they arose; each names a department of <paramref name="Departments"/>.</param>
/// <param name="Households">The applicants (the waiting list), enumerated once: a stream of any length is read in flat memory. Ids unique where given.</param>
/// <param name="On">The date the offers are made: eligibility is checked on it (routing uses a vacancy's <c>vacatedOn</c> where given, as <c>Route</c> does).</param>
public sealed record OfferRequest(IReadOnlyList<Department> Departments, IReadOnlyList<Vacancy> Vacancies, IEnumerable<Household> Households, DateOnly On)
{
    /// <summary>How many households each list names at most (default 20).</summary>
    public int Top { get; init; } = 20;

    /// <summary>The ledger routing counts in (<c>null</c>: an empty ledger of the pack). Not used when <see cref="Decisions"/> are given.</summary>
    public Ledger? Ledger { get; init; }

    /// <summary>
    /// The routing decisions already made, one per vacancy in the same order (e.g. those a decision journal recorded,
    /// <see cref="JournalRecording.Decision"/>): the lists follow them and nothing is routed again. <c>null</c>: route
    /// every vacancy with <see cref="Ledger"/>.
    /// </summary>
    public IReadOnlyList<RoutingDecision>? Decisions { get; init; }
}

/// <summary>
/// The offer lists of a set of vacancies. Built by the library.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record OfferResult
{
    internal OfferResult()
    {
    }

    /// <summary>The pack's id.</summary>
    public string PackId { get; internal init; } = "";

    /// <summary>The date the offers are made.</summary>
    public DateOnly On { get; internal init; }

    /// <summary>How many households were read.</summary>
    public int Households { get; internal init; }

    /// <summary>Per vacancy, in the order given.</summary>
    public IReadOnlyList<VacancyOffer> Offers { get; internal init; } = [];

    /// <summary>The ledger after routing (the given one when the decisions were given).</summary>
    public Ledger Ledger { get; internal init; } = null!;
}

/// <summary>
/// One vacancy's offer list: its routing decision, the first households that may take it on that route, in order, and what the rest lacked.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record VacancyOffer
{
    internal VacancyOffer()
    {
    }

    /// <summary>The routing decision.</summary>
    public RoutingDecision Decision { get; internal init; } = null!;

    /// <summary>
    /// The route households are checked for: the decision's (<c>outOfScope</c>: the waiting list, with no agreement
    /// criteria); <c>null</c> when the vacancy is not let to anyone (<c>closed</c>) or its route is undetermined.
    /// </summary>
    public LettingRoute? Route { get; internal init; }

    /// <summary>The order rule of the route, with its clause (<c>offers.flexible</c>, …), or why there is no list.</summary>
    public Explanation Order { get; internal init; } = null!;

    /// <summary>
    /// The first households (at most <see cref="OfferRequest.Top"/>) that may take the vacancy on its route, in the
    /// pack's order; ties keep the order of the household input.
    /// </summary>
    public IReadOnlyList<OfferCandidate> Candidates { get; internal init; } = [];

    /// <summary>
    /// Households that may take the vacancy but whose place the order cannot decide (e.g. no <c>waitingListSince</c>
    /// where seniority decides): never ordered silently; the first of them (at most <see cref="OfferRequest.Top"/>) in input order.
    /// </summary>
    public IReadOnlyList<OfferCandidate> Unplaced { get; internal init; } = [];

    /// <summary>How many households the list drew from: every household, or the municipality's candidates found among them.</summary>
    public int Considered { get; internal init; }

    /// <summary>How many of those may take the vacancy (placed or not).</summary>
    public int Eligible { get; internal init; }

    /// <summary>How many may take it but have no place (<see cref="Unplaced"/> lists the first).</summary>
    public int UnplacedCount { get; internal init; }

    /// <summary>How many may not take it.</summary>
    public int Ineligible { get; internal init; }

    /// <summary>How many cannot be decided for lack of facts.</summary>
    public int Undetermined { get; internal init; }

    /// <summary>The facts most often missing among the undetermined households (and unplaced ones), most frequent first: what the office should ask for.</summary>
    public IReadOnlyList<MissingFactCount> MostOftenMissing { get; internal init; } = [];

    /// <summary>Candidate ids the vacancy names (<see cref="Vacancy.Candidates"/>) that are not among the households.</summary>
    public IReadOnlyList<string> CandidatesNotFound { get; internal init; } = [];
}

/// <summary>
/// A household on an offer list.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record OfferCandidate
{
    internal OfferCandidate()
    {
    }

    /// <summary>The place on the list (1 is offered first), or <c>null</c> for an unplaced household.</summary>
    public int? Place { get; internal init; }

    /// <summary>The household's id.</summary>
    public string? HouseholdId { get; internal init; }

    /// <summary>The household's position in the input (0-based).</summary>
    public int Index { get; internal init; }

    /// <summary>The criterion that qualified the household (the first met of a set any one of which suffices, else the set all of whose criteria it met), or <c>null</c> when no criteria apply on the route.</summary>
    public Explanation? QualifiedBy { get; internal init; }

    /// <summary>The household's seniority date, when known.</summary>
    public DateOnly? WaitingListSince { get; internal init; }

    /// <summary>The household's position in the vacancy's candidate list (1-based), on a route that draws from it.</summary>
    public int? CandidateRank { get; internal init; }

    /// <summary>For an unplaced household: the facts its place needs.</summary>
    public IReadOnlyList<string> Missing { get; internal init; } = [];

    /// <summary>For an unplaced household: why it has no place.</summary>
    public LocalizedText? Reason { get; internal init; }
}

/// <summary>
/// A fact and how many households lacked it.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed record MissingFactCount
{
    internal MissingFactCount(string Fact, int Households)
    {
        this.Fact = Fact;
        this.Households = Households;
    }

    /// <summary>The fact's name, e.g. <c>member.convictions</c>.</summary>
    public string Fact { get; internal init; }

    /// <summary>How many households lacked it.</summary>
    public int Households { get; internal init; }
}
