using System.Text;
using RentalRules.Diagnostics;
using RentalRules.Packs;

namespace RentalRules.Tests.Packs;

/// <summary>
/// Resolution of <c>extends</c> is bounded by construction: iterative (no depth overflows the stack), memoised (a pack
/// reached many times is read and merged once, so a diamond is linear) and limited to 32 levels with a located error.
/// </summary>
public sealed class ExtendsResolutionTests
{
    private const string Leaf = """
        {
          "id": "leaf", "version": "1", "title": "Leaf",
          "clauses": { "§ 1": { "title": "One" } },
          "tiers": {
            "all": { "label": { "da": "Alle", "en": "All" }, "clause": "§ 1", "municipalShare": "1/4",
                     "routes": { "municipal": { "requirements": [] }, "flexible": { "requirements": [] }, "waitingList": { "requirements": [] } } }
          },
          "placement": { "hitPolicy": "first", "rules": [
            { "id": "all", "clause": "§ 1", "when": "true", "tier": "all", "reason": { "da": "alle", "en": "all" } }
          ] }
        }
        """;

    /// <summary>Packs p0 … p(n−1), each extending the next (twice when <paramref name="twice"/>), the last extending leaf.</summary>
    private static Dictionary<string, string> Chain(int n, bool twice = false)
    {
        var packs = new Dictionary<string, string>(StringComparer.Ordinal) { ["leaf"] = Leaf };
        for (var i = 0; i < n; i++)
        {
            var next = i == n - 1 ? "leaf" : $"p{i + 1}";
            var extends = twice ? $"\"{next}\", \"{next}\"" : $"\"{next}\"";
            packs[$"p{i}"] = $"{{ \"id\": \"p{i}\", \"version\": \"1\", \"title\": \"P{i}\",\n  \"extends\": [{extends}] }}";
        }

        return packs;
    }

    private static (LoadResult<RulePack> Result, int Opened) Load(Dictionary<string, string> packs, string root = "p0")
    {
        var opened = 0;
        var result = RulePackLoader.LoadFromStream(new MemoryStream(Encoding.UTF8.GetBytes(packs[root])), root + ".json", id =>
        {
            opened++;
            return packs.TryGetValue(id, out var text) ? new MemoryStream(Encoding.UTF8.GetBytes(text)) : null;
        });
        return (result, opened);
    }

    [Fact]
    public void Load_ChainOf20000Packs_IsALocatedErrorAtTheDepthLimitNotAStackOverflow()
    {
        var (result, opened) = Load(Chain(20_000));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("p32.json:2:15: error RR0107: The packs extend each other more than 32 levels deep: p0 → p1 → p2 → p3 → p4 → … (24 more) → p29 → p30 → p31 → p32 → p33. (at $.extends[0]) Hint: A pack may have at most 32 levels of extends below it; merge some of the packs into one.", d.ToString());
        Assert.Equal(33, opened);
    }

    [Fact]
    public void Load_ChainOf32LevelsBelowThePack_Loads()
    {
        var (result, _) = Load(Chain(32));

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(32, result.Value!.Extends.Count);
        Assert.Equal("leaf", result.Value.Extends[^1]);
    }

    [Fact]
    public void Load_DiamondOf16LevelsEachExtendingTheNextTwice_ReadsEveryPackOnce()
    {
        var (result, opened) = Load(Chain(16, twice: true));

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal([.. Enumerable.Range(1, 15).Select(i => $"p{i}"), "leaf"], result.Value!.Extends);
        // One lookup per extends entry (2 per level): linear, where resolving each path separately would take 2^16.
        Assert.Equal(32, opened);
    }

    [Fact]
    public void Load_WideDiamond_MergesTheSharedBaseOnce()
    {
        var packs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["leaf"] = Leaf,
            ["left"] = """{ "id": "left", "version": "1", "title": "L", "extends": ["leaf"], "tiers": { "all": { "municipalShare": "1/3" } } }""",
            ["right"] = """{ "id": "right", "version": "1", "title": "R", "extends": ["leaf"] }""",
            ["top"] = """{ "id": "top", "version": "1", "title": "T", "extends": ["left", "right"] }""",
        };

        var (result, opened) = Load(packs, "top");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(["left", "leaf", "right"], result.Value!.Extends);
        Assert.Equal(4, opened);
    }

    [Fact]
    public void Load_CycleThroughASharedBase_IsACycleError()
    {
        var packs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["a"] = """{ "id": "a", "version": "1", "title": "A", "extends": ["b", "c"] }""",
            ["b"] = """{ "id": "b", "version": "1", "title": "B", "extends": ["c"] }""",
            ["c"] = """{ "id": "c", "version": "1", "title": "C", "extends": ["a"] }""",
        };

        var (result, _) = Load(packs, "a");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("c.json:1:56: error RR0107: The packs extend each other in a cycle: a → b → c → a. (at $.extends[0]) Hint: Remove one of the extends.", d.ToString());
    }

    [Fact]
    public void Load_SharedBaseReachedAgainBelowTheLimit_CountsItsOwnLevels()
    {
        // top extends [p0, x] and x extends p0: p0 has 31 levels below it, so top → p0 is within the limit, but
        // top → x → p0 is 33 levels, although p0 was already loaded (memoised) when x reaches it.
        var packs = Chain(31);
        packs["x"] = """{ "id": "x", "version": "1", "title": "X", "extends": ["p0"] }""";
        packs["top"] = """{ "id": "top", "version": "1", "title": "T", "extends": ["p0", "x"] }""";

        var (result, _) = Load(packs, "top");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("x.json:1:56: error RR0107: The packs extend each other more than 32 levels deep: top → x → p0 (and 31 more levels below it). (at $.extends[0]) Hint: A pack may have at most 32 levels of extends below it; merge some of the packs into one.", d.ToString());
    }
}
