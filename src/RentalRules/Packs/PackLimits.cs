using System.Globalization;
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

    public static Diagnostic TooManyBytes(string file, long bytes)
        => new(
            Severity.Error,
            DiagnosticCodes.LimitExceeded,
            $"The pack file has {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes; a pack file may have at most {MaxBytes.ToString("N0", CultureInfo.InvariantCulture)}.",
            new SourceLocation(file, "$", 1, 1),
            "Split the agreement into packs that extend each other, or check that this is a pack file.");

    public static Diagnostic TooManyRules(SourceLocation at, int rules)
        => new(
            Severity.Error,
            DiagnosticCodes.LimitExceeded,
            $"The pack has {rules.ToString("N0", CultureInfo.InvariantCulture)} rules (placement rules, requirements, criteria, routing rules and marks); a pack may have at most {MaxRules.ToString("N0", CultureInfo.InvariantCulture)}.",
            at,
            "An agreement needs far fewer: check for generated or repeated rules.");

    public static Diagnostic TooManyConditions(SourceLocation at)
        => new(
            Severity.Error,
            DiagnosticCodes.LimitExceeded,
            $"This condition is one more than a pack may have ({MaxConditions.ToString("N0", CultureInfo.InvariantCulture)}); the rest of the pack's conditions are not compiled.",
            at,
            "An agreement needs far fewer: check for generated or repeated rules.");
}
