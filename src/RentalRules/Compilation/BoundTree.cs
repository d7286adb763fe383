using RentalRules.Facts;

namespace RentalRules.Compilation;

/// <summary>A parameter as the compiler sees it: its slot in <see cref="EvalScope.Parameters"/> and its type.</summary>
internal sealed record ParameterSlot(int Index, VType Type);

/// <summary>What an expression may refer to where it stands.</summary>
internal sealed record CompileContext(
    IReadOnlyDictionary<string, ParameterSlot> Parameters,
    FactNames FactNames,
    bool MemberInScope);

/// <summary>A checked expression: its bound tree and what it refers to. <see cref="ExprEmitter"/> turns it into code.</summary>
internal sealed record BoundExpression(BoundNode Root, ExprReferences References);

/// <summary>
/// A node of the bound tree: every name resolved (fact fields, parameters, quantifier variables), every type checked,
/// every missing-fact id assigned. <see cref="FactName"/> is the fact or parameter a path reads; <see cref="Constant"/>
/// the value a literal (or a negated number literal) is known to have at load.
/// </summary>
internal abstract record BoundNode(VType Type)
{
    /// <summary>Calls the method of <paramref name="visitor"/> for this node's type (<see cref="BoundVisitor{T}"/>).</summary>
    public abstract T Accept<T>(BoundVisitor<T> visitor);

    public string? FactName { get; init; }

    public object? Constant { get; init; }
}

internal sealed record BoundNumber(decimal Value) : BoundNode(VType.Number)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitNumber(this);
}

internal sealed record BoundText(string Value) : BoundNode(VType.String)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitText(this);
}

internal sealed record BoundBool(bool Value) : BoundNode(VType.Bool)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitBool(this);
}

/// <summary>A duration: it has no value of its own, only the operator or function it stands next to reads it.</summary>
internal sealed record BoundDuration(DurationLit Value) : BoundNode(VType.Duration)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitDuration(this);
}

/// <summary>A <c>date("yyyy-MM-dd")</c> literal, as a day number.</summary>
internal sealed record BoundDate(int DayNumber) : BoundNode(VType.Date)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitDate(this);
}

internal sealed record BoundNot(BoundNode Operand) : BoundNode(VType.Bool)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitNot(this);
}

internal sealed record BoundNegate(BoundNode Operand) : BoundNode(VType.Number)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitNegate(this);
}

/// <summary>Kleene <c>and</c> (<paramref name="IsAnd"/>) or <c>or</c>.</summary>
internal sealed record BoundLogical(bool IsAnd, BoundNode Left, BoundNode Right) : BoundNode(VType.Bool)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitLogical(this);
}

/// <summary>A date plus or minus a (non-calendar) duration; the signs are already applied.</summary>
internal sealed record BoundDateShift(BoundNode Date, int Years, int Months, int Days) : BoundNode(VType.Date)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitDateShift(this);
}

internal sealed record BoundArithmetic(BinaryOp Op, BoundNode Left, BoundNode Right) : BoundNode(VType.Number)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitArithmetic(this);
}

/// <summary>How a comparison compares: numbers, dates (day numbers), text or conditions.</summary>
internal enum ComparisonKind
{
    Numbers,
    Days,
    Text,
    Conditions,
}

internal sealed record BoundComparison(ComparisonKind Kind, BinaryOp Op, BoundNode Left, BoundNode Right) : BoundNode(VType.Bool)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitComparison(this);
}

/// <summary><c>spell(..) &gt;= N</c>: whether the spell running on the evaluation date has lasted <paramref name="Duration"/>.</summary>
internal sealed record BoundSpellLasted(BoundNode Spell, DurationLit Duration, bool Strictly, bool Negated) : BoundNode(VType.Bool)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitSpellLasted(this);
}

/// <summary><c>x in [..]</c> over literals: <paramref name="Items"/> holds strings or decimals.</summary>
internal sealed record BoundInList(BoundNode Value, IReadOnlyList<object> Items) : BoundNode(VType.Bool)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitInList(this);
}

/// <summary><c>x in list</c> over a list of text.</summary>
internal sealed record BoundContains(BoundNode List, BoundNode Value) : BoundNode(VType.Bool)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitContains(this);
}

/// <summary><c>known(x)</c> (<paramref name="Known"/>) or <c>missing(x)</c>.</summary>
internal sealed record BoundKnown(BoundNode Path, bool Known) : BoundNode(VType.Bool)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitKnown(this);
}

/// <summary>Whether the period of a record, or of some record of a list, overlaps a span of days.</summary>
internal sealed record BoundPeriodTest(BoundNode Subject, FactType RecordType, bool OverList, int MissingFrom, int MissingTo);

/// <summary><c>current(x[, date])</c>; <paramref name="Date"/> null is the evaluation date.</summary>
internal sealed record BoundCurrent(BoundPeriodTest Test, BoundNode? Date) : BoundNode(VType.Bool)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitCurrent(this);
}

/// <summary>
/// <c>within(x, N[, date])</c>: the date <paramref name="Subject"/> (when <paramref name="Test"/> is null) or the period
/// tested lies in the last N before the date.
/// </summary>
internal sealed record BoundWithin(BoundNode Subject, BoundPeriodTest? Test, DurationLit Span, BoundNode? Date) : BoundNode(VType.Bool)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitWithin(this);
}

/// <summary>A variable a quantifier binds: one record of its list.</summary>
internal sealed class BoundVariable(string name, FactType type, string itemName)
{
    public string Name { get; } = name;

    public FactType Type { get; } = type;

    /// <summary>The fact name of the list's records (<c>household.members[]</c>).</summary>
    public string ItemName { get; } = itemName;
}

/// <summary>
/// A quantifier over a list. <paramref name="Filter"/> is set for <c>sum</c> only (the other quantifiers fold the
/// filter into the body); <paramref name="MissingFrom"/>/<paramref name="MissingTo"/> for <c>spell</c> only.
/// </summary>
internal sealed record BoundQuantifier(
    Quantifier Kind,
    BoundVariable Variable,
    BoundNode Collection,
    BoundNode Body,
    BoundNode? Filter,
    int MissingFrom,
    int MissingTo,
    VType ResultType) : BoundNode(ResultType)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitQuantifier(this);
}

/// <summary><c>on</c>: the evaluation date.</summary>
internal sealed record BoundOn() : BoundNode(VType.Date)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitOn(this);
}

/// <summary><c>param.name</c>.</summary>
internal sealed record BoundParameter(int Slot, int Missing, VType ParameterType) : BoundNode(ParameterType)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitParameter(this);
}

/// <summary>One field read along a path, with the missing-fact ids noted when the object or the value is null.</summary>
internal sealed record BoundStep(FactField Field, int MissingObject, int MissingValue);

/// <summary>
/// A fact path: from a root of the schema (<paramref name="RootProperty"/>) or a quantifier's variable, through
/// <paramref name="Steps"/>. With no steps, <paramref name="RootMissing"/> is noted when the root is null.
/// </summary>
internal sealed record BoundPath(
    string? RootProperty,
    BoundVariable? Variable,
    FactType RootType,
    int RootMissing,
    IReadOnlyList<BoundStep> Steps,
    VType ResultType) : BoundNode(ResultType)
{
    public override T Accept<T>(BoundVisitor<T> visitor) => visitor.VisitPath(this);
}
