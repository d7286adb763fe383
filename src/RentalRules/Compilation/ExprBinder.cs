using RentalRules.Diagnostics;
using RentalRules.Facts;

namespace RentalRules.Compilation;

/// <summary>
/// Binds a parsed condition against <see cref="FactSchema"/>: resolves every name, checks every type, assigns the
/// missing-fact ids; what the expression refers to is then read off the bound tree (<see cref="ExprReferences.Of"/>).
/// Throws <see cref="ExprException"/> on any problem; the bound tree it returns is well typed, so
/// <see cref="ExprEmitter"/> has no error of its own to report. One method per node type (<see cref="AstVisitor{T}"/>).
/// </summary>
internal sealed class ExprBinder : AstVisitor<BoundNode>
{
    private static readonly string[] Functions = ["known", "missing", "date", "current", "within", "any", "all", "count", "spell", "sum"];

    private readonly CompileContext _context;
    private readonly Dictionary<string, BoundVariable> _bound = new(StringComparer.Ordinal);

    private ExprBinder(CompileContext context) => _context = context;

    /// <summary>Binds <paramref name="ast"/> (of any type) in <paramref name="context"/>.</summary>
    public static BoundExpression Bind(Ast ast, CompileContext context)
    {
        var root = new ExprBinder(context).Visit(ast);
        return new BoundExpression(root, ExprReferences.Of(root));
    }

    /// <summary>Parses and binds a condition: its value must be true, false or unknown.</summary>
    public static BoundExpression BindCondition(string text, CompileContext context) => BindOf(text, context, VKind.Bool, Descriptors.NotACondition);

    /// <summary>Parses and binds a numeric expression (e.g. a forecast share).</summary>
    public static BoundExpression BindNumber(string text, CompileContext context) => BindOf(text, context, VKind.Number, Descriptors.NotANumber);

    private static BoundExpression BindOf(string text, CompileContext context, VKind kind, DiagnosticDescriptor wrongType)
    {
        var ast = ExprParser.Parse(text);
        var bound = Bind(ast, context);
        if (bound.Root.Type.Kind != kind)
        {
            throw TypeError(ast.Pos, wrongType, bound.Root.Type.Describe());
        }

        return bound;
    }

    private static ExprException TypeError(int pos, DiagnosticDescriptor descriptor, params object?[] args)
        => new(new ExprError(pos, descriptor, args));

    /// <inheritdoc/>
    public override BoundNode Visit(Ast ast)
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ExprException(new ExprError(ast.Pos, Descriptors.ExpressionTooDeepToCompile));
        }

        return ast.Accept(this);
    }

    /// <inheritdoc/>
    public override BoundNode VisitNumber(NumberLit number) => new BoundNumber(number.Value) { Constant = number.Value };

    /// <inheritdoc/>
    public override BoundNode VisitString(StringLit text) => new BoundText(text.Value) { Constant = text.Value };

    /// <inheritdoc/>
    public override BoundNode VisitBool(BoolLit value) => new BoundBool(value.Value);

    /// <inheritdoc/>
    public override BoundNode VisitDuration(DurationLit duration) => new BoundDuration(duration) { Constant = duration };

    /// <inheritdoc/>
    public override BoundNode VisitList(ListLit list) => throw TypeError(list.Pos, Descriptors.ListOutsideIn);

    /// <inheritdoc/>
    public override BoundNode VisitPath(PathExpr path) => BindPath(path, noteMissing: true);

    /// <inheritdoc/>
    public override BoundNode VisitUnary(UnaryExpr u)
    {
        var operand = Visit(u.Operand);
        if (u.Op == UnaryOp.Not)
        {
            RequireBool(operand, u.Operand.Pos, "'not'");
            return new BoundNot(operand);
        }

        if (operand.Type.Kind != VKind.Number)
        {
            throw TypeError(u.Pos, Descriptors.MinusNeedsNumber, operand.Type.Describe());
        }

        return new BoundNegate(operand) { Constant = operand.Constant is decimal d ? -d : null };
    }

    private static void RequireBool(BoundNode node, int pos, string what)
    {
        if (node.Type.Kind != VKind.Bool)
        {
            throw TypeError(pos, Descriptors.NeedsCondition, what, node.Type.Describe());
        }
    }

    /// <inheritdoc/>
    public override BoundNode VisitBinary(BinaryExpr b)
    {
        switch (b.Op)
        {
            case BinaryOp.And:
            case BinaryOp.Or:
            {
                var left = Visit(b.Left);
                var right = Visit(b.Right);
                RequireBool(left, b.Left.Pos, $"'{b.Symbol}'");
                RequireBool(right, b.Right.Pos, $"'{b.Symbol}'");
                return new BoundLogical(b.Op == BinaryOp.And, left, right);
            }

            case BinaryOp.In:
                return BindIn(b);
            case BinaryOp.Add:
            case BinaryOp.Subtract:
            case BinaryOp.Multiply:
            case BinaryOp.Divide:
                return BindArithmetic(b);
            default:
                return BindComparison(b);
        }
    }

    private BoundNode BindArithmetic(BinaryExpr b)
    {
        var left = Visit(b.Left);
        var right = Visit(b.Right);
        if (left.Type.Kind == VKind.Date && right.Type.Kind == VKind.Duration && b.Op is BinaryOp.Add or BinaryOp.Subtract)
        {
            var d = NotCalendar((DurationLit)right.Constant!);
            var sign = b.Op == BinaryOp.Add ? 1 : -1;
            return new BoundDateShift(left, sign * d.Years, sign * d.Months, sign * d.Days);
        }

        if (left.Type.Kind != VKind.Number || right.Type.Kind != VKind.Number)
        {
            throw TypeError(b.Pos, left.Type.Kind == VKind.Duration || right.Type.Kind == VKind.Duration ? Descriptors.ArithmeticWithDuration : Descriptors.ArithmeticNeedsNumbers, b.Symbol, left.Type.Describe(), right.Type.Describe());
        }

        return new BoundArithmetic(b.Op, left, right);
    }

    private BoundNode BindComparison(BinaryExpr b)
    {
        var left = Visit(b.Left);
        var right = Visit(b.Right);
        if (left.Type.Kind == VKind.Spell || right.Type.Kind == VKind.Spell)
        {
            return BindSpellComparison(b, left, right);
        }

        var equality = b.Op is BinaryOp.Equal or BinaryOp.NotEqual;
        CheckLiteralAgainst(left, right, b.Right.Pos);
        CheckLiteralAgainst(right, left, b.Left.Pos);

        ComparisonKind kind;
        if (left.Type.Kind == VKind.Number && right.Type.Kind == VKind.Number)
        {
            kind = ComparisonKind.Numbers;
        }
        else if (left.Type.Kind == VKind.Date && right.Type.Kind == VKind.Date)
        {
            kind = ComparisonKind.Days;
        }
        else if (equality && left.Type.Kind == VKind.String && right.Type.Kind == VKind.String)
        {
            kind = ComparisonKind.Text;
        }
        else if (equality && left.Type.Kind == VKind.Bool && right.Type.Kind == VKind.Bool)
        {
            kind = ComparisonKind.Conditions;
        }
        else
        {
            throw TypeError(b.Pos, left.Type.Kind == VKind.Duration || right.Type.Kind == VKind.Duration ? Descriptors.CannotCompareWithDuration : equality ? Descriptors.CannotCompareTypes : Descriptors.CannotOrder, left.Type.Describe(), right.Type.Describe(), b.Symbol);
        }

        return new BoundComparison(kind, b.Op, left, right);
    }

    /// <summary>Load-time checks of a literal against the fact it is compared with: enum values, and shares given as percentages.</summary>
    private static void CheckLiteralAgainst(BoundNode fact, BoundNode literal, int literalPos)
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

    private BoundNode BindIn(BinaryExpr b)
    {
        var left = Visit(b.Left);
        if (b.Right is ListLit list)
        {
            if (left.Type.Kind is not (VKind.String or VKind.Number))
            {
                throw TypeError(b.Pos, Descriptors.InNeedsValue, left.Type.Describe());
            }

            var items = list.Items.Select(Visit).ToList();
            var values = new List<object>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.Constant is null || item.Type.Kind != left.Type.Kind)
                {
                    throw TypeError(list.Items[i].Pos, left.Type.Kind == VKind.String ? Descriptors.ListItemsText : Descriptors.ListItemsNumbers);
                }

                CheckLiteralAgainst(left, item, list.Items[i].Pos);
                values.Add(item.Constant);
            }

            return new BoundInList(left, values);
        }

        var right = Visit(b.Right);
        if (right.Type.Kind == VKind.StringList && left.Type.Kind == VKind.String)
        {
            return new BoundContains(right, left);
        }

        throw TypeError(b.Pos, Descriptors.InNeedsList, right.Type.Describe());
    }

    /// <inheritdoc/>
    public override BoundNode VisitCall(CallExpr c)
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

                return new BoundKnown(BindPath(path, noteMissing: false), c.Name == "known");
            }

            case "date":
            {
                if (c.Args.Count != 1 || c.Args[0] is not StringLit s || !DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                {
                    throw TypeError(c.Pos, Descriptors.DateTakesLiteral);
                }

                return new BoundDate(date.DayNumber);
            }

            case "current":
                return BindCurrent(c);
            case "within":
                return BindWithin(c);
            default:
                throw new ExprException(new ExprError(c.Pos, Descriptors.NoSuchFunction, c.Name, Suggestions.DidYouMean(c.Name, Functions)));
        }
    }

    /// <inheritdoc/>
    public override BoundNode VisitQuantifier(QuantExpr q)
    {
        if (_bound.ContainsKey(q.Variable) || FactSchema.RootNames.Contains(q.Variable) || q.Variable is "on" or "param")
        {
            throw TypeError(q.Pos, Descriptors.VariableInUse, q.Variable);
        }

        var collection = BindPath(q.Collection, noteMissing: true);
        if (collection.Type.Kind != VKind.List)
        {
            throw TypeError(q.Collection.Pos, Descriptors.QuantifierNeedsList, q.Name, q.Collection.Text, collection.Type.Describe());
        }

        var elementType = collection.Type.Object!;
        if (q.Kind == Quantifier.Spell && elementType.PeriodOf is null)
        {
            throw TypeError(q.Collection.Pos, Descriptors.SpellNeedsPeriods, q.Collection.Text, collection.Type.Describe());
        }

        var itemName = collection.FactName + "[]";
        var variable = new BoundVariable(q.Variable, elementType, itemName);
        _bound.Add(q.Variable, variable);
        BoundNode body;
        BoundNode? filter = null;
        try
        {
            // A filter narrows the records: any/count/spell(x in l where f: b) is any(x in l: f and b); all is all(x in l: not f or b).
            var bodyAst = q.Filter is null || q.Kind == Quantifier.Sum ? q.Body
                : q.Kind == Quantifier.All ? new BinaryExpr(BinaryOp.Or, new UnaryExpr(UnaryOp.Not, q.Filter, q.Filter.Pos), q.Body, q.Filter.Pos)
                : new BinaryExpr(BinaryOp.And, q.Filter, q.Body, q.Filter.Pos);
            body = Visit(bodyAst);
            if (q.Kind == Quantifier.Sum && q.Filter is not null)
            {
                filter = Visit(q.Filter);
                RequireBool(filter, q.Filter.Pos, "'where'");
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

        var (missingFrom, missingTo, type) = q.Kind switch
        {
            Quantifier.Spell => (MissingId(itemName + ".from", true), MissingId(itemName + ".to", true), VType.Spell),
            Quantifier.Count or Quantifier.Sum => (-1, -1, VType.Number),
            _ => (-1, -1, VType.Bool),
        };
        return new BoundQuantifier(q.Kind, variable, collection, body, filter, missingFrom, missingTo, type);
    }

    /// <summary><c>current(x)</c>, <c>current(x, date)</c>: the record (or some record of the list) holds on the date (default: the evaluation date).</summary>
    private BoundNode BindCurrent(CallExpr c)
    {
        if (c.Args.Count is < 1 or > 2)
        {
            throw TypeError(c.Pos, Descriptors.CurrentUsage);
        }

        var test = PeriodTest(c.Args[0], "current(..)");
        return new BoundCurrent(test, DateArgument(c, 1));
    }

    /// <summary>
    /// <c>within(x, N years)</c>, <c>within(x, N months, date)</c>: the date x, or the period of record x (or of some record
    /// of list x), lies in the last N before the date (default: the evaluation date), by <see cref="Periods.WindowStart"/>.
    /// </summary>
    private BoundNode BindWithin(CallExpr c)
    {
        if (c.Args.Count is < 2 or > 3)
        {
            throw TypeError(c.Pos, Descriptors.WithinUsage);
        }

        var span = Visit(c.Args[1]);
        if (span.Constant is not DurationLit duration)
        {
            throw TypeError(c.Args[1].Pos, Descriptors.WithinDuration, span.Type.Describe());
        }

        var d = NotCalendar(duration);
        var subject = Visit(c.Args[0]);
        var test = subject.Type.Kind == VKind.Date ? null : PeriodTest(c.Args[0], "within(..)", subject);
        return new BoundWithin(subject, test, d, DateArgument(c, 2));
    }

    /// <summary>The date argument at <paramref name="index"/>, or null (the evaluation date) when it is not given.</summary>
    private BoundNode? DateArgument(CallExpr c, int index)
    {
        if (c.Args.Count <= index)
        {
            return null;
        }

        var date = Visit(c.Args[index]);
        if (date.Type.Kind != VKind.Date)
        {
            throw TypeError(c.Args[index].Pos, Descriptors.LastArgumentDate, c.Name, date.Type.Describe());
        }

        return date;
    }

    /// <summary>Whether the period of a record, or of some record of a list, overlaps a span of days.</summary>
    private BoundPeriodTest PeriodTest(Ast argument, string what, BoundNode? bound = null)
    {
        var subject = bound ?? Visit(argument);
        var type = subject.Type.Kind is VKind.List or VKind.Object ? subject.Type.Object : null;
        if (type?.PeriodOf is null || subject.FactName is null)
        {
            throw TypeError(argument.Pos, Descriptors.NeedsPeriod, what, subject.Type.Describe());
        }

        var overList = subject.Type.Kind == VKind.List;
        var itemName = overList ? subject.FactName + "[]" : subject.FactName;
        return new BoundPeriodTest(subject, type, overList, MissingId(itemName + ".from", true), MissingId(itemName + ".to", true));
    }

    private static DurationLit NotCalendar(DurationLit d) => d.Calendar
        ? throw TypeError(d.Pos, Descriptors.CalendarMonthsOnSpell)
        : d;

    /// <summary><c>spell(..) &gt;= N</c> and friends: whether the spell running on the evaluation date has lasted N.</summary>
    private static BoundNode BindSpellComparison(BinaryExpr b, BoundNode left, BoundNode right)
    {
        if (left.Type.Kind != VKind.Spell || right.Constant is not DurationLit d || b.Op is BinaryOp.Equal or BinaryOp.NotEqual)
        {
            throw TypeError(b.Pos, Descriptors.SpellComparison, Operand(left.Type), Operand(right.Type), b.Symbol);
        }

        // lasted N: began on or before on − N; longer than N: began before on − N. '<' and '<=' are their negations.
        var strictly = b.Op is BinaryOp.Greater or BinaryOp.LessOrEqual;
        return new BoundSpellLasted(left, d, strictly, Negated: b.Op is BinaryOp.Less or BinaryOp.LessOrEqual);
    }

    /// <summary>An operand of a spell comparison by its type: a spell by that word alone (the message already says how to compare one).</summary>
    private static string Operand(VType type) => type.Kind == VKind.Spell ? "a spell" : type.Describe();

    private BoundNode BindPath(PathExpr path, bool noteMissing)
    {
        var segments = path.Segments;
        var (head, headPos) = segments[0];

        if (head == "on")
        {
            if (segments.Count > 1)
            {
                throw new ExprException(new ExprError(segments[1].Pos, Descriptors.OnHasNoFields));
            }

            return new BoundOn { FactName = "on" };
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
            return new BoundParameter(slot.Index, MissingId(factName, noteMissing), slot.Type) { FactName = factName };
        }

        FactType type;
        BoundVariable? variable = null;
        string? rootProperty = null;
        string canonical;
        if (_bound.TryGetValue(head, out var bound))
        {
            (variable, type, canonical) = (bound, bound.Type, bound.ItemName);
        }
        else if (FactSchema.RootNames.Contains(head))
        {
            if (head == "member" && !_context.MemberInScope)
            {
                throw new ExprException(new ExprError(headPos, Descriptors.MemberOutOfScope));
            }

            type = FactSchema.RootType(head);
            rootProperty = FactSchema.RootProperty(head);
            canonical = head;
        }
        else
        {
            var candidates = FactSchema.RootNames.Concat(_bound.Keys).Append("on").Append("param");
            throw new ExprException(new ExprError(headPos, Descriptors.UnknownNameInExpression, head, Suggestions.DidYouMean(head, candidates)));
        }

        if (segments.Count == 1)
        {
            var rootMissing = MissingId(canonical, noteMissing && variable is null);
            return new BoundPath(rootProperty, variable, type, rootMissing, [], VType.ObjectOf(type)) { FactName = canonical };
        }

        // Resolve every segment's field first, so the result type is known before the missing ids are assigned.
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

        var fullName = canonical + "." + string.Join(".", fields.Select(f => f.Name));
        var steps = new List<BoundStep>(fields.Count);
        var stepName = canonical;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var last = i == fields.Count - 1;
            var missingObject = MissingId(stepName, noteMissing);
            var missingValue = last ? MissingId(stepName + "." + field.MissingName, noteMissing) : -1;
            steps.Add(new BoundStep(field, missingObject, missingValue));
            stepName += "." + field.Name;
        }

        return new BoundPath(rootProperty, variable, type, -1, steps, fields[^1].Type) { FactName = fullName };
    }

    private int MissingId(string name, bool noteMissing) => noteMissing ? _context.FactNames.Id(name) : -1;
}
