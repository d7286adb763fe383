using System.Diagnostics.CodeAnalysis;
using RentalRules.Packs;

namespace RentalRules.Hosting.Packs;

/// <summary>
/// Serves the loaded rule packs and selects the one in force for a municipality on a date, so that an agreement's
/// successor can be installed before it takes effect. Implementations swap their whole set of packs at once
/// (<see cref="Current"/>): take the pack once per evaluation and use that instance throughout, and an evaluation never
/// sees half of an old and half of a new pack. Thread-safe.
/// </summary>
public interface IRulePackProvider
{
    /// <summary>The set of packs served now: an immutable snapshot, replaced as a whole when packs change.</summary>
    RulePackSet Current { get; }

    /// <summary>Every pack file with the pack served from it and the diagnostics of its latest load (same as <c>Current.Packs</c>).</summary>
    IReadOnlyList<LoadedPack> Packs { get; }

    /// <summary>
    /// The pack files not served as they are, with the diagnostics of their latest load (same as
    /// <c>Current.Invalid</c>, see <see cref="RulePackSet.Invalid"/>): empty when every file is in service.
    /// </summary>
    IReadOnlyList<LoadedPack> Invalid => Current.Invalid;

    /// <summary>The pack in force for a municipality on a date (see <see cref="RulePackSet.TryGetPack"/> for the rule).</summary>
    /// <param name="municipality">The municipality, as the pack names it (case-insensitive), e.g. <c>Holbæk</c>.</param>
    /// <param name="on">The evaluation date.</param>
    /// <returns>The pack.</returns>
    /// <exception cref="RulePackNotFoundException">No pack covers the municipality on that date.</exception>
    RulePack GetPack(string municipality, DateOnly on);

    /// <summary>The pack in force for a municipality on a date, if there is one.</summary>
    /// <param name="municipality">The municipality, as the pack names it (case-insensitive).</param>
    /// <param name="on">The evaluation date.</param>
    /// <param name="pack">The pack, or <c>null</c>.</param>
    /// <returns>Whether a pack covers the municipality on that date.</returns>
    bool TryGetPack(string municipality, DateOnly on, [NotNullWhen(true)] out RulePack? pack);

    /// <summary>
    /// Reads the pack folder again now: every changed pack is validated completely and replaces the old one only if it
    /// is valid; an invalid one leaves the old one in service, and the diagnostics are logged and listed in
    /// <see cref="Packs"/> and <see cref="RulePackSet.Invalid"/>. A file that fails to load, even by an exception out of
    /// the loader, is that file's diagnostics: it never stops the other packs from being served. Blocks until the new
    /// set is in place.
    /// </summary>
    /// <returns>The set now served.</returns>
    RulePackSet Reload();
}
