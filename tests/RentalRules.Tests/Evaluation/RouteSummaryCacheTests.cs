using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Tests.Evaluation;

/// <summary>
/// A placement's route summaries (which criteria sets each route asks for) are cached per pack. The cache must be keyed
/// by everything they depend on, so that a department's result never depends on which departments were placed before
/// it. The pack here has more conditional requirements (20) than any shipped one, each asking for its own criteria set
/// when the department has exactly that many dwellings.
/// </summary>
public sealed class RouteSummaryCacheTests
{
    private const int Requirements = 20;

    private static readonly string PackText = BuildPack();

    /// <summary>Departments with 0–24 dwellings (some above every requirement) or unknown dwellings.</summary>
    private static readonly Gen<Department> Departments =
        from dwellings in Gen.Frequency((8, Gen.Choose(0, Requirements + 4).Select(d => (int?)d)), (1, Gen.Constant((int?)null)))
        select new Department { Id = $"D-{dwellings?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}", Dwellings = dwellings };

    [Property(MaxTest = 200, Replay = "(3141592653,2718281829)")]
    public Property Place_DepartmentsInAnyOrder_GiveEachTheResultItHasAlone()
        => Prop.ForAll(
            Arb.From(
                from n in Gen.Choose(1, 30)
                from departments in Gen.ListOf(Departments, n)
                from order in Gen.Shuffle(departments.ToArray())
                select order),
            order =>
            {
                var shared = Load();
                foreach (var department in order)
                {
                    var together = Describe(shared.Place(new PlacementRequest(department, On)));
                    var alone = Describe(Load().Place(new PlacementRequest(department, On)));
                    Assert.Equal(alone, together);
                }
            });

    [Fact]
    public void Place_TheSixteenthConditionalRequirement_AsksForItsOwnCriteriaSetAfterTheFirstWasCached()
    {
        // Before the fix, a 2-bit field per requirement wrapped after 15: dwellings 0 and 15 shared a cache entry.
        var pack = Load();
        pack.Place(new PlacementRequest(new Department { Id = "zero", Dwellings = 0 }, On));

        var sixteenth = pack.Place(new PlacementRequest(new Department { Id = "fifteen", Dwellings = 15 }, On));

        Assert.Equal(["set-15"], sixteenth.Routes[LettingRoute.WaitingList].CriteriaSets);
    }

    private static readonly DateOnly On = new(2025, 3, 1);

    private static RulePack Load() => RulePackLoader.LoadFromText(PackText, "many-requirements.json").GetValueOrThrow();

    private static string Describe(PlacementResult r)
        => $"{r.Outcome} {r.Tier} {r.CriteriaSet} " + string.Join(" | ", r.Routes.OrderBy(x => x.Key).Select(x => $"{x.Key}:{x.Value.Open}:{string.Join(",", x.Value.CriteriaSets)}"));

    private static string BuildPack()
    {
        var reason = new { da = "Grund.", en = "Reason." };
        var sets = Enumerable.Range(0, Requirements).ToDictionary(
            i => $"set-{i}",
            i => (object)new
            {
                title = new { da = $"Sæt {i}", en = $"Set {i}" },
                clause = "§ 1",
                combine = "all",
                criteria = new object[] { new { id = $"criterion-{i}", clause = "§ 1", title = new { da = "Altid", en = "Always" }, condition = "true" } },
            });
        var requirements = Enumerable.Range(0, Requirements)
            .Select(i => new { id = $"req-{i}", criteriaSet = $"set-{i}", clause = "§ 1", when = $"department.dwellings = {i}", reason })
            .ToArray();
        var pack = new Dictionary<string, object?>
        {
            ["id"] = "many-requirements",
            ["version"] = "1.0.0",
            ["title"] = "Twenty conditional requirements",
            ["status"] = "illustrative",
            ["clauses"] = new Dictionary<string, object> { ["§ 1"] = new { title = "Everything" } },
            ["tiers"] = new Dictionary<string, object>
            {
                ["only"] = new Dictionary<string, object?>
                {
                    ["label"] = new { da = "Eneste", en = "Only" },
                    ["clause"] = "§ 1",
                    ["municipalShare"] = "1/4",
                    ["flexibleLetting"] = new { rule = "none", clause = "§ 1" },
                    ["routes"] = new
                    {
                        municipal = new { requirements = Array.Empty<object>() },
                        flexible = new { requirements = Array.Empty<object>() },
                        waitingList = new { requirements },
                    },
                },
            },
            ["placement"] = new { hitPolicy = "first", rules = new object[] { new { id = "everyone", clause = "§ 1", when = "true", tier = "only", reason } } },
            ["criteriaSets"] = sets,
        };
        return JsonSerializer.Serialize(pack);
    }
}
