using System.Globalization;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Packs;

/// <summary>
/// The Holbæk framework agreement 2024-2027 (<c>rules/holbaek-2024.json</c>), clause by clause: each case is a concrete
/// department or household with the outcome the agreement gives it. Dates are relative to <see cref="On"/>.
/// </summary>
public sealed partial class HolbaekPackTests : AgreementTests<HolbaekPackTests>, IAgreementPack
{
    private const string PackId = "holbaek-2024";

    static string IAgreementPack.PackId => PackId;

    #region § 6 Fordelingsnøglen: grøn, gul, rød og ikke farvemarkeret

    [Theory]
    [Clause(PackId, "§ 6")]
    [InlineData("0", "green", "1/3", "holbaek-green")]
    [InlineData("0.30", "green", "1/3", "holbaek-green")]
    [InlineData("0.3001", "yellow", "1/6", "holbaek-yellow")]
    [InlineData("0.38", "yellow", "1/6", "holbaek-yellow")]
    [InlineData("0.45", "yellow", "1/6", "holbaek-yellow")]
    [InlineData("0.4501", "red", "0", "holbaek-red")]
    [InlineData("1", "red", "0", "holbaek-red")]
    public void Place_OutsideLabourMarketShare_GivesTheColourAndMunicipalShareOfTheDistributionKey(string share, string tier, string municipalShare, string rule)
    {
        var department = Department("HB-201", decimal.Parse(share, CultureInfo.InvariantCulture));

        var placement = Pack.Place(new PlacementRequest(department, On));

        Assert.Equal(PlacementOutcome.Placed, placement.Outcome);
        Assert.Equal(tier, placement.Tier);
        Assert.Equal(municipalShare, placement.MunicipalShare?.ToString());
        var why = Assert.Single(placement.Explanation);
        Assert.Equal(rule, why.RuleId);
        Assert.Equal("§ 6", why.Clause);
        Assert.Equal(PackId, why.Source);
        Assert.Empty(placement.Missing);
        Assert.Empty(placement.Warnings);
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Place_ShareExactly30Percent_IsGreenWithEveryThirdVacancy()
    {
        var placement = Pack.Place(new PlacementRequest(Department("HB-101", 0.30m), On));

        Assert.Equal("green", placement.Tier);
        Assert.Equal("1/3", placement.MunicipalShare?.ToString());
        Assert.Equal(
            "holbaek-green (holbaek-2024 § 6): At most 30 % of residents aged 18-64 are without attachment to the labour market (green): every 3rd vacant dwelling is offered for municipal allocation.",
            ResultText.Line(placement.Explanation[0], Language.English));
        Assert.Equal(
            "holbaek-green (holbaek-2024 § 6): Højst 30 % af de 18-64-årige er uden tilknytning til arbejdsmarkedet (grøn): hver 3. ledige bolig tilbydes til kommunal anvisning.",
            ResultText.Line(placement.Explanation[0], Language.Danish));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Place_ShareJustAbove30Percent_IsYellowWithEverySixthVacancy()
    {
        var placement = Pack.Place(new PlacementRequest(Department("HB-102", 0.3001m), On));

        Assert.Equal("yellow", placement.Tier);
        Assert.Equal("1/6", placement.MunicipalShare?.ToString());
        Assert.Equal(
            "holbaek-yellow (holbaek-2024 § 6): Over 30 % and at most 45 % of residents aged 18-64 are without attachment to the labour market (yellow): every 6th vacant dwelling is offered for municipal allocation.",
            ResultText.Line(placement.Explanation[0], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Place_ShareExactly45Percent_IsStillYellow()
    {
        var placement = Pack.Place(new PlacementRequest(Department("HB-103", 0.45m), On));

        Assert.Equal("yellow", placement.Tier);
        Assert.Equal("1/6", placement.MunicipalShare?.ToString());
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Place_ShareJustAbove45Percent_IsRedAndClosedToMunicipalAllocation()
    {
        var placement = Pack.Place(new PlacementRequest(Department("HB-104", 0.4501m), On));

        Assert.Equal("red", placement.Tier);
        Assert.Equal("0", placement.MunicipalShare?.ToString());
        Assert.False(placement.Routes[LettingRoute.Municipal].Open);
        Assert.Equal(
            "holbaek-red (holbaek-2024 § 6): Over 45 % of residents aged 18-64 are without attachment to the labour market (red): the department is exempt from municipal allocation.",
            ResultText.Line(placement.Explanation[0], Language.English));
        Assert.Equal(
            "holbaek-red (holbaek-2024 § 6): Over 45 % af de 18-64-årige er uden tilknytning til arbejdsmarkedet (rød): afdelingen friholdes for kommunal anvisning.",
            ResultText.Line(placement.Explanation[0], Language.Danish));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Place_NoKeyFigure_IsUncolouredWithEveryEighthVacancy()
    {
        var placement = Pack.Place(new PlacementRequest(Department("HB-105", null), On));

        Assert.Equal(PlacementOutcome.Placed, placement.Outcome);
        Assert.Equal("uncoloured", placement.Tier);
        Assert.Equal("1/8", placement.MunicipalShare?.ToString());
        Assert.Empty(placement.Missing);
        Assert.Equal(
            "holbaek-uncoloured (holbaek-2024 § 6): The department has no key figure for the share of residents aged 18-64 without attachment to the labour market, so it is treated as not colour-marked in appendix 1: every 8th vacant dwelling is offered for municipal allocation.",
            ResultText.Line(placement.Explanation[0], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Place_NoKeyFiguresAtAll_IsUncoloured()
    {
        var department = Department("HB-106", null) with { KeyFigures = null };

        var placement = Pack.Place(new PlacementRequest(department, On));

        Assert.Equal("uncoloured", placement.Tier);
        Assert.Equal("1/8", placement.MunicipalShare?.ToString());
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Check_RedDepartmentOnTheMunicipalRoute_IsIneligibleBecauseRedIsExempt()
    {
        var result = Check(Department("HB-104", 0.4501m), WorkingCouple("case-001"), LettingRoute.Municipal);

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.Empty(result.Criteria);
        Assert.Equal(
            "red.municipal (holbaek-2024 § 6): Red departments are exempt from municipal allocation.",
            ResultText.Line(result.Explanation[^1], Language.English));
        Assert.Equal(
            "red.municipal (holbaek-2024 § 6): Røde afdelinger friholdes for kommunal anvisning.",
            ResultText.Line(result.Explanation[^1], Language.Danish));
    }

    [Theory]
    [Clause(PackId, "§ 6")]
    [Clause(PackId, "bilag 3")]
    [InlineData(LettingRoute.WaitingList, "holbaek-red-waitinglist-tightened")]
    [InlineData(LettingRoute.Flexible, "holbaek-red-flexible-tightened")]
    public void Check_RedDepartmentLetting_RequiresTheTightenedCriteria(LettingRoute route, string requirement)
    {
        var red = Department("HB-104", 0.4501m);

        var clean = Check(red, WorkingCouple("case-001"), route);
        var convicted = Check(red, Household("case-002", Adult("m1", 40) with { Convictions = [new Conviction { Date = On.AddMonths(-6), Act = ConvictionAct.PenalCode }] }), route);

        Assert.Equal(["holbaek-tightened"], Pack.Place(new PlacementRequest(red, On)).Routes[route].CriteriaSets);
        Assert.Equal(Outcome.Eligible, clean.Outcome);
        Assert.Equal(Outcome.Ineligible, convicted.Outcome);
        Assert.Equal(Outcome.Ineligible, Criterion(convicted, "holbaek-b3-1-convictions").Outcome);
        var why = Assert.Single(convicted.Explanation, x => x.RuleId == requirement);
        Assert.Equal("§ 6", why.Clause);
        Assert.Equal(
            requirement + " (holbaek-2024 § 6): Red departments are let under the tightened flexible criteria (appendix 3).",
            ResultText.Line(why, Language.English));
        Assert.Equal(
            ["holbaek-b3-1-convictions", "holbaek-b3-2-work-or-education", "holbaek-b3-3-public-support", "holbaek-b3-4-education-level"],
            clean.Criteria.Select(c => c.Id));
    }

    [Theory]
    [Clause(PackId, "§ 6")]
    [InlineData(LettingRoute.Municipal, "holbaek-yellow-municipal-tightened")]
    [InlineData(LettingRoute.Flexible, "holbaek-yellow-flexible-tightened")]
    [InlineData(LettingRoute.WaitingList, "holbaek-yellow-waitinglist-tightened")]
    public void Check_YellowDepartmentWithParticularProblems_AllocatesAndLetsUnderTheTightenedCriteria(LettingRoute route, string requirement)
    {
        var yellow = Department("HB-103", 0.42m, particularProblems: true);
        var onCashBenefit = Household("case-003", Adult("m1", 40) with { Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = On.AddMonths(-3), To = null }] });

        var clean = Check(yellow, WorkingCouple("case-001"), route);
        var supported = Check(yellow, onCashBenefit, route);

        Assert.Equal("yellow", clean.Placement.Tier);
        Assert.Equal(["holbaek-tightened"], clean.Placement.Routes[route].CriteriaSets);
        Assert.Equal(Outcome.Eligible, clean.Outcome);
        Assert.Equal(Outcome.Ineligible, supported.Outcome);
        Assert.Equal(Outcome.Ineligible, Criterion(supported, "holbaek-b3-3-public-support").Outcome);
        var why = Assert.Single(supported.Explanation, x => x.RuleId == requirement);
        Assert.Equal("§ 6", why.Clause);
        Assert.Equal(PackId, why.Source);
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Check_YellowDepartmentWithParticularProblems_ExplainsTheMunicipalRequirementWordForWord()
    {
        var yellow = Department("HB-103", 0.42m, particularProblems: true);

        var result = Check(yellow, WorkingCouple("case-001"), LettingRoute.Municipal);

        Assert.Equal(
            "holbaek-yellow-municipal-tightened (holbaek-2024 § 6): Yellow department whose key figures show particular problems: allocation is under the tightened criteria (appendix 3).",
            ResultText.Line(result.Explanation[1], Language.English));
        Assert.Equal(
            "holbaek-yellow-municipal-tightened (holbaek-2024 § 6): Gul afdeling hvor nøgletallene viser særlige problemstillinger: der anvises efter de skærpede fleksible kriterier (bilag 3).",
            ResultText.Line(result.Explanation[1], Language.Danish));
    }

    [Theory]
    [Clause(PackId, "§ 6")]
    [InlineData(LettingRoute.Municipal)]
    [InlineData(LettingRoute.WaitingList)]
    public void Check_YellowDepartmentWithoutParticularProblems_HasNoCriteriaOnTheMunicipalRouteAndTheWaitingList(LettingRoute route)
    {
        var yellow = Department("HB-102", 0.3001m);
        var onCashBenefit = Household("case-003", Adult("m1", 40) with { Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = On.AddMonths(-3), To = null }] });

        var result = Check(yellow, onCashBenefit, route);

        Assert.Empty(result.Placement.Routes[route].CriteriaSets);
        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Empty(result.Criteria);
        Assert.Equal(PackId, result.Explanation[^1].Source);
        Assert.Equal("§ 6", result.Explanation[^1].Clause);
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Check_YellowDepartmentWithoutParticularProblems_ExplainsTheOpenMunicipalRouteWordForWord()
    {
        var result = Check(Department("HB-102", 0.3001m), WorkingCouple("case-001"), LettingRoute.Municipal);

        Assert.Equal(
            "yellow.municipal (holbaek-2024 § 6): In yellow departments without particular problems in the key figures, allocation has no further criteria.",
            ResultText.Line(result.Explanation[^1], Language.English));
        Assert.Equal(
            "yellow.municipal (holbaek-2024 § 6): I gule afdelinger uden særlige problemstillinger i nøgletallene anvises uden yderligere kriterier.",
            ResultText.Line(result.Explanation[^1], Language.Danish));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    [Clause(PackId, "bilag 4")]
    public void Check_YellowDepartmentWithoutParticularProblems_LetsFlexiblyUnderAppendix4()
    {
        var yellow = Department("HB-102", 0.3001m);

        var result = Check(yellow, WorkingCouple("case-001"), LettingRoute.Flexible);

        Assert.Equal(["holbaek-flexible"], result.Placement.Routes[LettingRoute.Flexible].CriteriaSets);
        Assert.Equal("holbaek-flexible", result.Placement.CriteriaSet);
        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal(["holbaek-b4-1-work", "holbaek-b4-2-education", "holbaek-b4-3-divorce", "holbaek-b4-4-senior", "holbaek-b4-5-sold-home"], result.Criteria.Select(c => c.Id));
        var why = Assert.Single(result.Explanation, x => x.RuleId == "holbaek-yellow-flexible");
        Assert.Equal("bilag 4", why.Clause);
        Assert.DoesNotContain(result.Explanation, x => x.RuleId == "holbaek-yellow-flexible-tightened");
    }

    [Theory]
    [Clause(PackId, "§ 6")]
    [InlineData("0.20", "green")]
    [InlineData(null, "uncoloured")]
    public void Check_GreenAndUncolouredDepartments_AllocateAndLetFromTheWaitingListWithoutCriteria(string? share, string tier)
    {
        var department = Department("HB-301", share is null ? null : decimal.Parse(share, CultureInfo.InvariantCulture));
        var convicted = Household("case-004", Adult("m1", 40) with { Convictions = [new Conviction { Date = On.AddMonths(-2), Act = ConvictionAct.PenalCode }] });

        var municipal = Check(department, convicted, LettingRoute.Municipal);
        var waitingList = Check(department, convicted, LettingRoute.WaitingList);

        Assert.Equal(tier, municipal.Placement.Tier);
        Assert.Equal(Outcome.Eligible, municipal.Outcome);
        Assert.Equal(Outcome.Eligible, waitingList.Outcome);
        Assert.Empty(municipal.Criteria);
        Assert.Empty(waitingList.Criteria);
        Assert.Equal(["holbaek-flexible"], municipal.Placement.Routes[LettingRoute.Flexible].CriteriaSets);
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Check_GreenDepartmentOnTheMunicipalRoute_ExplainsWordForWord()
    {
        var result = Check(Department("HB-101", 0.30m), WorkingCouple("case-001"), LettingRoute.Municipal);

        Assert.Equal(
            "green.municipal (holbaek-2024 § 6): Holbæk Municipality allocates to citizens with housing-social needs; the agreement sets no further criteria in green departments.",
            ResultText.Line(result.Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    [Clause("dk-statutory-restrictions", "§ 59 stk. 6")]
    public void Check_HolbaekDepartmentDesignatedVulnerable_GetsTheStatutoryRestrictionsOnTheMunicipalRoute()
    {
        var vulnerable = Department("HB-401", 0.25m) with { Designation = Designation.Vulnerable };
        var released = Household("case-005", Adult("m1", 40) with { ReleasedFromPrison = On.AddMonths(-2) });

        var result = Check(vulnerable, released, LettingRoute.Municipal);
        var clean = Check(vulnerable, WorkingCouple("case-001"), LettingRoute.Municipal);

        Assert.Equal("green", result.Placement.Tier);
        Assert.Equal(["s59-6"], result.Placement.Routes[LettingRoute.Municipal].CriteriaSets);
        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.Equal(Outcome.Eligible, clean.Outcome);
        var why = Assert.Single(result.Explanation, x => x.RuleId == "s59-6-vulnerable");
        Assert.Equal("§ 59 stk. 6", why.Clause);
        Assert.Equal("dk-statutory-restrictions", why.Source);
        var prison = Criterion(result, "s59-6-1-released-from-prison");
        Assert.Equal(Outcome.Ineligible, prison.Outcome);
        Assert.Equal("§ 59 stk. 6 nr. 1", prison.Clause);
        Assert.Equal("dk-statutory-restrictions", prison.Source);
        Assert.Equal(
            "s59-6-vulnerable (dk-statutory-restrictions § 59 stk. 6): The department is in a vulnerable area: the statutory restrictions on municipal allocation apply.",
            ResultText.Line(why, Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Check_HolbaekDepartmentDesignatedVulnerable_KeepsTheStatutoryRestrictionsOffTheWaitingList()
    {
        var vulnerable = Department("HB-401", 0.25m) with { Designation = Designation.Vulnerable };
        var released = Household("case-005", Adult("m1", 40) with { ReleasedFromPrison = On.AddMonths(-2) });

        var result = Check(vulnerable, released, LettingRoute.WaitingList);

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Empty(result.Placement.Routes[LettingRoute.WaitingList].CriteriaSets);
    }

    [Fact]
    [Clause(PackId, "§ 11")]
    public void Place_BeforeTheAgreementStarts_WarnsThatTheDateIsOutsideTheValidityPeriod()
    {
        // Key figures of the latest 1 December on each date, so that only the validity period can warn.
        var placement = Pack.Place(new PlacementRequest(Department("HB-101", 0.30m) with { KeyFigures = new KeyFigures { OutsideLabourMarketShare = 0.30m, AsOf = new DateOnly(2027, 12, 1) } }, new DateOnly(2028, 1, 1)));

        Assert.Equal("green", placement.Tier);
        Assert.Equal(
            ["The evaluation date 2028-01-01 is outside the pack's validity period (2024-07-01 to 2027-12-31)."],
            placement.Warnings.Select(w => w.En));
        Assert.Empty(Pack.Place(new PlacementRequest(Department("HB-101", 0.30m) with { KeyFigures = new KeyFigures { OutsideLabourMarketShare = 0.30m, AsOf = new DateOnly(2026, 12, 1) } }, new DateOnly(2027, 12, 31))).Warnings);
    }

    #endregion

    #region § 7 Fleksibel udlejning efter individuel aftale

    [Theory]
    [Clause(PackId, "§ 7")]
    [InlineData("0.20", "agreed")]
    [InlineData("0.40", "agreed")]
    [InlineData(null, "agreed")]
    public void Place_GreenYellowAndUncolouredDepartments_LetFlexiblyByIndividualAgreement(string? share, string rule)
    {
        var department = Department("HB-501", share is null ? null : decimal.Parse(share, CultureInfo.InvariantCulture)) with { FlexibleLettingShare = 0.25m };

        var placement = Pack.Place(new PlacementRequest(department, On));

        Assert.Equal(rule, placement.FlexibleLetting?.Rule);
        Assert.Equal("§ 7", placement.FlexibleLetting?.Clause);
        Assert.Equal("1/4", placement.FlexibleLetting?.Share?.ToString());
        Assert.Null(placement.FlexibleLetting?.MaxShare);
    }

    [Fact]
    [Clause(PackId, "§ 7")]
    public void Place_DepartmentWithoutAnIndividualAgreement_HasAnUnknownFlexibleShare()
    {
        var department = Department("HB-502", 0.20m) with { FlexibleLettingShare = null };

        var placement = Pack.Place(new PlacementRequest(department, On));

        Assert.Equal("agreed", placement.FlexibleLetting?.Rule);
        Assert.Null(placement.FlexibleLetting?.Share);
    }

    [Fact]
    [Clause(PackId, "§ 7")]
    public void Place_AnAgreedShareWithSixteenDecimals_IsThatShareExactly()
    {
        // Issue 11: a department file with "flexibleLettingShare": 0.3333333333333333 was read as having no agreed share.
        var file = FactReader.ReadDepartments("""{ "id": "HB-503", "municipality": "Holbæk", "flexibleLettingShare": 0.3333333333333333, "keyFigures": { "outsideLabourMarketShare": 0.20 } }""", "departments.json");

        var placement = Pack.Place(new PlacementRequest(file.GetValueOrThrow().Items[0], On));

        Assert.Equal("3333333333333333/10000000000000000", placement.FlexibleLetting?.Share?.ToString());
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Place_RedDepartment_LetsEveryVacancyUnderTheTightenedCriteria()
    {
        var placement = Pack.Place(new PlacementRequest(Department("HB-104", 0.4501m), On));

        Assert.Equal("all", placement.FlexibleLetting?.Rule);
        Assert.Equal("1", placement.FlexibleLetting?.Share?.ToString());
        Assert.Equal("§ 6", placement.FlexibleLetting?.Clause);
        Assert.Equal("holbaek-tightened", placement.CriteriaSet);
    }

    #endregion

    #region Bilag 3 Skærpede fleksible kriterier

    [Fact]
    [Clause(PackId, "bilag 3")]
    public void Check_HouseholdMeetingEveryTightenedCriterion_IsEligibleAndMustDocumentEachMember()
    {
        var result = Check(Red(), WorkingCouple("case-001"), LettingRoute.WaitingList);

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.All(result.Criteria, c => Assert.Equal(Outcome.Eligible, c.Outcome));
        Assert.Equal(
            [
                "Copy of passport (or health card and other photo ID) for every member of the household",
                "Criminal record certificate for household members aged 15 or over",
                "Payslips",
                "Annual tax statements and payslips for the last two years",
                "Diploma",
                "Proof of approval in Denmark if the education was taken abroad",
            ],
            result.Documents.Select(d => d.En));
        Assert.Equal("Kopi af pas (alternativt sundhedskort og anden billedlegitimation) for hvert medlem af husstanden", result.Documents[0].Da);
    }

    [Fact]
    [Clause(PackId, "bilag 3")]
    public void Check_TightenedCriteria_ApplyToOtherHouseholdMembersAsWellAsTheApplicant()
    {
        var partnerOnCashBenefit = Adult("m2", 38, MemberRole.Partner) with { Employment = [], Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = On.AddMonths(-14), To = null }] };
        var household = Household("case-006", Adult("m1", 40), partnerOnCashBenefit);

        var result = Check(Red(), household, LettingRoute.WaitingList);

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        var work = Criterion(result, "holbaek-b3-2-work-or-education");
        Assert.Equal([("m1", Outcome.Eligible), ("m2", Outcome.Ineligible)], work.Members.Select(m => (m.MemberId, m.Outcome)));
        var support = Criterion(result, "holbaek-b3-3-public-support");
        Assert.Equal([("m1", Outcome.Eligible), ("m2", Outcome.Ineligible)], support.Members.Select(m => (m.MemberId, m.Outcome)));
        Assert.Empty(result.Documents);
    }

    [Fact]
    [Clause(PackId, "bilag 3")]
    public void Check_UndeterminedTightenedCriteria_ExplainsTheWholeResultWordForWord()
    {
        var household = Household("case-007", Adult("m1", 40) with { Convictions = null });

        var result = Check(Red(), household, LettingRoute.WaitingList);

        Assert.Equal(
            """
            Household case-007 → department HB-104 [Red], route: waiting list: UNDETERMINED
              Why:
                holbaek-red (holbaek-2024 § 6): Over 45 % of residents aged 18-64 are without attachment to the labour market (red): the department is exempt from municipal allocation.
                holbaek-red-waitinglist-tightened (holbaek-2024 § 6): Red departments are let under the tightened flexible criteria (appendix 3).
              Criteria:
                [undetermined] holbaek-b3-1-convictions (holbaek-2024 bilag 3 nr. 1): No household member (15+) convicted within the last two years under the penal code, the weapons act or the euphoriants act
                    member m1 (aged 40): undetermined (missing: the member's convictions)
                [met] holbaek-b3-2-work-or-education (holbaek-2024 bilag 3 nr. 2): Every household member aged 15-64 is in fixed work (gross income at least 55 % of the regional average) or in approved education
                    member m1 (aged 40): met
                [met] holbaek-b3-3-public-support (holbaek-2024 bilag 3 nr. 3): No household member aged 18-64 is, or was within the last two years, publicly supported (except SU, holiday pay, maternity benefit, sickness benefit from employment, flex wage subsidy, flex benefit and early retirement)
                    member m1 (aged 40): met
                [met] holbaek-b3-4-education-level (holbaek-2024 bilag 3 nr. 4): Every household member aged 30-59 has education above primary school, taken or approved in Denmark
                    member m1 (aged 40): met
              Missing facts: the member's convictions
              Documents to request:
                - Copy of passport (or health card and other photo ID) for every member of the household
                - Criminal record certificate for household members aged 15 or over
                - Payslips
                - Annual tax statements and payslips for the last two years
                - Diploma
                - Proof of approval in Denmark if the education was taken abroad

            """,
            Lf(ResultText.Eligibility(result, Language.English)));
        Assert.StartsWith(
            "Husstand case-007 → afdeling HB-104 [Rød], vej: venteliste: UAFKLARET\n  Begrundelse:\n",
            Lf(ResultText.Eligibility(result, Language.Danish)),
            StringComparison.Ordinal);
    }

    #endregion

    #region Bilag 3 nr. 1 Ingen domme inden for de seneste to år (15+)

    [Theory]
    [Clause(PackId, "bilag 3 nr. 1")]
    [InlineData(ConvictionAct.PenalCode)]
    [InlineData(ConvictionAct.WeaponsAct)]
    [InlineData(ConvictionAct.EuphoriantsAct)]
    public void Check_ApplicantConvictedUnderACountingActOneYearAgo_FailsNr1(ConvictionAct act)
    {
        var household = Household("case-101", Adult("m1", 40) with { Convictions = [new Conviction { Date = On.AddYears(-1), Act = act }] });

        var result = Check(Red(), household, LettingRoute.WaitingList);

        var nr1 = Criterion(result, "holbaek-b3-1-convictions");
        Assert.Equal(Outcome.Ineligible, nr1.Outcome);
        Assert.Equal("bilag 3 nr. 1", nr1.Clause);
        Assert.Equal(PackId, nr1.Source);
        Assert.Equal([("m1", Outcome.Ineligible)], nr1.Members.Select(m => (m.MemberId, m.Outcome)));
        Assert.Equal(Outcome.Ineligible, result.Outcome);
    }

    [Theory]
    [Clause(PackId, "bilag 3 nr. 1")]
    [InlineData(23, Outcome.Ineligible)]
    [InlineData(25, Outcome.Eligible)]
    public void Check_PenalCodeConvictionMonthsAgo_CountsOnlyWithinTheLastTwoYears(int monthsAgo, Outcome expected)
    {
        var household = Household("case-102", Adult("m1", 40) with { Convictions = [new Conviction { Date = On.AddMonths(-monthsAgo), Act = ConvictionAct.PenalCode }] });

        var result = Check(Red(), household, LettingRoute.WaitingList);

        Assert.Equal(expected, Criterion(result, "holbaek-b3-1-convictions").Outcome);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 1")]
    public void Check_ConvictionUnderAnotherAct_DoesNotFailNr1()
    {
        var household = Household("case-103", Adult("m1", 40) with { Convictions = [new Conviction { Date = On.AddMonths(-3), Act = ConvictionAct.Other }] });

        var result = Check(Red(), household, LettingRoute.WaitingList);

        Assert.Equal(Outcome.Eligible, Criterion(result, "holbaek-b3-1-convictions").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 1")]
    public void Check_FourteenYearOldsConviction_DoesNotCountForNr1()
    {
        var child = Build.Child("m3", Aged(14)) with { Convictions = [new Conviction { Date = On.AddMonths(-3), Act = ConvictionAct.PenalCode }] };
        var household = WorkingCouple("case-104", child);

        var result = Check(Red(), household, LettingRoute.WaitingList);

        var nr1 = Criterion(result, "holbaek-b3-1-convictions");
        Assert.Equal(Outcome.Eligible, nr1.Outcome);
        Assert.Equal(["m1", "m2"], nr1.Members.Select(m => m.MemberId));
        Assert.Equal(Outcome.Eligible, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 1")]
    public void Check_SixteenYearOldsConviction_FailsNr1()
    {
        var child = Build.Child("m3", Aged(16)) with { Convictions = [new Conviction { Date = On.AddMonths(-3), Act = ConvictionAct.EuphoriantsAct }] };
        var household = WorkingCouple("case-105", child);

        var result = Check(Red(), household, LettingRoute.WaitingList);

        var nr1 = Criterion(result, "holbaek-b3-1-convictions");
        Assert.Equal(Outcome.Ineligible, nr1.Outcome);
        Assert.Equal([("m1", Outcome.Eligible), ("m2", Outcome.Eligible), ("m3", Outcome.Ineligible)], nr1.Members.Select(m => (m.MemberId, m.Outcome)));
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 1")]
    public void Check_UnknownConvictions_AreUndeterminedAndAskForACriminalRecordCertificate()
    {
        var household = Household("case-106", Adult("m1", 40) with { Convictions = null });

        var result = Check(Red(), household, LettingRoute.WaitingList);

        var nr1 = Criterion(result, "holbaek-b3-1-convictions");
        Assert.Equal(Outcome.Undetermined, nr1.Outcome);
        Assert.Equal(["member.convictions"], nr1.Missing);
        Assert.Equal(Outcome.Undetermined, result.Outcome);
        Assert.Equal(["member.convictions"], result.Missing);
        Assert.Contains(result.Documents, d => d.En == "Criminal record certificate for household members aged 15 or over");
        Assert.Contains(result.Documents, d => d.Da == "Straffeattest for medlemmer af husstanden, som er fyldt 15 år");
    }

    [Theory]
    [Clause(PackId, "bilag 3 nr. 1")]
    [InlineData("2023-03-01", Outcome.Ineligible)]
    [InlineData("2023-02-28", Outcome.Eligible)]
    public void Check_ConvictionOnTheDayTwoYearsBack_IsWithinTheLastTwoYears(string date, Outcome expected)
    {
        // "indenfor de seneste to år dømt", evaluated 2025-03-01: a judgment on 2023-03-01 is inside the closed window
        // (a two-year limit from it runs to the end of 2025-03-01), as the second reading has it; one day earlier is outside.
        var convicted = Adult("m1", 40) with { Convictions = [new Conviction { Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Act = ConvictionAct.PenalCode }] };

        var result = Check(Red(), Household("case-120", convicted), LettingRoute.WaitingList);

        Assert.Equal(expected, Criterion(result, "holbaek-b3-1-convictions").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 1")]
    [Clause(PackId, "bilag 3 nr. 3")]
    public void Check_ConvictionAndBenefitOnTheSameDayTwoYearsBack_AreJudgedAlike()
    {
        // Issue 11: a conviction on the day two years back passed nr. 1 (>) while a benefit ending that day failed nr. 3 (>=).
        // Now both use one window: the conviction on 2023-03-01 and the benefit whose last day is 2023-03-01 are both inside.
        var convicted = Adult("m1", 40) with { Convictions = [new Conviction { Date = new DateOnly(2023, 3, 1), Act = ConvictionAct.PenalCode }] };
        var supported = Adult("m1", 40) with { Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2022, 9, 1), To = new DateOnly(2023, 3, 2) }] };

        var nr1 = Criterion(Check(Red(), Household("case-121", convicted), LettingRoute.WaitingList), "holbaek-b3-1-convictions");
        var nr3 = Criterion(Check(Red(), Household("case-122", supported), LettingRoute.WaitingList), "holbaek-b3-3-public-support");

        Assert.Equal(Outcome.Ineligible, nr1.Outcome);
        Assert.Equal(Outcome.Ineligible, nr3.Outcome);
    }

    #endregion

    #region Bilag 3 nr. 2 Fast arbejde eller godkendt uddannelse (15-64 år)

    [Theory]
    [Clause(PackId, "bilag 3 nr. 2")]
    [InlineData(16407, Outcome.Ineligible)]
    [InlineData(16408, Outcome.Eligible)]
    [InlineData(16409, Outcome.Eligible)]
    public void Check_MonthlyGrossIncomeAgainstThe2023Threshold16408_DecidesFixedWork(int income, Outcome expected)
    {
        var household = Household("case-201", Build.Worker("m1", Aged(40), monthlyGrossIncome: income));

        var result = Check(Red(), household, LettingRoute.WaitingList);

        var nr2 = Criterion(result, "holbaek-b3-2-work-or-education");
        Assert.Equal(expected, nr2.Outcome);
        Assert.Equal("bilag 3 nr. 2", nr2.Clause);
        Assert.Equal([("m1", expected)], nr2.Members.Select(m => (m.MemberId, m.Outcome)));
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 2")]
    public void FixedWorkThreshold_Is16408DkkPerMonthFrom2023()
    {
        Assert.Equal(16408m, Pack.ParameterValue("fixedWorkMonthlyIncome", On));
        Assert.Equal(16408m, Pack.ParameterValue("fixedWorkMonthlyIncome", new DateOnly(2023, 1, 1)));
        Assert.Null(Pack.ParameterValue("fixedWorkMonthlyIncome", new DateOnly(2022, 12, 31)));
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 2")]
    public void Check_SixtyFiveYearOldWithoutWork_DoesNotFailNr2()
    {
        var retired = Adult("m2", 65, MemberRole.Partner) with { Employment = [], Benefits = [new Benefit { Type = BenefitType.StatePension, From = On.AddMonths(-1), To = null }] };
        var household = Household("case-202", Adult("m1", 60), retired);

        var result = Check(Red(), household, LettingRoute.WaitingList);

        var nr2 = Criterion(result, "holbaek-b3-2-work-or-education");
        Assert.Equal(Outcome.Eligible, nr2.Outcome);
        Assert.Equal(["m1"], nr2.Members.Select(m => m.MemberId));
        Assert.Equal(Outcome.Eligible, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 2")]
    public void Check_SixtyFourYearOldWithoutWork_FailsNr2()
    {
        var household = Household("case-203", Adult("m1", 64) with { Employment = [] });

        var result = Check(Red(), household, LettingRoute.WaitingList);

        Assert.Equal(Outcome.Ineligible, Criterion(result, "holbaek-b3-2-work-or-education").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 2")]
    public void Check_ApplicantInApprovedEducationWithoutWork_MeetsNr2()
    {
        var student = Adult("m1", 24) with
        {
            Employment = [],
            Education = new Education { Enrolled = [new Enrollment { Kind = EducationLevel.Bachelor, Municipality = "Roskilde", SuEligible = true, Months = 36, From = On.AddMonths(-18) }], HighestCompleted = new CompletedEducation { Level = EducationLevel.UpperSecondary, ApprovedInDenmark = true } },
            Benefits = [new Benefit { Type = BenefitType.Su, From = On.AddMonths(-18), To = null }],
        };

        var result = Check(Red(), Household("case-204", student), LettingRoute.WaitingList);

        Assert.Equal(Outcome.Eligible, Criterion(result, "holbaek-b3-2-work-or-education").Outcome);
        Assert.Equal(Outcome.Eligible, result.Outcome);
    }

    [Theory]
    [Clause(PackId, "bilag 3 nr. 2")]
    [InlineData(true, Outcome.Eligible)]
    [InlineData(false, Outcome.Ineligible)]
    public void Check_FifteenYearOldChild_MustBeInEducationOrWork(bool inSchool, Outcome expected)
    {
        var child = Build.Child("m3", Aged(15)) with { Education = new Education { Enrolled = inSchool ? [new Enrollment { Kind = EducationLevel.Primary, From = new DateOnly(2020, 8, 1), To = new DateOnly(2030, 7, 1) }] : [] } };

        var result = Check(Red(), WorkingCouple("case-205", child), LettingRoute.WaitingList);

        var nr2 = Criterion(result, "holbaek-b3-2-work-or-education");
        Assert.Equal(expected, nr2.Outcome);
        Assert.Equal(("m3", expected), (nr2.Members[2].MemberId, nr2.Members[2].Outcome));
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 2")]
    public void Check_EmploymentThatEndedLastMonth_IsNotFixedWork()
    {
        var formerWorker = Adult("m1", 40) with { Employment = [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 37, MonthlyGrossIncome = 30000m, From = new DateOnly(2018, 1, 1), To = On.AddMonths(-1) }] };

        var result = Check(Red(), Household("case-206", formerWorker), LettingRoute.WaitingList);

        Assert.Equal(Outcome.Ineligible, Criterion(result, "holbaek-b3-2-work-or-education").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 2")]
    public void Check_UnknownIncome_IsUndeterminedAndAsksForPayslips()
    {
        var worker = Adult("m1", 40) with { Employment = [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 37, MonthlyGrossIncome = null, From = new DateOnly(2018, 1, 1), To = null }] };

        var result = Check(Red(), Household("case-207", worker), LettingRoute.WaitingList);

        var nr2 = Criterion(result, "holbaek-b3-2-work-or-education");
        Assert.Equal(Outcome.Undetermined, nr2.Outcome);
        Assert.Equal(["member.employment[].monthlyGrossIncome"], nr2.Missing);
        Assert.Equal(Outcome.Undetermined, result.Outcome);
        Assert.Contains(result.Documents, d => d.En == "Payslips");
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 2")]
    public void Check_A36MonthCourseBegunIn2012_IsNotApprovedEducationIn2025()
    {
        // "under godkendt uddannelse": a 36-month course from 2012-09-01 ended before 2015-09-01; in 2025 the member
        // without work is neither in fixed work nor in education, so the red department's appendix 3 is not met.
        var formerStudent = Jobless("m1", 33, MemberRole.Applicant) with
        {
            Education = new Education { Enrolled = [new Enrollment { Kind = EducationLevel.Bachelor, Municipality = "Roskilde", SuEligible = true, Months = 36, From = new DateOnly(2012, 9, 1) }], HighestCompleted = new CompletedEducation { Level = EducationLevel.Vocational, ApprovedInDenmark = true } },
        };

        var result = Check(Red(), Household("case-220", formerStudent), LettingRoute.WaitingList);

        Assert.Equal(Outcome.Ineligible, Criterion(result, "holbaek-b3-2-work-or-education").Outcome);
        Assert.Equal(Outcome.Ineligible, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 2")]
    public void Check_TwoCurrentJobsOf9000_AreFixedWorkAbove16408()
    {
        // "den gennemsnitlig bruttoindkomst … 16.408 kr./pr. måned": the member's income is the sum of the current jobs.
        var twoJobs = Adult("m1", 40) with
        {
            Employment =
            [
                new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 20, MonthlyGrossIncome = 9000m, From = new DateOnly(2022, 1, 1) },
                new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 17, MonthlyGrossIncome = 9000m, From = new DateOnly(2023, 6, 1) },
            ],
        };

        var result = Check(Red(), Household("case-221", twoJobs), LettingRoute.WaitingList);

        Assert.Equal(Outcome.Eligible, Criterion(result, "holbaek-b3-2-work-or-education").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 2")]
    public void Check_AJobThatEnded_DoesNotAddToTheIncome()
    {
        var oneJobLeft = Adult("m1", 40) with
        {
            Employment =
            [
                new Employment { Kind = EmploymentKind.Employee, MonthlyGrossIncome = 9000m, From = new DateOnly(2022, 1, 1) },
                new Employment { Kind = EmploymentKind.Employee, MonthlyGrossIncome = 9000m, From = new DateOnly(2023, 6, 1), To = On.AddMonths(-1) },
            ],
        };

        var result = Check(Red(), Household("case-222", oneJobLeft), LettingRoute.WaitingList);

        Assert.Equal(Outcome.Ineligible, Criterion(result, "holbaek-b3-2-work-or-education").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 2")]
    public void Check_AJobWhoseToIsTheEvaluationDate_HasEnded()
    {
        // The second reading takes an employment's to as its last day (eligible); the fact model's one definition
        // (DESIGN §5.1) makes to the first day it no longer holds, for employments, enrolments and benefits alike.
        var lastDay = Adult("m1", 40) with { Employment = [new Employment { Kind = EmploymentKind.Employee, MonthlyGrossIncome = 30000m, From = new DateOnly(2020, 1, 1), To = On }] };

        var result = Check(Red(), Household("case-223", lastDay), LettingRoute.WaitingList);

        Assert.Equal(Outcome.Ineligible, Criterion(result, "holbaek-b3-2-work-or-education").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 2")]
    public void Check_ACurrentJobWithoutIncome_IsUndeterminedAndAsksForPayslips()
    {
        var noIncome = Adult("m1", 40) with { Employment = [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 37, From = new DateOnly(2020, 1, 1) }] };

        var nr2 = Criterion(Check(Red(), Household("case-224", noIncome), LettingRoute.WaitingList), "holbaek-b3-2-work-or-education");

        Assert.Equal(Outcome.Undetermined, nr2.Outcome);
        Assert.Equal(["member.employment[].monthlyGrossIncome"], nr2.Missing);
    }

    #endregion

    #region Bilag 3 nr. 3 Ikke offentligt forsørget inden for de seneste to år (18-64 år)

    [Theory]
    [Clause(PackId, "bilag 3 nr. 3")]
    [InlineData(BenefitType.Su)]
    [InlineData(BenefitType.HolidayPay)]
    [InlineData(BenefitType.Maternity)]
    [InlineData(BenefitType.SicknessFromEmployment)]
    [InlineData(BenefitType.FlexWageSubsidy)]
    [InlineData(BenefitType.FlexBenefit)]
    [InlineData(BenefitType.EarlyRetirement)]
    public void Check_ExceptedBenefitReceivedNow_DoesNotFailNr3(BenefitType type)
    {
        var household = Household("case-301", Adult("m1", 40) with { Benefits = [new Benefit { Type = type, From = On.AddMonths(-4), To = null }] });

        var result = Check(Red(), household, LettingRoute.WaitingList);

        Assert.Equal(Outcome.Eligible, Criterion(result, "holbaek-b3-3-public-support").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 3")]
    public void Check_MaternityBenefitLastYear_DoesNotFailNr3()
    {
        var household = Household("case-302", Adult("m1", 33) with { Benefits = [new Benefit { Type = BenefitType.Maternity, From = On.AddMonths(-14), To = On.AddMonths(-4) }] });

        var result = Check(Red(), household, LettingRoute.WaitingList);

        Assert.Equal(Outcome.Eligible, Criterion(result, "holbaek-b3-3-public-support").Outcome);
        Assert.Equal(Outcome.Eligible, result.Outcome);
    }

    [Theory]
    [Clause(PackId, "bilag 3 nr. 3")]
    [InlineData(23, Outcome.Ineligible)]
    [InlineData(25, Outcome.Eligible)]
    public void Check_CashBenefitEndedMonthsAgo_FailsNr3OnlyWithinTheLastTwoYears(int monthsAgo, Outcome expected)
    {
        var household = Household("case-303", Adult("m1", 40) with { Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = On.AddMonths(-monthsAgo - 8), To = On.AddMonths(-monthsAgo) }] });

        var result = Check(Red(), household, LettingRoute.WaitingList);

        var nr3 = Criterion(result, "holbaek-b3-3-public-support");
        Assert.Equal(expected, nr3.Outcome);
        Assert.Equal("bilag 3 nr. 3", nr3.Clause);
        Assert.Equal([("m1", expected)], nr3.Members.Select(m => (m.MemberId, m.Outcome)));
        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [Clause(PackId, "bilag 3 nr. 3")]
    [InlineData(BenefitType.CashBenefit)]
    [InlineData(BenefitType.UnemploymentBenefit)]
    [InlineData(BenefitType.Sickness)]
    [InlineData(BenefitType.DisabilityPension)]
    [InlineData(BenefitType.ResourceProgramme)]
    [InlineData(BenefitType.Other)]
    public void Check_PublicSupportReceivedNow_FailsNr3(BenefitType type)
    {
        var household = Household("case-304", Adult("m1", 40) with { Benefits = [new Benefit { Type = type, From = On.AddMonths(-1), To = null }] });

        var result = Check(Red(), household, LettingRoute.WaitingList);

        Assert.Equal(Outcome.Ineligible, Criterion(result, "holbaek-b3-3-public-support").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 3")]
    public void Check_SeventeenYearOldOnEducationAid_DoesNotCountForNr3()
    {
        var teenager = Build.Child("m3", Aged(17)) with { Benefits = [new Benefit { Type = BenefitType.EducationAid, From = On.AddMonths(-2), To = null }] };

        var result = Check(Red(), WorkingCouple("case-305", teenager), LettingRoute.WaitingList);

        var nr3 = Criterion(result, "holbaek-b3-3-public-support");
        Assert.Equal(Outcome.Eligible, nr3.Outcome);
        Assert.Equal(["m1", "m2"], nr3.Members.Select(m => m.MemberId));
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 3")]
    public void Check_UnknownBenefits_AreUndeterminedAndAskForTaxStatements()
    {
        var household = Household("case-306", Adult("m1", 40) with { Benefits = null });

        var result = Check(Red(), household, LettingRoute.WaitingList);

        var nr3 = Criterion(result, "holbaek-b3-3-public-support");
        Assert.Equal(Outcome.Undetermined, nr3.Outcome);
        Assert.Equal(["member.benefits"], nr3.Missing);
        Assert.Contains(result.Documents, d => d.En == "Annual tax statements and payslips for the last two years");
    }

    [Theory]
    [Clause(PackId, "bilag 3 nr. 3")]
    [InlineData("2023-03-02", Outcome.Ineligible)]
    [InlineData("2023-03-01", Outcome.Eligible)]
    public void Check_BenefitEndingAtTheWindowEdge_CountsWhenItsLastDayIsInside(string to, Outcome expected)
    {
        // "har på noget tidspunkt indenfor de seneste to år været offentligt forsørgede", evaluated 2025-03-01: to is the
        // first day without the benefit, so to 2023-03-02 has its last day on 2023-03-01, inside; to 2023-03-01 does not.
        var member = Adult("m1", 40) with { Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2022, 6, 1), To = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) }] };

        var result = Check(Red(), Household("case-320", member), LettingRoute.WaitingList);

        Assert.Equal(expected, Criterion(result, "holbaek-b3-3-public-support").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 3")]
    public void Check_BenefitStartingAfterTheEvaluationDate_IsNotSupportWithinTheLastTwoYears()
    {
        var member = Adult("m1", 40) with { Benefits = [new Benefit { Type = BenefitType.CashBenefit, From = On.AddMonths(1) }] };

        Assert.Equal(Outcome.Eligible, Criterion(Check(Red(), Household("case-321", member), LettingRoute.WaitingList), "holbaek-b3-3-public-support").Outcome);
    }

    #endregion

    #region Bilag 3 nr. 4 Uddannelse over grundskoleniveau (30-59 år)

    [Theory]
    [Clause(PackId, "bilag 3 nr. 4")]
    [InlineData(29, Outcome.Eligible)]
    [InlineData(30, Outcome.Ineligible)]
    [InlineData(35, Outcome.Ineligible)]
    [InlineData(59, Outcome.Ineligible)]
    [InlineData(60, Outcome.Eligible)]
    [InlineData(61, Outcome.Eligible)]
    public void Check_PrimarySchoolOnly_FailsNr4OnlyFrom30To59(int age, Outcome expected)
    {
        var member = Adult("m1", age) with { Education = new Education { Enrolled = [], HighestCompleted = new CompletedEducation { Level = EducationLevel.Primary, ApprovedInDenmark = true } } };

        var result = Check(Red(), Household("case-401", member), LettingRoute.WaitingList);

        var nr4 = Criterion(result, "holbaek-b3-4-education-level");
        Assert.Equal(expected, nr4.Outcome);
        Assert.Equal("bilag 3 nr. 4", nr4.Clause);
        string[] inBand = age is >= 30 and <= 59 ? ["m1"] : [];
        Assert.Equal(inBand, nr4.Members.Select(m => m.MemberId));
    }

    [Theory]
    [Clause(PackId, "bilag 3 nr. 4")]
    [InlineData(false, Outcome.Ineligible)]
    [InlineData(true, Outcome.Eligible)]
    public void Check_EducationTakenAbroad_CountsOnlyWhenApprovedInDenmark(bool approved, Outcome expected)
    {
        var member = Adult("m1", 42) with { Education = new Education { Enrolled = [], HighestCompleted = new CompletedEducation { Level = EducationLevel.Master, ApprovedInDenmark = approved } } };

        var result = Check(Red(), Household("case-402", member), LettingRoute.WaitingList);

        Assert.Equal(expected, Criterion(result, "holbaek-b3-4-education-level").Outcome);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 3 nr. 4")]
    public void Check_UnknownEducation_IsUndeterminedAndAsksForTheDiplomaAndApproval()
    {
        var member = Adult("m1", 42) with { Education = new Education { Enrolled = [], HighestCompleted = null } };

        var result = Check(Red(), Household("case-403", member), LettingRoute.WaitingList);

        var nr4 = Criterion(result, "holbaek-b3-4-education-level");
        Assert.Equal(Outcome.Undetermined, nr4.Outcome);
        Assert.Equal(["member.education.highestCompleted"], nr4.Missing);
        Assert.Equal(Outcome.Undetermined, result.Outcome);
        Assert.Contains(result.Documents, d => d.En == "Diploma");
        Assert.Contains(result.Documents, d => d.En == "Proof of approval in Denmark if the education was taken abroad");
    }

    #endregion

    #region Bilag 4 Særlige kriterier for fleksibel udlejning (sidestillede)

    [Fact]
    [Clause(PackId, "bilag 4")]
    public void Check_HouseholdMeetingNoAppendix4Criterion_IsIneligibleOnTheFlexibleRoute()
    {
        var result = Check(Green(), NoFlexibleCriterion("case-501"), LettingRoute.Flexible);

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.All(result.Criteria, c => Assert.Equal(Outcome.Ineligible, c.Outcome));
        Assert.Empty(result.Documents);
        Assert.Equal(
            "holbaek-green-flexible (holbaek-2024 bilag 4): Flexible letting under the special criteria of appendix 4.",
            ResultText.Line(result.Explanation[^1], Language.English));
        Assert.Equal(
            "holbaek-green-flexible (holbaek-2024 bilag 4): Fleksibel udlejning efter de særlige kriterier i bilag 4.",
            ResultText.Line(result.Explanation[^1], Language.Danish));
    }

    [Fact]
    [Clause(PackId, "bilag 4")]
    public void Check_MissingFactOnTheFlexibleRoute_IsUndeterminedNamingTheFactAndItsDocument()
    {
        var household = NoFlexibleCriterion("case-502") with { SoldHome = null };

        var result = Check(Green(), household, LettingRoute.Flexible);

        Assert.Equal(Outcome.Undetermined, result.Outcome);
        var nr5 = Criterion(result, "holbaek-b4-5-sold-home");
        Assert.Equal(Outcome.Undetermined, nr5.Outcome);
        Assert.Equal(["household.soldHome"], nr5.Missing);
        Assert.Equal(["household.soldHome"], result.Missing);
        Assert.Equal(["Signed sale agreement"], result.Documents.Select(d => d.En));
        Assert.Equal(["Underskrevet salgsaftale"], result.Documents.Select(d => d.Da));
    }

    [Fact]
    [Clause(PackId, "bilag 4")]
    public void Check_HouseholdMeetingOneCriterion_NeedsToDocumentOnlyThatCriterion()
    {
        // case-001 in samples: a working couple that has neither divorced nor sold a home; the facts say nothing about either.
        var result = Check(Green(), WorkingCouple("case-503"), LettingRoute.Flexible);

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal(Outcome.Eligible, Criterion(result, "holbaek-b4-1-work").Outcome);
        Assert.Empty(result.Missing);
        Assert.DoesNotContain(result.Documents, d => d.En == "Signed sale agreement");
        Assert.DoesNotContain(result.Documents, d => d.En.StartsWith("Divorce or separation papers", StringComparison.Ordinal));
    }

    #endregion

    #region Bilag 4 nr. 1 Fast tilknytning til arbejdsmarkedet

    [Theory]
    [Clause(PackId, "bilag 4 nr. 1")]
    [InlineData(MemberRole.Applicant, EmploymentKind.Employee, 25, Outcome.Eligible)]
    [InlineData(MemberRole.Applicant, EmploymentKind.Employee, 24, Outcome.Ineligible)]
    [InlineData(MemberRole.Partner, EmploymentKind.Employee, 30, Outcome.Eligible)]
    [InlineData(MemberRole.Applicant, EmploymentKind.FlexJob, 15, Outcome.Eligible)]
    [InlineData(MemberRole.Partner, EmploymentKind.SelfEmployed, 25, Outcome.Eligible)]
    [InlineData(MemberRole.Partner, EmploymentKind.SelfEmployed, 20, Outcome.Ineligible)]
    [InlineData(MemberRole.Child, EmploymentKind.Employee, 37, Outcome.Ineligible)]
    public void Check_WorkOfApplicantOrCohabitant_MeetsNr1Alone(MemberRole whoWorks, EmploymentKind kind, int hours, Outcome expected)
    {
        var job = new Employment { Kind = kind, HoursPerWeek = hours, MonthlyGrossIncome = 20000m, From = On.AddYears(-2), To = null };
        var applicant = Jobless("m1", 45, MemberRole.Applicant);
        var partner = Jobless("m2", 44, MemberRole.Partner);
        var child = Jobless("m3", 19, MemberRole.Child);
        var household = NoFlexibleCriterion("case-601") with
        {
            Members = [
                whoWorks == MemberRole.Applicant ? applicant with { Employment = [job] } : applicant,
                whoWorks == MemberRole.Partner ? partner with { Employment = [job] } : partner,
                whoWorks == MemberRole.Child ? child with { Employment = [job] } : child,
            ],
        };

        var result = Check(Green(), household, LettingRoute.Flexible);

        var nr1 = Criterion(result, "holbaek-b4-1-work");
        Assert.Equal(expected, nr1.Outcome);
        Assert.Equal("bilag 4 nr. 1", nr1.Clause);
        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [Clause(PackId, "bilag 4 nr. 1")]
    [InlineData(2, 0, Outcome.Eligible)]
    [InlineData(2, 1, Outcome.Ineligible)]
    public void Check_NewJobStartingWithinTwoMonthsOfTakeover_MeetsNr1(int months, int extraDays, Outcome expected)
    {
        var job = new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 37, MonthlyGrossIncome = 28000m, From = On.AddMonths(months).AddDays(extraDays), To = null };
        var household = NoFlexibleCriterion("case-602") with { Members = [Jobless("m1", 45, MemberRole.Applicant) with { Employment = [job] }] };

        var result = Check(Green(), household, LettingRoute.Flexible);

        Assert.Equal(expected, Criterion(result, "holbaek-b4-1-work").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 4 nr. 1")]
    public void Check_MetByWork_ListsTheEmploymentDocuments()
    {
        var household = NoFlexibleCriterion("case-603") with { Members = [Adult("m1", 45)] };

        var result = Check(Green(), household, LettingRoute.Flexible);

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal(
            [
                "Employment contract and payslips for the last three months (for a new job: the contract)",
                "For a flex job: the municipality's grant of the flex job",
                "Self-employed: CVR registration, last year's tax statement and the preliminary income assessment",
                "Self-employed: evidence that the profit makes it likely that the rent can be paid",
            ],
            result.Documents.Select(d => d.En));
    }

    [Fact]
    [Clause(PackId, "bilag 4 nr. 1")]
    public void Check_TwoJobsOf15And12Hours_AreAttachmentOfAtLeast25Hours()
    {
        // "Beskæftigelsen skal have et omfang af mindst 25 timer om ugen": the employment as a whole, 15 + 12 hours.
        var twoJobs = Jobless("m1", 35, MemberRole.Applicant) with
        {
            Employment =
            [
                new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 15, MonthlyGrossIncome = 9000m, From = new DateOnly(2023, 1, 1) },
                new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 12, MonthlyGrossIncome = 7000m, From = new DateOnly(2024, 1, 1) },
            ],
        };

        var result = Check(Green(), NoFlexibleCriterion("case-720") with { Members = [twoJobs] }, LettingRoute.Flexible);

        Assert.Equal(Outcome.Eligible, Criterion(result, "holbaek-b4-1-work").Outcome);
    }

    [Theory]
    [Clause(PackId, "bilag 4 nr. 1")]
    [InlineData(0, Outcome.Eligible)]
    [InlineData(1, Outcome.Ineligible)]
    public void Check_ANewJobStartingTwoMonthsLater_Counts_ADayLaterDoesNot(int daysAfterTwoMonths, Outcome expected)
    {
        // "Arbejdet skal påbegyndes senest 2 måneder efter boligens overtagelsestidspunkt" (the evaluation date as takeover).
        var newJob = Jobless("m1", 35, MemberRole.Applicant) with { Employment = [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 37, MonthlyGrossIncome = 30000m, From = On.AddMonths(2).AddDays(daysAfterTwoMonths) }] };

        var result = Check(Green(), NoFlexibleCriterion("case-721") with { Members = [newJob] }, LettingRoute.Flexible);

        Assert.Equal(expected, Criterion(result, "holbaek-b4-1-work").Outcome);
    }

    #endregion

    #region Bilag 4 nr. 2 Kompetencegivende uddannelse i Holbæk Kommune

    [Theory]
    [Clause(PackId, "bilag 4 nr. 2")]
    [InlineData(EducationLevel.Vocational, "Holbæk", true, 48, Outcome.Eligible)]
    [InlineData(EducationLevel.Bachelor, "Holbæk", true, 12, Outcome.Eligible)]
    [InlineData(EducationLevel.Bachelor, "Roskilde", true, 36, Outcome.Ineligible)]
    [InlineData(EducationLevel.UpperSecondary, "Holbæk", true, 36, Outcome.Ineligible)]
    [InlineData(EducationLevel.ShortCycle, "Holbæk", false, 24, Outcome.Ineligible)]
    [InlineData(EducationLevel.Vocational, "Holbæk", true, 11, Outcome.Ineligible)]
    public void Check_ApplicantsEducation_MeetsNr2WhenCompetenceGivingSuEligibleAYearOrMoreInHolbaek(EducationLevel kind, string municipality, bool suEligible, int months, Outcome expected)
    {
        var student = Jobless("m1", 22, MemberRole.Applicant) with
        {
            Education = new Education { Enrolled = [new Enrollment { Kind = kind, Municipality = municipality, SuEligible = suEligible, Months = months, From = On.AddMonths(-6) }], HighestCompleted = new CompletedEducation { Level = EducationLevel.UpperSecondary, ApprovedInDenmark = true } },
        };
        var household = NoFlexibleCriterion("case-701") with { Members = [student] };

        var result = Check(Green(), household, LettingRoute.Flexible);

        var nr2 = Criterion(result, "holbaek-b4-2-education");
        Assert.Equal(expected, nr2.Outcome);
        Assert.Equal("bilag 4 nr. 2", nr2.Clause);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 4 nr. 2")]
    public void Check_PartnersEducation_DoesNotMeetNr2()
    {
        var student = Jobless("m2", 23, MemberRole.Partner) with
        {
            Education = new Education { Enrolled = [new Enrollment { Kind = EducationLevel.Vocational, Municipality = "Holbæk", SuEligible = true, Months = 48, From = On.AddMonths(-6) }] },
        };
        var household = NoFlexibleCriterion("case-702") with { Members = [Jobless("m1", 24, MemberRole.Applicant), student] };

        var result = Check(Green(), household, LettingRoute.Flexible);

        Assert.Equal(Outcome.Ineligible, Criterion(result, "holbaek-b4-2-education").Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 4 nr. 2")]
    public void Check_ACourseStartingNextYear_DoesNotCountYet()
    {
        // "Boligsøgende der er ved at gennemføre en kompetencegivende uddannelse": present tense, so an admission to a
        // programme that starts next year does not give priority now.
        var admitted = Jobless("m1", 22, MemberRole.Applicant) with
        {
            Education = new Education { Enrolled = [new Enrollment { Kind = EducationLevel.Vocational, Municipality = "Holbæk", SuEligible = true, Months = 48, From = On.AddYears(1) }] },
        };

        var result = Check(Green(), NoFlexibleCriterion("case-820") with { Members = [admitted] }, LettingRoute.Flexible);

        Assert.Equal(Outcome.Ineligible, Criterion(result, "holbaek-b4-2-education").Outcome);
    }

    [Theory]
    [Clause(PackId, "bilag 4 nr. 2")]
    [InlineData("2025-08-01", Outcome.Eligible)]
    [InlineData("2025-07-31", Outcome.Ineligible)]
    public void Check_AProgrammeGivenByItsEndDate_MustLastAtLeastAYear(string to, Outcome expected)
    {
        // "sammenhængende heltidsundervisningstilbud af minimum et års varighed": from 2024-08-01, to (exclusive) a year later.
        var student = Jobless("m1", 22, MemberRole.Applicant) with
        {
            Education = new Education { Enrolled = [new Enrollment { Kind = EducationLevel.ShortCycle, Municipality = "Holbæk", SuEligible = true, From = new DateOnly(2024, 8, 1), To = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) }] },
        };

        var result = Check(Green(), NoFlexibleCriterion("case-821") with { Members = [student] }, LettingRoute.Flexible);

        Assert.Equal(expected, Criterion(result, "holbaek-b4-2-education").Outcome);
    }

    #endregion

    #region Bilag 4 nr. 3 Skilsmisse med hjemmeboende børn under 18 år

    [Theory]
    [Clause(PackId, "bilag 4 nr. 3")]
    [InlineData(6, true, "Org A", Outcome.Eligible)]
    [InlineData(12, true, "Org A", Outcome.Eligible)]
    [InlineData(13, true, "Org A", Outcome.Ineligible)]
    [InlineData(6, false, "Org A", Outcome.Ineligible)]
    [InlineData(6, true, "Org B", Outcome.Ineligible)]
    public void Check_DivorceWithinAYearWithChildrenAtHomeInTheSameOrganisation_MeetsNr3(int monthsAgo, bool childrenAtHome, string currentOrganisation, Outcome expected)
    {
        var household = NoFlexibleCriterion("case-801") with
        {
            Members = [Jobless("m1", 38, MemberRole.Applicant), Build.Child("m2", Aged(9))],
            CurrentOrganisation = currentOrganisation,
            Divorce = new Divorce { Date = On.AddMonths(-monthsAgo), ChildrenUnder18AtHome = childrenAtHome },
        };

        var result = Check(Green(), household, LettingRoute.Flexible);

        var nr3 = Criterion(result, "holbaek-b4-3-divorce");
        Assert.Equal(expected, nr3.Outcome);
        Assert.Equal("bilag 4 nr. 3", nr3.Clause);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 4 nr. 3")]
    public void Check_DivorceWithUnknownDate_IsUndeterminedAndAsksForDivorcePapers()
    {
        var household = NoFlexibleCriterion("case-802") with
        {
            CurrentOrganisation = "Org A",
            Divorce = new Divorce { Date = null, ChildrenUnder18AtHome = true },
        };

        var result = Check(Green(), household, LettingRoute.Flexible);

        var nr3 = Criterion(result, "holbaek-b4-3-divorce");
        Assert.Equal(Outcome.Undetermined, nr3.Outcome);
        Assert.Equal(["household.divorce.date"], nr3.Missing);
        Assert.Equal(Outcome.Undetermined, result.Outcome);
        Assert.Equal(["Divorce or separation papers, or certificates of residence for both if not married"], result.Documents.Select(d => d.En));
    }

    [Theory]
    [Clause(PackId, "bilag 4 nr. 3")]
    [InlineData(-12, Outcome.Eligible)]
    [InlineData(1, Outcome.Ineligible)]
    public void Check_DivorceWindow_IsTheClosedLastYear(int monthsFromNow, Outcome expected)
    {
        // "fortrinsret til en bolig kan gives op til et år efter skilsmisse": exactly a year ago counts; a date after the
        // evaluation date is not a divorce that has happened.
        var household = NoFlexibleCriterion("case-920") with
        {
            CurrentOrganisation = "Org A",
            Divorce = new Divorce { Date = On.AddMonths(monthsFromNow), ChildrenUnder18AtHome = true },
        };

        var result = Check(Green(), household, LettingRoute.Flexible);

        Assert.Equal(expected, Criterion(result, "holbaek-b4-3-divorce").Outcome);
    }

    #endregion

    #region Bilag 4 nr. 4 Seniorer 60+ hjemmehørende i Holbæk Kommune

    [Theory]
    [Clause(PackId, "bilag 4 nr. 4")]
    [InlineData(60, "Holbæk", Outcome.Eligible)]
    [InlineData(72, "Holbæk", Outcome.Eligible)]
    [InlineData(59, "Holbæk", Outcome.Ineligible)]
    [InlineData(60, "Kalundborg", Outcome.Ineligible)]
    public void Check_SeniorResidentInHolbaek_MeetsNr4(int age, string residentMunicipality, Outcome expected)
    {
        var household = NoFlexibleCriterion("case-901") with { Members = [Jobless("m1", age, MemberRole.Applicant)], ResidentMunicipality = residentMunicipality };

        var result = Check(Green(), household, LettingRoute.Flexible);

        var nr4 = Criterion(result, "holbaek-b4-4-senior");
        Assert.Equal(expected, nr4.Outcome);
        Assert.Equal("bilag 4 nr. 4", nr4.Clause);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "bilag 4 nr. 4")]
    public void Check_SeniorOfUnknownAge_IsUndeterminedAndAsksForIdAndResidence()
    {
        var household = NoFlexibleCriterion("case-902") with { Members = [Jobless("m1", 60, MemberRole.Applicant) with { BirthDate = null }] };

        var result = Check(Green(), household, LettingRoute.Flexible);

        var nr4 = Criterion(result, "holbaek-b4-4-senior");
        Assert.Equal(Outcome.Undetermined, nr4.Outcome);
        Assert.Equal(Outcome.Undetermined, result.Outcome);
        Assert.Contains(result.Documents, d => d.En == "Passport, driving licence or health card, and a certificate of residence");
    }

    [Fact]
    [Clause(PackId, "bilag 4 nr. 4")]
    public void Check_SeniorOfUnknownAge_NamesTheBirthDateAsTheMissingFact()
    {
        var household = NoFlexibleCriterion("case-903") with { Members = [Jobless("m1", 60, MemberRole.Applicant) with { BirthDate = null }] };

        var result = Check(Green(), household, LettingRoute.Flexible);

        Assert.Equal(["applicant.birthDate"], Criterion(result, "holbaek-b4-4-senior").Missing);
    }

    #endregion

    #region Bilag 4 nr. 5 Solgt egen bolig i Holbæk Kommune

    [Theory]
    [Clause(PackId, "bilag 4 nr. 5")]
    [InlineData("Holbæk", -2, Outcome.Eligible)]
    [InlineData("Holbæk", 0, Outcome.Eligible)]
    [InlineData("Holbæk", -12, Outcome.Eligible)]   // the day one year back is inside the window, as for every "within"
    [InlineData("Holbæk", -13, Outcome.Ineligible)] // sold longer ago: no home released at the allocation
    [InlineData("Odsherred", -2, Outcome.Ineligible)]
    public void Check_SoldOwnHomeInHolbaek_MeetsNr5(string municipality, int monthsFromNow, Outcome expected)
    {
        var household = NoFlexibleCriterion("case-1001") with { SoldHome = new SoldHome { Municipality = municipality, Date = On.AddMonths(monthsFromNow) } };

        var result = Check(Green(), household, LettingRoute.Flexible);

        var nr5 = Criterion(result, "holbaek-b4-5-sold-home");
        Assert.Equal(expected, nr5.Outcome);
        Assert.Equal("bilag 4 nr. 5", nr5.Clause);
        Assert.Equal(expected, result.Outcome);
        if (expected == Outcome.Eligible)
        {
            Assert.Equal(["Signed sale agreement"], result.Documents.Select(d => d.En));
        }
    }

    #endregion

    #region § 8.2 Bilag 1 genforhandles i marts: placering fra en dato, nøgletallenes alder

    // § 8.2: "Derudover genforhandles bilag 1 hvert år på mødet i marts" / "Bilag 1 opdateres hvert år ud fra Social og
    // Boligstyrelsens data pr. 1. december … Opdateringen foregår inden mødet i marts."

    [Fact]
    [Clause(PackId, "§ 8.2")]
    public void Place_DepartmentWithAColourDecidedInMarch_IsPlacedByTheDecidedColourFromItsDate()
    {
        // Key figures say green (0.20); appendix 1 as agreed on 2025-03-20 says yellow (e.g. the organisation's own assessment).
        var department = Department("HB-120", 0.20m) with { DecidedTiers = [new DecidedTier { Tier = "green", From = new DateOnly(2024, 7, 1) }, new DecidedTier { Tier = "yellow", From = new DateOnly(2025, 3, 20) }] };

        var before = Pack.Place(new PlacementRequest(department, new DateOnly(2025, 3, 19)));
        var after = Pack.Place(new PlacementRequest(department, new DateOnly(2025, 3, 20)));

        Assert.Equal(("green", "1/3"), (before.Tier, before.MunicipalShare?.ToString()));
        Assert.Equal(("yellow", "1/6"), (after.Tier, after.MunicipalShare?.ToString()));
        Assert.Equal(
            "placement.decided (holbaek-2024 § 8.2): Appendix 1 is renegotiated every year at the March meeting (§ 8.2): the colour the parties agreed for the department applies from the date it was agreed from. The department is placed as 'Yellow' from 2025-03-20.",
            ResultText.Line(Assert.Single(after.Explanation), Language.English));
        Assert.Empty(after.Warnings);
    }

    [Fact]
    [Clause(PackId, "§ 8.2")]
    public void Place_DecidedColourThatIsNotATier_IsUnplacedNamingTheTiers()
    {
        var department = Department("HB-121", 0.20m) with { DecidedTiers = [new DecidedTier { Tier = "purple", From = new DateOnly(2025, 3, 1) }] };

        var result = Pack.Place(new PlacementRequest(department, On));

        Assert.Equal(PlacementOutcome.Unplaced, result.Outcome);
        Assert.Equal("The decided tier 'purple' (from 2025-03-01) is not one of the pack's placements (Green, Yellow, Red, Uncoloured, Rehousing (dispensation)).", Assert.Single(result.Explanation).Reason.En);
    }

    [Fact]
    [Clause(PackId, "§ 8.2")]
    public void Place_KeyFiguresDatedAfterTheEvaluationDate_WarnsThatTheyDescribeALaterTime()
    {
        // Issue 11: "key figures dated 2026-12-01 were used for a placement on 2023-02-01 without a word".
        var department = Department("HB-122", 0.20m) with { KeyFigures = new KeyFigures { OutsideLabourMarketShare = 0.20m, AsOf = new DateOnly(2026, 12, 1) } };

        var result = Pack.Place(new PlacementRequest(department, new DateOnly(2025, 2, 1)));

        Assert.Equal("green", result.Tier);
        Assert.Contains("The key figures are dated 2026-12-01, after the evaluation date 2025-02-01: they describe a later time than the placement is for.", result.Warnings.Select(w => w.En));
        Assert.Contains("Nøgletallene er dateret 2026-12-01, efter evalueringsdatoen 2025-02-01: de beskriver et senere tidspunkt end det, placeringen gælder.", result.Warnings.Select(w => w.Da));
    }

    [Theory]
    [Clause(PackId, "§ 8.2")]
    [InlineData("2025-03-31", false)] // figures as of 2023-12-01 serve until the March 2025 meeting: 16 months
    [InlineData("2025-04-02", true)]  // past the March meeting a year and four months on: the update was missed
    [InlineData("2025-04-01", false)] // exactly 16 months after 2023-12-01: not more than 16 months
    public void Place_KeyFiguresOlderThanTheYearlyCycleAllows_Warns(string on, bool warns)
    {
        var result = Pack.Place(new PlacementRequest(Department("HB-123", 0.20m), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(warns, result.Warnings.Any(w => w.En.StartsWith("The key figures are dated 2023-12-01, more than 16 months before the evaluation date", StringComparison.Ordinal)));
    }

    [Fact]
    [Clause(PackId, "§ 8.2")]
    public void Place_OnTheFirstDatesOfTheCalendar_IsUndeterminedByTheMissingBandsAndDoesNotThrow()
    {
        // The update cycle's cut-off (16 months before the date) is worked out once per date, for every placement on
        // it, and 16 months before 0001-03-01 is no date at all: subtracting the months would throw. A placement on
        // such a date is the plain answer for a date before the bands have values: undetermined, naming the missing
        // parameter.
        foreach (var on in new[] { DateOnly.MinValue, new DateOnly(1, 3, 1), new DateOnly(2, 4, 30), new DateOnly(2, 5, 2) })
        {
            var department = Department("HB-124", 0.20m) with { KeyFigures = new KeyFigures { OutsideLabourMarketShare = 0.20m, AsOf = DateOnly.MinValue } };

            var result = Pack.Place(new PlacementRequest(department, on));

            Assert.Equal(PlacementOutcome.Undetermined, result.Outcome);
            Assert.Equal(["param.greenMax"], result.Missing);
            Assert.DoesNotContain(result.Warnings, w => w.En.Contains("update cycle", StringComparison.Ordinal));
        }
    }

    #endregion

    #region § 3 og § 5 Boligen: ældre-/plejeboliger og særligt tilgængelighedsegnede boliger (check med boligen)

    // § 3: "Holbæk Kommune har 100 procent anvisningsret til boligorganisationernes ældre-/plejeboliger. Ungdomsboliger i
    // Holbæk Kommune er undtaget af Rammeaftalen." § 5: "90 særligt tilgængelighedsegnede boliger, som Holbæk Kommune har
    // 100 % anvisningsret til, samt 42 … hvor Holbæk Kommune har anvisningsret til hver anden ledige bolig … Afsnit 6 …
    // finder således ikke anvendelse på denne type boliger." A red department's "friholdes" is § 6: it does not reach them.

    /// <summary>A 62-year-old on efterløn (early retirement), no job: fails appendix 3 nr. 2 (15-64 in fixed work or education).</summary>
    private static Household OnEarlyRetirement(string id) => Household(id, Jobless("m1", 62, MemberRole.Applicant) with
    {
        Benefits = [new Benefit { Type = BenefitType.EarlyRetirement, From = On.AddYears(-1), To = null }],
    });

    private static EligibilityResult CheckDwelling(Department department, Household household, LettingRoute route, Vacancy vacancy)
        => Pack.Check(new EligibilityRequest(department, household, route, On) { Vacancy = vacancy });

    [Theory]
    [Clause(PackId, "§ 3")]
    [Clause(PackId, "§ 5")]
    [Clause(PackId, "bilag 2")]
    [InlineData(DwellingCategory.Elderly, null, "holbaek-elderly")]
    [InlineData(DwellingCategory.Accessible, "accessible-full", "holbaek-accessible-full")]
    [InlineData(DwellingCategory.Accessible, "accessible-half", "holbaek-accessible-half")]
    public void Check_ElderlyOrAccessibleDwellingInARedDepartmentOnTheMunicipalRoute_IsOpenNotExempt(DwellingCategory category, string? programme, string rule)
    {
        // Issue 11: these route municipal in a red department, but check --route municipal answered "Røde afdelinger friholdes".
        var vacancy = Vacancies.Of("HB-104-D01", "HB-104", category, programme);

        var result = CheckDwelling(Red(), WorkingCouple("case-601"), LettingRoute.Municipal, vacancy);

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.False(result.RouteClosed);
        Assert.Empty(result.Criteria);
        Assert.Contains(result.Explanation, e => e.RuleId == rule);
        Assert.DoesNotContain(result.Explanation, e => e.RuleId == "red.municipal");
        Assert.Equal("red", result.Placement.Tier);
    }

    [Fact]
    [Clause(PackId, "§ 3")]
    public void Check_ElderlyDwellingInARedDepartment_ExplainsTheMunicipalitysHundredPercent()
    {
        var result = CheckDwelling(Red(), WorkingCouple("case-602"), LettingRoute.Municipal, Vacancies.Of("HB-104-E01", "HB-104", DwellingCategory.Elderly));

        Assert.Equal(
            [
                "holbaek-red (holbaek-2024 § 6): Over 45 % of residents aged 18-64 are without attachment to the labour market (red): the department is exempt from municipal allocation.",
                "holbaek-elderly (holbaek-2024 § 3): Holbæk Municipality allocates 100 per cent of elderly/care dwellings.",
                "holbaek-elderly (holbaek-2024 § 3): Holbæk Municipality allocates 100 % of elderly/care dwellings by its own assessment; the colour's rules for family dwellings (§ 6) do not apply to them.",
            ],
            result.Explanation.Select(e => ResultText.Line(e, Language.English)));
    }

    [Theory]
    [Clause(PackId, "§ 3")]
    [Clause(PackId, "§ 5")]
    [InlineData(DwellingCategory.Elderly, null, LettingRoute.WaitingList)]
    [InlineData(DwellingCategory.Elderly, null, LettingRoute.Flexible)]
    [InlineData(DwellingCategory.Accessible, "accessible-full", LettingRoute.WaitingList)]
    public void Check_HundredPercentDwellingOnANonMunicipalRoute_IsClosed(DwellingCategory category, string? programme, LettingRoute route)
    {
        var result = CheckDwelling(Green(), WorkingCouple("case-603"), route, Vacancies.Of("HB-101-D01", "HB-101", category, programme));

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.True(result.RouteClosed);
    }

    [Fact]
    [Clause(PackId, "§ 5")]
    public void Check_NonMunicipalHalfOfAnAccessibleHalfDwellingInARedDepartment_IsNotLetUnderAppendix3()
    {
        // Issue 11: "the non-municipal half of an accessible-half dwelling is let under red's appendix 3 (a 62-year-old
        // on efterløn: ineligible)". § 5: section 6 does not apply to these dwellings, so red's appendix 3 does not either.
        var vacancy = Vacancies.Of("HB-104-A01", "HB-104", DwellingCategory.Accessible, "accessible-half");

        var withDwelling = CheckDwelling(Red(), OnEarlyRetirement("case-604"), LettingRoute.WaitingList, vacancy);
        var departmentOnly = Check(Red(), OnEarlyRetirement("case-604"), LettingRoute.WaitingList);

        Assert.Equal(Outcome.Eligible, withDwelling.Outcome);
        Assert.Empty(withDwelling.Criteria);
        Assert.Equal(
            "holbaek-accessible-half (holbaek-2024 § 5): Section 6 does not apply to the accessible dwellings (§ 5): the half the municipality does not allocate is let from the waiting list without the colour's criteria, also in red and yellow departments.",
            ResultText.Line(withDwelling.Explanation[^1], Language.English));
        Assert.Equal(Outcome.Ineligible, departmentOnly.Outcome);
        Assert.Equal(Outcome.Ineligible, Criterion(departmentOnly, "holbaek-b3-2-work-or-education").Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 5")]
    [Clause(PackId, "§ 7")]
    public void Check_AccessibleHalfDwellingOnTheFlexibleRoute_UsesAppendix4NotTheColoursAppendix3()
    {
        var vacancy = Vacancies.Of("HB-104-A02", "HB-104", DwellingCategory.Accessible, "accessible-half");

        var result = CheckDwelling(Red(), OnEarlyRetirement("case-605") with { ResidentMunicipality = "Holbæk" }, LettingRoute.Flexible, vacancy);

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal(Outcome.Eligible, Criterion(result, "holbaek-b4-4-senior").Outcome); // appendix 4 nr. 4: 60+ resident in Holbæk
        Assert.DoesNotContain(Criteria.Flatten(result.Criteria), c => c.Id.StartsWith("holbaek-b3-", StringComparison.Ordinal));
        Assert.Contains(result.Explanation, e => e.RuleId == "holbaek-accessible-half-flexible");
    }

    [Fact]
    [Clause(PackId, "§ 5")]
    public void Check_AccessibleDwellingWithoutItsProgramme_IsUndeterminedNamingTheProgramme()
    {
        var result = CheckDwelling(Red(), WorkingCouple("case-606"), LettingRoute.Municipal, Vacancies.Of("HB-104-A03", "HB-104", DwellingCategory.Accessible));

        Assert.Equal(Outcome.Undetermined, result.Outcome);
        Assert.Equal(["vacancy.programme"], result.Missing);
    }

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Check_FamilyDwellingInARedDepartment_IsStillExemptFromMunicipalAllocation()
    {
        var result = CheckDwelling(Red(), WorkingCouple("case-607"), LettingRoute.Municipal, Vacancies.Of("HB-104-F01", "HB-104", DwellingCategory.Family));

        Assert.True(result.RouteClosed);
        Assert.Equal("red.municipal (holbaek-2024 § 6): Red departments are exempt from municipal allocation.", ResultText.Line(result.Explanation[^1], Language.English));
    }

    [Fact]
    [Clause(PackId, "§ 3")]
    public void Check_YouthDwellingInARedDepartment_CarriesNoAgreementCriteriaBecauseYouthDwellingsAreExcluded()
    {
        var result = CheckDwelling(Red(), OnEarlyRetirement("case-608"), LettingRoute.WaitingList, Vacancies.Of("HB-104-Y01", "HB-104", DwellingCategory.Youth));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Empty(result.Criteria);
        Assert.Equal(
            "holbaek-youth-out-of-scope (holbaek-2024 § 3): Youth dwellings in Holbæk Municipality are excluded from the framework agreement.",
            ResultText.Line(result.Explanation[^1], Language.English));
    }

    #endregion

    /// <summary>The ids of the five appendix 4 criteria: the departments here have agreed all of them (§ 7) unless a case says otherwise.</summary>
    private static readonly string[] AllFlexibleCriteria = ["holbaek-b4-1-work", "holbaek-b4-2-education", "holbaek-b4-3-divorce", "holbaek-b4-4-senior", "holbaek-b4-5-sold-home"];

    /// <summary>A Holbæk department with the key figure outsideLabourMarketShare (null: not colour-marked in appendix 1).</summary>
    private static Department Department(string id, decimal? outsideLabourMarketShare, bool particularProblems = false)
        => Build.Department(id, outsideLabourMarketShare) with
        {
            Municipality = "Holbæk",
            Flags = particularProblems ? ["particularProblems"] : [],
            FlexibleCriteria = AllFlexibleCriteria,
        };

    private static Department Red() => Department("HB-104", 0.4501m);

    private static Department Green() => Department("HB-101", 0.30m);

    /// <summary>A birth date giving this age on <see cref="On"/> (birthday two months earlier).</summary>
    private static DateOnly Aged(int years) => On.AddYears(-years).AddMonths(-2);

    /// <summary>An adult in fixed work (30 000 DKK/month), vocational education, clean record: meets every tightened criterion.</summary>
    private static Member Adult(string id, int age, MemberRole role = MemberRole.Applicant) => Build.Worker(id, Aged(age), role);

    /// <summary>An adult without work, benefits or enrolment, with a vocational education.</summary>
    private static Member Jobless(string id, int age, MemberRole role) => Build.Worker(id, Aged(age), role) with { Employment = [] };

    private static Household Household(string id, params Member[] members) => Build.Household(id, members);

    /// <summary>A couple both in fixed work (40 and 38), plus any children.</summary>
    private static Household WorkingCouple(string id, params Member[] children)
        => Build.Household(id, [Adult("m1", 40), Adult("m2", 38, MemberRole.Partner), .. children]);

    /// <summary>
    /// A household meeting none of appendix 4's criteria, every fact stated: a jobless 45-year-old, not studying, divorced
    /// three years ago, living outside the organisation, who sold a home in Kalundborg.
    /// </summary>
    private static Household NoFlexibleCriterion(string id) => Build.Household(id, Jobless("m1", 45, MemberRole.Applicant)) with
    {
        CurrentOrganisation = "Org B",
        Divorce = new Divorce { Date = On.AddYears(-3), ChildrenUnder18AtHome = false },
        SoldHome = new SoldHome { Municipality = "Kalundborg", Date = On.AddYears(-1) },
    };

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
