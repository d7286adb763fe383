using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Evaluation;

/// <summary>
/// The router itself (DESIGN §5.2), over a tiny pack loaded from text: the exact quota arithmetic, what is and is not
/// counted, the tier-change policies, special criteria over municipal allocations, flexible letting and purity. The
/// shipped packs' sequences are in <c>Packs/*RoutingTests.cs</c>.
/// </summary>
public sealed class RoutingTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    #region Quota arithmetic: the k-th goes to the municipality exactly when ⌊k·p⌋ > ⌊(k−1)·p⌋

    [Theory]
    [InlineData("1/3", new[] { 3, 6, 9, 12 })]
    [InlineData("1/4", new[] { 4, 8, 12 })]
    [InlineData("1/6", new[] { 6, 12 })]
    [InlineData("1/8", new[] { 8 })]
    [InlineData("11/50", new[] { 5, 10 })]
    [InlineData("2/3", new[] { 2, 3, 5, 6, 8, 9, 11, 12 })]
    [InlineData("1/2", new[] { 2, 4, 6, 8, 10, 12 })]
    [InlineData("0", new int[0])]
    [InlineData("1", new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })]
    public void Hits_FirstTwelveVacancies_AreTheAgreementsEveryNth(string share, int[] expected)
    {
        Assert.True(Fraction.TryParse(share, out var p));

        var hits = Enumerable.Range(1, 12).Where(k => Router.Hits(k, p)).ToArray();

        Assert.Equal(expected, hits);
    }

    [Fact]
    public void Hits_TwentyTwoPercentWrittenAsADecimal_IsExactlyElevenFiftieths()
    {
        Assert.True(Fraction.TryParse("0.22", out var p));

        Assert.Equal([5, 10, 14, 19, 23, 28, 32, 37, 41, 46, 50], Enumerable.Range(1, 50).Where(k => Router.Hits(k, p)));
    }

    [Fact]
    public void Hits_NearTheLargestCount_DoesNotOverflow()
    {
        var p = new Fraction(49, 50);

        Assert.True(Router.Hits(long.MaxValue, p) || Router.Hits(long.MaxValue - 1, p));
        Assert.True(Router.Hits(long.MaxValue, Fraction.One));
        Assert.False(Router.Hits(long.MaxValue, Fraction.Zero));
    }

    [Fact]
    public void Route_TinyPackThird_TheSeventhVacancyExplainsTheFloorsWordForWord()
    {
        var pack = TinyPack.Load("1/3");

        var (decisions, _) = Routing.RouteAll(pack, TierA("T-1"), Vacancies.Numbered("T-1", DwellingCategory.Family, 7), pack.NewLedger(), On);

        Assert.Equal(
            "tiny-family (tiny § 1): This is vacancy no. 7 of its kind in the department, and the municipality allocates every 3rd vacant dwelling: with it the municipality is due 2 allocations in all against 2 before, so the dwelling does not go to municipal allocation.",
            ResultText.Line(decisions[6].Explanation[2], Language.English));
        Assert.Equal(
            "tiny-family (tiny § 1): Dette er ledig bolig nr. 6 af denne slags i afdelingen, og kommunen anviser hver 3. ledige bolig: med den har kommunen krav på 2 anvisninger i alt mod 1 før, så boligen går til kommunal anvisning.",
            ResultText.Line(decisions[5].Explanation[2], Language.Danish));
    }

    #endregion

    #region What is counted

    [Fact]
    public void Route_EachCountedVacancy_RaisesTheChangeCounterByOne()
    {
        var pack = TinyPack.Load("1/3");
        var ledger = pack.NewLedger();

        foreach (var (v, i) in Vacancies.Numbered("T-1", DwellingCategory.Family, 5).Select((v, i) => (v, i)))
        {
            ledger = pack.Route(new RoutingRequest(TierA("T-1"), v, On) { Ledger = ledger }).Ledger;
            Assert.Equal(i + 1, ledger.ChangeCounter);
        }
    }

    [Fact]
    public void Route_VacancyNoRuleCovers_IsUndeterminedAndNotCounted()
    {
        var pack = TinyPack.Load("1/3");
        var ledger = pack.NewLedger();

        var result = pack.Route(new RoutingRequest(TierA("T-1"), Vacancies.Of("T-1-E01", "T-1", DwellingCategory.Elderly), On) { Ledger = ledger });

        Assert.Equal(VacancyRoute.Undetermined, result.Decision.Route);
        Assert.Same(ledger, result.Ledger);
        Assert.Equal(
            "No routing rule of the pack covers this vacancy; nothing was counted.",
            result.Decision.Explanation[^1].Reason.En);
        Assert.Equal(
            "Ingen fordelingsregel i pakken dækker denne ledige bolig; intet er talt.",
            result.Decision.Explanation[^1].Reason.Da);
    }

    [Fact]
    public void Route_DepartmentWithoutId_IsUndeterminedNamingTheIdAndNotCounted()
    {
        var pack = TinyPack.Load("1/3");
        var ledger = pack.NewLedger();

        var result = pack.Route(new RoutingRequest(TierA("T-1") with { Id = null }, Vacancies.Of("T-1-F01", null, DwellingCategory.Family), On) { Ledger = ledger });

        Assert.Equal(VacancyRoute.Undetermined, result.Decision.Route);
        Assert.Equal(["department.id"], result.Decision.Missing);
        Assert.Same(ledger, result.Ledger);
    }

    [Fact]
    public void Route_DepartmentThatCannotBePlaced_IsUndeterminedWithThePlacementsMissingFacts()
    {
        var pack = TinyPack.Load("1/3");
        var ledger = pack.NewLedger();

        var result = pack.Route(new RoutingRequest(TierA("T-1") with { Residents = null }, Vacancies.Of("T-1-F01", "T-1", DwellingCategory.Family), On) { Ledger = ledger });

        Assert.Equal(VacancyRoute.Undetermined, result.Decision.Route);
        Assert.Null(result.Decision.Tier);
        Assert.Contains("department.residents", result.Decision.Missing);
        Assert.Same(ledger, result.Ledger);
    }

    [Fact]
    public void Route_FixedShareRule_CountsWithItsOwnShareWhateverTheTier()
    {
        var pack = TinyPack.Load("1/3");

        var (decisions, _) = Routing.RouteAll(pack, TierB("T-2"), Vacancies.Numbered("T-2", DwellingCategory.Youth, 4), pack.NewLedger(), On);

        Assert.Equal([2, 4], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.All(decisions, d => Assert.Equal("1/2", d.MunicipalShare?.ToString()));
    }

    #endregion

    #region Tier change

    [Fact]
    public void Route_TierChangeUnderCarry_CarriesTheProgressToTheNewShareAndCitesThePolicy()
    {
        // Two counted under 1/3 (due 2/3), then 1/6: 5/6, 1 — the second vacancy under b is municipal.
        var pack = TinyPack.Load("1/3", "1/6", onTierChange: "carry");
        var (_, ledger) = Routing.RouteAll(pack, TierA("T-1"), Vacancies.Numbered("T-1", DwellingCategory.Family, 2), pack.NewLedger(), On);

        var (asB, after) = Routing.RouteAll(pack, TierB("T-1"), Vacancies.Numbered("T-1", DwellingCategory.Family, 6, first: 3), ledger, On);

        Assert.Equal([2], Routing.Positions(asB, VacancyRoute.Municipal));
        Assert.Equal(new LedgerCounter("T-1", "family", "b", 8, 1, 1) { Due = new Fraction(5, 3) }, after.Find("T-1", "family"));
        Assert.Equal(
            "routing.onTierChange (tiny § 4): The department's placement has changed from A to B under the placement rules of § 1. The municipality is due 2/3 allocations of this kind of dwelling and has had 0; counting goes on with the new share (every 6th vacant dwelling), so nothing is lost. The agreement's rule for a change: New tier.",
            ResultText.Line(asB[0].Explanation[2], Language.English));
    }

    [Fact]
    public void Route_TierChangeBackToTheShareItStartedWith_StoresNoDueOnceItIsCountedTimesTheShareAgain()
    {
        // Tiers a and b both 1/3: three under a (due 1), one under b: 4/3 = 4 × 1/3, so the counter needs no due of its own.
        var pack = TinyPack.Load("1/3", "1/3", onTierChange: "carry");
        var (_, ledger) = Routing.RouteAll(pack, TierA("T-1"), Vacancies.Numbered("T-1", DwellingCategory.Family, 3), pack.NewLedger(), On);

        var after = pack.Route(new RoutingRequest(TierB("T-1"), Vacancies.Of("T-1-F04", "T-1", DwellingCategory.Family), On) { Ledger = ledger }).Ledger;

        var counter = after.Find("T-1", "family")!;
        Assert.Equal(("b", 4L, 1L), (counter.Tier, counter.Counted, counter.Municipal));
        Assert.Null(counter.Due);
    }

    [Fact]
    public void Load_TierChangeReset_IsRefusedBecauseItLosesAllocations()
    {
        var result = RulePackLoader.LoadFromText(TinyPack.Text("1/3", "1/6", onTierChange: "reset"), "tiny.json");

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Equal("$.routing.onTierChange.counters", error.Location.JsonPath);
        Assert.StartsWith("'reset' is no longer allowed: starting the count again at every tier change loses allocations", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Write \"carry\"", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_TierChangeUnderKeep_ContinuesTheCountUnderTheNewShare()
    {
        // Two counted under 1/3, then 1/6 from k = 3: ⌊6/6⌋ > ⌊5/6⌋, so the 4th vacancy under b (k = 6) is municipal.
        var pack = TinyPack.Load("1/3", "1/6", onTierChange: "keep");
        var (_, ledger) = Routing.RouteAll(pack, TierA("T-1"), Vacancies.Numbered("T-1", DwellingCategory.Family, 2), pack.NewLedger(), On);

        var (asB, after) = Routing.RouteAll(pack, TierB("T-1"), Vacancies.Numbered("T-1", DwellingCategory.Family, 4, first: 3), ledger, On);

        Assert.Equal([4], Routing.Positions(asB, VacancyRoute.Municipal));
        Assert.Equal([3L, 4, 5, 6], asB.Select(d => d.Count!.Value));
        Assert.Equal("b", after.Find("T-1", "family")!.Tier);
        Assert.Equal(6, after.Find("T-1", "family")!.Counted);
        Assert.Equal("routing.onTierChange (tiny § 4): The department's placement has changed from A to B under the placement rules of § 1. The agreement's rule for a change: New tier.", ResultText.Line(asB[0].Explanation[2], Language.English));
    }

    [Fact]
    public void Route_TierChangeWithoutAPolicy_CarriesTheProgressAndSaysSo()
    {
        var pack = TinyPack.Load("1/3", "1/6", onTierChange: null);
        var (_, ledger) = Routing.RouteAll(pack, TierA("T-1"), Vacancies.Numbered("T-1", DwellingCategory.Family, 2), pack.NewLedger(), On);

        var result = pack.Route(new RoutingRequest(TierB("T-1"), Vacancies.Of("T-1-F03", "T-1", DwellingCategory.Family), On) { Ledger = ledger });

        Assert.Equal(3, result.Decision.Count);
        var change = Assert.Single(result.Decision.Explanation, x => x.RuleId == "routing.onTierChange");
        Assert.Equal("The department's placement has changed from A to B under the placement rules of § 1. The municipality is due 2/3 allocations of this kind of dwelling and has had 0; counting goes on with the new share (every 6th vacant dwelling), so nothing is lost.", change.Reason.En);
        Assert.Equal("Afdelingens placering er skiftet fra A til B efter placeringsreglerne i § 1. Kommunen har til gode 2/3 anvisninger af denne slags boliger og har fået 0; tællingen fortsætter med den nye andel (hver 6. ledige bolig), så intet går tabt.", change.Reason.Da);
    }

    #endregion

    #region Special criteria and flexible letting

    [Fact]
    public void Route_SpecialCriteriaEveryThirdAllocation_AppliesToTheThirdAndSixthMunicipalAllocation()
    {
        var pack = TinyPack.Load("1/2", specialShare: "1/3");

        var (decisions, _) = Routing.RouteAll(pack, TierA("T-1"), Vacancies.Numbered("T-1", DwellingCategory.Family, 12), pack.NewLedger(), On);

        Assert.Equal([2, 4, 6, 8, 10, 12], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal([6, 12], Routing.SpecialPositions(decisions));
        Assert.Equal("tiny-special", decisions[5].CriteriaSet);
        Assert.Null(decisions[3].CriteriaSet);
    }

    [Theory]
    [InlineData("all", new[] { 1, 2, 4, 5 }, new int[0])]
    [InlineData("none", new int[0], new[] { 1, 2, 4, 5 })]
    [InlineData("agreed", new[] { 5 }, new[] { 1, 2, 4 })]
    public void Route_NonMunicipalVacancies_GoFlexibleByTheTiersRule(string rule, int[] flexible, int[] waitingList)
    {
        // The department agrees a share of 1/4 (Build.Department): under "agreed" the 4th non-municipal vacancy is flexible.
        var pack = TinyPack.Load("1/3", flexibleRule: rule);

        var (decisions, _) = Routing.RouteAll(pack, TierA("T-1"), Vacancies.Numbered("T-1", DwellingCategory.Family, 6), pack.NewLedger(), On);

        Assert.Equal(flexible, Routing.Positions(decisions, VacancyRoute.Flexible));
        Assert.Equal(waitingList, Routing.Positions(decisions, VacancyRoute.WaitingList));
    }

    #endregion

    #region Purity

    [Fact]
    public void Route_SameInputsTwice_GiveTheSameDecisionAndLedgerAndLeaveTheOldLedgerAsItWas()
    {
        var pack = Repo.Pack("hoeje-taastrup-2023");
        var department = Build.Department("HT-PARKVEJ", 0.33m, 0.017m, 1400) with { Designation = Designation.Prevention };
        var (_, ledger) = Routing.RouteAll(pack, department, Vacancies.Numbered("HT-PARKVEJ", DwellingCategory.Family, 9), pack.NewLedger(), On);
        var before = ledger.ToJson();
        var tenth = Vacancies.Of("HT-PARKVEJ-family-10", "HT-PARKVEJ", DwellingCategory.Family);

        var first = pack.Route(new RoutingRequest(department, tenth, On) { Ledger = ledger });
        var second = pack.Route(new RoutingRequest(department with { }, tenth with { }, On) { Ledger = ledger });

        Assert.Equal(Routing.Describe(first.Decision), Routing.Describe(second.Decision));
        Assert.Equal(first.Ledger.ToJson(), second.Ledger.ToJson());
        Assert.Equal(before, ledger.ToJson());
        Assert.True(first.Decision.SpecialCriteria);
    }

    [Fact]
    public void Route_ManyThreadsOnOneSharedPack_GiveTheSameSequences()
    {
        var pack = Repo.Pack("holbaek-2024");
        var department = Build.Department("HB-101", 0.20m);
        var vacancies = Vacancies.Numbered("HB-101", DwellingCategory.Family, 60);
        var expected = Routing.RouteAll(pack, department, vacancies, pack.NewLedger(), On).Decisions.Select(Routing.Describe).ToList();

        var results = Enumerable.Range(0, 8).AsParallel()
            .Select(_ => Routing.RouteAll(pack, department, vacancies, pack.NewLedger(), On).Decisions.Select(Routing.Describe).ToList())
            .ToList();

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    #endregion

    private static Department TierA(string id) => Build.Department(id, residents: TinyPack.TierA);

    private static Department TierB(string id) => Build.Department(id, residents: TinyPack.TierB);
}
