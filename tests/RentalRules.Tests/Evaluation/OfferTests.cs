using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Evaluation;

/// <summary><c>RulePack.Offer</c>: the statutory order, an agreement's own order, and bad input.</summary>
public sealed class OfferTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    private static RulePack Baseline => Repo.Pack("dk-baseline");

    // The statutory baseline: "Som hovedregel udlejes almene boliger efter en venteliste, hvor anciennitet er afgørende
    // for ansøgers placering på listen" (KL/BL 2010); § 59 stk. 1: the municipality allocates every 4th.
    [Fact]
    [Clause("dk-baseline", "venteliste")]
    [Clause("dk-baseline", "§ 59 stk. 1")]
    public void Offer_Baseline_WaitingListBySeniorityAndTheFourthToTheMunicipalitysCandidatesInItsOrder()
    {
        var vacancies = Enumerable.Range(1, 4).Select(i => new Vacancy { Id = $"V-{i}", Department = "D-1", Category = DwellingCategory.Family }).ToList();
        vacancies[3] = vacancies[3] with { Candidates = ["H-LATE", "H-EARLY"] };
        var households = new[] { Household("H-LATE", 2020), Household("H-EARLY", 2011), Household("H-MID", 2015) };

        var offers = Baseline.Offer(new OfferRequest([Build.Department()], vacancies, households, On)).Offers;

        Assert.Equal(["H-EARLY", "H-MID", "H-LATE"], offers[0].Candidates.Select(c => c.HouseholdId));
        Assert.Equal(("offers.waitingList", "venteliste"), (offers[0].Order.RuleId, offers[0].Order.Clause));
        Assert.Equal(VacancyRoute.Municipal, offers[3].Decision.Route);
        // The municipality's order, not seniority; the household it did not nominate is not drawn at all.
        Assert.Equal(["H-LATE", "H-EARLY"], offers[3].Candidates.Select(c => c.HouseholdId));
        Assert.Equal(2, offers[3].Considered);
    }

    [Fact]
    public void Offer_MunicipalVacancyWithoutCandidates_ListsNobodyAndSaysSoInTheCounts()
    {
        var vacancies = Enumerable.Range(1, 4).Select(i => new Vacancy { Id = $"V-{i}", Department = "D-1", Category = DwellingCategory.Family }).ToList();

        var offer = Baseline.Offer(new OfferRequest([Build.Department()], vacancies, [Household("H-1", 2011)], On)).Offers[3];

        Assert.Equal(VacancyRoute.Municipal, offer.Decision.Route);
        Assert.Empty(offer.Candidates);
        Assert.Equal(0, offer.Considered);
    }

    [Fact]
    public void Offer_SameHouseholdIdTwice_ThrowsNamingThePositionNotTheId()
    {
        var households = new[] { Household("CASE-4711", 2011), Household("CASE-4711", 2012) };

        var ex = Assert.Throws<ArgumentException>(() => Baseline.Offer(new OfferRequest([Build.Department()], [Family("V-1")], households, On)));

        Assert.Contains("position 1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CASE-4711", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_VacancyOfAnUnknownDepartment_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Baseline.Offer(new OfferRequest([Build.Department()], [Family("V-1") with { Department = "D-9" }], [], On)));

        Assert.Contains("vacancy at position 0 names a department that is not among the departments", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_DecisionsGiven_FollowsThemWithoutRouting()
    {
        var routed = Baseline.Route(new RoutingRequest(Build.Department(), Family("V-1"), On) { Ledger = Baseline.NewLedger() }).Decision with { Route = VacancyRoute.Closed };

        var offer = Assert.Single(Baseline.Offer(new OfferRequest([Build.Department()], [Family("V-1")], [Household("H-1", 2011)], On) { Decisions = [routed] }).Offers);

        Assert.Null(offer.Route);
        Assert.Empty(offer.Candidates);
        Assert.Contains("closed", offer.Order.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_OrderByCriterionRank_PutsTheHigherRankedCriterionFirstThenSeniority()
    {
        // A draft of Holbæk that ranks appendix 4's criteria (what "sidestillet" rules out, but another agreement may state).
        using var folder = new DraftFolder("""
            {
              "id": "holbaek-2024-ranked", "version": "0.1.0", "title": "Holbæk draft: work before seniors", "status": "draft",
              "extends": ["holbaek-2024"],
              "offers": { "flexible": { "order": [ { "by": "criterion", "rank": ["holbaek-b4-1-work", "holbaek-b4-4-senior"] }, { "by": "waitingListSince" } ] } }
            }
            """, "holbaek-2024-ranked.json");
        var pack = RulePackLoader.Load(folder.DraftPath).GetValueOrThrow();
        var green = Build.Department("HB-101", 0.30m) with { Municipality = "Holbæk", FlexibleCriteria = ["holbaek-b4-1-work", "holbaek-b4-4-senior"] };
        var vacancies = Enumerable.Range(1, 5).Select(i => Family($"V-{i}") with { Department = "HB-101" }).ToList();
        var senior = Household("H-SENIOR", 2010) with { Members = [Build.Worker("m1", On.AddYears(-66)) with { Employment = [] }] };
        var worker = Household("H-WORK", 2018) with { Members = [Build.Worker("m1", On.AddYears(-40))] };

        var flexible = pack.Offer(new OfferRequest([green], vacancies, [senior, worker], On)).Offers[4];

        Assert.Equal(VacancyRoute.Flexible, flexible.Decision.Route);
        Assert.Equal(["H-WORK", "H-SENIOR"], flexible.Candidates.Select(c => c.HouseholdId));
    }

    [Theory]
    [InlineData("""{ "by": "criterion" }""", "An order by criterion needs \"rank\"")]
    [InlineData("""{ "by": "criterion", "rank": ["holbaek-b4-9"] }""", "There is no criterion or criteria set 'holbaek-b4-9' in this pack.")]
    [InlineData("""{ "by": "candidates" }""", "orders by the candidate list but draws from the waiting list")]
    [InlineData("""{ "by": "age" }""", "'age' is not allowed here.")]
    public void Load_BadOrderKey_IsALocatedError(string key, string message)
    {
        using var folder = new DraftFolder($$"""
            {
              "id": "holbaek-2024-bad-order", "version": "0.1.0", "title": "bad", "status": "draft", "extends": ["holbaek-2024"],
              "offers": { "flexible": { "order": [ {{key}} ] } }
            }
            """, "holbaek-2024-bad-order.json");

        var result = RulePackLoader.Load(folder.DraftPath);

        Assert.Null(result.Value);
        var error = Assert.Single(result.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(System.IO.Path.GetFileName(folder.DraftPath), System.IO.Path.GetFileName(error.Location.File));
        Assert.Equal(3, error.Location.Line);
    }

    private static Vacancy Family(string id) => new() { Id = id, Department = "D-1", Category = DwellingCategory.Family };

    private static Household Household(string id, int since) => Build.Household(id, Build.Worker("m1", On.AddYears(-40))) with { WaitingListSince = new DateOnly(since, 1, 1) };
}
