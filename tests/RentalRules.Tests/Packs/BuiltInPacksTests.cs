using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using RentalRules.Evaluation;

namespace RentalRules.Tests.Packs;

/// <summary>
/// The packs built into RentalRules.dll: every pack of rules/ and rules/examples/, loadable by id, and the ids a pack
/// anywhere on disk may extend. An id resolves to a file beside the pack, then a rules/ folder above it, then a built-in.
/// </summary>
public sealed class BuiltInPacksTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("rr-builtin-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string relative, string json)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    private static List<string> ShippedIdList()
        => Repo.PackFiles("rules").Concat(Repo.PackFiles("rules", "examples"))
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> ShippedIds() => new(ShippedIdList());

    [Fact]
    public void BuiltInPacks_AreEveryPackOfRulesAndExamples_WithTheirTitleStatusAndValidity()
    {
        var expected = ShippedIdList();

        var listed = RulePackLoader.BuiltInPacks;

        Assert.Equal(expected, listed.Select(p => p.Id).ToList());
        foreach (var info in listed)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Repo.PackFile(info.Id)));
            var root = doc.RootElement;
            Assert.Equal(root.GetProperty("title").GetString(), info.Title);
            Assert.Equal(root.GetProperty("status").GetString(), info.Status);
            Assert.Equal(root.GetProperty("version").GetString(), info.Version);
            Assert.Equal(root.TryGetProperty("validFrom", out var from) ? DateOnly.Parse(from.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null, info.ValidFrom);
            Assert.Equal(root.TryGetProperty("validTo", out var to) ? DateOnly.Parse(to.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null, info.ValidTo);
        }

        var holbaek = Assert.Single(listed, p => p.Id == "holbaek-2024");
        Assert.Equal(("signed", new DateOnly(2024, 7, 1), new DateOnly(2027, 12, 31)), (holbaek.Status, holbaek.ValidFrom, holbaek.ValidTo));
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void LoadBuiltIn_EveryShippedPack_IsThePackLoadedFromItsFile(string id)
    {
        var result = RulePackLoader.LoadBuiltIn(id);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var fromFile = Repo.Pack(id);
        Assert.Equal(fromFile.Extends, result.Value!.Extends);
        Assert.Equal(fromFile.Citations, result.Value.Citations);
        Assert.Equal(fromFile.Tiers, result.Value.Tiers);
    }

    [Fact]
    public void LoadBuiltIn_MisspeltId_SuggestsTheClosestIdAndThePacksCommand()
    {
        var result = RulePackLoader.LoadBuiltIn("holbek-2024");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("holbek-2024:1:1: error RR0107: There is no built-in pack 'holbek-2024'. (at $) Hint: Did you mean 'holbaek-2024'? 'rentalrules packs' (or RulePackLoader.BuiltInPacks) lists the built-in packs.", d.ToString());
    }

    [Fact]
    public void LoadBuiltIn_IdLikeNoBuiltInPack_NamesThePacksCommandWithoutAGuess()
    {
        var result = RulePackLoader.LoadBuiltIn("no-such-municipality");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("no-such-municipality:1:1: error RR0107: There is no built-in pack 'no-such-municipality'. (at $) Hint: 'rentalrules packs' (or RulePackLoader.BuiltInPacks) lists the built-in packs.", d.ToString());
    }

    [Fact]
    public void Load_DraftInAFolderOfItsOwn_ExtendsTheBuiltInPackById()
    {
        var draft = Write("drafts/holbaek-green35.json", """
            { "id": "holbaek-green35", "version": "0.1.0", "title": "Draft", "status": "draft", "extends": ["holbaek-2024"],
              "parameters": { "greenMax": { "values": [ { "from": "2024-07-01", "value": 0.35 } ] } } }
            """);

        var pack = RulePackLoader.Load(draft).GetValueOrThrow();

        Assert.Equal(["holbaek-2024", "dk-statutory-restrictions", "dk-baseline"], pack.Extends);
        var placement = pack.Place(new PlacementRequest(new RentalRules.Facts.Department { Id = "d", Residents = 400, KeyFigures = new RentalRules.Facts.KeyFigures { OutsideLabourMarketShare = 0.34m } }, new DateOnly(2025, 1, 1)));
        Assert.Equal("green", placement.Tier);
    }

    [Fact]
    public void Load_DraftGivingOnlyAParametersValues_InheritsItsUnitClauseAndNote()
    {
        var draft = Write("draft.json", """
            { "id": "d", "version": "0.1.0", "title": "Draft", "status": "draft", "extends": ["holbaek-2024"],
              "parameters": { "greenMax": { "values": [ { "from": "2024-07-01", "value": 0.35 } ] } } }
            """);

        var pack = RulePackLoader.Load(draft).GetValueOrThrow();
        var basePack = RulePackLoader.LoadBuiltIn("holbaek-2024").GetValueOrThrow();

        var greenMax = pack.Parameters["greenMax"];
        var baseGreenMax = basePack.Parameters["greenMax"];
        Assert.Equal((baseGreenMax.Unit, baseGreenMax.Clause, baseGreenMax.Note), (greenMax.Unit, greenMax.Clause, greenMax.Note));
        Assert.Equal(0.35m, greenMax.ValueOn(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Load_BaseBesideTheDraft_TakesPrecedenceOverTheBuiltInPack()
    {
        var own = File.ReadAllText(Repo.Rules("holbaek-2024.json")).Replace("\"title\": \"Rammeaftale om udlejning", "\"title\": \"LOCAL COPY Rammeaftale om udlejning", StringComparison.Ordinal);
        Write("holbaek-2024.json", own);
        var draft = Write("draft.json", """{ "id": "d", "version": "0.1.0", "title": "Draft", "status": "draft", "extends": ["holbaek-2024", "no-such-pack"] }""");

        var result = RulePackLoader.Load(draft);

        // The local copy is the one read: the missing second base is reported, and nothing of the built-in was needed.
        var d = Assert.Single(result.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal($"{d.Location.File}:1:99: error RR0107: The base pack 'no-such-pack' cannot be found. (at $.extends[1]) Hint: Put no-such-pack.json beside this pack or in a rules/ folder above it. Or name a built-in pack; RulePackLoader.BuiltInPacks lists them, and so does 'rentalrules packs'.", d.ToString());
        var ok = RulePackLoader.Load(Write("draft2.json", """{ "id": "d2", "version": "0.1.0", "title": "Draft", "status": "draft", "extends": ["holbaek-2024"] }""")).GetValueOrThrow();
        Assert.Contains("holbaek-2024", ok.Extends);
    }

    [Fact]
    public void Load_BaseInARulesFolderAbove_TakesPrecedenceOverTheBuiltInPack()
    {
        Write("rules/holbaek-2024.json", "{ \"id\": \"holbaek-2024\", \"version\": \"9\", \"title\": \"Broken local copy\", \"tiers\": 7 }");
        var draft = Write("work/drafts/draft.json", """{ "id": "d", "version": "0.1.0", "title": "Draft", "status": "draft", "extends": ["holbaek-2024"] }""");

        var result = RulePackLoader.Load(draft);

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Location.File.EndsWith(Path.Combine("rules", "holbaek-2024.json"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../outside/appsettings", "extends names pack ids, not files: '../outside/appsettings' is a path.")]
    [InlineData("../outside/appsettings.json", "extends names pack ids, not files: '../outside/appsettings.json' is a path.")]
    [InlineData("holbaek-2024.json", "extends names pack ids, not files: 'holbaek-2024.json' is a path.")]
    [InlineData("/etc/passwd", "extends names pack ids, not files: '/etc/passwd' is a path.")]
    [InlineData("holbaek 2024", "extends names pack ids: 'holbaek 2024' is not a pack id.")]
    public void Load_ExtendsAPath_IsALocatedErrorAndOpensNoFile(string extends, string message)
    {
        Write("outside/appsettings.json", """{ "connectionStrings": { "db": "secret" }, "apiKey": "k" }""");
        var draft = Write("packs/draft.json", "{\n  \"id\": \"d\", \"version\": \"1\", \"title\": \"D\",\n  \"extends\": [\n    " + JsonSerializer.Serialize(extends) + "\n  ]\n}");

        var result = RulePackLoader.Load(draft);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidValue, message, "$.extends[0]", 4, 5), (d.Code, d.Message, d.Location.JsonPath, d.Location.Line, d.Location.Column));
        Assert.StartsWith("Write the base pack's id", d.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("connectionStrings", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromStream_WithoutResolveBase_ResolvesBuiltInBases()
    {
        using var stream = File.OpenRead(Repo.Rules("holbaek-2024.json"));

        var result = RulePackLoader.LoadFromStream(stream, "holbaek-2024.json");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(Repo.Pack("holbaek-2024").Citations, result.Value!.Citations);
    }

    [Fact]
    public void PackSchema_IsTheShippedSchemaWithAnId()
    {
        Assert.Equal(File.ReadAllText(Repo.Path("rules", "schema", "rentalrules-pack.schema.json")), RulePackLoader.PackSchema);
        using var doc = JsonDocument.Parse(RulePackLoader.PackSchema);
        Assert.StartsWith("https://", doc.RootElement.GetProperty("$id").GetString(), StringComparison.Ordinal);
    }
}
