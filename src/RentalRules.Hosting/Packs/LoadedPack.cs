using RentalRules.Diagnostics;
using RentalRules.Packs;

namespace RentalRules.Hosting.Packs;

/// <summary>One pack file as the provider holds it. Immutable and thread-safe.</summary>
public sealed record LoadedPack
{
    internal LoadedPack(string File, RulePack? Pack, IReadOnlyList<Diagnostic> Diagnostics, bool Stale, DateTimeOffset? LoadedAt)
    {
        this.File = File;
        this.Pack = Pack;
        this.Diagnostics = Diagnostics;
        this.Stale = Stale;
        this.LoadedAt = LoadedAt;
    }

    /// <summary>The file name in the pack folder, e.g. <c>holbaek-2024.json</c>.</summary>
    public string File { get; internal init; }

    /// <summary>The pack served from the file: the latest valid version of it, or <c>null</c> when the file has never been valid.</summary>
    public RulePack? Pack { get; internal init; }

    /// <summary>The diagnostics of the latest load of the file (errors when it is invalid, warnings otherwise).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; internal init; }

    /// <summary><c>true</c> when the file's current content is invalid and <see cref="Pack"/> is the previous valid version, still in service.</summary>
    public bool Stale { get; internal init; }

    /// <summary>When <see cref="Pack"/> was loaded, by the evaluation clock; <c>null</c> without a pack.</summary>
    public DateTimeOffset? LoadedAt { get; internal init; }

    /// <summary>Whether the file's latest content is a valid pack (in service).</summary>
    public bool Valid => Pack is not null && !Stale;
}
