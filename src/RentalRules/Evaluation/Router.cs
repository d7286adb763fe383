using System.Globalization;
using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// Vacancy routing over a compiled pack and a ledger. Pure: the same pack, department, vacancy, ledger and date give
/// the same decision and the same new ledger. The k-th counted vacancy of a counter goes to the municipality exactly when
/// ⌊k·p⌋ &gt; ⌊(k−1)·p⌋ (DESIGN §5.2), in exact integer arithmetic.
/// </summary>
internal static class Router
{
    /// <summary>The counter that counts a department's municipal allocations across its counters, for special criteria.</summary>
    internal const string AllocationsCounter = "@municipal-allocations";

    private static readonly IReadOnlyList<string> NoStrings = [];

    /// <param name="pack">The pack.</param>
    /// <param name="department">The vacancy's department.</param>
    /// <param name="vacancy">The vacancy.</param>
    /// <param name="ledger">The ledger.</param>
    /// <param name="on">The evaluation date.</param>
    /// <param name="settle">
    /// Decide by what the municipality is due (it has had fewer than ⌊k·p⌋) rather than by whether k is a hit, as under a
    /// concentration guard: used when a re-routing has withdrawn a count out of sequence, so the municipality neither
    /// loses nor gains an allocation by the correction.
    /// </param>
    /// <returns>The decision and the new ledger.</returns>
    public static RoutingResult Route(RulePack pack, Department department, Vacancy vacancy, Ledger ledger, DateOnly on, bool settle = false)
    {
        var scope = pack.NewScope(on);
        var placement = Evaluator.Place(pack, department, on, scope);
        var explanation = new List<Explanation>(placement.Explanation);
        if (placement.Outcome != PlacementOutcome.Placed)
        {
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, placement.Tier, explanation, placement.Missing, ledger);
        }

        var tier = pack.TierDefs[placement.Tier!];
        if (tier.Routes.Values.All(r => r.Closed))
        {
            var closed = tier.Routes[LettingRoute.Municipal];
            var clause = closed.Clause ?? tier.Clause;
            explanation.Add(new Explanation($"{tier.Id}.closed", clause.Id, clause.Source, closed.Reason!));
            return Unchanged(vacancy, department, VacancyRoute.Closed, tier.Id, explanation, NoStrings, ledger);
        }

        scope.Vacancy = vacancy;
        var match = Match(pack, scope);
        if (match.Unknown is { } candidate)
        {
            var why = Evaluator.WhyUnknown(match.Missing);
            explanation.Add(new Explanation(candidate.Id, candidate.Clause.Id, candidate.Clause.Source, new LocalizedText(
                $"Reglen kan ikke afgøres, fordi den {why.Da}; intet er talt.",
                $"The rule cannot be decided because it {why.En}; nothing was counted.")));
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, match.Missing, ledger);
        }

        var rule = match.Rule;

        if (rule is null)
        {
            explanation.Add(new Explanation("routing", "", pack.Id, new LocalizedText(
                "Ingen fordelingsregel i pakken dækker denne ledige bolig; intet er talt.",
                "No routing rule of the pack covers this vacancy; nothing was counted.")));
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, NoStrings, ledger);
        }

        explanation.Add(new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, pack.Reasons.Render(rule.Reason, scope.Parameters)));
        // How this dwelling is let: the rule's letting over the tier (elderly, accessible, youth, new small dwellings…).
        var letting = pack.LettingFor(rule, tier);
        var view = ReferenceEquals(letting, tier)
            ? placement
            : placement with { Routes = Evaluator.RouteSummaries(pack, letting, scope).Routes, FlexibleLetting = Evaluator.FlexiblePolicy(pack, letting, department) };
        if (rule.FixedRoute is { } fixedRoute)
        {
            var route = fixedRoute;
            return Unchanged(vacancy, department, route, tier.Id, explanation, NoStrings, ledger, CriteriaSetFor(view, route, special: false)) with { Rule = rule };
        }

        if (department.Id is not { Length: > 0 } departmentId)
        {
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, ["department.id"], ledger);
        }

        if (ShareFor(rule.Share!, tier, placement, scope) is not { } share)
        {
            var name = rule.Share!.Parameter is { } slot ? pack.ParameterOrder[slot].Name : pack.ParameterOrder[tier.MunicipalShareParameter!.Value].Name;
            explanation.Add(new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, new LocalizedText(
                $"Andelen har ingen værdi på datoen (param.{name}); intet er talt.",
                $"The share has no value on the date (param.{name}); nothing was counted.")));
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, ["param." + name], ledger);
        }

        var counter = ledger.Find(departmentId, rule.Counter!);
        var tierDependent = rule.Share!.Fixed is null && rule.Share.Parameter is null;
        Fraction? dueBefore = Fraction.Zero;
        if (counter is null)
        {
            counter = new LedgerCounter(departmentId, rule.Counter!, tier.Id, 0, 0, 0);
        }
        else if (counter.Tier == tier.Id || !tierDependent)
        {
            // Same tier, or a fixed share (elderly 100 %, accessible every 2nd) that does not depend on the tier: the count goes on.
            dueBefore = counter.Due ?? QuotaDue.Times(counter.Counted, share);
            counter = counter with { Tier = tier.Id };
        }
        else
        {
            var policy = pack.TierChange;
            if (policy is { Keep: true })
            {
                dueBefore = QuotaDue.Times(counter.Counted, share);
                explanation.Add(new Explanation("routing.onTierChange", policy.Clause.Id, policy.Clause.Source, policy.Reason));
            }
            else
            {
                dueBefore = counter.Due ?? (ShareIn(rule.Share, counter.Tier, pack, scope) is { } old ? QuotaDue.Times(counter.Counted, old) : new Fraction(counter.Municipal, 1));
                if (dueBefore is { } carried)
                {
                    explanation.Add(Carried(pack, policy, counter, tier.Id, carried, share));
                }
            }

            counter = counter with { Tier = tier.Id };
        }

        if (counter.Counted >= Ledger.MaxCount || ledger.ChangeCounter >= Ledger.MaxCount || ledger.Find(departmentId, AllocationsCounter)?.Counted >= Ledger.MaxCount)
        {
            explanation.Add(new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, new LocalizedText(
                "Regnskabet har nået sit største antal; intet er talt. Start et nyt regnskab for pakken.",
                "The ledger has reached its largest count; nothing was counted. Start a new ledger for the pack.")));
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, NoStrings, ledger);
        }

        var k = counter.Counted + 1;
        var due = dueBefore is { } before ? QuotaDue.Plus(before, share) : null;
        if (dueBefore is null || due is null)
        {
            explanation.Add(new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, new LocalizedText(
                "Tællingen er for stor til at regne nøjagtigt; intet er talt.",
                "The count is too large to compute exactly; nothing was counted.")));
            return Unchanged(vacancy, department, VacancyRoute.Undetermined, tier.Id, explanation, NoStrings, ledger);
        }

        // The municipality is due ⌊due⌋ allocations. Without a concentration guard it has had ⌊dueBefore⌋, and the
        // vacancy is municipal exactly when ⌊due⌋ > ⌊dueBefore⌋ (under one share: ⌊k·p⌋ > ⌊(k−1)·p⌋). With a guard, a
        // blocked allocation is made up later: the vacancy is municipal while the municipality has had fewer than ⌊due⌋.
        // A re-routing (settle) decides by what is due, as under a guard: it withdrew a count out of sequence.
        var byDue = settle || pack.Concentration is not null;
        var municipal = !byDue
            ? QuotaDue.Floor(due.Value) > QuotaDue.Floor(dueBefore.Value)
            : counter.Municipal < QuotaDue.Floor(due.Value);
        var plain = QuotaDue.Times(k, share) == due;
        if (municipal && letting.Routes[LettingRoute.Municipal] is { Closed: true } closedRoute)
        {
            // Routing never sends a dwelling to the municipality that eligibility would call closed to it.
            municipal = false;
            var closedClause = closedRoute.Clause ?? tier.Clause;
            explanation.Add(new Explanation(closedRoute.Owner ?? $"{tier.Id}.municipal", closedClause.Id, closedClause.Source, new LocalizedText(
                closedRoute.Reason!.Da + " Boligen går derfor ikke til kommunal anvisning.",
                closedRoute.Reason.En + " The dwelling therefore does not go to municipal allocation.")));
        }

        Explanation? blocked = null;
        if (municipal && pack.Concentration is { } guard)
        {
            blocked = Blocked(pack, guard, departmentId, vacancy.Stairwell, ledger, on, scope);
            if (blocked is not null)
            {
                municipal = false;
            }
        }

        bool special = false;
        VacancyRoute decided;
        // Special criteria count over the department's municipal allocations in all its counters ("hver anden
        // kommunale anvisning i den enkelte boligafdeling"), kept in a counter of its own that follows the tier like
        // the others: a tier change seen on any counted vacancy restarts it.
        LedgerCounter? allocations = null;
        if (pack.HasSpecialCriteria && (tier.SpecialCriteria?.Counters is not { } scopes || scopes.Contains(rule.Counter!)))
        {
            var current = ledger.Find(departmentId, AllocationsCounter);
            if (current is not null && current.Tier != tier.Id && pack.TierChange is not { Keep: true })
            {
                // The special criteria govern a share of the allocations made in the tier that has them: their count
                // starts with the tier. (Allocations themselves are carried, above; this count only says which ones.)
                current = null;
            }

            var next = (current ?? new LedgerCounter(departmentId, AllocationsCounter, tier.Id, 0, 0, 0)) with { Tier = tier.Id };
            if (municipal)
            {
                next = next with { Counted = next.Counted + 1, Municipal = next.Municipal + 1 };
            }

            allocations = next == current ? null : next;
            special = municipal && letting.SpecialCriteria is { } sc && Hits(next.Municipal, sc.Share);
        }

        if (municipal)
        {
            var m = (allocations ?? ledger.Find(departmentId, AllocationsCounter))?.Municipal ?? counter.Municipal + 1;
            decided = VacancyRoute.Municipal;
            counter = counter with { Counted = k, Municipal = counter.Municipal + 1, Due = plain ? null : due };
            explanation.Add(!plain ? CarriedCounting(rule, k, share, dueBefore.Value, due.Value, counter.Municipal - 1, byDue, municipal: true)
                : !byDue ? Counting(rule, k, share, municipal: true) : GuardedCounting(rule, k, share, counter.Municipal - 1, municipal: true));
            if (special)
            {
                var clause = pack.Clauses.TryGetValue(letting.SpecialCriteria!.Clause, out var c) ? c : tier.Clause;
                explanation.Add(new Explanation($"{tier.Id}.specialCriteria", clause.Id, clause.Source, new LocalizedText(
                    $"Dette er kommunal anvisning nr. {m.ToString(CultureInfo.InvariantCulture)} i afdelingen; andel {letting.SpecialCriteria.Share} af anvisningerne sker efter særlige kriterier ({letting.SpecialCriteria.CriteriaSet}).",
                    $"This is municipal allocation no. {m.ToString(CultureInfo.InvariantCulture)} in the department; a share of {letting.SpecialCriteria.Share} of allocations is under special criteria ({letting.SpecialCriteria.CriteriaSet}).")));
            }
        }
        else
        {
            var j = counter.NonMunicipal + 1;
            var flexible = FlexibleFor(letting, view, j, share);
            decided = flexible ? VacancyRoute.Flexible : VacancyRoute.WaitingList;
            counter = counter with { Counted = k, Flexible = counter.Flexible + (flexible ? 1 : 0), Due = plain ? null : due };
            explanation.Add(!plain ? CarriedCounting(rule, k, share, dueBefore.Value, due.Value, counter.Municipal, byDue, municipal: false)
                : !byDue ? Counting(rule, k, share, municipal: false) : GuardedCounting(rule, k, share, counter.Municipal, municipal: false));
            explanation.Add(FlexibleExplanation(letting, view, flexible));
        }

        if (blocked is not null)
        {
            explanation.Insert(explanation.Count - 1, blocked);
        }

        var decision = new RoutingDecision(vacancy.Id, departmentId, decided, special, CriteriaSetFor(view, decided, special, letting), tier.Id, rule.Counter, k, share, explanation, NoStrings);
        var updated = ledger.With(counter, pack.Version);
        if (allocations is not null)
        {
            updated = updated.WithCounter(allocations);
        }

        if (decided == VacancyRoute.Municipal && pack.Concentration is { } g)
        {
            var keepFrom = DateMath.AddMonthsSaturating(on, -(long)g.LongestMonths);
            updated = updated.WithAllocation(departmentId, "", on, keepFrom);
            if (vacancy.Stairwell is { Length: > 0 } stairwell)
            {
                updated = updated.WithAllocation(departmentId, stairwell, on, keepFrom);
            }
        }

        return new RoutingResult(decision with { Marks = Marks(pack, scope, explanation) }, updated) { Rule = rule };
    }

    /// <summary>
    /// The routing rule that covers the vacancy in <paramref name="scope"/>: the first whose <c>when</c> holds, or the first
    /// that cannot be decided (with the missing facts) when it comes before any that holds. Routing and eligibility use
    /// the same rule, so they agree on how the dwelling is let.
    /// </summary>
    internal static (RoutingRule? Rule, RoutingRule? Unknown, IReadOnlyList<string> Missing) Match(RulePack pack, EvalScope scope)
    {
        foreach (var candidate in pack.RoutingRules)
        {
            var mark = scope.MissingCount;
            var r = candidate.When.Evaluate(scope);
            if (r == Tri.True)
            {
                scope.ResetMissing(mark);
                return (candidate, null, NoStrings);
            }

            if (r == Tri.Unknown)
            {
                var missing = Evaluator.Names(pack, scope, mark);
                scope.ResetMissing(mark);
                return (null, candidate, missing);
            }
        }

        return (null, null, NoStrings);
    }

    /// <summary>⌊n·p⌋, exactly (the product is taken without overflow).</summary>
    private static long Floor(long n, Fraction p) => (long)((System.Numerics.BigInteger)n * p.Numerator / p.Denominator);

    /// <summary>The guard's explanation when the department or the vacancy's stairwell has had its maximum of municipal allocations within the period; otherwise null.</summary>
    private static Explanation? Blocked(RulePack pack, ConcentrationGuard guard, string department, string? stairwell, Ledger ledger, DateOnly on, EvalScope scope)
    {
        foreach (var (limit, key, da, en, perStairwell) in new[]
        {
            (guard.Department, "", "afdelingen", "the department", false),
            (guard.Stairwell, stairwell ?? "", $"opgang {stairwell}", $"stairwell {stairwell}", true),
        })
        {
            if (limit is null || (perStairwell && string.IsNullOrEmpty(stairwell)))
            {
                continue;
            }

            var max = limit.Max ?? (limit.MaxParameter is { } name ? pack.ParameterValue(name, on) : null);
            if (max is null)
            {
                continue;
            }

            var since = DateMath.AddMonthsSaturating(on, -(long)limit.Months);
            var recent = ledger.AllocationsIn(department, key).Count(d => d > since);
            if (recent >= max)
            {
                var n = recent.ToString(CultureInfo.InvariantCulture);
                var m = max.Value.ToString("0", CultureInfo.InvariantCulture);
                var assumed = limit.MaxParameter is { } p && pack.Parameters.TryGetValue(p, out var def) && def.Assumed;
                var (limitDa, limitEn) = assumed ? ($"højst {m}, en antaget grænse", $"at most {m}, an assumed limit") : ($"højst {m}", $"at most {m}");
                var months = limit.Months.ToString(CultureInfo.InvariantCulture);
                return new Explanation("routing.concentration", guard.Clause.Id, guard.Clause.Source, new LocalizedText(
                    $"{guard.Reason.Da} Der er allerede anvist {n} husstande til {da} inden for {months} måneder ({limitDa}), så boligen går ikke til kommunal anvisning; kommunen får den udskudte anvisning senere.",
                    $"{guard.Reason.En} {char.ToUpperInvariant(en[0])}{en[1..]} has already had {n} municipal allocations within {months} months ({limitEn}), so the dwelling does not go to municipal allocation; the municipality gets the deferred allocation later."));
            }
        }

        return null;
    }

    private static IReadOnlyList<string> Marks(RulePack pack, EvalScope scope, List<Explanation> explanation)
    {
        if (pack.Marks.Count == 0)
        {
            return NoStrings;
        }

        var marks = new List<string>();
        foreach (var mark in pack.Marks)
        {
            var mark0 = scope.MissingCount;
            if (mark.When.Evaluate(scope) == Tri.True)
            {
                marks.Add(mark.Id);
                explanation.Add(new Explanation(mark.Id, mark.Clause.Id, mark.Clause.Source, pack.Reasons.Render(mark.Label, scope.Parameters)));
            }

            scope.ResetMissing(mark0);
        }

        return marks;
    }

    /// <summary>Whether the n-th item gets one of a share p: ⌊n·p⌋ &gt; ⌊(n−1)·p⌋, exactly.</summary>
    internal static bool Hits(long n, Fraction p)
    {
        return p.Numerator != 0 && Floor(n, p) > Floor(n - 1, p);
    }

    private static Fraction? ShareFor(ShareSpec spec, TierDef tier, PlacementResult placement, EvalScope scope)
    {
        if (spec.Parameter is { } slot)
        {
            return scope.Parameters[slot] is { } value && Fraction.TryFromDecimal(value, out var p) ? p : null;
        }

        return spec.Fixed ?? (spec.FromTier ? placement.MunicipalShare : spec.PerTier!.TryGetValue(tier.Id, out var f) ? f : Fraction.Zero);
    }

    private static bool FlexibleFor(TierDef tier, PlacementResult placement, long j, Fraction municipalShare)
    {
        var flexibleOpen = placement.Routes.TryGetValue(LettingRoute.Flexible, out var f) && f.Open;
        var waitingOpen = placement.Routes.TryGetValue(LettingRoute.WaitingList, out var w) && w.Open;
        if (!flexibleOpen)
        {
            return false;
        }

        if (!waitingOpen || tier.FlexibleRule == FlexibleRule.All)
        {
            return true;
        }

        return tier.FlexibleRule != FlexibleRule.None && placement.FlexibleLetting?.Share is { } share && Hits(j, tier.FlexibleOfAllVacancies ? OfNonMunicipal(share, municipalShare) : share);
    }

    /// <summary>
    /// A share s of all vacancies as a share of the non-municipal ones, where the municipality has p: s / (1 − p), at
    /// most 1 (1/3 of all with 1/3 municipal is every 2nd of the other 2/3).
    /// </summary>
    internal static Fraction OfNonMunicipal(Fraction s, Fraction p)
    {
        var rest = p.Denominator - p.Numerator;
        if (rest <= 0)
        {
            return Fraction.One;
        }

        var n = (System.Numerics.BigInteger)s.Numerator * p.Denominator;
        var d = (System.Numerics.BigInteger)s.Denominator * rest;
        var g = System.Numerics.BigInteger.GreatestCommonDivisor(n, d);
        (n, d) = g.IsZero ? (n, d) : (n / g, d / g);
        return n >= d ? Fraction.One : new Fraction((long)n, (long)d);
    }

    /// <summary>The counting line under a concentration guard: the municipality is due an allocation while it has had fewer than ⌊k·p⌋.</summary>
    private static Explanation GuardedCounting(RoutingRule rule, long k, Fraction p, long hadBefore, bool municipal)
    {
        var kText = k.ToString(CultureInfo.InvariantCulture);
        var due = Floor(k, p).ToString(CultureInfo.InvariantCulture);
        var had = hadBefore.ToString(CultureInfo.InvariantCulture);
        var owed = hadBefore < Floor(k, p);
        var (da, en) = (municipal, owed) switch
        {
            (true, _) => ("boligen går til kommunal anvisning", "the dwelling goes to municipal allocation"),
            (false, true) => ("kommunen har en anvisning til gode, men kan ikke få den her", "the municipality is owed an allocation but cannot have it here"),
            _ => ("kommunen har fået det, den skal have", "the municipality has had its due"),
        };
        return new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, new LocalizedText(
            $"Ledig bolig nr. {kText} i tællingen '{rule.Counter}' med andel {p}: kommunen skal have haft ⌊{kText}·{p}⌋ = {due} og har haft {had}, så {da}.",
            $"Vacancy no. {kText} in counter '{rule.Counter}' with share {p}: the municipality is due ⌊{kText}·{p}⌋ = {due} and has had {had}, so {en}."));
    }

    /// <summary>The share a tier-dependent rule counted with in another tier (the counter's tier before a change); null when the pack no longer has that tier.</summary>
    private static Fraction? ShareIn(ShareSpec spec, string tierId, RulePack pack, EvalScope scope)
    {
        if (spec.FromTier)
        {
            return pack.TierDefs.TryGetValue(tierId, out var old) ? Evaluator.ShareOf(old, scope) : null;
        }

        return spec.PerTier!.TryGetValue(tierId, out var f) ? f : pack.TierDefs.ContainsKey(tierId) ? Fraction.Zero : null;
    }

    /// <summary>The tier change line: the count's progress carries over to the new tier's share.</summary>
    private static Explanation Carried(RulePack pack, TierChangePolicy? policy, LedgerCounter counter, string newTier, Fraction due, Fraction share)
    {
        // What changed, in the pack's words: the tiers' labels, never their ids or the counter's.
        var had = counter.Municipal.ToString(CultureInfo.InvariantCulture);
        var from = pack.TierDefs.TryGetValue(counter.Tier, out var oldTier) ? oldTier.Label : new LocalizedText(counter.Tier, counter.Tier);
        var to = pack.TierDefs.TryGetValue(newTier, out var nextTier) ? nextTier.Label : new LocalizedText(newTier, newTier);
        var da = $"Afdelingen er gået fra {from.Da} til {to.Da}. Kommunen har til gode {due} anvisning(er) af denne type boliger og har fået {had}; tællingen fortsætter med den nye andel {share}, så intet går tabt.";
        var en = $"The department moved from {from.En} to {to.En}. The municipality is due {due} allocation(s) of this kind of dwelling and has had {had}; counting goes on with the new share {share}, so nothing is lost.";
        return policy is null
            ? new Explanation("routing.onTierChange", "", pack.Id, new LocalizedText(da, en))
            : new Explanation("routing.onTierChange", policy.Clause.Id, policy.Clause.Source, new LocalizedText($"{policy.Reason.Da} {da}", $"{policy.Reason.En} {en}"));
    }

    /// <summary>The counting line once a tier change has carried progress: the due rises by the share from what it was.</summary>
    private static Explanation CarriedCounting(RoutingRule rule, long k, Fraction p, Fraction before, Fraction due, long hadBefore, bool guarded, bool municipal)
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
            $"Ledig bolig nr. {kText} i tællingen '{rule.Counter}' med andel {p}: kommunens tilgodehavende (ført videre over niveauskift) stiger fra {before} til {due}; kommunen skal have haft ⌊{due}⌋ = {floorDue} og har haft {had}, så {da}.",
            $"Vacancy no. {kText} in counter '{rule.Counter}' with share {p}: the municipality's due (carried across tier changes) rises from {before} to {due}; it is due ⌊{due}⌋ = {floorDue} and has had {had}, so {en}."));
    }

    private static Explanation Counting(RoutingRule rule, long k, Fraction p, bool municipal)
    {
        var kText = k.ToString(CultureInfo.InvariantCulture);
        var floorK = Floor(k, p).ToString(CultureInfo.InvariantCulture);
        var floorK1 = Floor(k - 1, p).ToString(CultureInfo.InvariantCulture);
        var relation = municipal ? ">" : "=";
        return new Explanation(rule.Id, rule.Clause.Id, rule.Clause.Source, new LocalizedText(
            $"Ledig bolig nr. {kText} i tællingen '{rule.Counter}' med andel {p}: ⌊{kText}·{p}⌋ = {floorK} {relation} ⌊{k - 1}·{p}⌋ = {floorK1}, så {(municipal ? "boligen går til kommunal anvisning" : "boligen går ikke til kommunal anvisning")}.",
            $"Vacancy no. {kText} in counter '{rule.Counter}' with share {p}: ⌊{kText}·{p}⌋ = {floorK} {relation} ⌊{k - 1}·{p}⌋ = {floorK1}, so {(municipal ? "the dwelling goes to municipal allocation" : "the dwelling does not go to municipal allocation")}."));
    }

    private static Explanation FlexibleExplanation(TierDef tier, PlacementResult placement, bool flexible)
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

    private static string? CriteriaSetFor(PlacementResult placement, VacancyRoute route, bool special, TierDef? tier = null)
    {
        if (special && tier?.SpecialCriteria is { } sc)
        {
            return sc.CriteriaSet;
        }

        var letting = route switch
        {
            VacancyRoute.Municipal => LettingRoute.Municipal,
            VacancyRoute.Flexible => LettingRoute.Flexible,
            VacancyRoute.WaitingList => LettingRoute.WaitingList,
            _ => (LettingRoute?)null,
        };
        return letting is { } l && placement.Routes.TryGetValue(l, out var summary) && summary.CriteriaSets.Count > 0 ? summary.CriteriaSets[0] : null;
    }

    private static RoutingResult Unchanged(Vacancy v, Department d, VacancyRoute route, string? tier, List<Explanation> explanation, IReadOnlyList<string> missing, Ledger ledger, string? criteriaSet = null)
        => new(new RoutingDecision(v.Id, d.Id, route, false, criteriaSet, tier, null, null, null, explanation, missing), ledger);
}
