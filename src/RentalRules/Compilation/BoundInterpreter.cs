using System.Collections;
using RentalRules.Facts;

namespace RentalRules.Compilation;

/// <summary>
/// Evaluates a bound tree (<see cref="ExprBinder"/>) directly, walking its nodes: what a condition or an explanation's
/// reader runs for its first calls, before it is worth an expression tree (<see cref="ExprEmitter"/>) compiled to IL
/// (<see cref="TieredLambda"/>, <see cref="ConditionBatch"/>). Building and interpreting an expression tree is reflection
/// over generic methods the runtime cannot precompile, and that was most of the start-up of a one-household check; this
/// walk is ordinary precompiled code over the same helpers (<see cref="Runtime"/>, <see cref="Periods"/>,
/// <see cref="DateMath"/>), and reads facts through <see cref="FactField.Read"/>.
/// It must agree with <see cref="ExprEmitter"/> on every tree: the same value, the same missing facts noted in the same
/// order (so it evaluates the same operands, and skips the same ones). Values are boxed as the emitter's
/// <see cref="ExprEmitter.EmitBoxed"/> boxes them: a <see cref="Tri"/>, a <c>decimal</c>, a day number (<c>int</c>), a
/// string, a record or list, or null for unknown. One instance per evaluation (it holds the quantifiers' variables), so
/// any number of threads may evaluate the same tree at once.
/// </summary>
internal sealed class BoundInterpreter : BoundVisitor<object?>
{
    private static readonly object TrueBox = Tri.True;
    private static readonly object FalseBox = Tri.False;
    private static readonly object UnknownBox = Tri.Unknown;

    private readonly EvalScope _scope;
    private Dictionary<BoundVariable, object>? _variables;

    private BoundInterpreter(EvalScope scope)
    {
        _scope = scope;
    }

    /// <summary>A bound condition's value in <paramref name="scope"/>.</summary>
    public static Tri Condition(BoundNode root, EvalScope scope) => (Tri)new BoundInterpreter(scope).Visit(root)!;

    /// <summary>A bound value of any type in <paramref name="scope"/>, boxed (see the class).</summary>
    public static object? Value(BoundNode root, EvalScope scope) => new BoundInterpreter(scope).Visit(root);

    /// <summary>A bound numeric expression's value in <paramref name="scope"/>.</summary>
    public static decimal? Number(BoundNode root, EvalScope scope) => (decimal?)new BoundInterpreter(scope).Visit(root);

    /// <summary>
    /// For explanations (<see cref="ExprEmitter.EmitItems"/>, <see cref="ExprEmitter.EmitHolds"/>): the list of a bound any/all, and whether its body holds
    /// for one record of it.
    /// </summary>
    public static (Func<EvalScope, IList?> Items, Func<EvalScope, object, Tri> Holds) Records(BoundQuantifier q)
        => (scope => new BoundInterpreter(scope).Visit(q.Collection) as IList, (scope, record) => new BoundInterpreter(scope).Holds(q, record));

    private Tri Holds(BoundQuantifier q, object record)
    {
        // The emitter converts the record to the list's item type: a record of another type fails the same way.
        if (!q.Variable.Type.ClrType.IsInstanceOfType(record))
        {
            throw new InvalidCastException($"The record is not a {q.Variable.Type.Name}.");
        }

        Bind(q.Variable, record);
        return Bool(q.Body);
    }

    private static object Box(Tri value) => value switch
    {
        Tri.True => TrueBox,
        Tri.False => FalseBox,
        _ => UnknownBox,
    };

    private Tri Bool(BoundNode node) => (Tri)Visit(node)!;

    private decimal? Dec(BoundNode node) => (decimal?)Visit(node);

    private int? Day(BoundNode node) => (int?)Visit(node);

    private void Bind(BoundVariable variable, object item) => (_variables ??= [])[variable] = item;

    /// <inheritdoc/>
    public override object? VisitNumber(BoundNumber n) => n.Value;

    /// <inheritdoc/>
    public override object? VisitText(BoundText s) => s.Value;

    /// <inheritdoc/>
    public override object? VisitBool(BoundBool b) => b.Value ? TrueBox : FalseBox;

    /// <inheritdoc/>
    public override object? VisitDuration(BoundDuration duration) => null;

    /// <inheritdoc/>
    public override object? VisitDate(BoundDate d) => d.DayNumber;

    /// <inheritdoc/>
    public override object? VisitNot(BoundNot n) => Box(Kleene.Not(Bool(n.Operand)));

    /// <inheritdoc/>
    public override object? VisitNegate(BoundNegate n) => Runtime.Negate(Dec(n.Operand));

    /// <inheritdoc/>
    public override object? VisitLogical(BoundLogical l)
    {
        // Kleene and/or as the emitter's ShortCircuit: the dominant value on the left decides without the right.
        var (dominant, neutral) = l.IsAnd ? (Tri.False, Tri.True) : (Tri.True, Tri.False);
        var a = Bool(l.Left);
        if (a == dominant)
        {
            return Box(dominant);
        }

        var b = Bool(l.Right);
        return b == dominant ? Box(dominant) : a == neutral && b == neutral ? Box(neutral) : UnknownBox;
    }

    /// <inheritdoc/>
    public override object? VisitDateShift(BoundDateShift s) => DateMath.Add(Day(s.Date), s.Years, s.Months, s.Days);

    /// <inheritdoc/>
    public override object? VisitArithmetic(BoundArithmetic a)
    {
        var left = Dec(a.Left);
        var right = Dec(a.Right);
        return a.Op switch
        {
            BinaryOp.Add => Runtime.Add(_scope, left, right),
            BinaryOp.Subtract => Runtime.Subtract(_scope, left, right),
            BinaryOp.Multiply => Runtime.Multiply(_scope, left, right),
            _ => Runtime.Divide(_scope, left, right),
        };
    }

    /// <inheritdoc/>
    public override object? VisitComparison(BoundComparison c)
    {
        var left = Visit(c.Left);
        var right = Visit(c.Right);
        return Box(c.Kind switch
        {
            ComparisonKind.Numbers => Runtime.Compare((decimal?)left, (decimal?)right, (int)c.Op),
            ComparisonKind.Days => Runtime.CompareDays((int?)left, (int?)right, (int)c.Op),
            ComparisonKind.Text => Runtime.TextEqual((string?)left, (string?)right, c.Op == BinaryOp.Equal),
            _ => Runtime.TriEqual((Tri)left!, (Tri)right!, c.Op == BinaryOp.Equal),
        });
    }

    /// <inheritdoc/>
    public override object? VisitSpellLasted(BoundSpellLasted s)
    {
        var d = s.Duration;
        var lasted = Runtime.SpellLasted((Periods.SpellRecords)Visit(s.Spell)!, _scope.On, d.Years, d.Months, d.Days, d.Calendar, s.Strictly);
        return Box(s.Negated ? Kleene.Not(lasted) : lasted);
    }

    /// <inheritdoc/>
    public override object? VisitInList(BoundInList i)
    {
        var value = Visit(i.Value);
        if (value is null)
        {
            return UnknownBox;
        }

        foreach (var item in i.Items)
        {
            if (value is string text ? Runtime.TextEquals(text, (string)item) : (decimal)value == (decimal)item)
            {
                return TrueBox;
            }
        }

        return FalseBox;
    }

    /// <inheritdoc/>
    public override object? VisitContains(BoundContains c)
    {
        var list = (IReadOnlyList<string>?)Visit(c.List);
        return Box(Runtime.Contains(list, (string?)Visit(c.Value)));
    }

    /// <inheritdoc/>
    public override object? VisitKnown(BoundKnown k)
    {
        var value = Visit(k.Path);
        var known = k.Path.Type.Kind == VKind.Bool ? (Tri)value! != Tri.Unknown : value is not null;
        return known == k.Known ? TrueBox : FalseBox;
    }

    /// <inheritdoc/>
    public override object? VisitCurrent(BoundCurrent c)
    {
        var day = DateArgument(c.Date);
        return Box(PeriodTest(c.Test, day, day));
    }

    /// <inheritdoc/>
    public override object? VisitWithin(BoundWithin w)
    {
        var d = w.Span;
        var last = DateArgument(w.Date);
        var first = Runtime.WindowFirst(last, d.Years, d.Months, d.Days);
        return Box(w.Test is null ? Periods.DateIn(Day(w.Subject), first, last) : PeriodTest(w.Test, first, last));
    }

    /// <inheritdoc/>
    public override object? VisitQuantifier(BoundQuantifier q)
    {
        // The emitter converts the collection to a list of the item type: only the null check matters here.
        var list = (IReadOnlyList<object>?)Visit(q.Collection);
        switch (q.Kind)
        {
            case Quantifier.Count:
            {
                if (list is null)
                {
                    return null;
                }

                var n = 0m;
                var unknown = false;
                for (var i = 0; i < list.Count; i++)
                {
                    Bind(q.Variable, list[i]);
                    var r = Bool(q.Body);
                    if (r == Tri.True)
                    {
                        n += 1m;
                    }

                    if (r == Tri.Unknown)
                    {
                        unknown = true;
                    }
                }

                return unknown ? null : n;
            }

            case Quantifier.Sum:
            {
                if (list is null)
                {
                    return null;
                }

                decimal? sum = 0m;
                var unknown = false;
                for (var i = 0; i < list.Count; i++)
                {
                    Bind(q.Variable, list[i]);
                    var r = q.Filter is null ? Tri.True : Bool(q.Filter);
                    if (r == Tri.Unknown)
                    {
                        unknown = true;
                    }

                    if (r == Tri.True)
                    {
                        sum = Runtime.Add(_scope, sum, Dec(q.Body));
                    }
                }

                return unknown ? null : sum;
            }

            case Quantifier.Spell:
            {
                var records = new Periods.SpellRecords();
                if (list is null)
                {
                    records.ListMissing = true;
                    return records;
                }

                var periodOf = q.Variable.Type.ReadPeriod!;
                for (var i = 0; i < list.Count; i++)
                {
                    var item = list[i];
                    Bind(q.Variable, item);
                    var included = Bool(q.Body);
                    records.Add(_scope, included, periodOf(item), q.MissingFrom, q.MissingTo);
                }

                return records;
            }

            default:
            {
                // any: true wins, unknown beats false; all: false wins, unknown beats true.
                if (list is null)
                {
                    return UnknownBox;
                }

                var (decisive, acc) = q.Kind == Quantifier.Any ? (Tri.True, Tri.False) : (Tri.False, Tri.True);
                for (var i = 0; i < list.Count; i++)
                {
                    Bind(q.Variable, list[i]);
                    var r = Bool(q.Body);
                    if (r == decisive)
                    {
                        acc = decisive;
                        break;
                    }

                    if (r == Tri.Unknown)
                    {
                        acc = Tri.Unknown;
                    }
                }

                return Box(acc);
            }
        }
    }

    /// <inheritdoc/>
    public override object? VisitOn(BoundOn on) => _scope.On;

    /// <inheritdoc/>
    public override object? VisitParameter(BoundParameter p) => Runtime.Param(_scope, p.Slot, p.Missing);

    /// <inheritdoc/>
    public override object? VisitPath(BoundPath p)
    {
        var current = p.Variable is { } variable ? _variables![variable] : Root(p.RootProperty!);
        if (p.Steps.Count == 0)
        {
            if (current is null && p.RootMissing >= 0)
            {
                _scope.NoteMissing(p.RootMissing);
            }

            return current;
        }

        // One step per field, as the emitter's Runtime.Ref/Val/Bool: a null record notes the object's missing fact,
        // a null value the value's; a yes/no field reads as a Tri.
        foreach (var (field, missingObject, missingValue) in p.Steps)
        {
            object? value;
            if (current is null)
            {
                Note(missingObject);
                value = null;
            }
            else
            {
                value = field.Read(current, _scope);
                if (value is null)
                {
                    Note(missingValue);
                }
            }

            current = field.ValueType == typeof(bool?) ? (value is null ? UnknownBox : (bool)value ? TrueBox : FalseBox) : value;
        }

        return current;
    }

    private object? Root(string property) => property switch
    {
        nameof(EvalScope.Department) => _scope.Department,
        nameof(EvalScope.Household) => _scope.Household,
        nameof(EvalScope.Vacancy) => _scope.Vacancy,
        nameof(EvalScope.Applicant) => _scope.Applicant,
        nameof(EvalScope.Member) => _scope.Member,
        _ => throw new InvalidOperationException($"No root {property} in a scope."),
    };

    private void Note(int id)
    {
        if (id >= 0)
        {
            _scope.NoteMissing(id);
        }
    }

    /// <summary>The date argument, or the evaluation date when it is not given.</summary>
    private int? DateArgument(BoundNode? date) => date is null ? _scope.On : Day(date);

    private Tri PeriodTest(BoundPeriodTest t, int? first, int? last)
    {
        var periodOf = t.RecordType.ReadPeriod!;
        var subject = Visit(t.Subject);
        if (!t.OverList)
        {
            return subject is null ? Tri.Unknown : Periods.Overlaps(_scope, periodOf(subject), first, last, t.MissingFrom, t.MissingTo);
        }

        if (subject is not IReadOnlyList<object> list)
        {
            return Tri.Unknown;
        }

        var result = Tri.False;
        for (var i = 0; i < list.Count; i++)
        {
            var r = Periods.Overlaps(_scope, periodOf(list[i]), first, last, t.MissingFrom, t.MissingTo);
            if (r == Tri.True)
            {
                return Tri.True;
            }

            if (r == Tri.Unknown)
            {
                result = Tri.Unknown;
            }
        }

        return result;
    }
}
