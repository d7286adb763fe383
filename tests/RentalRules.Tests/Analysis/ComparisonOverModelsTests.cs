using RentalRules.Analysis;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules.Tests.Properties;

namespace RentalRules.Tests.Analysis;

/// <summary>
/// <see cref="PackComparer"/> diffs the pack models, not their JSON: a value written another way is no change, a note
/// is no change, a reason is a rewording, a condition is a change; and households are compared on every route,
/// internal transfers included.
/// </summary>
public sealed class ComparisonOverModelsTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    [Fact]
    public void Changes_ValueWrittenAnotherWay_IsNoChange()
    {
        // The base writes greenMax as 0.3; 0.300 is the same share.
        var draft = Draft("""{ "parameters": { "greenMax": { "values": [ { "from": "2024-07-01", "value": 0.300 } ] } } }""");

        Assert.Empty(PackComparer.Changes(Repo.Pack("holbaek-2024"), draft));
    }

    [Fact]
    public void Changes_NotesOnly_IsNoChange()
    {
        var draft = Draft("""
            { "parameters": { "greenMax": { "note": "A new note.", "values": [ { "from": "2024-07-01", "value": 0.3, "note": "A value's note." } ] } },
              "placement": { "rules": [ { "id": "holbaek-rehousing", "note": "Another note." } ] } }
            """);

        Assert.Empty(PackComparer.Changes(Repo.Pack("holbaek-2024"), draft));
    }

    [Fact]
    public void Changes_ReasonOnly_IsAReworded()
    {
        var draft = Draft("""{ "placement": { "rules": [ { "id": "holbaek-rehousing", "reason": { "da": "Genhusning.", "en": "Rehousing." } } ] } }""");

        Assert.Equal([new RuleChange("placementRule", "holbaek-rehousing", "reworded")], PackComparer.Changes(Repo.Pack("holbaek-2024"), draft));
    }

    [Fact]
    public void Changes_ConditionOfARule_IsAChange()
    {
        var draft = Draft("""{ "placement": { "rules": [ { "id": "holbaek-rehousing", "when": "known(department.rehousing) and department.rehousing and department.residents > 0" } ] } }""");

        Assert.Equal([new RuleChange("placementRule", "holbaek-rehousing", "changed")], PackComparer.Changes(Repo.Pack("holbaek-2024"), draft));
    }

    [Fact]
    public void Run_DraftReadingTransfersStrictly_ListsTheInternalTransferChange()
    {
        // § 5.6 read strictly (samples/interpretations): a level-3 department with only a development plan is not
        // designated, so a jobless tenant's internal transfer into it needs no flexible criteria.
        var basePack = Repo.Pack("hoeje-taastrup-2023");
        var draft = RulePackLoader.Load(Repo.Path("samples", "interpretations", "hoeje-taastrup-2023-transfers-designated-only.json")).GetValueOrThrow();
        var department = FactReader.ReadDepartments("""
            [ { "id": "HT-DP", "name": "Fiktiv HT-DP", "organisation": "Org A", "municipality": "Høje-Taastrup", "residents": 2000, "dwellings": 600,
                "turnoverRate": 0.08, "designation": "none", "developmentPlan": true, "rehousing": false, "flexibleLettingShare": 0.0, "flags": [],
                "keyFigures": { "outsideLabourMarketShare": 0.2, "convictedShare": 0.005, "asOf": "2024-12-01" } } ]
            """).GetValueOrThrow().Items;
        var household = FactReader.ReadHouseholds("""
            [ { "id": "h-j", "residentMunicipality": "Høje-Taastrup", "currentOrganisation": null, "divorce": false, "soldHome": false,
                "members": [ { "id": "m1", "role": "applicant", "birthDate": "1985-01-01", "citizenship": "DK", "employment": [],
                  "education": { "enrolled": [], "highestCompleted": { "level": "vocational", "approvedInDenmark": true } }, "convictions": [], "benefits": [],
                  "releasedFromPrison": false, "releasedFromYouthInstitution": false, "tenancyTerminatedForBreach": false } ] } ]
            """).GetValueOrThrow().Items;

        var comparison = PackComparer.Run(basePack, draft, department, household, On);

        var change = Assert.Single(comparison.Households, h => h.Route == LettingRoute.InternalTransfer);
        Assert.Equal(("h-j", "HT-DP"), (change.HouseholdId, change.DepartmentId));
        Assert.NotEqual(Outcome.Eligible, change.Base);
        Assert.Equal(Outcome.Eligible, change.Draft);
        Assert.Contains("tier:level-3", change.CausedBy);
    }

    private static RulePack Draft(string body)
    {
        var text = """{ "id": "holbaek-draft", "version": "0.1.0", "title": "Udkast", "status": "draft", "extends": ["holbaek-2024"], """ + body.Trim()[1..];
        return RulePackLoader.LoadFromText(text, "holbaek-draft.json", Laws.ResolveShippedBase).GetValueOrThrow();
    }
}
