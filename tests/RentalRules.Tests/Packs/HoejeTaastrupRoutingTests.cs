using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Packs;

/// <summary>
/// Vacancy routing under the Høje-Taastrup framework agreement 2023-2026 (<c>rules/hoeje-taastrup-2023.json</c>), clause
/// by clause: each case is a concrete (fictional) department and a sequence of vacancies with the route the agreement
/// gives each, on 1 March 2025.
/// </summary>
public sealed partial class HoejeTaastrupRoutingTests : AgreementTests<HoejeTaastrupRoutingTests>, IAgreementPack
{
    private const string PackId = "hoeje-taastrup-2023";

    static string IAgreementPack.PackId => PackId;

    #region § 3.3 Niveau 2: 22 % af de ledige familieboliger, hver anden anvisning efter særlige kriterier

    [Fact]
    [Clause(PackId, "§ 3.3")]
    [Clause(PackId, "§ 3.1")]
    public void Route_TwentyFamilyVacanciesInAPreventionArea_MunicipalAtTheFifthTenthFourteenthAndNineteenth()
    {
        var (decisions, ledger) = Routing.RouteAll(Pack, Parkvej(), Vacancies.Numbered("HT-PARKVEJ", DwellingCategory.Family, 20), Pack.NewLedger(), On);

        Assert.Equal([5, 10, 14, 19], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions, d => Assert.Equal("level-2", d.Tier));
        Assert.All(decisions, d => Assert.Equal("11/50", d.MunicipalShare?.ToString()));
        Assert.Equal(new LedgerCounter("HT-PARKVEJ", "family", "level-2", 20, 4, 16), ledger.Find("HT-PARKVEJ", "family"));
    }

    [Fact]
    [Clause(PackId, "§ 3.3")]
    public void Route_TwentyFamilyVacanciesInAPreventionArea_EverySecondMunicipalAllocationIsUnderTheSpecialCriteria()
    {
        var (decisions, _) = Routing.RouteAll(Pack, Parkvej(), Vacancies.Numbered("HT-PARKVEJ", DwellingCategory.Family, 20), Pack.NewLedger(), On);

        Assert.Equal([10, 19], Routing.SpecialPositions(decisions));
        Assert.Equal("ht-special", decisions[9].CriteriaSet);
        Assert.Equal("ht-special", decisions[18].CriteriaSet);
        // The other municipal allocations only respect the Act's restrictions for prevention areas (§ 59 stk. 7).
        Assert.Equal("s59-7", decisions[4].CriteriaSet);
        Assert.Equal("s59-7", decisions[13].CriteriaSet);
        Assert.Equal(
            "level-2.specialCriteria (hoeje-taastrup-2023 § 3.3): This is municipal allocation no. 2 in the department, and every 2nd municipal allocation must meet the specially agreed criteria: this one must.",
            ResultText.Line(decisions[9].Explanation[^1], Language.English));
        Assert.Equal(
            "level-2.specialCriteria (hoeje-taastrup-2023 § 3.3): Dette er kommunal anvisning nr. 2 i afdelingen, og hver 2. kommunale anvisning sker efter de særligt aftalte kriterier: denne anvisning skal opfylde dem.",
            ResultText.Line(decisions[9].Explanation[^1], Language.Danish));
    }

    [Fact]
    [Clause(PackId, "§ 3.3")]
    [Clause(PackId, "§ 4.2")]
    public void Route_PreventionArea_EveryNonMunicipalVacancyIsLetFlexibly()
    {
        var (decisions, _) = Routing.RouteAll(Pack, Parkvej(), Vacancies.Numbered("HT-PARKVEJ", DwellingCategory.Family, 20), Pack.NewLedger(), On);

        Assert.Empty(Routing.Positions(decisions, VacancyRoute.WaitingList));
        Assert.All(decisions.Where(d => d.Route == VacancyRoute.Flexible), d => Assert.Equal("ht-flexible", d.CriteriaSet));
        Assert.Equal(
            "level-2.flexibleLetting (hoeje-taastrup-2023 § 4.2): Level 2 (yellow): every letting outside municipal allocation is flexible.",
            ResultText.Line(decisions[0].Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 3.3")]
    public void Route_SmallDepartmentWithHighUnemployment_CountsLikeAPreventionArea()
    {
        var department = Department("HT-SMALL-HIGH", residents: 420, outside: 0.44m, convicted: 0.009m);

        var (decisions, _) = Routing.RouteAll(Pack, department, Vacancies.Numbered("HT-SMALL-HIGH", DwellingCategory.Family, 10), Pack.NewLedger(), On);

        Assert.Equal([5, 10], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal([10], Routing.SpecialPositions(decisions));
    }

    [Fact]
    [Clause(PackId, "§ 3.3")]
    public void Route_PreventionAreaFamilyThenYouthAllocation_OnlyFamilyAllocationsCountTowardsEverySecond()
    {
        // § 3.3: "I forhold til hver anden kommunale anvisning i den enkelte boligafdeling skal anvisningen ske efter
        // særlige kriterier" is said of the 22 % of vacant family dwellings: the youth allocation does not count, so
        // the special criteria fall on the 2nd family allocation (the 10th family vacancy), not on the youth vacancy.
        var family = Vacancies.Numbered("HT-PARKVEJ", DwellingCategory.Family, 10);
        var youth = Vacancies.Numbered("HT-PARKVEJ", DwellingCategory.Youth, 4);

        var (decisions, _) = Routing.RouteAll(Pack, Parkvej(), [.. family.Take(5), .. youth, .. family.Skip(5)], Pack.NewLedger(), On);

        Assert.Equal(["HT-PARKVEJ-family-05", "HT-PARKVEJ-youth-04", "HT-PARKVEJ-family-10"], decisions.Where(d => d.Route == VacancyRoute.Municipal).Select(d => d.VacancyId));
        Assert.Equal(["HT-PARKVEJ-family-10"], decisions.Where(d => d.SpecialCriteria).Select(d => d.VacancyId));
    }

    #endregion

    #region § 3.2 / § 3.1 Niveau 1: hver 3. ledige familiebolig

    [Fact]
    [Clause(PackId, "§ 3.2")]
    [Clause(PackId, "§ 3.1")]
    public void Route_NineFamilyVacanciesOnLevel1_EveryThirdIsMunicipalWithoutSpecialCriteria()
    {
        var (decisions, _) = Routing.RouteAll(Pack, Green(), Vacancies.Numbered("HT-GREEN", DwellingCategory.Family, 9), Pack.NewLedger(), On);

        Assert.Equal([3, 6, 9], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Empty(Routing.SpecialPositions(decisions));
        Assert.All(decisions, d => Assert.Equal("1/3", d.MunicipalShare?.ToString()));
        Assert.Equal(
            "ht-family (hoeje-taastrup-2023 § 3.1): This is vacancy no. 3 of its kind in the department, and the municipality allocates every 3rd vacant dwelling: with it the municipality is due 1 allocation in all against 0 before, so the dwelling goes to municipal allocation.",
            ResultText.Line(decisions[2].Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 3.1")]
    public void Route_AccessibleVacanciesOnLevel1_CountAsFamilyDwellings()
    {
        var family = Vacancies.Numbered("HT-GREEN", DwellingCategory.Family, 2);

        var (decisions, ledger) = Routing.RouteAll(Pack, Green(), [family[0], Vacancies.Of("HT-GREEN-A01", "HT-GREEN", DwellingCategory.Accessible), family[1]], Pack.NewLedger(), On);

        Assert.Equal([3], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal(3, ledger.Find("HT-GREEN", "family")!.Counted);
    }

    [Fact]
    [Clause(PackId, "§ 4.1")]
    public void Route_Level1DepartmentAgreeingOnHalf_LetsOneThirdOfAllVacanciesFlexibly()
    {
        // § 4.1: "højst 1/3 af de ledige boliger i grønne afdelinger kan udlejes efter fleksible kriterier". The
        // organisation agreed 1/2, capped at 1/3 of all vacancies: with 1/3 municipal, every 2nd of the others is let
        // flexibly, so 3 of 9 (not 2 of 9, as 1/3 of the vacancies left after municipal allocation would give).
        var department = Green() with { FlexibleLettingShare = 0.5m };

        var (decisions, _) = Routing.RouteAll(Pack, department, Vacancies.Numbered("HT-GREEN", DwellingCategory.Family, 9), Pack.NewLedger(), On);

        Assert.Equal([3, 6, 9], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal([2, 5, 8], Routing.Positions(decisions, VacancyRoute.Flexible));
        Assert.Equal([1, 4, 7], Routing.Positions(decisions, VacancyRoute.WaitingList));
        Assert.Equal(
            "level-1.flexibleLetting (hoeje-taastrup-2023 § 4.1): The dwelling falls within the department's flexible-letting share (1/3 of all the department's vacancies).",
            ResultText.Line(decisions[1].Explanation[^1], Language.English));
    }

    #endregion

    #region § 3 Ungdomsboliger: "hver 4. ledige ungdomsbolig" på niveau 1

    [Fact]
    [Clause(PackId, "§ 3")]
    public void Route_EightYouthVacanciesOnLevel1_EveryFourthIsMunicipal()
    {
        var (decisions, ledger) = Routing.RouteAll(Pack, Green(), Vacancies.Numbered("HT-GREEN", DwellingCategory.Youth, 8), Pack.NewLedger(), On);

        Assert.Equal([4, 8], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions, d => Assert.Equal("youth", d.Counter));
        Assert.All(decisions, d => Assert.Equal("1/4", d.MunicipalShare?.ToString()));
        // The agreed 1/4 is a share of all the vacancies (§ 4.1 "højst 1/3 af de ledige boliger"): 1/3 of the other six.
        Assert.Equal(new LedgerCounter("HT-GREEN", "youth", "level-1", 8, 2, 2), ledger.Find("HT-GREEN", "youth"));
        Assert.Equal(
            "ht-youth (hoeje-taastrup-2023 § 3): Every 4th vacant youth dwelling goes to municipal allocation (level 1; the Act on level 2; none on level 3).",
            ResultText.Line(decisions[0].Explanation[1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 3")]
    [Clause(PackId, "§ 3.1")]
    public void Route_YouthAndFamilyVacanciesOnLevel1Interleaved_AreCountedApart()
    {
        var family = Vacancies.Numbered("HT-GREEN", DwellingCategory.Family, 3);
        var youth = Vacancies.Numbered("HT-GREEN", DwellingCategory.Youth, 4);

        var (decisions, _) = Routing.RouteAll(Pack, Green(), [youth[0], family[0], youth[1], family[1], youth[2], family[2], youth[3]], Pack.NewLedger(), On);

        Assert.Equal(["HT-GREEN-family-03", "HT-GREEN-youth-04"], decisions.Where(d => d.Route == VacancyRoute.Municipal).Select(d => d.VacancyId));
    }

    [Fact]
    [Clause(PackId, "§ 3")]
    public void Route_EightYouthVacanciesOnLevel2_FollowTheActsEveryFourth()
    {
        var (decisions, _) = Routing.RouteAll(Pack, Parkvej(), Vacancies.Numbered("HT-PARKVEJ", DwellingCategory.Youth, 8), Pack.NewLedger(), On);

        Assert.Equal([4, 8], Routing.Positions(decisions, VacancyRoute.Municipal));
    }

    [Fact]
    [Clause(PackId, "§ 3")]
    [Clause(PackId, "§ 3.4")]
    public void Route_EightYouthVacanciesOnLevel3_NoneIsMunicipal()
    {
        var (decisions, _) = Routing.RouteAll(Pack, Taastrupgaard(), Vacancies.Numbered("HT-TAASTRUPGAARD", DwellingCategory.Youth, 8), Pack.NewLedger(), On);

        Assert.All(decisions, d => Assert.Equal(VacancyRoute.Flexible, d.Route));
        Assert.All(decisions, d => Assert.Equal("0", d.MunicipalShare?.ToString()));
    }

    #endregion

    #region § 3.4 / § 4.3 Niveau 3: ingen kommunal anvisning, skærpede kriterier

    [Fact]
    [Clause(PackId, "§ 3.4")]
    [Clause(PackId, "§ 4.3")]
    public void Route_TwentyFamilyVacanciesOnLevel3_NoneIsMunicipalAndAllAreFlexibleUnderTheTightenedCriteria()
    {
        var (decisions, ledger) = Routing.RouteAll(Pack, Taastrupgaard(), Vacancies.Numbered("HT-TAASTRUPGAARD", DwellingCategory.Family, 20), Pack.NewLedger(), On);

        Assert.All(decisions, d => Assert.Equal(VacancyRoute.Flexible, d.Route));
        Assert.All(decisions, d => Assert.Equal("ht-tightened", d.CriteriaSet));
        Assert.All(decisions, d => Assert.Equal("level-3", d.Tier));
        Assert.All(decisions, d => Assert.False(d.SpecialCriteria));
        Assert.Equal(new LedgerCounter("HT-TAASTRUPGAARD", "family", "level-3", 20, 0, 20), ledger.Find("HT-TAASTRUPGAARD", "family"));
    }

    [Fact]
    [Clause(PackId, "§ 3.4")]
    public void Route_FormerTransformationAreaWithADevelopmentPlan_IsNeverMunicipal()
    {
        var department = Department("HT-GADEHAVEGAARD", Designation.Prevention, developmentPlan: true, residents: 2500, outside: 0.38m, convicted: 0.019m);

        var (decisions, _) = Routing.RouteAll(Pack, department, Vacancies.Numbered("HT-GADEHAVEGAARD", DwellingCategory.Family, 10), Pack.NewLedger(), On);

        Assert.Empty(Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions, d => Assert.Equal("level-3", d.Tier));
    }

    #endregion

    #region § 3.5 Udenfor niveauinddeling: genhusning

    [Fact]
    [Clause(PackId, "§ 3.5")]
    public void Route_VacancyInADepartmentUnderRehousing_IsClosedAndNotCounted()
    {
        var ledger = Pack.NewLedger();

        var result = Pack.Route(new RoutingRequest(Renovation(), Vacancies.Of("RENOV-01", "HT-RENOVATION", DwellingCategory.Family), On) { Ledger = ledger });

        Assert.Equal(VacancyRoute.Closed, result.Decision.Route);
        Assert.Equal("outside", result.Decision.Tier);
        Assert.Null(result.Decision.Count);
        Assert.Null(result.Decision.CriteriaSet);
        Assert.Same(ledger, result.Ledger);
        Assert.Equal(0, result.Ledger.ChangeCounter);
        var why = result.Decision.Explanation[^1];
        Assert.Equal("outside.closed", why.RuleId);
        Assert.Equal("§ 3.5", why.Clause);
        Assert.Equal(
            "outside.closed (hoeje-taastrup-2023 § 3.5): The department is rehousing its residents: there is no municipal allocation while rehousing lasts.",
            ResultText.Line(why, Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 3.5")]
    public void Route_YouthAndFamilyVacanciesUnderRehousing_AreAllClosed()
    {
        var (decisions, ledger) = Routing.RouteAll(
            Pack,
            Renovation(),
            [.. Vacancies.Numbered("HT-RENOVATION", DwellingCategory.Family, 4), .. Vacancies.Numbered("HT-RENOVATION", DwellingCategory.Youth, 4)],
            Pack.NewLedger(),
            On);

        Assert.All(decisions, d => Assert.Equal(VacancyRoute.Closed, d.Route));
        Assert.Empty(ledger.Counters);
    }

    #endregion

    #region § 5.4 Nye små boliger: 100 % ved første udlejning

    // § 5.4: "I nybyggeri skal op til 50% af boligerne etableres som små boliger på mellem 30 og 45 m² med lav husleje.
    // Kommunen har i disse boliger 100 % anvisningsret til disse boliger ved første gangs-udlejningen".

    private static Vacancy NewSmall(string id, string department, decimal? area = 38m, bool? firstLetting = true)
        => Vacancies.Of(id, department, DwellingCategory.Family, "new-small") with { Area = area, FirstLetting = firstLetting };

    [Fact]
    [Clause(PackId, "§ 5.4")]
    public void Route_ThreeNewSmallDwellingsOnLevel1_AllAreMunicipalAndTheFamilyCountIsUntouched()
    {
        var family = Vacancies.Numbered("HT-GREEN", DwellingCategory.Family, 3);
        var small = new[] { NewSmall("HT-GREEN-NS01", "HT-GREEN", 30m), NewSmall("HT-GREEN-NS02", "HT-GREEN", 38m), NewSmall("HT-GREEN-NS03", "HT-GREEN", 45m) };

        var (decisions, ledger) = Routing.RouteAll(Pack, Green(), [family[0], small[0], family[1], small[1], small[2], family[2]], Pack.NewLedger(), On);

        Assert.Equal([2, 4, 5, 6], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions.Where(d => d.Counter == "new-small"), d => Assert.Equal("1", d.MunicipalShare?.ToString()));
        Assert.Equal(new LedgerCounter("HT-GREEN", "new-small", "level-1", 3, 3, 0), ledger.Find("HT-GREEN", "new-small"));
        Assert.Equal(3, ledger.Find("HT-GREEN", "family")!.Counted);
        Assert.Equal(
            "ht-new-small (hoeje-taastrup-2023 § 5.4): New small dwelling (30-45 m²) at its first letting: the municipality allocates 100 %.",
            ResultText.Line(decisions[1].Explanation[1], Language.English));
    }

    [Theory]
    [Clause(PackId, "§ 5.4")]
    [InlineData(80, true)]  // issue 11: "an 80 m² vacancy marked new-small" is not a small dwelling
    [InlineData(29, true)]
    [InlineData(46, true)]
    [InlineData(38, false)] // a re-letting: the 100 % is "ved første gangs-udlejningen" only
    public void Route_NewSmallMarkedVacancyOutsideThirtyToFortyFiveSquareMetresOrNotItsFirstLetting_IsAnOrdinaryFamilyVacancy(int area, bool firstLetting)
    {
        // The old rule read the programme alone: an 80 m² dwelling went 100 % to the municipality "(30-45 m²)".
        var result = Pack.Route(new RoutingRequest(Green(), NewSmall("HT-GREEN-NS80", "HT-GREEN", area, firstLetting), On) { Ledger = Pack.NewLedger() });

        Assert.Equal("family", result.Decision.Counter);
        Assert.Equal("1/3", result.Decision.MunicipalShare?.ToString());
        Assert.Equal(VacancyRoute.WaitingList, result.Decision.Route);
        Assert.DoesNotContain(result.Decision.Explanation, e => e.RuleId == "ht-new-small");
    }

    [Theory]
    [Clause(PackId, "§ 5.4")]
    [InlineData(null, true, "vacancy.area")]
    [InlineData(38, null, "vacancy.firstLetting")]
    public void Route_NewSmallVacancyWithoutItsAreaOrFirstLetting_IsUndeterminedNamingTheFact(int? area, bool? firstLetting, string missing)
    {
        var ledger = Pack.NewLedger();

        var result = Pack.Route(new RoutingRequest(Green(), NewSmall("HT-GREEN-NS99", "HT-GREEN", area, firstLetting), On) { Ledger = ledger });

        Assert.Equal(VacancyRoute.Undetermined, result.Decision.Route);
        Assert.Equal([missing], result.Decision.Missing);
        Assert.Same(ledger, result.Ledger);
    }

    [Fact]
    [Clause(PackId, "§ 5.4")]
    public void Route_NewSmallDwellingInAPreventionArea_IsMunicipal()
    {
        var result = Pack.Route(new RoutingRequest(Parkvej(), NewSmall("PARKVEJ-NS01", "HT-PARKVEJ"), On) { Ledger = Pack.NewLedger() });

        Assert.Equal(VacancyRoute.Municipal, result.Decision.Route);
        Assert.Equal("new-small", result.Decision.Counter);
    }

    [Fact]
    [Clause(PackId, "§ 5.4")]
    [Clause(PackId, "§ 3.4")]
    public void Route_NewSmallDwellingOnLevel3_IsNotMunicipal()
    {
        var result = Pack.Route(new RoutingRequest(Taastrupgaard(), NewSmall("TAASTRUP-NS01", "HT-TAASTRUPGAARD"), On) { Ledger = Pack.NewLedger() });

        Assert.Equal(VacancyRoute.Flexible, result.Decision.Route);
        Assert.Equal("ht-tightened", result.Decision.CriteriaSet);
    }

    [Fact]
    [Clause(PackId, "§ 5.4")]
    public void Route_FamilyVacancyWithAnotherProgramme_IsAnOrdinaryFamilyVacancy()
    {
        var result = Pack.Route(new RoutingRequest(Green(), Vacancies.Of("HT-GREEN-X01", "HT-GREEN", DwellingCategory.Family, "rent-subsidy"), On) { Ledger = Pack.NewLedger() });

        Assert.Equal("family", result.Decision.Counter);
        Assert.Equal(1, result.Decision.Count);
    }

    #endregion

    #region § 3 Aftalen omhandler familie- og ungdomsboliger

    [Fact]
    [Clause(PackId, "§ 3")]
    public void Route_ElderlyVacancy_IsOutOfScopeAndNotCounted()
    {
        var ledger = Pack.NewLedger();

        var result = Pack.Route(new RoutingRequest(Green(), Vacancies.Of("HT-GREEN-E01", "HT-GREEN", DwellingCategory.Elderly), On) { Ledger = ledger });

        Assert.Equal(VacancyRoute.OutOfScope, result.Decision.Route);
        Assert.Same(ledger, result.Ledger);
        Assert.Equal(
            "ht-elderly-out-of-scope (hoeje-taastrup-2023 § 3): The agreement covers family and youth dwellings.",
            ResultText.Line(result.Decision.Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 3")]
    public void Route_VacancyWithoutCategory_IsUndeterminedNamingTheCategory()
    {
        var ledger = Pack.NewLedger();

        var result = Pack.Route(new RoutingRequest(Green(), Vacancies.Of("HT-GREEN-U01", "HT-GREEN", null), On) { Ledger = ledger });

        Assert.Equal(VacancyRoute.Undetermined, result.Decision.Route);
        Assert.Equal(["vacancy.category"], result.Decision.Missing);
        Assert.Same(ledger, result.Ledger);
    }

    #endregion

    #region § 6 Indplaceringen opdateres midtvejs: tællingen fortsætter på det nye niveau

    // § 6: "Som en del af monitoreringen opdateres indplacering i modellen midtvejs i aftaleperioden". Level 1 gives
    // "hver 3." (1/3), level 2 "22 %" (11/50): a new level changes the share from the update on, and the progress made
    // under the old level carries over.

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Route_Level1DepartmentBecomesLevel2AfterTwoVacancies_TheProgressCarriesAndTheSecondAndSeventhUnderLevel2AreMunicipal()
    {
        // 2/3 carried; + 11/50 per vacancy: 1 is passed on the 2nd (2/3 + 22/50), 2 on the 7th (2/3 + 77/50).
        var (_, ledger) = Routing.RouteAll(Pack, Department("HT-SKOVVEJ"), Vacancies.Numbered("HT-SKOVVEJ", DwellingCategory.Family, 2), Pack.NewLedger(), On);
        var designated = Department("HT-SKOVVEJ", Designation.Prevention, residents: 1400, outside: 0.33m, convicted: 0.017m);

        var (asLevel2, after) = Routing.RouteAll(Pack, designated, Vacancies.Numbered("HT-SKOVVEJ", DwellingCategory.Family, 10, first: 3), ledger, new DateOnly(2025, 12, 1));

        Assert.Equal([2, 7], Routing.Positions(asLevel2, VacancyRoute.Municipal));
        Assert.Equal([7], Routing.SpecialPositions(asLevel2));
        var counter = after.Find("HT-SKOVVEJ", "family")!;
        Assert.Equal(("level-2", 12L, 2L, 8L), (counter.Tier, counter.Counted, counter.Municipal, counter.Flexible));
        Assert.Equal("43/15", counter.Due?.ToString()); // 2/3 + 10 · 11/50
        var change = Assert.Single(asLevel2[0].Explanation, x => x.RuleId == "routing.onTierChange");
        Assert.Equal(
            "routing.onTierChange (hoeje-taastrup-2023 § 6): The department's placement has changed from Level 1 (green) to Level 2 (yellow) under the placement rules of § 3.3. "
            + "The municipality is due 2/3 allocations of this kind of dwelling and has had 0; counting goes on with the new share (11/50 of the vacant dwellings), so nothing is lost. "
            + "The agreement's rule for a change: The department's level has changed (the midway update of § 6 or the yearly designation): counting goes on with the new level's share.",
            ResultText.Line(change, Language.English));
        Assert.Equal(
            "routing.onTierChange (hoeje-taastrup-2023 § 6): Afdelingens placering er skiftet fra Niveau 1 (grøn) til Niveau 2 (gul) efter placeringsreglerne i § 3.3. "
            + "Kommunen har til gode 2/3 anvisninger af denne slags boliger og har fået 0; tællingen fortsætter med den nye andel (11/50 af de ledige boliger), så intet går tabt. "
            + "Aftalens regel ved skift: Afdelingens niveau er ændret (midtvejsopdateringen i § 6 eller den årlige udpegning): tællingen fortsætter med det nye niveaus andel.",
            ResultText.Line(change, Language.Danish));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Route_PreventionAreaLeavesAndReturns_AllocationsCarryAndTheSpecialCriteriaCountStartsWithLevel2()
    {
        // Level 2, five vacancies: 55/50, the 5th is the 1st allocation (special: no, the 1st of level 2). Level 1, three
        // vacancies: 55/50 + 1 = 105/50, the 3rd passes 2. Level 2 again, five: 105/50 + 55/50 = 160/50, the 5th passes 3
        // and is the first allocation of the new level-2 period, so not under the special criteria.
        var (_, ledger) = Routing.RouteAll(Pack, Parkvej(), Vacancies.Numbered("HT-PARKVEJ", DwellingCategory.Family, 5), Pack.NewLedger(), On);
        var undesignated = Parkvej() with { Designation = Designation.None, Residents = 1400 };
        var (asLevel1, ledger2) = Routing.RouteAll(Pack, undesignated, Vacancies.Numbered("HT-PARKVEJ", DwellingCategory.Family, 3, first: 6), ledger, On);

        var (again, _) = Routing.RouteAll(Pack, Parkvej(), Vacancies.Numbered("HT-PARKVEJ", DwellingCategory.Family, 5, first: 9), ledger2, On);

        Assert.Equal([3], Routing.Positions(asLevel1, VacancyRoute.Municipal));
        Assert.Equal([5], Routing.Positions(again, VacancyRoute.Municipal));
        Assert.Empty(Routing.SpecialPositions(again));
    }

    #endregion

    private static Department Department(
        string id,
        Designation designation = Designation.None,
        bool developmentPlan = false,
        bool rehousing = false,
        int? residents = 1200,
        decimal? outside = 0.18m,
        decimal? convicted = 0.004m)
        => Build.Department(id, outside, convicted, residents) with
        {
            Municipality = "Høje-Taastrup",
            Designation = designation,
            DevelopmentPlan = developmentPlan,
            Rehousing = rehousing,
        };

    private static Department Green() => Department("HT-GREEN");

    private static Department Parkvej() => Department("HT-PARKVEJ", Designation.Prevention, residents: 1400, outside: 0.33m, convicted: 0.017m);

    private static Department Taastrupgaard() => Department("HT-TAASTRUPGAARD", Designation.Transformation, developmentPlan: true, residents: 2100, outside: 0.46m, convicted: 0.031m);

    private static Department Renovation() => Department("HT-RENOVATION", Designation.Vulnerable, developmentPlan: true, rehousing: true, residents: 800, outside: 0.48m, convicted: 0.028m);
}
