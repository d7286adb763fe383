using RentalRules.Tests.Infrastructure;
using static RentalRules.Tests.Infrastructure.StagePack;
using RentalRules.Evaluation;

namespace RentalRules.Tests.Evaluation;

/// <summary>
/// Placement on its own, on tiny packs whose table is the only thing in them: which rule decides under each hit
/// policy, and what an unknown fact, a gap and (hit policy <c>unique</c>) an overlap give.
/// </summary>
public sealed class PlacementTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    private static readonly Rule Small = new("small", "department.residents < 1000", "a");
    private static readonly Rule Large = new("large", "department.residents >= 1000", "b");
    private static readonly Rule AnySize = new("any-size", "department.residents >= 0", "b");

    [Theory]
    [InlineData("first")]
    [InlineData("unique")]
    public void Place_ExactlyOneRuleHolds_PlacesByThatRule(string hitPolicy)
    {
        var pack = Placement(hitPolicy, Small, Large);

        var small = pack.Place(new PlacementRequest(Build.Department("D-1", residents: 400), On));
        var large = pack.Place(new PlacementRequest(Build.Department("D-2", residents: 4000), On));

        Assert.Equal((PlacementOutcome.Placed, "a", "small"), (small.Outcome, small.Tier, Assert.Single(small.Explanation).RuleId));
        Assert.Equal((PlacementOutcome.Placed, "b", "large"), (large.Outcome, large.Tier, Assert.Single(large.Explanation).RuleId));
        Assert.Equal("1/4", small.MunicipalShare?.ToString());
    }

    [Fact]
    public void Place_HitPolicyFirst_TwoRulesHold_TheFirstDecides()
    {
        var pack = Placement("first", Small, AnySize);

        var placement = pack.Place(new PlacementRequest(Build.Department("D-1", residents: 400), On));

        Assert.Equal(PlacementOutcome.Placed, placement.Outcome);
        Assert.Equal("a", placement.Tier);
        Assert.Equal("small", Assert.Single(placement.Explanation).RuleId);
    }

    [Fact]
    public void Place_HitPolicyUnique_TwoRulesHold_IsUnplacedNamingBothRules()
    {
        var pack = Placement("unique", Small, AnySize);

        var placement = pack.Place(new PlacementRequest(Build.Department("D-1", residents: 400), On));

        Assert.Equal(PlacementOutcome.Unplaced, placement.Outcome);
        Assert.Null(placement.Tier);
        var why = Assert.Single(placement.Explanation);
        Assert.Equal("small", why.RuleId);
        Assert.Equal("Rules 'small' and 'any-size' both apply, but the pack requires exactly one (hit policy unique).", why.Reason.En);
        Assert.Empty(placement.Missing);
    }

    [Fact]
    public void Place_HitPolicyUnique_OneRuleHoldsAndTheOverlappingRuleDoesNot_Places()
    {
        // The rules overlap only from 0 residents up to 999; a department of 4 000 meets 'any-size' alone.
        var pack = Placement("unique", Small, AnySize);

        var placement = pack.Place(new PlacementRequest(Build.Department("D-1", residents: 4000), On));

        Assert.Equal((PlacementOutcome.Placed, "b", "any-size"), (placement.Outcome, placement.Tier, Assert.Single(placement.Explanation).RuleId));
    }

    [Theory]
    [InlineData("first")]
    [InlineData("unique")]
    public void Place_TheFactTheTableNeedsIsUnknown_IsUndeterminedNamingTheFact(string hitPolicy)
    {
        var pack = Placement(hitPolicy, Small, Large);

        var placement = pack.Place(new PlacementRequest(Build.Department("D-1", residents: null), On));

        Assert.Equal(PlacementOutcome.Undetermined, placement.Outcome);
        Assert.Null(placement.Tier);
        Assert.Equal(["department.residents"], placement.Missing);
        Assert.Equal("small", Assert.Single(placement.Explanation).RuleId);
    }

    [Fact]
    public void Place_HitPolicyFirst_AnEarlierRuleHoldsBeforeAnUnknownOne_Places()
    {
        // Under 'first' a later rule is never asked once one holds, so its unknown fact does not matter.
        var pack = Placement("first", new Rule("always", "true", "a"), new Rule("rented", "department.turnoverRate > 0.1", "b"));

        var placement = pack.Place(new PlacementRequest(Build.Department("D-1") with { TurnoverRate = null }, On));

        Assert.Equal((PlacementOutcome.Placed, "a"), (placement.Outcome, placement.Tier));
        Assert.Empty(placement.Missing);
    }

    [Fact]
    public void Place_HitPolicyUnique_ALaterRuleIsUnknown_IsUndetermined()
    {
        // Under 'unique' every rule must answer: the unknown one could be a second hit.
        var pack = Placement("unique", new Rule("always", "true", "a"), new Rule("rented", "department.turnoverRate > 0.1", "b"));

        var placement = pack.Place(new PlacementRequest(Build.Department("D-1") with { TurnoverRate = null }, On));

        Assert.Equal(PlacementOutcome.Undetermined, placement.Outcome);
        Assert.Equal(["department.turnoverRate"], placement.Missing);
    }

    [Fact]
    public void Place_NoRuleHolds_IsUnplacedAsAGapInTheTable()
    {
        var pack = Placement("first", Small);

        var placement = pack.Place(new PlacementRequest(Build.Department("D-1", residents: 4000), On));

        Assert.Equal(PlacementOutcome.Unplaced, placement.Outcome);
        Assert.Equal("No placement rule applies to the department: the pack's table has a gap.", Assert.Single(placement.Explanation).Reason.En);
    }
}
