using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>
/// Offer lists under the Holbæk framework agreement 2024-2027: who a vacancy may be offered to, and in which order.
/// Every case is on <see cref="On"/>; households carry their seniority (<c>waitingListSince</c>).
/// </summary>
public sealed class HolbaekOfferTests
{
    private const string PackId = "holbaek-2024";
    private static readonly DateOnly On = new(2025, 3, 1);

    private static RulePack Pack => Repo.Pack(PackId);

    #region § 6 and bilag 3: a red department lets only to applicants meeting the tightened criteria, by seniority

    // § 6: "I "røde" boligafdelinger udlejes der efter de skærpede fleksible kriterier, jfr. bilag 3."
    // Bilag 3: "For at opnå boligtilbud skal ansøger yderligere dokumentere, at følgende betingelser er opfyldt".
    // Bilag 4 (hovedregel): "en ledig bolig bliver tilbudt til den boligsøgende, der har stået længst på ventelisten."
    [Fact]
    [Clause(PackId, "§ 6")]
    [Clause(PackId, "bilag 3")]
    [Clause(PackId, "bilag 3 nr. 1")]
    [Clause(PackId, "bilag 3 nr. 3")]
    [Clause(PackId, "bilag 4 (rækkefølge)")]
    public void Offer_RedDepartmentVacancy_ListsOnlyHouseholdsMeetingAppendix3InSeniorityOrder()
    {
        var red = Department("HB-104", 0.4501m);
        var households = new[]
        {
            // The most senior, but convicted under the penal code nine months ago: bilag 3 nr. 1 ("ikke inden for de
            // seneste 2 år … er dømt for overtrædelse af straffeloven") bars the offer, however senior.
            Since(Build.Household("H-CONVICTED", Build.Worker("m1", Aged(40)) with { Convictions = [new Conviction { Date = new DateOnly(2024, 6, 1), Act = ConvictionAct.PenalCode }] }), 2010, 1, 1),
            Since(Build.Household("H-WORKER-2019", Build.Worker("m1", Aged(37)), Build.Worker("m2", Aged(35), MemberRole.Partner)), 2019, 5, 1),
            // On kontanthjælp for a year: bilag 3 nr. 3 ("ikke har modtaget offentlig forsørgelse … de seneste 2 år").
            Since(Build.Household("H-CASH", Build.Worker("m1", Aged(45)) with { Employment = [], Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 1, 1) }] }), 2011, 9, 1),
            Since(Build.Household("H-WORKER-2012", Build.Worker("m1", Aged(44))), 2012, 1, 15),
            // 68 and retired: outside the age bands of nr. 2–4 (15–64, 18–64, 30–59); nr. 1 (15+) holds.
            Since(Build.Household("H-PENSIONER", Build.Worker("m1", Aged(68)) with { Employment = [], Benefits = [new Benefit { Type = BenefitType.StatePension, From = new DateOnly(2022, 1, 1) }] }), 2014, 10, 1),
            // Convictions unknown: whether nr. 1 holds cannot be decided.
            Since(Build.Household("H-UNKNOWN", Build.Worker("m1", Aged(41)) with { Convictions = null }), 2013, 4, 1),
            // Meets bilag 3, but the office never recorded when it joined the waiting list.
            Build.Household("H-NO-SENIORITY", Build.Worker("m1", Aged(33))),
        };

        var offer = Single(Pack.Offer(new OfferRequest([red], [Family("HB-104-V01", "HB-104")], households, On)));

        // Red: no municipal allocation; every other letting is flexible under bilag 3.
        Assert.Equal(VacancyRoute.Flexible, offer.Decision.Route);
        Assert.Equal(["H-WORKER-2012", "H-PENSIONER", "H-WORKER-2019"], offer.Candidates.Select(c => c.HouseholdId));
        Assert.Equal([1, 2, 3], offer.Candidates.Select(c => c.Place!.Value));
        Assert.All(offer.Candidates, c => Assert.Equal(("holbaek-tightened", "bilag 3"), (c.QualifiedBy!.RuleId, c.QualifiedBy.Clause)));
        Assert.Equal(("offers.flexible", "bilag 4 (rækkefølge)"), (offer.Order.RuleId, offer.Order.Clause));

        // Never a silent order: the household without seniority is named, without a place, with the reason.
        var unplaced = Assert.Single(offer.Unplaced);
        Assert.Equal("H-NO-SENIORITY", unplaced.HouseholdId);
        Assert.Null(unplaced.Place);
        Assert.Equal(["household.waitingListSince"], unplaced.Missing);
        Assert.Contains("waitingListSince", unplaced.Reason!.En, StringComparison.Ordinal);

        Assert.Equal((7, 4, 1, 2, 1), (offer.Considered, offer.Eligible, offer.UnplacedCount, offer.Ineligible, offer.Undetermined));
        Assert.Contains(offer.MostOftenMissing, m => m.Fact == "member.convictions" && m.Households == 1);
        Assert.Contains(offer.MostOftenMissing, m => m.Fact == "household.waitingListSince" && m.Households == 1);
    }

    #endregion

    #region Bilag 4: "Kriterierne er sidestillet … tildeles en bolig ud fra anciennitet"

    // A green department with an individual agreement of 1/4 flexible letting (§ 7): vacancy 3 is municipal (every 3rd,
    // § 6), and the 4th of the others, vacancy 5, is let flexibly under appendix 4.
    [Fact]
    [Clause(PackId, "bilag 4")]
    [Clause(PackId, "bilag 4 nr. 1")]
    [Clause(PackId, "bilag 4 nr. 4")]
    [Clause(PackId, "bilag 4 (rækkefølge)")]
    public void Offer_FlexibleVacancy_OrdersHouseholdsMeetingAnyCriterionBySeniorityNotByCriterion()
    {
        var green = Department("HB-101", 0.30m);
        var vacancies = Enumerable.Range(1, 5).Select(i => Family($"HB-101-V0{i}", "HB-101")).ToList();
        var households = new[]
        {
            // Meets none of the five (no work, not 60+, no divorce, no sale): no priority, however senior.
            Since(Build.Household("H-NONE", Build.Worker("m1", Aged(45)) with { Employment = [] }) with { Divorce = Divorce.None, SoldHome = SoldHome.None }, 2005, 1, 1),
            // Nr. 1: "fast tilknytning til arbejdsmarkedet … mindst 25 timer om ugen".
            Since(Build.Household("H-WORK", Build.Worker("m1", Aged(40))) with { Divorce = Divorce.None, SoldHome = SoldHome.None }, 2018, 3, 1),
            // Nr. 4: "Seniorer hjemmehørende i Holbæk Kommune som er 60+".
            Since(Build.Household("H-SENIOR", Build.Worker("m1", Aged(66)) with { Employment = [] }) with { Divorce = Divorce.None, SoldHome = SoldHome.None }, 2016, 6, 1),
        };

        var offers = Pack.Offer(new OfferRequest([green], vacancies, households, On)).Offers;

        Assert.Equal([VacancyRoute.WaitingList, VacancyRoute.WaitingList, VacancyRoute.Municipal, VacancyRoute.WaitingList, VacancyRoute.Flexible], offers.Select(o => o.Decision.Route));
        var flexible = offers[4];
        // Nr. 4 before nr. 1 because the senior has stood longer on the list: the criteria rank equally.
        Assert.Equal(["H-SENIOR", "H-WORK"], flexible.Candidates.Select(c => c.HouseholdId));
        Assert.Equal(["holbaek-b4-4-senior", "holbaek-b4-1-work"], flexible.Candidates.Select(c => c.QualifiedBy!.RuleId));
        Assert.Equal(1, flexible.Ineligible);

        // The waiting-list vacancies go to the most senior of all, criteria or not (bilag 4's "hovedregel").
        Assert.Equal(["H-NONE", "H-SENIOR", "H-WORK"], offers[0].Candidates.Select(c => c.HouseholdId));
        Assert.Equal(("offers.waitingList", "bilag 4 (hovedregel)"), (offers[0].Order.RuleId, offers[0].Order.Clause));
    }

    [Fact]
    [Clause(PackId, "bilag 4 (hovedregel)")]
    public void Offer_WaitingListVacancy_ListsTheTopNBySeniorityAndCountsTheRest()
    {
        var green = Department("HB-101", 0.30m);
        var households = Enumerable.Range(0, 30).Select(i => Since(Build.Household($"H-{i:00}", Build.Worker("m1", Aged(30 + (i % 20)))), 2000 + (i * 7 % 25), 1 + (i % 12), 1)).ToList();

        var offer = Single(Pack.Offer(new OfferRequest([green], [Family("HB-101-V01", "HB-101")], households, On) { Top = 5 }));

        var expected = households.OrderBy(h => h.WaitingListSince).Take(5).Select(h => h.Id);
        Assert.Equal(expected, offer.Candidates.Select(c => c.HouseholdId));
        Assert.Equal(30, offer.Eligible);
    }

    #endregion

    #region Helpers

    private static Department Department(string id, decimal outsideLabourMarketShare) => Build.Department(id, outsideLabourMarketShare) with
    {
        Municipality = "Holbæk",
        Flags = [],
        FlexibleCriteria = ["holbaek-b4-1-work", "holbaek-b4-2-education", "holbaek-b4-3-divorce", "holbaek-b4-4-senior", "holbaek-b4-5-sold-home"],
    };

    private static Vacancy Family(string id, string department) => new() { Id = id, Department = department, Category = DwellingCategory.Family, Rent = 6100, Area = 74, Rooms = 3 };

    private static Household Since(Household household, int year, int month, int day) => household with { WaitingListSince = new DateOnly(year, month, day) };

    private static DateOnly Aged(int years) => On.AddYears(-years).AddMonths(-2);

    private static VacancyOffer Single(OfferResult result) => Assert.Single(result.Offers);

    #endregion
}
