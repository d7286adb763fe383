using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RentalRules.Diagnostics;
using RentalRules.Hosting.Packs;
using RentalRules.Packs;
using RentalRules.Hosting.Tests.Infrastructure;
using RentalRules.Tests.Infrastructure;
using RentalRules.Evaluation;

namespace RentalRules.Hosting.Tests.Packs;

/// <summary>The folder pack provider: selection by municipality and date, validation before a swap, and the swap itself.</summary>
public sealed class FolderRulePackProviderTests : IDisposable
{
    private static readonly string[] Agreements = ["dk-baseline", "dk-statutory-restrictions", "holbaek-2024", "hoeje-taastrup-2023", "hoeje-taastrup-private-letting-2021"];

    private readonly PackFolder _folder = new(Agreements);
    private readonly CapturingLoggerProvider _logs = new();
    private ServiceProvider? _services;

    public void Dispose()
    {
        _services?.Dispose();
        _folder.Dispose();
    }

    private IRulePackProvider Provider(Action<RentalRulesOptions>? configure = null)
    {
        _services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace))
            .AddRentalRules(o =>
            {
                o.PackFolder = _folder.Path;
                o.WatchForChanges = false;
                o.IncludeBuiltInPacks = false;
                configure?.Invoke(o);
            })
            .BuildServiceProvider();
        return _services.GetRequiredService<IRulePackProvider>();
    }

    [Fact]
    public void GetPack_MunicipalityAndDateInsideTheAgreement_ReturnsTheAgreement()
    {
        var provider = Provider();

        Assert.Equal("holbaek-2024", provider.GetPack("Holbæk", new DateOnly(2025, 3, 1)).Id);
        Assert.Equal("hoeje-taastrup-2023", provider.GetPack("Høje-Taastrup", new DateOnly(2025, 3, 1)).Id);
        Assert.Equal("holbaek-2024", provider.GetPack("holbæk", new DateOnly(2024, 7, 1)).Id);
        Assert.Equal("holbaek-2024", provider.GetPack(" HOLBÆK ", new DateOnly(2027, 12, 31)).Id);
    }

    [Fact]
    public void TryGetPack_DateOutsideEveryAgreement_ReturnsFalse()
    {
        var provider = Provider();

        Assert.False(provider.TryGetPack("Holbæk", new DateOnly(2024, 6, 30), out var before));
        Assert.Null(before);
        Assert.False(provider.TryGetPack("Holbæk", new DateOnly(2028, 1, 1), out _));
        Assert.False(provider.TryGetPack("Aarhus", new DateOnly(2025, 3, 1), out _));
    }

    [Fact]
    public void GetPack_NoPackCovers_ThrowsNamingTheMunicipalityAndDate()
    {
        var provider = Provider();

        var ex = Assert.Throws<RulePackNotFoundException>(() => provider.GetPack("Aarhus", new DateOnly(2025, 3, 1)));
        Assert.Equal("Aarhus", ex.Municipality);
        Assert.Equal(new DateOnly(2025, 3, 1), ex.On);
        Assert.Contains("'Aarhus' on 2025-03-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetPack_SuccessorInstalledAhead_AnswersFromItsValidFromAndThePredecessorUntilThen()
    {
        _folder.Write("holbaek-2028", PackFolder.Shipped("holbaek-2024")
            .With("\"id\": \"holbaek-2024\"", "\"id\": \"holbaek-2028\"")
            .With("\"validFrom\": \"2024-07-01\"", "\"validFrom\": \"2028-01-01\"")
            .With("\"validTo\": \"2027-12-31\"", "\"validTo\": \"2031-12-31\""));
        var provider = Provider();

        Assert.Equal("holbaek-2024", provider.GetPack("Holbæk", new DateOnly(2027, 12, 31)).Id);
        Assert.Equal("holbaek-2028", provider.GetPack("Holbæk", new DateOnly(2028, 1, 1)).Id);
        Assert.Equal("holbaek-2028", provider.GetPack("Holbæk", new DateOnly(2031, 12, 31)).Id);
    }

    [Fact]
    public void GetPack_SuccessorOverlapsItsPredecessor_TheLaterValidFromWins()
    {
        _folder.Write("holbaek-2027", PackFolder.Shipped("holbaek-2024")
            .With("\"id\": \"holbaek-2024\"", "\"id\": \"holbaek-2027\"")
            .With("\"validFrom\": \"2024-07-01\"", "\"validFrom\": \"2027-07-01\"")
            .With("\"validTo\": \"2027-12-31\"", "\"validTo\": \"2030-12-31\""));
        var provider = Provider();

        Assert.Equal("holbaek-2024", provider.GetPack("Holbæk", new DateOnly(2027, 6, 30)).Id);
        Assert.Equal("holbaek-2027", provider.GetPack("Holbæk", new DateOnly(2027, 7, 1)).Id);
    }

    [Fact]
    public void GetPack_DraftPack_IsNotSelectedUnlessDraftsAreIncluded()
    {
        // The private-letting draft names Høje-Taastrup and has no validity period: it must not shadow the agreement.
        File.Delete(_folder.File("hoeje-taastrup-2023"));
        var provider = Provider();
        Assert.False(provider.TryGetPack("Høje-Taastrup", new DateOnly(2025, 3, 1), out _));
        Assert.Contains(provider.Packs, p => p.Pack?.Id == "hoeje-taastrup-private-letting-2021" && p.Valid);

        _services!.Dispose();
        var withDrafts = Provider(o => o.IncludeDrafts = true);
        Assert.Equal("hoeje-taastrup-private-letting-2021", withDrafts.GetPack("Høje-Taastrup", new DateOnly(2025, 3, 1)).Id);
    }

    [Fact]
    public void Packs_ListEveryFileWithItsPackAndDiagnostics()
    {
        _folder.Write("broken", "{ \"id\": \"broken\", ");
        var provider = Provider();

        Assert.Equal(["broken.json", "dk-baseline.json", "dk-statutory-restrictions.json", "hoeje-taastrup-2023.json", "hoeje-taastrup-private-letting-2021.json", "holbaek-2024.json"], provider.Packs.Select(p => p.File));
        var broken = provider.Packs[0];
        Assert.Null(broken.Pack);
        Assert.False(broken.Valid);
        Assert.Contains(broken.Diagnostics, d => d.Code == DiagnosticCodes.JsonSyntax && d.Location.File == "broken.json");
        Assert.All(provider.Packs.Skip(1), p => Assert.True(p.Valid));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("broken.json", StringComparison.Ordinal) && e.Message.Contains("RR0001", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_InvalidReplacement_KeepsServingTheOldPackAndLogsTheDiagnostics()
    {
        var provider = Provider();
        var before = provider.GetPack("Holbæk", new DateOnly(2025, 3, 1));

        // A misspelt fact name: valid JSON, invalid pack.
        _folder.Write("holbaek-2024", PackFolder.Shipped("holbaek-2024").WithVersion("2.0.0").With("missing(department.keyFigures.outsideLabourMarketShare)", "missing(department.keyFigures.outsideLabourMarketShar)"));
        var set = provider.Reload();

        Assert.Same(before, provider.GetPack("Holbæk", new DateOnly(2025, 3, 1)));
        var entry = Assert.Single(set.Packs, p => p.File == "holbaek-2024.json");
        Assert.True(entry.Stale);
        Assert.False(entry.Valid);
        Assert.Same(before, entry.Pack);
        Assert.Contains(entry.Diagnostics, d => d.Code == DiagnosticCodes.UnknownName);
        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("holbaek-2024.json is invalid", error.Message, StringComparison.Ordinal);
        Assert.Contains("still serving holbaek-2024 1.0.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("error RR0202", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'outsideLabourMarketShare'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_ValidReplacement_SwapsTheWholeSet()
    {
        var provider = Provider();
        var before = provider.Current;

        _folder.Write("hoeje-taastrup-2023", PackFolder.Shipped("hoeje-taastrup-2023").WithVersion("1.1.0").With("\"municipalShare\": \"11/50\"", "\"municipalShare\": \"1/4\""));
        var after = provider.Reload();

        Assert.NotSame(before, after);
        Assert.Same(after, provider.Current);
        Assert.Equal(before.Generation + 1, after.Generation);
        var pack = provider.GetPack("Høje-Taastrup", new DateOnly(2025, 3, 1));
        Assert.Equal("1.1.0", pack.Version);
        Assert.Equal("1/4", pack.Place(new PlacementRequest(Build.Department() with { Designation = Facts.Designation.Prevention }, new DateOnly(2025, 3, 1))).MunicipalShare?.ToString());
        Assert.Contains(_logs.Entries, e => e.Message == "Replaced rule pack hoeje-taastrup-2023 1.0.0 with hoeje-taastrup-2023 1.1.0 from hoeje-taastrup-2023.json");

        // The old snapshot is untouched: an evaluation that holds it still sees the old pack whole.
        Assert.Equal("1.0.0", before.GetPack("Høje-Taastrup", new DateOnly(2025, 3, 1)).Version);
    }

    [Fact]
    public void Reload_NothingChanged_KeepsTheSameSetAndCompiledPacks()
    {
        var provider = Provider();
        var before = provider.Current;

        var after = provider.Reload();

        Assert.Same(before, after);
    }

    [Fact]
    public void Reload_BasePackChanged_RecompilesThePacksThatExtendIt()
    {
        var provider = Provider();
        var holbaek = provider.GetPack("Holbæk", new DateOnly(2025, 3, 1));

        _folder.Write("dk-statutory-restrictions", PackFolder.Shipped("dk-statutory-restrictions").WithVersion("1.0.1"));
        provider.Reload();

        Assert.NotSame(holbaek, provider.GetPack("Holbæk", new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void Reload_BasePackBecomesInvalid_EveryPackThatExtendsItKeepsItsOldVersion()
    {
        var provider = Provider();
        var holbaek = provider.GetPack("Holbæk", new DateOnly(2025, 3, 1));
        var hoejeTaastrup = provider.GetPack("Høje-Taastrup", new DateOnly(2025, 3, 1));

        _folder.Write("dk-statutory-restrictions", "{ \"id\": \"dk-statutory-restrictions\", \"version\": ");
        var set = provider.Reload();

        Assert.Same(holbaek, provider.GetPack("Holbæk", new DateOnly(2025, 3, 1)));
        Assert.Same(hoejeTaastrup, provider.GetPack("Høje-Taastrup", new DateOnly(2025, 3, 1)));
        Assert.All(set.Packs.Where(p => p.File is "holbaek-2024.json" or "hoeje-taastrup-2023.json" or "dk-statutory-restrictions.json"), p => Assert.True(p.Stale));
    }

    [Fact]
    public void Reload_FileRemoved_StopsServingItsPack()
    {
        var provider = Provider();

        File.Delete(_folder.File("holbaek-2024"));
        provider.Reload();

        Assert.False(provider.TryGetPack("Holbæk", new DateOnly(2025, 3, 1), out _));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("holbaek-2024.json was removed", StringComparison.Ordinal));
    }

    [Fact]
    public void Provider_NoFolder_ServesTheBuiltInPacks()
    {
        var provider = Provider(o => (o.PackFolder, o.IncludeBuiltInPacks) = (null, true));

        Assert.Equal("holbaek-2024", provider.GetPack("Holbæk", new DateOnly(2025, 3, 1)).Id);
        Assert.Equal(RulePackLoader.BuiltInPacks.Select(p => "built-in/" + p.Id + ".json"), provider.Packs.Select(p => p.File));
        Assert.All(provider.Packs, p => Assert.True(p.Valid));
    }

    [Fact]
    public void Provider_FolderPackWithALaterVersion_OverridesTheBuiltInPack()
    {
        _folder.Write("holbaek-2024", PackFolder.Shipped("holbaek-2024").WithVersion("1.1.0"));

        var provider = Provider(o => o.IncludeBuiltInPacks = true);

        var served = provider.GetPack("Holbæk", new DateOnly(2025, 3, 1));
        Assert.Equal("1.1.0", served.Version);
        Assert.Single(provider.Packs, p => p.Pack?.Id == "holbaek-2024");
        Assert.Contains(provider.Packs, p => p.File == "built-in/aalborg-2023.json" && p.Valid);
    }

    [Fact]
    public void Provider_FolderPackWithAnEarlierVersion_IsListedInvalidAndTheBuiltInPackServes()
    {
        _folder.Write("holbaek-2024", PackFolder.Shipped("holbaek-2024").WithVersion("0.9.0"));

        var provider = Provider(o => o.IncludeBuiltInPacks = true);

        Assert.Equal("1.0.0", provider.GetPack("Holbæk", new DateOnly(2025, 3, 1)).Version);
        var file = Assert.Single(provider.Packs, p => p.File == "holbaek-2024.json");
        Assert.False(file.Valid);
        Assert.Equal("The pack holbaek-2024 0.9.0 is older than the built-in pack holbaek-2024 1.0.0, which is served instead.", file.Diagnostics[0].Message);
        Assert.Contains(provider.Packs, p => p.File == "built-in/holbaek-2024.json" && p.Valid);
    }

    [Fact]
    public void Provider_FolderPackExtendingAPackTheFolderLacks_ResolvesItAmongTheBuiltInPacks()
    {
        File.Delete(_folder.File("dk-statutory-restrictions"));
        File.Delete(_folder.File("dk-baseline"));

        var provider = Provider();

        Assert.Equal(["dk-statutory-restrictions", "dk-baseline"], provider.GetPack("Holbæk", new DateOnly(2025, 3, 1)).Extends);
    }

    [Fact]
    public void Provider_FolderMissing_ThrowsNamingTheFolder()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var ex = Assert.Throws<DirectoryNotFoundException>(() => Provider(o => o.PackFolder = missing));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 150000)]
    public async Task Watch_ValidFileWritten_SwapsWithoutAReloadCall()
    {
        var provider = Provider(o =>
        {
            o.WatchForChanges = true;
            o.ReloadDelay = TimeSpan.FromMilliseconds(100);
        });

        _folder.Write("holbaek-2024", PackFolder.Shipped("holbaek-2024").WithVersion("1.0.1"));

        await Wait.Until(() => provider.GetPack("Holbæk", new DateOnly(2025, 3, 1)).Version == "1.0.1", "the watcher to swap in holbaek-2024 1.0.1");
    }

    [Fact(Timeout = 150000)]
    public async Task Watch_InvalidFileWritten_KeepsTheOldPackAndLogsWhy()
    {
        var provider = Provider(o =>
        {
            o.WatchForChanges = true;
            o.ReloadDelay = TimeSpan.FromMilliseconds(100);
        });
        var before = provider.GetPack("Holbæk", new DateOnly(2025, 3, 1));

        _folder.Replace("holbaek-2024", PackFolder.Shipped("holbaek-2024").WithVersion("1.0.1").With("\"municipalShare\": \"1/3\"", "\"municipalShare\": \"33\""));

        // The set is swapped first and the change logged right after: wait for both.
        await Wait.Until(
            () => provider.Packs.Any(p => p.File == "holbaek-2024.json" && p.Stale) && _logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("RR0108", StringComparison.Ordinal)),
            "the watcher to reject the invalid holbaek-2024.json and log why");
        Assert.Same(before, provider.GetPack("Holbæk", new DateOnly(2025, 3, 1)));
    }
}
