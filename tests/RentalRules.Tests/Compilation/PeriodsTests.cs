using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Facts;

namespace RentalRules.Tests.Compilation;

/// <summary>
/// The period constructs of the condition language (DESIGN §5.1, docs/pack-format.md "Periods"): <c>current</c>,
/// <c>within</c>, <c>spell</c> and <c>sum</c>, by the one definition in <see cref="Periods"/>.
/// </summary>
public sealed class PeriodsTests
{
    private const string Replay = "5215369285521743,7046029254386353131";
    private static readonly DateOnly On = new(2025, 3, 1);

    private static (Func<EvalScope, Tri> Condition, FactNames Names) Compile(string text)
    {
        var names = new FactNames();
        return (ExprCompiler.CompileCondition(text, new CompileContext(new Dictionary<string, ParameterSlot>(), names, MemberInScope: true)), names);
    }

    private static Tri Eval(string text, Member member, DateOnly? on = null)
        => Compile(text).Condition(new EvalScope { Member = member, On = (on ?? On).DayNumber });

    private static (Tri Result, string[] Missing) EvalWithMissing(string text, Member member)
    {
        var (condition, names) = Compile(text);
        var scope = new EvalScope { Member = member, On = On.DayNumber };
        var result = condition(scope);
        return (result, scope.MissingSince(0).ToArray().Select(names.Name).ToArray());
    }

    private static ExprError Error(string text) => Assert.Throws<ExprException>(() => Compile(text)).Error;

    private static Member Enrolled(params Enrollment[] enrolments) => new() { Education = new Education { Enrolled = enrolments } };

    private static Member Receiving(params Benefit[] benefits) => new() { Benefits = benefits };

    private static Member Employed(params Employment[] jobs) => new() { Employment = jobs };

    #region current: from ≤ date < to, or < from + months for an enrolment

    [Fact]
    public void Current_ACourseOf36MonthsBegunIn2012_IsNotCurrentIn2025()
    {
        var member = Enrolled(new Enrollment { Kind = EducationLevel.Bachelor, Months = 36, From = new DateOnly(2012, 9, 1) });

        Assert.Equal(Tri.False, Eval("current(member.education.enrolled)", member));
        Assert.Equal(Tri.True, Eval("current(member.education.enrolled)", member, new DateOnly(2015, 8, 31)));
        Assert.Equal(Tri.False, Eval("current(member.education.enrolled)", member, new DateOnly(2015, 9, 1)));
    }

    [Fact]
    public void Current_ACourseStartingNextYear_IsNotCurrentYet()
    {
        var member = Enrolled(new Enrollment { Kind = EducationLevel.Vocational, Months = 48, From = On.AddYears(1) });

        Assert.Equal(Tri.False, Eval("current(member.education.enrolled)", member));
        Assert.Equal(Tri.False, Eval("any(x in member.education.enrolled: current(x))", member));
    }

    [Fact]
    public void Current_AnEnrolmentsTo_WinsOverItsMonths()
    {
        var member = Enrolled(new Enrollment { Months = 6, From = new DateOnly(2024, 9, 1), To = new DateOnly(2025, 6, 1) });

        Assert.Equal(Tri.True, Eval("current(member.education.enrolled)", member));
        Assert.Equal(Tri.False, Eval("current(member.education.enrolled)", member, new DateOnly(2025, 6, 1)));
    }

    [Fact]
    public void Current_AnEnrolmentWithNeitherToNorMonths_IsUndeterminedAndNamesTo()
    {
        var (result, missing) = EvalWithMissing("current(member.education.enrolled)", Enrolled(new Enrollment { From = new DateOnly(2024, 9, 1) }));

        Assert.Equal(Tri.Unknown, result);
        Assert.Equal(["member.education.enrolled[].to"], missing);
    }

    [Fact]
    public void Current_AnEnrolmentWithNeitherToNorMonths_ThatStartsLater_IsNotCurrent()
    {
        Assert.Equal(Tri.False, Eval("current(member.education.enrolled)", Enrolled(new Enrollment { From = On.AddDays(1) })));
    }

    [Fact]
    public void Current_AnEnrolmentOfAbsurdlyManyMonths_RunsToTheEndOfTheCalendarWithoutAnException()
    {
        Assert.Equal(Tri.True, Eval("current(member.education.enrolled)", Enrolled(new Enrollment { From = new DateOnly(2020, 1, 1), Months = 79_228_162_514_264_337_593_543_950_335m })));
    }

    [Fact]
    public void Current_AnEmploymentWithoutFrom_IsUndeterminedAndNamesFrom_UnlessItHasEnded()
    {
        var (result, missing) = EvalWithMissing("current(member.employment)", Employed(new Employment { To = null }));
        Assert.Equal(Tri.Unknown, result);
        Assert.Equal(["member.employment[].from"], missing);

        Assert.Equal(Tri.False, Eval("current(member.employment)", Employed(new Employment { To = On })));
    }

    [Fact]
    public void Current_AnUnknownList_IsUndeterminedAndNamesTheList()
    {
        var (result, missing) = EvalWithMissing("current(member.employment)", new Member());

        Assert.Equal(Tri.Unknown, result);
        Assert.Equal(["member.employment"], missing);
    }

    [Fact]
    public void Current_OnAGivenDate_LooksAtThatDate()
    {
        var startsNextMonth = Employed(new Employment { From = On.AddMonths(1) });

        Assert.Equal(Tri.False, Eval("current(member.employment)", startsNextMonth));
        Assert.Equal(Tri.True, Eval("current(member.employment, on + 2 months)", startsNextMonth));
    }

    [Property(MaxTest = 500, Replay = Replay)]
    public bool Current_HoldsOnExactlyTheDatesFromFromToBeforeTo(int start, PositiveInt length, int probe)
    {
        var from = On.AddDays(start % 2000);
        var to = from.AddDays(length.Get % 2000);
        var date = On.AddDays(probe % 3000);
        var expected = from <= date && date < to ? Tri.True : Tri.False;
        return Eval("current(member.employment)", Employed(new Employment { From = from, To = to }), date) == expected
            && Eval("current(member.benefits)", Receiving(new Benefit { Type = BenefitType.CashBenefit, From = from, To = to }), date) == expected
            && Eval("current(member.education.enrolled)", Enrolled(new Enrollment { From = from, To = to }), date) == expected;
    }

    #endregion

    #region within: the closed window on − N ≤ d ≤ on, for dates and periods alike

    [Fact]
    public void Within_AConvictionOnTheDayTwoYearsBack_IsInside_AndTheDayBeforeOutside()
    {
        // "inden for de seneste to år", evaluated 2025-03-01: the two-year period from a judgment on 2023-03-01 runs to the end of 2025-03-01.
        Assert.Equal(Tri.True, Eval("any(c in member.convictions: within(c.date, 2 years))", new Member { Convictions = [new Conviction { Date = new DateOnly(2023, 3, 1) }] }));
        Assert.Equal(Tri.False, Eval("any(c in member.convictions: within(c.date, 2 years))", new Member { Convictions = [new Conviction { Date = new DateOnly(2023, 2, 28) }] }));
    }

    [Fact]
    public void Within_ABenefitWhoseLastDayIsTwoYearsBack_IsInside_LikeAConvictionThatDay()
    {
        // Last day 2023-03-01: to (exclusive) is 2023-03-02. A benefit with to 2023-03-01 ended the day before.
        Assert.Equal(Tri.True, Eval("within(member.benefits, 2 years)", Receiving(new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2022, 1, 1), To = new DateOnly(2023, 3, 2) })));
        Assert.Equal(Tri.False, Eval("within(member.benefits, 2 years)", Receiving(new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2022, 1, 1), To = new DateOnly(2023, 3, 1) })));
    }

    [Fact]
    public void Within_AFutureDate_IsOutside()
    {
        Assert.Equal(Tri.False, Eval("within(member.releasedFromPrison, 6 months)", new Member { ReleasedFromPrison = On.AddDays(1) }));
        Assert.Equal(Tri.True, Eval("within(member.releasedFromPrison, 6 months)", new Member { ReleasedFromPrison = On }));
        Assert.Equal(Tri.False, Eval("within(member.releasedFromPrison, 6 months)", new Member { ReleasedFromPrison = Member.Never }));
    }

    [Fact]
    public void Within_AnUnknownDate_IsUndeterminedAndNamesIt()
    {
        var (result, missing) = EvalWithMissing("within(member.releasedFromPrison, 6 months)", new Member());

        Assert.Equal(Tri.Unknown, result);
        Assert.Equal(["member.releasedFromPrison"], missing);
    }

    [Property(MaxTest = 500, Replay = Replay)]
    public bool Within_AConvictionAndABenefitOnTheSameDay_AreJudgedAlike(int offset, PositiveInt years)
    {
        var day = On.AddDays(-(Math.Abs(offset) % 2000));
        var n = (years.Get % 5) + 1;
        var conviction = Eval($"any(c in member.convictions: within(c.date, {n} years))", new Member { Convictions = [new Conviction { Date = day }] });
        var benefit = Eval($"within(member.benefits, {n} years)", Receiving(new Benefit { Type = BenefitType.CashBenefit, From = day, To = day.AddDays(1) }));
        var expected = day >= On.AddYears(-n) && day <= On ? Tri.True : Tri.False;
        return conviction == expected && benefit == expected;
    }

    #endregion

    #region spell: touching or overlapping records of the set form one spell

    [Fact]
    public void Spell_OnTheLastRepresentableDay_IsAnsweredWithoutAnException()
    {
        // Found by the NRules differential property: a calendar-month spell evaluated on 9999-12-31 asked for the day
        // after it and threw. An ongoing record ends (exclusively) at the last representable day, so no spell runs on
        // that day: the answer is "not met", and the day before it is measured as usual.
        var member = Receiving(new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(9999, 6, 1) });

        Assert.Equal(Tri.False, Eval(CashSpell + " >= 6 calendar months", member, DateOnly.MaxValue));
        Assert.Equal(Tri.True, Eval(CashSpell + " >= 6 calendar months", member, new DateOnly(9999, 12, 30)));
    }

    private const string CashSpell = "spell(b in member.benefits: b.type in ['cashBenefit', 'educationAid', 'transitionBenefit', 'selfSupportReturnBenefit'])";

    [Fact]
    public void Spell_KontanthjaelpThenUddannelseshjaelp_IsOneNineMonthSpell()
    {
        var member = Receiving(
            new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 6, 1), To = new DateOnly(2024, 10, 31) },
            new Benefit { Type = BenefitType.EducationAid, From = new DateOnly(2024, 11, 1), To = null });

        Assert.Equal(Tri.True, Eval(CashSpell + " >= 6 months", member));
        Assert.Equal(Tri.True, Eval(CashSpell + " >= 9 months", member));
        Assert.Equal(Tri.False, Eval(CashSpell + " > 9 months", member));
        Assert.Equal(Tri.False, Eval(CashSpell + " < 9 months", member));
    }

    [Fact]
    public void Spell_OneRecordAlone_CountsOnlyItsOwnMonths()
    {
        var member = Receiving(new Benefit { Type = BenefitType.EducationAid, From = new DateOnly(2024, 11, 1), To = null });

        Assert.Equal(Tri.False, Eval(CashSpell + " >= 6 months", member));
    }

    [Fact]
    public void Spell_ABreakOfAMonth_StartsANewSpell()
    {
        var member = Receiving(
            new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 3, 1), To = new DateOnly(2024, 10, 1) },
            new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 11, 1), To = null });

        Assert.Equal(Tri.False, Eval(CashSpell + " >= 6 months", member));
    }

    [Fact]
    public void Spell_ABenefitOutsideTheSet_DoesNotJoinTheSpell()
    {
        var member = Receiving(
            new Benefit { Type = BenefitType.UnemploymentBenefit, From = new DateOnly(2024, 6, 1), To = new DateOnly(2024, 11, 1) },
            new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 11, 1), To = null });

        Assert.Equal(Tri.False, Eval(CashSpell + " >= 6 months", member));
    }

    [Fact]
    public void Spell_ThatEndedBeforeTheDate_DoesNotRunUpToIt()
    {
        var member = Receiving(new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2023, 1, 1), To = On });

        Assert.Equal(Tri.False, Eval(CashSpell + " >= 6 months", member));
    }

    [Fact]
    public void Spell_ARecordWithAnUnknownType_IsUndeterminedUnlessTheKnownRecordsDecide()
    {
        var unknownType = new Benefit { From = new DateOnly(2024, 6, 1), To = new DateOnly(2024, 11, 1) };
        var (result, missing) = EvalWithMissing(CashSpell + " >= 6 months", Receiving(unknownType, new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 11, 1) }));
        Assert.Equal(Tri.Unknown, result);
        Assert.Equal(["member.benefits[].type"], missing);

        Assert.Equal(Tri.True, Eval(CashSpell + " >= 6 months", Receiving(unknownType, new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 1, 1) })));
        Assert.Equal(Tri.False, Eval(CashSpell + " >= 6 months", Receiving(new Benefit { From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 2, 1) })));
    }

    [Fact]
    public void Spell_ARecordWithAnUnknownStart_IsUndeterminedAndNamesFrom()
    {
        var (result, missing) = EvalWithMissing(CashSpell + " >= 6 months", Receiving(new Benefit { Type = BenefitType.CashBenefit }));

        Assert.Equal(Tri.Unknown, result);
        Assert.Equal(["member.benefits[].from"], missing);
    }

    [Theory]
    [InlineData("2024-01-15", "2024-07-15", "False")]
    [InlineData("2024-01-15", "2024-07-31", "True")]
    [InlineData("2024-01-01", "2024-06-30", "True")]
    [InlineData("2024-01-01", "2024-06-29", "False")]
    public void Spell_InCalendarMonths_CountsWholeMonthsOnly(string from, string on, string expected)
    {
        // "i 6 sammenhængende kalendermåneder": kontanthjælp from 15 January covers February to July whole on 31 July.
        var member = Receiving(new Benefit { Type = BenefitType.CashBenefit, From = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(Enum.Parse<Tri>(expected), Eval(CashSpell + " >= 6 calendar months", member, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Spell_MoreThanSixCalendarMonths_NeedsSevenWholeMonths()
    {
        var member = Receiving(new Benefit { Type = BenefitType.CashBenefit, From = new DateOnly(2024, 1, 1) });

        Assert.Equal(Tri.False, Eval(CashSpell + " > 6 calendar months", member, new DateOnly(2024, 7, 30)));
        Assert.Equal(Tri.True, Eval(CashSpell + " > 6 calendar months", member, new DateOnly(2024, 7, 31)));
    }

    [Fact]
    public void CalendarMonths_OutsideASpell_IsATypeError()
    {
        Assert.Equal("Calendar months measure a spell only: spell(..) >= 6 calendar months.", Error("member.releasedFromPrison <= on - 6 calendar months").Message);
    }

    [Fact]
    public void Spell_ComparedWithANumber_IsATypeErrorThatShowsTheForm()
    {
        var e = Error(CashSpell + " >= 6");
        Assert.Equal(DiagnosticCodes.TypeMismatch, e.Code);
        Assert.Equal("A spell can only be compared with a duration written out, using >=, >, < or <= (spell(..) >= 6 months); this compares a spell with a number using '>='.", e.Message);
    }

    [Fact]
    public void Spell_OverConvictions_IsATypeError()
    {
        var e = Error("spell(c in member.convictions: true) >= 6 months");
        Assert.StartsWith("'spell' needs a list of records with from and to", e.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300, Replay = Replay)]
    public bool Spell_SplitIntoTouchingRecords_HasTheSameLength(PositiveInt length, int[] cuts, bool inclusiveEnds, PositiveInt months)
    {
        // One spell from start running past On, cut into pieces that touch (exclusive ends) or follow on the next day (inclusive ends).
        var start = On.AddDays(-(length.Get % 1500));
        var end = On.AddDays(30);
        var points = cuts.Select(c => start.AddDays(Math.Abs(c) % Math.Max(1, end.DayNumber - start.DayNumber))).Where(d => d > start).Distinct().Order().ToList();
        var bounds = new List<DateOnly> { start };
        bounds.AddRange(points);
        bounds.Add(end);
        var pieces = new List<Benefit>();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var to = bounds[i + 1];
            var last = i + 2 == bounds.Count;
            pieces.Add(new Benefit { Type = i % 2 == 0 ? BenefitType.CashBenefit : BenefitType.EducationAid, From = bounds[i], To = last ? to : inclusiveEnds ? to.AddDays(-1) : to });
        }

        pieces.Reverse();
        var text = $"{CashSpell} >= {months.Get % 60} months";
        var whole = Eval(text, Receiving(new Benefit { Type = BenefitType.CashBenefit, From = start, To = end }));
        return Eval(text, Receiving([.. pieces])) == whole;
    }

    #endregion

    #region sum: over the current records

    private const string Income = "sum(e in member.employment where current(e): e.monthlyGrossIncome)";

    [Fact]
    public void Sum_TwoCurrentJobsOf9000_Reach16408()
    {
        var member = Employed(
            new Employment { Kind = EmploymentKind.Employee, MonthlyGrossIncome = 9000m, From = new DateOnly(2024, 1, 1) },
            new Employment { Kind = EmploymentKind.Employee, MonthlyGrossIncome = 9000m, From = new DateOnly(2024, 6, 1) });

        Assert.Equal(Tri.True, Eval(Income + " >= 16408", member));
        Assert.Equal(Tri.False, Eval("any(e in member.employment: current(e) and e.monthlyGrossIncome >= 16408)", member));
    }

    [Fact]
    public void Sum_AnEndedJob_DoesNotCount_NorItsMissingIncome()
    {
        var member = Employed(
            new Employment { MonthlyGrossIncome = 9000m, From = new DateOnly(2024, 1, 1) },
            new Employment { From = new DateOnly(2020, 1, 1), To = new DateOnly(2023, 1, 1) });

        var (result, missing) = EvalWithMissing(Income + " >= 16408", member);
        Assert.Equal(Tri.False, result);
        Assert.Empty(missing);
    }

    [Fact]
    public void Sum_ACurrentJobWithoutIncome_IsUndeterminedAndNamesTheIncome()
    {
        var member = Employed(new Employment { MonthlyGrossIncome = 9000m, From = new DateOnly(2024, 1, 1) }, new Employment { From = new DateOnly(2024, 1, 1) });

        var (result, missing) = EvalWithMissing(Income + " >= 16408", member);
        Assert.Equal(Tri.Unknown, result);
        Assert.Equal(["member.employment[].monthlyGrossIncome"], missing);
    }

    [Fact]
    public void Sum_OfNoRecords_IsZero()
    {
        Assert.Equal(Tri.True, Eval(Income + " = 0", Employed()));
    }

    [Fact]
    public void Sum_OfText_IsATypeError()
    {
        var e = Error("sum(e in member.employment: e.kind) > 0");
        Assert.Equal("The body of 'sum' must be a number, but this is one of 'employee', 'selfEmployed', 'flexJob'.", e.Message);
    }

    [Property(MaxTest = 300, Replay = Replay)]
    public bool Sum_IsTheSumOfTheCurrentJobsIncomes(int[] offsets)
    {
        var jobs = offsets.Take(6).Select((o, i) => new Employment { MonthlyGrossIncome = 1000m * (i + 1), From = On.AddDays(o % 400), To = On.AddDays((o % 400) + 200) }).ToArray();
        var expected = jobs.Where(j => j.From <= On && On < j.To).Sum(j => j.MonthlyGrossIncome!.Value);
        return Eval($"{Income} = {expected}", Employed(jobs)) == Tri.True;
    }

    #endregion

    #region where: a filter on any quantifier

    [Fact]
    public void Where_OnAll_OnlyAsksTheFilteredRecords()
    {
        var member = Employed(new Employment { HoursPerWeek = 10, From = new DateOnly(2020, 1, 1), To = new DateOnly(2021, 1, 1) }, new Employment { HoursPerWeek = 30, From = new DateOnly(2024, 1, 1) });

        Assert.Equal(Tri.True, Eval("all(e in member.employment where current(e): e.hoursPerWeek >= 25)", member));
        Assert.Equal(Tri.False, Eval("all(e in member.employment: e.hoursPerWeek >= 25)", member));
    }

    #endregion
}
