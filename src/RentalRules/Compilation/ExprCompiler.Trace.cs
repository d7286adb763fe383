using RentalRules.Facts;

namespace RentalRules.Compilation;

/// <summary>A part of a condition compiled on its own, for explanations: what it reads and its static type.</summary>
/// <param name="Read">Its value in a scope: a <see cref="Tri"/>, a <c>decimal?</c>, a day number (<c>int?</c>) or a string.</param>
/// <param name="Type">Its static type.</param>
internal sealed record ValueReader(Func<EvalScope, object?> Read, VType Type)
{
    /// <summary>
    /// A true/false part's truth, read without boxing it (null for a part of another type): an explanation asks each
    /// part of a condition for its truth, for every member of every household explained.
    /// </summary>
    public Func<EvalScope, Tri>? Truth { get; init; }

    /// <summary>The part's truth (unknown when it is not true/false or has no value).</summary>
    public Tri TruthIn(EvalScope scope) => Truth is { } truth ? truth(scope) : Read(scope) is Tri t ? t : Tri.Unknown;
}

internal static partial class ExprCompiler
{
    /// <summary>
    /// Compiles one closed part of a parsed condition (an operand of a comparison, a branch of an "or") to a reader of
    /// its value, so that an explanation can quote the value that decided. Null when the part is not a value on its own
    /// (it refers to a quantifier's variable, or is a list, a duration or a spell): the explanation then does without.
    /// Built only when an explanation asks for it, never on the evaluation path.
    /// </summary>
    public static ValueReader? TryBuildReader(Ast ast, CompileContext context)
    {
        try
        {
            var bound = ExprBinder.Bind(ast, context);
            if (bound.Root.Type.Kind is not (VKind.Bool or VKind.Number or VKind.Date or VKind.String))
            {
                return null;
            }

            var root = bound.Root;
            return new ValueReader(TieredLambda.Create(scope => BoundInterpreter.Value(root, scope), () => ExprEmitter.EmitBoxed(root)), root.Type)
            {
                Truth = root.Type.Kind == VKind.Bool
                    ? TieredLambda.Create(scope => BoundInterpreter.Value(root, scope) is Tri t ? t : Tri.Unknown, () => ExprEmitter.EmitCondition(root))
                    : null,
            };
        }
        catch (ExprException)
        {
            return null;
        }
    }
}
