using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Evaluation;

/// <summary>
/// Eligibility on its own, on a tiny pack (one tier, a flexible route requiring two member criteria): how criteria
/// combine over members and sets, what a missing fact gives, and that a route without requirements is open to all.
/// </summary>
public sealed class EligibilityTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    private static readonly RulePack Pack = StagePack.Eligibility(minHours: 30);

    private static EligibilityResult Check(Household household, LettingRoute route = LettingRoute.Flexible)
        => Pack.Check(new EligibilityRequest(Build.Department(), household, route, On));

    private static Member Adult(string id, decimal hours, MemberRole role = MemberRole.Applicant)
        => Build.Worker(id, new DateOnly(1985, 5, 1), role) with { Employment = [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = hours, From = new DateOnly(2015, 1, 1) }] };

    [Fact]
    public void Check_EveryAdultWorksEnoughAndNoOneIsConvicted_IsEligible()
    {
        var result = Check(Build.Household("h1", Adult("m1", 37), Adult("m2", 30, MemberRole.Partner), Build.Child("m3", new DateOnly(2015, 1, 1))));

        Assert.Equal(Outcome.Eligible, result.Outcome);
        var work = Criteria.Find(result, "tiny-work");
        Assert.Equal(["m1", "m2"], work.Members.Select(m => m.MemberId));
        Assert.Equal(3, Criteria.Find(result, "tiny-clean").Members.Count);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Check_OneAdultWorksTooFewHours_IsIneligibleOnThatMemberAndCriterionOnly()
    {
        var result = Check(Build.Household("h1", Adult("m1", 37), Adult("m2", 20, MemberRole.Partner)));

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        var work = Criteria.Find(result, "tiny-work");
        Assert.Equal(Outcome.Ineligible, work.Outcome);
        Assert.Equal([("m1", Outcome.Eligible), ("m2", Outcome.Ineligible)], work.Members.Select(m => (m.MemberId, m.Outcome)));
        Assert.Equal(Outcome.Eligible, Criteria.Find(result, "tiny-clean").Outcome);
    }

    [Fact]
    public void Check_AnAdultsHoursAreUnknown_IsUndeterminedNamingTheFact()
    {
        var unknownHours = Adult("m2", 0, MemberRole.Partner) with { Employment = [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = null, From = new DateOnly(2015, 1, 1) }] };

        var result = Check(Build.Household("h1", Adult("m1", 37), unknownHours));

        Assert.Equal(Outcome.Undetermined, result.Outcome);
        Assert.Equal(Outcome.Undetermined, Criteria.Find(result, "tiny-work").Outcome);
        Assert.Equal(["member.employment[].hoursPerWeek"], result.Missing);
    }

    [Fact]
    public void Check_AKnownFailureBesideAnUnknown_IsIneligible()
    {
        // Kleene and: one criterion false decides, whatever the other's unknown fact would have been.
        var convicted = Adult("m1", 0) with
        {
            Employment = [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = null, From = new DateOnly(2015, 1, 1) }],
            Convictions = [new Conviction { Date = new DateOnly(2024, 1, 1), Act = ConvictionAct.PenalCode }],
        };

        var result = Check(Build.Household("h1", convicted));

        Assert.Equal(Outcome.Ineligible, result.Outcome);
        Assert.Equal(Outcome.Ineligible, Criteria.Find(result, "tiny-clean").Outcome);
    }

    [Theory]
    [InlineData(LettingRoute.Municipal)]
    [InlineData(LettingRoute.WaitingList)]
    public void Check_ARouteWithoutRequirements_IsEligibleWithoutCriteria(LettingRoute route)
    {
        var result = Check(Build.Household("h1", Adult("m1", 5)), route);

        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Empty(result.Criteria);
    }
}
