using RentalRules.Evaluation;

namespace RentalRules.Hosting.Journals;

/// <summary>
/// Journals in process memory: for tests, samples and single-process hosts that can afford to lose the journal on a
/// restart. Thread-safe (one lock per journal); not shared between processes.
/// </summary>
public sealed class InMemoryJournalStore : IJournalStore
{
    private readonly Dictionary<string, State> _journals = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<JournalEntry?> FindAsync(JournalKey journal, string vacancyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vacancyId);
        cancellationToken.ThrowIfCancellationRequested();
        var state = StateOf(journal, create: false);
        if (state is null)
        {
            return Task.FromResult<JournalEntry?>(null);
        }

        lock (state)
        {
            return Task.FromResult(state.InForce.GetValueOrDefault(vacancyId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> ReadAsync(JournalKey journal, CancellationToken cancellationToken = default)
    {
        var state = StateOf(journal, create: false);
        if (state is null)
        {
            return Task.FromResult<IReadOnlyList<JournalEntry>>([]);
        }

        lock (state)
        {
            return Task.FromResult<IReadOnlyList<JournalEntry>>(state.Entries.ToList());
        }
    }

    /// <inheritdoc />
    public Task<Ledger?> GetLedgerAsync(JournalKey journal, CancellationToken cancellationToken = default)
    {
        var state = StateOf(journal, create: false);
        if (state is null)
        {
            return Task.FromResult<Ledger?>(null);
        }

        lock (state)
        {
            return Task.FromResult<Ledger?>(state.Ledger);
        }
    }

    /// <inheritdoc />
    public Task<JournalEntry?> WriteAsync(JournalKey journal, JournalWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var state = StateOf(journal, create: true)!;
        lock (state)
        {
            var inForce = state.InForce.GetValueOrDefault(write.VacancyId);
            var change = write.Step(inForce, state.Ledger);
            if (change is null)
            {
                return Task.FromResult(inForce);
            }

            JournalStoreChecks.CheckChange(journal, write, inForce, change);
            state.Entries.Add(change.Entry);
            state.InForce[write.VacancyId] = change.Entry;
            state.Ledger = change.Ledger;
            return Task.FromResult<JournalEntry?>(change.Entry);
        }
    }

    private State? StateOf(JournalKey journal, bool create)
    {
        ArgumentNullException.ThrowIfNull(journal);
        lock (_journals)
        {
            if (_journals.TryGetValue(journal.PackId, out var state))
            {
                JournalStoreChecks.CheckSameJournal(journal, state.Municipality, $"memory#{journal.PackId}");
                return state;
            }

            if (!create)
            {
                return null;
            }

            state = new State(journal.Municipality, Ledger.Empty(journal.PackId, ""));
            _journals[journal.PackId] = state;
            return state;
        }
    }

    private sealed class State(string? municipality, Ledger ledger)
    {
        public string? Municipality { get; } = municipality;

        public Ledger Ledger { get; set; } = ledger;

        public List<JournalEntry> Entries { get; } = [];

        public Dictionary<string, JournalEntry> InForce { get; } = new(StringComparer.Ordinal);
    }
}
