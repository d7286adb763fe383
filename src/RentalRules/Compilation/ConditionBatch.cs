using System.Linq.Expressions;
using static System.Linq.Expressions.Expression;

namespace RentalRules.Compilation;

/// <summary>
/// Compiles every condition of a pack into one delegate (a switch over the condition's index), so that loading a pack
/// pays the cost of emitting and compiling IL once rather than once per condition. Immutable once compiled.
/// </summary>
internal sealed class ConditionBatch
{
    private readonly List<Expression<Func<EvalScope, Tri>>> _pending = [];
    private Func<EvalScope, int, Tri>? _all;

    public int Add(Expression<Func<EvalScope, Tri>> condition)
    {
        if (_all is not null)
        {
            throw new InvalidOperationException("The batch is already compiled.");
        }

        _pending.Add(condition);
        return _pending.Count - 1;
    }

    public void Compile()
    {
        var scope = Parameter(typeof(EvalScope), "scope");
        var index = Parameter(typeof(int), "index");
        var cases = _pending.Select((c, i) => SwitchCase(Invoke(c, scope), Constant(i))).ToArray();
        var body = cases.Length == 0 ? (Expression)Constant(Tri.Unknown) : Switch(typeof(Tri), index, Constant(Tri.Unknown), null, cases);
        _all = Lambda<Func<EvalScope, int, Tri>>(body, scope, index).Compile();
        _pending.Clear();
    }

    public Tri Run(EvalScope scope, int index) => _all!(scope, index);
}
