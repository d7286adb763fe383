using System.Text;
using RentalRules.Diagnostics;
using RentalRules.Packs;

namespace RentalRules.Tests.Packs;

/// <summary>
/// A pack is bounded by construction (docs/pack-format.md, Limits): ids in id-keyed arrays are unique, and a pack
/// larger than the documented limits (bytes, rules, conditions) is refused with a located error, never an exception.
/// </summary>
public sealed class PackLimitsTests
{
    [Fact]
    public void Load_RequirementsWithDuplicateIds_ReportsEachDuplicateWhereItIs()
    {
        // 10 002 requirements, 4 998 of them repeating an earlier id.
        var requirements = Enumerable.Range(0, 10_002).Select(i => Requirement(i < 5_004 ? $"req-{i}" : $"req-{i - 5_004}", "true"));

        var result = RulePackLoader.LoadFromText(Pack(requirements: requirements), "duplicates.json");

        Assert.False(result.Success);
        var duplicates = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateId).ToList();
        Assert.Equal(4_998, duplicates.Count);
        Assert.Equal("The requirement id 'req-0' is used twice in this pack.", duplicates[0].Message);
        Assert.Equal("$.requirements[5004].id", duplicates[0].Location.JsonPath);
    }

    [Fact]
    public void Load_TierRequirementRepeatingAPackWideRequirementId_IsADuplicate()
    {
        var result = RulePackLoader.LoadFromText(Pack(requirements: [Requirement("same", "true")], tierRequirements: [TierRequirement("same")]), "duplicates.json");

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateId);
        Assert.Equal("The requirement id 'same' is used twice in this pack.", error.Message);
    }

    [Fact]
    public void Load_MarksWithTheSameId_IsADuplicate()
    {
        const string mark = """{ "id": "cheap", "clause": "§ 1", "when": "vacancy.rent < 5000", "label": { "da": "Billig.", "en": "Cheap." } }""";

        var result = RulePackLoader.LoadFromText(Pack(marks: [mark, mark]), "marks.json");

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateId);
        Assert.Equal("The mark id 'cheap' is used twice.", error.Message);
        Assert.Equal("$.routing.marks[1].id", error.Location.JsonPath);
    }

    [Fact]
    public void Load_MoreRulesThanTheLimit_IsRefusedWithALocatedError()
    {
        // One placement rule, one criterion and one routing rule besides.
        var requirements = Enumerable.Range(0, PackLimits.MaxRules - 2).Select(i => Requirement($"req-{i}", null));

        var result = RulePackLoader.LoadFromText(Pack(requirements: requirements), "many-rules.json");

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.LimitExceeded);
        Assert.Equal("The pack has 10,001 rules (placement rules, requirements, criteria, routing rules and marks); a pack may have at most 10,000.", error.Message);
        Assert.Equal(("many-rules.json", "$", 1, 1), (error.Location.File, error.Location.JsonPath, error.Location.Line, error.Location.Column));
        Assert.Null(result.Value);
    }

    [Fact]
    public void Load_OneHundredThousandConditions_IsRefusedAtTheFirstConditionBeyondTheLimit()
    {
        // Compiled in one method, 100 000 conditions made the runtime throw InvalidProgramException.
        var criteria = Enumerable.Range(0, 100_000).Select(i => $$"""{ "id": "c-{{i}}", "clause": "§ 1", "title": { "da": "K", "en": "C" }, "condition": "applicant.age >= {{i % 90}}" }""");

        var result = RulePackLoader.LoadFromText(Pack(criteria: criteria), "many-conditions.json");

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.LimitExceeded && d.Message.StartsWith("This condition", StringComparison.Ordinal));
        Assert.Equal("This condition is one more than a pack may have (10,000); the rest of the pack's conditions are not compiled.", error.Message);
        Assert.Equal("$.criteriaSets.all.criteria[10000].condition", error.Location.JsonPath);
    }

    [Fact]
    public void Load_ConditionsUpToTheLimit_CompileAndEvaluate()
    {
        // 10 000 rules (with the placement rule, the requirement and the routing rule), 9 999 conditions, 16 to a
        // compiled method: the last chunk is evaluated like the first.
        var criteria = Enumerable.Range(0, PackLimits.MaxConditions - 3).Select(i => $$"""{ "id": "c-{{i}}", "clause": "§ 1", "title": { "da": "K", "en": "C" }, "condition": "applicant.age >= 18" }""");
        var result = RulePackLoader.LoadFromText(Pack(criteria: criteria, tierRequirements: [TierRequirement("all-criteria")]), "at-the-limit.json");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Take(3)));
        var household = new RentalRules.Facts.Household { Id = "h", Members = [new RentalRules.Facts.Member { Id = "m", Role = RentalRules.Facts.MemberRole.Applicant, BirthDate = new DateOnly(1990, 1, 1) }] };

        var check = result.Value!.Check(new RentalRules.Evaluation.EligibilityRequest(new RentalRules.Facts.Department { Id = "D" }, household, RentalRules.LettingRoute.WaitingList, new DateOnly(2025, 3, 1)));

        Assert.Equal(RentalRules.Outcome.Eligible, check.Outcome);
        Assert.Equal(PackLimits.MaxConditions - 3, check.Criteria.Count);
    }

    [Fact]
    public void Load_FileLargerThanTheLimit_IsRefusedWithALocatedErrorBeforeParsing()
    {
        var text = Pack() + new string(' ', PackLimits.MaxBytes);

        var result = RulePackLoader.LoadFromText(text, "huge.json");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.LimitExceeded, error.Code);
        Assert.Equal(("huge.json", 1, 1), (error.Location.File, error.Location.Line, error.Location.Column));
        Assert.StartsWith("The pack file has 16,77", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileFarLargerThanTheLimit_IsNotEvenRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rr-huge-{Guid.NewGuid():N}.json");
        using (var file = File.Create(path))
        {
            file.SetLength(3L * PackLimits.MaxBytes);
        }

        try
        {
            var result = RulePackLoader.Load(path);

            var error = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticCodes.FileUnreadable, error.Code);
            Assert.Contains("far more than a pack may have", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Requirement(string id, string? when)
        => when is null
            ? $$"""{ "id": "{{id}}", "route": "waitingList", "criteriaSet": "all", "clause": "§ 1", "reason": { "da": "G.", "en": "R." } }"""
            : $$"""{ "id": "{{id}}", "route": "waitingList", "criteriaSet": "all", "clause": "§ 1", "when": "{{when}}", "reason": { "da": "G.", "en": "R." } }""";

    private static string TierRequirement(string id)
        => $$"""{ "id": "{{id}}", "criteriaSet": "all", "clause": "§ 1", "reason": { "da": "G.", "en": "R." } }""";

    /// <summary>A one-tier pack with the given pack-wide requirements, waiting-list requirements of the tier, marks and criteria of its criteria set <c>all</c>.</summary>
    private static string Pack(IEnumerable<string>? requirements = null, IEnumerable<string>? tierRequirements = null, IEnumerable<string>? marks = null, IEnumerable<string>? criteria = null)
    {
        var text = new StringBuilder();
        text.Append("""
            {
              "id": "limits", "version": "1.0.0", "title": "Limits", "status": "illustrative",
              "clauses": { "§ 1": { "title": "Everything" } },
              "tiers": { "only": { "label": { "da": "Eneste", "en": "Only" }, "clause": "§ 1", "municipalShare": "1/4", "flexibleLetting": { "rule": "none", "clause": "§ 1" },
                "routes": { "municipal": { "requirements": [] }, "flexible": { "requirements": [] }, "waitingList": { "requirements": [
            """);
        text.AppendJoin(",\n", tierRequirements ?? []);
        text.Append("""
            ] } } } },
              "placement": { "hitPolicy": "first", "rules": [ { "id": "everyone", "clause": "§ 1", "when": "true", "tier": "only", "reason": { "da": "Alle.", "en": "All." } } ] },
              "criteriaSets": { "all": { "title": { "da": "Alle", "en": "All" }, "clause": "§ 1", "combine": "all", "criteria": [
            """);
        text.AppendJoin(",\n", criteria ?? ["""{ "id": "adult", "clause": "§ 1", "title": { "da": "Voksen", "en": "Adult" }, "condition": "applicant.age >= 18" }"""]);
        text.Append("] } },\n  \"requirements\": [\n");
        text.AppendJoin(",\n", requirements ?? []);
        text.Append("],\n  \"routing\": { \"rules\": [ { \"id\": \"family\", \"clause\": \"§ 1\", \"when\": \"vacancy.category = 'family'\", \"counter\": \"family\", \"share\": \"tier\", \"reason\": { \"da\": \"G.\", \"en\": \"R.\" } } ], \"marks\": [\n");
        text.AppendJoin(",\n", marks ?? []);
        text.Append("] }\n}\n");
        return text.ToString();
    }
}
