using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Packs;

/// <summary>
/// Vacancy routing under the national baseline (<c>rules/dk-baseline.json</c>): without an agreement the municipality
/// may claim every 4th vacant family and youth dwelling, counted per department (almenboligloven § 59 stk. 1).
/// </summary>
public sealed class DkBaselineRoutingTests : AgreementTests<DkBaselineRoutingTests>, IAgreementPack
{
    private const string PackId = "dk-baseline";

    static string IAgreementPack.PackId => PackId;

    #region § 59 stk. 1 Hver 4. ledige familie- og ungdomsbolig

    [Fact]
    [Clause(PackId, "§ 59 stk. 1")]
    public void Route_TwelveFamilyVacancies_TheFourthEighthAndTwelfthAreMunicipal()
    {
        var (decisions, ledger) = Routing.RouteAll(Pack, Build.Department("DK-1"), Vacancies.Numbered("DK-1", DwellingCategory.Family, 12), Pack.NewLedger(), On);

        Assert.Equal([4, 8, 12], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions, d => Assert.Equal("baseline", d.Tier));
        Assert.All(decisions, d => Assert.Equal("1/4", d.MunicipalShare?.ToString()));
        Assert.Equal(new LedgerCounter("DK-1", "family", "baseline", 12, 3, 0), ledger.Find("DK-1", "family"));
        Assert.Equal(
            "baseline-family (dk-baseline § 59 stk. 1): This is vacancy no. 4 of its kind in the department, and the municipality allocates every 4th vacant dwelling: with it the municipality is due 1 allocation in all against 0 before, so the dwelling goes to municipal allocation.",
            ResultText.Line(decisions[3].Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 1")]
    [Clause(PackId, "§ 60")]
    public void Route_FamilyVacanciesWithoutAgreedFlexibleCriteria_TheOthersGoToTheWaitingList()
    {
        // The baseline agrees no flexible criteria (the flexible route is closed), whatever share the department states.
        var (decisions, ledger) = Routing.RouteAll(Pack, Build.Department("DK-1"), Vacancies.Numbered("DK-1", DwellingCategory.Family, 8), Pack.NewLedger(), On);

        Assert.Equal([1, 2, 3, 5, 6, 7], Routing.Positions(decisions, VacancyRoute.WaitingList));
        Assert.Empty(Routing.Positions(decisions, VacancyRoute.Flexible));
        Assert.Equal(0, ledger.Find("DK-1", "family")!.Flexible);
    }

    [Fact]
    [Clause(PackId, "§ 60")]
    public void Route_WaitingListVacancyWhereFlexibleLettingIsClosed_ExplainsThatFlexibleLettingIsClosed()
    {
        var (decisions, _) = Routing.RouteAll(Pack, Build.Department("DK-1"), Vacancies.Numbered("DK-1", DwellingCategory.Family, 5), Pack.NewLedger(), On);

        var fifth = decisions[4];
        Assert.Equal(VacancyRoute.WaitingList, fifth.Route);
        var line = ResultText.Line(fifth.Explanation[^1], Language.English);
        Assert.DoesNotContain("falls outside the department's flexible-letting share", line, StringComparison.Ordinal);
        Assert.Contains("No flexible-letting criteria have been agreed.", line, StringComparison.Ordinal);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 1")]
    public void Route_YouthVacanciesBetweenFamilyVacancies_AreCountedApart()
    {
        var family = Vacancies.Numbered("DK-1", DwellingCategory.Family, 4);
        var youth = Vacancies.Numbered("DK-1", DwellingCategory.Youth, 4);

        var (decisions, ledger) = Routing.RouteAll(Pack, Build.Department("DK-1"), [youth[0], family[0], youth[1], family[1], youth[2], family[2], family[3], youth[3]], Pack.NewLedger(), On);

        Assert.Equal(["DK-1-family-04", "DK-1-youth-04"], decisions.Where(d => d.Route == VacancyRoute.Municipal).Select(d => d.VacancyId));
        Assert.Equal(4, ledger.Find("DK-1", "youth")!.Counted);
        Assert.Equal(4, ledger.Find("DK-1", "family")!.Counted);
    }

    [Theory]
    [Clause(PackId, "§ 59 stk. 1")]
    [InlineData(DwellingCategory.Elderly)]
    [InlineData(DwellingCategory.Accessible)]
    public void Route_ElderlyOrAccessibleVacancy_IsOutOfScopeAndNotCounted(DwellingCategory category)
    {
        var ledger = Pack.NewLedger();

        var result = Pack.Route(new RoutingRequest(Build.Department("DK-1"), Vacancies.Of("DK-1-X01", "DK-1", category), On) { Ledger = ledger });

        Assert.Equal(VacancyRoute.OutOfScope, result.Decision.Route);
        Assert.Same(ledger, result.Ledger);
        Assert.Equal(
            "baseline-other-categories (dk-baseline § 59 stk. 1): § 59(1) covers family and youth dwellings.",
            ResultText.Line(result.Decision.Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 1")]
    public void Route_StatutoryRestrictionsPack_InheritsTheBaselineRouting()
    {
        var statutory = Repo.Pack("dk-statutory-restrictions");

        var (decisions, _) = Routing.RouteAll(statutory, Build.Department("DK-1"), Vacancies.Numbered("DK-1", DwellingCategory.Family, 8), statutory.NewLedger(), On);

        Assert.Equal([4, 8], Routing.Positions(decisions, VacancyRoute.Municipal));
    }

    #endregion
}
