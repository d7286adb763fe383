using Microsoft.Extensions.DependencyInjection;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Hosting.Journals;
using RentalRules.Hosting.Packs;
using RentalRules.Hosting.Routing;
using RentalRules.Hosting.Tests.Infrastructure;

namespace RentalRules.Hosting.Tests.Routing;

/// <summary>The router: records by vacancy id, logs without personal data, refuses what it cannot record.</summary>
public sealed class VacancyRouterTests
{
    private readonly CapturingLoggerProvider _logs = new();

    [Fact]
    public async Task RouteAsync_FirstVacancy_LogsTheDecisionWithoutPersonalData()
    {
        using var services = HoejeTaastrup.Services(new InMemoryJournalStore(), logs: _logs);

        var result = await services.GetRequiredService<IVacancyRouter>().RouteAsync(HoejeTaastrup.Municipality, new RoutingRequest(HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(1), HoejeTaastrup.On));

        Assert.Equal(VacancyRoute.Flexible, result.Decision.Route);
        Assert.Equal(HoejeTaastrup.PackId, result.Pack.Id);
        Assert.Contains(_logs.Entries, e => e.Message == "Routed a vacancy in department HT-PARKVEJ under hoeje-taastrup-2023 1.0.0: flexible (counter family, count 1, revision 1)");
    }

    [Fact]
    public async Task RouteAsync_RecordedAtComesFromTheHostsClock()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero));
        var store = new InMemoryJournalStore();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock)
            .AddRentalRules(o => { o.PackFolder = RentalRules.Tests.Infrastructure.Repo.Path("rules"); o.WatchForChanges = false; o.JournalStore = store; })
            .BuildServiceProvider();
        await using var _ = services;

        var result = await services.GetRequiredService<IVacancyRouter>().RouteAsync(HoejeTaastrup.Municipality, new RoutingRequest(HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(1), HoejeTaastrup.On));

        Assert.Equal(clock.GetUtcNow(), result.Entry!.RecordedAt);
    }

    [Fact]
    public async Task RouteAsync_UndeterminedVacancy_IsNotRecordedSoItCanBeRoutedWhenTheFactsAreComplete()
    {
        var store = new InMemoryJournalStore();
        using var services = HoejeTaastrup.Services(store, logs: _logs);
        var router = services.GetRequiredService<IVacancyRouter>();
        var unknown = new Vacancy { Id = "X-1", Department = HoejeTaastrup.DepartmentId };

        var first = await router.RouteAsync(HoejeTaastrup.Municipality, new RoutingRequest(HoejeTaastrup.Parkvej, unknown, HoejeTaastrup.On));
        var second = await router.RouteAsync(HoejeTaastrup.Municipality, new RoutingRequest(HoejeTaastrup.Parkvej, unknown with { Category = DwellingCategory.Family }, HoejeTaastrup.On));

        Assert.Equal(VacancyRoute.Undetermined, first.Decision.Route);
        Assert.Null(first.Entry);
        Assert.Equal(VacancyRoute.Flexible, second.Decision.Route);
        Assert.False(second.AlreadyRecorded);
    }

    [Fact]
    public async Task RouteAsync_VacancyWithoutId_IsRefused()
    {
        using var services = HoejeTaastrup.Services(new InMemoryJournalStore());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IVacancyRouter>().RouteAsync(HoejeTaastrup.Municipality, new RoutingRequest(HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(1) with { Id = null }, HoejeTaastrup.On)));

        Assert.Contains("keyed by the host's vacancy id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteAsync_NoPackForTheMunicipality_ThrowsRulePackNotFound()
    {
        using var services = HoejeTaastrup.Services(new InMemoryJournalStore());

        await Assert.ThrowsAsync<RulePackNotFoundException>(() => services.GetRequiredService<IVacancyRouter>().RouteAsync("Aarhus", new RoutingRequest(HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(1), HoejeTaastrup.On)));
    }

    [Fact]
    public async Task RouteAsync_Cancelled_RecordsNothing()
    {
        var store = new InMemoryJournalStore();
        using var services = HoejeTaastrup.Services(store);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.GetRequiredService<IVacancyRouter>().RouteAsync(HoejeTaastrup.Municipality, new RoutingRequest(HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(1), HoejeTaastrup.On), new CancellationToken(canceled: true)));

        Assert.Empty(await store.ReadAsync(HoejeTaastrup.Journal));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
