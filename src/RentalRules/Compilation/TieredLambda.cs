using System.Linq.Expressions;

namespace RentalRules.Compilation;

/// <summary>
/// Runs an expression tree through the expression interpreter for its first calls and compiles it to IL only once it
/// has been called <see cref="CompileAfter"/> times. A delegate compiled from an expression tree is a dynamic method,
/// which the JIT always compiles fully optimised: for a one-household check that was most of the cost of a condition
/// or an explanation's reader, paid for a single call. The interpreter costs more per call and nothing to start, so a
/// process that evaluates a condition a few times never compiles it, and one that evaluates it many times compiles it
/// early in the run. The tree is type-checked before it gets here, so neither step can fail on the pack's text.
/// Thread-safe: two threads may compile at once, and one delegate is kept.
/// </summary>
internal static class TieredLambda
{
    /// <summary>Calls of a tree run by the interpreter before it is compiled to IL.</summary>
    internal const int CompileAfter = 64;

    /// <summary>A delegate that interprets <paramref name="lambda"/> at first and runs it compiled later.</summary>
    public static Func<T, TResult> Create<T, TResult>(Expression<Func<T, TResult>> lambda) => new Tiered1<T, TResult>(lambda).Invoke;

    /// <inheritdoc cref="Create{T, TResult}"/>
    public static Func<T1, T2, TResult> Create<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> lambda) => new Tiered2<T1, T2, TResult>(lambda).Invoke;

    /// <summary>
    /// For a caller that keeps the two delegates itself (<see cref="ConditionBatch"/>, so that a compiled chunk is one
    /// delegate call): the interpreted delegate (made once), or the compiled one, stored in <paramref name="compiled"/>,
    /// when the calls so far reach the threshold.
    /// </summary>
    internal static TDelegate Next<TDelegate>(Expression<TDelegate> lambda, ref TDelegate? interpreted, ref TDelegate? compiled, ref int calls)
        where TDelegate : Delegate
    {
        if (Interlocked.Increment(ref calls) >= CompileAfter)
        {
            var made = lambda.Compile();
            return Interlocked.CompareExchange(ref compiled, made, null) ?? made;
        }

        if (Volatile.Read(ref interpreted) is { } known)
        {
            return known;
        }

        var fresh = lambda.Compile(preferInterpretation: true);
        return Interlocked.CompareExchange(ref interpreted, fresh, null) ?? fresh;
    }

    private sealed class Tiered1<T, TResult>(Expression<Func<T, TResult>> lambda)
    {
        private Func<T, TResult>? _interpreted;
        private Func<T, TResult>? _compiled;
        private int _calls;

        public TResult Invoke(T arg) => (_compiled ?? Next(lambda, ref _interpreted, ref _compiled, ref _calls))(arg);
    }

    private sealed class Tiered2<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> lambda)
    {
        private Func<T1, T2, TResult>? _interpreted;
        private Func<T1, T2, TResult>? _compiled;
        private int _calls;

        public TResult Invoke(T1 arg1, T2 arg2) => (_compiled ?? Next(lambda, ref _interpreted, ref _compiled, ref _calls))(arg1, arg2);
    }
}
