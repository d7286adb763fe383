using System.Text.Json;
using RentalRules.Packs;

namespace RentalRules.Tests.Infrastructure;

/// <summary>
/// Tiny packs for the tests of one stage: placement (a table of rules over <c>department.residents</c> into tiers
/// <c>a</c> and <c>b</c>, with a chosen hit policy) or eligibility (one tier whose flexible route requires a criteria set
/// of two member criteria). Nothing else is in them, so a failing test points at the stage it tests.
/// </summary>
public static class StagePack
{
    private static readonly object Reason = new { da = "Grund.", en = "Reason." };

    /// <summary>A placement rule of <see cref="Placement"/>: id, condition, tier.</summary>
    public sealed record Rule(string Id, string When, string Tier);

    /// <summary>A pack whose placement table is <paramref name="rules"/> under <paramref name="hitPolicy"/> (<c>first</c> or <c>unique</c>).</summary>
    public static RulePack Placement(string hitPolicy, params Rule[] rules)
        => Load(hitPolicy, rules, criteria: null);

    /// <summary>
    /// A pack with one tier <c>a</c> (every department) whose flexible route requires the set <c>tiny-set</c>: every
    /// member aged 18 or over works at least <paramref name="minHours"/> hours a week (criterion <c>tiny-work</c>),
    /// and no member has a conviction (criterion <c>tiny-clean</c>).
    /// </summary>
    public static RulePack Eligibility(int minHours = 30)
        => Load("first", [new Rule("to-a", "true", "a")], minHours);

    private static RulePack Load(string hitPolicy, Rule[] rules, int? criteria)
    {
        object Route(string tier, bool flexible) => new
        {
            requirements = flexible && criteria is not null
                ? new object[] { new { id = $"tiny-flexible-{tier}", criteriaSet = "tiny-set", clause = "§ 2", reason = Reason } }
                : [],
        };

        object Tier(string label) => new Dictionary<string, object?>
        {
            ["label"] = new { da = label, en = label },
            ["clause"] = "§ 1",
            ["municipalShare"] = "1/4",
            ["flexibleLetting"] = new { rule = "agreed", clause = "§ 2" },
            ["routes"] = new { municipal = Route(label, false), flexible = Route(label, true), waitingList = Route(label, false) },
        };

        var pack = new Dictionary<string, object?>
        {
            ["id"] = "stage",
            ["version"] = "1.0.0",
            ["title"] = "Tiny stage pack",
            ["status"] = "illustrative",
            ["clauses"] = new Dictionary<string, object> { ["§ 1"] = new { title = "Placement" }, ["§ 2"] = new { title = "Flexible letting" } },
            ["tiers"] = new Dictionary<string, object> { ["a"] = Tier("A"), ["b"] = Tier("B") },
            ["placement"] = new
            {
                hitPolicy,
                rules = rules.Select(r => new { id = r.Id, clause = "§ 1", when = r.When, tier = r.Tier, reason = Reason }).ToArray(),
            },
        };
        if (criteria is { } hours)
        {
            pack["criteriaSets"] = new Dictionary<string, object>
            {
                ["tiny-set"] = new
                {
                    title = new { da = "Kriterier", en = "Criteria" },
                    clause = "§ 2",
                    combine = "all",
                    criteria = new object[]
                    {
                        new { id = "tiny-work", clause = "§ 2", title = new { da = "Arbejde", en = "Work" }, members = new { minAge = 18 }, condition = $"any(e in member.employment: e.hoursPerWeek >= {hours})" },
                        new { id = "tiny-clean", clause = "§ 2", title = new { da = "Ingen domme", en = "No convictions" }, members = new { minAge = 0 }, condition = "count(c in member.convictions: true) = 0" },
                    },
                },
            };
        }

        var text = JsonSerializer.Serialize(pack, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        return RulePackLoader.LoadFromText(text, "stage.json").GetValueOrThrow();
    }
}
