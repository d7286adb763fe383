using BenchmarkDotNet.Attributes;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Benchmarks;

/// <summary>
/// Offer lists for 50 Holbæk family vacancies over 10 departments (green, yellow, red and uncoloured, with flexible
/// criteria menus), <c>--top 20</c>, against <see cref="Households"/> applicants: <see cref="Offer"/> (the pack's
/// shared work: what depends only on the household once per household, what depends only on the department once per
/// department) beside <see cref="NaiveRouteAndCheck"/>, what a host writes with the public API without it — route every
/// vacancy, <c>Check</c> every household drawn for it on the decided route, keep the eligible ones and sort them by
/// seniority (the municipality's candidates in its order on the municipal route). Same inputs; the setup checks that
/// both give the same households in the same order before anything is measured.
/// </summary>
[MemoryDiagnoser]
[Monitoring]
public class OfferBenchmarks
{
    private const int Departments = 10;
    private const int Vacancies = 50;
    private const int Top = 20;
    private RulePack _pack = null!;
    private Department[] _departments = null!;
    private Vacancy[] _vacancies = null!;
    private Household[] _households = null!;

    /// <summary>How many applicants every vacancy is considered for.</summary>
    [Params(1_000, 5_000)]
    public int Households { get; set; }

    /// <summary>Builds the inputs (deterministic), loads the pack and checks that both ways give the same lists.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pack = RulePackLoader.Load(BenchmarkInputs.HolbaekPackPath).GetValueOrThrow();
        var shares = new decimal?[] { 0.20m, 0.30m, 0.38m, 0.50m, null };
        string[] menu = ["holbaek-b4-1-work", "holbaek-b4-2-education", "holbaek-b4-3-divorce", "holbaek-b4-4-senior", "holbaek-b4-5-sold-home"];
        _departments = Enumerable.Range(0, Departments).Select(i => BenchmarkInputs.GreenDepartment with
        {
            Id = $"D{i:D2}",
            KeyFigures = shares[i % shares.Length] is { } s ? new KeyFigures { OutsideLabourMarketShare = s, AsOf = new DateOnly(2024, 12, 1) } : null,
            FlexibleCriteria = menu.Take(1 + (i % menu.Length)).ToArray(),
        }).ToArray();

        var random = new Random(17);
        _households = Enumerable.Range(0, Households).Select(i => Household(i, random)).ToArray();
        _vacancies = Enumerable.Range(0, Vacancies).Select(i => new Vacancy
        {
            Id = $"V{i:D3}",
            Department = _departments[random.Next(Departments)].Id,
            Category = DwellingCategory.Family,
            Rent = 5200 + random.Next(2000),
            Area = 60 + random.Next(40),
            Rooms = 3,
            Candidates = [.. Enumerable.Range(0, 3).Select(_ => _households[random.Next(Households)].Id!).Distinct()],
        }).ToArray();

        var offered = Offer();
        var naive = NaiveRouteAndCheck();
        for (var i = 0; i < Vacancies; i++)
        {
            if (!offered[i].SequenceEqual(naive[i], StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"Vacancy {_vacancies[i].Id}: Offer lists [{string.Join(", ", offered[i])}], the naive loop [{string.Join(", ", naive[i])}].");
            }
        }
    }

    /// <summary><c>pack.Offer</c>: the lists' household ids, per vacancy.</summary>
    /// <returns>The ids.</returns>
    [Benchmark]
    public List<string?[]> Offer()
        => _pack.Offer(new OfferRequest(_departments, _vacancies, _households, BenchmarkInputs.On) { Top = Top })
            .Offers.Select(o => o.Candidates.Select(c => c.HouseholdId).ToArray()).ToList();

    /// <summary>The host's loop over <c>Route</c> and <c>Check</c>: the lists' household ids, per vacancy.</summary>
    /// <returns>The ids.</returns>
    [Benchmark(Baseline = true)]
    public List<string?[]> NaiveRouteAndCheck()
    {
        var byId = _departments.ToDictionary(d => d.Id!, StringComparer.Ordinal);
        var householdsById = _households.ToDictionary(h => h.Id!, StringComparer.Ordinal);
        var ledger = _pack.NewLedger();
        var lists = new List<string?[]>(Vacancies);
        foreach (var v in _vacancies)
        {
            var department = byId[v.Department!];
            var routed = _pack.Route(new RoutingRequest(department, v, BenchmarkInputs.On) { Ledger = ledger });
            ledger = routed.Ledger;
            LettingRoute? route = routed.Decision.Route switch
            {
                VacancyRoute.Municipal => LettingRoute.Municipal,
                VacancyRoute.Flexible => LettingRoute.Flexible,
                VacancyRoute.WaitingList or VacancyRoute.OutOfScope => LettingRoute.WaitingList,
                _ => null,
            };
            if (route is not { } r)
            {
                lists.Add([]);
                continue;
            }

            // The municipal route offers the municipality's candidates in its order; the others everyone, by seniority.
            var drawn = r == LettingRoute.Municipal
                ? (v.Candidates ?? []).Distinct().Where(householdsById.ContainsKey).Select(id => householdsById[id])
                : _households;
            var eligible = new List<(DateOnly? Since, int Index, string? Id)>();
            var index = 0;
            foreach (var h in drawn)
            {
                var check = _pack.Check(new EligibilityRequest(department, h, r, BenchmarkInputs.On, routed.Decision.SpecialCriteria) { Vacancy = v });
                if (check.Outcome == Outcome.Eligible && (r == LettingRoute.Municipal || h.WaitingListSince is not null))
                {
                    eligible.Add((h.WaitingListSince, index, h.Id));
                }

                index++;
            }

            IEnumerable<(DateOnly? Since, int Index, string? Id)> ordered = r == LettingRoute.Municipal ? eligible : eligible.OrderBy(e => e.Since).ThenBy(e => e.Index);
            lists.Add([.. ordered.Take(Top).Select(e => e.Id)]);
        }

        return lists;
    }

    /// <summary>
    /// An applicant: one or two adults of 20–75, most in work, some jobless or retired, some convicted recently, one in
    /// ten with convictions unknown, one in twenty without a recorded seniority.
    /// </summary>
    private static Household Household(int i, Random random)
    {
        var template = BenchmarkInputs.FourPersonHousehold;
        var adults = template.Members!.Where(m => m.Role != MemberRole.Child).Take(1 + random.Next(2)).Select(m =>
        {
            var kind = random.Next(10);
            return m with
            {
                BirthDate = BenchmarkInputs.On.AddYears(-(20 + random.Next(56))).AddDays(-random.Next(365)),
                Employment = kind < 6 ? m.Employment : [],
                Benefits = kind is 6 or 7 ? [new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 1, 1) }] : [],
                Convictions = kind == 8 ? null : random.Next(15) == 0 ? [new Conviction { Date = new DateOnly(2024, 6, 1), Act = ConvictionAct.PenalCode }] : [],
            };
        });
        return template with
        {
            Id = $"H{i:D6}",
            Members = [.. adults, .. template.Members!.Where(m => m.Role == MemberRole.Child).Take(random.Next(3))],
            WaitingListSince = random.Next(20) == 0 ? null : new DateOnly(2000 + random.Next(25), 1 + random.Next(12), 1 + random.Next(28)),
        };
    }
}
