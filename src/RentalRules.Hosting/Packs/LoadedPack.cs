using RentalRules.Diagnostics;
using RentalRules.Packs;

namespace RentalRules.Hosting.Packs;

/// <summary>One pack file as the provider holds it. Immutable and thread-safe.</summary>
/// <param name="File">The file name in the pack folder, e.g. <c>holbaek-2024.json</c>.</param>
/// <param name="Pack">
/// The pack served from the file: the latest valid version of it, or <c>null</c> when the file has never been valid.
/// </param>
/// <param name="Diagnostics">The diagnostics of the latest load of the file (errors when it is invalid, warnings otherwise).</param>
/// <param name="Stale">
/// <c>true</c> when the file's current content is invalid and <paramref name="Pack"/> is the previous valid version,
/// still in service.
/// </param>
/// <param name="LoadedAt">When <paramref name="Pack"/> was loaded, by the evaluation clock; <c>null</c> without a pack.</param>
public sealed record LoadedPack(string File, RulePack? Pack, IReadOnlyList<Diagnostic> Diagnostics, bool Stale, DateTimeOffset? LoadedAt)
{
    /// <summary>Whether the file's latest content is a valid pack (in service).</summary>
    public bool Valid => Pack is not null && !Stale;
}
