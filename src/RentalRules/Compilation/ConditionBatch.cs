using System.Linq.Expressions;
using static System.Linq.Expressions.Expression;
using RentalRules.Facts;

namespace RentalRules.Compilation;

/// <summary>
/// Runs the conditions of a pack, compiled in chunks of <see cref="ChunkSize"/>: one delegate per chunk, a switch over
/// its conditions. A chunk's first <see cref="TieredLambda.CompileAfter"/> calls walk the bound trees
/// (<see cref="BoundInterpreter"/>); the call that reaches the threshold builds the chunk's expression tree and compiles
/// it to IL, and every later call runs that. A process that evaluates a condition a few times (a one-household check)
/// so never builds an expression tree, and a pack pays at load only for checking its conditions. Evaluating a compiled
/// condition costs what it costs in a small pack however large the pack is (a method's prologue loads every constant it
/// uses, and the JIT stops optimising huge methods), and no method ever grows near the size the runtime can compile.
/// Every condition is type-checked when it is added, so a chunk compiled later cannot fail on the pack's text.
/// Thread-safe once <see cref="Seal"/> is called: two threads may compile a chunk at once, and one result is kept.
/// </summary>
internal sealed class ConditionBatch
{
    /// <summary>Conditions per compiled method.</summary>
    internal const int ChunkSize = 16;

    private const int ChunkShift = 4;

    private readonly List<BoundNode> _pending = [];
    private BoundNode[][]? _sources;
    private Func<EvalScope, int, Tri>?[]? _compiled;
    private int[]? _calls;

    /// <summary>Adds a bound condition (of type bool); returns its index.</summary>
    public int Add(BoundNode condition)
    {
        if (_sources is not null)
        {
            throw new InvalidOperationException("The batch is already sealed.");
        }

        _pending.Add(condition);
        return _pending.Count - 1;
    }

    /// <summary>Ends adding: from now on conditions are evaluated (each chunk compiled once it is hot).</summary>
    public void Seal()
    {
        var sources = _pending.Chunk(ChunkSize).ToArray();
        _compiled = new Func<EvalScope, int, Tri>?[sources.Length];
        _calls = new int[sources.Length];
        _sources = sources;
        _pending.Clear();
    }

    public Tri Run(EvalScope scope, int index)
    {
        // Once compiled, a chunk costs one array read and one delegate call, as before it was interpreted first.
        var chunk = _compiled![index >> ChunkShift];
        return chunk is null ? NotYetCompiled(scope, index) : chunk(scope, index & (ChunkSize - 1));
    }

    private Tri NotYetCompiled(EvalScope scope, int index)
    {
        var c = index >> ChunkShift;
        if (Interlocked.Increment(ref _calls![c]) < TieredLambda.CompileAfter)
        {
            return BoundInterpreter.Condition(_sources![c][index & (ChunkSize - 1)], scope);
        }

        var made = Switch(_sources![c]).Compile();
        var chunk = Interlocked.CompareExchange(ref _compiled![c], made, null) ?? made;
        return chunk(scope, index & (ChunkSize - 1));
    }

    private static Expression<Func<EvalScope, int, Tri>> Switch(BoundNode[] conditions)
    {
        var scope = Parameter(typeof(EvalScope), "scope");
        var index = Parameter(typeof(int), "index");
        var cases = conditions.Select((condition, i) => SwitchCase(Invoke(ExprEmitter.EmitCondition(condition), scope), Constant(i))).ToArray();
        return Lambda<Func<EvalScope, int, Tri>>(Expression.Switch(typeof(Tri), index, Constant(Tri.Unknown), null, cases), scope, index);
    }
}
