using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// Routing many vacancies in order under one ledger, as the CLI's <c>route</c> does: each vacancy is decided and
/// counted as <see cref="RulePack.Route"/> would with the ledger the previous one left, but the counts are kept in a
/// <see cref="LedgerBuilder"/> and the immutable <see cref="Ledger"/> is built once, when asked for. Not thread-safe.
/// </summary>
internal sealed class RouteBatch
{
    private readonly RulePack _pack;
    private readonly LedgerBuilder _state;
    private readonly RouteBatchCache _cache = new();

    /// <param name="pack">The pack.</param>
    /// <param name="ledger">The ledger the batch starts from, kept under <paramref name="pack"/>.</param>
    /// <exception cref="ArgumentException">The ledger was kept under another pack.</exception>
    public RouteBatch(RulePack pack, Ledger ledger)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.PackId != pack.Id)
        {
            throw new ArgumentException($"The ledger was kept under the pack '{ledger.PackId}', not '{pack.Id}'.", nameof(ledger));
        }

        _pack = pack;
        _state = new LedgerBuilder(ledger);
    }

    /// <summary>Decides the next vacancy and counts it.</summary>
    /// <param name="department">The vacancy's department.</param>
    /// <param name="vacancy">The vacancy.</param>
    /// <param name="on">The evaluation date.</param>
    /// <returns>The decision, as <see cref="RulePack.Route"/> gives it.</returns>
    public RoutingDecision Route(Department department, Vacancy vacancy, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(vacancy);
        return Router.Decide(_pack, department, vacancy, _state, on, settle: false, _cache).Decision;
    }

    /// <summary>The ledger after every vacancy routed so far.</summary>
    public Ledger Ledger => _state.ToLedger();
}
