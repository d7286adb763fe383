using System.Globalization;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// Every sentence a routing decision's explanation says in the library's own words (the pack's words come from its
/// reasons): why nothing was counted, how the vacancy was counted, a tier change, the concentration guard, flexible
/// letting. Danish and English side by side; the rule id, clause and source of each line are chosen here too.
/// </summary>
internal static class RoutingTexts
{
    /// <summary>Every route of the tier is closed: the municipal route's reason.</summary>
    public static Explanation Closed(TierDef tier)
    {
        var closed = tier.Routes[LettingRoute.Municipal];
        var clause = closed.Clause ?? tier.Clause;
        return new Explanation($"{tier.Id}.closed", clause.Id, clause.Source, closed.Reason!);
    }

    /// <summary>The first routing rule that could apply cannot be decided.</summary>
    public static Explanation RuleUndecided(RoutingRule candidate, (string Da, string En) why)
        => new(candidate.Id, candidate.Clause.Id, candidate.Clause.Source, new LocalizedText(
            $"Reglen kan ikke afgøres, fordi den {why.Da}; intet er talt.",
            $"The rule cannot be decided because it {why.En}; nothing was counted."));

    /// <summary>No routing rule covers the vacancy.</summary>
    public static Explanation NoRule(RulePack pack)
        => new("routing", "", pack.Id, new LocalizedText(
            "Ingen fordelingsregel i pakken dækker denne ledige bolig; intet er talt.",
            "No routing rule of the pack covers this vacancy; nothing was counted."));

    /// <summary>The parameter the rule's share comes from has no value on the date.</summary>
    public static Explanation ShareWithoutValue(RoutingRule rule, LocalizedText? title)
        => new(rule.Id, rule.Clause.Id, rule.Clause.Source, new LocalizedText(
            $"Andelen ({title?.Da ?? "kommunens andel"}) har ingen værdi på datoen; intet er talt.",
            $"The share ({title?.En ?? "the municipality's share"}) has no value on the date; nothing was counted."));

    /// <summary>A count of the ledger has reached <see cref="Ledger.MaxCount"/>.</summary>
    public static Explanation LedgerFull(RoutingRule rule)
        => new(rule.Id, rule.Clause.Id, rule.Clause.Source, new LocalizedText(
            "Regnskabet har nået sit største antal; intet er talt. Start et nyt regnskab for pakken.",
            "The ledger has reached its largest count; nothing was counted. Start a new ledger for the pack."));

    /// <summary>What the municipality is due does not fit exact arithmetic.</summary>
    public static Explanation CountTooLarge(RoutingRule rule)
        => new(rule.Id, rule.Clause.Id, rule.Clause.Source, new LocalizedText(
            "Tællingen er for stor til at regne nøjagtigt; intet er talt.",
            "The count is too large to compute exactly; nothing was counted."));

    /// <summary>The vacancy would be municipal, but the letting's municipal route is closed.</summary>
    public static Explanation MunicipalClosed(TierDef tier, RoutePolicy closedRoute)
    {
        var closedClause = closedRoute.Clause ?? tier.Clause;
        return new Explanation(closedRoute.Owner ?? $"{tier.Id}.municipal", closedClause.Id, closedClause.Source, new LocalizedText(
            closedRoute.Reason!.Da + " Boligen går derfor ikke til kommunal anvisning.",
            closedRoute.Reason.En + " The dwelling therefore does not go to municipal allocation."));
    }

    /// <summary>This municipal allocation is one under the special criteria.</summary>
    public static Explanation SpecialCriteria(TierDef tier, ClauseInfo clause, long m, Fraction share)
        => new($"{tier.Id}.specialCriteria", clause.Id, clause.Source, new LocalizedText(
            $"Dette er kommunal anvisning nr. {m.ToString(CultureInfo.InvariantCulture)} i afdelingen, og {CountingWords.OfAllocationsDa(share)} sker efter de særligt aftalte kriterier: denne anvisning skal opfylde dem.",
            $"This is municipal allocation no. {m.ToString(CultureInfo.InvariantCulture)} in the department, and {CountingWords.OfAllocationsEn(share)} must meet the specially agreed criteria: this one must."));

    /// <summary>A tier change under a pack that keeps the count.</summary>
    public static Explanation TierChangeKept(TierChangePolicy policy, LocalizedText changed)
        => new("routing.onTierChange", policy.Clause.Id, policy.Clause.Source, new LocalizedText(
            $"{changed.Da} {CountingWords.ByRule(policy.Reason.Da, true)}", $"{changed.En} {CountingWords.ByRule(policy.Reason.En, false)}"));

    /// <summary>The tier change line: the count's progress carries over to the new tier's share.</summary>
    public static Explanation Carried(RulePack pack, TierChangePolicy? policy, LedgerCounter counter, string newTier, PlacementResult placement, Fraction due, Fraction share)
    {
        // What changed, in the pack's words: the tiers' labels, never their ids or the counter's; and why, as the
        // placement decided it (a placement the parties decided from a date, or the pack's placement rules).
        var had = counter.Municipal.ToString(CultureInfo.InvariantCulture);
        var changed = CountingWords.TierChanged(pack, counter.Tier, newTier, placement);
        var da = $"{changed.Da} Kommunen har til gode {due} {CountingWords.AllocationsDa(QuotaDue.Floor(due) == 1 ? 1 : 2)} af denne slags boliger og har fået {had}; tællingen fortsætter med den nye andel ({CountingWords.ShareDa(share)}), så intet går tabt.";
        var en = $"{changed.En} The municipality is due {due} {CountingWords.AllocationsEn(QuotaDue.Floor(due) == 1 ? 1 : 2)} of this kind of dwelling and has had {had}; counting goes on with the new share ({CountingWords.ShareEn(share)}), so nothing is lost.";
        return policy is null
            ? new Explanation("routing.onTierChange", "", pack.Id, new LocalizedText(da, en))
            : new Explanation("routing.onTierChange", policy.Clause.Id, policy.Clause.Source, new LocalizedText($"{da} {CountingWords.ByRule(policy.Reason.Da, true)}", $"{en} {CountingWords.ByRule(policy.Reason.En, false)}"));
    }

    /// <summary>The concentration guard holds back a municipal allocation.</summary>
    public static Explanation Blocked(ConcentrationGuard guard, GuardLimit limit, string n, string m, bool assumed, string da, string en)
    {
        var (limitDa, limitEn) = assumed ? ($"højst {m}, en antaget grænse", $"at most {m}, an assumed limit") : ($"højst {m}", $"at most {m}");
        var months = limit.Months.ToString(CultureInfo.InvariantCulture);
        return new Explanation("routing.concentration", guard.Clause.Id, guard.Clause.Source, new LocalizedText(
            $"{guard.Reason.Da} Der er allerede anvist {n} husstande til {da} inden for {months} måneder ({limitDa}), så boligen går ikke til kommunal anvisning; kommunen får den udskudte anvisning senere.",
            $"{guard.Reason.En} {char.ToUpperInvariant(en[0])}{en[1..]} has already had {n} municipal allocations within {months} months ({limitEn}), so the dwelling does not go to municipal allocation; the municipality gets the deferred allocation later."));
    }

    /// <summary>The counting line under one share: ⌊k·p⌋ against ⌊(k−1)·p⌋.</summary>
    public static Explanation Counting(RoutingRule rule, long k, Fraction p, bool municipal)
    {
        var kText = k.ToString(CultureInfo.InvariantCulture);
        var floorK = Router.Floor(k, p).ToString(CultureInfo.InvariantCulture);
        var floorK1 = Router.Floor(k - 1, p).ToString(CultureInfo.InvariantCulture);
        var now = Router.Floor(k, p);
        return new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, new LocalizedText(
            $"Dette er ledig bolig nr. {kText} af denne slags i afdelingen, og kommunen anviser {CountingWords.ShareDa(p)}: med den har kommunen krav på {floorK} {CountingWords.AllocationsDa(now)} i alt mod {floorK1} før, så {(municipal ? "boligen går til kommunal anvisning" : "boligen går ikke til kommunal anvisning")}.",
            $"This is vacancy no. {kText} of its kind in the department, and the municipality allocates {CountingWords.ShareEn(p)}: with it the municipality is due {floorK} {CountingWords.AllocationsEn(now)} in all against {floorK1} before, so {(municipal ? "the dwelling goes to municipal allocation" : "the dwelling does not go to municipal allocation")}."));
    }

    /// <summary>The counting line under a concentration guard: the municipality is due an allocation while it has had fewer than ⌊k·p⌋.</summary>
    public static Explanation GuardedCounting(RoutingRule rule, long k, Fraction p, long hadBefore, bool municipal)
    {
        var kText = k.ToString(CultureInfo.InvariantCulture);
        var due = Router.Floor(k, p).ToString(CultureInfo.InvariantCulture);
        var had = hadBefore.ToString(CultureInfo.InvariantCulture);
        var owed = hadBefore < Router.Floor(k, p);
        var (da, en) = (municipal, owed) switch
        {
            (true, _) => ("boligen går til kommunal anvisning", "the dwelling goes to municipal allocation"),
            (false, true) => ("kommunen har en anvisning til gode, men kan ikke få den her", "the municipality is owed an allocation but cannot have it here"),
            _ => ("kommunen har fået det, den skal have", "the municipality has had its due"),
        };
        return new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, new LocalizedText(
            $"Dette er ledig bolig nr. {kText} af denne slags i afdelingen, og kommunen anviser {CountingWords.ShareDa(p)}: med den har kommunen krav på {due} {CountingWords.AllocationsDa(Router.Floor(k, p))} i alt og har fået {had}, så {da}.",
            $"This is vacancy no. {kText} of its kind in the department, and the municipality allocates {CountingWords.ShareEn(p)}: with it the municipality is due {due} {CountingWords.AllocationsEn(Router.Floor(k, p))} in all and has had {had}, so {en}."));
    }

    /// <summary>The counting line once a tier change has carried progress: the due rises by the share from what it was.</summary>
    public static Explanation CarriedCounting(RoutingRule rule, long k, Fraction p, Fraction before, Fraction due, long hadBefore, bool guarded, bool municipal)
    {
        var kText = k.ToString(CultureInfo.InvariantCulture);
        var floorDue = QuotaDue.Floor(due).ToString(CultureInfo.InvariantCulture);
        var had = hadBefore.ToString(CultureInfo.InvariantCulture);
        var (da, en) = (municipal, guarded && hadBefore < QuotaDue.Floor(due)) switch
        {
            (true, _) => ("boligen går til kommunal anvisning", "the dwelling goes to municipal allocation"),
            (false, true) => ("kommunen har en anvisning til gode, men kan ikke få den her", "the municipality is owed an allocation but cannot have it here"),
            _ => ("boligen går ikke til kommunal anvisning", "the dwelling does not go to municipal allocation"),
        };
        return new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, new LocalizedText(
            $"Dette er ledig bolig nr. {kText} af denne slags i afdelingen, og kommunen anviser {CountingWords.ShareDa(p)}: kommunens tilgodehavende, ført videre fra afdelingens tidligere placering, stiger fra {before} til {due} anvisninger; den har krav på {floorDue} i alt og har fået {had}, så {da}.",
            $"This is vacancy no. {kText} of its kind in the department, and the municipality allocates {CountingWords.ShareEn(p)}: what it is due, carried over from the department's earlier placement, rises from {before} to {due} allocations; it is due {floorDue} in all and has had {had}, so {en}."));
    }

    /// <summary>Why a non-municipal vacancy is let flexibly or from the waiting list.</summary>
    public static Explanation Flexible(TierDef tier, PlacementResult placement, bool flexible)
    {
        if (!flexible && tier.Routes.TryGetValue(LettingRoute.Flexible, out var route) && route.Closed && route.Reason is { } closedReason)
        {
            var routeClause = route.Clause ?? tier.Clause;
            return new Explanation($"{tier.Id}.flexible", routeClause.Id, routeClause.Source, new LocalizedText(
                closedReason.Da + " Boligen udlejes efter ventelisten.",
                closedReason.En + " The dwelling is let from the waiting list."));
        }

        var clause = tier.FlexibleClause ?? tier.Clause;
        var share = placement.FlexibleLetting?.Share;
        var reason = (tier.FlexibleRule, flexible) switch
        {
            (FlexibleRule.All, _) => new LocalizedText($"{tier.Label.Da}: al udlejning uden for kommunal anvisning sker fleksibelt.", $"{tier.Label.En}: every letting outside municipal allocation is flexible."),
            (FlexibleRule.None, _) => new LocalizedText($"{tier.Label.Da}: der er ingen fleksibel udlejning, så boligen udlejes efter ventelisten.", $"{tier.Label.En}: there is no flexible letting, so the dwelling is let from the waiting list."),
            (_, true) => new LocalizedText($"Boligen falder inden for afdelingens andel til fleksibel udlejning ({share}{(tier.FlexibleOfAllVacancies ? " af alle afdelingens ledige boliger" : "")}).", $"The dwelling falls within the department's flexible-letting share ({share}{(tier.FlexibleOfAllVacancies ? " of all the department's vacancies" : "")})."),
            (_, false) when share is null => new LocalizedText("Afdelingen har ingen oplyst andel til fleksibel udlejning: boligen udlejes efter ventelisten.", "The department has no stated flexible-letting share: the dwelling is let from the waiting list."),
            _ => new LocalizedText($"Boligen falder uden for afdelingens andel til fleksibel udlejning ({share}{(tier.FlexibleOfAllVacancies ? " af alle afdelingens ledige boliger" : "")}) og udlejes efter ventelisten.", $"The dwelling falls outside the department's flexible-letting share ({share}{(tier.FlexibleOfAllVacancies ? " of all the department's vacancies" : "")}) and is let from the waiting list."),
        };
        return new Explanation($"{tier.Id}.flexibleLetting", clause.Id, clause.Source, reason);
    }
}
