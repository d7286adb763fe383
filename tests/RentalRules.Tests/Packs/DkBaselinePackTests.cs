using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Packs;

/// <summary>
/// Almenboligloven § 59 stk. 1-2 and § 60 (<c>rules/dk-baseline.json</c>): without an agreement the municipality may
/// allocate up to every 4th vacant family and youth dwelling; agreements may set more or fewer.
/// </summary>
public sealed class DkBaselinePackTests : AgreementTests<DkBaselinePackTests>, IAgreementPack
{
    private const string PackId = "dk-baseline";

    static string IAgreementPack.PackId => PackId;

    #region § 59 stk. 1 Hver 4. ledige familie- og ungdomsbolig

    [Theory]
    [Clause(PackId, "§ 59 stk. 1")]
    [InlineData("0.05")]
    [InlineData("0.50")]
    [InlineData(null)]
    public void Place_AnyDepartment_IsTheBaselineOfEveryFourthVacancy(string? outsideLabourMarketShare)
    {
        var department = Build.Department("D-101", outsideLabourMarketShare is null ? null : decimal.Parse(outsideLabourMarketShare, System.Globalization.CultureInfo.InvariantCulture));

        var placement = Pack.Place(new PlacementRequest(department, On));

        Assert.Equal(PlacementOutcome.Placed, placement.Outcome);
        Assert.Equal("baseline", placement.Tier);
        Assert.Equal("1/4", placement.MunicipalShare?.ToString());
        var why = Assert.Single(placement.Explanation);
        Assert.Equal("baseline-every-4th", why.RuleId);
        Assert.Equal("§ 59 stk. 1", why.Clause);
        Assert.Equal(PackId, why.Source);
        Assert.Empty(placement.Warnings);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 1")]
    public void Place_DepartmentWithNoFactsAtAll_IsStillTheBaseline()
    {
        var placement = Pack.Place(new PlacementRequest(new Department { Id = "D-102" }, On));

        Assert.Equal("baseline", placement.Tier);
        Assert.Equal("1/4", placement.MunicipalShare?.ToString());
        Assert.Equal(
            "baseline-every-4th (dk-baseline § 59 stk. 1): Without an agreement the municipality may allocate every 4th vacant family and youth dwelling.",
            ResultText.Line(placement.Explanation[0], Language.English));
        Assert.Equal(
            "baseline-every-4th (dk-baseline § 59 stk. 1): Uden aftale kan kommunen anvise hver 4. ledige familie- og ungdomsbolig.",
            ResultText.Line(placement.Explanation[0], Language.Danish));
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 1")]
    public void Check_MunicipalRoute_HasNoCriteria()
    {
        var result = Pack.Check(new EligibilityRequest(Build.Department("D-103"), Household("case-001"), LettingRoute.Municipal, On));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Empty(result.Criteria);
        Assert.Equal("baseline.municipal", result.Explanation[^1].RuleId);
        Assert.Equal("§ 59 stk. 1", result.Explanation[^1].Clause);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 1")]
    public void Check_WaitingList_LetsBySeniorityWithoutCriteria()
    {
        var result = Pack.Check(new EligibilityRequest(Build.Department("D-104"), Household("case-002"), LettingRoute.WaitingList, On));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal(
            "baseline.waitingList (dk-baseline § 59 stk. 1): Dwellings not allocated by the municipality are let from the waiting list by seniority.",
            ResultText.Line(result.Explanation[^1], Language.English));
    }

    #endregion

    #region § 59 stk. 2 Flere eller færre boliger efter aftale

    [Fact]
    [Clause(PackId, "§ 59 stk. 2")]
    public void AgreementPack_ReplacesTheBaselineWithItsOwnShares()
    {
        var holbaek = Repo.Pack("holbaek-2024");

        Assert.Equal(["baseline"], Pack.Tiers);
        Assert.DoesNotContain("baseline", holbaek.Tiers);
        Assert.Equal("1/3", holbaek.Place(new PlacementRequest(Build.Department("HB-101", 0.30m), On)).MunicipalShare?.ToString());
        Assert.Equal("1/8", holbaek.Place(new PlacementRequest(Build.Department("HB-105", null), On)).MunicipalShare?.ToString());
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 1")]
    public void StatutoryRestrictionsPack_KeepsTheBaselineTiers()
    {
        var statutory = Repo.Pack("dk-statutory-restrictions");

        Assert.Equal(["dk-baseline"], statutory.Extends);
        Assert.Equal(["baseline"], statutory.Tiers);
        Assert.Equal("1/4", statutory.Place(new PlacementRequest(Build.Department("D-105"), On)).MunicipalShare?.ToString());
    }

    #endregion

    #region § 60 Fleksibel udlejning efter aftale

    [Fact]
    [Clause(PackId, "§ 60")]
    public void Place_FlexibleLetting_IsByAgreement()
    {
        var placement = Pack.Place(new PlacementRequest(Build.Department("D-106") with { FlexibleLettingShare = 0.25m }, On));

        Assert.Equal("agreed", placement.FlexibleLetting?.Rule);
        Assert.Equal("§ 60", placement.FlexibleLetting?.Clause);
        Assert.Equal("1/4", placement.FlexibleLetting?.Share?.ToString());
    }

    [Fact]
    [Clause(PackId, "§ 60")]
    public void Check_FlexibleRouteWithoutAgreedCriteria_IsClosed()
    {
        var result = Pack.Check(new EligibilityRequest(Build.Department("D-107"), Household("case-003"), LettingRoute.Flexible, On));

        Assert.False(result.Placement.Routes[LettingRoute.Flexible].Open);
        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.Equal(
            "baseline.flexible (dk-baseline § 60): No flexible-letting criteria have been agreed.",
            ResultText.Line(result.Explanation[^1], Language.English));
        Assert.Equal(
            "baseline.flexible (dk-baseline § 60): Der er ikke aftalt kriterier for fleksibel udlejning.",
            ResultText.Line(result.Explanation[^1], Language.Danish));
    }

    #endregion

    private static Household Household(string id) => Build.Household(id, Build.Worker("m1", new DateOnly(1985, 1, 1)));
}
