using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Packs.Examples;

/// <summary>
/// The illustrative Copenhagen pack (<c>rules/examples/koebenhavn-supplementary-2010.json</c>), encoded from KL/BL's
/// brochure Styringsdialog (2010), not from the signed agreement: 33 % (exactly 33/100) municipal allocation, periodic
/// suspension in 40+ and 50+ departments (the periods are assumed parameters), common flexible criteria in every
/// department (assumed from the brochure's list) and the municipality's permanent special dwellings. Each case is a
/// concrete (fictional) department, vacancy sequence or household.
/// </summary>
public sealed class KoebenhavnSupplementaryPackTests : AgreementTests<KoebenhavnSupplementaryPackTests>, IAgreementPack
{
    private const string PackId = "koebenhavn-supplementary-2010";

    static string IAgreementPack.PackId => PackId;

    private const string Main = "KL/BL 2010, Aftale om supplerende anvisning i København";
    private const string Suspension = "KL/BL 2010, Aftale om supplerende anvisning i København, periodevis ophør";
    private const string Combined = "KL/BL 2010, Aftale om supplerende anvisning i København, kombineret og fleksibel udlejning";
    private const string Common = "KL/BL 2010, Aftale om supplerende anvisning i København, fælles kriterier";
    private const string Special = "KL/BL 2010, Aftale om supplerende anvisning i København, særboliger";
    private const string Groups = "KL/BL 2010, Hvad kan en aftale om fleksibel udlejning indeholde?";

    /// <summary>A date between two 40+ suspension periods in the assumed schedule (June 2011 to May 2012).</summary>
    private static readonly DateOnly Between = new(2011, 9, 1);

    #region Status: an illustrative encoding of a brochure

    [Fact]
    public void Pack_IsIllustrativeAndSaysItEncodesABrochureNotASignedText()
    {
        Assert.Equal("illustrative", Pack.Status);
        Assert.Equal("København", Pack.Municipality);
        Assert.StartsWith("ILLUSTRATIVE: this pack encodes a brochure's summary", Pack.Metadata.Notes[0], StringComparison.Ordinal);
        Assert.Contains("not the signed framework agreement", Pack.Metadata.Notes[0], StringComparison.Ordinal);
        Assert.Equal(["standard", "suspension-40", "suspension-50"], Pack.Tiers);
    }

    [Fact]
    public void Parameters_TheBrochuresThresholdsAreStatedAndEveryOtherNumberIsAssumed()
    {
        string[] stated = ["suspension40Above", "suspension50Above"];

        Assert.All(Pack.Parameters.Values, p =>
        {
            Assert.Equal(!stated.Contains(p.Name), p.Assumed);
            if (p.Assumed)
            {
                Assert.StartsWith("ASSUMED", p.Note, StringComparison.Ordinal);
            }
        });
    }

    #endregion

    #region KL/BL 2010, Aftale om supplerende anvisning i København: 33 % boligsocial anvisning

    [Fact]
    [Clause(PackId, Main)]
    public void Place_DepartmentAt30Percent_IsStandardWith33Per100()
    {
        var placement = Pack.Place(new PlacementRequest(Department("KBH-101", 0.30m), On));

        Assert.Equal("standard", placement.Tier);
        Assert.Equal("33/100", placement.MunicipalShare?.ToString());
        Assert.Equal(
            $"kbh-33-percent ({PackId} {Main}): At most 40 % of the residents are outside the labour market: 33 % of vacancies are allocated by the municipality.",
            ResultText.Line(placement.Explanation[0], Language.English));
    }

    [Fact]
    [Clause(PackId, Main)]
    public void Route_HundredFamilyVacancies_TheMunicipalityGetsExactly33_TheFourthSeventhAndEveryThirdAfter()
    {
        // 33/100, not 1/3: ⌊k·33/100⌋ first reaches n at k = 3n + 1 for n ≤ 33, so the 4th, 7th, …, 100th; 32 after 99.
        var (decisions, ledger) = Routing.RouteAll(Pack, Department("KBH-102", 0.30m) with { FlexibleLettingShare = null }, Vacancies.Numbered("KBH-102", DwellingCategory.Family, 100), Pack.NewLedger(), On);

        Assert.Equal(Enumerable.Range(1, 33).Select(n => (3 * n) + 1), Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal(32, decisions.Take(99).Count(d => d.Route == VacancyRoute.Municipal));
        Assert.Equal(new LedgerCounter("KBH-102", "family", "standard", 100, 33, 0), ledger.Find("KBH-102", "family"));
        Assert.Equal(
            "baseline-family (dk-baseline § 59 stk. 1): This is vacancy no. 4 of its kind in the department, and the municipality allocates 33/100 of the vacant dwellings: with it the municipality is due 1 allocation in all against 0 before, so the dwelling goes to municipal allocation.",
            ResultText.Line(decisions[3].Explanation[^1], Language.English));
        Assert.Equal(
            "baseline-family (dk-baseline § 59 stk. 1): This is vacancy no. 3 of its kind in the department, and the municipality allocates 33/100 of the vacant dwellings: with it the municipality is due 0 allocations in all against 0 before, so the dwelling does not go to municipal allocation.",
            ResultText.Line(decisions[2].Explanation[^2], Language.English));
    }

    [Fact]
    [Clause(PackId, Main)]
    public void Check_MunicipalAllocationInAStandardDepartment_HasNoFurtherCriteria()
    {
        var result = Pack.Check(new EligibilityRequest(Department("KBH-103", 0.30m), FlexibleGroups.Applicant("case-kbh-1", 40, On, "København", employed: false), LettingRoute.Municipal, On));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Empty(result.Criteria);
    }

    #endregion

    #region KL/BL 2010, Aftale om supplerende anvisning i København, periodevis ophør: 40+ and 50+ departments

    [Theory]
    [Clause(PackId, Suspension)]
    [InlineData(0.40, "standard", "kbh-33-percent", "33/100")]
    [InlineData(0.4001, "suspension-40", "kbh-suspension-40", "0")]
    [InlineData(0.50, "suspension-40", "kbh-suspension-40", "0")]
    [InlineData(0.5001, "suspension-50", "kbh-suspension-50", "0")]
    public void Place_ByTheShareOutsideTheLabourMarket_MoreThanIsStrict(double outside, string tier, string rule, string share)
    {
        var placement = Pack.Place(new PlacementRequest(Department("KBH-201", (decimal)outside), On));

        Assert.Equal(tier, placement.Tier);
        Assert.Equal(rule, placement.Explanation[0].RuleId);
        Assert.Equal(share, placement.MunicipalShare?.ToString());
    }

    [Fact]
    [Clause(PackId, Suspension)]
    public void Place_50PlusDepartment_ExplainsTheSuspensionWordForWord()
    {
        var placement = Pack.Place(new PlacementRequest(Department("KBH-202", 0.5001m), On));

        Assert.Equal(
            $"kbh-suspension-50 ({PackId} {Suspension}): More than 50 % of the residents are outside the labour market (50+ area) and the suspension is in force: no municipal allocation.",
            ResultText.Line(placement.Explanation[0], Language.English));
        Assert.Equal(
            $"kbh-suspension-50 ({PackId} {Suspension}): Mere end 50 % af beboerne står uden for arbejdsmarkedet (50+ område), og ophøret er i kraft: ingen boligsocial anvisning.",
            ResultText.Line(placement.Explanation[0], Language.Danish));
    }

    [Theory]
    [Clause(PackId, Suspension)]
    [InlineData(0.4001, "standard", "kbh-between-suspensions")]
    [InlineData(0.5001, "suspension-50", "kbh-suspension-50")]
    public void Place_BetweenTwo40PlusSuspensionPeriods_40PlusIsStandardAnd50PlusStaysSuspended(double outside, string tier, string rule)
    {
        var placement = Pack.Place(new PlacementRequest(Department("KBH-203", (decimal)outside), Between));

        Assert.Equal(tier, placement.Tier);
        Assert.Equal(rule, placement.Explanation[0].RuleId);
        Assert.Equal(0m, Pack.ParameterValue("suspension40InForce", Between));
        Assert.Equal(1m, Pack.ParameterValue("suspension50InForce", Between));
    }

    [Fact]
    [Clause(PackId, Suspension)]
    public void Place_DepartmentWithoutTheKeyFigure_IsUndeterminedNotStandard()
    {
        var department = Department("KBH-204", null);

        var placement = Pack.Place(new PlacementRequest(department, On));

        Assert.Equal(PlacementOutcome.Undetermined, placement.Outcome);
        Assert.Equal(["department.keyFigures.outsideLabourMarketShare"], placement.Missing);
    }

    [Fact]
    [Clause(PackId, Suspension)]
    public void Route_AcrossASuspensionPeriod_CountingGoesOnAndAllocationsNotMadeAreNotMadeUp()
    {
        // A 45 % department: standard until May 2012 (the 4th vacancy is municipal), suspended from June 2012 (the 7th and
        // 10th would have been municipal), standard again from June 2013: the 13th is municipal, the 7th and 10th are lost.
        var department = Department("KBH-205", 0.45m) with { FlexibleLettingShare = null };
        var vacancies = Vacancies.Numbered("KBH-205", DwellingCategory.Family, 13);
        var ledger = Pack.NewLedger();
        var decisions = new List<RoutingDecision>();
        for (var i = 0; i < vacancies.Count; i++)
        {
            var on = i < 4 ? new DateOnly(2012, 3, 1) : i < 10 ? new DateOnly(2012, 7, 1) : new DateOnly(2013, 7, 1);
            var result = Pack.Route(new RoutingRequest(department, vacancies[i], on) { Ledger = ledger });
            decisions.Add(result.Decision);
            ledger = result.Ledger;
        }

        Assert.Equal([4, 13], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal(["standard", "standard", "standard", "standard", "suspension-40", "suspension-40", "suspension-40", "suspension-40", "suspension-40", "suspension-40", "standard", "standard", "standard"], decisions.Select(d => d.Tier));
        Assert.Equal(
            $"routing.onTierChange ({PackId} {Suspension}): The department's placement has changed from 33 % municipal allocation to 40+ area: municipal allocation suspended for the period under the placement rules of {Suspension}. "
            + "The agreement's rule for a change: The department enters or leaves a period of suspended allocation: counting goes on, and allocations not made during the suspension are not made up.",
            ResultText.Line(decisions[4].Explanation.Single(e => e.RuleId == "routing.onTierChange"), Language.English));
        Assert.Equal(5L, decisions[4].Count);
        Assert.Equal(new LedgerCounter("KBH-205", "family", "standard", 13, 2, 0), ledger.Find("KBH-205", "family"));
    }

    [Fact]
    [Clause(PackId, Suspension)]
    public void Check_MunicipalRouteInA50PlusDepartment_SaysAllocationIsSuspended()
    {
        var result = Pack.Check(new EligibilityRequest(Department("KBH-206", 0.55m), FlexibleGroups.Applicant("case-kbh-2", 40, On, "København"), LettingRoute.Municipal, On));

        Assert.Equal("suspension-50", result.Placement.Tier);
        Assert.Contains(result.Explanation, e => e.RuleId == "suspension-50.municipal" && e.Reason.En.StartsWith("Housing-social allocation is suspended", StringComparison.Ordinal));
    }

    #endregion

    #region KL/BL 2010, …, kombineret og fleksibel udlejning: letting in the particularly burdened areas

    [Fact]
    [Clause(PackId, Combined)]
    public void Route_50PlusDepartmentWithHalfFlexible_EverySecondVacancyIsFlexibleTheOthersFromTheWaitingList()
    {
        var department = Department("KBH-301", 0.55m) with { FlexibleLettingShare = 0.5m };

        var (decisions, ledger) = Routing.RouteAll(Pack, department, Vacancies.Numbered("KBH-301", DwellingCategory.Family, 4), Pack.NewLedger(), On);

        Assert.Empty(Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal([2, 4], Routing.Positions(decisions, VacancyRoute.Flexible));
        Assert.Equal([1, 3], Routing.Positions(decisions, VacancyRoute.WaitingList));
        Assert.Equal(new LedgerCounter("KBH-301", "family", "suspension-50", 4, 0, 2), ledger.Find("KBH-301", "family"));
        Assert.Equal(
            $"suspension-50.flexibleLetting ({PackId} {Combined}): The dwelling falls within the department's flexible-letting share (1/2).",
            ResultText.Line(decisions[1].Explanation[^1], Language.English));
    }

    #endregion

    #region KL/BL 2010, …, fælles kriterier: common flexible criteria in every department

    [Theory]
    [Clause(PackId, Common)]
    [InlineData(0.30, "standard")]
    [InlineData(0.45, "suspension-40")]
    [InlineData(0.55, "suspension-50")]
    public void Place_EveryTier_LetsFlexiblyUnderTheCommonCriteria(double outside, string tier)
    {
        var placement = Pack.Place(new PlacementRequest(Department("KBH-401", (decimal)outside), On));

        Assert.Equal(tier, placement.Tier);
        Assert.Equal(["kbh-flexible"], placement.Routes[LettingRoute.Flexible].CriteriaSets);
        Assert.Equal("agreed", placement.FlexibleLetting!.Rule);
    }

    [Fact]
    [Clause(PackId, Common)]
    public void Check_CommuterFromRoskildeInA50PlusDepartment_IsEligibleUnderTheCommonCriteria()
    {
        var result = Check(Department("KBH-402", 0.55m), FlexibleGroups.Applicant("case-kbh-3", 40, On, "Roskilde", workplace: "København"));
        var notCommuting = Check(Department("KBH-402", 0.55m), FlexibleGroups.Applicant("case-kbh-3b", 40, On, "Roskilde", workplace: "Roskilde"));

        Assert.Equal(Outcome.Ineligible, Criterion(notCommuting, "kbh-flex-commuter").Outcome);

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal(Outcome.Eligible, Criterion(result, "kbh-flex-commuter").Outcome);
        Assert.Contains(result.Explanation, e => e is { RuleId: "kbh-suspension-50-flexible", Clause: Common, Source: PackId });
    }

    #endregion

    #region KL/BL 2010, Hvad kan en aftale om fleksibel udlejning indeholde?: the groups (assumed criteria)

    [Fact]
    [Clause(PackId, Groups)]
    public void Check_WorkerLivingInCopenhagenAndInNoOtherGroup_IsIneligible()
    {
        var result = Check(Department("KBH-501", 0.30m), FlexibleGroups.Applicant("case-kbh-4", 40, On, "København"));

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.Equal(["kbh-flex-commuter", "kbh-flex-divorce", "kbh-flex-young", "kbh-flex-senior", "kbh-flex-family"], result.Criteria.Select(c => c.Id));
    }

    [Theory]
    [Clause(PackId, Groups)]
    [InlineData(24, Outcome.Eligible)]
    [InlineData(25, Outcome.Ineligible)]
    public void Check_DivorceeLivingInCopenhagen_IsEligibleWithinTwoYears(int monthsAgo, Outcome expected)
    {
        var result = Check(Department("KBH-502", 0.30m), FlexibleGroups.Divorced("case-kbh-5", On, "København", monthsAgo));

        Assert.Equal(expected, Criterion(result, "kbh-flex-divorce").Outcome);
        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [Clause(PackId, Groups)]
    [InlineData(29, Outcome.Eligible)]
    [InlineData(30, Outcome.Ineligible)]
    public void Check_YoungPersonInWork_IsEligibleUpTo29(int age, Outcome expected)
    {
        var result = Check(Department("KBH-503", 0.30m), FlexibleGroups.Applicant("case-kbh-6", age, On, "København"));

        Assert.Equal(expected, Criterion(result, "kbh-flex-young").Outcome);
    }

    [Theory]
    [Clause(PackId, Groups)]
    [InlineData(-144, Outcome.Ineligible)]
    [InlineData(12, Outcome.Ineligible)]
    [InlineData(-6, Outcome.Eligible)]
    public void Check_YoungPersonUnderEducation_NeedsAnEnrolmentCurrentOnTheDate(int startMonthsFromNow, Outcome expected)
    {
        // "Unge under uddannelse": a 36-month course begun 12 years ago has ended, and one starting next year has not begun.
        var household = FlexibleGroups.Student("case-kbh-6b", 24, On, "København", startMonthsFromNow);

        var result = Check(Department("KBH-503", 0.30m), household);

        Assert.Equal(expected, Criterion(result, "kbh-flex-young").Outcome);
    }

    [Theory]
    [Clause(PackId, Groups)]
    [InlineData(55, Outcome.Eligible)]
    [InlineData(54, Outcome.Ineligible)]
    public void Check_SeniorLivingInCopenhagen_IsEligibleFrom55(int age, Outcome expected)
    {
        var result = Check(Department("KBH-504", 0.30m), FlexibleGroups.Applicant("case-kbh-7", age, On, "København", employed: false));

        Assert.Equal(expected, Criterion(result, "kbh-flex-senior").Outcome);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, Groups)]
    public void Check_FamilyWithChildren_IsUndeterminedBecauseACheckHasNoDwelling()
    {
        var result = Check(Department("KBH-505", 0.30m), FlexibleGroups.Family("case-kbh-8", On, "København"));

        Assert.Equal(Outcome.Undetermined, result.Outcome);
        Assert.Equal(["vacancy"], Criterion(result, "kbh-flex-family").Missing);
    }

    [Fact]
    [Clause(PackId, Groups)]
    public void Check_WaitingListInA40PlusDepartment_IsOpenToEveryone()
    {
        var result = Pack.Check(new EligibilityRequest(Department("KBH-506", 0.45m), FlexibleGroups.Applicant("case-kbh-9", 40, On, "København"), LettingRoute.WaitingList, On));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Contains(result.Explanation, e => e is { RuleId: "suspension-40.waitingList", Clause: Groups, Source: PackId });
    }

    #endregion

    #region KL/BL 2010, …, særboliger: the municipality's permanent special dwellings

    [Theory]
    [Clause(PackId, Special)]
    [InlineData(0.30, "standard")]
    [InlineData(0.55, "suspension-50")]
    public void Route_SpecialDwellings_AllGoToTheMunicipalityInEveryTier(double outside, string tier)
    {
        var department = Department("KBH-601", (decimal)outside);

        var (decisions, ledger) = Routing.RouteAll(Pack, department, Vacancies.Numbered("KBH-601", DwellingCategory.Family, 3, programme: "special-housing"), Pack.NewLedger(), On);

        Assert.All(decisions, d => Assert.Equal(VacancyRoute.Municipal, d.Route));
        Assert.All(decisions, d => Assert.Equal(tier, d.Tier));
        Assert.Equal(new LedgerCounter("KBH-601", "special-housing", tier, 3, 3, 0), ledger.Find("KBH-601", "special-housing"));
        Assert.Null(ledger.Find("KBH-601", "family"));
        Assert.Equal(
            $"kbh-special-housing ({PackId} {Special}): One of the special dwellings with staff support the municipality permanently disposes of: the municipality allocates 100 %.",
            ResultText.Line(decisions[0].Explanation[1], Language.English));
    }

    [Fact]
    [Clause(PackId, Special)]
    public void Route_FamilyVacancyWithoutAProgramme_IsAnOrdinaryVacancy()
    {
        var result = Pack.Route(new RoutingRequest(Department("KBH-602", 0.30m), Vacancies.Of("KBH-602-01", "KBH-602", DwellingCategory.Family), On) { Ledger = Pack.NewLedger() });

        Assert.Equal("family", result.Decision.Counter);
        Assert.Equal(VacancyRoute.WaitingList, result.Decision.Route);
    }

    #endregion

    [Fact]
    [Clause(PackId, Suspension)]
    public void Check_MunicipalRouteInASuspensionTier_IsClosedNotEligibleBesideNoAllocation()
    {
        // "periodevis ophør": in a suspension period there is no housing-social allocation to the department, so the
        // municipal route is closed (not "BERETTIGET" next to "ingen boligsocial anvisning").
        var result = Pack.Check(new EligibilityRequest(Department("KBH-403", 0.55m), FlexibleGroups.Applicant("case-kbh-9", 40, On, "København"), LettingRoute.Municipal, On));

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.Contains("IKKE BERETTIGET", RentalRules.Explanations.ResultText.Eligibility(result, Language.Danish));
        Assert.False(result.Placement.Routes[LettingRoute.Municipal].Open);
    }

    private static Department Department(string id, decimal? outside) => Build.Department(id, outsideLabourMarketShare: outside) with
    {
        Name = "Fiktiv afdeling " + id,
        Organisation = "Fiktiv Boligselskab Hovedstaden",
        Municipality = "København",
    };

    private static EligibilityResult Check(Department department, Household household)
        => Pack.Check(new EligibilityRequest(department, household, LettingRoute.Flexible, On));
}
