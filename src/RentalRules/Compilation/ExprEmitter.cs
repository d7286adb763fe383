using System.Collections;
using System.Linq.Expressions;
using RentalRules.Diagnostics;
using RentalRules.Facts;
using static System.Linq.Expressions.Expression;

namespace RentalRules.Compilation;

/// <summary>
/// Turns a bound tree (<see cref="ExprBinder"/>) into an expression tree over <see cref="EvalScope"/>. The only code a
/// pack can reach is fact accessors and the total helpers in <see cref="Runtime"/> and <see cref="DateMath"/>: no
/// reflection on user names, no I/O, no method calls. One method per node type (<see cref="BoundVisitor{T}"/>).
/// </summary>
internal sealed class ExprEmitter : BoundVisitor<Expression>
{
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

    private readonly ParameterExpression _scope = Parameter(typeof(EvalScope), "scope");
    private readonly Dictionary<BoundVariable, ParameterExpression> _variables = [];

    private ExprEmitter()
    {
    }

    /// <summary>The expression tree of a bound condition.</summary>
    public static Expression<Func<EvalScope, Tri>> EmitCondition(BoundExpression bound) => EmitCondition(bound.Root);

    /// <summary>The expression tree of a bound condition's root.</summary>
    public static Expression<Func<EvalScope, Tri>> EmitCondition(BoundNode root)
    {
        var emitter = new ExprEmitter();
        return Lambda<Func<EvalScope, Tri>>(emitter.Emit(root), emitter._scope);
    }

    /// <summary>The expression tree of a bound numeric expression.</summary>
    public static Expression<Func<EvalScope, decimal?>> EmitNumber(BoundExpression bound)
    {
        var emitter = new ExprEmitter();
        return Lambda<Func<EvalScope, decimal?>>(emitter.Emit(bound.Root), emitter._scope);
    }

    /// <summary>
    /// For explanations (<see cref="ExprCompiler.TryBuildQuantifier"/>): a bound any/all's list.
    /// </summary>
    public static Expression<Func<EvalScope, IList?>> EmitItems(BoundQuantifier q)
    {
        var emitter = new ExprEmitter();
        return Lambda<Func<EvalScope, IList?>>(TypeAs(emitter.Emit(q.Collection), typeof(IList)), emitter._scope);
    }

    /// <summary>
    /// For explanations (<see cref="ExprCompiler.TryBuildQuantifier"/>): a bound any/all's body (the filter folded in)
    /// over one record of its list.
    /// </summary>
    public static Expression<Func<EvalScope, object, Tri>> EmitHolds(BoundQuantifier q)
    {
        var emitter = new ExprEmitter();
        var record = Parameter(typeof(object), "record");
        var item = Variable(q.Variable.Type.ClrType, q.Variable.Name);
        emitter._variables.Add(q.Variable, item);
        var body = emitter.Emit(q.Body);
        return Lambda<Func<EvalScope, object, Tri>>(Block([item], Assign(item, Convert(record, item.Type)), body), emitter._scope, record);
    }

    /// <summary>The expression tree reading a bound value of any type, boxed.</summary>
    public static Expression<Func<EvalScope, object?>> EmitBoxed(BoundNode root)
    {
        var emitter = new ExprEmitter();
        return Lambda<Func<EvalScope, object?>>(Convert(emitter.Emit(root), typeof(object)), emitter._scope);
    }

    private Expression Emit(BoundNode node)
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ExprException(new ExprError(0, Descriptors.ExpressionTooDeepToCompile));
        }

        return node.Accept(this);
    }

    /// <inheritdoc/>
    public override Expression VisitNumber(BoundNumber n) => Constant((decimal?)n.Value, typeof(decimal?));

    /// <inheritdoc/>
    public override Expression VisitText(BoundText s) => Constant(s.Value, typeof(string));

    /// <inheritdoc/>
    public override Expression VisitBool(BoundBool b) => b.Value ? TrueE : FalseE;

    /// <inheritdoc/>
    public override Expression VisitDuration(BoundDuration duration) => Empty();

    /// <inheritdoc/>
    public override Expression VisitDate(BoundDate d) => Constant((int?)d.DayNumber, typeof(int?));

    /// <inheritdoc/>
    public override Expression VisitNot(BoundNot n) => Call(M.Not, Emit(n.Operand));

    /// <inheritdoc/>
    public override Expression VisitNegate(BoundNegate n) => Call(M.Negate, Emit(n.Operand));

    /// <inheritdoc/>
    public override Expression VisitLogical(BoundLogical l) => l.IsAnd ? AndE(Emit(l.Left), Emit(l.Right)) : OrE(Emit(l.Left), Emit(l.Right));

    /// <inheritdoc/>
    public override Expression VisitDateShift(BoundDateShift s) => Call(M.Add, Emit(s.Date), Constant(s.Years), Constant(s.Months), Constant(s.Days));

    /// <inheritdoc/>
    public override Expression VisitArithmetic(BoundArithmetic a) => Call(ArithmeticMethod(a.Op), _scope, Emit(a.Left), Emit(a.Right));

    /// <inheritdoc/>
    public override Expression VisitComparison(BoundComparison c) => EmitComparison(c);

    /// <inheritdoc/>
    public override Expression VisitSpellLasted(BoundSpellLasted s) => EmitSpellLasted(s);

    /// <inheritdoc/>
    public override Expression VisitInList(BoundInList i) => EmitInList(i);

    /// <inheritdoc/>
    public override Expression VisitContains(BoundContains c) => Call(M.Contains, Emit(c.List), Emit(c.Value));

    /// <inheritdoc/>
    public override Expression VisitKnown(BoundKnown k) => EmitKnown(k);

    /// <inheritdoc/>
    public override Expression VisitCurrent(BoundCurrent c) => EmitCurrent(c);

    /// <inheritdoc/>
    public override Expression VisitWithin(BoundWithin w) => EmitWithin(w);

    /// <inheritdoc/>
    public override Expression VisitQuantifier(BoundQuantifier q) => EmitQuantifier(q);

    /// <inheritdoc/>
    public override Expression VisitOn(BoundOn on) => Convert(Property(_scope, nameof(EvalScope.On)), typeof(int?));

    /// <inheritdoc/>
    public override Expression VisitParameter(BoundParameter p) => Call(M.Param, _scope, Constant(p.Slot), Constant(p.Missing));

    /// <inheritdoc/>
    public override Expression VisitPath(BoundPath p) => EmitPath(p);

    private static System.Reflection.MethodInfo ArithmeticMethod(BinaryOp op) => op switch
    {
        BinaryOp.Add => M.Sum,
        BinaryOp.Subtract => M.Subtract,
        BinaryOp.Multiply => M.Multiply,
        _ => M.Divide,
    };

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

    private Expression EmitComparison(BoundComparison c)
    {
        var left = Emit(c.Left);
        var right = Emit(c.Right);
        return c.Kind switch
        {
            ComparisonKind.Numbers => Call(M.Compare, left, right, Constant((int)c.Op)),
            ComparisonKind.Days => Call(M.CompareDays, left, right, Constant((int)c.Op)),
            ComparisonKind.Text => Call(M.TextEqual, left, right, Constant(c.Op == BinaryOp.Equal)),
            _ => Call(M.TriEqual, left, right, Constant(c.Op == BinaryOp.Equal)),
        };
    }

    private Expression EmitSpellLasted(BoundSpellLasted s)
    {
        var d = s.Duration;
        Expression lasted = Call(M.SpellLasted, Emit(s.Spell), Property(_scope, nameof(EvalScope.On)), Constant(d.Years), Constant(d.Months), Constant(d.Days), Constant(d.Calendar), Constant(s.Strictly));
        return s.Negated ? Call(M.Not, lasted) : lasted;
    }

    private Expression EmitInList(BoundInList i)
    {
        var text = i.Value.Type.Kind == VKind.String;
        var left = Emit(i.Value);
        var value = Variable(text ? typeof(string) : typeof(decimal?), "v");
        var tests = i.Items
            .Select(item => text
                ? (Expression)Call(M.TextEquals, value, Constant((string)item, typeof(string)))
                : Equal(Property(value, "Value"), Constant((decimal)item)))
            .ToList();
        Expression any = tests.Count == 0 ? Constant(false) : tests.Aggregate(OrElse);
        Expression isNull = text ? Equal(value, Constant(null, typeof(string))) : Not(Property(value, "HasValue"));
        return Block(typeof(Tri), [value], Assign(value, left), Condition(isNull, UnknownE, Condition(any, TrueE, FalseE)));
    }

    private Expression EmitKnown(BoundKnown k)
    {
        var value = Emit(k.Path);
        var v = Variable(value.Type, "v");
        Expression isKnown = k.Path.Type.Kind == VKind.Bool
            ? NotEqual(v, UnknownE)
            : value.Type.IsValueType ? Property(v, "HasValue") : NotEqual(v, Constant(null, value.Type));
        var (yes, no) = k.Known ? (TrueE, FalseE) : (FalseE, TrueE);
        return Block(typeof(Tri), [v], Assign(v, value), Condition(isKnown, yes, no));
    }

    private Expression EmitCurrent(BoundCurrent c)
    {
        var day = Variable(typeof(int?), "day");
        var test = EmitPeriodTest(c.Test, day, day);
        return Block(typeof(Tri), [day], Assign(day, DateArgument(c.Date)), test);
    }

    private Expression EmitWithin(BoundWithin w)
    {
        var d = w.Span;
        var last = Variable(typeof(int?), "last");
        var first = Variable(typeof(int?), "first");
        var test = w.Test is null ? Call(M.DateIn, Emit(w.Subject), first, last) : EmitPeriodTest(w.Test, first, last);
        return Block(
            typeof(Tri),
            [last, first],
            Assign(last, DateArgument(w.Date)),
            Assign(first, Call(M.WindowFirst, last, Constant(d.Years), Constant(d.Months), Constant(d.Days))),
            test);
    }

    /// <summary>The date argument, or the evaluation date when it is not given.</summary>
    private Expression DateArgument(BoundNode? date)
        => date is null ? Convert(Property(_scope, nameof(EvalScope.On)), typeof(int?)) : Emit(date);

    private Expression EmitPeriodTest(BoundPeriodTest t, Expression first, Expression last)
    {
        var type = t.RecordType;
        var periodOf = Constant(type.PeriodOf, typeof(Func<,>).MakeGenericType(type.ClrType, typeof(Period)));
        var helper = M.Generic(t.OverList ? nameof(Runtime.AnyPeriodIn) : nameof(Runtime.PeriodIn), type.ClrType);
        return Call(helper, _scope, Emit(t.Subject), periodOf, first, last, Constant(t.MissingFrom), Constant(t.MissingTo));
    }

    private Expression EmitQuantifier(BoundQuantifier q)
    {
        var elementType = q.Variable.Type;
        var collection = Emit(q.Collection);
        var listType = typeof(IReadOnlyList<>).MakeGenericType(elementType.ClrType);
        var item = Variable(elementType.ClrType, q.Variable.Name);
        _variables.Add(q.Variable, item);
        Expression body;
        Expression? filter;
        try
        {
            body = Emit(q.Body);
            filter = q.Filter is null ? null : Emit(q.Filter);
        }
        finally
        {
            _variables.Remove(q.Variable);
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

        Expression OverList(Type type, IEnumerable<ParameterExpression> variables, Expression whenNull, params Expression[] statements)
            => Block(
                type,
                new[] { list, count, index, r, item }.Concat(variables),
                Assign(list, Convert(collection, listType)),
                Condition(Equal(list, Constant(null, listType)), whenNull, Block(type, statements), type));

        switch (q.Kind)
        {
            case Quantifier.Count:
            {
                var n = Variable(typeof(decimal), "count");
                var unknown = Variable(typeof(bool), "unknown");
                return OverList(
                    typeof(decimal?),
                    [n, unknown],
                    Constant(null, typeof(decimal?)),
                    Assign(n, Constant(0m)),
                    Assign(unknown, Constant(false)),
                    EachItem(Block(
                        Assign(r, body),
                        IfThen(Equal(r, TrueE), AddAssign(n, Constant(1m))),
                        IfThen(Equal(r, UnknownE), Assign(unknown, Constant(true))))),
                    Condition(unknown, Constant(null, typeof(decimal?)), Convert(n, typeof(decimal?))));
            }

            case Quantifier.Sum:
            {
                // A record the filter may include (unknown) makes the sum unknown; an unknown value of an included record too.
                var acc = Variable(typeof(decimal?), "sum");
                var unknown = Variable(typeof(bool), "unknown");
                return OverList(
                    typeof(decimal?),
                    [acc, unknown],
                    Constant(null, typeof(decimal?)),
                    Assign(acc, Constant(0m, typeof(decimal?))),
                    Assign(unknown, Constant(false)),
                    EachItem(Block(
                        Assign(r, filter ?? TrueE),
                        IfThen(Equal(r, UnknownE), Assign(unknown, Constant(true))),
                        IfThen(Equal(r, TrueE), Assign(acc, Call(M.Sum, _scope, acc, body))))),
                    Condition(unknown, Constant(null, typeof(decimal?)), acc));
            }

            case Quantifier.Spell:
            {
                var records = Variable(typeof(Periods.SpellRecords), "records");
                var periodOf = Constant(elementType.PeriodOf, typeof(Func<,>).MakeGenericType(elementType.ClrType, typeof(Period)));
                return Block(
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
                            body,
                            Invoke(periodOf, item),
                            Constant(q.MissingFrom),
                            Constant(q.MissingTo)))),
                    records);
            }

            default:
            {
                // any: true wins, unknown beats false; all: false wins, unknown beats true.
                var (decisive, start) = q.Kind == Quantifier.Any ? (TrueE, FalseE) : (FalseE, TrueE);
                var acc = Variable(typeof(Tri), "acc");
                return OverList(
                    typeof(Tri),
                    [acc],
                    UnknownE,
                    Assign(acc, start),
                    EachItem(Block(
                        Assign(r, body),
                        IfThen(Equal(r, decisive), Block(Assign(acc, decisive), Break(brk))),
                        IfThen(Equal(r, UnknownE), Assign(acc, UnknownE)))),
                    acc);
            }
        }
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

    private Expression EmitPath(BoundPath p)
    {
        Expression current = p.Variable is { } variable ? _variables[variable] : Property(_scope, p.RootProperty!);
        if (p.Steps.Count == 0)
        {
            return p.RootMissing < 0 ? current : Call(M.Generic(nameof(Runtime.NoteNull), p.RootType.ClrType), _scope, current, Constant(p.RootMissing));
        }

        return Chain(current, p.RootType.ClrType, p.Steps, ClrTypeOf(p.Type));
    }

    /// <summary>
    /// Builds the path as one helper call per step (<see cref="Runtime.Ref{TObj, TValue}"/> and friends): each step reads
    /// a field with the library's compiled accessor and notes the missing fact when a value is null. Small IL, so that a
    /// pack compiles quickly.
    /// </summary>
    private Expression Chain(Expression obj, Type objType, IReadOnlyList<BoundStep> steps, Type resultType)
    {
        for (var i = 0; ; i++)
        {
            var (field, missingObject, missingValue) = steps[i];
            var read = Constant(field.Accessor);
            Expression step;
            if (field.ValueType == typeof(bool?))
            {
                step = Call(M.Generic(nameof(Runtime.Bool), objType), _scope, obj, read, Constant(missingObject), Constant(missingValue));
            }
            else if (field.ValueType.IsValueType)
            {
                step = Call(M.Generic(nameof(Runtime.Val), objType, Nullable.GetUnderlyingType(field.ValueType)!), _scope, obj, read, Constant(missingObject), Constant(missingValue));
            }
            else
            {
                step = Call(M.Generic(nameof(Runtime.Ref), objType, field.ValueType), _scope, obj, read, Constant(missingObject), Constant(missingValue));
            }

            if (i == steps.Count - 1)
            {
                return step.Type == resultType ? step : Convert(step, resultType);
            }

            (obj, objType) = (step, field.ValueType);
        }
    }
}
