using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Hosting.Ledgers;
using RentalRules.Hosting.Packs;
using RentalRules.Hosting.Routing;
using RentalRules.Hosting.Tests.Infrastructure;

namespace RentalRules.Hosting.Tests.Routing;

/// <summary>The router: read, route, store with optimistic concurrency, retry on conflict.</summary>
public sealed class VacancyRouterTests
{
    private readonly CapturingLoggerProvider _logs = new();

    [Fact]
    public async Task RouteAsync_FirstVacancy_StoresANewLedgerUnderThePackId()
    {
        var store = new InMemoryLedgerStore();
        using var services = HoejeTaastrup.Services(store, logs: _logs);

        var result = await services.GetRequiredService<IVacancyRouter>().RouteAsync(HoejeTaastrup.Municipality, HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(1), HoejeTaastrup.On);

        Assert.Equal(VacancyRoute.Flexible, result.Decision.Route);
        Assert.Equal(1, result.Decision.Count);
        Assert.Equal(HoejeTaastrup.PackId, result.Pack.Id);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, (await store.GetAsync(HoejeTaastrup.PackId))!.ChangeCounter);
        Assert.Contains(_logs.Entries, e => e.Message == "Routed a vacancy in department HT-PARKVEJ under hoeje-taastrup-2023 1.0.0: flexible (counter family, count 1, ledger change 1, attempt 1)");
    }

    [Fact]
    public async Task RouteAsync_AnotherWriterGetsThereFirst_ReadsAgainAndCountsAfterIt()
    {
        var store = new InterferingStore(new InMemoryLedgerStore(), interferences: 1);
        using var services = HoejeTaastrup.Services(store, logs: _logs);

        var result = await services.GetRequiredService<IVacancyRouter>().RouteAsync(HoejeTaastrup.Municipality, HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(2), HoejeTaastrup.On);

        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, result.Decision.Count);
        Assert.Equal(2, (await store.GetAsync(HoejeTaastrup.PackId))!.ChangeCounter);
        Assert.Contains(_logs.Entries, e => e.Message.StartsWith("The quota ledger hoeje-taastrup-2023 changed while routing (attempt 1 of 20)", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30000)]
    public async Task RouteAsync_LedgerChangesUnderEveryAttempt_ThrowsAfterTheLastAndCountsNothing()
    {
        var inner = new InMemoryLedgerStore();
        var store = new InterferingStore(inner, interferences: int.MaxValue);
        using var services = HoejeTaastrup.Services(store, o => o.MaxRoutingAttempts = 3, _logs);

        var ex = await Assert.ThrowsAsync<LedgerConflictException>(() => services.GetRequiredService<IVacancyRouter>().RouteAsync(HoejeTaastrup.Municipality, HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(1), HoejeTaastrup.On));

        Assert.Equal(3, ex.Attempts);
        Assert.Equal(HoejeTaastrup.PackId, ex.LedgerKey);
        Assert.Contains("under each of 3 routing attempts; nothing was counted", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await inner.GetAsync(HoejeTaastrup.PackId))!.ChangeCounter); // the interfering writer's three
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("changed under every one of 3 routing attempts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RouteAsync_VacancyOutsideTheAgreement_IsNotCountedOrStored()
    {
        var store = new InMemoryLedgerStore();
        using var services = HoejeTaastrup.Services(store, logs: _logs);
        var department = RentalRules.Tests.Infrastructure.Build.Department("HB-1") with { Municipality = "Holbæk" };

        var result = await services.GetRequiredService<IVacancyRouter>().RouteAsync("Holbæk", department, new Vacancy { Id = "Y-1", Department = "HB-1", Category = DwellingCategory.Youth }, HoejeTaastrup.On);

        Assert.Equal(VacancyRoute.OutOfScope, result.Decision.Route);
        Assert.Null(await store.GetAsync("holbaek-2024"));
        Assert.Contains(_logs.Entries, e => e.Message.EndsWith("outOfScope, not counted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RouteAsync_NoPackForTheMunicipality_ThrowsRulePackNotFound()
    {
        using var services = HoejeTaastrup.Services(new InMemoryLedgerStore());

        await Assert.ThrowsAsync<RulePackNotFoundException>(() => services.GetRequiredService<IVacancyRouter>().RouteAsync("Aarhus", HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(1), HoejeTaastrup.On));
    }

    [Fact]
    public async Task RouteAsync_Cancelled_CountsNothing()
    {
        var store = new InMemoryLedgerStore();
        using var services = HoejeTaastrup.Services(store);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.GetRequiredService<IVacancyRouter>().RouteAsync(HoejeTaastrup.Municipality, HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(1), HoejeTaastrup.On, new CancellationToken(canceled: true)));

        Assert.Null(await store.GetAsync(HoejeTaastrup.PackId));
    }

    /// <summary>A store where another writer counts a vacancy of its own just before each of the first N writes.</summary>
    private sealed class InterferingStore(ILedgerStore inner, int interferences) : ILedgerStore
    {
        private int _left = interferences;

        public Task<Ledger?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public async Task<bool> TryReplaceAsync(string key, long expectedChangeCounter, Ledger ledger, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Decrement(ref _left) >= 0)
            {
                var current = await inner.GetAsync(key, cancellationToken);
                var theirs = HoejeTaastrup.Ledger(1, current);
                Assert.True(await inner.TryReplaceAsync(key, current?.ChangeCounter ?? 0, theirs, cancellationToken));
            }

            return await inner.TryReplaceAsync(key, expectedChangeCounter, ledger, cancellationToken);
        }
    }
}
