using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;

namespace RentalRules.Packs;

/// <summary>
/// Checks an agreement's letting policies against the statutory obligations of its packs (docs/pack-format.md,
/// Obligations): which tiers a covered department can reach, what each policy of such a tier lacks, and — on a date —
/// what to warn and explain for a department the obligation covers. Built once per pack, read-only after.
/// </summary>
internal sealed class ObligationCheck
{
    private static readonly LettingRoute[] LettingRoutes = [LettingRoute.Flexible, LettingRoute.WaitingList];

    private readonly RulePack _pack;

    /// <summary>Per obligation (by index), per policy key: what the policy lacks (empty when it meets the obligation).</summary>
    private readonly Dictionary<string, IReadOnlyList<Problem>>[] _problems;

    /// <summary>
    /// Per obligation (by index), per tier id: what the tier's covered dwellings lack, in words for the placement warning
    /// (absent when they meet it). The words are made when a placement first warns, so that a pack that never warns
    /// never reads the fact glossary for them.
    /// </summary>
    private readonly Dictionary<string, Lazy<LocalizedText>>[] _tierLacks;

    private ObligationCheck(RulePack pack)
    {
        _pack = pack;
        _problems = new Dictionary<string, IReadOnlyList<Problem>>[pack.Obligations.Count];
        var policies = pack.TierDefs.Values.Concat(pack.DwellingTiers.Values).ToList();
        for (var i = 0; i < pack.Obligations.Count; i++)
        {
            var obligation = pack.Obligations[i];
            _problems[i] = policies.ToDictionary(p => p.Key, p => Problems(pack, obligation, p), StringComparer.Ordinal);
        }

        // Decided once here, so that a placement only evaluates whether an obligation covers the department, and only
        // where its tier does not meet it.
        _tierLacks = new Dictionary<string, Lazy<LocalizedText>>[pack.Obligations.Count];
        for (var i = 0; i < pack.Obligations.Count; i++)
        {
            _tierLacks[i] = new Dictionary<string, Lazy<LocalizedText>>(StringComparer.Ordinal);
            foreach (var tier in pack.TierDefs.Values)
            {
                var lacks = new List<Lack>();
                foreach (var covered in CoveredPolicies(pack.Obligations[i], tier))
                {
                    foreach (var problem in _problems[i][covered.Policy.Key])
                    {
                        lacks.Add(new Lack(covered.Category, covered.Own, problem.Text));
                    }
                }

                if (lacks.Count > 0)
                {
                    _tierLacks[i][tier.Id] = new Lazy<LocalizedText>(() => LacksWords(lacks));
                }
            }
        }
    }

    /// <summary>
    /// What placements and checks under one letting policy need of the obligations, decided once: per obligation, what
    /// a placement in the tier warns of (the words made on first warning) and the explanation a check on each kind of
    /// route adds. Evaluation reads it from the policy's runtime (<see cref="TierRuntime.ObligationsIn"/>), so a
    /// placement or check asks only whether an obligation covers the department, with no lookup by name, closure or list.
    /// </summary>
    public PolicyObligations For(TierDef policy)
    {
        var count = _pack.Obligations.Count;
        var lacks = new Lazy<LocalizedText>?[count];
        var onRoutes = new Explanation?[count];
        var onTransfers = new Explanation?[count];
        for (var i = 0; i < count; i++)
        {
            var obligation = _pack.Obligations[i];
            lacks[i] = _pack.TierDefs.TryGetValue(policy.Id, out var tier) && ReferenceEquals(tier, policy) && _tierLacks[i].TryGetValue(policy.Id, out var l) ? l : null;
            if (_problems[i].TryGetValue(policy.Key, out var all))
            {
                onRoutes[i] = CheckExplanation(obligation, all.Where(p => p.Route != LettingRoute.InternalTransfer).ToList());
                onTransfers[i] = CheckExplanation(obligation, all.Where(p => p.Route == LettingRoute.InternalTransfer).ToList());
            }
        }

        return new PolicyObligations(lacks, onRoutes, onTransfers);
    }

    public static ObligationCheck Build(RulePack pack) => new(pack);

    /// <summary>The load diagnostics: per obligation, per tier a covered department can reach, the policies that do not meet it.</summary>
    public IEnumerable<Diagnostic> Diagnostics()
    {
        // The statutory layer states the obligation; its own baseline tier is not an agreement.
        if (_pack.Status == "statutory")
        {
            yield break;
        }

        for (var i = 0; i < _pack.Obligations.Count; i++)
        {
            var obligation = _pack.Obligations[i];
            var unmet = new List<string>();
            foreach (var tier in ReachableTiers(obligation))
            {
                foreach (var (policy, what, _, _) in CoveredPolicies(obligation, tier))
                {
                    var problems = _problems[i][policy.Key];
                    if (problems.Count == 0)
                    {
                        continue;
                    }

                    var lacks = string.Join("; ", problems.Select(p => p.Text.En));
                    if (obligation.Acknowledged is null)
                    {
                        yield return Descriptors.ObligationUnmet.At(tier.Location, Cited(obligation), tier.Id, what, lacks);
                    }
                    else
                    {
                        unmet.Add($"'{tier.Id}' ({what})");
                    }
                }
            }

            if (obligation.Acknowledged is { } ack && unmet.Count > 0)
            {
                yield return Descriptors.ObligationAcknowledged.At(obligation.Location, Cited(obligation), string.Join(", ", unmet.Distinct(StringComparer.Ordinal)), ack.Clause.Id, ack.Reason.En);
            }
        }
    }

    /// <summary>The placement warnings for a department placed in <paramref name="tier"/> on the scope's date: one per obligation that covers it and that the tier's letting does not meet.</summary>
    /// <remarks>
    /// In words for the caseworker who reads the placement: the clause and its source, the department's designation and
    /// the tier by their names, what the letting lacks; no ids of the pack.
    /// </remarks>
    public IReadOnlyList<LocalizedText> PlacementWarnings(Department department, TierDef tier, PolicyObligations decided, EvalScope scope)
    {
        List<LocalizedText>? warnings = null;
        for (var i = 0; i < _pack.Obligations.Count; i++)
        {
            var obligation = _pack.Obligations[i];
            if (decided.PlacementLacks[i] is { } lacks && Covers(obligation, scope))
            {
                var clause = $"{obligation.Clause.Id} ({obligation.Clause.Source})";
                var words = lacks.Value;
                (warnings ??= []).Add(new LocalizedText(
                    $"{clause} gælder for afdelingen ({DesignationWords(department, Language.Danish)}), men udlejningen i dens placering '{tier.Label.Da}' opfylder den ikke: {words.Da}.",
                    $"{clause} covers the department ({DesignationWords(department, Language.English)}), but the letting of its tier '{tier.Label.En}' does not meet it: {words.En}."));
            }
        }

        return warnings ?? (IReadOnlyList<LocalizedText>)[];
    }

    /// <summary>
    /// Adds the explanations for an eligibility check on <paramref name="route"/> of a dwelling let under a policy
    /// (the tier's, or a routing rule's for the dwelling; <paramref name="decided"/> is its <see cref="For"/>): one per
    /// obligation that covers the department and the dwelling and that the policy does not meet.
    /// </summary>
    public void AddCheckExplanations(List<Explanation> into, LettingRoute route, PolicyObligations decided, Vacancy? vacancy, EvalScope scope)
    {
        if (route == LettingRoute.Municipal)
        {
            return;
        }

        // A check on a route is told what the letting on that route lacks: on internal transfers, the transfers'
        // own problems; on the flexible and waiting-list routes, theirs.
        var onRoute = route == LettingRoute.InternalTransfer ? decided.OnTransfers : decided.OnRoutes;
        for (var i = 0; i < _pack.Obligations.Count; i++)
        {
            var obligation = _pack.Obligations[i];
            if (vacancy?.Category is { } category && !obligation.Covers(category))
            {
                continue;
            }

            if (onRoute[i] is { } explanation && Covers(obligation, scope))
            {
                into.Add(explanation);
            }
        }
    }

    /// <summary>The explanation of a check on a route whose letting lacks <paramref name="onRoute"/> (null when it lacks nothing).</summary>
    private static Explanation? CheckExplanation(Obligation obligation, List<Problem> onRoute)
    {
        if (onRoute.Count == 0)
        {
            return null;
        }

        var da = string.Join("; ", onRoute.Select(p => p.Text.Da));
        var en = string.Join("; ", onRoute.Select(p => p.Text.En));
        return new Explanation(obligation.Id, obligation.Clause.Id, obligation.Clause.Source, new LocalizedText(
            $"{obligation.Reason.Da} Aftalens udlejning af boligen opfylder ikke forpligtelsen: {da}. Udfaldet er aftalens; kriterierne skal aftales.",
            $"{obligation.Reason.En} The agreement's letting of the dwelling does not meet the obligation: {en}. The outcome is the agreement's; the criteria must be agreed."));
    }

    private static bool Covers(Obligation obligation, EvalScope scope)
    {
        var mark = scope.MissingCount;
        var covers = obligation.When.Evaluate(scope) == Tri.True;
        scope.ResetMissing(mark);
        return covers;
    }

    /// <summary>What a tier's covered dwellings lack, each problem after the dwellings it concerns, each once.</summary>
    private static LocalizedText LacksWords(List<Lack> lacks)
    {
        var da = new List<string>();
        var en = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lack in lacks)
        {
            var dwellings = CategoryWords(lack.Category, lack.Own);
            var (d, e) = ($"{dwellings.Da}: {lack.Problem.Da}", $"{dwellings.En}: {lack.Problem.En}");
            if (seen.Add(d + "\n" + e))
            {
                da.Add(d);
                en.Add(e);
            }
        }

        return new LocalizedText(string.Join("; ", da), string.Join("; ", en));
    }

    /// <summary>The covered dwellings in words (the diagnostics' <c>what</c> names the routing rule by id; this does not).</summary>
    private static LocalizedText CategoryWords(DwellingCategory category, bool tiersOwnLetting)
    {
        var name = EnumNames<DwellingCategory>.Name(category);
        var da = FactGlossary.Value(nameof(DwellingCategory), name, Language.Danish) ?? name;
        var en = FactGlossary.Value(nameof(DwellingCategory), name, Language.English) ?? name;
        return tiersOwnLetting
            ? new LocalizedText($"boligtypen {da}", $"{en}s")
            : new LocalizedText($"boligtypen {da}, udlejet efter pakkens særlige regel for den", $"{en}s, let under the pack's own rule for them");
    }

    private static string Cited(Obligation obligation) => $"{obligation.Clause.Id} ({obligation.Clause.Source}, obligation '{obligation.Id}')";

    private static string DesignationWords(Department department, Language language)
        => department.Designation is { } d && FactGlossary.Value(nameof(Designation), EnumNames<Designation>.Name(d), language) is { } words
            ? words
            : language == Language.Danish ? "udpegning ukendt" : "designation unknown";

    /// <summary>
    /// The tiers a department the obligation may cover can be placed in: the placement rules evaluated, three-valued,
    /// for a department of each designation with every other fact unknown, on the pack's first day and each day a
    /// parameter changes. A rule false for it cannot place it; a true one stops the search (hit policy first); a
    /// decided placement that may apply makes every tier reachable.
    /// </summary>
    private IReadOnlyList<TierDef> ReachableTiers(Obligation obligation)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var on in ProbeDates())
        {
            foreach (var designation in EnumNames<Designation>.Values)
            {
                var scope = _pack.NewScope(on);
                scope.Department = new Department { Id = "probe", Designation = designation };
                if (obligation.When.Evaluate(scope) == Tri.False)
                {
                    continue;
                }

                if (_pack.Decided is { Rules: true } decided && (decided.When is null || decided.When.Evaluate(scope) != Tri.False))
                {
                    reached.UnionWith(_pack.TierDefs.Keys);
                    continue;
                }

                foreach (var rule in _pack.PlacementRules)
                {
                    var r = rule.When.Evaluate(scope);
                    if (r == Tri.False)
                    {
                        continue;
                    }

                    reached.Add(rule.Tier);
                    if (r == Tri.True && _pack.HitPolicy == HitPolicy.First)
                    {
                        break;
                    }
                }
            }
        }

        return _pack.TierDefs.Values.Where(t => reached.Contains(t.Id)).ToList();
    }

    private IEnumerable<DateOnly> ProbeDates()
    {
        var first = _pack.ValidFrom ?? new DateOnly(2025, 1, 1);
        return _pack.Parameters.Values.SelectMany(p => p.Values).Select(v => v.From)
            .Where(d => d > first && (_pack.ValidTo is null || d <= _pack.ValidTo))
            .Append(first).Distinct().Order().Take(24);
    }

    /// <summary>
    /// The letting policies of the dwellings the obligation covers in a department of the tier: per covered category,
    /// the routing rules that may route it (first match, three-valued): a rule with its own letting gives that
    /// policy, a counting rule the tier's own; a rule that gives the municipality every such dwelling leaves nothing to let.
    /// </summary>
    private IEnumerable<Covered> CoveredPolicies(Obligation obligation, TierDef tier)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in obligation.Dwellings)
        {
            var scope = _pack.NewScope(_pack.ValidFrom ?? new DateOnly(2025, 1, 1));
            scope.Vacancy = new Vacancy { Category = category };
            foreach (var rule in _pack.RoutingRules)
            {
                var r = rule.When.Evaluate(scope);
                if (r == Tri.False)
                {
                    continue;
                }

                var allMunicipal = rule.Share is { Fixed: { } share } && share == Fraction.One;
                var policy = _pack.LettingFor(rule, tier);
                var own = ReferenceEquals(policy, tier);
                var what = own
                    ? $"{EnumNames<DwellingCategory>.Name(category)} dwellings"
                    : $"the dwellings of routing rule '{rule.Id}'";
                if (!allMunicipal && seen.Add(policy.Key + "|" + what))
                {
                    yield return new Covered(policy, what, category, own);
                }

                if (r == Tri.True)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// What a letting policy lacks to meet the obligation (in Danish and English), empty when it meets it. Internal
    /// transfers are lettings outside municipal allocation too (almenboligloven § 60 stk. 4 as Høje-Taastrup § 5.6
    /// restates it: "omfatter derfor såvel intern oprykning i egen afdeling, som intern oprykning på tværs af
    /// boligorganisationen"): an open transfer route must carry criteria of each kind the obligation names, on its own.
    /// Criteria on transfers do not make up for criteria missing on the flexible and waiting-list routes, nor the other way.
    /// </summary>
    private static IReadOnlyList<Problem> Problems(RulePack pack, Obligation obligation, TierDef policy)
    {
        bool Open(LettingRoute route) => policy.Routes.TryGetValue(route, out var p) && !p.Closed;

        if (!Open(LettingRoute.Flexible) && !Open(LettingRoute.WaitingList) && !Open(LettingRoute.InternalTransfer))
        {
            return []; // nothing is let outside municipal allocation (e.g. rehousing)
        }

        if (policy.MunicipalShareParameter is null && policy.MunicipalShare == Fraction.One)
        {
            return [];
        }

        var problems = new List<Problem>();
        var requirements = pack.RouteRequirements[policy.Key];
        if (Open(LettingRoute.InternalTransfer))
        {
            var transfers = requirements[(int)LettingRoute.InternalTransfer];
            if (transfers.Length == 0)
            {
                problems.Add(new Problem(LettingRoute.InternalTransfer, new LocalizedText(
                    "den lader intern oprykning ske uden kriterier",
                    "it lets internal transfers without criteria")));
            }
            else
            {
                var readByTransfers = new HashSet<string>(StringComparer.Ordinal);
                foreach (var requirement in transfers)
                {
                    CollectFacts(pack, requirement.CriteriaSet, readByTransfers, new HashSet<string>(StringComparer.Ordinal));
                }

                foreach (var kind in obligation.Criteria.Where(k => !readByTransfers.Any(k.Matches)))
                {
                    problems.Add(new Problem(LettingRoute.InternalTransfer, new LocalizedText(
                        $"dens kriterier for intern oprykning omfatter intet kriterium om {kind.Title.Da}",
                        $"its criteria for internal transfers include no criterion on {kind.Title.En}")));
                }
            }
        }

        if (!Open(LettingRoute.Flexible) && !Open(LettingRoute.WaitingList))
        {
            return problems;
        }

        var waitingCriteria = requirements[(int)LettingRoute.WaitingList].Length > 0;
        if (obligation.AllFlexible && Open(LettingRoute.WaitingList) && policy.FlexibleRule != FlexibleRule.All && !waitingCriteria)
        {
            problems.Add(new Problem(null, Open(LettingRoute.Flexible)
                ? new LocalizedText(
                    $"den lader boliger, der ikke udlejes fleksibelt, gå til ventelisten uden kriterier (fleksibel udlejning '{PackNames.Name(policy.FlexibleRule)}' i stedet for al udlejning)",
                    $"it lets the dwellings not let flexibly go to the waiting list without criteria (flexible letting '{PackNames.Name(policy.FlexibleRule)}' instead of all lettings)")
                : new LocalizedText(
                    "den udlejer efter ventelisten uden kriterier, og fleksibel udlejning er lukket",
                    "it lets from the waiting list without criteria, and flexible letting is closed")));
        }

        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in LettingRoutes.Where(Open))
        {
            foreach (var requirement in requirements[(int)route])
            {
                CollectFacts(pack, requirement.CriteriaSet, read, new HashSet<string>(StringComparer.Ordinal));
            }
        }

        foreach (var kind in obligation.Criteria.Where(k => !read.Any(k.Matches)))
        {
            problems.Add(new Problem(null, new LocalizedText($"dens kriterier omfatter intet kriterium om {kind.Title.Da}", $"its criteria include no criterion on {kind.Title.En}")));
        }

        // The transfer route's problems last: the flexible and waiting-list letting is what the obligation is first about.
        return [.. problems.Where(p => p.Route is null), .. problems.Where(p => p.Route is not null)];
    }

    /// <summary>What a policy lacks, and the route it concerns (null: the flexible and waiting-list letting).</summary>
    private sealed record Problem(LettingRoute? Route, LocalizedText Text);

    private static void CollectFacts(RulePack pack, string criteriaSet, HashSet<string> facts, HashSet<string> visiting)
    {
        if (!visiting.Add(criteriaSet) || !pack.CriteriaSets.TryGetValue(criteriaSet, out var set))
        {
            return;
        }

        foreach (var criterion in set.Criteria)
        {
            Collect(criterion);
        }

        void Collect(CriterionNode node)
        {
            switch (node)
            {
                case LeafCriterion leaf:
                    facts.UnionWith(leaf.Condition.References.Facts);
                    break;
                case GroupCriterion group:
                    foreach (var child in group.Children)
                    {
                        Collect(child);
                    }

                    break;
                case RefCriterion reference:
                    CollectFacts(pack, reference.CriteriaSet, facts, visiting);
                    break;
            }
        }
    }

    /// <summary>A policy that lets dwellings an obligation covers (a class: tuples of an enum are compiled at start-up).</summary>
    private sealed record Covered(TierDef Policy, string What, DwellingCategory Category, bool Own);

    /// <summary>A problem of the policy that lets the covered dwellings of <see cref="Category"/>.</summary>
    private sealed record Lack(DwellingCategory Category, bool Own, LocalizedText Problem);
}

/// <summary>
/// What the obligations mean for one letting policy, decided once (<see cref="ObligationCheck.For"/>), by obligation
/// index: what a placement in the tier warns of when the obligation covers the department (null: nothing, or not a
/// tier), and the explanation a check on the flexible and waiting-list routes or on internal transfers adds (null: the
/// letting on those routes lacks nothing). Immutable.
/// </summary>
internal sealed class PolicyObligations(Lazy<LocalizedText>?[] placementLacks, Explanation?[] onRoutes, Explanation?[] onTransfers)
{
    public Lazy<LocalizedText>?[] PlacementLacks { get; } = placementLacks;

    public Explanation?[] OnRoutes { get; } = onRoutes;

    public Explanation?[] OnTransfers { get; } = onTransfers;

    /// <summary>Whether a placement in the tier can carry a warning.</summary>
    public bool MayWarn { get; } = placementLacks.Any(l => l is not null);

    /// <summary>Whether a check under the policy can be explained by an obligation (some obligation is not met by it).</summary>
    public bool MayExplain { get; } = onRoutes.Any(e => e is not null) || onTransfers.Any(e => e is not null);
}
