using System.Linq.Expressions;
using RentalRules.Diagnostics;
using static System.Linq.Expressions.Expression;
using RentalRules.Facts;

namespace RentalRules.Compilation;

/// <summary>A parameter as the compiler sees it: its slot in <see cref="EvalScope.Parameters"/> and its type.</summary>
internal sealed record ParameterSlot(int Index, VType Type);

/// <summary>What an expression may refer to where it stands; <paramref name="References"/> collects what it does refer to.</summary>
internal sealed record CompileContext(
    IReadOnlyDictionary<string, ParameterSlot> Parameters,
    FactNames FactNames,
    bool MemberInScope,
    ExprReferences? References = null);

/// <summary>The facts and parameters an expression reads, and the thresholds it compares numeric facts with.</summary>
internal sealed class ExprReferences
{
    public HashSet<string> Facts { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Comparisons of a numeric or date fact with a constant or a parameter.</summary>
    public List<(string Fact, decimal? Constant, string? Parameter)> Thresholds { get; } = [];
}

/// <summary>
/// Type-checks a condition against <see cref="FactSchema"/> and compiles it to a delegate over
/// <see cref="EvalScope"/>. The only code a pack can reach is fact accessors and the total helpers in
/// <see cref="Runtime"/> and <see cref="DateMath"/>: no reflection on user names, no I/O, no method calls.
/// </summary>
internal sealed class ExprCompiler
{
    private static readonly string[] Functions = ["known", "missing", "date", "current", "within", "any", "all", "count", "spell", "sum"];

    /// <summary>The helper methods compiled conditions call, looked up once.</summary>
    private static class M
    {
        public static readonly System.Reflection.MethodInfo Not = typeof(Kleene).GetMethod(nameof(Kleene.Not))!;
        public static readonly System.Reflection.MethodInfo Add = typeof(DateMath).GetMethod(nameof(DateMath.Add))!;
        public static readonly System.Reflection.MethodInfo Sum = typeof(Runtime).GetMethod(nameof(Runtime.Add))!;
        public static readonly System.Reflection.MethodInfo Subtract = typeof(Runtime).GetMethod(nameof(Runtime.Subtract))!;
        public static readonly System.Reflection.MethodInfo Multiply = typeof(Runtime).GetMethod(nameof(Runtime.Multiply))!;
        public static readonly System.Reflection.MethodInfo Divide = typeof(Runtime).GetMethod(nameof(Runtime.Divide))!;
        public static readonly System.Reflection.MethodInfo Negate = typeof(Runtime).GetMethod(nameof(Runtime.Negate))!;
        public static readonly System.Reflection.MethodInfo Contains = typeof(Runtime).GetMethod(nameof(Runtime.Contains))!;
        public static readonly System.Reflection.MethodInfo TextEquals = typeof(Runtime).GetMethod(nameof(Runtime.TextEquals))!;
        public static readonly System.Reflection.MethodInfo Compare = typeof(Runtime).GetMethod(nameof(Runtime.Compare))!;
        public static readonly System.Reflection.MethodInfo CompareDays = typeof(Runtime).GetMethod(nameof(Runtime.CompareDays))!;
        public static readonly System.Reflection.MethodInfo TextEqual = typeof(Runtime).GetMethod(nameof(Runtime.TextEqual))!;
        public static readonly System.Reflection.MethodInfo TriEqual = typeof(Runtime).GetMethod(nameof(Runtime.TriEqual))!;
        public static readonly System.Reflection.MethodInfo Param = typeof(Runtime).GetMethod(nameof(Runtime.Param))!;
        public static readonly System.Reflection.MethodInfo NoteMissing = typeof(EvalScope).GetMethod(nameof(EvalScope.NoteMissing))!;
        public static readonly System.Reflection.MethodInfo WindowFirst = typeof(Runtime).GetMethod(nameof(Runtime.WindowFirst))!;
        public static readonly System.Reflection.MethodInfo DateIn = typeof(Periods).GetMethod(nameof(Periods.DateIn))!;
        public static readonly System.Reflection.MethodInfo SpellAdd = typeof(Periods.SpellRecords).GetMethod(nameof(Periods.SpellRecords.Add))!;
        public static readonly System.Reflection.MethodInfo SpellLasted = typeof(Runtime).GetMethod(nameof(Runtime.SpellLasted))!;
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, Type, Type?), System.Reflection.MethodInfo> Generics = new();

        public static System.Reflection.MethodInfo Generic(string name, Type first, Type? second = null)
            => Generics.GetOrAdd((name, first, second), k =>
            {
                var definition = typeof(Runtime).GetMethod(k.Item1)!;
                return k.Item3 is null ? definition.MakeGenericMethod(k.Item2) : definition.MakeGenericMethod(k.Item2, k.Item3);
            });
    }
    private static readonly Expression TrueE = Constant(Tri.True);
    private static readonly Expression FalseE = Constant(Tri.False);
    private static readonly Expression UnknownE = Constant(Tri.Unknown);

    private readonly CompileContext _context;
    private readonly ParameterExpression _scope = Parameter(typeof(EvalScope), "scope");
    private readonly Dictionary<string, (ParameterExpression Var, FactType Type, string Name)> _bound = new(StringComparer.Ordinal);

    private ExprCompiler(CompileContext context) => _context = context;

    /// <summary>Parses, checks and compiles a condition. Throws <see cref="ExprException"/> on any problem.</summary>
    public static Func<EvalScope, Tri> CompileCondition(string text, CompileContext context)
        => Build(text, context).Compile();

    /// <summary>Parses and checks a condition and builds its expression tree, without compiling it to IL.</summary>
    public static Expression<Func<EvalScope, Tri>> Build(string text, CompileContext context)
    {
        var ast = ExprParser.Parse(text);
        var compiler = new ExprCompiler(context);
        var typed = compiler.Compile(ast);
        if (typed.Type.Kind != VKind.Bool)
        {
            throw TypeError(ast.Pos, Descriptors.NotACondition, typed.Type.Describe());
        }

        return Lambda<Func<EvalScope, Tri>>(typed.Expr, compiler._scope);
    }

    /// <summary>Parses and checks a numeric expression (e.g. a forecast share) and builds its expression tree.</summary>
    public static Expression<Func<EvalScope, decimal?>> BuildNumber(string text, CompileContext context)
    {
        var ast = ExprParser.Parse(text);
        var compiler = new ExprCompiler(context);
        var typed = compiler.Compile(ast);
        if (typed.Type.Kind != VKind.Number)
        {
            throw TypeError(ast.Pos, Descriptors.NotANumber, typed.Type.Describe());
        }

        return Lambda<Func<EvalScope, decimal?>>(typed.Expr, compiler._scope);
    }

    private readonly record struct Typed(Expression Expr, VType Type, string? FactName = null, object? Constant = null);

    private static ExprException TypeError(int pos, DiagnosticDescriptor descriptor, params object?[] args)
        => new(new ExprError(pos, descriptor, args));

    private Typed Compile(Ast ast)
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ExprException(new ExprError(ast.Pos, Descriptors.ExpressionTooDeepToCompile));
        }

        return CompileNode(ast);
    }

    private Typed CompileNode(Ast ast) => ast switch
    {
        NumberLit n => new Typed(Constant((decimal?)n.Value, typeof(decimal?)), VType.Number, Constant: n.Value),
        StringLit s => new Typed(Constant(s.Value, typeof(string)), VType.String, Constant: s.Value),
        BoolLit b => new Typed(b.Value ? TrueE : FalseE, VType.Bool),
        DurationLit d => new Typed(Empty(), VType.Duration, Constant: d),
        ListLit l => throw TypeError(l.Pos, Descriptors.ListOutsideIn),
        PathExpr p => CompilePath(p, noteMissing: true),
        UnaryExpr u => CompileUnary(u),
        BinaryExpr b => CompileBinary(b),
        CallExpr c => CompileCall(c),
        QuantExpr q => CompileQuant(q),
        _ => throw TypeError(ast.Pos, Descriptors.UnsupportedExpression),
    };

    private Typed CompileUnary(UnaryExpr u)
    {
        var operand = Compile(u.Operand);
        if (u.Op == UnaryOp.Not)
        {
            RequireBool(operand, u.Operand.Pos, "'not'");
            return new Typed(Call(M.Not, operand.Expr), VType.Bool);
        }

        if (operand.Type.Kind != VKind.Number)
        {
            throw TypeError(u.Pos, Descriptors.MinusNeedsNumber, operand.Type.Describe());
        }

        return new Typed(Call(M.Negate, operand.Expr), VType.Number, Constant: operand.Constant is decimal d ? -d : null);
    }

    private static void RequireBool(Typed t, int pos, string what)
    {
        if (t.Type.Kind != VKind.Bool)
        {
            throw TypeError(pos, Descriptors.NeedsCondition, what, t.Type.Describe());
        }
    }

    private Typed CompileBinary(BinaryExpr b)
    {
        switch (b.Op)
        {
            case BinaryOp.And:
            case BinaryOp.Or:
            {
                var left = Compile(b.Left);
                var right = Compile(b.Right);
                RequireBool(left, b.Left.Pos, $"'{b.Symbol}'");
                RequireBool(right, b.Right.Pos, $"'{b.Symbol}'");
                return new Typed(b.Op == BinaryOp.And ? AndE(left.Expr, right.Expr) : OrE(left.Expr, right.Expr), VType.Bool);
            }

            case BinaryOp.In:
                return CompileIn(b);
            case BinaryOp.Add:
            case BinaryOp.Subtract:
            case BinaryOp.Multiply:
            case BinaryOp.Divide:
                return CompileArithmetic(b);
            default:
                return CompileComparison(b);
        }
    }

    private static Expression AndE(Expression a, Expression b) => ShortCircuit(a, b, Tri.False, Tri.True);

    private static Expression OrE(Expression a, Expression b) => ShortCircuit(a, b, Tri.True, Tri.False);

    /// <summary>Kleene and/or: <paramref name="dominant"/> on either side decides; both <paramref name="neutral"/> gives neutral; otherwise unknown.</summary>
    private static Expression ShortCircuit(Expression a, Expression b, Tri dominant, Tri neutral)
    {
        var ta = Variable(typeof(Tri), "a");
        var tb = Variable(typeof(Tri), "b");
        var dom = Constant(dominant);
        var neu = Constant(neutral);
        return Block(
            typeof(Tri),
            [ta, tb],
            Assign(ta, a),
            Condition(
                Equal(ta, dom),
                dom,
                Block(
                    Assign(tb, b),
                    Condition(
                        Equal(tb, dom),
                        dom,
                        Condition(AndAlso(Equal(ta, neu), Equal(tb, neu)), neu, UnknownE)))));
    }

    private Typed CompileArithmetic(BinaryExpr b)
    {
        var left = Compile(b.Left);
        var right = Compile(b.Right);
        if (left.Type.Kind == VKind.Date && right.Type.Kind == VKind.Duration && b.Op is BinaryOp.Add or BinaryOp.Subtract)
        {
            var d = NotCalendar((DurationLit)right.Constant!);
            var sign = b.Op == BinaryOp.Add ? 1 : -1;
            return new Typed(
                Call(M.Add, left.Expr, Constant(sign * d.Years), Constant(sign * d.Months), Constant(sign * d.Days)),
                VType.Date);
        }

        if (left.Type.Kind != VKind.Number || right.Type.Kind != VKind.Number)
        {
            throw TypeError(b.Pos, left.Type.Kind == VKind.Duration || right.Type.Kind == VKind.Duration ? Descriptors.ArithmeticWithDuration : Descriptors.ArithmeticNeedsNumbers, b.Symbol, left.Type.Describe(), right.Type.Describe());
        }

        var method = b.Op switch
        {
            BinaryOp.Add => M.Sum,
            BinaryOp.Subtract => M.Subtract,
            BinaryOp.Multiply => M.Multiply,
            _ => M.Divide,
        };
        return new Typed(Call(method, _scope, left.Expr, right.Expr), VType.Number);
    }

    private Typed CompileComparison(BinaryExpr b)
    {
        var left = Compile(b.Left);
        var right = Compile(b.Right);
        if (left.Type.Kind == VKind.Spell || right.Type.Kind == VKind.Spell)
        {
            return CompileSpellComparison(b, left, right);
        }

        var equality = b.Op is BinaryOp.Equal or BinaryOp.NotEqual;
        CheckLiteralAgainst(left, right, b.Right.Pos);
        CheckLiteralAgainst(right, left, b.Left.Pos);

        if (_context.References is { } refs && left.Type.Kind == VKind.Number && right.Type.Kind == VKind.Number)
        {
            foreach (var (fact, other) in new[] { (left, right), (right, left) })
            {
                if (fact.FactName is { } name && !name.StartsWith("param.", StringComparison.Ordinal))
                {
                    if (other.Constant is decimal c)
                    {
                        refs.Thresholds.Add((name, c, null));
                    }
                    else if (other.FactName is { } p && p.StartsWith("param.", StringComparison.Ordinal))
                    {
                        refs.Thresholds.Add((name, null, p["param.".Length..]));
                    }
                }
            }
        }

        Expression result;
        var op = Constant((int)b.Op);
        if (left.Type.Kind == VKind.Number && right.Type.Kind == VKind.Number)
        {
            result = Call(M.Compare, left.Expr, right.Expr, op);
        }
        else if (left.Type.Kind == VKind.Date && right.Type.Kind == VKind.Date)
        {
            result = Call(M.CompareDays, left.Expr, right.Expr, op);
        }
        else if (equality && left.Type.Kind == VKind.String && right.Type.Kind == VKind.String)
        {
            result = Call(M.TextEqual, left.Expr, right.Expr, Constant(b.Op == BinaryOp.Equal));
        }
        else if (equality && left.Type.Kind == VKind.Bool && right.Type.Kind == VKind.Bool)
        {
            result = Call(M.TriEqual, left.Expr, right.Expr, Constant(b.Op == BinaryOp.Equal));
        }
        else
        {
            throw TypeError(b.Pos, left.Type.Kind == VKind.Duration || right.Type.Kind == VKind.Duration ? Descriptors.CannotCompareWithDuration : equality ? Descriptors.CannotCompareTypes : Descriptors.CannotOrder, left.Type.Describe(), right.Type.Describe(), b.Symbol);
        }

        return new Typed(result, VType.Bool);
    }

    /// <summary>Load-time checks of a literal against the fact it is compared with: enum values, and shares given as percentages.</summary>
    private static void CheckLiteralAgainst(Typed fact, Typed literal, int literalPos)
    {
        if (fact.FactName is null)
        {
            return;
        }

        if (fact.Type.EnumValues is { } values && literal.Constant is string s && !values.Contains(s, StringComparer.Ordinal))
        {
            throw new ExprException(new ExprError(literalPos, Descriptors.NotAnEnumValue, s, fact.FactName, Suggestions.DidYouMean(s, values)));
        }

        if (fact.Type.IsShare && literal.Constant is decimal d && (d > 1m || d < 0m))
        {
            throw new ExprException(new ExprError(literalPos, d > 1m && d <= 100m ? Descriptors.ShareComparedWithPercent : Descriptors.ShareComparedOutOfRange, fact.FactName, d, d / 100m));
        }
    }

    private Typed CompileIn(BinaryExpr b)
    {
        var left = Compile(b.Left);
        if (b.Right is ListLit list)
        {
            if (left.Type.Kind is not (VKind.String or VKind.Number))
            {
                throw TypeError(b.Pos, Descriptors.InNeedsValue, left.Type.Describe());
            }

            var items = list.Items.Select(Compile).ToList();
            var tests = new List<Expression>();
            var value = Variable(left.Type.Kind == VKind.String ? typeof(string) : typeof(decimal?), "v");
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.Constant is null || item.Type.Kind != left.Type.Kind)
                {
                    throw TypeError(list.Items[i].Pos, left.Type.Kind == VKind.String ? Descriptors.ListItemsText : Descriptors.ListItemsNumbers);
                }

                CheckLiteralAgainst(left, item, list.Items[i].Pos);
                tests.Add(left.Type.Kind == VKind.String
                    ? Call(M.TextEquals, value, item.Expr)
                    : Equal(Property(value, "Value"), Constant((decimal)item.Constant)));
            }

            Expression any = tests.Count == 0 ? Constant(false) : tests.Aggregate(OrElse);
            Expression isNull = left.Type.Kind == VKind.String ? Equal(value, Constant(null, typeof(string))) : Not(Property(value, "HasValue"));
            return new Typed(
                Block(typeof(Tri), [value], Assign(value, left.Expr), Condition(isNull, UnknownE, Condition(any, TrueE, FalseE))),
                VType.Bool);
        }

        var right = Compile(b.Right);
        if (right.Type.Kind == VKind.StringList && left.Type.Kind == VKind.String)
        {
            return new Typed(Call(M.Contains, right.Expr, left.Expr), VType.Bool);
        }

        throw TypeError(b.Pos, Descriptors.InNeedsList, right.Type.Describe());
    }

    private Typed CompileCall(CallExpr c)
    {
        switch (c.Name)
        {
            case "known":
            case "missing":
            {
                if (c.Args.Count != 1 || c.Args[0] is not PathExpr path)
                {
                    throw TypeError(c.Pos, Descriptors.FunctionTakesFact, c.Name);
                }

                var value = CompilePath(path, noteMissing: false);
                var v = Variable(value.Expr.Type, "v");
                Expression isKnown = value.Type.Kind == VKind.Bool
                    ? NotEqual(v, UnknownE)
                    : value.Expr.Type.IsValueType ? Property(v, "HasValue") : NotEqual(v, Constant(null, value.Expr.Type));
                var (yes, no) = c.Name == "known" ? (TrueE, FalseE) : (FalseE, TrueE);
                return new Typed(Block(typeof(Tri), [v], Assign(v, value.Expr), Condition(isKnown, yes, no)), VType.Bool);
            }

            case "date":
            {
                if (c.Args.Count != 1 || c.Args[0] is not StringLit s || !DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                {
                    throw TypeError(c.Pos, Descriptors.DateTakesLiteral);
                }

                return new Typed(Constant((int?)date.DayNumber, typeof(int?)), VType.Date);
            }

            case "current":
                return CompileCurrent(c);
            case "within":
                return CompileWithin(c);
            default:
                throw new ExprException(new ExprError(c.Pos, Descriptors.NoSuchFunction, c.Name, Suggestions.DidYouMean(c.Name, Functions)));
        }
    }

    private Typed CompileQuant(QuantExpr q)
    {
        if (_bound.ContainsKey(q.Variable) || FactSchema.RootNames.Contains(q.Variable) || q.Variable is "on" or "param")
        {
            throw TypeError(q.Pos, Descriptors.VariableInUse, q.Variable);
        }

        var collection = CompilePath(q.Collection, noteMissing: true);
        if (collection.Type.Kind != VKind.List)
        {
            throw TypeError(q.Collection.Pos, Descriptors.QuantifierNeedsList, q.Name, q.Collection.Text, collection.Type.Describe());
        }

        var elementType = collection.Type.Object!;
        if (q.Kind == Quantifier.Spell && elementType.PeriodOf is null)
        {
            throw TypeError(q.Collection.Pos, Descriptors.SpellNeedsPeriods, q.Collection.Text, collection.Type.Describe());
        }

        var listType = typeof(IReadOnlyList<>).MakeGenericType(elementType.ClrType);
        var item = Variable(elementType.ClrType, q.Variable);
        var itemName = collection.FactName + "[]";
        _bound.Add(q.Variable, (item, elementType, itemName));
        Typed body;
        Typed? filter = null;
        try
        {
            // A filter narrows the records: any/count/spell(x in l where f: b) is any(x in l: f and b); all is all(x in l: not f or b).
            var bodyAst = q.Filter is null || q.Kind == Quantifier.Sum ? q.Body
                : q.Kind == Quantifier.All ? new BinaryExpr(BinaryOp.Or, new UnaryExpr(UnaryOp.Not, q.Filter, q.Filter.Pos), q.Body, q.Filter.Pos)
                : new BinaryExpr(BinaryOp.And, q.Filter, q.Body, q.Filter.Pos);
            body = Compile(bodyAst);
            if (q.Kind == Quantifier.Sum && q.Filter is not null)
            {
                filter = Compile(q.Filter);
                RequireBool(filter.Value, q.Filter.Pos, "'where'");
            }
        }
        finally
        {
            _bound.Remove(q.Variable);
        }

        if (q.Kind == Quantifier.Sum)
        {
            if (body.Type.Kind != VKind.Number)
            {
                throw TypeError(q.Body.Pos, Descriptors.SumBodyNotNumber, body.Type.Describe());
            }
        }
        else
        {
            RequireBool(body, q.Body.Pos, $"The body of '{q.Name}'");
        }

        var list = Variable(listType, "list");
        var count = Variable(typeof(int), "n");
        var index = Variable(typeof(int), "i");
        var r = Variable(typeof(Tri), "r");
        var brk = Label("done");
        var getItem = listType.GetProperty("Item")!;
        var getCount = typeof(IReadOnlyCollection<>).MakeGenericType(elementType.ClrType).GetProperty("Count")!;

        // The loop over the list's items, running perItem with the item bound; perItem may break out early.
        Expression EachItem(Expression perItem) => Block(
            Assign(count, Property(list, getCount)),
            Assign(index, Constant(0)),
            Loop(
                Block(
                    IfThen(GreaterThanOrEqual(index, count), Break(brk)),
                    Assign(item, MakeIndex(list, getItem, [index])),
                    perItem,
                    PostIncrementAssign(index)),
                brk));

        Expression OverList(Type type, IEnumerable<ParameterExpression> variables, Expression whenNull, params Expression[] body)
            => Block(
                type,
                new[] { list, count, index, r, item }.Concat(variables),
                Assign(list, Convert(collection.Expr, listType)),
                Condition(Equal(list, Constant(null, listType)), whenNull, Block(type, body), type));

        switch (q.Kind)
        {
            case Quantifier.Count:
            {
                var n = Variable(typeof(decimal), "count");
                var unknown = Variable(typeof(bool), "unknown");
                var result = OverList(
                    typeof(decimal?),
                    [n, unknown],
                    Constant(null, typeof(decimal?)),
                    Assign(n, Constant(0m)),
                    Assign(unknown, Constant(false)),
                    EachItem(Block(
                        Assign(r, body.Expr),
                        IfThen(Equal(r, TrueE), AddAssign(n, Constant(1m))),
                        IfThen(Equal(r, UnknownE), Assign(unknown, Constant(true))))),
                    Condition(unknown, Constant(null, typeof(decimal?)), Convert(n, typeof(decimal?))));
                return new Typed(result, VType.Number);
            }

            case Quantifier.Sum:
            {
                // A record the filter may include (unknown) makes the sum unknown; an unknown value of an included record too.
                var acc = Variable(typeof(decimal?), "sum");
                var unknown = Variable(typeof(bool), "unknown");
                var result = OverList(
                    typeof(decimal?),
                    [acc, unknown],
                    Constant(null, typeof(decimal?)),
                    Assign(acc, Constant(0m, typeof(decimal?))),
                    Assign(unknown, Constant(false)),
                    EachItem(Block(
                        Assign(r, filter?.Expr ?? TrueE),
                        IfThen(Equal(r, UnknownE), Assign(unknown, Constant(true))),
                        IfThen(Equal(r, TrueE), Assign(acc, Call(M.Sum, _scope, acc, body.Expr))))),
                    Condition(unknown, Constant(null, typeof(decimal?)), acc));
                return new Typed(result, VType.Number);
            }

            case Quantifier.Spell:
            {
                var records = Variable(typeof(Periods.SpellRecords), "records");
                var periodOf = Constant(elementType.PeriodOf, typeof(Func<,>).MakeGenericType(elementType.ClrType, typeof(Period)));
                var result = Block(
                    typeof(Periods.SpellRecords),
                    [records],
                    Assign(records, New(typeof(Periods.SpellRecords))),
                    OverList(
                        typeof(void),
                        [],
                        Assign(Property(records, nameof(Periods.SpellRecords.ListMissing)), Constant(true)),
                        EachItem(Call(
                            records,
                            M.SpellAdd,
                            _scope,
                            body.Expr,
                            Invoke(periodOf, item),
                            Constant(MissingId(itemName + ".from", true)),
                            Constant(MissingId(itemName + ".to", true))))),
                    records);
                return new Typed(result, VType.Spell);
            }

            default:
            {
                // any: true wins, unknown beats false; all: false wins, unknown beats true.
                var (decisive, start) = q.Kind == Quantifier.Any ? (TrueE, FalseE) : (FalseE, TrueE);
                var acc = Variable(typeof(Tri), "acc");
                var result = OverList(
                    typeof(Tri),
                    [acc],
                    UnknownE,
                    Assign(acc, start),
                    EachItem(Block(
                        Assign(r, body.Expr),
                        IfThen(Equal(r, decisive), Block(Assign(acc, decisive), Break(brk))),
                        IfThen(Equal(r, UnknownE), Assign(acc, UnknownE)))),
                    acc);
                return new Typed(result, VType.Bool);
            }
        }
    }

    /// <summary><c>current(x)</c>, <c>current(x, date)</c>: the record (or some record of the list) holds on the date (default: the evaluation date).</summary>
    private Typed CompileCurrent(CallExpr c)
    {
        if (c.Args.Count is < 1 or > 2)
        {
            throw TypeError(c.Pos, Descriptors.CurrentUsage);
        }

        var day = Variable(typeof(int?), "day");
        var test = PeriodTest(c.Args[0], "current(..)", day, day);
        return new Typed(Block(typeof(Tri), [day], Assign(day, DateArgument(c, 1)), test), VType.Bool);
    }

    /// <summary>
    /// <c>within(x, N years)</c>, <c>within(x, N months, date)</c>: the date x, or the period of record x (or of some record
    /// of list x), lies in the last N before the date (default: the evaluation date), by <see cref="Periods.WindowStart"/>.
    /// </summary>
    private Typed CompileWithin(CallExpr c)
    {
        if (c.Args.Count is < 2 or > 3)
        {
            throw TypeError(c.Pos, Descriptors.WithinUsage);
        }

        var span = Compile(c.Args[1]);
        if (span.Constant is not DurationLit duration)
        {
            throw TypeError(c.Args[1].Pos, Descriptors.WithinDuration, span.Type.Describe());
        }

        var d = NotCalendar(duration);

        var last = Variable(typeof(int?), "last");
        var first = Variable(typeof(int?), "first");
        var subject = Compile(c.Args[0]);
        var test = subject.Type.Kind == VKind.Date ? Call(M.DateIn, subject.Expr, first, last) : PeriodTest(c.Args[0], "within(..)", first, last, subject);

        return new Typed(
            Block(
                typeof(Tri),
                [last, first],
                Assign(last, DateArgument(c, 2)),
                Assign(first, Call(M.WindowFirst, last, Constant(d.Years), Constant(d.Months), Constant(d.Days))),
                test),
            VType.Bool);
    }

    /// <summary>The date argument at <paramref name="index"/>, or the evaluation date when it is not given.</summary>
    private Expression DateArgument(CallExpr c, int index)
    {
        if (c.Args.Count <= index)
        {
            return Convert(Property(_scope, nameof(EvalScope.On)), typeof(int?));
        }

        var date = Compile(c.Args[index]);
        if (date.Type.Kind != VKind.Date)
        {
            throw TypeError(c.Args[index].Pos, Descriptors.LastArgumentDate, c.Name, date.Type.Describe());
        }

        return date.Expr;
    }

    /// <summary>Whether the period of a record, or of some record of a list, overlaps the days [first, last].</summary>
    private Expression PeriodTest(Ast argument, string what, Expression first, Expression last, Typed? compiled = null)
    {
        var subject = compiled ?? Compile(argument);
        var type = subject.Type.Kind is VKind.List or VKind.Object ? subject.Type.Object : null;
        if (type?.PeriodOf is null || subject.FactName is null)
        {
            throw TypeError(argument.Pos, Descriptors.NeedsPeriod, what, subject.Type.Describe());
        }

        var itemName = subject.Type.Kind == VKind.List ? subject.FactName + "[]" : subject.FactName;
        var periodOf = Constant(type.PeriodOf, typeof(Func<,>).MakeGenericType(type.ClrType, typeof(Period)));
        var helper = M.Generic(subject.Type.Kind == VKind.List ? nameof(Runtime.AnyPeriodIn) : nameof(Runtime.PeriodIn), type.ClrType);
        return Call(helper, _scope, subject.Expr, periodOf, first, last, Constant(MissingId(itemName + ".from", true)), Constant(MissingId(itemName + ".to", true)));
    }

    private static DurationLit NotCalendar(DurationLit d) => d.Calendar
        ? throw TypeError(d.Pos, Descriptors.CalendarMonthsOnSpell)
        : d;

    /// <summary><c>spell(..) &gt;= N</c> and friends: whether the spell running on the evaluation date has lasted N.</summary>
    private Typed CompileSpellComparison(BinaryExpr b, Typed left, Typed right)
    {
        if (left.Type.Kind != VKind.Spell || right.Constant is not DurationLit d || b.Op is BinaryOp.Equal or BinaryOp.NotEqual)
        {
            throw TypeError(b.Pos, Descriptors.SpellComparison, left.Type.Describe(), right.Type.Describe(), b.Symbol);
        }

        // lasted N: began on or before on − N; longer than N: began before on − N. '<' and '<=' are their negations.
        var strictly = b.Op is BinaryOp.Greater or BinaryOp.LessOrEqual;
        Expression lasted = Call(M.SpellLasted, left.Expr, Property(_scope, nameof(EvalScope.On)), Constant(d.Years), Constant(d.Months), Constant(d.Days), Constant(d.Calendar), Constant(strictly));
        if (b.Op is BinaryOp.Less or BinaryOp.LessOrEqual)
        {
            lasted = Call(M.Not, lasted);
        }

        return new Typed(lasted, VType.Bool);
    }

    private static Type ClrTypeOf(VType type) => type.Kind switch
    {
        VKind.Bool => typeof(Tri),
        VKind.Number => typeof(decimal?),
        VKind.String => typeof(string),
        VKind.Date => typeof(int?),
        VKind.List => typeof(IReadOnlyList<>).MakeGenericType(type.Object!.ClrType),
        VKind.StringList => typeof(IReadOnlyList<string>),
        VKind.Object => type.Object!.ClrType,
        _ => typeof(object),
    };

    private Typed CompilePath(PathExpr path, bool noteMissing)
    {
        var segments = path.Segments;
        var (head, headPos) = segments[0];

        if (head == "on")
        {
            if (segments.Count > 1)
            {
                throw new ExprException(new ExprError(segments[1].Pos, Descriptors.OnHasNoFields));
            }

            return new Typed(Convert(Property(_scope, nameof(EvalScope.On)), typeof(int?)), VType.Date, "on");
        }

        if (head == "param")
        {
            if (segments.Count != 2)
            {
                throw new ExprException(new ExprError(headPos, Descriptors.ParameterWithoutName));
            }

            var (name, pos) = segments[1];
            if (!_context.Parameters.TryGetValue(name, out var slot))
            {
                throw new ExprException(new ExprError(pos, Descriptors.UnknownParameter, name, Suggestions.DidYouMean(name, _context.Parameters.Keys)));
            }

            var factName = "param." + name;
            _context.References?.Parameters.Add(name);
            var access = Call(M.Param, _scope, Constant(slot.Index), Constant(MissingId(factName, noteMissing)));
            return new Typed(access, slot.Type, factName);
        }

        FactType type;
        Expression current;
        string canonical;
        if (_bound.TryGetValue(head, out var bound))
        {
            (current, type, canonical) = (bound.Var, bound.Type, bound.Name);
        }
        else if (FactSchema.RootNames.Contains(head))
        {
            if (head == "member" && !_context.MemberInScope)
            {
                throw new ExprException(new ExprError(headPos, Descriptors.MemberOutOfScope));
            }

            type = FactSchema.RootType(head);
            current = Property(_scope, FactSchema.RootProperty(head));
            canonical = head;
        }
        else
        {
            var candidates = FactSchema.RootNames.Concat(_bound.Keys).Append("on").Append("param");
            throw new ExprException(new ExprError(headPos, Descriptors.UnknownNameInExpression, head, Suggestions.DidYouMean(head, candidates)));
        }

        if (segments.Count == 1)
        {
            var rootMissing = MissingId(canonical, noteMissing && !_bound.ContainsKey(head));
            var root = rootMissing < 0 ? current : Call(M.Generic(nameof(Runtime.NoteNull), type.ClrType), _scope, current, Constant(rootMissing));
            return new Typed(root, VType.ObjectOf(type), canonical);
        }

        // Resolve every segment's field first, so the result type is known before building the null-safe chain.
        var fields = new List<FactField>();
        var t = type;
        for (var i = 1; i < segments.Count; i++)
        {
            var (name, pos) = segments[i];
            if (t is null)
            {
                throw new ExprException(new ExprError(pos, Descriptors.HasNoFields, segments[i - 1].Name));
            }

            var field = t.Find(name) ?? throw new ExprException(new ExprError(pos, Descriptors.NoSuchFact, t.Name, name, Suggestions.DidYouMean(name, t.Fields.Select(f => f.Name))));
            fields.Add(field);
            t = field.Type.Kind == VKind.Object ? field.Type.Object : null;
        }

        var resultType = fields[^1].Type;
        _context.References?.Facts.Add(canonical + "." + string.Join(".", fields.Select(f => f.Name)));
        var expr = Chain(current, type.ClrType, fields, 0, canonical, ClrTypeOf(resultType), noteMissing);
        return new Typed(expr, resultType, canonical + "." + string.Join(".", fields.Select(f => f.Name)));
    }

    /// <summary>
    /// Builds the path as one helper call per step (<see cref="Runtime.Ref{TObj, TValue}"/> and friends): each step reads
    /// a field with the library's compiled accessor and notes the missing fact when a value is null. Small IL, so that a
    /// pack compiles quickly.
    /// </summary>
    private Expression Chain(Expression obj, Type objType, List<FactField> fields, int i, string name, Type resultType, bool noteMissing)
    {
        var field = fields[i];
        var fieldName = name + "." + field.Name;
        var last = i == fields.Count - 1;
        var missingObject = Constant(MissingId(name, noteMissing));
        var missingValue = Constant(last ? MissingId(name + "." + field.MissingName, noteMissing) : -1);
        var read = Constant(field.Accessor);
        Expression step;
        if (field.ValueType == typeof(bool?))
        {
            step = Call(M.Generic(nameof(Runtime.Bool), objType), _scope, obj, read, missingObject, missingValue);
        }
        else if (field.ValueType.IsValueType)
        {
            step = Call(M.Generic(nameof(Runtime.Val), objType, Nullable.GetUnderlyingType(field.ValueType)!), _scope, obj, read, missingObject, missingValue);
        }
        else
        {
            step = Call(M.Generic(nameof(Runtime.Ref), objType, field.ValueType), _scope, obj, read, missingObject, missingValue);
        }

        if (last)
        {
            return step.Type == resultType ? step : Convert(step, resultType);
        }

        return Chain(step, field.ValueType, fields, i + 1, fieldName, resultType, noteMissing);
    }

    private int MissingId(string name, bool noteMissing) => noteMissing ? _context.FactNames.Id(name) : -1;

}
