using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Packs.Examples;

/// <summary>
/// The illustrative Aarhus pack (<c>rules/examples/aarhus-2010.json</c>), encoded from KL/BL's brochure Styringsdialog
/// (2010), not from a signed text: every 4th vacancy to the municipality, and a flexible-letting agreement with all
/// organisations whose criteria are assumed from the brochure's list of groups. Each case is a concrete (fictional)
/// department, vacancy sequence or household, on 1 March 2025.
/// </summary>
public sealed class AarhusPackTests : AgreementTests<AarhusPackTests>, IAgreementPack
{
    private const string PackId = "aarhus-2010";

    static string IAgreementPack.PackId => PackId;

    private const string Aarhus = "KL/BL 2010, Den sociale boligtildeling i Århus";
    private const string Agreements = "KL/BL 2010, Udlejningsaftaler";
    private const string Groups = "KL/BL 2010, Hvad kan en aftale om fleksibel udlejning indeholde?";

    #region Status: an illustrative encoding of a brochure

    [Fact]
    public void Pack_IsIllustrativeAndSaysItEncodesABrochureNotASignedText()
    {
        Assert.Equal("illustrative", Pack.Status);
        Assert.Equal("Aarhus", Pack.Municipality);
        Assert.Contains("dk-baseline", Pack.Extends);
        Assert.StartsWith("ILLUSTRATIVE: this pack encodes a brochure's description", Pack.Metadata.Notes[0], StringComparison.Ordinal);
        Assert.Contains("not a signed text", Pack.Metadata.Notes[0], StringComparison.Ordinal);
        Assert.Equal(["standard"], Pack.Tiers);
    }

    [Fact]
    public void Parameters_EveryNumberTheBrochureDoesNotGive_IsAnAssumedParameterWithANote()
    {
        Assert.All(Pack.Parameters.Values, p =>
        {
            Assert.True(p.Assumed, p.Name);
            Assert.Contains("ASSUMED", p.Note, StringComparison.Ordinal);
        });
        Assert.Equal(29m, Pack.ParameterValue("youngMaxAge", On));
        Assert.Equal(55m, Pack.ParameterValue("seniorAge", On));
        Assert.Equal(4m, Pack.ParameterValue("familyMinRooms", On));
    }

    #endregion

    #region KL/BL 2010, Den sociale boligtildeling i Århus: hver fjerde ledig bolig

    [Fact]
    [Clause(PackId, Aarhus)]
    public void Place_AnyAarhusDepartment_IsStandardWithEveryFourthVacancyToTheMunicipality()
    {
        var placement = Pack.Place(new PlacementRequest(Department("AAR-101", outside: 0.44m), On));

        Assert.Equal(PlacementOutcome.Placed, placement.Outcome);
        Assert.Equal("standard", placement.Tier);
        Assert.Equal("1/4", placement.MunicipalShare?.ToString());
        Assert.Equal(
            $"aarhus-every-4th ({PackId} {Aarhus}): In Aarhus every 4th vacant dwelling is offered to the municipality to solve housing-social problems.",
            ResultText.Line(placement.Explanation[0], Language.English));
        Assert.Equal(
            $"aarhus-every-4th ({PackId} {Aarhus}): I Århus tilbydes hver fjerde ledige bolig kommunen til løsning af boligsociale problemer.",
            ResultText.Line(placement.Explanation[0], Language.Danish));
    }

    [Fact]
    [Clause(PackId, Aarhus)]
    public void Place_DepartmentWithoutKeyFigures_IsStillStandard()
    {
        // The brochure does not differentiate departments: no fact is needed to place one.
        var placement = Pack.Place(new PlacementRequest(Department("AAR-102", outside: null) with { KeyFigures = null }, On));

        Assert.Equal("standard", placement.Tier);
        Assert.Empty(placement.Missing);
    }

    [Fact]
    [Clause(PackId, Aarhus)]
    public void Route_TwelveFamilyVacancies_TheFourthEighthAndTwelfthGoToTheMunicipality()
    {
        var department = Department("AAR-103") with { FlexibleLettingShare = null };

        var (decisions, ledger) = Routing.RouteAll(Pack, department, Vacancies.Numbered("AAR-103", DwellingCategory.Family, 12), Pack.NewLedger(), On);

        Assert.Equal([4, 8, 12], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal([1, 2, 3, 5, 6, 7, 9, 10, 11], Routing.Positions(decisions, VacancyRoute.WaitingList));
        Assert.Equal(new LedgerCounter("AAR-103", "family", "standard", 12, 3, 0), ledger.Find("AAR-103", "family"));
        Assert.Equal(
            "baseline-family (dk-baseline § 59 stk. 1): This is vacancy no. 4 of its kind in the department, and the municipality allocates every 4th vacant dwelling: with it the municipality is due 1 allocation in all against 0 before, so the dwelling goes to municipal allocation.",
            ResultText.Line(decisions[3].Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, Aarhus)]
    public void Route_FamilyAndYouthVacanciesInterleaved_AreCountedSeparatelyAsTheActCountsThem()
    {
        var department = Department("AAR-104");
        var family = Vacancies.Numbered("AAR-104", DwellingCategory.Family, 4);
        var youth = Vacancies.Numbered("AAR-104", DwellingCategory.Youth, 4);

        var (decisions, ledger) = Routing.RouteAll(Pack, department, [family[0], youth[0], family[1], youth[1], family[2], youth[2], family[3], youth[3]], Pack.NewLedger(), On);

        Assert.Equal(["AAR-104-family-04", "AAR-104-youth-04"], decisions.Where(d => d.Route == VacancyRoute.Municipal).Select(d => d.VacancyId));
        Assert.Equal(1, ledger.Find("AAR-104", "youth")!.Municipal);
    }

    [Fact]
    [Clause(PackId, Aarhus)]
    public void Route_ElderlyVacancy_IsOutOfScopeAsInTheBaseline()
    {
        var result = Pack.Route(new RoutingRequest(Department("AAR-105"), Vacancies.Of("AAR-105-elderly-01", "AAR-105", DwellingCategory.Elderly), On) { Ledger = Pack.NewLedger() });

        Assert.Equal(VacancyRoute.OutOfScope, result.Decision.Route);
        Assert.Contains(result.Decision.Explanation, e => e is { RuleId: "baseline-other-categories", Source: "dk-baseline" });
    }

    [Fact]
    [Clause(PackId, Aarhus)]
    public void Check_MunicipalAllocation_HasNoCriteriaBecauseTheInstructionIsAJudgement()
    {
        var household = FlexibleGroups.Applicant("case-aar-1", 40, On, "Aarhus", employed: false);

        var result = Pack.Check(new EligibilityRequest(Department("AAR-106"), household, LettingRoute.Municipal, On));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Empty(result.Criteria);
        Assert.Contains(result.Explanation, e => e is { RuleId: "standard.municipal", Clause: Aarhus, Source: PackId });
    }

    #endregion

    #region KL/BL 2010, Udlejningsaftaler: fleksibel udlejning med samtlige boligorganisationer

    [Fact]
    [Clause(PackId, Agreements)]
    public void Place_Department_LetsFlexiblyByItsOwnShareUnderTheAarhusCriteria()
    {
        var placement = Pack.Place(new PlacementRequest(Department("AAR-201") with { FlexibleLettingShare = 0.5m }, On));

        Assert.Equal("agreed", placement.FlexibleLetting!.Rule);
        Assert.Null(placement.FlexibleLetting.MaxShare);
        Assert.Equal("1/2", placement.FlexibleLetting.Share?.ToString());
        Assert.Equal(Agreements, placement.FlexibleLetting.Clause);
        Assert.Equal(["aarhus-flexible"], placement.Routes[LettingRoute.Flexible].CriteriaSets);
    }

    [Fact]
    [Clause(PackId, Agreements)]
    public void Route_DepartmentWithAQuarterFlexible_EveryFourthNonMunicipalVacancyIsFlexible()
    {
        // Non-municipal vacancies 1, 2, 3, 5, 6, 7, 9, 10, 11: the 4th and 8th of them (vacancies 5 and 10) are flexible.
        var (decisions, _) = Routing.RouteAll(Pack, Department("AAR-202"), Vacancies.Numbered("AAR-202", DwellingCategory.Family, 12), Pack.NewLedger(), On);

        Assert.Equal([4, 8, 12], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal([5, 10], Routing.Positions(decisions, VacancyRoute.Flexible));
        Assert.All(decisions.Where(d => d.Route == VacancyRoute.Flexible), d => Assert.Equal("aarhus-flexible", d.CriteriaSet));
        Assert.Equal(
            $"standard.flexibleLetting ({PackId} {Agreements}): The dwelling falls within the department's flexible-letting share (1/4).",
            ResultText.Line(decisions[4].Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, Agreements)]
    public void Check_FlexibleRoute_CitesTheAgreementWithAllOrganisations()
    {
        var result = Check(FlexibleGroups.Applicant("case-aar-2", 40, On, "Skanderborg", workplace: "Aarhus"));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Contains(result.Explanation, e => e is { RuleId: "aarhus-flexible-criteria", Clause: Agreements, Source: PackId });
    }

    #endregion

    #region KL/BL 2010, Hvad kan en aftale om fleksibel udlejning indeholde?: the groups (assumed criteria)

    [Fact]
    [Clause(PackId, Groups)]
    public void Check_CommuterLivingOutsideWithAJob_IsEligibleAsACommuter()
    {
        // "pendlere … med fast arbejdsplads inden for kommunens grænser": lives in Skanderborg, works in Aarhus.
        var result = Check(FlexibleGroups.Applicant("case-aar-3", 40, On, "Skanderborg", workplace: "Aarhus"));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal(Outcome.Eligible, Criterion(result, "aarhus-flex-commuter").Outcome);
        Assert.Contains(
            "Employment contract or employer's statement giving the workplace's address in Aarhus Municipality",
            result.Documents.Select(d => d.En));
    }

    [Fact]
    [Clause(PackId, Groups)]
    public void Check_LivingAndWorkingInRoskilde_IsNoCommuterToAarhus()
    {
        // The workplace must be inside the municipality (employment.workplaceMunicipality).
        var result = Check(FlexibleGroups.Applicant("case-aar-3b", 40, On, "Roskilde", workplace: "Roskilde"));

        Assert.Equal(Outcome.Ineligible, Criterion(result, "aarhus-flex-commuter").Outcome);
        Assert.Equal(Outcome.Ineligible, result.Outcome);
    }

    [Fact]
    [Clause(PackId, Groups)]
    public void Check_WorkerLivingInAarhusAndInNoOtherGroup_IsIneligible()
    {
        var result = Check(FlexibleGroups.Applicant("case-aar-4", 40, On, "Aarhus"));

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.Equal(["aarhus-flex-commuter", "aarhus-flex-divorce", "aarhus-flex-young", "aarhus-flex-senior", "aarhus-flex-family"], result.Criteria.Select(c => c.Id));
        Assert.All(result.Criteria, c => Assert.Equal(Outcome.Ineligible, c.Outcome));
    }

    [Theory]
    [Clause(PackId, Groups)]
    [InlineData(23, Outcome.Eligible)]
    [InlineData(24, Outcome.Eligible)]
    [InlineData(25, Outcome.Ineligible)]
    public void Check_DivorceeLivingInAarhus_IsEligibleWithinTwoYears(int monthsAgo, Outcome expected)
    {
        var result = Check(FlexibleGroups.Divorced("case-aar-5", On, "Aarhus", monthsAgo));

        Assert.Equal(expected, Criterion(result, "aarhus-flex-divorce").Outcome);
        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [Clause(PackId, Groups)]
    [InlineData(29, Outcome.Eligible)]
    [InlineData(30, Outcome.Ineligible)]
    public void Check_YoungStudentLivingInAarhus_IsEligibleUpTo29(int age, Outcome expected)
    {
        var result = Check(FlexibleGroups.Applicant("case-aar-6", age, On, "Aarhus", employed: false, enrolled: true));

        Assert.Equal(expected, Criterion(result, "aarhus-flex-young").Outcome);
        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [Clause(PackId, Groups)]
    [InlineData(-144, Outcome.Ineligible)]
    [InlineData(12, Outcome.Ineligible)]
    [InlineData(-6, Outcome.Eligible)]
    public void Check_YoungPersonUnderEducation_NeedsAnEnrolmentCurrentOnTheDate(int startMonthsFromNow, Outcome expected)
    {
        // "Unge under uddannelse": a 36-month course begun 12 years ago has ended, and one starting next year has not begun.
        var household = FlexibleGroups.Student("case-aar-6b", 24, On, "Aarhus", startMonthsFromNow);

        var result = Check(household);

        Assert.Equal(expected, Criterion(result, "aarhus-flex-young").Outcome);
    }

    [Theory]
    [Clause(PackId, Groups)]
    [InlineData(55, "Aarhus", Outcome.Eligible)]
    [InlineData(55, "Århus", Outcome.Eligible)]
    [InlineData(54, "Aarhus", Outcome.Ineligible)]
    [InlineData(60, "Randers", Outcome.Ineligible)]
    public void Check_SeniorLivingInTheMunicipality_IsEligibleFrom55(int age, string resident, Outcome expected)
    {
        var result = Check(FlexibleGroups.Applicant("case-aar-7", age, On, resident, employed: false));

        Assert.Equal(expected, Criterion(result, "aarhus-flex-senior").Outcome);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, Groups)]
    public void Check_FamilyWithChildrenInNoOtherGroup_IsUndeterminedBecauseACheckHasNoDwelling()
    {
        var result = Check(FlexibleGroups.Family("case-aar-8", On, "Aarhus"));

        Assert.Equal(Outcome.Undetermined, result.Outcome);
        var family = Criterion(result, "aarhus-flex-family");
        Assert.Equal(Outcome.Undetermined, family.Outcome);
        Assert.Equal(["vacancy"], family.Missing);
    }

    [Fact]
    [Clause(PackId, Groups)]
    public void Check_WaitingList_IsOpenToEveryoneBySeniority()
    {
        var result = Pack.Check(new EligibilityRequest(Department("AAR-301"), FlexibleGroups.Applicant("case-aar-9", 40, On, "Aarhus"), LettingRoute.WaitingList, On));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Contains(result.Explanation, e => e is { RuleId: "standard.waitingList", Clause: Groups, Source: PackId });
    }

    #endregion

    private static Department Department(string id, decimal? outside = 0.25m) => Build.Department(id, outsideLabourMarketShare: outside) with
    {
        Name = "Fiktiv afdeling " + id,
        Organisation = "Fiktiv Boligforening Østjylland",
        Municipality = "Aarhus",
    };

    private static EligibilityResult Check(Household household)
        => Pack.Check(new EligibilityRequest(Department("AAR-FLEX"), household, LettingRoute.Flexible, On));
}
