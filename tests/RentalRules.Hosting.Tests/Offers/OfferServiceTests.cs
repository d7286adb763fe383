using Microsoft.Extensions.DependencyInjection;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Hosting.Journals;
using RentalRules.Hosting.Offers;
using RentalRules.Hosting.Packs;
using RentalRules.Hosting.Tests.Infrastructure;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Hosting.Tests.Offers;

/// <summary>
/// The offer service of <c>AddRentalRules</c>: each vacancy routed through the journal (once: a retry changes nothing),
/// the lists in the pack's order, requests refused before anything is recorded, cancellation, and logs without personal
/// data. HT-PARKVEJ is a Høje-Taastrup level-2 department (§ 3.3), whose first family vacancy is let flexibly (§ 4.2).
/// </summary>
public sealed class OfferServiceTests
{
    private readonly CapturingLoggerProvider _logs = new();

    /// <summary>Works 37 hours a week (bilag 2: permanent work), on the waiting list since <paramref name="since"/>.</summary>
    private static Household Worker(string id, int since) => Build.Household(id, Build.Worker("m1", new DateOnly(1985, 1, 1))) with { WaitingListSince = new DateOnly(since, 1, 1) };

    /// <summary>Neither works nor studies: meets none of bilag 2's criteria.</summary>
    private static Household Jobless(string id, int since) => Worker(id, since) with { Members = [Build.Worker("m1", new DateOnly(1985, 1, 1)) with { Employment = [] }] };

    private static OfferRequest Request(params Household[] households)
        => new([HoejeTaastrup.Parkvej], [HoejeTaastrup.FamilyVacancy(1)], households, HoejeTaastrup.On);

    [Fact]
    public void AddRentalRules_RegistersTheOfferServiceOnce()
    {
        using var services = HoejeTaastrup.Services(new InMemoryJournalStore());

        Assert.Same(services.GetRequiredService<IOfferService>(), services.GetRequiredService<IOfferService>());
    }

    [Fact]
    public async Task OfferAsync_FlexibleVacancy_IsRecordedOnceAndListsThoseMeetingACriterionBySeniority()
    {
        var store = new InMemoryJournalStore();
        using var services = HoejeTaastrup.Services(store, logs: _logs);
        var offers = services.GetRequiredService<IOfferService>();
        var request = Request(Worker("H-2018", 2018), Jobless("H-2005", 2005), Worker("H-2011", 2011));

        var first = await offers.OfferAsync(HoejeTaastrup.Municipality, request);
        var retry = await offers.OfferAsync(HoejeTaastrup.Municipality, request);

        var list = Assert.Single(first.Lists.Offers);
        Assert.Equal(VacancyRoute.Flexible, list.Decision.Route);
        Assert.Equal(["H-2011", "H-2018"], list.Candidates.Select(c => c.HouseholdId));
        Assert.All(list.Candidates, c => Assert.Equal("ht-b2-work-or-education", c.QualifiedBy!.RuleId));
        Assert.Equal(1, list.Ineligible);
        Assert.Equal(HoejeTaastrup.PackId, first.Pack.Id);

        // Recorded once, by vacancy id: the retry finds the decision and lists the same households.
        Assert.False(Assert.Single(first.Routings).AlreadyRecorded);
        Assert.True(Assert.Single(retry.Routings).AlreadyRecorded);
        Assert.Equal(list.Candidates.Select(c => c.HouseholdId), Assert.Single(retry.Lists.Offers).Candidates.Select(c => c.HouseholdId));
        Assert.Single(await store.ReadAsync(HoejeTaastrup.Journal));
    }

    [Fact]
    public async Task OfferAsync_LogsCountsOnly_NeverAHouseholdIdOrFact()
    {
        using var services = HoejeTaastrup.Services(new InMemoryJournalStore(), logs: _logs);

        await services.GetRequiredService<IOfferService>().OfferAsync(HoejeTaastrup.Municipality, Request(Worker("H-SECRET-ID", 2011), Jobless("H-OTHER-ID", 2005)));

        Assert.Contains(_logs.Entries, e => e.Message == "Drew up offer lists under hoeje-taastrup-2023 1.0.0: 1 vacancies, 2 households read, 1 listed, 0 without a place");
        Assert.DoesNotContain("H-SECRET-ID", _logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("H-OTHER-ID", _logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2011-01-01", _logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfferAsync_DecisionsGiven_RoutesAndRecordsNothing()
    {
        var store = new InMemoryJournalStore();
        using var services = HoejeTaastrup.Services(store);
        var decided = HoejeTaastrup.Pack.Route(new RoutingRequest(HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(1), HoejeTaastrup.On) { Ledger = HoejeTaastrup.Pack.NewLedger() }).Decision;

        var result = await services.GetRequiredService<IOfferService>().OfferAsync(HoejeTaastrup.Municipality, Request(Worker("H-1", 2011)) with { Decisions = [decided] });

        Assert.Empty(result.Routings);
        Assert.Equal(["H-1"], Assert.Single(result.Lists.Offers).Candidates.Select(c => c.HouseholdId));
        Assert.Empty(await store.ReadAsync(HoejeTaastrup.Journal));
    }

    [Fact]
    public async Task OfferAsync_VacancyOfAnUnknownDepartment_IsRefusedBeforeAnythingIsRecorded()
    {
        var store = new InMemoryJournalStore();
        using var services = HoejeTaastrup.Services(store);
        var request = Request(Worker("H-1", 2011)) with { Vacancies = [HoejeTaastrup.FamilyVacancy(1), HoejeTaastrup.FamilyVacancy(2) with { Department = "HT-ELSEWHERE" }] };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IOfferService>().OfferAsync(HoejeTaastrup.Municipality, request));

        Assert.Contains("The vacancy at position 1 names a department that is not among the departments", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ReadAsync(HoejeTaastrup.Journal));
    }

    [Fact]
    public async Task OfferAsync_VacancyWithoutId_IsRefusedBecauseTheJournalIsKeyedByIt()
    {
        using var services = HoejeTaastrup.Services(new InMemoryJournalStore());
        var request = Request(Worker("H-1", 2011)) with { Vacancies = [HoejeTaastrup.FamilyVacancy(1) with { Id = null }] };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IOfferService>().OfferAsync(HoejeTaastrup.Municipality, request));

        Assert.Contains("keyed by the host's vacancy id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfferAsync_LedgerGiven_IsRefusedBecauseTheJournalKeepsIt()
    {
        using var services = HoejeTaastrup.Services(new InMemoryJournalStore());

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IOfferService>().OfferAsync(HoejeTaastrup.Municipality, Request(Worker("H-1", 2011)) with { Ledger = HoejeTaastrup.Pack.NewLedger() }));
    }

    [Fact]
    public async Task OfferAsync_TwoHouseholdsWithOneId_IsRefused()
    {
        using var services = HoejeTaastrup.Services(new InMemoryJournalStore());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IOfferService>().OfferAsync(HoejeTaastrup.Municipality, Request(Worker("H-1", 2011), Worker("H-1", 2015))));

        Assert.DoesNotContain("2011", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfferAsync_NoPackForTheMunicipality_ThrowsRulePackNotFound()
    {
        using var services = HoejeTaastrup.Services(new InMemoryJournalStore());

        await Assert.ThrowsAsync<RulePackNotFoundException>(() => services.GetRequiredService<IOfferService>().OfferAsync("Aarhus", Request(Worker("H-1", 2011))));
    }

    [Fact]
    public async Task OfferAsync_Cancelled_RecordsNothing()
    {
        var store = new InMemoryJournalStore();
        using var services = HoejeTaastrup.Services(store);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.GetRequiredService<IOfferService>().OfferAsync(HoejeTaastrup.Municipality, Request(Worker("H-1", 2011)), cancelled.Token));

        Assert.Empty(await store.ReadAsync(HoejeTaastrup.Journal));
    }

    [Fact]
    public async Task OfferAsync_CancelledWhileTheHouseholdsAreRead_StopsReadingThem()
    {
        using var services = HoejeTaastrup.Services(new InMemoryJournalStore());
        using var cancel = new CancellationTokenSource();
        var read = 0;
        IEnumerable<Household> Households()
        {
            for (var i = 0; i < 100_000; i++)
            {
                if (++read == 2_000)
                {
                    cancel.Cancel();
                }

                yield return Worker($"H-{i}", 2000 + (i % 25));
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.GetRequiredService<IOfferService>().OfferAsync(HoejeTaastrup.Municipality, Request() with { Households = Households() }, cancel.Token));

        Assert.InRange(read, 2_000, 3_100);
    }
}
