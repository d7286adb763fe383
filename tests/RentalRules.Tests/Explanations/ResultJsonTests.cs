using System.Text;
using System.Text.Json;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Explanations;

/// <summary>ResultJson.ToJson: the same JSON as the writer methods, as a string.</summary>
public sealed class ResultJsonTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    private static string Written(Action<Utf8JsonWriter> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void CompactJson_WithTextsEncodedOnce_IsTheIndentedJsonWithoutTheWhitespace()
    {
        // Compact output with the relaxed encoder writes titles, documents and reasons from UTF-8 encoded once per
        // text; any other writer escapes them as it goes. Both must say the same, character for character once parsed,
        // on the second result as on the first (the cached one), with Danish letters and the default encoder too.
        var pack = Repo.Pack("holbaek-2024");
        var households = FactReader.ReadHouseholds(File.ReadAllBytes(Path.Combine(Repo.Root, "samples/holbaek/households.json")), "h.json").GetValueOrThrow().Items;
        var department = Build.Department(outsideLabourMarketShare: 0.5m);
        foreach (var household in households.Concat(households))
        {
            var result = pack.Check(new EligibilityRequest(department, household, LettingRoute.WaitingList, On));
            var compact = Written(w => ResultJson.WriteEligibility(w, result), indented: false);
            var indented = Written(w => ResultJson.WriteEligibility(w, result), indented: true);
            var escaped = JsonSerializer.Serialize(JsonDocument.Parse(Encoding.UTF8.GetBytes(ResultJsonDefaultEncoder(result))).RootElement);

            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(indented), System.Text.Json.Nodes.JsonNode.Parse(compact)));
            Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(compact).RootElement), escaped);
            Assert.Contains("\"title\":{\"da\":", compact, StringComparison.Ordinal);
        }
    }

    private static string ResultJsonDefaultEncoder(EligibilityResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            ResultJson.WriteEligibility(w, result);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void ToJson_Placement_IsWhatWritePlacementWrites()
    {
        var placement = Repo.Pack("holbaek-2024").Place(new PlacementRequest(Build.Department(outsideLabourMarketShare: 0.5m), On));

        var json = ResultJson.ToJson(placement);

        Assert.Equal(Written(w => ResultJson.WritePlacement(w, placement), indented: false), json);
        Assert.Equal("red", JsonDocument.Parse(json).RootElement.GetProperty("tier").GetString());
        Assert.Contains("\n", ResultJson.ToJson(placement, indented: true), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_Eligibility_IsWhatWriteEligibilityWrites()
    {
        var pack = Repo.Pack("holbaek-2024");
        var household = Build.Household("H-1", Build.Worker("m1", new DateOnly(1985, 5, 5)));
        var result = pack.Check(new EligibilityRequest(Build.Department(outsideLabourMarketShare: 0.5m), household, LettingRoute.WaitingList, On));

        var json = ResultJson.ToJson(result, indented: true);

        Assert.Equal(Written(w => ResultJson.WriteEligibility(w, result), indented: true), json);
        Assert.Equal("eligible", JsonDocument.Parse(json).RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public void ToJson_RoutingDecision_IsWhatWriteDecisionWrites()
    {
        var pack = Repo.Pack("holbaek-2024");
        var decision = pack.Route(new RoutingRequest(Build.Department(), new Vacancy { Id = "V-1", Department = "D-1", Category = DwellingCategory.Family }, On) { Ledger = pack.NewLedger() }).Decision;

        var json = ResultJson.ToJson(decision);

        Assert.Equal(Written(w => ResultJson.WriteDecision(w, decision), indented: false), json);
        Assert.Equal("V-1", JsonDocument.Parse(json).RootElement.GetProperty("vacancy").GetString());
    }
}
