using RentalRules.Evaluation;
using System.Globalization;
using System.Text;
using RentalRules.Diagnostics;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Analysis;

/// <summary>
/// The placement analysis at load (gaps, overlaps, rules that never place) tries every combination of the values the
/// table's conditions compare, so its cost is combinations × rules. It has a budget that keeps a load linear in the
/// pack's size; a table beyond it is not analysed, and the load says so (information, RR0404) instead of letting
/// silence pass for "no gaps".
/// </summary>
public sealed class PlacementAnalysisBudgetTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    [Fact]
    public void Load_AThousandBandedPlacementRules_LoadsAndSaysTheTableWasNotAnalysed()
    {
        var load = RulePackLoader.LoadFromText(Bands(1001, gapAt: 500), "bands.json");

        Assert.NotNull(load.Value);
        var info = Assert.Single(load.Diagnostics);
        Assert.Equal((Severity.Info, DiagnosticCodes.PlacementGap), (info.Severity, info.Code));
        Assert.StartsWith("The placement table was not analysed for gaps, overlaps and rules that never place: its 1000 rules over ", info.Message, StringComparison.Ordinal);
        Assert.EndsWith(" combinations of the facts they read exceed the analysis budget of 100000 rule evaluations.", info.Message, StringComparison.Ordinal);
        Assert.Equal("$.placement.rules", info.Location.JsonPath);

        // The table still places: residents 4 995 fall in the band of rule r499 (< 5 000).
        Assert.Equal("r499", load.Value!.Place(new PlacementRequest(Build.Department("D-1", residents: 4995), On)).Explanation[0].RuleId);
    }

    [Fact]
    public void Load_TheSameTableWithTwentyRules_IsAnalysedAndItsGapFound()
    {
        var load = RulePackLoader.LoadFromText(Bands(20, gapAt: 10), "bands.json");

        // The band 100 ≤ residents < 110 of rule r10 is missing.
        Assert.All(load.Diagnostics, d => Assert.Equal((Severity.Warning, DiagnosticCodes.PlacementGap), (d.Severity, d.Code)));
        Assert.Equal(
            ["No placement rule places a department with department.residents = 100.", "No placement rule places a department with department.residents between 100 and 110 (e.g. 105)."],
            load.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Load_ATableOverManyFacts_IsNotAnalysedRatherThanWrappingTheCombinationCount()
    {
        // 7 numeric facts with 2 000 candidates each: 2000^7 overflows a long; the count is capped, never wrapped round.
        var facts = new[] { "residents", "dwellings", "turnoverRate", "flexibleLettingShare", "keyFigures.convictedShare", "keyFigures.nonWesternShare", "keyFigures.primaryEducationOnlyShare" };
        var rules = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var fact = facts[i % facts.Length];
            var threshold = fact is "residents" or "dwellings" ? (i * 10).ToString(CultureInfo.InvariantCulture) : (i / 1000m).ToString("0.000", CultureInfo.InvariantCulture);
            rules.Add(Rule("r" + i, $"department.{fact} < {threshold}"));
        }

        rules.Add(Rule("rest", "true"));

        var load = RulePackLoader.LoadFromText(Pack(rules), "many-facts.json");

        var info = Assert.Single(load.Diagnostics, d => d.Severity == Severity.Info);
        Assert.Contains("over more than 20000 combinations", info.Message, StringComparison.Ordinal);
    }

    /// <summary>Bands <c>10·i ≤ department.residents &lt; 10·(i+1)</c>, the last open above, with the band of rule <paramref name="gapAt"/> left out.</summary>
    private static string Bands(int count, int gapAt)
    {
        var rules = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var upper = (10 * (i + 1)).ToString(CultureInfo.InvariantCulture);
            var lower = (10 * i).ToString(CultureInfo.InvariantCulture);
            if (i != gapAt)
            {
                rules.Add(Rule("r" + i, i == count - 1 ? $"department.residents >= {lower}" : $"department.residents >= {lower} and department.residents < {upper}"));
            }
        }

        return Pack(rules);
    }

    private static string Rule(string id, string when)
        => $$"""{ "id": "{{id}}", "clause": "§ 1", "when": "{{when}}", "tier": "only", "reason": { "da": "R.", "en": "R." } }""";

    private static string Pack(IEnumerable<string> rules)
    {
        var text = new StringBuilder();
        text.Append("""
            {
              "id": "bands", "version": "1.0.0", "title": "Bands", "status": "illustrative",
              "clauses": { "§ 1": { "title": "Everything" } },
              "tiers": { "only": { "label": { "da": "Eneste", "en": "Only" }, "clause": "§ 1", "municipalShare": "1/4", "flexibleLetting": { "rule": "none", "clause": "§ 1" },
                "routes": { "municipal": { "requirements": [] }, "flexible": { "requirements": [] }, "waitingList": { "requirements": [] } } } },
              "placement": { "hitPolicy": "first", "rules": [
            """);
        text.AppendJoin(",\n", rules);
        text.Append("] }\n}\n");
        return text.ToString();
    }
}
