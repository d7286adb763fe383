using NRules.Fluent.Dsl;
using RentalRules;
using RentalRules.Evaluation;
using RentalRules.Facts;

namespace NRulesHost;

// The letting system's own rules, reacting to the facts the pack's rules insert, and the facts they insert. NRules'
// fluent DSL finds rules by scanning an assembly for public top-level Rule classes.

/// <summary>An offer of a dwelling in the department to a household.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="DepartmentId">The department.</param>
/// <param name="Tier">The department's tier.</param>
/// <param name="Criteria">How many criteria the household met.</param>
public sealed record Offer(string? HouseholdId, string? DepartmentId, string? Tier, int Criteria);

/// <summary>A letter asking a household for the documents that settle its application.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="Missing">The facts the check lacked.</param>
/// <param name="Documents">The documents to request (English).</param>
public sealed record DocumentLetter(string? HouseholdId, IReadOnlyList<string> Missing, IReadOnlyList<string> Documents);

/// <summary>A refusal, citing the first criterion the household does not meet and its clause.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="Criterion">The criterion's id.</param>
/// <param name="Clause">The clause.</param>
public sealed record Refusal(string? HouseholdId, string Criterion, string Clause);

/// <summary>An eligible household on the waiting list, joined with the household fact the host inserted, gets an offer.</summary>
public sealed class OfferToEligible : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        Household household = null!;
        EligibilityResult result = null!;
        When()
            .Match(() => household)
            .Match(() => result, r => r.HouseholdId == household.Id, r => r.Outcome == Outcome.Eligible, r => r.Route == LettingRoute.WaitingList);
        Then()
            .Do(ctx => ctx.Insert(new Offer(household.Id, result.DepartmentId, result.Placement.Tier, result.Criteria.Count)));
    }
}

/// <summary>An undetermined household is asked for what is missing.</summary>
public sealed class AskForDocuments : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        EligibilityResult result = null!;
        When()
            .Match(() => result, r => r.Outcome == Outcome.Undetermined);
        Then()
            .Do(ctx => ctx.Insert(new DocumentLetter(result.HouseholdId, result.Missing, result.Documents.Select(d => d.En).ToList())));
    }
}

/// <summary>An ineligible household is told which criterion it does not meet, with the agreement's clause.</summary>
public sealed class Refuse : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        EligibilityResult result = null!;
        When()
            .Match(() => result, r => r.Outcome == Outcome.Ineligible, r => r.Criteria.Any(c => c.Outcome == Outcome.Ineligible));
        Then()
            .Do(ctx => ctx.Insert(FirstUnmet(result)));
    }

    private static Refusal FirstUnmet(EligibilityResult result)
    {
        var criterion = result.Criteria.First(c => c.Outcome == Outcome.Ineligible);
        return new Refusal(result.HouseholdId, criterion.Id, criterion.Clause);
    }
}
