using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Compilation;
using RentalRules.Facts;

namespace RentalRules.Tests.Properties;

/// <summary>
/// The condition language is Kleene's three-valued logic (docs/pack-format.md, Conditions): compiled conditions over
/// three department facts that are each true, false or unknown agree with a reference evaluator written from the truth
/// tables, obey the laws of the logic, and report exactly the missing facts they read.
/// </summary>
public sealed class KleeneLawsTests
{
    private const int Cases = 200;
    private const int PairCases = 120;

    private static readonly string[] AtomText =
    [
        "department.developmentPlan",
        "department.rehousing",
        "(department.keyFigures.outsideLabourMarketShare > 0.3)",
    ];

    /// <summary>Every assignment of true/false/unknown to the three facts; the third is unknown in two ways.</summary>
    private static readonly IReadOnlyList<Assignment> AllAssignments =
    [
        .. from a in Values
           from b in Values
           from c in Values
           from absent in c == Tri.Unknown ? new[] { false, true } : [false]
           select new Assignment(a, b, c, absent),
    ];

    private static Tri[] Values => [Tri.False, Tri.True, Tri.Unknown];

    /// <summary>Conditions up to depth 5; pairs and triples are shallower so that laws over them stay under the 4 000-character limit.</summary>
    private static Arbitrary<Expr> Exprs => Arb.From(ExprOfDepth(5), Shrink);

    private static Arbitrary<Expr> PairedExprs => Arb.From(ExprOfDepth(4), Shrink);

    private static Arbitrary<Expr> TripledExprs => Arb.From(ExprOfDepth(3), Shrink);

    #region Agreement with the reference evaluator

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property CompiledCondition_AgreesWithReferenceEvaluator_OnEveryAssignment()
    {
        return Prop.ForAll(Exprs, e => AssertAgreesWithReference(e.Text, e));
    }

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property CompiledCondition_ReportsExactlyTheMissingFactsItRead()
    {
        return Prop.ForAll(Exprs, e =>
            {
                var condition = Compile(e.Text);
                foreach (var assignment in AllAssignments)
                {
                    var read = new HashSet<int>();
                    var expected = Reference(e, assignment, read);
                    var (actual, missing) = condition.Run(assignment);
                    var expectedMissing = read.Where(i => assignment[i] == Tri.Unknown).Select(assignment.MissingName).Order(StringComparer.Ordinal).ToList();
                    Assert.True(
                        expectedMissing.SequenceEqual(missing.Order(StringComparer.Ordinal)),
                        $"{e.Text} with {assignment}: missing [{string.Join(", ", missing)}], expected [{string.Join(", ", expectedMissing)}]");
                    if (actual == Tri.Unknown)
                    {
                        Assert.NotEmpty(missing);
                    }

                    Assert.Equal(expected, actual);
                }
            });
    }

    [Theory]
    [InlineData("department.developmentPlan and department.rehousing", true, null, "department.rehousing")]
    [InlineData("department.rehousing and department.developmentPlan", true, null, "department.rehousing")]
    [InlineData("department.developmentPlan or department.rehousing", false, null, "department.rehousing")]
    [InlineData("not department.rehousing", false, null, "department.rehousing")]
    [InlineData("department.developmentPlan = department.rehousing", null, null, "department.developmentPlan department.rehousing")]
    public void UndeterminedCondition_ReportsExactlyTheMissingFacts(string text, bool? developmentPlan, bool? rehousing, string expected)
    {
        var condition = Compile(text);
        var (result, missing) = condition.Run(new Department { DevelopmentPlan = developmentPlan, Rehousing = rehousing });
        Assert.Equal(Tri.Unknown, result);
        Assert.Equal(expected.Split(' '), missing.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UnknownKeyFigures_ReportTheMissingObject_NotItsField()
    {
        var condition = Compile(AtomText[2]);
        var (whole, wholeMissing) = condition.Run(new Department());
        var (field, fieldMissing) = condition.Run(new Department { KeyFigures = new KeyFigures() });
        Assert.Equal(Tri.Unknown, whole);
        Assert.Equal(["department.keyFigures"], wholeMissing);
        Assert.Equal(Tri.Unknown, field);
        Assert.Equal(["department.keyFigures.outsideLabourMarketShare"], fieldMissing);
    }

    #endregion

    #region Laws

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property FalseAndUnknown_IsFalse()
    {
        return Prop.ForAll(Exprs, e =>
            {
                AssertAlways($"false and {e.Text}", Tri.False);
                AssertAlways($"{e.Text} and false", Tri.False);
            });
    }

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property TrueOrUnknown_IsTrue()
    {
        return Prop.ForAll(Exprs, e =>
            {
                AssertAlways($"true or {e.Text}", Tri.True);
                AssertAlways($"{e.Text} or true", Tri.True);
            });
    }

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property NotUnknown_IsUnknown()
    {
        return Prop.ForAll(Exprs, e =>
            {
                var inner = Compile(e.Text);
                var negated = Compile($"not {e.Text}");
                foreach (var assignment in AllAssignments)
                {
                    var value = inner.Run(assignment).Result;
                    var expected = value == Tri.Unknown ? Tri.Unknown : value == Tri.True ? Tri.False : Tri.True;
                    Assert.Equal(expected, negated.Run(assignment).Result);
                }
            });
    }

    [Property(MaxTest = PairCases, Replay = Laws.Replay)]
    public Property AndAndOr_AreCommutative()
    {
        return Prop.ForAll(PairedExprs, PairedExprs, (a, b) =>
            {
                AssertEquivalent($"({a.Text} and {b.Text})", $"({b.Text} and {a.Text})");
                AssertEquivalent($"({a.Text} or {b.Text})", $"({b.Text} or {a.Text})");
            });
    }

    [Property(MaxTest = PairCases, Replay = Laws.Replay)]
    public Property DeMorgan_HoldsInThreeValuedLogic()
    {
        return Prop.ForAll(PairedExprs, PairedExprs, (a, b) =>
            {
                AssertEquivalent($"not ({a.Text} and {b.Text})", $"(not {a.Text}) or (not {b.Text})");
                AssertEquivalent($"not ({a.Text} or {b.Text})", $"(not {a.Text}) and (not {b.Text})");
            });
    }

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property DoubleNegation_IsTheIdentity()
    {
        return Prop.ForAll(Exprs, e => AssertEquivalent($"not (not {e.Text})", e.Text));
    }

    [Property(MaxTest = PairCases / 2, Replay = Laws.Replay)]
    public Property AndAndOr_AreAssociative()
    {
        return Prop.ForAll(TripledExprs, TripledExprs, TripledExprs, (a, b, c) =>
            {
                AssertEquivalent($"(({a.Text} and {b.Text}) and {c.Text})", $"({a.Text} and ({b.Text} and {c.Text}))");
                AssertEquivalent($"(({a.Text} or {b.Text}) or {c.Text})", $"({a.Text} or ({b.Text} or {c.Text}))");
            });
    }

    #endregion

    #region Reference evaluator and generators

    private static void AssertAgreesWithReference(string text, Expr e)
    {
        var condition = Compile(text);
        foreach (var assignment in AllAssignments)
        {
            var expected = Reference(e, assignment, []);
            var actual = condition.Run(assignment).Result;
            Assert.True(expected == actual, $"{text} with {assignment}: compiled {actual}, reference {expected}");
        }
    }

    private static void AssertAlways(string text, Tri expected)
    {
        var condition = Compile(text);
        foreach (var assignment in AllAssignments)
        {
            Assert.True(condition.Run(assignment).Result == expected, $"{text} with {assignment} is not {expected}");
        }
    }

    private static void AssertEquivalent(string left, string right)
    {
        var l = Compile(left);
        var r = Compile(right);
        foreach (var assignment in AllAssignments)
        {
            var (a, b) = (l.Run(assignment).Result, r.Run(assignment).Result);
            Assert.True(a == b, $"with {assignment}: {left} is {a} but {right} is {b}");
        }
    }

    /// <summary>Kleene's truth tables, evaluated left to right like the compiled code, recording which facts it reads.</summary>
    private static Tri Reference(Expr e, Assignment facts, HashSet<int> read)
    {
        switch (e)
        {
            case Atom atom:
                read.Add(atom.Index);
                return facts[atom.Index];
            case Const c:
                return c.Value ? Tri.True : Tri.False;
            case Not n:
                return Reference(n.Operand, facts, read) switch
                {
                    Tri.True => Tri.False,
                    Tri.False => Tri.True,
                    _ => Tri.Unknown,
                };
            case And and:
            {
                var l = Reference(and.Left, facts, read);
                if (l == Tri.False)
                {
                    return Tri.False;
                }

                var r = Reference(and.Right, facts, read);
                return r == Tri.False ? Tri.False : l == Tri.True && r == Tri.True ? Tri.True : Tri.Unknown;
            }

            case Or or:
            {
                var l = Reference(or.Left, facts, read);
                if (l == Tri.True)
                {
                    return Tri.True;
                }

                var r = Reference(or.Right, facts, read);
                return r == Tri.True ? Tri.True : l == Tri.False && r == Tri.False ? Tri.False : Tri.Unknown;
            }

            case Same same:
            {
                var l = Reference(same.Left, facts, read);
                var r = Reference(same.Right, facts, read);
                return l == Tri.Unknown || r == Tri.Unknown ? Tri.Unknown : (l == r) != same.Negated ? Tri.True : Tri.False;
            }

            default:
                throw new InvalidOperationException(e.ToString());
        }
    }

    private static Gen<Expr> ExprOfDepth(int depth)
    {
        var leaf = Gen.Frequency(
            (6, Gen.Choose(0, 2).Select(i => (Expr)new Atom(i))),
            (1, Gen.Elements(true, false).Select(b => (Expr)new Const(b))));
        if (depth == 0)
        {
            return leaf;
        }

        var sub = ExprOfDepth(depth - 1);
        return Gen.Frequency(
            (3, leaf),
            (1, sub.Select(x => (Expr)new Not(x))),
            (2, Gen.Zip(sub, sub, (l, r) => (Expr)new And(l, r))),
            (2, Gen.Zip(sub, sub, (l, r) => (Expr)new Or(l, r))),
            (1, from l in sub from r in sub from negated in Gen.Elements(true, false) select (Expr)new Same(l, r, negated)));
    }

    private static IEnumerable<Expr> Shrink(Expr e)
    {
        switch (e)
        {
            case Not n:
                yield return n.Operand;
                foreach (var s in Shrink(n.Operand))
                {
                    yield return new Not(s);
                }

                break;
            case Binary b:
                yield return b.Left;
                yield return b.Right;
                foreach (var s in Shrink(b.Left))
                {
                    yield return b.WithChildren(s, b.Right);
                }

                foreach (var s in Shrink(b.Right))
                {
                    yield return b.WithChildren(b.Left, s);
                }

                break;
            case Atom { Index: > 0 }:
                yield return new Atom(0);
                break;
        }
    }

    private static CompiledCondition Compile(string text)
    {
        var context = new CompileContext(new Dictionary<string, ParameterSlot>(), new FactNames(), MemberInScope: false);
        return new CompiledCondition(ExprCompiler.CompileCondition(text, context), context.FactNames);
    }

    /// <summary>A condition over the three facts. <see cref="Text"/> is fully parenthesised, so it parses back to this tree.</summary>
    private abstract record Expr
    {
        public abstract string Text { get; }

        public sealed override string ToString() => Text;
    }

    private sealed record Atom(int Index) : Expr
    {
        public override string Text => AtomText[Index];
    }

    private sealed record Const(bool Value) : Expr
    {
        public override string Text => Value ? "true" : "false";
    }

    private sealed record Not(Expr Operand) : Expr
    {
        public override string Text => $"(not {Operand.Text})";
    }

    private abstract record Binary(Expr Left, Expr Right) : Expr
    {
        public abstract Binary WithChildren(Expr left, Expr right);
    }

    private sealed record And(Expr Left, Expr Right) : Binary(Left, Right)
    {
        public override string Text => $"({Left.Text} and {Right.Text})";

        public override Binary WithChildren(Expr left, Expr right) => new And(left, right);
    }

    private sealed record Or(Expr Left, Expr Right) : Binary(Left, Right)
    {
        public override string Text => $"({Left.Text} or {Right.Text})";

        public override Binary WithChildren(Expr left, Expr right) => new Or(left, right);
    }

    /// <summary><c>=</c> (or <c>!=</c>) between two conditions.</summary>
    private sealed record Same(Expr Left, Expr Right, bool Negated) : Binary(Left, Right)
    {
        public override string Text => $"({Left.Text} {(Negated ? "!=" : "=")} {Right.Text})";

        public override Binary WithChildren(Expr left, Expr right) => new Same(left, right, Negated);
    }

    /// <summary>Values of developmentPlan, rehousing and (outsideLabourMarketShare &gt; 0.3); the last unknown because the share or the whole keyFigures is missing.</summary>
    private sealed record Assignment(Tri DevelopmentPlan, Tri Rehousing, Tri ShareAbove, bool KeyFiguresAbsent)
    {
        public Tri this[int index] => index switch
        {
            0 => DevelopmentPlan,
            1 => Rehousing,
            _ => ShareAbove,
        };

        public Department Department => new()
        {
            DevelopmentPlan = ToBool(DevelopmentPlan),
            Rehousing = ToBool(Rehousing),
            KeyFigures = KeyFiguresAbsent ? null : new KeyFigures
            {
                OutsideLabourMarketShare = ShareAbove switch
                {
                    Tri.True => 0.5m,
                    Tri.False => 0.1m,
                    _ => null,
                },
            },
        };

        public string MissingName(int index) => index switch
        {
            0 => "department.developmentPlan",
            1 => "department.rehousing",
            _ => KeyFiguresAbsent ? "department.keyFigures" : "department.keyFigures.outsideLabourMarketShare",
        };

        private static bool? ToBool(Tri t) => t == Tri.Unknown ? null : t == Tri.True;
    }

    private sealed record CompiledCondition(Func<EvalScope, Tri> Evaluate, FactNames Names)
    {
        public (Tri Result, IReadOnlyList<string> Missing) Run(Assignment assignment) => Run(assignment.Department);

        public (Tri Result, IReadOnlyList<string> Missing) Run(Department department)
        {
            var scope = new EvalScope { Department = department, On = new DateOnly(2025, 1, 1).DayNumber };
            var result = Evaluate(scope);
            var missing = new List<string>();
            foreach (var id in scope.MissingSince(0))
            {
                missing.Add(Names.Name(id));
            }

            return (result, missing);
        }
    }

    #endregion
}
