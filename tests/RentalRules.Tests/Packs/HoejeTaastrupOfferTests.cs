using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>
/// Offer lists under the Høje-Taastrup framework agreement 2023-2026: the municipality's candidates for a municipal
/// allocation, and the flexible lists of level 2. Every case is on <see cref="On"/>.
/// </summary>
public sealed class HoejeTaastrupOfferTests
{
    private const string PackId = "hoeje-taastrup-2023";
    private static readonly DateOnly On = new(2025, 3, 1);

    private static RulePack Pack => Repo.Pack(PackId);

    #region § 3.3: every second municipal allocation on level 2 under the special criteria

    // § 3.3: "I forhold til hver anden kommunale anvisning i den enkelte boligafdeling skal anvisningen ske efter særlige
    // kriterier … Herudover skal anvisning til forebyggelsesområder overholde lovgivningens begrænsninger".
    // A level-2 prevention department (22 % = 11/50): family vacancies #5 and #10 are municipal; #10 is its second
    // municipal allocation, so it is under the special criteria (the tightened criteria of § 4.3, per member).
    [Fact]
    [Clause(PackId, "§ 3.3")]
    [Clause(PackId, "bilag 3")]
    public void Offer_Level2SpecialAllocation_ListsOnlyTheMunicipalitysCandidatesMeetingTheSpecialCriteria()
    {
        var parkvej = Parkvej();
        var vacancies = Enumerable.Range(1, 10).Select(i => new Vacancy { Id = $"PV-{i:00}", Department = "HT-PARKVEJ", Category = DwellingCategory.Family, Area = 80, Rooms = 3 }).ToList();
        vacancies[4] = vacancies[4] with { Candidates = ["C-CONVICTED", "C-WORKS"] };
        vacancies[9] = vacancies[9] with { Candidates = ["C-CONVICTED", "C-CASH", "C-WORKS"] };
        var households = new[]
        {
            // Works full time; convicted under the penal code 200 days ago: the tightened criteria's "ingen dom … de
            // seneste 2 år" fails; § 59 stk. 7 (release from prison within 6 months) does not, as nobody was released.
            Household("C-CONVICTED", Worker(40) with { Convictions = [new Conviction { Date = On.AddDays(-200), Act = ConvictionAct.PenalCode }] }),
            // On kontanthjælp for the last 14 months: public support within 2 years fails the tightened criteria.
            Household("C-CASH", Worker(38) with { Employment = [], Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = On.AddMonths(-14) }] }),
            Household("C-WORKS", Worker(35)),
            // Meets every criterion, but the municipality did not nominate it: a municipal vacancy is not its to take.
            Household("W-NOT-NOMINATED", Worker(50)),
        };

        var offers = Pack.Offer(new OfferRequest([parkvej], vacancies, households, On)).Offers;

        Assert.Equal(
            [false, false, false, false, true, false, false, false, false, true],
            offers.Select(o => o.Decision.Route == VacancyRoute.Municipal));
        var special = offers[9];
        Assert.True(special.Decision.SpecialCriteria);
        var only = Assert.Single(special.Candidates);
        Assert.Equal(("C-WORKS", 3), (only.HouseholdId, only.CandidateRank!.Value));
        Assert.Equal((3, 1, 2, 0), (special.Considered, special.Eligible, special.Ineligible, special.Undetermined));
        Assert.Equal(("offers.municipal", "§ 59 stk. 1"), (special.Order.RuleId, special.Order.Clause));

        // The first municipal allocation (#5) is ordinary: the candidate convicted under the penal code is not barred (§ 59
        // stk. 7 asks about release from prison), so both are listed, in the municipality's order.
        var ordinary = offers[4];
        Assert.False(ordinary.Decision.SpecialCriteria);
        Assert.Equal(["C-CONVICTED", "C-WORKS"], ordinary.Candidates.Select(c => c.HouseholdId));
        Assert.Equal([1, 2], ordinary.Candidates.Select(c => c.CandidateRank!.Value));
    }

    #endregion

    #region § 4 and § 4.2: level-2 flexible letting, the priority groups by seniority

    // § 4.2: "alle boligsøgende skal leve op til kriterier om fleksibel udlejning"; § 4: "Disse kriterier omfatter
    // altid boligsøgende i fast beskæftigelse eller under uddannelse."
    [Fact]
    [Clause(PackId, "§ 4.2")]
    [Clause(PackId, "§ 4 (prioritering)")]
    public void Offer_Level2FlexibleVacancy_ListsOnlyHouseholdsMeetingTheFlexibleCriteriaBySeniority()
    {
        var households = new[]
        {
            Household("F-JOBLESS", Worker(40) with { Employment = [] }) with { WaitingListSince = new DateOnly(2009, 1, 1) },
            Household("F-WORKS-2020", Worker(30)) with { WaitingListSince = new DateOnly(2020, 1, 1) },
            Household("F-WORKS-2015", Worker(45)) with { WaitingListSince = new DateOnly(2015, 1, 1) },
        };

        var offer = Assert.Single(Pack.Offer(new OfferRequest([Parkvej()], [new Vacancy { Id = "PV-01", Department = "HT-PARKVEJ", Category = DwellingCategory.Family }], households, On)).Offers);

        Assert.Equal(VacancyRoute.Flexible, offer.Decision.Route);
        Assert.Equal(["F-WORKS-2015", "F-WORKS-2020"], offer.Candidates.Select(c => c.HouseholdId));
        Assert.Equal(1, offer.Ineligible);
        Assert.Equal(("offers.flexible", "§ 4 (prioritering)"), (offer.Order.RuleId, offer.Order.Clause));
    }

    #endregion

    private static Department Parkvej() => new()
    {
        Id = "HT-PARKVEJ",
        Name = "Fiktiv afdeling i Parkvej",
        Organisation = "Fiktiv Boligorganisation C",
        Municipality = "Høje-Taastrup",
        Residents = 1400,
        Dwellings = 600,
        TurnoverRate = 0.08m,
        Designation = Designation.Prevention,
        DevelopmentPlan = false,
        Rehousing = false,
        Flags = [],
        KeyFigures = new KeyFigures { OutsideLabourMarketShare = 0.33m, ConvictedShare = 0.017m, AsOf = new DateOnly(2021, 12, 1) },
    };

    private static Member Worker(int age) => Build.Worker("m1", On.AddYears(-age).AddMonths(-2));

    private static Household Household(string id, Member applicant) => Build.Household(id, applicant) with { ResidentMunicipality = "Høje-Taastrup", WaitingListSince = new DateOnly(2018, 1, 1) };
}
