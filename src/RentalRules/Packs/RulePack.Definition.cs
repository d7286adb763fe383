using RentalRules.Model;

namespace RentalRules.Packs;

// The definition a pack was compiled from.
public sealed partial class RulePack
{
    /// <summary>The (composed) pack as read, before compilation: what comparison diffs and the writer writes.</summary>
    internal PackDefinition? Definition { get; init; }
}
