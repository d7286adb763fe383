namespace RentalRules.Compilation;

/// <summary>The syntax tree of a condition expression. <c>Pos</c> is the character offset in the source text.</summary>
internal abstract record Ast(int Pos)
{
    /// <summary>Calls the method of <paramref name="visitor"/> for this node's type (<see cref="AstVisitor{T}"/>).</summary>
    public abstract T Accept<T>(AstVisitor<T> visitor);
}

internal sealed record NumberLit(decimal Value, string Text, int Pos) : Ast(Pos)
{
    public override T Accept<T>(AstVisitor<T> visitor) => visitor.VisitNumber(this);
}

internal sealed record StringLit(string Value, int Pos) : Ast(Pos)
{
    public override T Accept<T>(AstVisitor<T> visitor) => visitor.VisitString(this);
}

internal sealed record BoolLit(bool Value, int Pos) : Ast(Pos)
{
    public override T Accept<T>(AstVisitor<T> visitor) => visitor.VisitBool(this);
}

/// <summary>A duration: <c>2 years</c>, <c>6 months</c>, <c>30 days</c>; <c>6 calendar months</c> (whole calendar months) only measures a spell.</summary>
internal sealed record DurationLit(int Years, int Months, int Days, int Pos, bool Calendar = false) : Ast(Pos)
{
    public override T Accept<T>(AstVisitor<T> visitor) => visitor.VisitDuration(this);
}

internal sealed record ListLit(IReadOnlyList<Ast> Items, int Pos) : Ast(Pos)
{
    public override T Accept<T>(AstVisitor<T> visitor) => visitor.VisitList(this);
}

internal sealed record PathExpr(IReadOnlyList<(string Name, int Pos)> Segments, int Pos) : Ast(Pos)
{
    public override T Accept<T>(AstVisitor<T> visitor) => visitor.VisitPath(this);

    public string Text => string.Join(".", Segments.Select(s => s.Name));
}

internal sealed record UnaryExpr(UnaryOp Op, Ast Operand, int Pos) : Ast(Pos)
{
    public override T Accept<T>(AstVisitor<T> visitor) => visitor.VisitUnary(this);
}

internal sealed record BinaryExpr(BinaryOp Op, Ast Left, Ast Right, int Pos) : Ast(Pos)
{
    public override T Accept<T>(AstVisitor<T> visitor) => visitor.VisitBinary(this);

    /// <summary>The operator as the expression spells it (for messages).</summary>
    public string Symbol => Operators.Spelling(Op);
}

internal sealed record CallExpr(string Name, IReadOnlyList<Ast> Args, int Pos) : Ast(Pos)
{
    public override T Accept<T>(AstVisitor<T> visitor) => visitor.VisitCall(this);
}

/// <summary><c>any|all|count|spell|sum(Variable in Collection [where Filter]: Body)</c>.</summary>
internal sealed record QuantExpr(Quantifier Kind, string Variable, PathExpr Collection, Ast Body, int Pos, Ast? Filter = null) : Ast(Pos)
{
    public override T Accept<T>(AstVisitor<T> visitor) => visitor.VisitQuantifier(this);

    /// <summary>The quantifier's name as the expression spells it (for messages).</summary>
    public string Name => EnumNames<Quantifier>.Name(Kind);
}

/// <summary>A unary operator: <c>not</c>, <c>-</c>.</summary>
internal enum UnaryOp
{
    Not,
    Negate,
}

/// <summary>A binary operator; the comparisons come first, in the order the runtime's comparison takes them.</summary>
internal enum BinaryOp
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
    In,
    Add,
    Subtract,
    Multiply,
    Divide,
}

/// <summary>A quantifier over a list (its name is the camelCase name: <c>any</c>, <c>all</c>, <c>count</c>, <c>spell</c>, <c>sum</c>).</summary>
internal enum Quantifier
{
    Any,
    All,
    Count,
    Spell,
    Sum,
}

/// <summary>The one table of operator spellings, read by the parser and by messages.</summary>
internal static class Operators
{
    private static readonly string[] Spellings = ["=", "!=", "<", "<=", ">", ">=", "and", "or", "in", "+", "-", "*", "/"];

    public static string Spelling(BinaryOp op) => Spellings[(int)op];

    /// <summary>The operator a symbol or keyword spells (the parser only asks for ones it has matched).</summary>
    public static BinaryOp Binary(string spelling) => (BinaryOp)Array.IndexOf(Spellings, spelling);

    /// <summary>Whether the operator is a comparison (its value is then the runtime's comparison index).</summary>
    public static bool IsComparison(BinaryOp op) => op <= BinaryOp.GreaterOrEqual;
}

/// <summary>A problem in an expression, at a character offset: a descriptor and its arguments.</summary>
internal sealed record ExprError(int Pos, RentalRules.Diagnostics.DiagnosticDescriptor Descriptor, params object?[] Args)
{
    public string Code => Descriptor.Code;

    public string Message => Descriptor.MessageOf(Args);

    public string Hint => Descriptor.HintOf(Args);

    /// <summary>The diagnostic for the expression <paramref name="text"/> at <paramref name="at"/>.</summary>
    public RentalRules.Diagnostics.Diagnostic In(string text, RentalRules.SourceLocation at) => Descriptor.InExpression(at, text, Args);
}

internal sealed class ExprException(ExprError error) : Exception(error.Message)
{
    public ExprError Error { get; } = error;
}
