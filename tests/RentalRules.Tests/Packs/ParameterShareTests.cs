using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Tests.Packs;

/// <summary>A tier's municipal share (and a routing share) may be a share parameter, resolved on the evaluation date.</summary>
public sealed class ParameterShareTests
{
    private static string Pack(string municipalShare, string unit = "share") => $$"""
        { "id": "p", "version": "1", "title": "P",
          "clauses": { "§ 1": { "title": "One" } },
          "parameters": { "share": { "unit": "{{unit}}", "values": [ { "from": "2025-01-01", "value": 0.25 }, { "from": "2026-01-01", "value": 0.5 } ] } },
          "tiers": { "t": { "label": { "da": "T", "en": "T" }, "clause": "§ 1", "municipalShare": "{{municipalShare}}",
            "routes": { "municipal": { "requirements": [] }, "flexible": { "closed": true, "clause": "§ 1", "reason": { "da": "x", "en": "x" } }, "waitingList": { "requirements": [] } } } },
          "placement": { "hitPolicy": "first", "rules": [ { "id": "r", "clause": "§ 1", "when": "true", "tier": "t", "reason": { "da": "x", "en": "x" } } ] },
          "routing": { "rules": [ { "id": "family", "clause": "§ 1", "when": "vacancy.category = 'family'", "counter": "family", "share": "tier", "reason": { "da": "x", "en": "x" } } ] } }
        """;

    private static readonly Department Department = new() { Id = "D-1" };

    [Fact]
    public void Place_ShareParameter_ResolvesByDate()
    {
        var pack = RulePackLoader.LoadFromText(Pack("param.share"), "p.json").GetValueOrThrow();
        Assert.Equal("1/4", pack.Place(new PlacementRequest(Department, new DateOnly(2025, 6, 1))).MunicipalShare.ToString());
        Assert.Equal("1/2", pack.Place(new PlacementRequest(Department, new DateOnly(2026, 6, 1))).MunicipalShare.ToString());
        Assert.Null(pack.Place(new PlacementRequest(Department, new DateOnly(2024, 6, 1))).MunicipalShare);
    }

    [Fact]
    public void Route_ShareParameter_CountsWithTheValueInForce_AndIsUndeterminedWithoutOne()
    {
        var pack = RulePackLoader.LoadFromText(Pack("param.share"), "p.json").GetValueOrThrow();
        var ledger = pack.NewLedger();
        var routes = new List<VacancyRoute>();
        for (var i = 1; i <= 4; i++)
        {
            var result = pack.Route(new RoutingRequest(Department, new Vacancy { Id = $"V{i}", Department = "D-1", Category = DwellingCategory.Family }, new DateOnly(2025, 6, 1)) { Ledger = ledger });
            routes.Add(result.Decision.Route);
            ledger = result.Ledger;
        }

        Assert.Equal([VacancyRoute.WaitingList, VacancyRoute.WaitingList, VacancyRoute.WaitingList, VacancyRoute.Municipal], routes);
        var before = pack.Route(new RoutingRequest(Department, new Vacancy { Id = "V0", Department = "D-1", Category = DwellingCategory.Family }, new DateOnly(2024, 6, 1)) { Ledger = pack.NewLedger() });
        Assert.Equal(VacancyRoute.Undetermined, before.Decision.Route);
        Assert.Equal(["param.share"], before.Decision.Missing);
    }

    [Fact]
    public void Load_ShareParameterThatIsNotAShare_IsAnError()
    {
        var result = RulePackLoader.LoadFromText(Pack("param.share", unit: "count"), "p.json");
        Assert.Contains(result.Diagnostics, d => d.Message == "The parameter 'share' is not a share.");
        Assert.False(result.Success);
    }

    [Fact]
    public void Load_UnknownShareParameter_SuggestsTheName()
    {
        var result = RulePackLoader.LoadFromText(Pack("param.shar"), "p.json");
        var d = Assert.Single(result.Diagnostics, d => d.Code == "RR0105");
        Assert.Equal("Did you mean 'share'?", d.Hint);
    }
}
