using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Packs;

/// <summary>
/// Vacancy routing under the Holbæk framework agreement 2024-2027 (<c>rules/holbaek-2024.json</c>), clause by clause:
/// each case is a concrete department and a concrete sequence of vacancies with the route the agreement gives each.
/// </summary>
public sealed partial class HolbaekRoutingTests : AgreementTests<HolbaekRoutingTests>, IAgreementPack
{
    private const string PackId = "holbaek-2024";

    static string IAgreementPack.PackId => PackId;

    #region § 6 Fordelingsnøglen: hver 3., hver 6., ingen, hver 8.

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Route_SevenFamilyVacanciesInAGreenDepartment_TheThirdAndSixthAreMunicipal()
    {
        var (decisions, ledger) = Routing.RouteAll(Pack, Green("HB-101"), Vacancies.Numbered("HB-101", DwellingCategory.Family, 7), Pack.NewLedger(), On);

        Assert.Equal([3, 6], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions, d => Assert.Equal("green", d.Tier));
        Assert.All(decisions, d => Assert.Equal("family", d.Counter));
        Assert.All(decisions, d => Assert.Equal("1/3", d.MunicipalShare?.ToString()));
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], decisions.Select(d => d.Count!.Value));
        Assert.All(decisions, d => Assert.False(d.SpecialCriteria));
        Assert.Equal(new LedgerCounter("HB-101", "family", "green", 7, 2, 1), ledger.Find("HB-101", "family"));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Route_TwelveFamilyVacanciesInAYellowDepartment_TheSixthAndTwelfthAreMunicipal()
    {
        var (decisions, ledger) = Routing.RouteAll(Pack, Yellow("HB-102"), Vacancies.Numbered("HB-102", DwellingCategory.Family, 12), Pack.NewLedger(), On);

        Assert.Equal([6, 12], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions, d => Assert.Equal("yellow", d.Tier));
        Assert.All(decisions, d => Assert.Equal("1/6", d.MunicipalShare?.ToString()));
        Assert.Equal(2, ledger.Find("HB-102", "family")!.Municipal);
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Route_YellowDepartmentWithParticularProblems_MunicipalAllocationsAreUnderTheTightenedCriteria()
    {
        var department = Yellow("HB-103") with { Flags = ["particularProblems"] };

        var (decisions, _) = Routing.RouteAll(Pack, department, Vacancies.Numbered("HB-103", DwellingCategory.Family, 6), Pack.NewLedger(), On);

        var sixth = decisions[5];
        Assert.Equal(VacancyRoute.Municipal, sixth.Route);
        Assert.Equal("holbaek-tightened", sixth.CriteriaSet);
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Route_YellowDepartmentWithoutParticularProblems_MunicipalAllocationHasNoCriteriaSet()
    {
        var (decisions, _) = Routing.RouteAll(Pack, Yellow("HB-102"), Vacancies.Numbered("HB-102", DwellingCategory.Family, 6), Pack.NewLedger(), On);

        Assert.Equal(VacancyRoute.Municipal, decisions[5].Route);
        Assert.Null(decisions[5].CriteriaSet);
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Route_TwentyFamilyVacanciesInARedDepartment_NoneIsMunicipalAndAllAreLetFlexiblyUnderTheTightenedCriteria()
    {
        var (decisions, ledger) = Routing.RouteAll(Pack, Red("HB-104"), Vacancies.Numbered("HB-104", DwellingCategory.Family, 20), Pack.NewLedger(), On);

        Assert.All(decisions, d => Assert.Equal(VacancyRoute.Flexible, d.Route));
        Assert.All(decisions, d => Assert.Equal("holbaek-tightened", d.CriteriaSet));
        Assert.All(decisions, d => Assert.Equal("0", d.MunicipalShare?.ToString()));
        Assert.Equal(new LedgerCounter("HB-104", "family", "red", 20, 0, 20), ledger.Find("HB-104", "family"));
        Assert.Equal(
            "red.flexibleLetting (holbaek-2024 § 6): Red: every letting outside municipal allocation is flexible.",
            ResultText.Line(decisions[0].Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Route_SixteenFamilyVacanciesInAnUncolouredDepartment_TheEighthAndSixteenthAreMunicipal()
    {
        var (decisions, _) = Routing.RouteAll(Pack, Uncoloured("HB-105"), Vacancies.Numbered("HB-105", DwellingCategory.Family, 16), Pack.NewLedger(), On);

        Assert.Equal([8, 16], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions, d => Assert.Equal("uncoloured", d.Tier));
        Assert.All(decisions, d => Assert.Equal("1/8", d.MunicipalShare?.ToString()));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Route_ThirdGreenFamilyVacancy_ExplainsTheCountWordForWord()
    {
        var (decisions, _) = Routing.RouteAll(Pack, Green("HB-101"), Vacancies.Numbered("HB-101", DwellingCategory.Family, 3), Pack.NewLedger(), On);

        var third = decisions[2];
        Assert.Equal(
            [
                "holbaek-green (holbaek-2024 § 6): At most 30 % of residents aged 18-64 are without attachment to the labour market (green): every 3rd vacant dwelling is offered for municipal allocation.",
                "holbaek-family (holbaek-2024 § 6): Vacant family dwellings are counted per department by the department's colour.",
                "holbaek-family (holbaek-2024 § 6): This is vacancy no. 3 of its kind in the department, and the municipality allocates every 3rd vacant dwelling: with it the municipality is due 1 allocation in all against 0 before, so the dwelling goes to municipal allocation.",
            ],
            third.Explanation.Select(x => ResultText.Line(x, Language.English)));
        Assert.Equal(
            "holbaek-family (holbaek-2024 § 6): Dette er ledig bolig nr. 3 af denne slags i afdelingen, og kommunen anviser hver 3. ledige bolig: med den har kommunen krav på 1 anvisning i alt mod 0 før, så boligen går til kommunal anvisning.",
            ResultText.Line(third.Explanation[2], Language.Danish));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Route_FourthGreenFamilyVacancy_ExplainsWhyItIsNotMunicipalWordForWord()
    {
        var (decisions, _) = Routing.RouteAll(Pack, Green("HB-101"), Vacancies.Numbered("HB-101", DwellingCategory.Family, 4), Pack.NewLedger(), On);

        var fourth = decisions[3];
        Assert.Equal(VacancyRoute.WaitingList, fourth.Route);
        Assert.Equal(
            "holbaek-family (holbaek-2024 § 6): This is vacancy no. 4 of its kind in the department, and the municipality allocates every 3rd vacant dwelling: with it the municipality is due 1 allocation in all against 1 before, so the dwelling does not go to municipal allocation.",
            ResultText.Line(fourth.Explanation[2], Language.English));
        Assert.Equal(
            "holbaek-family (holbaek-2024 § 6): Dette er ledig bolig nr. 4 af denne slags i afdelingen, og kommunen anviser hver 3. ledige bolig: med den har kommunen krav på 1 anvisning i alt mod 1 før, så boligen går ikke til kommunal anvisning.",
            ResultText.Line(fourth.Explanation[2], Language.Danish));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Route_TwoGreenDepartmentsInterleaved_EachCountsItsOwnVacancies()
    {
        var departments = new Dictionary<string, Department>(StringComparer.Ordinal) { ["HB-101"] = Green("HB-101"), ["HB-106"] = Green("HB-106") };
        var a = Vacancies.Numbered("HB-101", DwellingCategory.Family, 3);
        var b = Vacancies.Numbered("HB-106", DwellingCategory.Family, 3);

        var (decisions, _) = Routing.RouteAll(Pack, departments, [a[0], b[0], a[1], b[1], b[2], a[2]], Pack.NewLedger(), On);

        Assert.Equal(["HB-106-family-03", "HB-101-family-03"], decisions.Where(d => d.Route == VacancyRoute.Municipal).Select(d => d.VacancyId));
    }

    #endregion

    #region § 7 Fleksibel udlejning efter individuel aftale

    [Fact]
    [Clause(PackId, "§ 7")]
    public void Route_GreenDepartmentWithAQuarterFlexible_EveryFourthNonMunicipalVacancyIsFlexible()
    {
        // flexibleLettingShare 0.25: of the non-municipal vacancies (1, 2, 4, 5, 7, 8, 10, 11) the 4th and 8th are flexible.
        var (decisions, ledger) = Routing.RouteAll(Pack, Green("HB-101"), Vacancies.Numbered("HB-101", DwellingCategory.Family, 12), Pack.NewLedger(), On);

        Assert.Equal([3, 6, 9, 12], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal([5, 11], Routing.Positions(decisions, VacancyRoute.Flexible));
        Assert.Equal([1, 2, 4, 7, 8, 10], Routing.Positions(decisions, VacancyRoute.WaitingList));
        Assert.All(decisions.Where(d => d.Route == VacancyRoute.Flexible), d => Assert.Equal("holbaek-flexible", d.CriteriaSet));
        Assert.Equal(new LedgerCounter("HB-101", "family", "green", 12, 4, 2), ledger.Find("HB-101", "family"));
        Assert.Equal(
            "green.flexibleLetting (holbaek-2024 § 7): The dwelling falls within the department's flexible-letting share (1/4).",
            ResultText.Line(decisions[4].Explanation[^1], Language.English));
        Assert.Equal(
            "green.flexibleLetting (holbaek-2024 § 7): The dwelling falls outside the department's flexible-letting share (1/4) and is let from the waiting list.",
            ResultText.Line(decisions[3].Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 7")]
    public void Route_GreenDepartmentWithoutAnAgreedFlexibleShare_LetsEveryNonMunicipalVacancyFromTheWaitingList()
    {
        var department = Green("HB-107") with { FlexibleLettingShare = null };

        var (decisions, ledger) = Routing.RouteAll(Pack, department, Vacancies.Numbered("HB-107", DwellingCategory.Family, 8), Pack.NewLedger(), On);

        Assert.Equal([3, 6], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal([1, 2, 4, 5, 7, 8], Routing.Positions(decisions, VacancyRoute.WaitingList));
        Assert.Equal(0, ledger.Find("HB-107", "family")!.Flexible);
        Assert.Equal(
            "green.flexibleLetting (holbaek-2024 § 7): The department has no stated flexible-letting share: the dwelling is let from the waiting list.",
            ResultText.Line(decisions[0].Explanation[^1], Language.English));
        Assert.Equal(
            "green.flexibleLetting (holbaek-2024 § 7): Afdelingen har ingen oplyst andel til fleksibel udlejning: boligen udlejes efter ventelisten.",
            ResultText.Line(decisions[0].Explanation[^1], Language.Danish));
    }

    #endregion

    #region § 3 Aftalegrundlag: ældre-/plejeboliger 100 %, ungdomsboliger undtaget

    [Fact]
    [Clause(PackId, "§ 3")]
    public void Route_FiveElderlyVacancies_AllAreMunicipal()
    {
        var (decisions, ledger) = Routing.RouteAll(Pack, Green("HB-108"), Vacancies.Numbered("HB-108", DwellingCategory.Elderly, 5), Pack.NewLedger(), On);

        Assert.All(decisions, d => Assert.Equal(VacancyRoute.Municipal, d.Route));
        Assert.All(decisions, d => Assert.Equal("elderly", d.Counter));
        Assert.All(decisions, d => Assert.Equal("1", d.MunicipalShare?.ToString()));
        Assert.Equal(new LedgerCounter("HB-108", "elderly", "green", 5, 5, 0), ledger.Find("HB-108", "elderly"));
        Assert.Null(ledger.Find("HB-108", "family"));
        Assert.Equal(
            "holbaek-elderly (holbaek-2024 § 3): Holbæk Municipality allocates 100 per cent of elderly/care dwellings.",
            ResultText.Line(decisions[0].Explanation[1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 3")]
    public void Route_ElderlyVacancyInARedDepartment_IsStillMunicipal()
    {
        // § 3 gives the municipality 100 % of elderly/care dwellings; the red exemption of § 6 is about family dwellings.
        var result = Pack.Route(new RoutingRequest(Red("HB-104"), Vacancies.Of("HB-104-E01", "HB-104", DwellingCategory.Elderly), On) { Ledger = Pack.NewLedger() });

        Assert.Equal(VacancyRoute.Municipal, result.Decision.Route);
        Assert.Equal("red", result.Decision.Tier);
    }

    [Fact]
    [Clause(PackId, "§ 3")]
    public void Route_YouthVacancy_IsOutOfScopeAndNotCounted()
    {
        var ledger = Pack.NewLedger();

        var result = Pack.Route(new RoutingRequest(Uncoloured("HB-105"), Vacancies.Of("HB-105-Y01", "HB-105", DwellingCategory.Youth), On) { Ledger = ledger });

        Assert.Equal(VacancyRoute.OutOfScope, result.Decision.Route);
        Assert.Null(result.Decision.Counter);
        Assert.Null(result.Decision.Count);
        Assert.Same(ledger, result.Ledger);
        Assert.Equal(0, result.Ledger.ChangeCounter);
        var why = result.Decision.Explanation[^1];
        Assert.Equal("holbaek-youth-out-of-scope", why.RuleId);
        Assert.Equal("§ 3", why.Clause);
        Assert.Equal(
            "holbaek-youth-out-of-scope (holbaek-2024 § 3): Youth dwellings in Holbæk Municipality are excluded from the framework agreement.",
            ResultText.Line(why, Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 3")]
    public void Route_YouthVacanciesBetweenFamilyVacancies_DoNotShiftTheFamilyCount()
    {
        var family = Vacancies.Numbered("HB-101", DwellingCategory.Family, 3);
        var youth = Vacancies.Numbered("HB-101", DwellingCategory.Youth, 2);

        var (decisions, _) = Routing.RouteAll(Pack, Green("HB-101"), [family[0], youth[0], family[1], youth[1], family[2]], Pack.NewLedger(), On);

        Assert.Equal([5], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal([2, 4], Routing.Positions(decisions, VacancyRoute.OutOfScope));
    }

    #endregion

    #region § 5 Særligt tilgængelighedsegnede boliger: 90 med 100 %, 42 med hver anden

    [Fact]
    [Clause(PackId, "§ 5")]
    public void Route_FourAccessibleFullVacancies_AllAreMunicipal()
    {
        var (decisions, ledger) = Routing.RouteAll(Pack, Yellow("HB-103"), Vacancies.Numbered("HB-103", DwellingCategory.Accessible, 4, "accessible-full"), Pack.NewLedger(), On);

        Assert.All(decisions, d => Assert.Equal(VacancyRoute.Municipal, d.Route));
        Assert.All(decisions, d => Assert.Equal("accessible-full", d.Counter));
        Assert.Equal(new LedgerCounter("HB-103", "accessible-full", "yellow", 4, 4, 0), ledger.Find("HB-103", "accessible-full"));
    }

    [Fact]
    [Clause(PackId, "§ 5")]
    public void Route_SixAccessibleHalfVacancies_EverySecondIsMunicipal()
    {
        var (decisions, ledger) = Routing.RouteAll(Pack, Yellow("HB-103"), Vacancies.Numbered("HB-103", DwellingCategory.Accessible, 6, "accessible-half"), Pack.NewLedger(), On);

        Assert.Equal([2, 4, 6], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions, d => Assert.Equal("1/2", d.MunicipalShare?.ToString()));
        Assert.Equal(3, ledger.Find("HB-103", "accessible-half")!.Municipal);
        Assert.Equal(
            "holbaek-accessible-half (holbaek-2024 § 5): One of the 42 accessible dwellings where the municipality allocates every second vacancy (appendix 2).",
            ResultText.Line(decisions[0].Explanation[1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 5")]
    public void Route_AccessibleHalfVacanciesBetweenFamilyVacancies_AreCountedApart()
    {
        // § 5: section 6 (the colour key) does not apply to the accessible dwellings, so they have their own count.
        var family = Vacancies.Numbered("HB-101", DwellingCategory.Family, 3);
        var half = Vacancies.Numbered("HB-101", DwellingCategory.Accessible, 2, "accessible-half");

        var (decisions, ledger) = Routing.RouteAll(Pack, Green("HB-101"), [half[0], family[0], family[1], half[1], family[2]], Pack.NewLedger(), On);

        Assert.Equal([4, 5], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal(3, ledger.Find("HB-101", "family")!.Counted);
        Assert.Equal(2, ledger.Find("HB-101", "accessible-half")!.Counted);
    }

    [Fact]
    [Clause(PackId, "§ 5")]
    public void Route_AccessibleFullVacancyInARedDepartment_IsMunicipal()
    {
        // § 5: "Afsnit 6 … finder således ikke anvendelse på denne type boliger": the red exemption does not reach them.
        var result = Pack.Route(new RoutingRequest(Red("HB-104"), Vacancies.Of("HB-104-A01", "HB-104", DwellingCategory.Accessible, "accessible-full"), On) { Ledger = Pack.NewLedger() });

        Assert.Equal(VacancyRoute.Municipal, result.Decision.Route);
    }

    [Fact]
    [Clause(PackId, "§ 5")]
    public void Route_AccessibleVacancyWithoutProgramme_IsUndeterminedNamingTheProgrammeAndLeavesTheLedgerUnchanged()
    {
        var before = Routing.RouteAll(Pack, Green("HB-101"), Vacancies.Numbered("HB-101", DwellingCategory.Family, 2), Pack.NewLedger(), On).Ledger;

        var result = Pack.Route(new RoutingRequest(Green("HB-101"), Vacancies.Of("HB-101-A01", "HB-101", DwellingCategory.Accessible), On) { Ledger = before });

        Assert.Equal(VacancyRoute.Undetermined, result.Decision.Route);
        Assert.Equal(["vacancy.programme"], result.Decision.Missing);
        Assert.Null(result.Decision.Count);
        Assert.Same(before, result.Ledger);
        Assert.Equal(2, result.Ledger.ChangeCounter);
        Assert.Equal(before.ToJson(), result.Ledger.ToJson());
        Assert.Equal(
            "holbaek-accessible-full (holbaek-2024 § 5): The rule cannot be decided because it needs facts that are missing (vacancy.programme); nothing was counted.",
            ResultText.Line(result.Decision.Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 5")]
    [Clause(PackId, "§ 8.2")]
    public void Route_AccessibleHalfCounterAcrossAColourChange_KeepsCountingEverySecond()
    {
        var half = Vacancies.Numbered("HB-103", DwellingCategory.Accessible, 2, "accessible-half");
        var first = Pack.Route(new RoutingRequest(Green("HB-103"), half[0], On) { Ledger = Pack.NewLedger() });

        var second = Pack.Route(new RoutingRequest(Yellow("HB-103"), half[1], On) { Ledger = first.Ledger });

        Assert.Equal(VacancyRoute.WaitingList, first.Decision.Route);
        Assert.Equal(2, second.Decision.Count);
        Assert.Equal(VacancyRoute.Municipal, second.Decision.Route);
    }

    #endregion

    #region § 8.2 Bilag 1 genforhandles hvert år i marts: ny farve, tællingen fortsætter

    // § 8.2: "Derudover genforhandles bilag 1 hvert år på mødet i marts"; § 6: grøn "hver 3. ledige bolig", gul "hver 6.
    // ledige bolig", rød "friholdes". A new colour changes the share from the renegotiation on; it does not take back
    // what the vacancies before it gave the municipality: the count's progress carries over.

    [Fact]
    [Clause(PackId, "§ 8.2")]
    public void Route_GreenDepartmentBecomesYellowAfterTwoVacancies_TheProgressCarriesAndTheSecondUnderYellowIsMunicipal()
    {
        // Two green vacancies: due 2/3, none yet. Yellow: 2/3 + 1/6 = 5/6, then 1: the second vacancy under yellow.
        var (asGreen, ledger) = Routing.RouteAll(Pack, Green("HB-110"), Vacancies.Numbered("HB-110", DwellingCategory.Family, 2), Pack.NewLedger(), On);

        var (asYellow, after) = Routing.RouteAll(Pack, Yellow("HB-110"), Vacancies.Numbered("HB-110", DwellingCategory.Family, 6, first: 3), ledger, new DateOnly(2026, 3, 15));

        Assert.Empty(Routing.Positions(asGreen, VacancyRoute.Municipal));
        Assert.Equal([2], Routing.Positions(asYellow, VacancyRoute.Municipal));
        Assert.Equal([3L, 4, 5, 6, 7, 8], asYellow.Select(d => d.Count!.Value));
        var counter = after.Find("HB-110", "family")!;
        Assert.Equal(("yellow", 8L, 1L), (counter.Tier, counter.Counted, counter.Municipal));
        Assert.Equal("5/3", counter.Due?.ToString());
        var change = Assert.Single(asYellow[0].Explanation, x => x.RuleId == "routing.onTierChange");
        Assert.Equal("§ 8.2", change.Clause);
        Assert.Equal(PackId, change.Source);
        Assert.Equal(
            "routing.onTierChange (holbaek-2024 § 8.2): The department's placement has changed from Green to Yellow under the placement rules of § 6. "
            + "The municipality is due 2/3 allocations of this kind of dwelling and has had 0; counting goes on with the new share (every 6th vacant dwelling), so nothing is lost. "
            + "The agreement's rule for a change: Appendix 1 is renegotiated every year (§ 8.2), and the department's colour has changed: counting goes on with the new colour's share.",
            ResultText.Line(change, Language.English));
        Assert.Equal(
            "routing.onTierChange (holbaek-2024 § 8.2): Afdelingens placering er skiftet fra Grøn til Gul efter placeringsreglerne i § 6. "
            + "Kommunen har til gode 2/3 anvisninger af denne slags boliger og har fået 0; tællingen fortsætter med den nye andel (hver 6. ledige bolig), så intet går tabt. "
            + "Aftalens regel ved skift: Bilag 1 genforhandles hvert år (§ 8.2), og afdelingens farve er ændret: tællingen fortsætter med den nye farves andel.",
            ResultText.Line(change, Language.Danish));
        Assert.Equal(
            "holbaek-family (holbaek-2024 § 6): This is vacancy no. 4 of its kind in the department, and the municipality allocates every 6th vacant dwelling: what it is due, carried over from the department's earlier placement, rises from 5/6 to 1 allocations; it is due 1 in all and has had 0, so the dwelling goes to municipal allocation.",
            ResultText.Line(asYellow[1].Explanation.Single(x => x.RuleId == "holbaek-family" && x.Reason.En.StartsWith("This is vacancy", StringComparison.Ordinal)), Language.English));
        Assert.All(asYellow.Skip(1), d => Assert.DoesNotContain(d.Explanation, x => x.RuleId == "routing.onTierChange"));
    }

    [Fact]
    [Clause(PackId, "§ 8.2")]
    public void Route_GreenDepartmentBecomesRedAndThenGreenAgain_RedAddsNothingAndGreenPicksUpWhereItWas()
    {
        // Green 1/3 + 1/3, red 0 + 0, green again: 1 on the first vacancy.
        var (_, ledger) = Routing.RouteAll(Pack, Green("HB-111"), Vacancies.Numbered("HB-111", DwellingCategory.Family, 2), Pack.NewLedger(), On);
        var (asRed, ledger2) = Routing.RouteAll(Pack, Red("HB-111"), Vacancies.Numbered("HB-111", DwellingCategory.Family, 2, first: 3), ledger, On);

        var (greenAgain, _) = Routing.RouteAll(Pack, Green("HB-111"), Vacancies.Numbered("HB-111", DwellingCategory.Family, 3, first: 5), ledger2, On);

        Assert.All(asRed, d => Assert.Equal(VacancyRoute.Flexible, d.Route));
        Assert.Equal([1], Routing.Positions(greenAgain, VacancyRoute.Municipal));
        Assert.Contains(greenAgain[0].Explanation, x => x.RuleId == "routing.onTierChange" && x.Clause == "§ 8.2");
    }

    [Fact]
    [Clause(PackId, "§ 8.2")]
    public void Route_DepartmentFlippingGreenAndYellowWithTwoFiveTwoFiveVacancies_GetsThreeOfFourteenNotNone()
    {
        // The case of issue 11: green 2, yellow 5, green 2, yellow 5. Due 2·1/3 + 5·1/6 + 2·1/3 + 5·1/6 = 3.
        // Counting again at each renegotiation gave 0 of 14.
        var ledger = Pack.NewLedger();
        var allocations = new List<int>();
        var n = 0;
        foreach (var (department, count) in new[] { (Green("HB-112"), 2), (Yellow("HB-112"), 5), (Green("HB-112"), 2), (Yellow("HB-112"), 5) })
        {
            var (decisions, next) = Routing.RouteAll(Pack, department, Vacancies.Numbered("HB-112", DwellingCategory.Family, count, first: n + 1), ledger, On);
            allocations.AddRange(Routing.Positions(decisions, VacancyRoute.Municipal).Select(p => n + p));
            n += count;
            ledger = next;
        }

        Assert.Equal([4, 9, 14], allocations);
        Assert.Equal(3, ledger.Find("HB-112", "family")!.Municipal);
    }

    #endregion

    private static Department Green(string id) => Build.Department(id, 0.20m);

    private static Department Yellow(string id) => Build.Department(id, 0.38m);

    private static Department Red(string id) => Build.Department(id, 0.50m);

    private static Department Uncoloured(string id) => Build.Department(id, null);
}
