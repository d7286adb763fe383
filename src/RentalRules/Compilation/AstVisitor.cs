namespace RentalRules.Compilation;

/// <summary>
/// A walk over the syntax tree of a condition (<see cref="Ast"/>): one method per node type, and no default, so that a
/// new node type is a compile error in every walk (the binder, the conditions in words, the value traces) instead of a
/// silent fall-through at run time. <see cref="Visit"/> dispatches by the node's type (<see cref="Ast.Accept{T}"/>).
/// </summary>
/// <typeparam name="T">What the walk makes of a node.</typeparam>
internal abstract class AstVisitor<T>
{
    /// <summary>The walk's result for <paramref name="ast"/>, by its type.</summary>
    public virtual T Visit(Ast ast) => ast.Accept(this);

    /// <summary>A number literal: <c>30</c>, <c>0.25</c>.</summary>
    public abstract T VisitNumber(NumberLit number);

    /// <summary>A text literal: <c>'penalCode'</c>.</summary>
    public abstract T VisitString(StringLit text);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public abstract T VisitBool(BoolLit value);

    /// <summary>A duration: <c>2 years</c>, <c>6 calendar months</c>.</summary>
    public abstract T VisitDuration(DurationLit duration);

    /// <summary>A list of literals: <c>['a', 'b']</c> (only the right side of <c>in</c>).</summary>
    public abstract T VisitList(ListLit list);

    /// <summary>A name: a fact path, <c>param.x</c>, <c>on</c> or a quantifier's variable.</summary>
    public abstract T VisitPath(PathExpr path);

    /// <summary><c>not x</c>, <c>-x</c>.</summary>
    public abstract T VisitUnary(UnaryExpr unary);

    /// <summary>A binary operator: comparisons, <c>and</c>, <c>or</c>, <c>in</c>, arithmetic.</summary>
    public abstract T VisitBinary(BinaryExpr binary);

    /// <summary>A function: <c>known</c>, <c>missing</c>, <c>date</c>, <c>current</c>, <c>within</c>.</summary>
    public abstract T VisitCall(CallExpr call);

    /// <summary><c>any|all|count|spell|sum(x in list [where f]: body)</c>.</summary>
    public abstract T VisitQuantifier(QuantExpr quantifier);
}
