using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;

namespace RentalRules.Authoring;

/// <summary>A pack tests file as read: the pack it is for and its cases, in file order.</summary>
/// <param name="File">The file name used in diagnostics.</param>
/// <param name="Pack">The id of the pack the cases were written for.</param>
/// <param name="Cases">The cases.</param>
internal sealed record PackTestFile(string File, string Pack, IReadOnlyList<PackTestCase> Cases);

/// <summary>
/// One named case: the facts, the date and route, the clauses it exercises and what the pack must answer. Built only
/// by <see cref="PackTestReader"/>, which has checked every name in it against the pack.
/// </summary>
internal sealed record PackTestCase(string Name, IReadOnlyList<string> Clauses, DateOnly On, SourceLocation Location)
{
    public Department? Department { get; init; }

    public Household? Household { get; init; }

    public Vacancy? Vacancy { get; init; }

    public LettingRoute? Route { get; init; }

    public bool SpecialCriteria { get; init; }

    /// <summary>The counters routing starts from (empty: a new ledger).</summary>
    public IReadOnlyList<LedgerCounter> Ledger { get; init; } = [];

    /// <summary>The vacancies routed in order, or <c>null</c> when the case routes nothing.</summary>
    public IReadOnlyList<Vacancy>? Vacancies { get; init; }

    /// <summary>The offer list the case draws up (its vacancy in the case's department, offered to its households), or <c>null</c>.</summary>
    public PackTestOffer? Offer { get; init; }

    public PackTestExpectation Expect { get; init; } = new();
}

/// <summary>An offer list to draw up: one vacancy of the case's department, the households in input order, the list's length.</summary>
internal sealed record PackTestOffer(Vacancy Vacancy, IReadOnlyList<Household> Households, int Top);

/// <summary>One household expected on an offer list, at its place, with the criterion that qualified it (<c>null</c>: not checked).</summary>
internal sealed record OfferedExpectation(string Household, string? Criterion);

/// <summary>What a case expects; <c>null</c> members are not checked.</summary>
internal sealed record PackTestExpectation
{
    public PlacementOutcome? Placement { get; init; }

    public string? Tier { get; init; }

    public Fraction? MunicipalShare { get; init; }

    public Outcome? Outcome { get; init; }

    public IReadOnlyList<CriterionExpectation> Criteria { get; init; } = [];

    public IReadOnlyList<string>? Missing { get; init; }

    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>The routing sequence: one route per vacancy (<c>municipalSpecialCriteria</c> for a municipal allocation under special criteria).</summary>
    public IReadOnlyList<string>? Routing { get; init; }

    /// <summary>The marks per routed vacancy.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Marks { get; init; }

    /// <summary>The offer list's households, in order (the whole list the case's <c>top</c> gives).</summary>
    public IReadOnlyList<OfferedExpectation>? Offered { get; init; }

    /// <summary>The households that may take the vacancy but whose place the order cannot decide, in input order.</summary>
    public IReadOnlyList<string>? Unplaced { get; init; }

    /// <summary>Texts that some reason of the answer must contain (in Danish or English).</summary>
    public IReadOnlyList<string> Reason { get; init; } = [];

    /// <summary>Texts that some warning of the placement must contain.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>What one criterion (or requirement) must give, overall and per member.</summary>
internal sealed record CriterionExpectation(string Id, Outcome? Outcome)
{
    public IReadOnlyList<(string Member, Outcome Outcome)> Members { get; init; } = [];

    public IReadOnlyList<string>? Missing { get; init; }

    public IReadOnlyList<string> Documents { get; init; } = [];
}
