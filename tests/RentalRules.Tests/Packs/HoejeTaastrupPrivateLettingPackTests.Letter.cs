using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>The private-letting criteria to the letter: the move-in date, "fast arbejde" and the designated areas.</summary>
public sealed partial class HoejeTaastrupPrivateLettingPackTests
{
    [Fact]
    [Clause(PackId, "punkt 4 nr. 2")]
    public void Check_ApplicantTurning65BeforeTheMoveIn_IsEligibleMeasuredOnTheMoveInDate()
    {
        // nr. 2: "personer, som på tidspunktet for boligens overtagelse er 65 år eller derover". Born 1960-04-15,
        // checked on 2025-03-01 (64) for a move on 2025-05-01 (65): eligible.
        var applicant = Jobless("m1", new DateOnly(1960, 4, 15));
        var household = Household("case-201", applicant) with { MoveInDate = new DateOnly(2025, 5, 1) };

        var result = CheckWaitingList(household);

        Assert.Equal(Outcome.Eligible, Criterion(result, "private-letting-2-senior").Outcome);
        Assert.Equal(Outcome.Eligible, result.Outcome);
    }

    [Fact]
    [Clause(PackId, "punkt 4 nr. 2")]
    public void Check_MoveInTheDayBeforeThe65thBirthday_IsIneligibleAndWithoutAMoveInDateTheEvaluationDateDecides()
    {
        var applicant = Jobless("m1", new DateOnly(1960, 4, 15));

        var dayBefore = CheckWaitingList(Household("case-202", applicant) with { MoveInDate = new DateOnly(2025, 4, 14) });
        var noMoveIn = CheckWaitingList(Household("case-203", applicant));

        Assert.Equal(Outcome.Ineligible, dayBefore.Outcome);
        Assert.Equal(Outcome.Ineligible, noMoveIn.Outcome);
    }

    [Fact]
    [Clause(PackId, "punkt 4 nr. 1")]
    public void Check_JobEndingNextWeek_IsNotFixedWork()
    {
        // nr. 1: "har fast arbejde": a job with an end date next week is not fixed work; the same job without one is.
        var ending = Build.Worker("m1", TurnsToday(40)) with
        {
            Employment = [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 37, MonthlyGrossIncome = 30000m, From = new DateOnly(2024, 9, 1), To = On.AddDays(7) }],
        };
        var permanent = ending with { Employment = [ending.Employment![0] with { To = null }] };

        Assert.Equal(Outcome.Ineligible, CheckWaitingList(Household("case-204", ending)).Outcome);
        Assert.Equal(Outcome.Eligible, CheckWaitingList(Household("case-205", permanent)).Outcome);
    }

    [Fact]
    [Clause(PackId, "punkt 4")]
    public void Check_PropertyOutsideADesignatedArea_IsNotUnderTheCriteria()
    {
        // "fastsætte kriterier for fremtidig privat udlejning af ejendomme beliggende indenfor den geografiske
        // afgrænsning som er defineret for et ghettoområde": a department with designation none is not covered.
        var department = SoldBlock("TAASTRUP-CENTRE", new DateOnly(2022, 7, 1)) with { Designation = Designation.None };

        var result = Pack.Check(new EligibilityRequest(department, Household("case-206", Jobless("m1", TurnsToday(40))), LettingRoute.WaitingList, On));

        Assert.Equal("not-designated", result.Placement.Tier);
        Assert.Equal(Outcome.Eligible, result.Outcome);
        Assert.Empty(result.Criteria);
        Assert.Contains(result.Explanation, x => x is { RuleId: "private-letting-not-designated", Clause: "punkt 4" });
    }

    [Fact]
    [Clause(PackId, "punkt 4 nr. 2")]
    public void Interpretations_NameTheMoveInReadingAndItsAlternative()
    {
        var takeover = Assert.Single(Pack.Interpretations, i => i.Id == "private-letting-takeover-date");

        Assert.Equal("private-letting-2-senior", takeover.Rule);
        Assert.Contains("privateTakeover", takeover.Alternative);
    }
}
