using System.Linq.Expressions;
using static System.Linq.Expressions.Expression;

namespace RentalRules.Compilation;

/// <summary>
/// Compiles the conditions of a pack into a few delegates (each a switch over the condition's index within a chunk),
/// so that loading a pack pays the cost of emitting and compiling IL once per chunk rather than once per condition.
/// Chunks stay small because the JIT stops optimising very large methods: one delegate for a pack of a thousand rules
/// would make every condition of it slower, and evaluation cost must follow the rules evaluated, not the pack's size.
/// Immutable once compiled.
/// </summary>
internal sealed class ConditionBatch
{
    /// <summary>Conditions per delegate (a power of two).</summary>
    private const int ChunkBits = 5;

    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<Expression<Func<EvalScope, Tri>>> _pending = [];
    private Func<EvalScope, int, Tri>[]? _chunks;

    public int Add(Expression<Func<EvalScope, Tri>> condition)
    {
        if (_chunks is not null)
        {
            throw new InvalidOperationException("The batch is already compiled.");
        }

        _pending.Add(condition);
        return _pending.Count - 1;
    }

    public void Compile()
    {
        var chunks = new Func<EvalScope, int, Tri>[Math.Max(1, (_pending.Count + ChunkSize - 1) / ChunkSize)];
        for (var c = 0; c < chunks.Length; c++)
        {
            var scope = Parameter(typeof(EvalScope), "scope");
            var index = Parameter(typeof(int), "index");
            var cases = _pending.Skip(c * ChunkSize).Take(ChunkSize).Select((e, i) => SwitchCase(Invoke(e, scope), Constant(i))).ToArray();
            var body = cases.Length == 0 ? (Expression)Constant(Tri.Unknown) : Switch(typeof(Tri), index, Constant(Tri.Unknown), null, cases);
            chunks[c] = Lambda<Func<EvalScope, int, Tri>>(body, scope, index).Compile();
        }

        _chunks = chunks;
        _pending.Clear();
    }

    public Tri Run(EvalScope scope, int index) => _chunks![index >> ChunkBits](scope, index & (ChunkSize - 1));
}
