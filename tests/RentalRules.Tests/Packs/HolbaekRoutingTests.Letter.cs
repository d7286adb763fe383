using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>Holbæk routing to the letter: rehousing dispensations (§ 2) and the rent-subsidy dwellings (§ 9.3).</summary>
public sealed partial class HolbaekRoutingTests
{
    [Fact]
    [Clause(PackId, "§ 2")]
    public void Route_GreenDepartmentWithARehousingDispensation_IsClosedAndCountsNothing()
    {
        // § 2: "Aftaler om dispensationer i forbindelse med genhusning, gælder fortsat": the department is not placed
        // green as if it let normally.
        var department = Green("HB-REHOUSING") with { Rehousing = true };

        var (decisions, ledger) = Routing.RouteAll(Pack, department, Vacancies.Numbered("HB-REHOUSING", DwellingCategory.Family, 3), Pack.NewLedger(), On);

        Assert.All(decisions, d => Assert.Equal(VacancyRoute.Closed, d.Route));
        Assert.All(decisions, d => Assert.Equal("rehousing", d.Tier));
        Assert.Null(ledger.Find("HB-REHOUSING", "family"));
    }

    [Theory]
    [Clause(PackId, "§ 9.3")]
    [InlineData(4500, true)]
    [InlineData(6000, true)]
    [InlineData(6001, false)]
    public void Route_RentSubsidyDwelling_IsMarkedWithTheCapOf20(int rent, bool marked)
    {
        // § 9.3: "tilsagn til midlertidig nedsættelse af huslejen for i alt 20 almene familieboliger … husleje (ekskl.
        // forbrug på mellem 4.500-6.000 kr.)".
        var vacancy = Vacancies.Of("HB-101-S1", "HB-101", DwellingCategory.Family, "rent-subsidy") with { Rent = rent };

        var decision = Pack.Route(new RoutingRequest(Green("HB-101"), vacancy, On) { Ledger = Pack.NewLedger() }).Decision;

        Assert.Equal(marked, decision.Marks.Contains("rentSubsidy"));
        if (marked)
        {
            Assert.Contains(decision.Explanation, x => x.RuleId == "rentSubsidy" && x.Reason.Da.Contains("højst 20 boliger i alt", StringComparison.Ordinal));
        }
    }
}
