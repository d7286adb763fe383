using System.Collections.Concurrent;
using System.Text.Json;
using RentalRules.Packs;

namespace RentalRules.Tests.Infrastructure;

/// <summary>
/// A tiny, self-contained pack for routing tests: departments with fewer than 1 000 residents are in tier <c>a</c>,
/// the others in tier <c>b</c>; family vacancies are counted in the counter <c>family</c> with the tier's share, youth
/// vacancies with a fixed share of 1/2, and nothing else is covered. Loaded with <see cref="RulePackLoader.LoadFromText"/>,
/// so the whole path from pack text to decision is exercised. Packs are cached by their text.
/// </summary>
public static class TinyPack
{
    private static readonly ConcurrentDictionary<string, RulePack> Cache = new(StringComparer.Ordinal);

    /// <summary>Residents of a department in tier <c>a</c>.</summary>
    public const int TierA = 500;

    /// <summary>Residents of a department in tier <c>b</c>.</summary>
    public const int TierB = 1500;

    /// <summary>The pack's text.</summary>
    /// <param name="shareA">Tier a's municipal share, e.g. <c>"1/3"</c>.</param>
    /// <param name="shareB">Tier b's municipal share.</param>
    /// <param name="onTierChange"><c>null</c> for no policy, or <c>"carry"</c> / <c>"keep"</c>.</param>
    /// <param name="flexibleRule">Both tiers' flexible-letting rule.</param>
    /// <param name="specialShare">Tier a's special-criteria share, or <c>null</c>.</param>
    public static string Text(string shareA, string shareB = "1/6", string? onTierChange = "carry", string flexibleRule = "agreed", string? specialShare = null)
    {
        object Tier(string label, string share, string? special) => new Dictionary<string, object?>
        {
            ["label"] = new { da = label, en = label },
            ["clause"] = "§ 1",
            ["municipalShare"] = share,
            ["flexibleLetting"] = new { rule = flexibleRule, clause = "§ 2" },
            ["specialCriteria"] = special is null ? null : new { share = special, criteriaSet = "tiny-special", clause = "§ 3" },
            ["routes"] = new
            {
                municipal = new { requirements = Array.Empty<object>() },
                flexible = new { requirements = Array.Empty<object>() },
                waitingList = new { requirements = Array.Empty<object>() },
            },
        };

        var reason = new { da = "Grund.", en = "Reason." };
        var pack = new Dictionary<string, object?>
        {
            ["id"] = "tiny",
            ["version"] = "1.0.0",
            ["title"] = "Tiny routing pack",
            ["status"] = "illustrative",
            ["clauses"] = new Dictionary<string, object>
            {
                ["§ 1"] = new { title = "Counting" },
                ["§ 2"] = new { title = "Flexible letting" },
                ["§ 3"] = new { title = "Special criteria" },
                ["§ 4"] = new { title = "Tier change" },
            },
            ["tiers"] = new Dictionary<string, object>
            {
                ["a"] = Tier("A", shareA, specialShare),
                ["b"] = Tier("B", shareB, null),
            },
            ["placement"] = new
            {
                hitPolicy = "first",
                rules = new object[]
                {
                    new { id = "to-a", clause = "§ 1", when = "department.residents < 1000", tier = "a", reason },
                    new { id = "to-b", clause = "§ 1", when = "department.residents >= 1000", tier = "b", reason },
                },
            },
            ["criteriaSets"] = new Dictionary<string, object>
            {
                ["tiny-special"] = new
                {
                    title = new { da = "Særlige", en = "Special" },
                    clause = "§ 3",
                    combine = "all",
                    criteria = new object[] { new { id = "tiny-special-1", clause = "§ 3", title = new { da = "Altid", en = "Always" }, condition = "true" } },
                },
            },
            ["routing"] = new Dictionary<string, object?>
            {
                ["onTierChange"] = onTierChange is null ? null : new { counters = onTierChange, clause = "§ 4", reason = new { da = "Ny tier.", en = "New tier." } },
                ["rules"] = new object[]
                {
                    new { id = "tiny-family", clause = "§ 1", when = "vacancy.category = 'family'", counter = "family", share = "tier", reason },
                    new { id = "tiny-youth", clause = "§ 1", when = "vacancy.category = 'youth'", counter = "youth", share = "1/2", reason },
                },
            },
        };
        return JsonSerializer.Serialize(pack, new JsonSerializerOptions { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
    }

    /// <summary>The pack loaded from <see cref="Text"/>; fails with every diagnostic when it does not load.</summary>
    public static RulePack Load(string shareA, string shareB = "1/6", string? onTierChange = "carry", string flexibleRule = "agreed", string? specialShare = null)
        => Cache.GetOrAdd(
            Text(shareA, shareB, onTierChange, flexibleRule, specialShare),
            text => RulePackLoader.LoadFromText(text, "tiny.json").GetValueOrThrow());
}
