using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;
using RentalRules;

namespace RentalRules.Tests.Packs;

/// <summary>Holbæk to the letter: § 2, § 7 and appendix 4 as a clause-by-clause reading gives them.</summary>
public sealed partial class HolbaekPackTests
{
    #region § 7 the criteria of each department are agreed individually

    [Fact]
    [Clause(PackId, "§ 7")]
    [Clause(PackId, "bilag 4 nr. 4")]
    public void Check_SixtyOneYearOldWhereOnlyNr1And2WereAgreed_HasNoSeniorPriority()
    {
        // § 7: "De særlige kriterier som de enkelte boligafdelinger er omfattet af, aftales individuelt".
        var household = Build.Household("case-301", Build.Worker("m1", Aged(61)) with { Employment = [] });
        var onlyWorkAndEducation = Green() with { FlexibleCriteria = ["holbaek-b4-1-work", "holbaek-b4-2-education"] };

        var agreed = Check(onlyWorkAndEducation, household, LettingRoute.Flexible);
        var all = Check(Green(), household, LettingRoute.Flexible);

        Assert.Equal(Outcome.Ineligible, Criterion(agreed, "holbaek-b4-4-senior").Outcome);
        Assert.Equal(Outcome.Ineligible, agreed.Outcome);
        Assert.Equal(Outcome.Eligible, all.Outcome);
    }

    [Fact]
    [Clause(PackId, "§ 7")]
    public void Check_UnknownAgreedCriteria_LeaveAMetCriterionUndeterminedNamingTheFact()
    {
        var household = Build.Household("case-302", Build.Worker("m1", Aged(61)) with { Employment = [] });

        var result = Check(Green() with { FlexibleCriteria = null }, household, LettingRoute.Flexible);

        Assert.Equal(Outcome.Undetermined, result.Outcome);
        Assert.Contains("department.flexibleCriteria", result.Missing);
    }

    #endregion

    #region bilag 4 nr. 1 and nr. 5

    [Fact]
    [Clause(PackId, "bilag 4 nr. 1")]
    public void Check_SelfEmployedTwoHoursAWeek_IsNotFixedAttachmentAndTheProfitIsAskedFor()
    {
        // "Beskæftigelsen skal have et omfang af mindst 25 timer om ugen"; "Overskuddet skal sandsynliggøre, at
        // huslejen kan betales".
        Member SelfEmployed(int hours) => Build.Worker("m1", Aged(40)) with
        {
            Employment = [new Employment { Kind = EmploymentKind.SelfEmployed, HoursPerWeek = hours, MonthlyGrossIncome = 25000m, From = new DateOnly(2019, 1, 1) }],
        };

        var two = Check(Green(), Build.Household("case-303", SelfEmployed(2)), LettingRoute.Flexible);
        var thirty = Check(Green(), Build.Household("case-304", SelfEmployed(30)), LettingRoute.Flexible);

        Assert.Equal(Outcome.Ineligible, Criterion(two, "holbaek-b4-1-work").Outcome);
        Assert.Equal(Outcome.Eligible, Criterion(thirty, "holbaek-b4-1-work").Outcome);
        Assert.Contains(thirty.Documents, d => d.Da == "Selvstændige: dokumentation for, at overskuddet sandsynliggør, at huslejen kan betales");
    }

    [Theory]
    [Clause(PackId, "bilag 4 nr. 5")]
    [InlineData(2005, 6, 1, Outcome.Ineligible)]
    [InlineData(2024, 3, 2, Outcome.Eligible)]
    [InlineData(2024, 3, 1, Outcome.Eligible)]    // the day one year back: inside the closed window every "within" uses
    [InlineData(2024, 2, 29, Outcome.Ineligible)]
    public void Check_HomeSoldLongAgo_HasNotFreedADwellingAtTheTimeOfAllocation(int year, int month, int day, Outcome expected)
    {
        // "har solgt egen bolig … og dermed har frigivet en permanent bolig på anvisningstidspunktet": a sale within
        // the last year (ASSUMED window); a home sold in 2005 does not count.
        var household = Build.Household("case-305", Build.Worker("m1", Aged(50)) with { Employment = [] }) with
        {
            Divorce = Divorce.None,
            SoldHome = new SoldHome { Municipality = "Holbæk", Date = new DateOnly(year, month, day) },
        };

        var result = Check(Green(), household, LettingRoute.Flexible);

        var nr5 = Criterion(result, "holbaek-b4-5-sold-home");
        Assert.Equal(expected, nr5.Outcome);
        Assert.Contains(nr5.Assumptions, a => a.Parameter is null && a.Reason.En.Contains("within the last year", StringComparison.Ordinal));
    }

    [Fact]
    [Clause(PackId, "bilag 4 nr. 5")]
    public void Check_HomeSoldIn2005_CountsOnlyUnderTheDraftsLiteralReading()
    {
        var household = Build.Household("case-306", Build.Worker("m1", Aged(50)) with { Employment = [] }) with
        {
            Divorce = Divorce.None,
            SoldHome = new SoldHome { Municipality = "Holbæk", Date = new DateOnly(2005, 6, 1) },
        };
        var draft = Repo.Load("samples/interpretations/holbaek-2024-sold-home-any-date.json");

        Assert.Equal(Outcome.Ineligible, Check(Green(), household, LettingRoute.Flexible).Outcome);
        Assert.Equal(Outcome.Eligible, draft.Check(new EligibilityRequest(Green(), household, LettingRoute.Flexible, On)).Outcome);
    }

    #endregion

    #region § 2 rehousing dispensations

    [Fact]
    [Clause(PackId, "§ 2")]
    public void Place_DepartmentWithARehousingDispensation_LetsNothingWhileItLasts()
    {
        // § 2: "Aftaler om dispensationer i forbindelse med genhusning, gælder fortsat og er tidsbegrænsede."
        var placement = Pack.Place(new PlacementRequest(Green() with { Rehousing = true }, On));
        var household = Build.Household("case-307", Build.Worker("m1", Aged(40)));

        Assert.Equal("rehousing", placement.Tier);
        Assert.Equal("0", placement.MunicipalShare.ToString());
        Assert.All(placement.Routes.Values, r => Assert.False(r.Open));
        Assert.Equal(Outcome.Ineligible, Check(Green() with { Rehousing = true }, household, LettingRoute.WaitingList).Outcome);
        Assert.Equal("green", Pack.Place(new PlacementRequest(Green() with { Rehousing = null }, On)).Tier);
    }

    #endregion

    #region Reasons in the pack's words

    [Fact]
    [Clause(PackId, "§ 6")]
    public void Place_NoKeyFigure_SaysTheDepartmentIsTreatedAsUncolouredNotThatAppendix1SaysSo()
    {
        var placement = Pack.Place(new PlacementRequest(Department("HB-105", null), On));

        Assert.Equal("uncoloured", placement.Tier);
        Assert.Equal(
            "Afdelingen har intet nøgletal for andelen af 18-64-årige uden tilknytning til arbejdsmarkedet og behandles derfor som ikke farvemarkeret i bilag 1: hver 8. ledige bolig tilbydes til kommunal anvisning.",
            placement.Explanation[0].Reason.Da);
        Assert.DoesNotContain("NIVEAU", ResultText.Placements([placement], Language.Danish));
    }

    [Fact]
    [Clause(PackId, "bilag 2")]
    public void Interpretations_SayAppendix2sTargetGroupIsNotEncoded()
    {
        var target = Assert.Single(Pack.Interpretations, i => i.Id == "holbaek-accessible-target-group");

        Assert.Equal("holbaek-accessible-full", target.Rule);
        Assert.Contains("not in the fact model", target.Reading);
    }

    #endregion
}
