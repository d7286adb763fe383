using NRules;
using NRules.Fluent.Dsl;
using NRules.RuleModel;
using RentalRules.Evaluation;
using RentalRules.NRules;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.NRules;

/// <summary>A pack as an NRules rule set: the agreement's rules by id and clause, and a host session that joins on the results.</summary>
public sealed class PackRuleSetTests
{
    [Fact]
    public void ToRuleSet_Holbaek_NamesEveryRuleByItsIdAndTagsItWithItsClause()
    {
        var pack = Repo.Pack("holbaek-2024");
        var rules = pack.ToRuleSet().Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);

        // § 6: the colour bands, in hit order as priority.
        var uncoloured = rules["holbaek-uncoloured"];
        var green = rules["holbaek-green"];
        var red = rules["holbaek-red"];
        Assert.Contains("§ 6", uncoloured.Tags);
        Assert.Contains("§ 6", red.Tags);
        Assert.True(uncoloured.Priority > green.Priority && green.Priority > red.Priority);

        // § 6: red departments are let under the tightened criteria; appendix 3 no. 1 is a rule of its own.
        Assert.Contains("§ 6", rules["holbaek-red-waitinglist-tightened"].Tags);
        var noConvictions = rules["holbaek-b3-1-convictions"];
        Assert.Contains("bilag 3 nr. 1", noConvictions.Tags);
        Assert.Equal("holbaek-2024", noConvictions.Properties["source"]);
        Assert.Equal("holbaek-tightened", noConvictions.Properties["criteriaSet"]);

        // The statutory restrictions the pack builds on cite the Act.
        Assert.Contains(rules.Values, r => r.Properties.Any(p => p.Name == "source" && (string)p.Value! == "dk-statutory-restrictions"));
    }

    [Fact]
    public void Session_RedDepartmentAndWorkingFamily_InsertsTheNativeResultsAndHostRulesJoinOnThem()
    {
        // § 6, appendix 3: case-001 (two adults in work, two children) on the waiting list into the red HB-104 is eligible.
        var pack = Repo.Pack("holbaek-2024");
        var host = new RuleSet("host");
        host.Add(new global::NRules.Fluent.RuleDefinitionFactory().Create(new OfferWhenEligible()));
        var session = new RuleCompiler().Compile([pack.ToRuleSet(), host]).CreateSession();
        var department = Build.Department("HB-104", outsideLabourMarketShare: 0.4501m);
        var household = Build.Household("case-001", Build.Worker("m1", new DateOnly(1988, 4, 2)), Build.Worker("m2", new DateOnly(1990, 11, 20), RentalRules.Facts.MemberRole.Partner), Build.Child("m3", new DateOnly(2016, 5, 5)));
        var request = new EligibilityRequest(department, household, LettingRoute.WaitingList, new DateOnly(2025, 3, 1));
        session.Insert(request);
        session.Fire();

        var result = Assert.Single(session.Query<EligibilityResult>());
        var native = pack.Check(request);
        Assert.Equal(native.Outcome, result.Outcome);
        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Equal("red", result.Placement.Tier);
        Assert.Equal(native.Criteria.Select(c => (c.Id, c.Outcome)), result.Criteria.Select(c => (c.Id, c.Outcome)));
        Assert.Equal(native.Explanation.Select(e => (e.RuleId, e.Clause)), result.Explanation.Select(e => (e.RuleId, e.Clause)));
        Assert.Equal("case-001", Assert.Single(session.Query<Offer>()).HouseholdId);
    }

    [Fact]
    public void Session_PlacementRequest_InsertsOnePlacementResultAndNoEligibility()
    {
        var pack = Repo.Pack("holbaek-2024");
        var session = NRulesBackend.Factory(pack).CreateSession();
        session.Insert(new PlacementRequest(Build.Department("HB-101", outsideLabourMarketShare: 0.30m), new DateOnly(2025, 3, 1)));
        session.Fire();

        var placement = Assert.Single(session.Query<PlacementResult>());
        Assert.Equal("green", placement.Tier);
        Assert.Equal("1/3", placement.MunicipalShare?.ToString());
        Assert.Empty(session.Query<EligibilityResult>());
    }

    /// <summary>A host's rule: an eligible household on the waiting list gets an offer.</summary>
    public sealed record Offer(string? HouseholdId);

    private sealed class OfferWhenEligible : Rule
    {
        public override void Define()
        {
            EligibilityResult result = null!;
            When().Match(() => result, r => r.Outcome == Outcome.Eligible && r.Route == LettingRoute.WaitingList);
            Then().Do(ctx => ctx.Insert(new Offer(result.HouseholdId)));
        }
    }
}
