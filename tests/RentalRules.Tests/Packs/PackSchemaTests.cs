using System.Text.Json;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>
/// The JSON Schema in <c>rules/schema/</c> lets an editor complete and check a pack. These tests keep it in step with
/// the reader: the property names of every object and the allowed values of every enum are copied here from
/// <c>PackReader</c>, so a change on either side without the other fails.
/// </summary>
public sealed class PackSchemaTests
{
    private const string SchemaFile = "rules/schema/rentalrules-pack.schema.json";

    /// <summary>PackReader.TopLevel, copied, plus the editor's <c>$schema</c>.</summary>
    private static readonly string[] ReaderTopLevel =
    [
        "$schema", "id", "version", "title", "municipality", "status", "extends", "validFrom", "validTo", "source", "notes", "defaultRoute",
        "interpretations", "clauses", "parameters", "tiers", "placement", "requirements", "obligations", "criteriaSets", "routing", "offers",
    ];

    private static readonly Lazy<JsonElement> Schema = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Repo.Path(SchemaFile)));
        return document.RootElement.Clone();
    });

    public static TheoryData<string> ShippedPacks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Repo.PackFiles("rules").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>Each object the reader checks with CheckProperties: where it is in the schema, and the names it allows.</summary>
    public static TheoryData<string, string[]> ReaderObjects() => new()
    {
        { "properties.source", ["document", "title", "date", "url"] },
        { "$defs.clause.anyOf[1]", ["title", "quote", "note"] },
        { "$defs.parameter", ["unit", "clause", "note", "assumed", "values", "title"] },
        { "$defs.parameterValue", ["from", "value", "note"] },
        { "$defs.text", ["da", "en"] },
        { "$defs.criteriaSet", ["title", "clause", "combine", "criteria", "documents", "note"] },
        { "$defs.criterion", ["id", "clause", "title", "members", "condition", "all", "any", "criteriaSet", "documents", "note", "assumption"] },
        { "$defs.criterion.properties.members", ["minAge", "maxAge"] },
        { "$defs.tier", ["label", "clause", "municipalShare", "flexibleLetting", "specialCriteria", "routes", "note"] },
        { "$defs.tier.properties.flexibleLetting", ["rule", "maxShare", "of", "clause", "note"] },
        { "$defs.tier.properties.specialCriteria", ["share", "criteriaSet", "counters", "clause", "note"] },
        { "$defs.tier.properties.routes", ["municipal", "flexible", "waitingList", "internalTransfer"] },
        { "$defs.route", ["closed", "clause", "reason", "requirements"] },
        { "$defs.requirement", ["id", "criteriaSet", "when", "clause", "reason", "note"] },
        { "$defs.routeRequirement", ["id", "route", "criteriaSet", "when", "clause", "reason", "note"] },
        { "properties.placement", ["hitPolicy", "decided", "keyFigures", "rules", "note"] },
        { "properties.placement.properties.decided", ["precedence", "when", "clause", "reason", "note"] },
        { "properties.placement.properties.keyFigures", ["maxAgeMonths", "clause", "note"] },
        { "$defs.placementRule", ["id", "clause", "when", "tier", "reason", "note"] },
        { "properties.routing", ["rules", "onTierChange", "concentration", "marks", "note"] },
        { "properties.routing.properties.concentration", ["department", "stairwell", "clause", "reason", "note"] },
        { "$defs.guardLimit", ["max", "months", "note"] },
        { "$defs.mark", ["id", "clause", "when", "label", "forecastShare", "note"] },
        { "properties.routing.properties.onTierChange", ["counters", "clause", "reason", "note"] },
        { "$defs.routingRule", ["id", "clause", "when", "route", "counter", "share", "letting", "legalBasis", "reason", "note"] },
        { "$defs.dwellingLetting", ["tiers", "flexibleLetting", "routes", "note"] },
        { "$defs.dwellingLetting.properties.routes", ["municipal", "flexible", "waitingList", "internalTransfer"] },
        { "properties.offers", ["municipal", "flexible", "waitingList", "note"] },
        { "$defs.offerRoute", ["clause", "from", "order", "reason", "note"] },
        { "$defs.orderKey", ["by", "rank", "note"] },
    };

    /// <summary>Each set of allowed values the reader checks: where it is in the schema, and the values.</summary>
    public static TheoryData<string, string[]> ReaderEnums() => new()
    {
        { "properties.status", ["signed", "statutory", "draft", "illustrative"] },
        { "$defs.parameter.properties.unit", ["share", "DKK/month", "DKK", "residents", "count", "years", "months", "ratio"] },
        { "$defs.tier.properties.flexibleLetting.properties.rule", ["none", "agreed", "obligatory", "all"] },
        { "properties.placement.properties.hitPolicy", ["first", "unique"] },
        { "properties.placement.properties.decided.properties.precedence", ["decided", "keyFigures"] },
        { "$defs.criteriaSet.properties.combine", ["all", "any"] },
        { "$defs.routeRequirement.properties.route", ["municipal", "flexible", "waitingList", "internalTransfer"] },
        { "$defs.routingRule.properties.route", ["municipal", "flexible", "waitingList", "closed", "outOfScope"] },
        { "$defs.legalBasis", ["§ 59 stk. 1", "§ 59 stk. 2", "§ 59 stk. 3", "agreement"] },
        { "properties.routing.properties.onTierChange.properties.counters", ["carry", "keep"] },
        { "$defs.offerRoute.properties.from", ["waitingList", "candidates"] },
        { "$defs.orderKey.properties.by", ["waitingListSince", "candidates", "criterion"] },
    };

    [Fact]
    public void Schema_IsDraft202012JsonWithTheMinimalRequiredKeys()
    {
        var schema = Schema.Value;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.Equal(["id", "version", "title"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Schema_TopLevelProperties_EqualTheKeysPackReaderAccepts()
    {
        var names = PropertyNames(Schema.Value);

        Assert.Equal(ReaderTopLevel.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedPacks))]
    public void Schema_TopLevelProperties_IncludeEveryKeyOfTheShippedPack(string file)
    {
        using var pack = JsonDocument.Parse(File.ReadAllText(Repo.Rules(file)));
        var names = PropertyNames(Schema.Value);

        var missing = pack.RootElement.EnumerateObject().Select(p => p.Name).Where(n => !names.Contains(n)).ToList();

        Assert.True(missing.Count == 0, $"{file} uses top-level keys the schema does not list: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(ShippedPacks))]
    public void ShippedPack_SchemaReference_PointsAtTheSchemaFile(string file)
    {
        using var pack = JsonDocument.Parse(File.ReadAllText(Repo.Rules(file)));

        var reference = pack.RootElement.GetProperty("$schema").GetString()!;

        Assert.Equal(Path.GetFullPath(Repo.Path(SchemaFile)), Path.GetFullPath(Path.Combine(Repo.Path("rules"), reference)));
    }

    [Theory]
    [MemberData(nameof(ReaderObjects))]
    public void Schema_ObjectProperties_EqualTheNamesPackReaderAccepts(string at, string[] readerNames)
    {
        var node = At(at);

        Assert.Equal(readerNames.Order(StringComparer.Ordinal), PropertyNames(node).Where(n => !n.StartsWith('$')).Order(StringComparer.Ordinal));
        Assert.False(node.GetProperty("additionalProperties").GetBoolean());
        Assert.True(node.GetProperty("patternProperties").TryGetProperty("^\\$", out _), $"{at} must allow keys starting with '$'.");
    }

    [Theory]
    [MemberData(nameof(ReaderEnums))]
    public void Schema_Enum_EqualsTheValuesPackReaderAccepts(string at, string[] readerValues)
    {
        var values = At(at).GetProperty("enum").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!);

        Assert.Equal(readerValues.Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_EveryPropertyOfAnObject_HasADescription()
    {
        var undocumented = new List<string>();
        Walk(Schema.Value, "$", undocumented);

        Assert.True(undocumented.Count == 0, "Properties without a description: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Schema_Criterion_IsRecursiveThroughAllAndAny()
    {
        var criterion = At("$defs.criterion.properties");

        Assert.Equal("#/$defs/criterion", criterion.GetProperty("all").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal("#/$defs/criterion", criterion.GetProperty("any").GetProperty("items").GetProperty("$ref").GetString());
    }

    [Fact]
    public void Load_ReplaceKeyInAMapTheSchemaAllows_IsIgnored()
    {
        var text = File.ReadAllText(Repo.Rules("dk-baseline.json")).Replace("\"tiers\": {", "\"tiers\": { \"$replace\": true,", StringComparison.Ordinal);

        var result = RulePackLoader.LoadFromText(text, "dk-baseline.json");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    private static HashSet<string> PropertyNames(JsonElement schemaObject)
        => schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Follows a dotted path such as <c>$defs.tier.properties.routes</c> or <c>$defs.clause.anyOf[1]</c>.</summary>
    private static JsonElement At(string path)
    {
        var node = Schema.Value;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                node = node.GetProperty(segment);
                continue;
            }

            node = node.GetProperty(segment[..bracket])[int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)];
        }

        return node;
    }

    private static void Walk(JsonElement node, string path, List<string> undocumented)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                if (node.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in properties.EnumerateObject())
                    {
                        var documented = p.Value.TryGetProperty("description", out _)
                            || (p.Value.TryGetProperty("$ref", out var target) && At(target.GetString()!.TrimStart('#', '/').Replace('/', '.')).TryGetProperty("description", out _));
                        if (!documented)
                        {
                            undocumented.Add($"{path}.properties.{p.Name}");
                        }
                    }
                }

                // "not", "if" and "then" restate properties to constrain them; the descriptions are where they are declared.
                foreach (var p in node.EnumerateObject().Where(p => p.Name is not ("not" or "if" or "then")))
                {
                    Walk(p.Value, $"{path}.{p.Name}", undocumented);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in node.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", undocumented);
                }

                break;
        }
    }
}
