using Microsoft.Extensions.Logging;
using RentalRules.Diagnostics;
using RentalRules.Hosting.Packs;
using RentalRules.Hosting.Tests.Infrastructure;
using RentalRules.Packs;

namespace RentalRules.Hosting.Tests.Packs;

/// <summary>
/// A pack file that fails to load — with diagnostics, or with an exception out of the loader — never stops the provider
/// from serving the other packs, at start-up or on a reload, and is listed with its diagnostics in
/// <see cref="RulePackSet.Invalid"/>; a fixed file is served again.
/// </summary>
public sealed class FailingPackTests : IDisposable
{
    /// <summary>Marks the loader's exception message: it must never reach a diagnostic.</summary>
    private const string Marker = "MARKER-7f3a";

    private static readonly string[] Agreements = ["dk-baseline", "dk-statutory-restrictions", "holbaek-2024", "hoeje-taastrup-2023"];
    private static readonly DateOnly On = new(2025, 3, 1);

    private readonly PackFolder _folder = new(Agreements);
    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<FolderRulePackProvider> _providers = [];

    /// <summary>The files the injected loader throws for, as the loader did for some packs (issue 13).</summary>
    private readonly HashSet<string> _throwFor = new(StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var p in _providers)
        {
            p.Dispose();
        }

        _logs.Dispose();
        _folder.Dispose();
    }

    private FolderRulePackProvider Provider(bool watch = false)
    {
        var options = new RentalRulesOptions { PackFolder = _folder.Path, IncludeBuiltInPacks = false, WatchForChanges = watch, ReloadDelay = TimeSpan.FromMilliseconds(100) };
        var provider = new FolderRulePackProvider(options, TimeProvider.System, _logs.CreateLogger("RentalRules.Hosting.Packs"), Load);
        _providers.Add(provider);
        return provider;
    }

    private LoadResult<RulePack> Load(Stream stream, string name, Func<string, Stream?> resolveBase)
    {
        lock (_throwFor)
        {
            if (_throwFor.Contains(name))
            {
                throw new ArgumentOutOfRangeException("months", $"The added or subtracted value results in an un-representable DateTime ({Marker}).");
            }
        }

        return RulePackLoader.LoadFromStream(stream, name, resolveBase);
    }

    private void ThrowFor(string file)
    {
        lock (_throwFor)
        {
            _throwFor.Add(file);
        }
    }

    private static void AssertServesTheAgreements(IRulePackProvider provider)
    {
        Assert.Equal("holbaek-2024", provider.GetPack("Holbæk", On).Id);
        Assert.Equal("hoeje-taastrup-2023", provider.GetPack("Høje-Taastrup", On).Id);
    }

    [Fact]
    public void StartUp_OneBadFileOfEachKindAmongGoodOnes_ServesTheGoodOnesAndListsEachBadOneWithItsDiagnostics()
    {
        _folder.Write("truncated", "{ \"id\": \"truncated\", \"version\": ");
        _folder.Write("misspelt", PackFolder.Shipped("holbaek-2024").With("\"id\": \"holbaek-2024\"", "\"id\": \"misspelt\"").With("missing(department.keyFigures.outsideLabourMarketShare)", "missing(department.keyFigures.outsideLabourMarketShar)"));
        _folder.Write("crashing", PackFolder.Shipped("holbaek-2024").With("\"id\": \"holbaek-2024\"", "\"id\": \"crashing\""));
        ThrowFor("crashing.json");

        var provider = Provider();

        AssertServesTheAgreements(provider);
        Assert.Equal(["crashing.json", "misspelt.json", "truncated.json"], provider.Current.Invalid.Select(p => p.File));
        Assert.All(provider.Current.Invalid, p => Assert.Null(p.Pack));
        var truncated = Assert.Single(provider.Current.Invalid, p => p.File == "truncated.json").Diagnostics[0];
        Assert.Equal((DiagnosticCodes.JsonSyntax, "truncated.json", 1), (truncated.Code, truncated.Location.File, truncated.Location.Line));
        var misspelt = Assert.Single(provider.Current.Invalid, p => p.File == "misspelt.json").Diagnostics;
        Assert.Contains(misspelt, d => d.Code == DiagnosticCodes.UnknownName && d.Location.File == "misspelt.json" && d.Location.JsonPath.StartsWith("$.", StringComparison.Ordinal) && d.Location.Line > 1);
        var crashing = Assert.Single(Assert.Single(provider.Current.Invalid, p => p.File == "crashing.json").Diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.InternalError, "crashing.json", "$"), (crashing.Severity, crashing.Code, crashing.Location.File, crashing.Location.JsonPath));
        Assert.Equal("RentalRules failed while loading this pack (ArgumentOutOfRangeException); it is not served.", crashing.Message);
        Assert.DoesNotContain(Marker, crashing.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StartUp_LoaderThrows_IsLoggedByFileAndExceptionTypeAndTheFolderSummaryCountsIt()
    {
        ThrowFor("holbaek-2024.json");

        var provider = Provider();

        Assert.Equal("hoeje-taastrup-2023", provider.GetPack("Høje-Taastrup", On).Id);
        Assert.False(provider.TryGetPack("Holbæk", On, out _));
        var failure = Assert.Single(_logs.Entries, e => e.EventId.Id == 1012);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Equal("Loading the rule pack file holbaek-2024.json failed with ArgumentOutOfRangeException, a fault in RentalRules; the file is listed as invalid and the other packs are served", failure.Message);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("holbaek-2024.json is invalid", StringComparison.Ordinal) && e.Message.Contains("RR0900", StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.Message.EndsWith("3 valid pack(s), 1 invalid file(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_LoaderThrowsForANewFile_ListsItAndKeepsServingTheOthers()
    {
        var provider = Provider();
        var before = provider.GetPack("Holbæk", On);

        _folder.Write("holbaek-2028", PackFolder.Shipped("holbaek-2024").With("\"id\": \"holbaek-2024\"", "\"id\": \"holbaek-2028\""));
        ThrowFor("holbaek-2028.json");
        var set = provider.Reload();

        Assert.Same(before, provider.GetPack("Holbæk", On));
        Assert.Equal("hoeje-taastrup-2023", provider.GetPack("Høje-Taastrup", On).Id);
        Assert.Equal(DiagnosticCodes.InternalError, Assert.Single(Assert.Single(set.Invalid).Diagnostics).Code);
    }

    [Fact]
    public void Reload_GoodPackReplacedByOneTheLoaderThrowsFor_KeepsServingTheLastGoodVersionAndSaysSo()
    {
        var provider = Provider();
        var before = provider.GetPack("Holbæk", On);

        _folder.Write("holbaek-2024", PackFolder.Shipped("holbaek-2024").WithVersion("1.1.0"));
        ThrowFor("holbaek-2024.json");
        var set = provider.Reload();

        Assert.Same(before, provider.GetPack("Holbæk", On));
        Assert.Equal(set.Invalid, ((IRulePackProvider)provider).Invalid);
        var stale = Assert.Single(set.Invalid);
        Assert.Equal(("holbaek-2024.json", true, "1.0.0"), (stale.File, stale.Stale, stale.Pack!.Version));
        Assert.Equal(DiagnosticCodes.InternalError, Assert.Single(stale.Diagnostics).Code);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("still serving holbaek-2024 1.0.0", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_GoodPackReplacedByAnInvalidVersionThenFixed_ServesTheFixedVersionAndListsNothing()
    {
        var provider = Provider();

        _folder.Write("holbaek-2024", PackFolder.Shipped("holbaek-2024").WithVersion("1.1.0").With("\"municipalShare\": \"1/3\"", "\"municipalShare\": \"33\""));
        var broken = provider.Reload();
        Assert.Equal("1.0.0", provider.GetPack("Holbæk", On).Version);
        Assert.Contains(Assert.Single(broken.Invalid).Diagnostics, d => d.Code == DiagnosticCodes.ShareOutOfRange);

        _folder.Write("holbaek-2024", PackFolder.Shipped("holbaek-2024").WithVersion("1.1.1"));
        var fixedSet = provider.Reload();

        Assert.Equal("1.1.1", provider.GetPack("Holbæk", On).Version);
        Assert.Empty(fixedSet.Invalid);
        Assert.False(Assert.Single(fixedSet.Packs, p => p.File == "holbaek-2024.json").Stale);
    }

    [Fact]
    public void Reload_UnchangedFileTheLoaderThrowsFor_IsNotLoadedOrLoggedAgain()
    {
        ThrowFor("holbaek-2024.json");
        var provider = Provider();
        var before = provider.Current;

        var after = provider.Reload();

        Assert.Same(before, after);
        Assert.Single(_logs.Entries, e => e.EventId.Id == 1012);
    }

    [Fact(Timeout = 150000)]
    public async Task Watch_BadFilesDroppedIntoTheFolder_AreListedTheOthersServeAndAFixedFileIsPickedUp()
    {
        var provider = Provider(watch: true);
        var holbaek = provider.GetPack("Holbæk", On);

        ThrowFor("crashing.json");
        _folder.Replace("crashing", PackFolder.Shipped("holbaek-2024").With("\"id\": \"holbaek-2024\"", "\"id\": \"crashing\""));
        _folder.Replace("holbaek-2028", PackFolder.Shipped("holbaek-2024")
            .With("\"id\": \"holbaek-2024\"", "\"id\": \"holbaek-2028\"")
            .With("\"validFrom\": \"2024-07-01\"", "\"validFrom\": \"2028-01-01\"")
            .With("\"validTo\": \"2027-12-31\"", "\"validTo\": \"2031-12-31\"")
            .With("\"municipalShare\": \"1/3\"", "\"municipalShare\": \"33\""));

        await Wait.Until(() => provider.Current.Invalid.Count == 2, "the watcher to list crashing.json and holbaek-2028.json as invalid");
        Assert.Same(holbaek, provider.GetPack("Holbæk", On));
        Assert.Equal("hoeje-taastrup-2023", provider.GetPack("Høje-Taastrup", On).Id);
        Assert.False(provider.TryGetPack("Holbæk", new DateOnly(2028, 1, 1), out _));

        _folder.Replace("holbaek-2028", PackFolder.Shipped("holbaek-2024")
            .With("\"id\": \"holbaek-2024\"", "\"id\": \"holbaek-2028\"")
            .With("\"validFrom\": \"2024-07-01\"", "\"validFrom\": \"2028-01-01\"")
            .With("\"validTo\": \"2027-12-31\"", "\"validTo\": \"2031-12-31\""));

        await Wait.Until(() => provider.TryGetPack("Holbæk", new DateOnly(2028, 1, 1), out _), "the watcher to serve the fixed holbaek-2028.json");
        Assert.Equal(["crashing.json"], provider.Current.Invalid.Select(p => p.File));
        Assert.Same(holbaek, provider.GetPack("Holbæk", On));
    }
}
