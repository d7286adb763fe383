namespace RentalRules.Facts;

/// <summary>
/// A housing department (boligafdeling) with its key figures. Every property may be <c>null</c>, which means
/// <em>unknown</em>: a rule that needs it comes out undetermined, never zero or false.
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record Department
{
    /// <summary>Identifier used in results.</summary>
    public string? Id { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>The housing organisation owning the department.</summary>
    public string? Organisation { get; init; }

    /// <summary>The municipality it lies in.</summary>
    public string? Municipality { get; init; }

    /// <summary>Number of residents.</summary>
    public int? Residents { get; init; }

    /// <summary>Number of dwellings.</summary>
    public int? Dwellings { get; init; }

    /// <summary>Share of dwellings vacated per year, in [0, 1].</summary>
    public decimal? TurnoverRate { get; init; }

    /// <summary>Designation of the area (ministry list of 1 December).</summary>
    public Designation? Designation { get; init; }

    /// <summary>Whether a development plan still binds the department (e.g. a former transformation area).</summary>
    public bool? DevelopmentPlan { get; init; }

    /// <summary>Whether the department is under renovation with rehousing of its residents.</summary>
    public bool? Rehousing { get; init; }

    /// <summary>The share of vacancies let flexibly under the organisation's individual agreement, in [0, 1].</summary>
    public decimal? FlexibleLettingShare { get; init; }

    /// <summary>Flags from the agreement's appendices, e.g. <c>particularProblems</c>.</summary>
    public IReadOnlyList<string>? Flags { get; init; }

    /// <summary>
    /// The ids of the flexible criteria agreed for this department under the organisation's individual agreement (e.g.
    /// Holbæk § 7: "De særlige kriterier som de enkelte boligafdelinger er omfattet af, aftales individuelt"); an empty
    /// list: none agreed; <c>null</c>: unknown.
    /// </summary>
    public IReadOnlyList<string>? FlexibleCriteria { get; init; }

    /// <summary>Key figures.</summary>
    public KeyFigures? KeyFigures { get; init; }

    /// <summary>Share of the department's dwellings whose monthly rent is below the municipality's low-rent line (Aalborg: 5 000 DKK), in [0, 1].</summary>
    public decimal? LowRentShare { get; init; }

    /// <summary>For a property sold to a private landlord in a designated area: the buyer's takeover date.</summary>
    public DateOnly? PrivateTakeover { get; init; }

    /// <summary>
    /// Tiers decided for the department by the parties (e.g. Holbæk's appendix 1 colour agreed at the March meeting,
    /// § 8.2), each with the date it applies from. On a date the one with the latest <c>from</c> on or before it is in
    /// force; the pack says whether it or the key figures place the department.
    /// </summary>
    public IReadOnlyList<DecidedTier>? DecidedTiers { get; init; }
}

/// <summary>
/// A tier decided for a department, in force from a date.
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record DecidedTier
{
    /// <summary>The tier id of the pack, e.g. <c>yellow</c>.</summary>
    public string? Tier { get; init; }

    /// <summary>The first day it applies.</summary>
    public DateOnly? From { get; init; }
}

/// <summary>
/// A department's key figures (nøgletal). Shares are fractions in [0, 1].
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record KeyFigures
{
    /// <summary>Share of residents aged 18–64 outside the labour market and education.</summary>
    public decimal? OutsideLabourMarketShare { get; init; }

    /// <summary>Share of residents convicted under the penal code, weapons act or euphoriants act.</summary>
    public decimal? ConvictedShare { get; init; }

    /// <summary>Share of residents aged 30–59 with primary education only.</summary>
    public decimal? PrimaryEducationOnlyShare { get; init; }

    /// <summary>Average gross income relative to the region's average (e.g. 0.62).</summary>
    public decimal? IncomeRatio { get; init; }

    /// <summary>Share of residents of non-Western origin.</summary>
    public decimal? NonWesternShare { get; init; }

    /// <summary>The date the key figures refer to.</summary>
    public DateOnly? AsOf { get; init; }
}

/// <summary>
/// A vacant dwelling.
/// Init-only: once built it does not change, so it may be shared across threads as long as the lists given to it are not changed.
/// </summary>
public sealed record Vacancy
{
    /// <summary>Identifier.</summary>
    public string? Id { get; init; }

    /// <summary>The department id.</summary>
    public string? Department { get; init; }

    /// <summary>Dwelling category.</summary>
    public DwellingCategory? Category { get; init; }

    /// <summary>Programme, e.g. <c>accessible-full</c>, <c>accessible-half</c>, <c>new-small</c>.</summary>
    public string? Programme { get; init; }

    /// <summary>Monthly rent in DKK.</summary>
    public decimal? Rent { get; init; }

    /// <summary>Area in m².</summary>
    public decimal? Area { get; init; }

    /// <summary>Number of rooms.</summary>
    public int? Rooms { get; init; }

    /// <summary>The date the dwelling was vacated.</summary>
    public DateOnly? VacatedOn { get; init; }

    /// <summary>Stairwell, when known.</summary>
    public string? Stairwell { get; init; }

    /// <summary>Whether this is the dwelling's first letting (a new dwelling let for the first time).</summary>
    public bool? FirstLetting { get; init; }

    /// <summary>
    /// The municipality's candidates for the vacancy when it is allocated by the municipality: household ids, in the order
    /// the municipality nominates them (its list is the input; an offer on the municipal route lists only these
    /// households, those the restrictions allow, in this order). <c>null</c>: no candidates given.
    /// </summary>
    public IReadOnlyList<string>? Candidates { get; init; }
}
