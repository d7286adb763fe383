using System.Linq.Expressions;

namespace RentalRules.Compilation;

/// <summary>
/// Runs a delegate that walks a bound tree (<see cref="BoundInterpreter"/>) for its first calls, and builds the same
/// function's expression tree and compiles it to IL only once it has been called <see cref="CompileAfter"/> times.
/// Building an expression tree is reflection the runtime cannot precompile, and a delegate compiled from one is a
/// dynamic method the JIT always compiles fully optimised: for a one-household check that was most of the cost of a
/// condition or an explanation's reader, paid for a single call. The walk costs more per call and nothing to start, so
/// a process that evaluates a condition a few times never builds its tree, and one that evaluates it many times
/// compiles it early in the run. The tree is type-checked before it gets here, so neither step can fail on the pack's
/// text. Thread-safe: two threads may compile at once, and one delegate is kept.
/// </summary>
internal static class TieredLambda
{
    /// <summary>Calls of a function run by the interpreter before it is compiled to IL.</summary>
    internal const int CompileAfter = 64;

    /// <summary>A delegate that runs <paramref name="interpret"/> at first and the compiled <paramref name="build"/> later.</summary>
    public static Func<T, TResult> Create<T, TResult>(Func<T, TResult> interpret, Func<Expression<Func<T, TResult>>> build)
        => new Tiered1<T, TResult>(interpret, build).Invoke;

    /// <inheritdoc cref="Create{T, TResult}"/>
    public static Func<T1, T2, TResult> Create<T1, T2, TResult>(Func<T1, T2, TResult> interpret, Func<Expression<Func<T1, T2, TResult>>> build)
        => new Tiered2<T1, T2, TResult>(interpret, build).Invoke;

    /// <summary>The delegate for this call: <paramref name="interpret"/>, or the compiled one once the calls reach the threshold.</summary>
    private static TDelegate Next<TDelegate>(TDelegate interpret, Func<Expression<TDelegate>> build, ref TDelegate? compiled, ref int calls)
        where TDelegate : Delegate
    {
        if (Interlocked.Increment(ref calls) < CompileAfter)
        {
            return interpret;
        }

        var made = build().Compile();
        return Interlocked.CompareExchange(ref compiled, made, null) ?? made;
    }

    private sealed class Tiered1<T, TResult>(Func<T, TResult> interpret, Func<Expression<Func<T, TResult>>> build)
    {
        private Func<T, TResult>? _compiled;
        private int _calls;

        public TResult Invoke(T arg) => (_compiled ?? Next(interpret, build, ref _compiled, ref _calls))(arg);
    }

    private sealed class Tiered2<T1, T2, TResult>(Func<T1, T2, TResult> interpret, Func<Expression<Func<T1, T2, TResult>>> build)
    {
        private Func<T1, T2, TResult>? _compiled;
        private int _calls;

        public TResult Invoke(T1 arg1, T2 arg2) => (_compiled ?? Next(interpret, build, ref _compiled, ref _calls))(arg1, arg2);
    }
}
