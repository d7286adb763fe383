using RentalRules.Packs;
using RentalRules.Evaluation;

namespace RentalRules.Tests.Packs;

public sealed class PackCompositionTests
{
    private const string Base = """
        {
          "id": "base", "version": "1", "title": "Base",
          "clauses": { "§ 1": { "title": "One" } },
          "parameters": { "limit": { "unit": "share", "values": [ { "from": "2020-01-01", "value": 0.3 } ] } },
          "tiers": {
            "low": { "label": { "da": "Lav", "en": "Low" }, "clause": "§ 1", "municipalShare": "1/3",
                     "routes": { "municipal": { "requirements": [] }, "flexible": { "requirements": [] }, "waitingList": { "requirements": [] } } },
            "high": { "label": { "da": "Høj", "en": "High" }, "clause": "§ 1", "municipalShare": "0",
                     "routes": { "municipal": { "requirements": [] }, "flexible": { "requirements": [] }, "waitingList": { "requirements": [] } } }
          },
          "placement": { "hitPolicy": "first", "rules": [
            { "id": "low", "clause": "§ 1", "when": "department.keyFigures.outsideLabourMarketShare <= param.limit", "tier": "low", "reason": { "da": "lav", "en": "low" } },
            { "id": "high", "clause": "§ 1", "when": "true", "tier": "high", "reason": { "da": "høj", "en": "high" } }
          ] }
        }
        """;

    private static RulePack LoadDraft(string draft)
    {
        var dir = Directory.CreateTempSubdirectory("rr-compose-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "base.json"), Base);
            File.WriteAllText(Path.Combine(dir.FullName, "draft.json"), draft);
            return RulePackLoader.Load(Path.Combine(dir.FullName, "draft.json")).GetValueOrThrow();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static RentalRules.Facts.Department WithShare(decimal share) => new() { KeyFigures = new RentalRules.Facts.KeyFigures { OutsideLabourMarketShare = share } };

    [Fact]
    public void Extends_OverridingOneParameter_ChangesOnlyThat()
    {
        var draft = LoadDraft("""{ "id": "draft", "version": "1", "title": "Draft", "extends": ["base"], "parameters": { "limit": { "unit": "share", "values": [ { "from": "2020-01-01", "value": 0.35 } ] } } }""");
        var on = new DateOnly(2025, 1, 1);
        Assert.Equal("low", draft.Place(new PlacementRequest(WithShare(0.34m), on)).Tier);
        Assert.Equal("high", draft.Place(new PlacementRequest(WithShare(0.36m), on)).Tier);
        Assert.Equal(["base"], draft.Extends);
    }

    [Fact]
    public void Extends_MergingATierProperty_KeepsTheRest()
    {
        var draft = LoadDraft("""{ "id": "draft", "version": "1", "title": "Draft", "extends": ["base"], "tiers": { "low": { "municipalShare": "1/4" } } }""");
        var p = draft.Place(new PlacementRequest(WithShare(0.1m), new DateOnly(2025, 1, 1)));
        Assert.Equal("1/4", p.MunicipalShare.ToString());
        Assert.Equal("Low", p.TierLabel!.En);
    }

    [Fact]
    public void Extends_KeyedArray_InsertsBeforeAndRemovesById()
    {
        var draft = LoadDraft("""
            { "id": "draft", "version": "1", "title": "Draft", "extends": ["base"],
              "placement": { "rules": [
                { "id": "none", "$before": "low", "clause": "§ 1", "when": "missing(department.keyFigures.outsideLabourMarketShare)", "tier": "high", "reason": { "da": "x", "en": "x" } },
                { "id": "low", "$remove": true } ] } }
            """);
        var on = new DateOnly(2025, 1, 1);
        Assert.Equal("none", draft.Place(new PlacementRequest(new RentalRules.Facts.Department(), on)).Explanation[0].RuleId);
        Assert.Equal("high", draft.Place(new PlacementRequest(WithShare(0.1m), on)).Tier);
    }

    [Fact]
    public void Extends_NullRemovesAndReplaceReplaces()
    {
        var draft = LoadDraft("""
            { "id": "draft", "version": "1", "title": "Draft", "extends": ["base"],
              "tiers": { "high": null },
              "placement": { "$replace": true, "hitPolicy": "first", "rules": [
                { "id": "only", "clause": "§ 1", "when": "true", "tier": "low", "reason": { "da": "x", "en": "x" } } ] } }
            """);
        Assert.Equal(["low"], draft.Tiers);
        Assert.Equal("only", draft.Place(new PlacementRequest(WithShare(0.9m), new DateOnly(2025, 1, 1))).Explanation[0].RuleId);
    }

    [Fact]
    public void Extends_MissingBase_IsALocatedError()
    {
        var result = RulePackLoader.LoadFromText("""{ "id": "x", "version": "1", "title": "X", "extends": ["nowhere"] }""", "x.json", _ => null);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("RR0107", d.Code);
        Assert.Equal("The base pack 'nowhere' cannot be found.", d.Message);
        Assert.Equal(1, d.Location.Line);
    }

    [Fact]
    public void ShippedAgreements_BuildOnTheStatutoryPack()
    {
        var holbaek = Infrastructure.Repo.Pack("holbaek-2024");
        Assert.Equal(["dk-statutory-restrictions", "dk-baseline"], holbaek.Extends);
        Assert.Contains(holbaek.DeclaredClauses, c => c.Clause == "§ 59 stk. 6" && c.Source == "dk-statutory-restrictions");
        Assert.DoesNotContain("baseline", holbaek.Tiers);
    }
}
