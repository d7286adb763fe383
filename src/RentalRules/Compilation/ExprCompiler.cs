using System.Linq.Expressions;
using RentalRules.Facts;

namespace RentalRules.Compilation;

/// <summary>
/// Compiles expression text: <see cref="ExprParser"/> parses it, <see cref="ExprBinder"/> binds and type-checks it against
/// the fact schema, <see cref="ExprEmitter"/> turns the bound tree into an expression tree over <see cref="EvalScope"/>.
/// </summary>
internal static partial class ExprCompiler
{
    /// <summary>Parses, checks and compiles a condition. Throws <see cref="ExprException"/> on any problem.</summary>
    public static Func<EvalScope, Tri> CompileCondition(string text, CompileContext context)
        => Build(text, context).Compile();

    /// <summary>Parses and checks a condition and builds its expression tree, without compiling it to IL.</summary>
    public static Expression<Func<EvalScope, Tri>> Build(string text, CompileContext context)
        => ExprEmitter.EmitCondition(ExprBinder.BindCondition(text, context));

    /// <summary>Parses and checks a numeric expression (e.g. a forecast share) and builds its expression tree.</summary>
    public static Expression<Func<EvalScope, decimal?>> BuildNumber(string text, CompileContext context)
        => ExprEmitter.EmitNumber(ExprBinder.BindNumber(text, context));
}
