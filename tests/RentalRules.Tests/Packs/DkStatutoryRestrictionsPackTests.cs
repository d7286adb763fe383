using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Packs;

/// <summary>
/// Almenboligloven § 59 stk. 6 and stk. 7 (<c>rules/dk-statutory-restrictions.json</c>): the restrictions on municipal
/// allocation in vulnerable and prevention areas, item by item, for concrete households on the municipal route. The
/// pack's tiers come from dk-baseline; the restrictions apply through pack-wide requirements on the department's
/// designation. Dates are relative to <see cref="On"/>.
/// </summary>
public sealed class DkStatutoryRestrictionsPackTests : AgreementTests<DkStatutoryRestrictionsPackTests>, IAgreementPack
{
    private const string PackId = "dk-statutory-restrictions";

    static string IAgreementPack.PackId => PackId;

    #region Placement and designation

    [Theory]
    [Clause("dk-baseline", "§ 59 stk. 1")]
    [InlineData(Designation.None)]
    [InlineData(Designation.Prevention)]
    [InlineData(Designation.Vulnerable)]
    [InlineData(Designation.ParallelSociety)]
    [InlineData(Designation.Transformation)]
    public void Place_AnyDesignation_IsTheStatutoryBaselineOfEveryFourthVacancy(Designation designation)
    {
        var placement = Pack.Place(new PlacementRequest(Department(designation), On));

        Assert.Equal("baseline", placement.Tier);
        Assert.Equal("1/4", placement.MunicipalShare?.ToString());
        var why = Assert.Single(placement.Explanation);
        Assert.Equal("baseline-every-4th", why.RuleId);
        Assert.Equal("§ 59 stk. 1", why.Clause);
        Assert.Equal("dk-baseline", why.Source);
    }

    [Theory]
    [Clause(PackId, "§ 59 stk. 6")]
    [Clause(PackId, "§ 59 stk. 7")]
    [InlineData(Designation.None, new string[0])]
    [InlineData(Designation.Prevention, new[] { "s59-7" })]
    [InlineData(Designation.Vulnerable, new[] { "s59-6" })]
    [InlineData(Designation.ParallelSociety, new[] { "s59-6" })]
    [InlineData(Designation.Transformation, new[] { "s59-6" })]
    public void Place_Designation_DecidesWhichRestrictionsApplyToTheMunicipalRoute(Designation designation, string[] criteriaSets)
    {
        var placement = Pack.Place(new PlacementRequest(Department(designation), On));

        Assert.Equal(criteriaSets, placement.Routes[LettingRoute.Municipal].CriteriaSets);
        Assert.Empty(placement.Routes[LettingRoute.WaitingList].CriteriaSets);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6")]
    public void Check_UndesignatedDepartment_HasNoRestrictionForARecentlyReleasedHousehold()
    {
        var result = Check(Designation.None, Household("case-001", Adult("m1", 40) with { ReleasedFromPrison = On.AddMonths(-1) }));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Empty(result.Criteria);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6")]
    public void Check_VulnerableAreaOnTheWaitingList_HasNoStatutoryRestriction()
    {
        var released = Household("case-002", Adult("m1", 40) with { ReleasedFromPrison = On.AddMonths(-1) });

        var result = Pack.Check(new EligibilityRequest(Department(Designation.Vulnerable), released, LettingRoute.WaitingList, On));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Empty(result.Criteria);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6")]
    public void Check_VulnerableArea_ExplainsTheRestrictionWordForWord()
    {
        var result = Check(Designation.Vulnerable, CleanHousehold("case-003"));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal(
            "s59-6-vulnerable (dk-statutory-restrictions § 59 stk. 6): The department is in a vulnerable area: the statutory restrictions on municipal allocation apply.",
            ResultText.Line(result.Explanation[1], Language.English));
        Assert.Equal(
            "s59-6-vulnerable (dk-statutory-restrictions § 59 stk. 6): Afdelingen ligger i et udsat boligområde: lovens begrænsninger for kommunal anvisning gælder.",
            ResultText.Line(result.Explanation[1], Language.Danish));
        Assert.Equal(
            ["s59-6-items-1-4", "s59-6-5-cash-benefits", "s59-6-6-disability-pension", "s59-6-7-unemployment"],
            result.Criteria.Select(c => c.Id));
        Assert.Equal(
            ["s59-6-1-released-from-prison", "s59-6-2-youth-institution", "s59-6-3-tenancy-terminated", "s59-6-4-citizenship"],
            result.Criteria[0].Children.Select(c => c.Id));
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6")]
    public void Check_UnknownDesignationAndARecentlyReleasedHousehold_IsUndetermined()
    {
        var department = Department(Designation.None) with { Designation = null };
        var released = Household("case-004", Adult("m1", 40) with { ReleasedFromPrison = On.AddMonths(-1) });

        var result = Pack.Check(new EligibilityRequest(department, released, LettingRoute.Municipal, On));

        Assert.Equal(Outcome.Undetermined, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6")]
    public void Check_UnknownDesignationAndARecentlyReleasedHousehold_NamesTheDesignationAsMissing()
    {
        var department = Department(Designation.None) with { Designation = null };
        var released = Household("case-005", Adult("m1", 40) with { ReleasedFromPrison = On.AddMonths(-1) });

        var result = Pack.Check(new EligibilityRequest(department, released, LettingRoute.Municipal, On));

        Assert.Contains("department.designation", result.Missing);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6")]
    public void Check_PartnerFallingUnderARestriction_BlocksTheWholeHousehold()
    {
        var partner = Adult("m2", 38, MemberRole.Partner) with { Benefits = [new Benefit { Type = BenefitType.DisabilityPension, From = On.AddYears(-3), To = null }] };

        var result = Check(Designation.Vulnerable, Household("case-006", Adult("m1", 40), partner));

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        var nr6 = Criterion(result, "s59-6-6-disability-pension");
        Assert.Equal([("m1", Outcome.Eligible), ("m2", Outcome.Ineligible)], nr6.Members.Select(m => (m.MemberId, m.Outcome)));
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 1")]
    public void Check_MemberOfUnknownAgeReleasedTwoMonthsAgo_IsIneligible()
    {
        var other = Adult("m2", 30, MemberRole.Other) with { BirthDate = null, ReleasedFromPrison = On.AddMonths(-2) };

        var result = Check(Designation.Vulnerable, Household("case-007", Adult("m1", 40), other));

        var nr1 = Criterion(result, "s59-6-1-released-from-prison");
        Assert.Equal(Outcome.Ineligible, nr1.Outcome);
        Assert.Equal(Outcome.Ineligible, result.Outcome);
    }

    #endregion

    #region § 59 stk. 6 nr. 1 Løsladt efter afsoning inden for 6 måneder

    [Theory]
    [Clause(PackId, "§ 59 stk. 6 nr. 1")]
    [InlineData(5, Outcome.Ineligible)]
    [InlineData(7, Outcome.Eligible)]
    public void Check_ReleasedFromPrisonMonthsAgo_BlocksAllocationForSixMonths(int monthsAgo, Outcome expected)
    {
        var household = Household("case-101", Adult("m1", 40) with { ReleasedFromPrison = On.AddMonths(-monthsAgo) });

        var result = Check(Designation.Vulnerable, household);

        var nr1 = Criterion(result, "s59-6-1-released-from-prison");
        Assert.Equal(expected, nr1.Outcome);
        Assert.Equal("§ 59 stk. 6 nr. 1", nr1.Clause);
        Assert.Equal(PackId, nr1.Source);
        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [Clause(PackId, "§ 59 stk. 6 nr. 1")]
    [InlineData("2024-01-01", Outcome.Ineligible)]
    [InlineData("2023-12-31", Outcome.Eligible)]
    [InlineData("2024-07-02", Outcome.Eligible)]
    public void Check_ReleasedExactlySixMonthsBefore_IsInsideTheClosedWindow(string released, Outcome expected)
    {
        // "løsladt … inden for de seneste seks måneder", evaluated 2024-07-01: a release on 2024-01-01 is inside the window
        // (a six-month limit from it runs to the end of 2024-07-01); the day before is outside, and so is a release after the date.
        var on = new DateOnly(2024, 7, 1);
        var household = Household("case-105", Adult("m1", 40, on: on) with { ReleasedFromPrison = DateOnly.Parse(released, System.Globalization.CultureInfo.InvariantCulture) });

        var result = Check(Designation.Vulnerable, household, on);

        Assert.Equal(expected, Criterion(result, "s59-6-1-released-from-prison").Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 1")]
    public void Check_NeverReleasedFromPrison_IsEligible()
    {
        var household = Household("case-102", Adult("m1", 40) with { ReleasedFromPrison = Member.Never });

        var result = Check(Designation.Vulnerable, household);

        Assert.Equal(Outcome.Eligible, Criterion(result, "s59-6-1-released-from-prison").Outcome);
        Assert.Equal(Outcome.Eligible, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 1")]
    public void Check_UnknownRelease_IsUndeterminedAndAsksForADeclaration()
    {
        var household = Household("case-103", Adult("m1", 40) with { ReleasedFromPrison = null });

        var result = Check(Designation.Vulnerable, household);

        var nr1 = Criterion(result, "s59-6-1-released-from-prison");
        Assert.Equal(Outcome.Undetermined, nr1.Outcome);
        Assert.Equal(["member.releasedFromPrison"], nr1.Missing);
        Assert.Equal(Outcome.Undetermined, result.Outcome);
        Assert.Equal(["member.releasedFromPrison"], result.Missing);
        Assert.Contains(result.Documents, d => d.En == "Declaration on release from prison (or that no member has served a sentence)");
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 1")]
    public void FactFile_ReleasedFromPrisonFalse_MeansNever()
    {
        const string json = """{ "id": "case-104", "members": [ { "id": "m1", "role": "applicant", "releasedFromPrison": false } ] }""";

        var file = FactReader.ReadHouseholds(json, "case-104.json");

        Assert.Equal(Member.Never, file.GetValueOrThrow().Items[0].Members![0].ReleasedFromPrison);
    }

    #endregion

    #region § 59 stk. 6 nr. 2 Under 18 år og løsladt fra ungdomsinstitution inden for 6 måneder

    [Theory]
    [Clause(PackId, "§ 59 stk. 6 nr. 2")]
    [InlineData(16, 2, Outcome.Ineligible)]
    [InlineData(16, 7, Outcome.Eligible)]
    [InlineData(19, 2, Outcome.Eligible)]
    public void Check_ReleasedFromAYouthInstitution_BlocksAMemberUnder18ForSixMonths(int age, int monthsAgo, Outcome expected)
    {
        var young = Build.Child("m3", Aged(age)) with { ReleasedFromYouthInstitution = On.AddMonths(-monthsAgo) };

        var result = Check(Designation.Vulnerable, Household("case-201", Adult("m1", 45), young));

        var nr2 = Criterion(result, "s59-6-2-youth-institution");
        Assert.Equal(expected, nr2.Outcome);
        Assert.Equal("§ 59 stk. 6 nr. 2", nr2.Clause);
        Assert.Equal(expected, result.Outcome);
    }

    #endregion

    #region § 59 stk. 6 nr. 3 Lejemål ophævet for grov overtrædelse inden for 6 måneder

    [Theory]
    [Clause(PackId, "§ 59 stk. 6 nr. 3")]
    [InlineData(3, Outcome.Ineligible)]
    [InlineData(8, Outcome.Eligible)]
    public void Check_TenancyTerminatedForGrossBreach_BlocksAllocationForSixMonths(int monthsAgo, Outcome expected)
    {
        var household = Household("case-301", Adult("m1", 40) with { TenancyTerminatedForBreach = On.AddMonths(-monthsAgo) });

        var result = Check(Designation.ParallelSociety, household);

        var nr3 = Criterion(result, "s59-6-3-tenancy-terminated");
        Assert.Equal(expected, nr3.Outcome);
        Assert.Equal("§ 59 stk. 6 nr. 3", nr3.Clause);
        Assert.Equal(expected, result.Outcome);
    }

    #endregion

    #region § 59 stk. 6 nr. 4 Statsborgerskab uden for EU/EØS og Schweiz (studerende undtaget)

    [Theory]
    [Clause(PackId, "§ 59 stk. 6 nr. 4")]
    [InlineData("DK", false, Outcome.Eligible)]
    [InlineData("DE", false, Outcome.Eligible)]
    [InlineData("NO", false, Outcome.Eligible)]
    [InlineData("IS", false, Outcome.Eligible)]
    [InlineData("LI", false, Outcome.Eligible)]
    [InlineData("CH", false, Outcome.Eligible)]
    [InlineData("US", false, Outcome.Ineligible)]
    [InlineData("GB", false, Outcome.Ineligible)]
    [InlineData("US", true, Outcome.Eligible)]
    public void Check_Citizenship_BlocksNonEuEeaSwissCitizensUnlessEnrolled(string citizenship, bool enrolled, Outcome expected)
    {
        var member = Adult("m1", 27) with
        {
            Citizenship = citizenship,
            Education = new Education
            {
                Enrolled = enrolled ? [new Enrollment { Kind = EducationLevel.Master, Municipality = "København", SuEligible = false, Months = 24, From = On.AddMonths(-6) }] : [],
                HighestCompleted = new CompletedEducation { Level = EducationLevel.Bachelor, ApprovedInDenmark = true },
            },
        };

        var result = Check(Designation.Transformation, Household("case-401", member));

        var nr4 = Criterion(result, "s59-6-4-citizenship");
        Assert.Equal(expected, nr4.Outcome);
        Assert.Equal("§ 59 stk. 6 nr. 4", nr4.Clause);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 4")]
    public void Check_NonEuCitizenWhoseOnlyEnrolmentWasASixMonthCourseIn2012_IsNotAStudent()
    {
        // "… med undtagelse af studerende, som er indskrevet på en offentligt anerkendt uddannelsesinstitution": the
        // enrolment must be current; a 6-month course from 2012-09-01 ended on 2013-03-01.
        var member = Adult("m1", 35) with
        {
            Citizenship = "US",
            Education = new Education { Enrolled = [new Enrollment { Kind = EducationLevel.Master, Months = 6, From = new DateOnly(2012, 9, 1) }], HighestCompleted = new CompletedEducation { Level = EducationLevel.Bachelor, ApprovedInDenmark = false } },
        };

        var result = Check(Designation.Vulnerable, Household("case-403", member));

        Assert.Equal(Outcome.Ineligible, Criterion(result, "s59-6-4-citizenship").Outcome);
        Assert.Equal(Outcome.Ineligible, result.Outcome);
    }

    [Theory]
    [Clause(PackId, "§ 59 stk. 6 nr. 4")]
    [InlineData("2025-08-25", "2028-06-30", Outcome.Ineligible)]
    [InlineData("2023-09-01", "2025-03-01", Outcome.Ineligible)]
    [InlineData("2023-09-01", "2025-03-02", Outcome.Eligible)]
    public void Check_NonEuStudent_IsExemptOnlyWhileTheEnrolmentIsCurrent(string from, string to, Outcome expected)
    {
        // A course that starts later does not make a member a student yet; one whose to is the evaluation date has ended.
        var member = Adult("m1", 27) with
        {
            Citizenship = "IN",
            Education = new Education { Enrolled = [new Enrollment { Kind = EducationLevel.Master, From = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), To = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) }], HighestCompleted = new CompletedEducation { Level = EducationLevel.Bachelor, ApprovedInDenmark = true } },
        };

        var result = Check(Designation.Vulnerable, Household("case-404", member));

        Assert.Equal(expected, Criterion(result, "s59-6-4-citizenship").Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 4")]
    public void Check_UnknownCitizenship_IsUndeterminedAndAsksForAPassport()
    {
        var household = Household("case-402", Adult("m1", 40) with { Citizenship = null });

        var result = Check(Designation.Vulnerable, household);

        var nr4 = Criterion(result, "s59-6-4-citizenship");
        Assert.Equal(Outcome.Undetermined, nr4.Outcome);
        Assert.Equal(["member.citizenship"], nr4.Missing);
        Assert.Contains(result.Documents, d => d.En == "Passport or other proof of citizenship");
    }

    #endregion

    #region § 59 stk. 6 nr. 5 Kontanthjælp m.v. i 6 sammenhængende måneder

    [Theory]
    [Clause(PackId, "§ 59 stk. 6 nr. 5")]
    [InlineData(BenefitType.CashBenefit, 6, Outcome.Ineligible)]
    [InlineData(BenefitType.CashBenefit, 5, Outcome.Eligible)]
    [InlineData(BenefitType.EducationAid, 6, Outcome.Ineligible)]
    [InlineData(BenefitType.TransitionBenefit, 9, Outcome.Ineligible)]
    [InlineData(BenefitType.SelfSupportReturnBenefit, 6, Outcome.Ineligible)]
    [InlineData(BenefitType.Su, 24, Outcome.Eligible)]
    public void Check_OngoingBenefitForConsecutiveMonths_BlocksAllocationFromSixMonths(BenefitType type, int months, Outcome expected)
    {
        var household = Household("case-501", Jobless("m1", 35) with { Benefits = [new Benefit { Type = type, From = On.AddMonths(-months), To = null }] });

        var result = Check(Designation.Vulnerable, household);

        var nr5 = Criterion(result, "s59-6-5-cash-benefits");
        Assert.Equal(expected, nr5.Outcome);
        Assert.Equal("§ 59 stk. 6 nr. 5", nr5.Clause);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 5")]
    public void Check_CashBenefitSpellThatEndedLastMonth_DoesNotBlock()
    {
        // The pack reads "for 6 consecutive months" as a spell that is still ongoing (see the pack's notes).
        var household = Household("case-502", Adult("m1", 35) with { Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = On.AddMonths(-12), To = On.AddMonths(-1) }] });

        var result = Check(Designation.Vulnerable, household);

        Assert.Equal(Outcome.Eligible, Criterion(result, "s59-6-5-cash-benefits").Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 5")]
    public void Check_KontanthjaelpThenUddannelseshjaelpWithoutABreak_IsOneSpellOfNineMonths()
    {
        // "i 6 sammenhængende kalendermåneder har modtaget … uddannelseshjælp eller kontanthjælp": kontanthjælp
        // 2024-06-01 to 2024-10-31, then uddannelseshjælp from 2024-11-01: nine months without a break on 2025-03-01.
        var household = Household("case-503", Jobless("m1", 28) with
        {
            Benefits =
            [
                new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 6, 1), To = new DateOnly(2024, 10, 31) },
                new Benefit { Type = BenefitType.EducationAid, From = new DateOnly(2024, 11, 1), To = null },
            ],
        });

        var result = Check(Designation.Vulnerable, household);

        Assert.Equal(Outcome.Ineligible, Criterion(result, "s59-6-5-cash-benefits").Outcome);
        Assert.Equal(Outcome.Ineligible, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 5")]
    public void Check_OneUnbrokenSpellStoredAsTwoRecords_IsOneSpell()
    {
        var household = Household("case-504", Jobless("m1", 28) with
        {
            Benefits =
            [
                new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 12, 1), To = null },
                new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 7, 1), To = new DateOnly(2024, 12, 1) },
            ],
        });

        Assert.Equal(Outcome.Ineligible, Criterion(Check(Designation.Vulnerable, household), "s59-6-5-cash-benefits").Outcome);
    }

    [Theory]
    [Clause(PackId, "§ 59 stk. 6 nr. 5")]
    [InlineData("2025-03-15", Outcome.Eligible)]
    [InlineData("2025-03-31", Outcome.Ineligible)]
    public void Check_SpellFromMidMonth_CountsWholeCalendarMonths(string on, Outcome expected)
    {
        // Kontanthjælp from 2024-09-15: on 2025-03-15 six months have elapsed but only October to February are whole
        // calendar months (5); on 2025-03-31 March is whole too (6). The pack's notes say why calendar months won.
        var date = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);
        var household = Household("case-505", Jobless("m1", 28, date) with { Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 9, 15), To = null }] });

        Assert.Equal(expected, Criterion(Check(Designation.Vulnerable, household, date), "s59-6-5-cash-benefits").Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 5")]
    public void Check_KontanthjaelpThenDagpenge_AreSeparateItemsAndDoNotCombine()
    {
        // Second reading, § 13.2: kontanthjælp 2024-01-01 to 2024-04-01, then dagpenge from 2024-04-01, evaluated
        // 2024-07-01: three months under nr. 5 and three under nr. 7, so neither item bars the household.
        var on = new DateOnly(2024, 7, 1);
        var household = Household("case-506", Jobless("m1", 40, on) with
        {
            Benefits =
            [
                new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 4, 1) },
                new Benefit { Type = BenefitType.UnemploymentBenefit, From = new DateOnly(2024, 4, 1), To = null },
            ],
        });

        var result = Check(Designation.Vulnerable, household, on);

        Assert.Equal(Outcome.Eligible, Criterion(result, "s59-6-5-cash-benefits").Outcome);
        Assert.Equal(Outcome.Eligible, Criterion(result, "s59-6-7-unemployment").Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 5")]
    public void Check_ABenefitRecordWithoutAStart_IsUndeterminedAndNamesTheStart()
    {
        var household = Household("case-507", Jobless("m1", 40) with { Benefits = [new Benefit { Type = BenefitType.CashBenefit, To = null }] });

        var nr5 = Criterion(Check(Designation.Vulnerable, household), "s59-6-5-cash-benefits");

        Assert.Equal(Outcome.Undetermined, nr5.Outcome);
        Assert.Equal(["member.benefits[].from"], nr5.Missing);
    }

    #endregion

    #region § 59 stk. 6 nr. 6 Førtidspension

    [Theory]
    [Clause(PackId, "§ 59 stk. 6 nr. 6")]
    [InlineData(-36, null, Outcome.Ineligible)]
    [InlineData(0, null, Outcome.Ineligible)]
    [InlineData(-36, -2, Outcome.Eligible)]
    public void Check_DisabilityPension_BlocksAllocationWhileReceived(int fromMonths, int? toMonths, Outcome expected)
    {
        var pension = new Benefit { Type = BenefitType.DisabilityPension, From = On.AddMonths(fromMonths), To = toMonths is { } t ? On.AddMonths(t) : null };
        var household = Household("case-601", Jobless("m1", 55) with { Benefits = [pension] });

        var result = Check(Designation.Vulnerable, household);

        var nr6 = Criterion(result, "s59-6-6-disability-pension");
        Assert.Equal(expected, nr6.Outcome);
        Assert.Equal("§ 59 stk. 6 nr. 6", nr6.Clause);
        Assert.Equal(expected, result.Outcome);
    }

    #endregion

    #region § 59 stk. 6 nr. 7 Dagpenge, sygedagpenge eller ressourceforløbsydelse i 6 sammenhængende måneder

    [Theory]
    [Clause(PackId, "§ 59 stk. 6 nr. 7")]
    [InlineData(BenefitType.UnemploymentBenefit, 6, Outcome.Ineligible)]
    [InlineData(BenefitType.UnemploymentBenefit, 5, Outcome.Eligible)]
    [InlineData(BenefitType.Sickness, 7, Outcome.Ineligible)]
    [InlineData(BenefitType.ResourceProgramme, 6, Outcome.Ineligible)]
    [InlineData(BenefitType.ResourceProgramme, 3, Outcome.Eligible)]
    public void Check_OngoingInsuranceBenefitForConsecutiveMonths_BlocksAllocationFromSixMonths(BenefitType type, int months, Outcome expected)
    {
        var household = Household("case-701", Jobless("m1", 50) with { Benefits = [new Benefit { Type = type, From = On.AddMonths(-months), To = null }] });

        var result = Check(Designation.Vulnerable, household);

        var nr7 = Criterion(result, "s59-6-7-unemployment");
        Assert.Equal(expected, nr7.Outcome);
        Assert.Equal("§ 59 stk. 6 nr. 7", nr7.Clause);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 6 nr. 7")]
    public void Check_SicknessBenefitFromEmploymentForSixMonths_BlocksAllocation()
    {
        var household = Household("case-702", Adult("m1", 50) with { Benefits = [new Benefit { Type = BenefitType.SicknessFromEmployment, From = On.AddMonths(-6), To = null }] });

        var result = Check(Designation.Vulnerable, household);

        Assert.Equal(Outcome.Ineligible, Criterion(result, "s59-6-7-unemployment").Outcome);
    }

    #endregion

    #region § 59 stk. 7 Forebyggelsesområder: nr. 1-4 og integrationsydelser

    [Fact]
    [Clause(PackId, "§ 59 stk. 7")]
    public void Check_PreventionArea_ExplainsTheRestrictionWordForWord()
    {
        var result = Check(Designation.Prevention, CleanHousehold("case-801"));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal(["s59-7-items-1-4", "s59-7-integration-benefits"], result.Criteria.Select(c => c.Id));
        Assert.Equal(
            "s59-7-prevention (dk-statutory-restrictions § 59 stk. 7): The department is in a prevention area: the statutory restrictions on municipal allocation apply.",
            ResultText.Line(result.Explanation[1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 7")]
    public void Check_PreventionAreaAndReleasedFromPrisonFiveMonthsAgo_IsIneligible()
    {
        var result = Check(Designation.Prevention, Household("case-802", Adult("m1", 40) with { ReleasedFromPrison = On.AddMonths(-5) }));

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        var nr1 = Criterion(result, "s59-6-1-released-from-prison");
        Assert.Equal(Outcome.Ineligible, nr1.Outcome);
        Assert.Equal("§ 59 stk. 6 nr. 1", nr1.Clause);
        Assert.Equal("§ 59 stk. 7", Criterion(result, "s59-7-items-1-4").Clause);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 7")]
    public void Check_PreventionAreaAndANonEuCitizen_IsIneligible()
    {
        var result = Check(Designation.Prevention, Household("case-803", Adult("m1", 40) with { Citizenship = "TR" }));

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.Equal(Outcome.Ineligible, Criterion(result, "s59-6-4-citizenship").Outcome);
    }

    [Theory]
    [Clause(PackId, "§ 59 stk. 7")]
    [InlineData(BenefitType.DisabilityPension, 36)]
    [InlineData(BenefitType.CashBenefit, 12)]
    [InlineData(BenefitType.EducationAid, 12)]
    [InlineData(BenefitType.UnemploymentBenefit, 9)]
    [InlineData(BenefitType.Sickness, 9)]
    [InlineData(BenefitType.ResourceProgramme, 9)]
    public void Check_PreventionArea_DoesNotApplyTheBenefitItemsOfStk6(BenefitType type, int months)
    {
        var household = Household("case-804", Jobless("m1", 50) with { Benefits = [new Benefit { Type = type, From = On.AddMonths(-months), To = null }] });

        var prevention = Check(Designation.Prevention, household);
        var vulnerable = Check(Designation.Vulnerable, household);

        Assert.Equal(Outcome.Eligible, prevention.Outcome);
        Assert.Equal(Outcome.Ineligible, vulnerable.Outcome);
    }

    [Theory]
    [Clause(PackId, "§ 59 stk. 7")]
    [InlineData(BenefitType.SelfSupportReturnBenefit, 6, Outcome.Ineligible)]
    [InlineData(BenefitType.TransitionBenefit, 8, Outcome.Ineligible)]
    [InlineData(BenefitType.SelfSupportReturnBenefit, 5, Outcome.Eligible)]
    public void Check_PreventionAreaAndIntegrationBenefitForSixMonths_IsIneligible(BenefitType type, int months, Outcome expected)
    {
        var household = Household("case-805", Jobless("m1", 30) with { Benefits = [new Benefit { Type = type, From = On.AddMonths(-months), To = null }] });

        var result = Check(Designation.Prevention, household);

        var benefits = Criterion(result, "s59-7-integration-benefits");
        Assert.Equal(expected, benefits.Outcome);
        Assert.Equal("§ 59 stk. 7", benefits.Clause);
        Assert.Equal(PackId, benefits.Source);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 59 stk. 7")]
    public void Check_PreventionAreaAndKontanthjaelpThenOvergangsydelse_CountsOnlyTheOvergangsydelse()
    {
        // Second reading, § 13.3: kontanthjælp 2024-01-01 to 2024-04-01, then overgangsydelse from 2024-04-01, on
        // 2024-07-01: only the three months of overgangsydelse count under stk. 7; under stk. 6 nr. 5 both would.
        var on = new DateOnly(2024, 7, 1);
        var household = Household("case-806", Jobless("m1", 30, on) with
        {
            Benefits =
            [
                new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 4, 1) },
                new Benefit { Type = BenefitType.TransitionBenefit, From = new DateOnly(2024, 4, 1), To = null },
            ],
        });

        Assert.Equal(Outcome.Eligible, Check(Designation.Prevention, household, on).Outcome);
        Assert.Equal(Outcome.Ineligible, Criterion(Check(Designation.Vulnerable, household, on), "s59-6-5-cash-benefits").Outcome);
    }

    #endregion

    private static EligibilityResult Check(Designation designation, Household household, DateOnly? on = null)
        => Pack.Check(new EligibilityRequest(Department(designation), household, LettingRoute.Municipal, on ?? On));

    private static Department Department(Designation designation)
        => Build.Department("D-" + designation.ToString().ToLowerInvariant()) with { Designation = designation };

    private static DateOnly Aged(int years, DateOnly? on = null) => (on ?? On).AddYears(-years).AddMonths(-2);

    /// <summary>A Danish adult in work, never released from prison, no tenancy terminated, no benefits.</summary>
    private static Member Adult(string id, int age, MemberRole role = MemberRole.Applicant, DateOnly? on = null) => Build.Worker(id, Aged(age, on), role);

    private static Member Jobless(string id, int age, DateOnly? on = null) => Build.Worker(id, Aged(age, on)) with { Employment = [] };

    private static Household Household(string id, params Member[] members) => Build.Household(id, members);

    private static Household CleanHousehold(string id)
        => Build.Household(id, Adult("m1", 40), Adult("m2", 38, MemberRole.Partner), Build.Child("m3", Aged(10)));
}
