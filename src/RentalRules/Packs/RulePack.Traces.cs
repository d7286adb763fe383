using System.Collections.Concurrent;
using RentalRules.Explanations;

namespace RentalRules.Packs;

// The value traces of the pack's criteria: built the first time a check asks for explanations, then shared.
public sealed partial class RulePack
{
    private readonly ConcurrentDictionary<Condition, ValueTrace?> _traces = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _traceBuild = new();

    /// <summary>
    /// The trace of a criterion's condition (null when it cannot be traced). Compiled under a lock: the parts of a
    /// condition read only fact names its whole already registered at load, and this keeps it so under any use.
    /// </summary>
    internal ValueTrace? TraceOf(Condition condition, bool memberInScope)
    {
        if (_traces.TryGetValue(condition, out var trace))
        {
            return trace;
        }

        lock (_traceBuild)
        {
            return _traces.GetOrAdd(condition, c => ValueTrace.Build(this, c.Text, memberInScope));
        }
    }
}
