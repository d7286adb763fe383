namespace RentalRules.Packs;

/// <summary>
/// The internal-transfer route (intern oprykning) of a letting policy. Agreements rarely state it (Høje-Taastrup § 5.6
/// does: in designated areas the flexible criteria cover internal transfers too), so a tier may leave it out: it is then
/// open without agreement criteria, as the law leaves the organisation's transfer list, unless the tier closes every
/// route it states (a department that lets nothing), when it is closed with the waiting list's clause and reason.
/// </summary>
internal static class InternalTransferRoute
{
    /// <summary>The reason of the route a tier does not state, when it is open.</summary>
    public static readonly LocalizedText Unstated = new(
        "Aftalen stiller ingen kriterier for intern oprykning i denne afdeling.",
        "The agreement sets no criteria for internal transfers into this department.");

    /// <summary>Whether the policy states its internal-transfer route (a policy that does not has the implied one).</summary>
    public static bool Stated(TierDef policy) => policy.Routes.TryGetValue(LettingRoute.InternalTransfer, out var route) && !route.Implied;

    /// <summary>The route a tier that does not state it has, from the routes it states.</summary>
    public static RoutePolicy Implied(IReadOnlyDictionary<LettingRoute, RoutePolicy> stated)
    {
        var all = stated.Count > 0 && stated.Values.All(r => r.Closed);
        if (all && stated.TryGetValue(LettingRoute.WaitingList, out var waiting))
        {
            return waiting with { Requirements = [], Implied = true };
        }

        return new RoutePolicy(false, null, Unstated, []) { Implied = true };
    }
}
