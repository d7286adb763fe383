using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Hosting.Ledgers;
using RentalRules.Hosting.Packs;

namespace RentalRules.Hosting.Routing;

/// <summary>
/// The router: routings of one ledger are queued in this process (so they do not conflict with each other), and the
/// store's optimistic concurrency settles conflicts with other processes: on a conflict the ledger is read again and
/// the vacancy routed again, after a short random pause, up to the configured number of attempts.
/// </summary>
internal sealed class VacancyRouter(IRulePackProvider packs, ILedgerStore store, int maxAttempts, ILogger logger) : IVacancyRouter
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _queues = new(StringComparer.Ordinal);

    public async Task<VacancyRoutingResult> RouteAsync(string municipality, Department department, Vacancy vacancy, DateOnly on, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(vacancy);

        // One pack for the whole routing, retries included: a swap in between never mixes two packs in one answer.
        var pack = packs.GetPack(municipality, on);
        var key = pack.Id;
        var queue = _queues.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await queue.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; attempt <= maxAttempts; attempt++)
            {
                var stored = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
                var ledger = stored ?? pack.NewLedger();
                var result = pack.Route(department, vacancy, ledger, on);
                var decision = result.Decision;
                if (ReferenceEquals(result.Ledger, ledger))
                {
                    Log.RoutedNotCounted(logger, department.Id ?? "?", pack.Id, pack.Version, ResultJson.Name(decision.Route));
                    return new VacancyRoutingResult(decision, pack, ledger, attempt);
                }

                if (await store.TryReplaceAsync(key, ledger.ChangeCounter, result.Ledger, cancellationToken).ConfigureAwait(false))
                {
                    Log.Routed(logger, department.Id ?? "?", pack.Id, pack.Version, ResultJson.Name(decision.Route), decision.SpecialCriteria ? " under special criteria" : "", decision.Counter ?? "?", decision.Count ?? 0, result.Ledger.ChangeCounter, attempt);
                    return new VacancyRoutingResult(decision, pack, result.Ledger, attempt);
                }

                Log.LedgerConflict(logger, key, attempt, maxAttempts);
                if (attempt < maxAttempts)
                {
                    // Real time, not the evaluation clock: a host that pins the clock must not stall its retries.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 2 + Math.Min(attempt, 10) * 5)), cancellationToken).ConfigureAwait(false);
                }
            }

            Log.LedgerConflictsExhausted(logger, key, maxAttempts);
            throw new LedgerConflictException(key, maxAttempts);
        }
        finally
        {
            queue.Release();
        }
    }
}
