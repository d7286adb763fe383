using System.Collections.Concurrent;
using RentalRules.Authoring;
using RentalRules.Facts;

namespace RentalRules.Packs;

// The value traces of the pack's criteria: built the first time a check asks for explanations, then shared.
public sealed partial class RulePack
{
    private readonly ConcurrentDictionary<Condition, ValueTrace?> _traces = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _traceBuild = new();

    /// <summary>What decided a criterion's condition in the scope, with the values compared (see <see cref="ValueTrace"/>).</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="memberInScope">Whether it is evaluated per member.</param>
    /// <param name="scope">The scope it was evaluated in.</param>
    /// <returns>The words, or null when nothing can be said.</returns>
    internal LocalizedText? ExplainValues(Condition condition, bool memberInScope, EvalScope scope) => TraceOf(condition, memberInScope)?.Explain(scope);

    /// <summary>
    /// The trace of a criterion's condition (null when it cannot be traced). Compiled under a lock: the parts of a
    /// condition read only fact names its whole already registered at load, and this keeps it so under any use.
    /// </summary>
    private ValueTrace? TraceOf(Condition condition, bool memberInScope)
    {
        return _traces.TryGetValue(condition, out var trace) ? trace : BuildTrace(condition, memberInScope);
    }

    /// <summary>
    /// Builds a trace the first time it is asked for: on its own, so that the closure it makes is not made on every
    /// explanation (a lambda's captured parameter is allocated where the method starts).
    /// </summary>
    private ValueTrace? BuildTrace(Condition condition, bool memberInScope)
    {
        lock (_traceBuild)
        {
            return _traces.GetOrAdd(condition, c => ValueTrace.Build(this, c.Text, memberInScope));
        }
    }
}
