using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Tests.Properties;

namespace RentalRules.Tests.Compilation;

/// <summary>
/// A condition's first calls walk its bound tree (<see cref="BoundInterpreter"/>) and later calls run the expression
/// tree compiled from it (<see cref="ExprEmitter"/>): the two must agree on every condition and every fact, in the value
/// and in the missing facts noted, in the same order. Conditions are generated over the whole fact schema (every
/// operator, function and quantifier, paths through records, lists and quantifier variables), facts by
/// <see cref="FactGenerators"/> with any fact possibly unknown.
/// </summary>
public sealed class BoundInterpreterTests
{
    private const int Runs = 400;

    private static readonly Dictionary<string, ParameterSlot> Parameters = new(StringComparer.Ordinal)
    {
        ["limit"] = new(0, VType.Number),
        ["share"] = new(1, VType.Share),
    };

    private static readonly (string Name, FactType Type)[] Roots =
    [
        ("department", FactSchema.Department),
        ("household", FactSchema.Household),
        ("applicant", FactSchema.Member),
        ("member", FactSchema.Member),
        ("vacancy", FactSchema.Vacancy),
    ];

    private static readonly string[] Durations = ["2 years", "3 months", "10 days", "1 year", "6 calendar months", "0 days"];

    private static readonly string[] Comparisons = ["=", "!=", "<", "<=", ">", ">="];

    [Property(MaxTest = Runs, Replay = Laws.Replay)]
    public Property Condition_WalkedAndCompiled_GiveTheSameValueAndMissingFacts()
        => Prop.ForAll(Arb.From(Cases(Bool)), c => Agree(c, ExprBinder.BindCondition(c.Text, Context(c.Names))));

    [Property(MaxTest = Runs, Replay = Laws.Replay)]
    public Property Number_WalkedAndCompiled_GiveTheSameValueAndMissingFacts()
        => Prop.ForAll(Arb.From(Cases(Num)), c => Agree(c, ExprBinder.BindNumber(c.Text, Context(c.Names))));

    [Property(MaxTest = Runs, Replay = Laws.Replay)]
    public Property Date_WalkedAndCompiled_GiveTheSameValueAndMissingFacts()
        => Prop.ForAll(Arb.From(Cases(Date)), c => Agree(c, ExprBinder.Bind(ExprParser.Parse(c.Text), Context(c.Names))));

    [Fact]
    public void Condition_OverAQuantifiedList_WalkedAndCompiled_NoteTheSameMissingFactsInOrder()
    {
        var text = "any(m in household.members: m.birthDate < date('2000-01-01') or m.education.highestCompleted.approvedInDenmark)";
        var household = new Household { Members = [new Member { Id = "m1" }, new Member { Id = "m2", BirthDate = new DateOnly(1990, 1, 1) }] };
        var c = new Case(text, new Department(), household, null, new DateOnly(2025, 3, 1), [1m, null], new FactNames());
        var bound = ExprBinder.BindCondition(text, Context(c.Names));

        var (walked, walkedMissing) = Walk(c, bound);
        var (compiled, compiledMissing) = RunCompiled(c, bound);

        Assert.Equal(Tri.True, walked);
        Assert.Equal(compiled, walked);
        Assert.Equal(["household.members[].birthDate", "household.members[].education", "household.members[].education.highestCompleted"], walkedMissing);
        Assert.Equal(compiledMissing, walkedMissing);
    }

    private static CompileContext Context(FactNames names) => new(Parameters, names, MemberInScope: true);

    private static bool Agree(Case c, BoundExpression bound)
    {
        var (walked, walkedMissing) = Walk(c, bound);
        var (compiled, compiledMissing) = RunCompiled(c, bound);
        Assert.Equal(Show(compiled), Show(walked));
        Assert.Equal(compiledMissing, walkedMissing);
        return true;
    }

    // A decimal's scale shows in output (2.50 and 2.5), so values compare as text too.
    private static string Show(object? value) => value switch
    {
        null => "null",
        decimal d => "decimal " + d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.GetType().Name + " " + value,
    };

    private static (object? Value, string[] Missing) Walk(Case c, BoundExpression bound)
    {
        var scope = c.Scope();
        return (BoundInterpreter.Value(bound.Root, scope), Missing(c, scope));
    }

    private static (object? Value, string[] Missing) RunCompiled(Case c, BoundExpression bound)
    {
        var scope = c.Scope();
        return (ExprEmitter.EmitBoxed(bound.Root).Compile()(scope), Missing(c, scope));
    }

    private static string[] Missing(Case c, EvalScope scope) => [.. scope.MissingSince(0).ToArray().Select(c.Names.Name)];

    /// <summary>One generated case: an expression's text and the facts it is evaluated over.</summary>
    internal sealed record Case(string Text, Department Department, Household Household, Member? Member, DateOnly On, decimal?[] Values, FactNames Names)
    {
        public EvalScope Scope() => new()
        {
            Department = Department,
            Household = Household,
            Applicant = Household.Applicant,
            Member = Member,
            On = On.DayNumber,
            Parameters = Values,
        };

        public override string ToString() => Text;
    }

    private static Gen<Case> Cases(Func<Scope, int, Gen<string>> expression) =>
        from text in expression(new Scope([]), 3)
        from department in FactGenerators.Department
        from household in FactGenerators.Household
        from memberIndex in Gen.Choose(-1, 3)
        from day in FactGenerators.EvaluationDate
        from limit in FactGenerators.Maybe(Gen.Choose(0, 50_000).Select(i => (decimal)i))
        from share in FactGenerators.Maybe(FactGenerators.Share)
        let members = household.Members ?? []
        select new Case(text, department, household, memberIndex >= 0 && memberIndex < members.Count ? members[memberIndex] : null, day, [limit, share], new FactNames());

    /// <summary>The quantifier variables in scope where an expression is generated.</summary>
    internal sealed record Scope(IReadOnlyList<(string Name, FactType Type)> Variables)
    {
        public Scope With(string name, FactType type) => new([.. Variables, (name, type)]);

        public string Fresh => "v" + Variables.Count;
    }

    /// <summary>Every path from a root or a variable through records, up to three fields, with its type.</summary>
    private static List<(string Text, VType Type)> Paths(Scope scope)
    {
        var paths = new List<(string, VType)>();
        void Walk(string prefix, FactType type, int depth)
        {
            foreach (var field in type.Fields)
            {
                var text = prefix + "." + field.Name;
                paths.Add((text, field.Type));
                if (field.Type.Kind == VKind.Object && depth < 3)
                {
                    Walk(text, field.Type.Object!, depth + 1);
                }
            }
        }

        foreach (var (name, type) in Roots.Concat(scope.Variables))
        {
            paths.Add((name, VType.ObjectOf(type)));
            Walk(name, type, 1);
        }

        return paths;
    }

    private static Gen<string>? PathOf(Scope scope, Func<VType, bool> wanted)
    {
        var found = Paths(scope).Where(p => wanted(p.Type)).Select(p => p.Text).ToArray();
        return found.Length == 0 ? null : Gen.Elements(found);
    }

    private static Gen<string> OneOf(params Gen<string>?[] choices) => Gen.OneOf(choices.Where(g => g is not null).Cast<Gen<string>>());

    private static Gen<string> Bool(Scope s, int depth)
    {
        var num = Num(s, 0);
        var date = Date(s, 0);
        var leaves = new List<Gen<string>?>
        {
            Gen.Elements("true", "false"),
            PathOf(s, t => t.Kind == VKind.Bool),
            from a in num from op in Gen.Elements(Comparisons) from b in num select $"{a} {op} {b}",
            from a in date from op in Gen.Elements(Comparisons) from b in date select $"{a} {op} {b}",
            from p in PathOf(s, t => t.Kind == VKind.String && t.EnumValues is null) from op in Gen.Elements("=", "!=") from v in Gen.Elements("'DK'", "'employee'", "'Holbæk'", "''", "'applicant'") select $"{p} {op} {v}",
            EnumIn(s),
            from p in PathOf(s, t => t.Kind == VKind.Number && !t.IsShare) select $"{p} in [0, 37, 2.5, 0.3]",
            from p in PathOf(s, t => t.IsShare) from op in Gen.Elements(Comparisons) from v in Gen.Elements("0.3", "0", "1", "param.share", "department.keyFigures.convictedShare") select $"{p} {op} {v}",
            from p in PathOf(s, t => t.Kind == VKind.StringList) from v in Gen.Elements("'a'", "'lowRent'", "'x'") select $"{v} in {p}",
            from p in PathOf(s, t => t.Kind is VKind.Bool or VKind.Number or VKind.String or VKind.Date or VKind.Object) from f in Gen.Elements("known", "missing") select $"{f}({p})",
            from p in PathOf(s, t => t.Kind is VKind.Object or VKind.List && t.Object!.PeriodOf is not null) from d in Gen.Elements("", ", " + "date('2020-06-30')", ", on - 1 year") select $"current({p}{d})",
            from p in PathOf(s, t => t.Kind == VKind.Date) from d in Gen.Elements(Durations.Where(x => !x.Contains("calendar", StringComparison.Ordinal))) select $"within({p}, {d})",
            from p in PathOf(s, t => t.Kind is VKind.Object or VKind.List && t.Object!.PeriodOf is not null) from d in Gen.Elements("2 years", "6 months") from at in Gen.Elements("", ", date('2023-01-01')") select $"within({p}, {d}{at})",
        };
        if (depth == 0)
        {
            return OneOf([.. leaves]);
        }

        var inner = Bool(s, depth - 1);
        var composite = new List<Gen<string>?>
        {
            inner.Select(b => $"not ({b})"),
            from a in inner from op in Gen.Elements("and", "or") from b in inner select $"({a}) {op} ({b})",
            from a in inner from op in Gen.Elements("=", "!=") from b in inner select $"({a}) {op} ({b})",
            Quantified(s, depth, VKind.List, (v, list, body) => Gen.Elements("any", "all").Select(q => $"{q}({v} in {list}: {body})")),
            Quantified(s, depth, VKind.List, (v, list, body) =>
                from d in Gen.Elements(Durations.Where(x => x != "0 days"))
                from op in Gen.Elements(">=", ">", "<", "<=")
                select $"spell({v} in {list}: {body}) {op} {d}", periods: true),
        };
        return Gen.Frequency([(3, OneOf([.. leaves])), (4, OneOf([.. composite]))]);
    }

    private static Gen<string>? EnumIn(Scope s)
    {
        var enums = Paths(s).Where(p => p.Type.Kind == VKind.String && p.Type.EnumValues is not null).ToArray();
        return enums.Length == 0 ? null :
            from p in Gen.Elements(enums)
            from skip in Gen.Choose(0, p.Type.EnumValues!.Count - 1)
            from take in Gen.Choose(1, 3)
            from form in Gen.Elements("in", "not in", "=", "!=")
            select form.EndsWith("in", StringComparison.Ordinal)
                ? $"{p.Text} {form} [{string.Join(", ", p.Type.EnumValues!.Skip(skip).Take(take).Select(v => $"'{v}'"))}]"
                : $"{p.Text} {form} '{p.Type.EnumValues![skip]}'";
    }

    private static Gen<string>? Quantified(Scope s, int depth, VKind kind, Func<string, string, string, Gen<string>> make, bool periods = false)
    {
        var lists = Paths(s).Where(p => p.Type.Kind == kind && (!periods || p.Type.Object!.PeriodOf is not null)).ToArray();
        if (lists.Length == 0)
        {
            return null;
        }

        return from list in Gen.Elements(lists)
               let inner = s.With(s.Fresh, list.Type.Object!)
               from body in Bool(inner, depth - 1)
               from made in make(s.Fresh, list.Text, body)
               select made;
    }

    private static Gen<string> Num(Scope s, int depth)
    {
        var leaves = new List<Gen<string>?>
        {
            Gen.Elements("0", "1", "2.5", "37", "0.30", "16408", "79228162514264337593543950335"),
            PathOf(s, t => t.Kind == VKind.Number && !t.IsShare),
            Gen.Constant("param.limit"),
        };
        if (depth == 0)
        {
            return OneOf([.. leaves]);
        }

        var inner = Num(s, depth - 1);
        var composite = new List<Gen<string>?>
        {
            inner.Select(n => $"-({n})"),
            from a in inner from op in Gen.Elements("+", "-", "*", "/") from b in inner select $"({a}) {op} ({b})",
            Quantified(s, depth, VKind.List, (v, list, body) => Gen.Constant($"count({v} in {list}: {body})")),
            SumOf(s, depth),
        };
        return Gen.Frequency([(3, OneOf([.. leaves])), (3, OneOf([.. composite]))]);
    }

    private static Gen<string>? SumOf(Scope s, int depth)
    {
        var lists = Paths(s).Where(p => p.Type.Kind == VKind.List && p.Type.Object!.Fields.Any(f => f.Type.Kind == VKind.Number && !f.Type.IsShare)).ToArray();
        if (lists.Length == 0)
        {
            return null;
        }

        return from list in Gen.Elements(lists)
               let v = s.Fresh
               let inner = s.With(v, list.Type.Object!)
               from filter in Gen.OneOf(Gen.Constant(""), Bool(inner, Math.Max(0, depth - 2)).Select(b => " where " + b))
               from body in Num(inner, depth - 1)
               select $"sum({v} in {list.Text}{filter}: {body})";
    }

    private static Gen<string> Date(Scope s, int depth)
    {
        var leaves = new List<Gen<string>?>
        {
            Gen.Elements("date('2024-01-31')", "date('2000-02-29')", "on"),
            PathOf(s, t => t.Kind == VKind.Date),
        };
        if (depth == 0)
        {
            return OneOf([.. leaves]);
        }

        var inner = Date(s, depth - 1);
        return Gen.Frequency(
        [
            (3, OneOf([.. leaves])),
            (2, from d in inner from op in Gen.Elements("+", "-") from span in Gen.Elements("2 years", "1 month", "10 days", "0 days") select $"({d}) {op} {span}"),
        ]);
    }
}
