using RentalRules.Explanations;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules.Evaluation;
using RentalRules;

namespace RentalRules.Tests.Explanations;

public sealed class ReasonTextTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    [Fact]
    public void Place_ReasonQuotingAParameter_ShowsTheValueInForce()
    {
        var placement = Repo.Pack("holbaek-2024").Place(new PlacementRequest(Build.Department("HB-1", 0.25m), On));
        Assert.Equal(
            "holbaek-green (holbaek-2024 § 6): At most 30 % of residents aged 18-64 are without attachment to the labour market (green): every 3rd vacant dwelling is offered for municipal allocation.",
            ResultText.Line(placement.Explanation[0]));
    }

    [Fact]
    public void Place_DraftMovingTheThreshold_ExplainsWithTheNewValue()
    {
        using var folder = new DraftFolder();
        var placement = folder.Load().Place(new PlacementRequest(Build.Department("HB-1", 0.33m), On));
        Assert.Equal("green", placement.Tier);
        Assert.StartsWith("holbaek-green (holbaek-2024 § 6): At most 35 % of residents", ResultText.Line(placement.Explanation[0]), StringComparison.Ordinal);
        Assert.StartsWith("holbaek-green (holbaek-2024 § 6): Højst 35 % af de 18-64-årige", ResultText.Line(placement.Explanation[0], Language.Danish), StringComparison.Ordinal);
    }

    [Fact]
    public void Place_DanishNumbers_UseDecimalCommaAndThousandsPoint()
    {
        var placement = Repo.Pack("hoeje-taastrup-2023").Place(new PlacementRequest(Build.Department("HT-1", 0.30m, convictedShare: 0.02m, residents: 600), On));
        Assert.Equal("level-2", placement.Tier);
        Assert.Contains("under 1.000 beboere", placement.Explanation[0].Reason.Da, StringComparison.Ordinal);
        Assert.Contains("overstiger 1,56 %", placement.Explanation[0].Reason.Da, StringComparison.Ordinal);
        Assert.Contains("under 1,000 residents", placement.Explanation[0].Reason.En, StringComparison.Ordinal);
        Assert.Contains("exceeds 1.56 %", placement.Explanation[0].Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReasonQuotingAnUnknownParameter_IsALocatedError()
    {
        const string pack = """
            { "id": "x", "version": "1", "title": "X",
              "clauses": { "§ 1": { "title": "One" } },
              "parameters": { "limit": { "unit": "share", "values": [ { "from": "2020-01-01", "value": 0.3 } ] } },
              "tiers": { "t": { "label": { "da": "T", "en": "T" }, "clause": "§ 1", "municipalShare": "0",
                "routes": { "municipal": { "requirements": [] }, "flexible": { "requirements": [] }, "waitingList": { "requirements": [] } } } },
              "placement": { "hitPolicy": "first", "rules": [
                { "id": "r", "clause": "§ 1", "when": "true", "tier": "t", "reason": { "da": "Højst {param.limt}", "en": "At most {param.limt}" } } ] } }
            """;
        var result = RulePackLoader.LoadFromText(pack, "x.json");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("RR0105", d.Code);
        Assert.Equal("The text quotes {param.limt}, but there is no parameter 'limt' in this pack.", d.Message);
        Assert.Equal("Did you mean 'limit'?", d.Hint);
    }
}
