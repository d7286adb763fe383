using System.Text.Json;
using Json.Schema;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>
/// The shipped JSON Schema (<c>RulePackLoader.PackSchema</c>) checked with a JSON Schema validator: every shipped pack,
/// example and sample draft is valid, and the invalid packs whose problem is one of shape are rejected. What only the
/// loader can check (names in conditions, references between parts, the merged pack) is listed in docs/pack-format.md.
/// </summary>
public sealed class PackSchemaValidationTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(RentalRules.Packs.RulePackLoader.PackSchema));

    private const string Minimal = """
        {
          "id": "x", "version": "1", "title": "X",
          "tiers": { "all": { "label": { "da": "Alle", "en": "All" }, "municipalShare": "MUNICIPAL_SHARE",
                              "routes": { "municipal": { "requirements": [] } } } },
          "placement": { "hitPolicy": "first", "rules": [
            { "id": "all", "clause": "§ 1", "when": "true", "tier": "all", "reason": REASON } ] }
        }
        """;

    public static TheoryData<string> ValidDocuments()
    {
        var files = Repo.PackFiles("rules")
            .Concat(Repo.PackFiles("rules", "examples"))
            .Concat(Directory.GetFiles(Repo.Path("samples", "ComparingDrafts", "drafts"), "*.json"))
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(files);
    }

    private static List<string> Errors(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
    }

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void Schema_ShippedPackOrSampleDraft_IsValid(string file)
    {
        var errors = Errors(File.ReadAllText(Repo.Path(file)));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Schema_HasAnIdAndIsTheShippedFile()
    {
        using var doc = JsonDocument.Parse(RentalRules.Packs.RulePackLoader.PackSchema);
        Assert.Equal("https://raw.githubusercontent.com/rentalrules/rentalrules/main/rules/schema/rentalrules-pack.schema.json", doc.RootElement.GetProperty("$id").GetString());
    }

    [Theory]
    [InlineData("municipal-share-as-percent")]
    [InlineData("unknown-top-level-property")]
    [InlineData("criterion-condition-and-any")]
    public void Schema_InvalidPackOfTheWrongShape_IsRejected(string name)
    {
        var errors = Errors(File.ReadAllText(Repo.Path("tests", "RentalRules.Tests", "Packs", "Invalid", name + ".json")));

        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("1/3", true)]
    [InlineData("11/50", true)]
    [InlineData("33/100", true)]
    [InlineData("0", true)]
    [InlineData("1", true)]
    [InlineData("3/3", true)]
    [InlineData("3/1", false)]
    [InlineData("9/8", false)]
    [InlineData("51/50", false)]
    [InlineData("200/100", false)]
    [InlineData("28", false)]
    [InlineData("1/0", false)]
    public void Schema_MunicipalShare_IsAFractionInZeroToOne(string share, bool valid)
    {
        var errors = Errors(Minimal.Replace("MUNICIPAL_SHARE", share, StringComparison.Ordinal).Replace("REASON", """{ "da": "alle", "en": "all" }""", StringComparison.Ordinal));

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Schema_ReasonWithoutEnglishInAPackThatExtendsNothing_IsRejected()
    {
        var errors = Errors(Minimal.Replace("MUNICIPAL_SHARE", "1/4", StringComparison.Ordinal).Replace("REASON", """{ "da": "alle" }""", StringComparison.Ordinal));

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Schema_ReasonWithOnlyDanishInADraftThatExtendsAPack_IsAllowed()
    {
        var draft = """{ "id": "d", "version": "1", "title": "D", "extends": ["holbaek-2024"], "placement": { "rules": [ { "id": "holbaek-green", "reason": { "da": "ny tekst" } } ] } }""";

        Assert.Empty(Errors(draft));
    }
}
