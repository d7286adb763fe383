using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using Outcome = RentalRules.Outcome;

namespace RentalRules.Tests.Properties;

/// <summary>
/// <c>Offer</c> shares work between vacancies and households; the lists must be exactly what the naive loop gives: route
/// every vacancy in order, then <c>Check</c> every household drawn for it (every household, or the vacancy's candidates)
/// on the decided route, keep those eligible, and sort them by the pack's order rule with ties in input order. Same
/// households, same places, same criterion, same counts, same facts most often missing — for every shipped pack, any
/// departments (some sharing every fact but their id), vacancies, candidates, households and seniority dates.
/// </summary>
public sealed class OfferEquivalenceTests
{
    private static readonly string[] PackIds = Repo.PackIds();

    private static readonly string[] FlexibleCriteria = ["holbaek-b4-1-work", "holbaek-b4-2-education", "holbaek-b4-3-divorce", "holbaek-b4-4-senior", "holbaek-b4-5-sold-home"];

    private static readonly Gen<Department> Departments =
        from d in FactGenerators.Department
        from criteria in FactGenerators.MaybeRef(Gen.SubListOf(FlexibleCriteria).Select(l => (IReadOnlyList<string>)l.ToArray()))
        select d with { FlexibleCriteria = criteria };

    private static readonly Gen<Vacancy> Vacancies =
        from category in FactGenerators.Maybe(Gen.Frequency((4, Gen.Constant(DwellingCategory.Family)), (1, Gen.Elements(Enum.GetValues<DwellingCategory>()))))
        from programme in FactGenerators.MaybeRef(Gen.Elements("accessible-full", "accessible-half", "new-small", "rent-subsidy"))
        from area in FactGenerators.Maybe(Gen.Choose(20, 120).Select(a => (decimal)a))
        from rent in FactGenerators.Maybe(Gen.Choose(3000, 9000).Select(r => (decimal)r))
        from first in FactGenerators.Maybe(Gen.Elements(true, false))
        from department in Gen.Choose(0, 3)
        from candidates in FactGenerators.MaybeRef(FactGenerators.SmallList(Gen.Choose(0, 14).Select(i => $"H-{i}"), 5))
        select new Vacancy { Category = category, Programme = programme, Area = area, Rent = rent, FirstLetting = first, Rooms = 2, Department = $"D-{department}", Candidates = candidates };

    private static readonly Gen<DateOnly?> Seniority = FactGenerators.Maybe(Gen.Elements(new DateOnly(2010, 1, 1), new DateOnly(2012, 6, 1), new DateOnly(2012, 6, 1), new DateOnly(2019, 3, 1), new DateOnly(2024, 1, 1)));

    private static readonly Gen<Case> Cases =
        from pack in Gen.Elements(PackIds)
        from departments in Gen.ListOf(Departments, 4)
        from twin in Gen.Elements(true, false)
        from vacancies in Gen.ArrayOf(Vacancies).Select(a => a.Take(10).ToArray())
        from households in FactGenerators.SmallList(FactGenerators.Household, 15)
        from seniority in Gen.ListOf(Seniority, 15)
        from date in FactGenerators.EvaluationDate
        from top in Gen.Choose(0, 5)
        select new Case(
            pack,
            departments.Select((d, i) => (twin && i == 3 ? departments[0] : d) with { Id = $"D-{i}" }).ToArray(),
            vacancies.Select((v, i) => v with { Id = $"V-{i}" }).ToArray(),
            households.Select((h, i) => h with { Id = $"H-{i}", WaitingListSince = seniority[i] }).ToArray(),
            date,
            top);

    [Property(MaxTest = 300)]
    public Property Offer_AnyInput_GivesWhatRouteThenCheckPerHouseholdGives()
        => Prop.ForAll(Arb.From(Cases), x =>
        {
            var pack = Repo.Pack(x.Pack);
            var offers = pack.Offer(new OfferRequest(x.Departments, x.Vacancies, x.Households, x.On) { Top = x.Top }).Offers;

            var naive = Naive(pack, x);
            Assert.Equal(naive.Count, offers.Count);
            for (var i = 0; i < offers.Count; i++)
            {
                var (o, n) = (offers[i], naive[i]);
                var where = $"{x.Pack}, vacancy {i} ({o.Decision.Route}, tier {o.Decision.Tier})";
                Assert.True(n.Decision.Route == o.Decision.Route && n.Decision.SpecialCriteria == o.Decision.SpecialCriteria, where);
                Assert.Equal(n.Placed, o.Candidates.Select(c => (c.HouseholdId, c.QualifiedBy?.RuleId)).ToList());
                Assert.Equal(n.Unplaced, o.Unplaced.Select(c => c.HouseholdId).ToList());
                Assert.Equal((n.Considered, n.Eligible, n.UnplacedCount, n.Ineligible, n.Undetermined), (o.Considered, o.Eligible, o.UnplacedCount, o.Ineligible, o.Undetermined));
                Assert.Equal(n.Missing, o.MostOftenMissing.Select(m => (m.Fact, m.Households)).ToList());
            }
        });

    /// <summary>The naive loop: Route every vacancy, then Check every household drawn for it, then sort by the pack's order rule.</summary>
    private static List<Expected> Naive(RulePack pack, Case x)
    {
        var ledger = pack.NewLedger();
        var result = new List<Expected>();
        foreach (var v in x.Vacancies)
        {
            var department = x.Departments.Single(d => d.Id == v.Department);
            var routed = pack.Route(new RoutingRequest(department, v, v.VacatedOn ?? x.On) { Ledger = ledger });
            ledger = routed.Ledger;
            var decision = routed.Decision;
            LettingRoute? route = decision.Route switch
            {
                VacancyRoute.Municipal => LettingRoute.Municipal,
                VacancyRoute.Flexible => LettingRoute.Flexible,
                VacancyRoute.WaitingList or VacancyRoute.OutOfScope => LettingRoute.WaitingList,
                _ => null,
            };
            if (route is not { } r)
            {
                result.Add(new Expected(decision, [], [], 0, 0, 0, 0, 0, []));
                continue;
            }

            var policy = pack.OfferPolicyFor(r);
            var drawn = policy.From == OfferSource.Candidates
                ? (v.Candidates ?? []).Distinct().Select(id => x.Households.FirstOrDefault(h => h.Id == id)).Where(h => h is not null).Select(h => h!).ToList()
                : x.Households.ToList();
            var special = r == LettingRoute.Municipal && decision.SpecialCriteria;
            var placed = new List<(OrderValue Key, Household Household, Explanation? By)>();
            var unplaced = new List<string?>();
            var missing = new Dictionary<string, int>(StringComparer.Ordinal);
            int eligible = 0, ineligible = 0, undetermined = 0, unplacedCount = 0;
            foreach (var h in drawn)
            {
                var request = new EligibilityRequest(department, h, r, x.On, special) { Vacancy = v };
                var check = pack.Check(request);
                if (check.Outcome == Outcome.Ineligible)
                {
                    ineligible++;
                    continue;
                }

                if (check.Outcome == Outcome.Undetermined)
                {
                    undetermined++;
                    foreach (var m in check.Missing.Distinct())
                    {
                        missing[m] = missing.GetValueOrDefault(m) + 1;
                    }

                    continue;
                }

                eligible++;
                var requirements = Requirements(pack, request);
                var position = v.Candidates is { } list ? list.ToList().IndexOf(h.Id!) : (int?)null;
                var index = Array.IndexOf(x.Households, h);
                if (!OrderValue.TryMake(policy.Order, h, policy.From == OfferSource.Candidates ? position : null, OfferQualification.Met(pack, requirements, check), index, out var key))
                {
                    unplacedCount++;
                    missing["household.waitingListSince"] = missing.GetValueOrDefault("household.waitingListSince") + 1;
                    if (unplaced.Count < x.Top)
                    {
                        unplaced.Add(h.Id);
                    }

                    continue;
                }

                placed.Add((key, h, OfferQualification.QualifiedBy(pack, requirements, check)));
            }

            result.Add(new Expected(
                decision,
                placed.OrderBy(p => p.Key).Take(x.Top).Select(p => (p.Household.Id, p.By?.RuleId)).ToList(),
                unplaced,
                drawn.Count,
                eligible,
                unplacedCount,
                ineligible,
                undetermined,
                missing.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(5).Select(kv => (kv.Key, kv.Value)).ToList()));
        }

        return result;
    }

    /// <summary>The requirements of the request's route into the department's (or dwelling's) letting policy, as Check finds them.</summary>
    private static IReadOnlyList<Requirement> Requirements(RulePack pack, EligibilityRequest request)
    {
        var scope = pack.NewScope(request.On);
        var placement = Evaluator.Place(pack, request.Department, request.On, scope);
        return Evaluator.Settled(pack, request, placement, scope.Parameters, out var tier, out _) is null ? Evaluator.RequirementsFor(pack, tier, request) : [];
    }

    public sealed record Case(string Pack, Department[] Departments, Vacancy[] Vacancies, Household[] Households, DateOnly On, int Top)
    {
        public override string ToString() => $"{Pack}: {Departments.Length} departments, {Vacancies.Length} vacancies, {Households.Length} households, on {On:yyyy-MM-dd}, top {Top}";
    }

    private sealed record Expected(RoutingDecision Decision, List<(string?, string?)> Placed, List<string?> Unplaced, int Considered, int Eligible, int UnplacedCount, int Ineligible, int Undetermined, List<(string, int)> Missing);
}
