using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Explanations;

/// <summary>
/// Reasons a caseworker can act on (issue 12): per member the value and the threshold that decided, which branch of an
/// "… eller …" held, routing reasons in words (no ids or formulas: those stay in the decision's fields), a tier change
/// said as what changed, the tier's label in the pack's own words. Each case is run as the CLI runs it (with
/// explanations asked for) on 2025-03-01.
/// </summary>
public sealed class CaseworkerReasonsTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    private static readonly string[] AllFlexibleCriteria = ["holbaek-b4-1-work", "holbaek-b4-2-education", "holbaek-b4-3-divorce", "holbaek-b4-4-senior", "holbaek-b4-5-sold-home"];

    [Fact]
    [Clause("holbaek-2024", "bilag 3 nr. 2")]
    public void Check_MemberEarningBelowTheIncomeLine_ExplainsTheIncomeAgainstTheLine()
    {
        // Bilag 3 nr. 2: fixed work is a gross income of at least 55 % of the region's average (16 408 DKK a month).
        // A member born 1990-05-02 earning 9 000 DKK a month is not in fixed work: the explanation says so with both numbers.
        var member = Build.Worker("m1", new DateOnly(1990, 5, 2), monthlyGrossIncome: 9000m);
        var result = Explained("holbaek-2024", HolbaekRed(), Build.Household("case-901", member), LettingRoute.WaitingList);

        var line = Criteria.Find(result, "holbaek-b3-2-work-or-education").Members.Single();

        Assert.Equal(Outcome.Ineligible, line.Outcome);
        Assert.Equal(new DateOnly(1990, 5, 2), line.BirthDate);
        Assert.Contains("9.000 kr. pr. måned < 16.408 kr. pr. måned", line.Detail!.Da, StringComparison.Ordinal);
        Assert.Contains("9,000 DKK a month < 16,408 DKK a month", line.Detail.En, StringComparison.Ordinal);
        Assert.Contains("medlem m1 (f. 1990-05-02, 34 år): ikke opfyldt — ", ResultText.Eligibility(result, Language.Danish), StringComparison.Ordinal);
        Assert.Contains("member m1 (born 1990-05-02, aged 34): not met — ", ResultText.Eligibility(result, Language.English), StringComparison.Ordinal);
    }

    [Fact]
    [Clause("holbaek-2024", "bilag 3 nr. 2")]
    public void Check_MemberInEducationWithoutWork_SaysWhichBranchOfTheOrHeld()
    {
        // "i fast arbejde … eller under godkendt uddannelse": a 22-year-old student with no job meets the second branch.
        var student = Build.Worker("m1", new DateOnly(2002, 9, 1)) with
        {
            Employment = [],
            Education = new Education { Enrolled = [new Enrollment { Kind = EducationLevel.Bachelor, From = new DateOnly(2023, 9, 1), To = new DateOnly(2026, 6, 30) }] },
        };
        var result = Explained("holbaek-2024", HolbaekRed(), Build.Household("case-902", student), LettingRoute.WaitingList);

        var line = Criteria.Find(result, "holbaek-b3-2-work-or-education").Members.Single();

        Assert.Equal(Outcome.Eligible, line.Outcome);
        Assert.Equal("opfyldt ved: en af medlemmets uddannelser er løbende: ja", line.Detail!.Da);
        Assert.Equal("met by: one of the member's enrolments is current: yes", line.Detail.En);
    }

    [Fact]
    [Clause("holbaek-2024", "bilag 4 nr. 4")]
    public void Check_ApplicantUnderTheSeniorAge_ExplainsTheAgeAgainstTheThreshold()
    {
        // Bilag 4 nr. 4: seniors (60+) from Holbæk. An applicant of 58 is not one: "58 år < 60 år".
        var applicant = Build.Worker("m1", On.AddYears(-58).AddMonths(-2)) with { Employment = [] };
        var result = Explained("holbaek-2024", HolbaekGreen(), Build.Household("case-903", applicant), LettingRoute.Flexible);

        var senior = Criteria.Find(result, "holbaek-b4-4-senior");

        Assert.Equal(Outcome.Ineligible, senior.Outcome);
        Assert.Equal("ansøgerens alder 58 år < 60 år", senior.Detail!.Da);
        Assert.Equal("the applicant's age 58 years < 60 years", senior.Detail.En);
    }

    [Fact]
    [Clause("hoeje-taastrup-private-letting-2021", "punkt 4 nr. 2")]
    public void Check_ApplicantTurning65AfterTheMoveIn_ExplainsTheBirthDateAgainstTheMoveInDate()
    {
        // nr. 2 "på tidspunktet for boligens overtagelse er 65 år": born 1960-04-15, moving in 2025-04-14, the day
        // before the 65th birthday: ineligible, and the explanation quotes both dates.
        var applicant = Build.Worker("m1", new DateOnly(1960, 4, 15)) with { Employment = [] };
        var household = Build.Household("case-904", applicant) with { ResidentMunicipality = "Høje-Taastrup", MoveInDate = new DateOnly(2025, 4, 14) };
        var result = Explained("hoeje-taastrup-private-letting-2021", PrivateLettingBlock(), household, LettingRoute.WaitingList);

        var senior = Criteria.Find(result, "private-letting-2-senior");

        Assert.Equal(Outcome.Ineligible, senior.Outcome);
        Assert.Contains("1960-04-15 > 1960-04-14", senior.Detail!.Da, StringComparison.Ordinal);
        Assert.StartsWith("ingen af mulighederne holdt: ", senior.Detail.Da, StringComparison.Ordinal);
        Assert.StartsWith("none of the alternatives held: ", senior.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    [Clause("hoeje-taastrup-2023", "bilag 3")]
    public void Check_CriterionOnAnAssumedIncomeLine_SaysItRestsOnTheAssumption()
    {
        // The income line (16 408 DKK, Region Sjælland's figure from Holbæk) is marked assumed in the pack: the
        // criterion that uses it says so, with the value, beside the member's income against it.
        var member = Build.Worker("m1", new DateOnly(1990, 5, 2), monthlyGrossIncome: 9000m);
        var level3 = Build.Department("HT-TAASTRUPGAARD", 0.46m, 0.031m, 2100) with { Municipality = "Høje-Taastrup", Designation = Designation.Transformation, DevelopmentPlan = true };
        var result = Explained("hoeje-taastrup-2023", level3, Build.Household("case-905", member), LettingRoute.WaitingList);

        var work = Criteria.Find(result, "ht-b3-work-or-education");

        var assumption = Assert.Single(work.Assumptions, a => a.Parameter == "fixedWorkMonthlyIncome");
        Assert.Equal(16408m, assumption.Value);
        Assert.StartsWith("Bygger på en antagelse, som ikke står i aftalens tekst: grænsen for fast arbejde", assumption.Reason.Da, StringComparison.Ordinal);
        Assert.Contains("9.000 kr. pr. måned < 16.408 kr. pr. måned", work.Members.Single().Detail!.Da, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithoutExplain_CarriesNoValuesOfTheHousehold()
    {
        // A plain check (a host screening many households) neither computes nor carries the values.
        var member = Build.Worker("m1", new DateOnly(1990, 5, 2), monthlyGrossIncome: 9000m);
        var result = Repo.Pack("holbaek-2024").Check(new EligibilityRequest(HolbaekRed(), Build.Household("case-906", member), LettingRoute.WaitingList, On));

        Assert.All(result.Criteria, c => Assert.Null(c.Detail));
        Assert.All(result.Criteria.SelectMany(c => c.Members), m => Assert.True(m.Detail is null && m.BirthDate is null));
        Assert.DoesNotContain("9.000", ResultText.Eligibility(result, Language.Danish), StringComparison.Ordinal);
    }

    [Fact]
    [Clause("holbaek-2024", "§ 6")]
    public void Route_FamilyVacancies_AreCountedInWordsWithoutCounterIdsOrFormulas()
    {
        // § 6 green: every 3rd vacant family dwelling. The 3rd goes to the municipality; the reason says so in words,
        // and the counter, its count and the share stay in the decision's fields.
        var pack = Repo.Pack("holbaek-2024");
        var (decisions, _) = Routing.RouteAll(pack, HolbaekGreen(), Vacancies.Numbered("HB-101", DwellingCategory.Family, 3), pack.NewLedger(), On);

        var third = decisions[2];
        var counting = third.Explanation.Single(x => x.RuleId == "holbaek-family" && x.Reason.En.StartsWith("This is", StringComparison.Ordinal));

        Assert.Equal(("family", 3L, "1/3"), (third.Counter, third.Count, third.MunicipalShare?.ToString()));
        Assert.Equal(
            "Dette er ledig bolig nr. 3 af denne slags i afdelingen, og kommunen anviser hver 3. ledige bolig: med den har kommunen krav på 1 anvisning i alt mod 0 før, så boligen går til kommunal anvisning.",
            counting.Reason.Da);
        Assert.Equal(
            "This is vacancy no. 3 of its kind in the department, and the municipality allocates every 3rd vacant dwelling: with it the municipality is due 1 allocation in all against 0 before, so the dwelling goes to municipal allocation.",
            counting.Reason.En);
    }

    public static TheoryData<string, string, string> SampleRoutings => new()
    {
        { "holbaek-2024", "samples/holbaek/departments.json", "samples/holbaek/vacancies.json" },
        { "hoeje-taastrup-2023", "samples/hoeje-taastrup/departments.json", "samples/hoeje-taastrup/vacancies.json" },
    };

    [Theory]
    [MemberData(nameof(SampleRoutings))]
    public void Route_TheSampleVacancies_GiveReasonsWithoutIdsOrFormulasAndInThePacksOwnWords(string packId, string departments, string vacancies)
    {
        var pack = Repo.Pack(packId);
        var byId = FactReader.ReadDepartments(File.ReadAllText(Repo.Path(departments))).GetValueOrThrow().Items.ToDictionary(d => d.Id!);
        var list = FactReader.ReadVacancies(File.ReadAllText(Repo.Path(vacancies))).GetValueOrThrow().Items;

        var (decisions, _) = Routing.RouteAll(pack, byId, list, pack.NewLedger(), On);

        foreach (var text in decisions.SelectMany(d => d.Explanation).SelectMany(x => new[] { x.Reason.Da, x.Reason.En }))
        {
            Assert.DoesNotContain("⌊", text, StringComparison.Ordinal);
            Assert.DoesNotContain("·", text, StringComparison.Ordinal);
            Assert.DoesNotContain("counter '", text, StringComparison.Ordinal);
            Assert.DoesNotContain("tællingen '", text, StringComparison.Ordinal);
            Assert.DoesNotContain("param.", text, StringComparison.Ordinal);
            if (packId == "holbaek-2024")
            {
                // Holbæk's tiers are colours; "niveau" is Høje-Taastrup's word.
                Assert.DoesNotContain("niveau", text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    [Clause("holbaek-2024", "§ 8.2")]
    public void Route_ColourDecidedByTheParties_SaysTheDecisionChangedThePlacement()
    {
        // Two green vacancies, then the parties decide yellow from 2025-06-01 although the key figures still say green:
        // the reason names the change (green to yellow) and what made it (the parties' decision), then the rule.
        var pack = Repo.Pack("holbaek-2024");
        var green = HolbaekGreen();
        var (_, ledger) = Routing.RouteAll(pack, green, Vacancies.Numbered("HB-101", DwellingCategory.Family, 2), pack.NewLedger(), On);
        var decided = green with { DecidedTiers = [new DecidedTier { Tier = "yellow", From = new DateOnly(2025, 6, 1) }] };

        var (after, _) = Routing.RouteAll(pack, decided, Vacancies.Numbered("HB-101", DwellingCategory.Family, 1, first: 3), ledger, new DateOnly(2025, 6, 15));

        var change = after[0].Explanation.Single(x => x.RuleId == "routing.onTierChange");
        Assert.StartsWith("Afdelingens placering er skiftet fra Grøn til Gul, som parterne har besluttet.", change.Reason.Da, StringComparison.Ordinal);
        Assert.StartsWith("The department's placement has changed from Green to Yellow, as the parties decided.", change.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    [Clause("holbaek-2024", "§ 8.2")]
    public void Route_ColourChangedByNewKeyFigures_SaysThePlacementRulesChangedIt()
    {
        var pack = Repo.Pack("holbaek-2024");
        var (_, ledger) = Routing.RouteAll(pack, HolbaekGreen(), Vacancies.Numbered("HB-101", DwellingCategory.Family, 2), pack.NewLedger(), On);

        var (after, _) = Routing.RouteAll(pack, HolbaekDepartment("HB-101", 0.38m), Vacancies.Numbered("HB-101", DwellingCategory.Family, 1, first: 3), ledger, new DateOnly(2026, 3, 15));

        var change = after[0].Explanation.Single(x => x.RuleId == "routing.onTierChange");
        Assert.StartsWith("Afdelingens placering er skiftet fra Grøn til Gul efter placeringsreglerne i § 6.", change.Reason.Da, StringComparison.Ordinal);
        Assert.StartsWith("The department's placement has changed from Green to Yellow under the placement rules of § 6.", change.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    [Clause("hoeje-taastrup-2023", "§ 3.3")]
    public void Route_SecondMunicipalAllocationOnLevel2_SaysEverySecondIsUnderTheSpecialCriteriaWithoutTheSetsId()
    {
        var pack = Repo.Pack("hoeje-taastrup-2023");
        var byId = FactReader.ReadDepartments(File.ReadAllText(Repo.Path("samples/hoeje-taastrup/departments.json"))).GetValueOrThrow().Items.ToDictionary(d => d.Id!);
        var list = FactReader.ReadVacancies(File.ReadAllText(Repo.Path("samples/hoeje-taastrup/vacancies.json"))).GetValueOrThrow().Items;

        var (decisions, _) = Routing.RouteAll(pack, byId, list, pack.NewLedger(), On);

        var special = decisions.SelectMany(d => d.Explanation).First(x => x.RuleId.EndsWith(".specialCriteria", StringComparison.Ordinal));
        Assert.Contains("hver 2. kommunale anvisning sker efter de særligt aftalte kriterier", special.Reason.Da, StringComparison.Ordinal);
        Assert.DoesNotContain("ht-special", special.Reason.Da, StringComparison.Ordinal);
        Assert.DoesNotContain("ht-special", special.Reason.En, StringComparison.Ordinal);
    }

    private static EligibilityResult Explained(string packId, Department department, Household household, LettingRoute route)
        => Repo.Pack(packId).Check(new EligibilityRequest(department, household, route, On) { Explain = true });

    private static Department HolbaekDepartment(string id, decimal? share)
        => Build.Department(id, share) with { Organisation = "Holbæk Boligselskab", Municipality = "Holbæk", FlexibleCriteria = AllFlexibleCriteria };

    private static Department HolbaekRed() => HolbaekDepartment("HB-104", 0.4501m);

    private static Department HolbaekGreen() => HolbaekDepartment("HB-101", 0.30m);

    private static Department PrivateLettingBlock()
        => Build.Department("GADEHAVEGAARD-BLOCK-1", outsideLabourMarketShare: null, convictedShare: null, residents: 240) with
        {
            Municipality = "Høje-Taastrup",
            Organisation = "Fiktiv privat udlejer",
            Designation = Designation.Transformation,
            PrivateTakeover = new DateOnly(2022, 7, 1),
        };
}
