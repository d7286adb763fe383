using Microsoft.Extensions.DependencyInjection;
using RentalRules.Evaluation;
using RentalRules.Hosting.Ledgers;
using RentalRules.Hosting.Routing;
using RentalRules.Hosting.Sqlite;
using RentalRules.Hosting.Tests.Infrastructure;

namespace RentalRules.Hosting.Tests.Ledgers;

/// <summary>The contract every <see cref="ILedgerStore"/> keeps; each store runs the same tests.</summary>
public abstract class LedgerStoreContractTests : IDisposable
{
    private const string Key = HoejeTaastrup.PackId;

    private ILedgerStore? _store;

    protected ILedgerStore Store => _store ??= CreateStore();

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    protected abstract ILedgerStore CreateStore();

    [Fact]
    public async Task GetAsync_NothingStored_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync(Key));
    }

    [Fact]
    public async Task TryReplaceAsync_FirstLedgerExpectingZero_StoresIt()
    {
        var ledger = HoejeTaastrup.Ledger(1);

        Assert.True(await Store.TryReplaceAsync(Key, 0, ledger));

        var stored = await Store.GetAsync(Key);
        Assert.NotNull(stored);
        Assert.Equal(ledger.ToJson(), stored.ToJson());
    }

    [Fact]
    public async Task TryReplaceAsync_SecondFirstLedger_Conflicts()
    {
        var mine = HoejeTaastrup.Ledger(1);
        var theirs = HoejeTaastrup.Ledger(2);

        Assert.True(await Store.TryReplaceAsync(Key, 0, theirs));
        Assert.False(await Store.TryReplaceAsync(Key, 0, mine));

        Assert.Equal(2, (await Store.GetAsync(Key))!.ChangeCounter);
    }

    [Fact]
    public async Task TryReplaceAsync_ExpectedCounterMatches_ReplacesTheLedger()
    {
        var first = HoejeTaastrup.Ledger(3);
        var next = HoejeTaastrup.Ledger(1, first);
        await Store.TryReplaceAsync(Key, 0, first);

        Assert.True(await Store.TryReplaceAsync(Key, 3, next));

        var stored = await Store.GetAsync(Key);
        Assert.Equal(4, stored!.ChangeCounter);
        Assert.Equal(next.ToJson(), stored.ToJson());
    }

    [Fact]
    public async Task TryReplaceAsync_StaleExpectedCounter_ConflictsAndKeepsTheStoredLedger()
    {
        var read = HoejeTaastrup.Ledger(1);
        var theirs = HoejeTaastrup.Ledger(1, read);
        var mine = HoejeTaastrup.Ledger(1, read);
        await Store.TryReplaceAsync(Key, 0, read);
        Assert.True(await Store.TryReplaceAsync(Key, 1, theirs));

        Assert.False(await Store.TryReplaceAsync(Key, 1, mine));

        Assert.Equal(theirs.ToJson(), (await Store.GetAsync(Key))!.ToJson());
    }

    [Fact]
    public async Task TryReplaceAsync_ExpectingALedgerThatIsNotThere_Conflicts()
    {
        Assert.False(await Store.TryReplaceAsync(Key, 4, HoejeTaastrup.Ledger(5)));

        Assert.Null(await Store.GetAsync(Key));
    }

    [Fact]
    public async Task TryReplaceAsync_LedgerDoesNotAdvanceTheCounter_Throws()
    {
        var ledger = HoejeTaastrup.Ledger(2);

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.TryReplaceAsync(Key, 2, ledger));

        Assert.Contains("must be higher than the expected one", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryReplaceAsync_OtherKey_IsIndependent()
    {
        await Store.TryReplaceAsync(Key, 0, HoejeTaastrup.Ledger(2));

        Assert.True(await Store.TryReplaceAsync("other", 0, HoejeTaastrup.Ledger(1)));

        Assert.Equal(2, (await Store.GetAsync(Key))!.ChangeCounter);
        Assert.Equal(1, (await Store.GetAsync("other"))!.ChangeCounter);
    }

    [Fact(Timeout = 30000)]
    public async Task TryReplaceAsync_ConcurrentWritersOfTheSameLedger_ExactlyOneWins()
    {
        var read = HoejeTaastrup.Ledger(1);
        await Store.TryReplaceAsync(Key, 0, read);
        var candidates = Enumerable.Range(0, 8).Select(_ => HoejeTaastrup.Ledger(1, read)).ToList();

        var wins = await Task.WhenAll(candidates.Select(c => Task.Run(() => Store.TryReplaceAsync(Key, 1, c))));

        Assert.Equal(1, wins.Count(w => w));
    }

    [Fact(Timeout = 120000)]
    public async Task RouteAsync_1000ConcurrentRoutingsInOneDepartment_CountEveryVacancyExactlyOnce()
    {
        const int n = 1000;
        using var services = HoejeTaastrup.Services(Store);
        var router = services.GetRequiredService<IVacancyRouter>();

        var results = await Task.WhenAll(Enumerable.Range(1, n).Select(i =>
            Task.Run(() => router.RouteAsync(HoejeTaastrup.Municipality, HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(i), HoejeTaastrup.On))));

        Assert.Equal(HoejeTaastrup.Municipal(n), results.Count(r => r.Decision.Route == VacancyRoute.Municipal));
        Assert.Equal(HoejeTaastrup.Municipal(n) / 2, results.Count(r => r.Decision.SpecialCriteria));
        Assert.Equal(Enumerable.Range(1, n).Select(k => (long?)k), results.Select(r => r.Decision.Count).Order());
        var ledger = await Store.GetAsync(HoejeTaastrup.PackId);
        Assert.NotNull(ledger);
        Assert.Equal(n, ledger.ChangeCounter);
        var counter = ledger.Find(HoejeTaastrup.DepartmentId, "family");
        Assert.Equal(n, counter!.Counted);
        Assert.Equal(HoejeTaastrup.Municipal(n), counter.Municipal);
    }

    [Fact(Timeout = 120000)]
    public async Task RouteAsync_TwoHostsSharingTheStore_NeverLoseACount()
    {
        // Two service providers stand for two processes: each queues its own routings, and only the store's optimistic
        // concurrency keeps them from overwriting each other's counts.
        const int perHost = 150;
        using var a = HoejeTaastrup.Services(Store, o => o.MaxRoutingAttempts = 10_000);
        using var b = HoejeTaastrup.Services(Store, o => o.MaxRoutingAttempts = 10_000);
        var routers = new[] { a.GetRequiredService<IVacancyRouter>(), b.GetRequiredService<IVacancyRouter>() };

        var results = await Task.WhenAll(Enumerable.Range(1, 2 * perHost).Select(i =>
            Task.Run(() => routers[i % 2].RouteAsync(HoejeTaastrup.Municipality, HoejeTaastrup.Parkvej, HoejeTaastrup.FamilyVacancy(i), HoejeTaastrup.On))));

        Assert.Equal(HoejeTaastrup.Municipal(2 * perHost), results.Count(r => r.Decision.Route == VacancyRoute.Municipal));
        Assert.Equal(Enumerable.Range(1, 2 * perHost).Select(k => (long?)k), results.Select(r => r.Decision.Count).Order());
        Assert.Equal(2 * perHost, (await Store.GetAsync(HoejeTaastrup.PackId))!.ChangeCounter);
    }
}

public sealed class InMemoryLedgerStoreTests : LedgerStoreContractTests
{
    protected override ILedgerStore CreateStore() => new InMemoryLedgerStore();
}

public sealed class SqliteLedgerStoreTests : LedgerStoreContractTests
{
    private readonly PackFolder _folder = new();

    private string Database => _folder.Temp("ledgers.db");

    public override void Dispose()
    {
        _folder.Dispose();
        base.Dispose();
    }

    protected override ILedgerStore CreateStore() => SqliteLedgerStore.ForFile(Database);

    [Fact]
    public async Task GetAsync_AnotherStoreOnTheSameFile_SeesTheLedger()
    {
        var ledger = HoejeTaastrup.Ledger(3);
        await Store.TryReplaceAsync("k", 0, ledger);

        var other = SqliteLedgerStore.ForFile(Database);

        Assert.Equal(ledger.ToJson(), (await other.GetAsync("k"))!.ToJson());
    }

    [Fact]
    public async Task GetAsync_LedgerEditedInTheDatabase_IsRefusedNotReset()
    {
        await Store.TryReplaceAsync("k", 0, HoejeTaastrup.Ledger(3));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE {SqliteLedgerStore.TableName} SET json = replace(json, '\"municipal\": 0', '\"municipal\": 1') WHERE key = 'k'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var ex = await Assert.ThrowsAsync<RentalRules.Diagnostics.RentalRulesException>(() => Store.GetAsync("k"));

        Assert.Contains(ex.Diagnostics, d => d.Code == RentalRules.Diagnostics.DiagnosticCodes.LedgerInvalid);
    }
}
