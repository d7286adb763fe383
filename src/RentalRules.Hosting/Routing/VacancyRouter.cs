using Microsoft.Extensions.Logging;
using RentalRules.Analysis;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Hosting.Journals;
using RentalRules.Hosting.Packs;
using RentalRules.Packs;

namespace RentalRules.Hosting.Routing;

/// <summary>
/// The router: looks the vacancy up in the journal, and otherwise records it through the store's transaction (which
/// serialises routings of one department and runs the routing again after a conflict). Recording times come from the
/// host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class VacancyRouter(IRulePackProvider packs, IJournalStore store, TimeProvider time, ILogger logger) : IVacancyRouter
{
    public async Task<VacancyRoutingResult> RouteAsync(string municipality, RoutingRequest request, CancellationToken cancellationToken = default)
    {
        var (department, vacancy, on) = WithoutLedger(request);
        var (pack, key) = Select(municipality, department, vacancy, on);
        if (await store.FindAsync(key, vacancy.Id!, cancellationToken).ConfigureAwait(false) is { } recorded)
        {
            Log.AlreadyRecorded(logger, recorded.DepartmentId, pack.Id, recorded.PackVersion, recorded.LettingType, recorded.Revision);
            return new VacancyRoutingResult(recorded.ToDecision(), recorded, pack, AlreadyRecorded: true);
        }

        JournalRecording? made = null;
        var recordedAt = time.GetUtcNow();
        var entry = await store.WriteAsync(key, new JournalWrite(vacancy.Id!, department.Id!, (inForce, state) =>
        {
            if (inForce is not null)
            {
                made = null;
                return null;
            }

            made = pack.Record(new RoutingRequest(department, vacancy, on) { Ledger = state }, recordedAt);
            return made.Entry is null ? null : new JournalChange(made.Entry, made.Ledger);
        }), cancellationToken).ConfigureAwait(false);
        return Result(pack, entry, made);
    }

    public async Task<VacancyRoutingResult> RerouteAsync(string municipality, RoutingRequest request, string reason, CancellationToken cancellationToken = default)
    {
        var (department, vacancy, on) = WithoutLedger(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var (pack, key) = Select(municipality, department, vacancy, on);
        JournalRecording? made = null;
        var recordedAt = time.GetUtcNow();
        var entry = await store.WriteAsync(key, new JournalWrite(vacancy.Id!, department.Id!, (inForce, state) =>
        {
            if (inForce is null)
            {
                throw JournalStoreChecks.Refused(Descriptors.NothingToReroute, $"journal#{pack.Id}", vacancy.Id, pack.Id);
            }

            made = pack.Reroute(new RoutingRequest(department, vacancy, on) { Ledger = state }, inForce, reason, recordedAt);
            return made.Entry is null ? null : new JournalChange(made.Entry, made.Ledger);
        }), cancellationToken).ConfigureAwait(false);
        if (made?.Entry is not null && ReferenceEquals(made.Entry, entry))
        {
            Log.Rerouted(logger, entry.DepartmentId, pack.Id, pack.Version, entry.LettingType, entry.Revision);
        }

        return made?.Entry is null && entry is not null
            ? new VacancyRoutingResult(made?.Decision ?? entry.ToDecision(), entry, pack, AlreadyRecorded: true)
            : Result(pack, entry, made);
    }

    /// <summary>The request's department, vacancy and date; a request that brings its own ledger is refused (the store keeps it).</summary>
    private static RoutingRequest WithoutLedger(RoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Ledger is not null)
        {
            throw new ArgumentException("The journal store keeps the ledger; route without one.", nameof(request));
        }

        return request;
    }

    public Task<JournalEntry?> FindAsync(string municipality, string vacancyId, DateOnly on, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vacancyId);
        var pack = packs.GetPack(municipality, on);
        return store.FindAsync(new JournalKey(pack.Id, pack.Municipality), vacancyId, cancellationToken);
    }

    public async Task<FollowUp> FollowUpAsync(string municipality, DateOnly on, DateOnly? from = null, DateOnly? to = null, IReadOnlyList<Department>? portfolio = null, CancellationToken cancellationToken = default)
    {
        var pack = packs.GetPack(municipality, on);
        var entries = await store.ReadAsync(new JournalKey(pack.Id, pack.Municipality), cancellationToken).ConfigureAwait(false);
        return FollowUp.Compute(pack, entries, from, to, portfolio);
    }

    private (RulePack Pack, JournalKey Key) Select(string municipality, Department department, Vacancy vacancy, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(vacancy);
        if (string.IsNullOrWhiteSpace(vacancy.Id))
        {
            throw new ArgumentException("The vacancy has no id; the decision journal is keyed by the host's vacancy id.", nameof(vacancy));
        }

        if (string.IsNullOrWhiteSpace(department.Id))
        {
            throw new ArgumentException("The department has no id; routing counts per department.", nameof(department));
        }

        // One pack for the whole routing, retries included: a swap in between never mixes two packs in one answer.
        var pack = packs.GetPack(municipality, on);
        return (pack, new JournalKey(pack.Id, pack.Municipality));
    }

    private VacancyRoutingResult Result(RulePack pack, JournalEntry? entry, JournalRecording? made)
    {
        if (made?.Entry is not null && ReferenceEquals(made.Entry, entry))
        {
            Log.Routed(logger, entry.DepartmentId, pack.Id, pack.Version, entry.LettingType, entry.Counter ?? "-", entry.Count ?? 0, entry.Revision);
            return new VacancyRoutingResult(made.Decision, entry, pack, AlreadyRecorded: false);
        }

        if (entry is not null)
        {
            // Recorded by another writer between the look-up and the write.
            return new VacancyRoutingResult(entry.ToDecision(), entry, pack, AlreadyRecorded: true);
        }

        var decision = made!.Decision;
        Log.RoutedNotRecorded(logger, decision.DepartmentId ?? "?", pack.Id, pack.Version, decision.Route.ToString());
        return new VacancyRoutingResult(decision, null, pack, AlreadyRecorded: false);
    }
}
