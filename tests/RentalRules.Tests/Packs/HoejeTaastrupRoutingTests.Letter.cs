using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>Høje-Taastrup routing to the letter: Fonden dwellings (§ 5.4) and rent-subsidy dwellings (§ 5.3).</summary>
public sealed partial class HoejeTaastrupRoutingTests
{
    [Fact]
    [Clause(PackId, "§ 5.4")]
    public void Route_FiftySquareMetreFondenDwelling_GoesToTheMunicipalityAtEveryLetting()
    {
        // § 5.4: "har kommunen 100 % anvisningsret til de boliger, som etableres som led i ordningen … Boligarealet må
        // ikke overstige 55 m²". A 50 m² Fonden vacancy on level 1 is municipal, the first and the second time.
        var fonden = Enumerable.Range(1, 2).Select(i => Vacancies.Of($"HT-GREEN-F{i}", "HT-GREEN", DwellingCategory.Family, "fund-subsidised") with { Area = 50m });

        var (decisions, _) = Routing.RouteAll(Pack, Green(), fonden, Pack.NewLedger(), On);

        Assert.All(decisions, d => Assert.Equal(VacancyRoute.Municipal, d.Route));
        Assert.All(decisions, d => Assert.Equal("fund-subsidised", d.Counter));
        Assert.Contains(decisions[0].Explanation, x => x is { RuleId: "ht-fund-subsidised", Clause: "§ 5.4" });
    }

    [Fact]
    [Clause(PackId, "§ 5.4")]
    public void Route_FondenDwellingAbove55SquareMetresOrInAPreventionArea_IsAnOrdinaryFamilyVacancy()
    {
        // "Der kan ikke søges støtte til etablering af boliger i udsatte områder eller i forebyggelsesområder."
        var large = Vacancies.Of("HT-GREEN-F3", "HT-GREEN", DwellingCategory.Family, "fund-subsidised") with { Area = 56m };
        var prevention = Vacancies.Of("HT-PARKVEJ-F1", "HT-PARKVEJ", DwellingCategory.Family, "fund-subsidised") with { Area = 50m };

        var a = Pack.Route(new RoutingRequest(Green(), large, On) { Ledger = Pack.NewLedger() }).Decision;
        var b = Pack.Route(new RoutingRequest(Parkvej(), prevention, On) { Ledger = Pack.NewLedger() }).Decision;

        Assert.Equal("family", a.Counter);
        Assert.Equal("family", b.Counter);
    }

    [Theory]
    [Clause(PackId, "§ 5.3")]
    [InlineData(4500, true)]
    [InlineData(5000, true)]
    [InlineData(4499, false)]
    [InlineData(5001, false)]
    public void Route_RentBetween4500And5000OutsideDesignatedAreas_IsMarkedAsAPossibleRentSubsidyDwelling(int rent, bool marked)
    {
        // § 5.3: "at den anviste bolig har en husleje på mellem 4.500 og 5.000 kr. pr. md. / at den anviste bolig ikke
        // ligger i et udsat område eller et forebyggelsesområde".
        var vacancy = Vacancies.Of("HT-GREEN-R1", "HT-GREEN", DwellingCategory.Family) with { Rent = rent };
        var inPrevention = Vacancies.Of("HT-PARKVEJ-R1", "HT-PARKVEJ", DwellingCategory.Family) with { Rent = rent };

        var green = Pack.Route(new RoutingRequest(Green(), vacancy, On) { Ledger = Pack.NewLedger() }).Decision;
        var parkvej = Pack.Route(new RoutingRequest(Parkvej(), inPrevention, On) { Ledger = Pack.NewLedger() }).Decision;

        Assert.Equal(marked, green.Marks.Contains("rentSubsidy"));
        Assert.DoesNotContain("rentSubsidy", parkvej.Marks);
    }
}
