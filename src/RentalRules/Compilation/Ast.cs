namespace RentalRules.Compilation;

/// <summary>The syntax tree of a condition expression. <c>Pos</c> is the character offset in the source text.</summary>
internal abstract record Ast(int Pos);

internal sealed record NumberLit(decimal Value, string Text, int Pos) : Ast(Pos);

internal sealed record StringLit(string Value, int Pos) : Ast(Pos);

internal sealed record BoolLit(bool Value, int Pos) : Ast(Pos);

/// <summary>A duration: <c>2 years</c>, <c>6 months</c>, <c>30 days</c>; <c>6 calendar months</c> (whole calendar months) only measures a spell.</summary>
internal sealed record DurationLit(int Years, int Months, int Days, int Pos, bool Calendar = false) : Ast(Pos);

internal sealed record ListLit(IReadOnlyList<Ast> Items, int Pos) : Ast(Pos);

internal sealed record PathExpr(IReadOnlyList<(string Name, int Pos)> Segments, int Pos) : Ast(Pos)
{
    public string Text => string.Join(".", Segments.Select(s => s.Name));
}

internal sealed record UnaryExpr(string Op, Ast Operand, int Pos) : Ast(Pos);

internal sealed record BinaryExpr(string Op, Ast Left, Ast Right, int Pos) : Ast(Pos);

internal sealed record CallExpr(string Name, IReadOnlyList<Ast> Args, int Pos) : Ast(Pos);

/// <summary><c>any|all|count|spell|sum(Variable in Collection [where Filter]: Body)</c>.</summary>
internal sealed record QuantExpr(string Kind, string Variable, PathExpr Collection, Ast Body, int Pos, Ast? Filter = null) : Ast(Pos);

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
