using RentalRules.Diagnostics;

namespace RentalRules.Packs;

/// <summary>
/// The largest pack the loader accepts (docs/pack-format.md, Limits). Beyond them a pack is refused with a located
/// <see cref="DiagnosticCodes.LimitExceeded"/> error before the work that grows with its size (compiling, analysing),
/// so a hostile or runaway pack costs a bounded amount of time and memory. The shipped packs are far below every limit
/// (the largest is 28 KB, with under 100 rules).
/// </summary>
internal static class PackLimits
{
    /// <summary>Bytes of one pack file (UTF-8).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>Rules of a composed pack: placement rules, requirements, criteria, routing rules and marks together.</summary>
    public const int MaxRules = 10_000;

    /// <summary>Conditions (<c>when</c> and <c>condition</c> texts) of a composed pack.</summary>
    public const int MaxConditions = 10_000;
}
