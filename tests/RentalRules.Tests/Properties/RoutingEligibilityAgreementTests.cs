using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Evaluation;
using RentalRules.Facts;
using Outcome = RentalRules.Outcome;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Properties;

/// <summary>
/// Routing and eligibility agree about the dwelling (issue 11): a vacancy that routes to the municipality is never
/// "closed" to a municipal check of the same dwelling in the same department on the same date — for every pack in
/// <c>rules/</c> and <c>rules/examples/</c>, any department, any vacancy (category, programme, area, first letting) and
/// any earlier vacancies already counted in the ledger.
/// </summary>
public sealed class RoutingEligibilityAgreementTests
{
    private static readonly string[] PackIds = Repo.PackIds();

    private static readonly Gen<Vacancy> AnyVacancy =
        from category in FactGenerators.Maybe(Gen.Elements(Enum.GetValues<DwellingCategory>()))
        from programme in FactGenerators.MaybeRef(Gen.Elements("accessible-full", "accessible-half", "new-small", "special-housing", "other"))
        from area in FactGenerators.Maybe(Gen.Choose(20, 120).Select(a => (decimal)a))
        from rent in FactGenerators.Maybe(Gen.Choose(3000, 9000).Select(r => (decimal)r))
        from firstLetting in FactGenerators.Maybe(Gen.Elements(true, false))
        from stairwell in FactGenerators.MaybeRef(Gen.Elements("A", "B"))
        select new Vacancy { Category = category, Programme = programme, Area = area, Rent = rent, FirstLetting = firstLetting, Stairwell = stairwell, Rooms = 2 };

    private static readonly Gen<(string Pack, Department Department, Vacancy[] Before, Vacancy Vacancy, Household Household, DateOnly On)> Cases =
        from pack in Gen.Elements(PackIds)
        from department in FactGenerators.Department
        from before in Gen.ArrayOf(AnyVacancy).Select(a => a.Take(12).ToArray())
        from vacancy in AnyVacancy
        from household in FactGenerators.Household
        from date in FactGenerators.EvaluationDate
        select (pack, department with { Id = department.Id is { Length: > 0 } id ? id : "D-1" }, before, vacancy, household, date);

    [Property(MaxTest = 500)]
    public Property CheckOnTheMunicipalRoute_VacancyThatRoutesMunicipal_IsNeverClosedForTheSameDwelling()
        => Prop.ForAll(Arb.From(Cases), x =>
        {
            var pack = Repo.Pack(x.Pack);
            var ledger = pack.NewLedger();
            var n = 0;
            foreach (var earlier in x.Before.Append(x.Vacancy))
            {
                var vacancy = earlier with { Id = $"V{n++}", Department = x.Department.Id };
                var result = pack.Route(new RoutingRequest(x.Department, vacancy, x.On) { Ledger = ledger });
                ledger = result.Ledger;
                if (result.Decision.Route != VacancyRoute.Municipal)
                {
                    continue;
                }

                var check = pack.Check(new EligibilityRequest(x.Department, x.Household, LettingRoute.Municipal, x.On, result.Decision.SpecialCriteria) { Vacancy = vacancy });
                Assert.False(check.RouteClosed, $"{x.Pack}: vacancy {vacancy.Id} ({vacancy.Category}, {vacancy.Programme}) routes municipal in tier {result.Decision.Tier}, but the municipal check says closed: {string.Join(" | ", check.Explanation.Select(e => e.Reason.En))}");
                Assert.NotEqual(Outcome.Ineligible, check.Criteria.Count == 0 ? check.Outcome : Outcome.Eligible);
            }
        });
}
