using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RentalRules.Hosting.Journals;
using RentalRules.Hosting.Packs;
using RentalRules.Hosting.Routing;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Hosting.Tests;

/// <summary>services.AddRentalRules(...): what it registers and what a host may override.</summary>
public sealed class RentalRulesServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Action<IServiceCollection>? before = null, Action<RentalRulesOptions>? configure = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services);
        return services.AddRentalRules(o =>
        {
            o.PackFolder = Repo.Path("rules");
            o.WatchForChanges = false;
            configure?.Invoke(o);
        }).BuildServiceProvider();
    }

    [Fact]
    public void AddRentalRules_Defaults_RegistersSingletonsWithTheSystemClockAndAnInMemoryStore()
    {
        using var services = Build();

        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.IsType<InMemoryJournalStore>(services.GetRequiredService<IJournalStore>());
        Assert.Same(services.GetRequiredService<IRulePackProvider>(), services.GetRequiredService<IRulePackProvider>());
        Assert.Same(services.GetRequiredService<IVacancyRouter>(), services.GetRequiredService<IVacancyRouter>());
        Assert.Equal("holbaek-2024", services.GetRequiredService<IRulePackProvider>().GetPack("Holbæk", new DateOnly(2025, 3, 1)).Id);
    }

    [Fact]
    public void AddRentalRules_HostRegisteredTheClock_UsesTheHostsClock()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var services = Build(s => s.AddSingleton<TimeProvider>(clock));

        Assert.Same(clock, services.GetRequiredService<TimeProvider>());
        Assert.Equal(clock.GetUtcNow(), services.GetRequiredService<IRulePackProvider>().Current.LoadedAt);
    }

    [Fact]
    public void AddRentalRules_JournalStoreOption_IsTheStore()
    {
        var store = new InMemoryJournalStore();
        using var services = Build(configure: o => o.JournalStore = store);

        Assert.Same(store, services.GetRequiredService<IJournalStore>());
    }

    [Fact]
    public void AddRentalRules_HostRegisteredAStore_KeepsTheHostsStore()
    {
        var store = new InMemoryJournalStore();
        using var services = Build(s => s.AddSingleton<IJournalStore>(store), o => o.JournalStore = new InMemoryJournalStore());

        Assert.Same(store, services.GetRequiredService<IJournalStore>());
    }

    [Fact]
    public void AddRentalRules_InvalidOptions_FailWithTheReason()
    {
        using var services = Build(configure: o => o.MaxRoutingAttempts = 0);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IVacancyRouter>());

        Assert.Contains("MaxRoutingAttempts must be at least 1", ex.Message, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
