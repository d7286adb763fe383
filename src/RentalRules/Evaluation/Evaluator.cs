using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// Placement and eligibility over a compiled pack. Pure: the result depends only on its inputs. This file places a
/// department; eligibility is in <c>Evaluator.Eligibility.cs</c>, criteria in <c>Evaluator.Criteria.cs</c>, every route
/// at once in <c>Evaluator.EveryRoute.cs</c>.
/// </summary>
internal static partial class Evaluator
{
    private static readonly IReadOnlyList<string> NoStrings = [];
    private static readonly IReadOnlyList<LocalizedText> NoWarnings = [];

    public static PlacementResult Place(RulePack pack, Department department, DateOnly on, EvalScope scope)
    {
        scope.Department = department;
        // A static lambda over a state struct: a placement allocates no closure for its table.
        return Placement(pack, department, on, scope, new TableState(pack, department, on, scope), static (s, warnings) => PlaceByTable(s.Pack, s.Department, s.On, s.Scope, warnings));
    }

    /// <summary>
    /// What a placement by the table needs. A struct of this library, not a tuple: a generic method over a framework
    /// struct is compiled on first use, where ReadyToRun precompiles it over this one (issue 16 item 4).
    /// </summary>
    private readonly record struct TableState(RulePack Pack, Department Department, DateOnly On, EvalScope Scope);

    /// <summary>
    /// A placement: by the decided tier in force where the pack says it rules, else by the table (<paramref name="byTable"/>,
    /// given <paramref name="state"/> and the warnings so far), with the warnings about decided tiers and the key figures'
    /// dates. Shared by every backend.
    /// </summary>
    internal static PlacementResult Placement<TState>(RulePack pack, Department department, DateOnly on, EvalScope scope, TState state, Func<TState, IReadOnlyList<LocalizedText>, PlacementResult> byTable)
    {
        var placement = PlacementByRule(pack, department, on, scope, state, byTable);
        if (pack.Obligations.Count == 0 || placement.Tier is not { } id)
        {
            return placement;
        }

        var runtime = pack.RuntimeOf(id);
        var obligations = runtime.ObligationsIn(pack);
        return obligations.MayWarn ? WithObligations(pack, department, placement, runtime.Tier, obligations, scope) : placement;
    }

    /// <summary>The placement with a warning for each statutory obligation that covers the department and its tier's letting does not meet (e.g. § 60 stk. 4).</summary>
    /// <remarks>
    /// It runs on the placement's own scope: whether an obligation covers the department is asked with the facts the
    /// placement was given, and leaves the scope's missing facts as they were. Most placements of a tier that lacks
    /// something are of departments no obligation covers, so this allocates nothing unless it warns.
    /// </remarks>
    private static PlacementResult WithObligations(RulePack pack, Department department, PlacementResult placement, TierDef tier, PolicyObligations obligations, EvalScope scope)
    {
        scope.Department = department;
        var more = pack.ObligationCheck.PlacementWarnings(department, tier, obligations, scope);
        return more.Count == 0 ? placement : placement with { Warnings = [.. placement.Warnings, .. more] };
    }

    private static PlacementResult PlacementByRule<TState>(RulePack pack, Department department, DateOnly on, EvalScope scope, TState state, Func<TState, IReadOnlyList<LocalizedText>, PlacementResult> byTable)
    {
        var day = pack.DayOf(on);
        var warnings = day.Warnings;
        var decided = DecidedOn(department, on);
        if (decided is not null && pack.Decided is { Rules: true } rule && (rule.When is null || DecidedApplies(rule, scope)))
        {
            return PlaceAsDecided(pack, department, decided, rule, scope, warnings);
        }

        var tablePlacement = byTable(state, warnings);
        if (tablePlacement.Outcome != PlacementOutcome.Placed)
        {
            return tablePlacement;
        }

        // Most placements add no warning: the list is made only for one that does.
        List<LocalizedText>? more = null;
        if (decided is not null && pack.Decided is null)
        {
            var stated = TierWords(pack, decided.Tier);
            Add(ref more, tablePlacement, new LocalizedText(
                $"Afdelingen angiver en besluttet placering ('{stated.Da}' fra {decided.From:yyyy-MM-dd}), men denne pakke placerer kun efter sin tabel over nøgletallene.",
                $"The department states a decided tier ('{stated.En}' from {decided.From:yyyy-MM-dd}), but this pack places by its table of key figures only."));
        }
        else if (decided is not null && decided.Tier != tablePlacement.Tier)
        {
            var stated = TierWords(pack, decided.Tier);
            var byFigures = tablePlacement.TierLabel ?? TierWords(pack, tablePlacement.Tier);
            Add(ref more, tablePlacement, new LocalizedText(
                $"Den besluttede placering '{stated.Da}' (fra {decided.From:yyyy-MM-dd}) er en anden end den, nøgletallene giver, '{byFigures.Da}'; pakken placerer her efter nøgletallene.",
                $"The decided tier '{stated.En}' (from {decided.From:yyyy-MM-dd}) differs from the tier the key figures give, '{byFigures.En}'; the pack places by the key figures here."));
        }

        if (department.KeyFigures?.AsOf is { } asOf)
        {
            if (asOf > on)
            {
                Add(ref more, tablePlacement, new LocalizedText(
                    $"Nøgletallene er dateret {asOf:yyyy-MM-dd}, efter evalueringsdatoen {on:yyyy-MM-dd}: de beskriver et senere tidspunkt end det, placeringen gælder.",
                    $"The key figures are dated {asOf:yyyy-MM-dd}, after the evaluation date {on:yyyy-MM-dd}: they describe a later time than the placement is for."));
            }
            else if (day.OldestKeyFigures is { } oldest && asOf < oldest)
            {
                var cycle = pack.KeyFiguresCycle!;
                Add(ref more, tablePlacement, new LocalizedText(
                    $"Nøgletallene er dateret {asOf:yyyy-MM-dd}, mere end {cycle.MaxAgeMonths} måneder før evalueringsdatoen {on:yyyy-MM-dd}: ældre end pakkens opdateringscyklus tillader ({cycle.Clause.Id}).",
                    $"The key figures are dated {asOf:yyyy-MM-dd}, more than {cycle.MaxAgeMonths} months before the evaluation date {on:yyyy-MM-dd}: older than the pack's update cycle allows ({cycle.Clause.Id})."));
            }
        }

        return more is null ? tablePlacement : tablePlacement with { Warnings = more };

        static void Add(ref List<LocalizedText>? more, PlacementResult placement, LocalizedText warning)
            => (more ??= [.. placement.Warnings]).Add(warning);
    }

    /// <summary>The decided tier in force on the date: the one with the latest <c>from</c> on or before it.</summary>
    private static DecidedTier? DecidedOn(Department department, DateOnly on)
    {
        if (department.DecidedTiers is not { Count: > 0 } decided)
        {
            return null;
        }

        DecidedTier? best = null;
        foreach (var d in decided)
        {
            if (d?.Tier is { Length: > 0 } && d.From is { } from && from <= on && (best is null || from >= best.From))
            {
                best = d;
            }
        }

        return best;
    }

    private static bool DecidedApplies(DecidedPlacement rule, EvalScope scope)
    {
        var mark = scope.MissingCount;
        var r = rule.When!.Evaluate(scope);
        scope.ResetMissing(mark);
        return r == Tri.True;
    }

    private static PlacementResult PlaceAsDecided(RulePack pack, Department department, DecidedTier decided, DecidedPlacement rule, EvalScope scope, IReadOnlyList<LocalizedText> warnings)
    {
        var from = decided.From!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (!pack.TierDefs.TryGetValue(decided.Tier!, out var tier))
        {
            var unknown = new LocalizedText(
                $"Den besluttede placering '{decided.Tier}' (fra {from}) er ikke en af pakkens placeringer ({string.Join(", ", pack.TierDefs.Values.Select(t => t.Label.Da))}).",
                $"The decided tier '{decided.Tier}' (from {from}) is not one of the pack's placements ({string.Join(", ", pack.TierDefs.Values.Select(t => t.Label.En))}).");
            return Unplaced(department, PlacementOutcome.Unplaced, [new Explanation("placement.decided", rule.Clause.Id, rule.Clause.Source, unknown)], NoStrings, warnings);
        }

        var (routes, criteriaSet) = RouteSummaries(pack, tier, scope);
        var reason = pack.Reasons.Render(rule.Reason, scope.Parameters);
        var explanation = new Explanation("placement.decided", rule.Clause.Id, rule.Clause.Source, new LocalizedText(
            $"{reason.Da} Afdelingen er placeret som '{tier.Label.Da}' fra {from}.",
            $"{reason.En} The department is placed as '{tier.Label.En}' from {from}."));
        return new PlacementResult(department.Id, PlacementOutcome.Placed, tier.Id, tier.Label, ShareOf(tier, scope), FlexiblePolicy(pack, tier, department), criteriaSet, tier.SpecialCriteria, routes, [explanation], NoStrings, warnings);
    }

    private static PlacementResult PlaceByTable(RulePack pack, Department department, DateOnly on, EvalScope scope, IReadOnlyList<LocalizedText> warnings)
    {
        PlacementRule? hit = null;
        PlacementRule? second = null;
        PlacementRule? unknownRule = null;
        foreach (var rule in pack.PlacementRules)
        {
            var r = rule.When.Evaluate(scope);
            if (r == Tri.True)
            {
                if (hit is null)
                {
                    hit = rule;
                    if (pack.HitPolicy == HitPolicy.First)
                    {
                        break;
                    }
                }
                else
                {
                    second ??= rule;
                }
            }
            else if (r == Tri.Unknown)
            {
                unknownRule ??= rule;
                if (pack.HitPolicy == HitPolicy.First && hit is null)
                {
                    break;
                }
            }
        }

        return Decide(pack, department, scope, warnings, hit, second, unknownRule, unknownRule is null ? NoStrings : Names(pack, scope, 0));
    }

    /// <summary>
    /// The placement once the rules have been evaluated: the rule that hit, a second hit (hit policy unique), the first
    /// rule that could not be decided, and the missing facts noted so far. Shared with the NRules backend, which
    /// evaluates the rules in its own session and decides here, so that both build the same result.
    /// </summary>
    internal static PlacementResult Decide(RulePack pack, Department department, EvalScope scope, IReadOnlyList<LocalizedText> warnings, PlacementRule? hit, PlacementRule? second, PlacementRule? unknownRule, IReadOnlyList<string> missingSoFar)
    {
        if (unknownRule is not null && (pack.HitPolicy != HitPolicy.First || hit is null))
        {
            var missing = missingSoFar;
            var why = WhyUnknown(missing);
            var reason = new LocalizedText(
                missing.Any(FactNames.IsArithmeticReason)
                    ? $"Placeringen kan ikke afgøres: en regel for placeringen {why.Da}."
                    : $"Placeringen kan ikke afgøres, fordi der mangler oplysninger om afdelingen ({FactGlossary.Missing(missing, Language.Danish)}).",
                missing.Any(FactNames.IsArithmeticReason)
                    ? $"The placement cannot be decided: a placement rule {why.En}."
                    : $"The placement cannot be decided because facts about the department are missing ({FactGlossary.Missing(missing, Language.English)}).");
            return Unplaced(department, PlacementOutcome.Undetermined, [new Explanation(unknownRule.Id, unknownRule.Clause.Id, unknownRule.Clause.Source, reason)], missing, warnings);
        }

        if (second is not null)
        {
            var reason = new LocalizedText(
                $"Reglerne '{hit!.Id}' og '{second.Id}' gælder begge, men pakken kræver at præcis én gælder (hitPolicy unique).",
                $"Rules '{hit!.Id}' and '{second.Id}' both apply, but the pack requires exactly one (hit policy unique).");
            return Unplaced(department, PlacementOutcome.Unplaced, [new Explanation(hit.Id, hit.Clause.Id, hit.Clause.Source, reason)], NoStrings, warnings);
        }

        if (hit is null)
        {
            var reason = new LocalizedText(
                "Ingen placeringsregel gælder for afdelingen: pakken har et hul i sin tabel.",
                "No placement rule applies to the department: the pack's table has a gap.");
            return Unplaced(department, PlacementOutcome.Unplaced, [new Explanation("placement", "", pack.Id, reason)], NoStrings, warnings);
        }

        var runtime = hit.Target ?? pack.TierRuntimes[hit.Tier];
        var tier = runtime.Tier;
        var (routes, criteriaSet) = RouteSummaries(pack, runtime, scope);
        return new PlacementResult(
            department.Id,
            PlacementOutcome.Placed,
            tier.Id,
            tier.Label,
            runtime.ShareUnder(scope.Parameters),
            FlexiblePolicy(runtime, department),
            criteriaSet,
            tier.SpecialCriteria,
            routes,
            pack.RuleExplanation(hit, scope.Parameters),
            NoStrings,
            warnings);
    }

    internal static IReadOnlyList<LocalizedText> Warnings(RulePack pack, DateOnly on)
    {
        var m = pack.Metadata;
        if ((m.ValidFrom is { } from && on < from) || (m.ValidTo is { } to && on > to))
        {
            return [new LocalizedText(
                $"Evalueringsdatoen {on:yyyy-MM-dd} ligger uden for pakkens gyldighedsperiode ({m.ValidFrom:yyyy-MM-dd} til {m.ValidTo:yyyy-MM-dd}).",
                $"The evaluation date {on:yyyy-MM-dd} is outside the pack's validity period ({m.ValidFrom:yyyy-MM-dd} to {m.ValidTo:yyyy-MM-dd}).")];
        }

        return NoWarnings;
    }

    /// <summary>A tier by its label when the pack has it, else as the department states it.</summary>
    private static LocalizedText TierWords(RulePack pack, string? tier)
        => tier is not null && pack.TierDefs.TryGetValue(tier, out var def) ? def.Label : new LocalizedText(tier ?? "", tier ?? "");

    private static PlacementResult Unplaced(Department d, PlacementOutcome outcome, IReadOnlyList<Explanation> explanation, IReadOnlyList<string> missing, IReadOnlyList<LocalizedText> warnings)
        => new(d.Id, outcome, null, null, null, null, null, null, new RouteMap<RouteSummary>(), explanation, missing, warnings);

    /// <summary>The tier's municipal share on the evaluation date (a parameter share resolves by date; null when it has no value then).</summary>
    internal static Fraction? ShareOf(TierDef tier, EvalScope scope) => TierRuntime.ShareOf(tier, scope.Parameters);

    /// <summary>The flexible-letting policy of a letting policy (a tier, or a dwelling's by its key) for the department.</summary>
    internal static FlexibleLettingPolicy FlexiblePolicy(RulePack pack, TierDef tier, Department d) => FlexiblePolicy(pack.TierRuntimes[tier.Key], d);

    private static FlexibleLettingPolicy FlexiblePolicy(TierRuntime runtime, Department d)
    {
        var tier = runtime.Tier;
        var fallback = runtime.DefaultFlexible;
        if (tier.FlexibleRule is FlexibleRule.None or FlexibleRule.All || d.FlexibleLettingShare is not { } s)
        {
            return fallback;
        }

        if (runtime.FlexibleFor(s) is { } known)
        {
            return known;
        }

        return !Fraction.TryFromDecimal(s, out var f)
            ? fallback
            : runtime.RememberFlexible(s, fallback with { Share = tier.FlexibleMaxShare is { } max ? Fraction.Min(f, max) : f });
    }

    /// <summary>
    /// The requirements of every route of a tier (or of a dwelling's letting policy, by its key) for this department,
    /// cached by what they depend on: the policy, and for each conditional requirement whether it applies (its condition
    /// is not false). One bit per conditional requirement; a policy with more than 64 of them is not cached, so no two
    /// departments can ever share an entry they differ in.
    /// </summary>
    internal static (IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, string? CriteriaSet) RouteSummaries(RulePack pack, TierDef tier, EvalScope scope)
        => RouteSummaries(pack, pack.TierRuntimes[tier.Key], scope);

    private static (IReadOnlyDictionary<LettingRoute, RouteSummary> Routes, string? CriteriaSet) RouteSummaries(RulePack pack, TierRuntime runtime, EvalScope scope)
    {
        var tier = runtime.Tier;
        var whens = runtime.ConditionalWhens;
        if (whens.Length > 64)
        {
            return BuildRoutes(pack, tier, scope);
        }

        var applies = 0UL;
        for (var bit = 0; bit < whens.Length; bit++)
        {
            var mark = scope.MissingCount;
            var r = whens[bit].Evaluate(scope);
            scope.ResetMissing(mark);
            if (r != Tri.False)
            {
                applies |= 1UL << bit;
            }
        }

        if (runtime.LastRoutes(applies) is { } last)
        {
            return last;
        }

        return runtime.RememberRoutes(applies, runtime.RoutesFor(applies) ?? runtime.AddRoutes(applies, BuildRoutes(pack, tier, scope)));
    }

    private static (IReadOnlyDictionary<LettingRoute, RouteSummary>, string?) BuildRoutes(RulePack pack, TierDef tier, EvalScope scope)
    {
        var routes = new RouteMap<RouteSummary>();
        foreach (var route in RouteNames.AllLetting)
        {
            if (route == LettingRoute.InternalTransfer && !InternalTransferRoute.Stated(tier))
            {
                // A tier that does not state internal transfers: its summary lists the three routes it names.
                continue;
            }

            if (!tier.Routes.TryGetValue(route, out var policy) || policy.Closed)
            {
                routes[route] = new RouteSummary(false, NoStrings);
                continue;
            }

            var sets = new List<string>();
            foreach (var req in Applicable(pack, tier, route))
            {
                var mark = scope.MissingCount;
                var applies = req.When?.Evaluate(scope) ?? Tri.True;
                scope.ResetMissing(mark);
                if (applies != Tri.False)
                {
                    sets.Add(req.CriteriaSet);
                }
            }

            routes[route] = new RouteSummary(true, sets);
        }

        var main = routes[LettingRoute.Flexible] is { Open: true, CriteriaSets.Count: > 0 } f ? f.CriteriaSets[0]
            : routes[LettingRoute.WaitingList] is { Open: true, CriteriaSets.Count: > 0 } w ? w.CriteriaSets[0]
            : null;
        return (routes, main);
    }

    private static Requirement[] Applicable(RulePack pack, TierDef tier, LettingRoute route) => pack.RouteRequirements[tier.Key][(int)route];

    internal static string RouteName(LettingRoute route) => RouteNames.Name(route);

    /// <summary>
    /// <paramref name="items"/> without repeats (ordinal), in the order first seen: the caller's own list, made for this
    /// result, with the later repeats taken out. A check's missing facts are a few names, so they are compared with those
    /// kept so far (ordinal: a string's default equality; no hash set, iterator or second list); a long list goes through a hash set, so that no input makes
    /// this quadratic.
    /// </summary>
    private static IReadOnlyList<string> Distinct(List<string> items)
    {
        if (items.Count == 0)
        {
            return NoStrings;
        }

        HashSet<string>? seen = items.Count > 32 ? new HashSet<string>(items.Count, StringComparer.Ordinal) : null;
        var kept = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (seen is not null ? !seen.Add(item) : items.IndexOf(item, 0, kept) >= 0)
            {
                continue;
            }

            items[kept++] = item;
        }

        items.RemoveRange(kept, items.Count - kept);
        return items;
    }

    private static Outcome ToOutcome(Tri t) => t switch
    {
        Tri.True => Outcome.Eligible,
        Tri.False => Outcome.Ineligible,
        _ => Outcome.Undetermined,
    };
}
