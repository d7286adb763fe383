using System.Diagnostics.CodeAnalysis;
using RentalRules.Packs;

namespace RentalRules.Hosting.Packs;

/// <summary>
/// An immutable snapshot of the packs a provider serves, with the index that selects a pack by municipality and date.
/// A provider replaces its snapshot as a whole. Thread-safe (immutable).
/// </summary>
public sealed class RulePackSet
{
    private readonly IReadOnlyDictionary<string, RulePack[]> _byMunicipality;

    internal RulePackSet(long generation, DateTimeOffset loadedAt, IReadOnlyList<LoadedPack> packs, bool includeDrafts)
    {
        Generation = generation;
        LoadedAt = loadedAt;
        Packs = packs;
        Invalid = packs.Where(p => !p.Valid).ToList();
        _byMunicipality = packs
            .Select(p => p.Pack)
            .OfType<RulePack>()
            .Where(p => IsSelectable(p, includeDrafts))
            .GroupBy(p => Key(p.Municipality!), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(p => p.ValidFrom ?? DateOnly.MinValue).ThenBy(p => p.Id, StringComparer.Ordinal).ToArray(),
                StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>An empty set.</summary>
    public static RulePackSet Empty { get; } = new(0, DateTimeOffset.MinValue, [], includeDrafts: false);

    /// <summary>Counts the sets a provider has served: 1 for the first load, one more for every set that replaced it.</summary>
    public long Generation { get; }

    /// <summary>When the set was put in service, by the evaluation clock.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Every pack file, ordered by file name, with the pack served from it and its latest diagnostics.</summary>
    public IReadOnlyList<LoadedPack> Packs { get; }

    /// <summary>
    /// The files whose latest content is not in service, ordered by file name: those that never loaded (no pack is
    /// served from them) and those whose previous valid version still serves (<see cref="LoadedPack.Stale"/>). Each
    /// carries the diagnostics of its latest load (code, message, file, JSON path, line and column, hint). Empty when
    /// every file is served as it is.
    /// </summary>
    public IReadOnlyList<LoadedPack> Invalid { get; }

    /// <summary>
    /// The pack in force for a municipality on a date: among the packs of that municipality (statutory or signed, and
    /// drafts if the provider includes them) whose <c>validFrom</c>–<c>validTo</c> covers the date (a missing bound is
    /// open), the one that took effect last. So a successor agreement can be installed ahead of time: it answers from its
    /// <c>validFrom</c> on, and its predecessor until then.
    /// </summary>
    /// <param name="municipality">The municipality, as the pack names it (case-insensitive, surrounding spaces ignored).</param>
    /// <param name="on">The evaluation date.</param>
    /// <param name="pack">The pack, or <c>null</c>.</param>
    /// <returns>Whether a pack covers the municipality on that date.</returns>
    public bool TryGetPack(string municipality, DateOnly on, [NotNullWhen(true)] out RulePack? pack)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        if (_byMunicipality.TryGetValue(Key(municipality), out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (Covers(candidate, on))
                {
                    pack = candidate;
                    return true;
                }
            }
        }

        pack = null;
        return false;
    }

    /// <summary>The pack in force for a municipality on a date (see <see cref="TryGetPack"/>).</summary>
    /// <param name="municipality">The municipality.</param>
    /// <param name="on">The evaluation date.</param>
    /// <returns>The pack.</returns>
    /// <exception cref="RulePackNotFoundException">No pack covers the municipality on that date.</exception>
    public RulePack GetPack(string municipality, DateOnly on)
        => TryGetPack(municipality, on, out var pack) ? pack : throw new RulePackNotFoundException(municipality, on);

    internal static bool IsSelectable(RulePack pack, bool includeDrafts)
        => !string.IsNullOrWhiteSpace(pack.Municipality) && (includeDrafts || pack.Status is "signed" or "statutory");

    internal static bool Covers(RulePack pack, DateOnly on)
        => (pack.ValidFrom is not { } from || from <= on) && (pack.ValidTo is not { } to || on <= to);

    private static string Key(string municipality) => municipality.Trim();
}
