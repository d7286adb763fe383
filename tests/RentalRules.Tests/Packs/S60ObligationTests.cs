using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>
/// Almenboligloven § 60 stk. 4, stated once in <c>rules/dk-statutory-restrictions.json</c> as an obligation on the
/// agreement: "I de udpegede udsatte områder (herunder i parallelsamfund og omdannelsesområder) og i
/// forebyggelsesområder er fleksibel udlejning efter kriterier om beskæftigelse og uddannelse obligatorisk" (as the
/// Høje-Taastrup agreement § 4 restates it). Every letting of a family dwelling outside municipal allocation in those
/// areas must be flexible letting, under criteria that include employment and education. The engine checks each
/// agreement pack against it at load (RR0406) and explains it on the date for a covered department; it never turns
/// the obligation into a household's ineligibility, because the statute leaves the criteria to the agreement.
/// The cases follow the second reading (readings/s60.md, cases 1–12).
/// </summary>
public sealed class S60ObligationTests
{
    private const string Statutory = "dk-statutory-restrictions";
    private const string ObligationId = "s60-4-obligatory-flexible-letting";

    private static readonly DateOnly On = new(2025, 3, 1);

    private const string WorkOrEducation = "any(m in household.members: any(e in m.employment: current(e)) or current(m.education.enrolled))";
    private const string WorkOnly = "any(m in household.members: any(e in m.employment: current(e) and e.hoursPerWeek >= 25))";
    private const string SeniorOnly = "applicant.age >= 60";

    #region Load: which agreements meet the obligation

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_Aalborg_WarnsThatAVulnerableAreaDepartmentIsLetFromTheWaitingListWithoutCriteria()
    {
        // Aalborg's illustrative pack keeps dk-baseline's tier for every department: flexible letting closed, the
        // waiting list open to everyone. A vulnerable-area department of Aalborg is let without any criteria.
        var result = RulePackLoader.LoadBuiltIn("aalborg-2023");

        var warnings = result.Diagnostics.Where(d => d.Code == "RR0406").ToList();
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.All(warnings, w => Assert.NotNull(w.Hint));
        var family = Assert.Single(warnings, w => w.Message.Contains("family dwellings"));
        Assert.Contains("§ 60 stk. 4", family.Message);
        Assert.Contains("'baseline'", family.Message);
        Assert.Contains("it lets from the waiting list without criteria, and flexible letting is closed", family.Message);
        Assert.Contains("no criterion on employment", family.Message);

        // Accessible dwellings are family dwellings too; dk-baseline sends them out of scope, to the waiting list.
        Assert.Single(warnings, w => w.Message.Contains("routing rule 'baseline-other-categories'"));
    }

    [Fact]
    [Clause("holbaek-2024", "§ 4")]
    public void Load_Holbaek_AcknowledgesTheObligationByItsAimThatNoAreaIsDesignated()
    {
        // Holbæk § 4: "Rammeaftalen skal således sikre, at ingen af kommunes almene boligområder bliver udpeget som et
        // udsat boligområde eller et forebyggelsesområde." Its tiers do not meet § 60 stk. 4 (green lets from the
        // waiting list), and the pack says why: the load gives an information, not a warning.
        var result = RulePackLoader.LoadBuiltIn("holbaek-2024");

        Assert.True(result.Success);
        var note = Assert.Single(result.Diagnostics, d => d.Code == "RR0406");
        Assert.Equal(Severity.Info, note.Severity);
        Assert.Contains("'green' (family dwellings)", note.Message);
        Assert.Contains("acknowledged by § 4: The agreement is to ensure that none of the municipality's social housing areas is designated", note.Message);
    }

    [Fact]
    [Clause("hoeje-taastrup-2023", "§ 4")]
    public void Load_HoejeTaastrup_MeetsTheObligationOnLevelsTwoAndThree()
    {
        // Høje-Taastrup § 4: levels 2 (prevention areas) and 3 (vulnerable areas) let everything flexibly, under the
        // work-or-education criterion of appendix 2 and the tightened criteria; level 1 (flexible letting capped at 1/3)
        // is reached only by departments with designation none.
        var result = RulePackLoader.LoadBuiltIn("hoeje-taastrup-2023");

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RR0406");
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_TheStatutoryLayerItself_IsNotCheckedAgainstItsOwnObligation()
    {
        var result = RulePackLoader.LoadBuiltIn(Statutory);

        Assert.True(result.Success);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RR0406");
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_AllFlexibleUnderAWorkOrEducationCriterion_MeetsTheObligation()
    {
        // Reader case 1: one criterion "in work or in education" counts for both kinds.
        var result = Draft(flexibleRule: "all", criteria: [WorkOrEducation]);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RR0406");
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_SeniorsOnly_WarnsThatEmploymentAndEducationCriteriaAreMissing()
    {
        // Reader case 3: a prevention area whose only flexible criterion is seniors 60+.
        var result = Draft(flexibleRule: "all", criteria: [SeniorOnly]);

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "RR0406");
        Assert.Contains("no criterion on employment", warning.Message);
        Assert.Contains("no criterion on education", warning.Message);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_EmploymentOnly_WarnsThatAnEducationCriterionIsMissing()
    {
        // Reader case 12, the strict reading: "beskæftigelses- og uddannelseskriterier" needs both kinds.
        var result = Draft(flexibleRule: "all", criteria: [WorkOnly, SeniorOnly]);

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "RR0406");
        Assert.DoesNotContain("no criterion on employment", warning.Message);
        Assert.Contains("no criterion on education", warning.Message);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_AgreedShare_WarnsThatFlexibleLettingIsCappedBelowAll()
    {
        // A green-tier style cap ("højst 1/3") reached by a designated department leaves the rest to the waiting list.
        var result = Draft(flexibleRule: "agreed", criteria: [WorkOrEducation]);

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "RR0406");
        Assert.Contains("waiting list", warning.Message);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_ClosedWaitingListWithOpenFlexibleLetting_MeetsTheShareOfTheObligation()
    {
        var result = Draft(flexibleRule: "agreed", criteria: [WorkOrEducation], waitingListClosed: true);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RR0406");
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_TierOnlyUndesignatedDepartmentsReach_IsNotChecked()
    {
        // Reader case 6: a tier placed only where designation is none is outside § 60 stk. 4 (stk. 1 is voluntary).
        var result = Draft(flexibleRule: "none", criteria: [SeniorOnly], placedWhen: "department.designation = 'none'");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RR0406");
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_AccessibleDwellingsTheMunicipalityAllocatesInFull_MeetTheObligation()
    {
        // Reader case 10: accessible-full is 100 % municipal, nothing is let outside municipal allocation. The family
        // dwellings of the same tier are let flexibly under work-or-education, so there is nothing to warn about.
        var result = Draft(flexibleRule: "all", criteria: [WorkOrEducation], accessibleFullRule: true);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RR0406");
    }

    #endregion

    #region On a date: the covered department

    [Theory]
    [Clause(Statutory, "§ 60 stk. 4")]
    [InlineData(Designation.Vulnerable)]
    [InlineData(Designation.ParallelSociety)]
    [InlineData(Designation.Transformation)]
    [InlineData(Designation.Prevention)]
    public void Place_AalborgDesignatedDepartment_WarnsThatItsLettingDoesNotMeetTheObligation(Designation designation)
    {
        var placement = Repo.Pack("aalborg-2023").Place(new PlacementRequest(Department(designation), On));

        // In words for the caseworker: the designation and the tier by name, what the letting lacks; no ids of the pack.
        var warning = Assert.Single(placement.Warnings, w => w.En.Contains("§ 60 stk. 4"));
        Assert.Contains(DanishWords(designation), warning.Da);
        Assert.Contains("waiting list", warning.En);
        Assert.Contains("opfylder den ikke", warning.Da);
        Assert.DoesNotContain("obligation '", warning.En);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Place_AalborgUndesignatedDepartment_HasNoStatutoryWarning()
    {
        var placement = Repo.Pack("aalborg-2023").Place(new PlacementRequest(Department(Designation.None), On));

        Assert.DoesNotContain(placement.Warnings, w => w.En.Contains("§ 60"));
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Check_AalborgVulnerableAreaOnTheWaitingList_ExplainsTheStatuteAndKeepsTheAgreementsOutcome()
    {
        // Reader case 5: the check must not silently answer "eligible by seniority". The agreement's answer stands
        // (the statute sets no criteria a household could be measured by), and the explanation says the letting is
        // unlawful as the pack stands.
        var result = Repo.Pack("aalborg-2023").Check(new EligibilityRequest(Department(Designation.Vulnerable), Build.Household("h-1", Build.Worker("m1", new DateOnly(1980, 5, 1))), LettingRoute.WaitingList, On));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        var why = Assert.Single(result.Explanation, e => e.RuleId == ObligationId);
        Assert.Equal("§ 60 stk. 4", why.Clause);
        Assert.Equal(Statutory, why.Source);
        Assert.Contains("fleksibel udlejning efter kriterier om beskæftigelse og uddannelse", why.Reason.Da);
        Assert.Contains("flexible letting is closed", why.Reason.En);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Check_AalborgVulnerableAreaOnTheMunicipalRoute_IsOutsideTheObligation()
    {
        // Reader case 8: municipal allocation is excepted; § 59 stk. 6 applies there instead.
        var result = Repo.Pack("aalborg-2023").Check(new EligibilityRequest(Department(Designation.Vulnerable), Build.Household("h-1", Build.Worker("m1", new DateOnly(1980, 5, 1))), LettingRoute.Municipal, On));

        Assert.DoesNotContain(result.Explanation, e => e.RuleId == ObligationId);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Check_YouthDwellingInAVulnerableArea_IsOutsideTheObligation()
    {
        // Reader case 9: § 60 stk. 4 covers family dwellings (and accessible ones), not youth dwellings.
        var request = new EligibilityRequest(Department(Designation.Vulnerable), Build.Household("h-1", Build.Worker("m1", new DateOnly(2003, 5, 1))), LettingRoute.WaitingList, On)
        {
            Vacancy = new Vacancy { Id = "V-1", Department = "D-1", Category = DwellingCategory.Youth, Rent = 4000m, Area = 40m, Rooms = 1 },
        };

        var result = Repo.Pack("aalborg-2023").Check(request);

        Assert.DoesNotContain(result.Explanation, e => e.RuleId == ObligationId);
    }

    [Theory]
    [Clause(Statutory, "§ 60 stk. 4")]
    [InlineData(2021, 11, 29, false)]
    [InlineData(2021, 11, 30, true)]
    public void Check_PreventionArea_IsCoveredFromTheDayTheAmendmentCameIntoForce(int year, int month, int day, bool covered)
    {
        // Prevention areas were introduced by L 23 (2021-22), in force on 30 November 2021.
        var on = new DateOnly(year, month, day);
        var result = Repo.Pack(Statutory).Check(new EligibilityRequest(Department(Designation.Prevention), Build.Household("h-1", Build.Worker("m1", new DateOnly(1980, 5, 1))), LettingRoute.WaitingList, on));

        Assert.Equal(covered, result.Explanation.Any(e => e.RuleId == ObligationId));
    }

    [Fact]
    [Clause("holbaek-2024", "§ 4")]
    public void Place_HolbaekDepartmentThatIsDesignatedAfterAll_StillGetsTheStatutoryWarning()
    {
        // The acknowledgement answers the pack's load, not a department that is designated on the date.
        var placement = Repo.Pack("holbaek-2024").Place(new PlacementRequest(Build.Department() with { Designation = Designation.Prevention }, On));

        Assert.Contains(placement.Warnings, w => w.En.Contains("§ 60 stk. 4") && w.Da.Contains("forebyggelsesområde"));
    }

    #endregion

    #region Internal transfers

    // § 60 stk. 4 covers every letting outside municipal allocation (and udslusning), internal transfers included. The
    // Høje-Taastrup agreement § 5.6 restates it: "I afdelinger, der er udpeget som udsat boligområde, herunder
    // parallelsamfund og omdannelsesområde eller som forebyggelsesområde, er fleksibel udlejning obligatorisk ifølge
    // lovgivningen og omfatter derfor såvel intern oprykning i egen afdeling, som intern oprykning på tværs af
    // boligorganisationen eller andre fortrinsrettigheder (boliggarantibevis m.fl.)." An open transfer route of a
    // covered tier therefore needs criteria on employment and education of its own; the criteria on transfers do not
    // count for the flexible and waiting-list letting, nor theirs for transfers. (readings/s60.md case 11, and the
    // second reading of Høje-Taastrup § 10; the interpretation note 's60-4-internal-transfers' says which reading won.)

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_TransfersLeftWithoutCriteria_WarnsThatInternalTransfersAreLetWithoutCriteria()
    {
        // Reader case 11 (a): no exemption in the agreement, yet the tier states nothing for transfers, so they are open
        // to anyone: the obligation is not met, even though flexible letting is all under work-or-education.
        var result = Draft(flexibleRule: "all", criteria: [WorkOrEducation], transfersUnstated: true);

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "RR0406");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("'t'", warning.Message);
        Assert.Contains("it lets internal transfers without criteria", warning.Message);
        Assert.DoesNotContain("no criterion on employment", warning.Message);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_TransfersUnderTheWorkOrEducationCriterion_MeetTheObligation()
    {
        // Reader case 11 (a), met: transfers under the flexible criteria (as Høje-Taastrup's level 2 and 3 let them).
        var result = Draft(flexibleRule: "all", criteria: [WorkOrEducation], transferCriteria: [WorkOrEducation]);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RR0406");
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_TransfersUnderASeniorCriterionOnly_WarnsThatTheTransfersCriteriaLackEmploymentAndEducation()
    {
        var result = Draft(flexibleRule: "all", criteria: [WorkOrEducation], transferCriteria: [SeniorOnly]);

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "RR0406");
        Assert.Contains("its criteria for internal transfers include no criterion on employment", warning.Message);
        Assert.Contains("its criteria for internal transfers include no criterion on education", warning.Message);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_WorkOrEducationOnTransfersOnly_DoesNotMakeUpForFlexibleLettingWithoutIt()
    {
        // The criteria on transfers count for the transfers: flexible letting of seniors only still lacks both kinds.
        var result = Draft(flexibleRule: "all", criteria: [SeniorOnly], transferCriteria: [WorkOrEducation]);

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "RR0406");
        Assert.Contains("its criteria include no criterion on employment", warning.Message);
        Assert.DoesNotContain("internal transfers", warning.Message);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Load_AgreementThatExemptsTransfersAndSaysSo_IsAnInformationNotAWarning()
    {
        // Reader case 11 (b), the 2024 guidance (BL informerer 0324): "kan boligorganisation og kommune aftale at fritage
        // den interne oprykning i en afdeling fra de kriterier". The facts do not say whether a transfer applicant lives
        // in the same department, so the engine cannot tell an exempted transfer from a covered one: an agreement that
        // exempts transfers acknowledges the obligation with its clause, and the load gives an information.
        var result = Draft(flexibleRule: "all", criteria: [WorkOrEducation], transfersUnstated: true, acknowledged: true);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var note = Assert.Single(result.Diagnostics, d => d.Code == "RR0406");
        Assert.Equal(Severity.Info, note.Severity);
        Assert.Contains("Transfers within the department are exempted.", note.Message);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Check_InternalTransferIntoAPreventionAreaWithoutCriteria_ExplainsTheStatuteAndKeepsTheAgreementsOutcome()
    {
        // A prevention-area department, a transfer applicant without work: the tier sets no transfer criteria, so the
        // agreement's answer (eligible) stands, and the explanation says the transfer letting does not meet § 60 stk. 4.
        var pack = Draft(flexibleRule: "all", criteria: [WorkOrEducation], transfersUnstated: true).GetValueOrThrow();
        var household = Build.Household("h-1", Build.Worker("m1", new DateOnly(1980, 5, 1)) with { Employment = [] });

        var transfer = pack.Check(new EligibilityRequest(Department(Designation.Prevention), household, LettingRoute.InternalTransfer, On));
        var waiting = pack.Check(new EligibilityRequest(Department(Designation.Prevention), household, LettingRoute.WaitingList, On));

        Assert.Equal(Outcome.Eligible, transfer.Outcome);
        var why = Assert.Single(transfer.Explanation, e => e.RuleId == ObligationId);
        Assert.Contains("den lader intern oprykning ske uden kriterier", why.Reason.Da);
        Assert.Contains("it lets internal transfers without criteria", why.Reason.En);
        Assert.DoesNotContain(waiting.Explanation, e => e.RuleId == ObligationId);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Check_InternalTransferIntoAnUndesignatedDepartment_IsOutsideTheObligation()
    {
        // Reader case 6 for transfers: designation none is § 60 stk. 1 (voluntary); nothing is said of § 60 stk. 4.
        var pack = Draft(flexibleRule: "all", criteria: [WorkOrEducation], transfersUnstated: true).GetValueOrThrow();

        var result = pack.Check(new EligibilityRequest(Department(Designation.None), Build.Household("h-1", Build.Worker("m1", new DateOnly(1980, 5, 1))), LettingRoute.InternalTransfer, On));

        Assert.DoesNotContain(result.Explanation, e => e.RuleId == ObligationId);
    }

    [Fact]
    [Clause("hoeje-taastrup-2023", "§ 5.6")]
    public void Check_HoejeTaastrupPreventionAreaTransfer_MeetsTheObligationUnderTheFlexibleCriteria()
    {
        // Høje-Taastrup § 5.6: in a prevention area transfers meet the ordinary flexible criteria, so the statute has
        // nothing to add: an unemployed transfer applicant without education is ineligible under the agreement's
        // criteria, and no § 60 stk. 4 explanation appears.
        var department = Build.Department("HT-PARKVEJ", 0.25m, 0.01m, 1200) with { Municipality = "Høje-Taastrup", Designation = Designation.Prevention };
        var household = Build.Household("h-1", Build.Worker("m1", new DateOnly(1980, 5, 1)) with { Employment = [] });

        var result = Repo.Pack("hoeje-taastrup-2023").Check(new EligibilityRequest(department, household, LettingRoute.InternalTransfer, On));

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.DoesNotContain(result.Explanation, e => e.RuleId == ObligationId);
    }

    [Fact]
    [Clause(Statutory, "§ 60 stk. 4")]
    public void Check_AalborgVulnerableAreaTransfer_ExplainsThatTransfersAreLetWithoutCriteria()
    {
        // Aalborg's illustrative pack states no transfer route: in a vulnerable area a transfer is let without criteria.
        var result = Repo.Pack("aalborg-2023").Check(new EligibilityRequest(Department(Designation.Vulnerable), Build.Household("h-1", Build.Worker("m1", new DateOnly(1980, 5, 1))), LettingRoute.InternalTransfer, On));

        var why = Assert.Single(result.Explanation, e => e.RuleId == ObligationId);
        Assert.Contains("internal transfers without criteria", why.Reason.En);
        Assert.DoesNotContain("waiting list", why.Reason.En.Split("does not meet the obligation:")[1]);
    }

    [Fact]
    public void Interpretations_TheStatutoryLayer_SaysWhichReadingOfTransfersWon()
    {
        var note = Assert.Single(Repo.Pack(Statutory).Interpretations, i => i.Id == "s60-4-internal-transfers");

        Assert.Equal(ObligationId, note.Rule);
        Assert.Equal("§ 60 stk. 4", note.Clause);
        Assert.Contains("omfatter derfor såvel intern oprykning i egen afdeling", note.Reading);
        Assert.Contains("fritage den interne oprykning", note.Alternative);
    }

    #endregion

    private static Department Department(Designation designation) => Build.Department() with { Designation = designation };

    private static string DanishWords(Designation designation) => designation switch
    {
        Designation.Vulnerable => "(udsat boligområde)",
        Designation.ParallelSociety => "(parallelsamfund)",
        Designation.Transformation => "(omdannelsesområde)",
        Designation.Prevention => "(forebyggelsesområde)",
        _ => throw new ArgumentOutOfRangeException(nameof(designation)),
    };

    /// <summary>
    /// A draft on the statutory layer with one tier <c>t</c> (municipal share 1/4) placed by <paramref name="placedWhen"/>
    /// and a fallback tier <c>other</c> (everything closed) for the rest; the flexible route of <c>t</c> requires a
    /// criteria set (combine any) of the given conditions.
    /// </summary>
    private static LoadResult<RulePack> Draft(string flexibleRule, string[] criteria, bool waitingListClosed = false, string placedWhen = "true", bool accessibleFullRule = false, string[]? transferCriteria = null, bool transfersUnstated = false, bool acknowledged = false)
    {
        var reason = new { da = "Grund.", en = "Reason." };
        var closed = new { closed = true, clause = "§ 1", reason };
        // dk-baseline's routing: family and youth dwellings counted with the tier's share; its rule sending elderly
        // and accessible dwellings out of scope is removed, and an accessible-full rule (100 % municipal) may be added.
        var routingRules = new List<object> { new Dictionary<string, object> { ["id"] = "baseline-other-categories", ["$remove"] = true } };
        if (accessibleFullRule)
        {
            routingRules.Add(new Dictionary<string, object>
            {
                ["id"] = "accessible-full",
                ["$before"] = "baseline-family",
                ["clause"] = "§ 1",
                ["when"] = "vacancy.category = 'accessible' and vacancy.programme = 'accessible-full'",
                ["counter"] = "accessible-full",
                ["share"] = "1",
                ["reason"] = reason,
            });
        }

        // The tier's routes; internal transfers under their own criteria set (by default the flexible criteria), or not
        // stated at all (then open without agreement criteria).
        var routes = new Dictionary<string, object>
        {
            ["municipal"] = new { requirements = Array.Empty<object>() },
            ["flexible"] = new { requirements = new[] { new { id = "t-flexible", criteriaSet = "flex", clause = "§ 1", reason } } },
            ["waitingList"] = waitingListClosed ? closed : new { requirements = Array.Empty<object>() },
        };
        if (!transfersUnstated)
        {
            routes["internalTransfer"] = new { requirements = new[] { new { id = "t-transfer", criteriaSet = "transfer", clause = "§ 1", reason } } };
        }

        var pack = new Dictionary<string, object?>
        {
            ["id"] = "s60-draft",
            ["version"] = "0.1.0",
            ["title"] = "§ 60 draft",
            ["status"] = "draft",
            ["extends"] = new[] { Statutory },
            ["clauses"] = new Dictionary<string, object> { ["§ 1"] = new { title = "Test clause" } },
            ["tiers"] = new Dictionary<string, object?>
            {
                ["baseline"] = null,
                ["t"] = new Dictionary<string, object?>
                {
                    ["label"] = new { da = "T", en = "T" },
                    ["clause"] = "§ 1",
                    ["municipalShare"] = "1/4",
                    ["flexibleLetting"] = new { rule = flexibleRule, clause = "§ 1" },
                    ["routes"] = routes,
                },
                ["other"] = new Dictionary<string, object?>
                {
                    ["label"] = new { da = "Andet", en = "Other" },
                    ["clause"] = "§ 1",
                    ["municipalShare"] = "0",
                    ["flexibleLetting"] = new { rule = "none", clause = "§ 1" },
                    ["routes"] = new { municipal = closed, flexible = closed, waitingList = closed },
                },
            },
            ["placement"] = new Dictionary<string, object>
            {
                ["$replace"] = true,
                ["hitPolicy"] = "first",
                ["rules"] = new object[]
                {
                    new { id = "place-t", clause = "§ 1", when = placedWhen, tier = "t", reason },
                    new { id = "place-other", clause = "§ 1", when = "true", tier = "other", reason },
                },
            },
            ["criteriaSets"] = new Dictionary<string, object>
            {
                ["flex"] = new
                {
                    title = new { da = "Fleksible kriterier", en = "Flexible criteria" },
                    clause = "§ 1",
                    combine = "any",
                    criteria = criteria.Select((c, i) => new { id = $"flex-{i + 1}", clause = "§ 1", title = new { da = $"Kriterium {i + 1}", en = $"Criterion {i + 1}" }, condition = c }).ToArray(),
                },
                ["transfer"] = new
                {
                    title = new { da = "Kriterier for intern oprykning", en = "Criteria for internal transfers" },
                    clause = "§ 1",
                    combine = "any",
                    criteria = (transferCriteria ?? criteria).Select((c, i) => new { id = $"transfer-{i + 1}", clause = "§ 1", title = new { da = $"Oprykning {i + 1}", en = $"Transfer {i + 1}" }, condition = c }).ToArray(),
                },
            },
            ["routing"] = new Dictionary<string, object> { ["rules"] = routingRules },
        };
        if (acknowledged)
        {
            pack["obligations"] = new[]
            {
                new { id = ObligationId, acknowledged = new { clause = "§ 1", reason = new { da = "Oprykning i egen afdeling er fritaget.", en = "Transfers within the department are exempted." } } },
            };
        }

        return RulePackLoader.LoadFromText(JsonSerializer.Serialize(pack), "s60-draft.json");
    }
}
