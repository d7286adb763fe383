using System.Linq.Expressions;
using static System.Linq.Expressions.Expression;
using RentalRules.Facts;

namespace RentalRules.Compilation;

/// <summary>
/// Compiles the conditions of a pack in chunks of <see cref="ChunkSize"/>: one delegate per chunk, a switch over its
/// conditions, made the first time one of them is evaluated (interpreted for its first calls, then compiled to IL: see
/// <see cref="TieredLambda"/>). Evaluating a condition therefore costs what it costs
/// in a small pack however large the pack is (a method's prologue loads every constant it uses, and the JIT stops
/// optimising huge methods), a pack pays at load only for checking its conditions, and no method ever grows near the
/// size the runtime can compile. Every condition is type-checked and built when it is added, so a chunk compiled later
/// cannot fail on the pack's text. Thread-safe once <see cref="Seal"/> is called: two threads may build or compile a
/// chunk at once, and one result is kept.
/// </summary>
internal sealed class ConditionBatch
{
    /// <summary>Conditions per compiled method.</summary>
    internal const int ChunkSize = 16;

    private const int ChunkShift = 4;

    private readonly List<Expression<Func<EvalScope, Tri>>> _pending = [];
    private Expression<Func<EvalScope, Tri>>[][]? _sources;
    private Expression<Func<EvalScope, int, Tri>>?[]? _switches;
    private Func<EvalScope, int, Tri>?[]? _interpreted;
    private Func<EvalScope, int, Tri>?[]? _compiled;
    private int[]? _calls;

    public int Add(Expression<Func<EvalScope, Tri>> condition)
    {
        if (_sources is not null)
        {
            throw new InvalidOperationException("The batch is already sealed.");
        }

        _pending.Add(condition);
        return _pending.Count - 1;
    }

    /// <summary>Ends adding: from now on conditions are evaluated (each chunk made on first use).</summary>
    public void Seal()
    {
        var sources = _pending.Chunk(ChunkSize).ToArray();
        _switches = new Expression<Func<EvalScope, int, Tri>>?[sources.Length];
        _interpreted = new Func<EvalScope, int, Tri>?[sources.Length];
        _compiled = new Func<EvalScope, int, Tri>?[sources.Length];
        _calls = new int[sources.Length];
        _sources = sources;
        _pending.Clear();
    }

    public Tri Run(EvalScope scope, int index)
    {
        // Once compiled, a chunk costs one array read and one delegate call, as before it was interpreted first.
        var chunk = _compiled![index >> ChunkShift] ?? NotYetCompiled(index >> ChunkShift);
        return chunk(scope, index & (ChunkSize - 1));
    }

    private Func<EvalScope, int, Tri> NotYetCompiled(int c)
    {
        var lambda = Volatile.Read(ref _switches![c]);
        if (lambda is null)
        {
            var scope = Parameter(typeof(EvalScope), "scope");
            var index = Parameter(typeof(int), "index");
            var cases = _sources![c].Select((condition, i) => SwitchCase(Invoke(condition, scope), Constant(i))).ToArray();
            var made = Lambda<Func<EvalScope, int, Tri>>(Switch(typeof(Tri), index, Constant(Tri.Unknown), null, cases), scope, index);
            lambda = Interlocked.CompareExchange(ref _switches[c], made, null) ?? made;
        }

        return TieredLambda.Next(lambda, ref _interpreted![c], ref _compiled![c], ref _calls![c]);
    }
}
