using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Facts;

namespace RentalRules.Tests.Compilation;

public sealed class ExprCompilerTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    private static (Func<EvalScope, Tri> Condition, FactNames Names) Compile(string text, bool member = false)
    {
        var names = new FactNames();
        var parameters = new Dictionary<string, ParameterSlot>
        {
            ["greenMax"] = new(0, VType.Share),
            ["income"] = new(1, VType.Number),
        };
        return (ExprCompiler.CompileCondition(text, new CompileContext(parameters, names, member)), names);
    }

    private static EvalScope Scope(Department? d = null, Household? h = null, Member? m = null) => new()
    {
        Department = d,
        Household = h,
        Applicant = h?.Applicant,
        Member = m,
        On = On.DayNumber,
        Parameters = [0.30m, 16408m],
    };

    private static ExprError Error(string text, bool member = false)
        => Assert.Throws<ExprException>(() => Compile(text, member)).Error;

    [Theory]
    [InlineData(0.30, "True")]
    [InlineData(0.3001, "False")]
    public void Compare_ShareWithParameter_IsExact(double share, string expected)
    {
        var (condition, _) = Compile("department.keyFigures.outsideLabourMarketShare <= param.greenMax");
        var d = new Department { KeyFigures = new KeyFigures { OutsideLabourMarketShare = (decimal)share } };
        Assert.Equal(Enum.Parse<Tri>(expected), condition(Scope(d)));
    }

    [Fact]
    public void Compare_MissingFact_IsUnknownAndNamesTheFact()
    {
        var (condition, names) = Compile("department.keyFigures.outsideLabourMarketShare <= 0.3");
        var scope = Scope(new Department { KeyFigures = new KeyFigures() });
        Assert.Equal(Tri.Unknown, condition(scope));
        Assert.Equal(["department.keyFigures.outsideLabourMarketShare"], scope.MissingSince(0).ToArray().Select(names.Name));
    }

    [Fact]
    public void Path_MissingObjectOnTheWay_IsUnknownAndNamesTheObject()
    {
        var (condition, names) = Compile("department.keyFigures.convictedShare > 0.01");
        var scope = Scope(new Department());
        Assert.Equal(Tri.Unknown, condition(scope));
        Assert.Equal(["department.keyFigures"], scope.MissingSince(0).ToArray().Select(names.Name));
    }

    [Theory]
    [InlineData("department.rehousing and department.developmentPlan", false, null, "False")]
    [InlineData("department.rehousing and department.developmentPlan", null, false, "False")]
    [InlineData("department.rehousing and department.developmentPlan", true, null, "Unknown")]
    [InlineData("department.rehousing or department.developmentPlan", true, null, "True")]
    [InlineData("department.rehousing or department.developmentPlan", null, true, "True")]
    [InlineData("department.rehousing or department.developmentPlan", false, null, "Unknown")]
    [InlineData("not department.rehousing", null, null, "Unknown")]
    [InlineData("not department.rehousing", true, null, "False")]
    public void Logic_IsKleene(string text, bool? rehousing, bool? plan, string expected)
    {
        var (condition, _) = Compile(text);
        Assert.Equal(Enum.Parse<Tri>(expected), condition(Scope(new Department { Rehousing = rehousing, DevelopmentPlan = plan })));
    }

    [Fact]
    public void Known_OfAMissingFact_IsFalseNotUnknown()
    {
        var (condition, _) = Compile("missing(department.keyFigures.outsideLabourMarketShare)");
        var scope = Scope(new Department());
        Assert.Equal(Tri.True, condition(scope));
        Assert.Equal(0, scope.MissingCount);
    }

    [Fact]
    public void Any_OverMembersConvictions_UsesDatesRelativeToOn()
    {
        var (condition, _) = Compile("not any(c in member.convictions: c.act in ['penalCode', 'weaponsAct'] and c.date > on - 2 years)", member: true);
        var recent = new Member { Convictions = [new Conviction { Act = ConvictionAct.PenalCode, Date = new DateOnly(2023, 3, 2) }] };
        var old = new Member { Convictions = [new Conviction { Act = ConvictionAct.PenalCode, Date = new DateOnly(2023, 3, 1) }] };
        var other = new Member { Convictions = [new Conviction { Act = ConvictionAct.Other, Date = new DateOnly(2025, 1, 1) }] };
        var unknownList = new Member();
        Assert.Equal(Tri.False, condition(Scope(m: recent)));
        Assert.Equal(Tri.True, condition(Scope(m: old)));
        Assert.Equal(Tri.True, condition(Scope(m: other)));
        Assert.Equal(Tri.Unknown, condition(Scope(m: unknownList)));
    }

    [Fact]
    public void Any_WithAnUnknownItem_IsUnknownUnlessAnotherItemIsTrue()
    {
        var (condition, _) = Compile("any(e in member.employment: e.hoursPerWeek >= 25)", member: true);
        var unknownHours = new Employment { Kind = EmploymentKind.Employee };
        Assert.Equal(Tri.Unknown, condition(Scope(m: new Member { Employment = [unknownHours] })));
        Assert.Equal(Tri.True, condition(Scope(m: new Member { Employment = [unknownHours, new Employment { HoursPerWeek = 30 }] })));
        Assert.Equal(Tri.False, condition(Scope(m: new Member { Employment = [] })));
    }

    [Fact]
    public void EmploymentTo_Null_MeansOngoing()
    {
        var (condition, _) = Compile("any(e in member.employment: e.to >= on)", member: true);
        Assert.Equal(Tri.True, condition(Scope(m: new Member { Employment = [new Employment { From = new DateOnly(2020, 1, 1), To = null }] })));
        Assert.Equal(Tri.False, condition(Scope(m: new Member { Employment = [new Employment { To = new DateOnly(2025, 2, 28) }] })));
    }

    [Fact]
    public void Arithmetic_DivisionByZero_IsUnknownNotAnException()
    {
        var (condition, _) = Compile("department.residents / department.dwellings > 2");
        Assert.Equal(Tri.Unknown, condition(Scope(new Department { Residents = 10, Dwellings = 0 })));
        Assert.Equal(Tri.True, condition(Scope(new Department { Residents = 10, Dwellings = 4 })));
    }

    [Fact]
    public void Flags_InList_IsCaseInsensitive()
    {
        var (condition, _) = Compile("'particularProblems' in department.flags");
        Assert.Equal(Tri.True, condition(Scope(new Department { Flags = ["ParticularProblems"] })));
        Assert.Equal(Tri.False, condition(Scope(new Department { Flags = [] })));
        Assert.Equal(Tri.Unknown, condition(Scope(new Department())));
    }

    [Fact]
    public void UnknownFact_SuggestsTheRightSpelling()
    {
        var e = Error("department.keyFigures.outsideLabourMarketShar <= 0.3");
        Assert.Equal(DiagnosticCodes.UnknownName, e.Code);
        Assert.Equal("'keyFigures' has no fact 'outsideLabourMarketShar'.", e.Message);
        Assert.Equal("Did you mean 'outsideLabourMarketShare'?", e.Hint);
        Assert.Equal("department.keyFigures.".Length, e.Pos);
    }

    [Fact]
    public void UnknownRoot_SuggestsTheRightSpelling()
    {
        var e = Error("departmnt.residents > 3");
        Assert.Equal("Unknown name 'departmnt'.", e.Message);
        Assert.Equal("Did you mean 'department'?", e.Hint);
    }

    [Fact]
    public void EnumLiteral_Misspelt_IsATypeErrorWithSuggestion()
    {
        var e = Error("department.designation = 'prevntion'");
        Assert.Equal(DiagnosticCodes.TypeMismatch, e.Code);
        Assert.Equal("'prevntion' is not a value of department.designation.", e.Message);
        Assert.Equal("Did you mean 'prevention'?", e.Hint);
    }

    [Fact]
    public void ShareComparedWithAPercentage_SuggestsTheFraction()
    {
        var e = Error("department.keyFigures.outsideLabourMarketShare > 28");
        Assert.Equal("department.keyFigures.outsideLabourMarketShare is a share, but is compared with 28.", e.Message);
        Assert.Equal("Shares are fractions in [0, 1]: did you mean 0.28?", e.Hint);
    }

    [Fact]
    public void ComparingADateWithANumber_IsATypeError()
    {
        var e = Error("department.keyFigures.asOf > 3");
        Assert.Equal(DiagnosticCodes.TypeMismatch, e.Code);
        Assert.Equal("Cannot compare a date with a number using '>'.", e.Message);
    }

    [Fact]
    public void ANumberAsACondition_IsATypeError()
    {
        var e = Error("department.residents");
        Assert.Equal("A condition must be true or false, but this is a number.", e.Message);
    }

    [Fact]
    public void Member_OutsideAMemberCriterion_IsRejectedWithAHint()
    {
        var e = Error("member.age > 3");
        Assert.Equal("'member' is only available in a criterion with a \"members\" age band.", e.Message);
    }

    [Fact]
    public void CStyleOperators_AreRejectedWithTheWord()
    {
        var e = Error("department.rehousing && department.developmentPlan");
        Assert.Equal(DiagnosticCodes.ExpressionSyntax, e.Code);
        Assert.Equal("Write 'and'.", e.Hint);
    }

    [Fact]
    public void DeepNesting_IsRejectedNotAStackOverflow()
    {
        var text = new string('(', 10_000) + "true" + new string(')', 10_000);
        var e = Error(text);
        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, e.Code);
    }

    [Fact]
    public void DeepNotChain_IsRejectedNotAStackOverflow()
    {
        var text = string.Concat(Enumerable.Repeat("not ", 3000)) + "true";
        Assert.Equal(DiagnosticCodes.ExpressionTooComplex, Error(text).Code);
    }

    [Fact]
    public void UnknownFunction_IsRejected_NoWayToCallCode()
    {
        var e = Error("System.IO.File.Exists('x')");
        Assert.Equal(DiagnosticCodes.ExpressionSyntax, e.Code);
        Assert.Equal("Unexpected '('.", e.Message);
        var call = Error("exec('rm')");
        Assert.Equal("There is no function 'exec'.", call.Message);
    }
}
