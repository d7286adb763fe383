using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>
/// Builds offer lists with shared work. What depends only on the department and the dwelling (placement, the dwelling's
/// letting policy, the route's requirements) is settled once per vacancy; vacancies whose eligibility question is the
/// same (the same letting policy, route and special criteria, and the same values of the department facts the
/// requirements read) share one <see cref="Signature"/>, so a household is checked once per signature, not once per
/// vacancy; and a criterion that reads only household facts is evaluated once per household and date, whatever the
/// number of signatures. Households are read once, one at a time, and not kept (only the few on some list are).
/// Not thread-safe: one engine per call.
/// </summary>
internal sealed class OfferEngine
{
    private static readonly Household Nobody = new();
    private const string SeniorityFact = "household.waitingListSince";

    private readonly RulePack _pack;
    private readonly DateOnly _on;
    private readonly int _top;
    private readonly Slot[] _slots;
    private readonly List<Signature> _fromAll = [];
    private readonly Dictionary<string, List<(Signature Signature, int Position)>> _candidates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<LeafCriterion, int> _leaves = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Policy, LettingRoute Route, bool Special), string[]> _departmentFacts = [];
    private readonly List<bool> _householdOnly = [];
    private Tri[] _leafTri = [];
    private IReadOnlyList<string>[] _leafMissing = [];
    private int[] _leafStamp = [];
    private int _stamp;
    private int _households;
    private readonly List<string> _missing = [];
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private readonly List<string> _met = [];

    public OfferEngine(RulePack pack, IReadOnlyList<Department> departments, IReadOnlyList<Vacancy> vacancies, IReadOnlyList<RoutingDecision> decisions, DateOnly on, int top)
    {
        _pack = pack;
        _on = on;
        _top = top;
        var byId = ById(departments);
        var signatures = new Dictionary<string, Signature>(StringComparer.Ordinal);
        _slots = new Slot[vacancies.Count];
        for (var i = 0; i < vacancies.Count; i++)
        {
            var vacancy = vacancies[i];
            var department = byId[vacancy.Department!];
            var decision = decisions[i];
            LettingRoute? route = decision.Route switch
            {
                VacancyRoute.Municipal => LettingRoute.Municipal,
                VacancyRoute.Flexible => LettingRoute.Flexible,
                VacancyRoute.WaitingList or VacancyRoute.OutOfScope => LettingRoute.WaitingList,
                _ => null,
            };
            if (route is not { } r)
            {
                _slots[i] = new Slot(decision, null, null, NoList(decision));
                continue;
            }

            var policy = pack.OfferPolicyFor(r);
            var special = r == LettingRoute.Municipal && decision.SpecialCriteria;
            var request = new EligibilityRequest(department, Nobody, r, on, special) { Vacancy = vacancy };
            var scope = pack.NewScope(on);
            var placement = Evaluator.Place(pack, department, on, scope);
            var leftover = scope.MissingSince(0).ToArray();
            var settled = Evaluator.Settled(pack, request, placement, scope.Parameters, out var tier, out _);
            IReadOnlyList<Requirement> requirements = settled is null ? Evaluator.RequirementsFor(pack, tier, request) : [];
            string key;
            if (settled is not null)
            {
                key = $"settled|{i}";
            }
            else
            {
                var facts = DepartmentFacts(tier.Key, r, special, requirements);
                key = string.Join('\u001f', tier.Key, r, special, Project(department, facts, scope), string.Join(',', leftover));
            }

            if (policy.From == OfferSource.Candidates)
            {
                key = $"{key}|candidates|{i}";
            }

            if (!signatures.TryGetValue(key, out var signature))
            {
                signature = new Signature(department, vacancy, r, special, policy, settled, requirements, leftover, top);
                signatures.Add(key, signature);
                if (policy.From == OfferSource.WaitingList)
                {
                    _fromAll.Add(signature);
                }
                else
                {
                    signature.CandidateList = vacancy.Candidates;
                    var candidates = vacancy.Candidates ?? [];
                    for (var p = 0; p < candidates.Count; p++)
                    {
                        if (!_candidates.TryGetValue(candidates[p], out var list))
                        {
                            _candidates.Add(candidates[p], list = []);
                        }

                        if (!list.Exists(x => ReferenceEquals(x.Signature, signature)))
                        {
                            list.Add((signature, p));
                        }
                    }
                }
            }

            var clause = policy.Clause;
            _slots[i] = new Slot(decision, r, signature, new Explanation($"offers.{Evaluator.RouteName(r)}", clause.Id, clause.Source, policy.Reason));
        }

        _leafTri = new Tri[_householdOnly.Count];
        _leafMissing = new IReadOnlyList<string>[_householdOnly.Count];
        _leafStamp = new int[_householdOnly.Count];
    }

    /// <summary>The departments by id; the request's checks guarantee ids are given and unique.</summary>
    private static Dictionary<string, Department> ById(IReadOnlyList<Department> departments)
    {
        var byId = new Dictionary<string, Department>(StringComparer.Ordinal);
        foreach (var d in departments)
        {
            byId[d.Id!] = d;
        }

        return byId;
    }

    private static Explanation NoList(RoutingDecision decision) => decision.Route == VacancyRoute.Closed
        ? new Explanation("offers", "", "", new LocalizedText("Boligen udlejes ikke (lukket): ingen tilbudsliste.", "The dwelling is not let (closed): no offer list."))
        : new Explanation("offers", "", "", new LocalizedText(
            $"Boligens vej kan ikke afgøres ({string.Join(", ", decision.Missing)} mangler): ingen tilbudsliste.",
            $"The dwelling's route cannot be decided ({string.Join(", ", decision.Missing)} missing): no offer list."));

    /// <summary>Takes one household: checks it once per signature it is drawn into and keeps it only if it has a place on a list.</summary>
    public void Add(Household household, int index)
    {
        if (household.Id is { } id && !_ids.Add(id))
        {
            throw new ArgumentException($"The household at position {index} has the same id as an earlier household; offer lists name households by id, so ids must be unique.", nameof(household));
        }

        _households++;
        _stamp++;
        var scope = _pack.NewScope(_on);
        scope.Household = household;
        scope.Applicant = household.Applicant;
        foreach (var signature in _fromAll)
        {
            Evaluate(signature, household, index, scope, null);
        }

        if (household.Id is { } hid && _candidates.TryGetValue(hid, out var mine))
        {
            foreach (var (signature, position) in mine)
            {
                signature.Found.Add(hid);
                Evaluate(signature, household, index, scope, position);
            }
        }
    }

    private void Evaluate(Signature s, Household household, int index, EvalScope scope, int? position)
    {
        s.Considered++;
        if (s.Settled is { } settled)
        {
            if (settled.Outcome == Outcome.Ineligible)
            {
                s.Ineligible++;
            }
            else
            {
                s.Undetermined++;
                s.Count(settled.Missing);
            }

            return;
        }

        scope.Department = s.Department;
        scope.Member = null;
        scope.ResetMissing(0);
        foreach (var id in s.Leftover)
        {
            scope.NoteMissing(id);
        }

        _missing.Clear();
        _met.Clear();
        var overall = Requirements(s, scope);
        if (overall == Tri.False)
        {
            s.Ineligible++;
            return;
        }

        if (overall == Tri.Unknown)
        {
            s.Undetermined++;
            _distinct.Clear();
            foreach (var m in _missing)
            {
                _distinct.Add(m);
            }

            s.Count(_distinct);
            return;
        }

        s.Eligible++;
        if (!OrderValue.TryMake(s.Policy.Order, household, position, _met, index, out var value))
        {
            s.UnplacedCount++;
            s.Count([SeniorityFact]);
            if (s.Unplaced.Count < _top)
            {
                s.Unplaced.Add(new Entry(household, index, position));
            }

            return;
        }

        if (_top == 0)
        {
            return;
        }

        if (s.Heap.Count < _top)
        {
            s.Heap.Enqueue(new Entry(household, index, position), value);
        }
        else if (s.Heap.TryPeek(out _, out var worst) && value.CompareTo(worst) < 0)
        {
            s.Heap.DequeueEnqueue(new Entry(household, index, position), value);
        }
    }

    /// <summary>The route's requirements over the household, as <see cref="Evaluator.Check"/> evaluates them; collects the missing facts and the criteria met.</summary>
    private Tri Requirements(Signature s, EvalScope scope)
    {
        var overall = Tri.True;
        foreach (var req in s.Requirements)
        {
            var applies = Tri.True;
            if (req.When is not null)
            {
                var mark = scope.MissingCount;
                applies = req.When.Evaluate(scope);
                if (applies == Tri.Unknown)
                {
                    _missing.AddRange(Evaluator.Names(_pack, scope, mark));
                }

                scope.ResetMissing(mark);
                if (applies == Tri.False)
                {
                    continue;
                }
            }

            var set = _pack.CriteriaSets[req.CriteriaSet];
            var r = Set(set, scope, top: true);
            if (r == Tri.True)
            {
                _met.Add(set.Id);
            }

            overall = Kleene.And(overall, Evaluator.Effective(applies, r));
        }

        return overall;
    }

    private Tri Set(CriteriaSetDef set, EvalScope scope, bool top)
    {
        var acc = set.All ? Tri.True : Tri.False;
        foreach (var c in set.Criteria)
        {
            var r = Node(c, scope);
            if (top && r == Tri.True)
            {
                _met.Add(c.Id);
            }

            acc = set.All ? Kleene.And(acc, r) : Kleene.Or(acc, r);
        }

        return acc;
    }

    private Tri Node(CriterionNode node, EvalScope scope)
    {
        switch (node)
        {
            case LeafCriterion leaf:
            {
                var i = _leaves[leaf];
                if (_householdOnly[i] && _leafStamp[i] == _stamp)
                {
                    if (_leafTri[i] == Tri.Unknown)
                    {
                        _missing.AddRange(_leafMissing[i]);
                    }

                    return _leafTri[i];
                }

                var (r, result) = Evaluator.EvaluateCriterion(_pack, leaf, scope, 0);
                if (r == Tri.Unknown)
                {
                    _missing.AddRange(result.Missing);
                }

                if (_householdOnly[i])
                {
                    _leafStamp[i] = _stamp;
                    _leafTri[i] = r;
                    _leafMissing[i] = result.Missing;
                }

                return r;
            }

            case GroupCriterion group:
            {
                var acc = group.All ? Tri.True : Tri.False;
                foreach (var child in group.Children)
                {
                    var r = Node(child, scope);
                    acc = group.All ? Kleene.And(acc, r) : Kleene.Or(acc, r);
                }

                return acc;
            }

            case RefCriterion reference:
                return Set(_pack.CriteriaSets[reference.CriteriaSet], scope, top: false);

            default:
                throw new InvalidOperationException("Unknown criterion kind.");
        }
    }

    /// <summary>
    /// The department facts a route's requirements read (their conditions and every criterion they reach), found once per
    /// letting policy, route and special criteria; registers the criteria's leaves, noting those that read only household facts.
    /// </summary>
    private string[] DepartmentFacts(string policy, LettingRoute route, bool special, IReadOnlyList<Requirement> requirements)
    {
        if (_departmentFacts.TryGetValue((policy, route, special), out var known))
        {
            return known;
        }

        var facts = new SortedSet<string>(StringComparer.Ordinal);
        var seenSets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var req in requirements)
        {
            if (req.When is { } when)
            {
                AddDepartmentFacts(facts, when.References);
            }

            Walk(_pack.CriteriaSets[req.CriteriaSet]);
        }

        var result = facts.ToArray();
        _departmentFacts.Add((policy, route, special), result);
        return result;

        void Walk(CriteriaSetDef set)
        {
            if (!seenSets.Add(set.Id))
            {
                return;
            }

            foreach (var c in set.Criteria)
            {
                WalkNode(c);
            }
        }

        void WalkNode(CriterionNode node)
        {
            switch (node)
            {
                case LeafCriterion leaf:
                    AddDepartmentFacts(facts, leaf.Condition.References);
                    if (!_leaves.ContainsKey(leaf))
                    {
                        _leaves.Add(leaf, _householdOnly.Count);
                        _householdOnly.Add(leaf.Condition.References.Facts.All(f => !f.StartsWith("department.", StringComparison.Ordinal) && !f.StartsWith("vacancy.", StringComparison.Ordinal)));
                    }

                    break;
                case GroupCriterion group:
                    foreach (var child in group.Children)
                    {
                        WalkNode(child);
                    }

                    break;
                case RefCriterion reference:
                    Walk(_pack.CriteriaSets[reference.CriteriaSet]);
                    break;
            }
        }
    }

    private static void AddDepartmentFacts(SortedSet<string> facts, ExprReferences references)
    {
        foreach (var f in references.Facts)
        {
            if (f.StartsWith("department.", StringComparison.Ordinal))
            {
                facts.Add(f);
            }
        }
    }

    /// <summary>
    /// The values of the given department facts, as one key: departments with equal values give every household the
    /// same answer. A fact that is not a plain value (a list of records) keys by the department itself.
    /// </summary>
    private static string Project(Department department, string[] facts, EvalScope scope)
    {
        if (facts.Length == 0)
        {
            return "";
        }

        var parts = new string[facts.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            object? value = department;
            var type = FactSchema.Department;
            foreach (var name in facts[i].Split('.').Skip(1))
            {
                var field = type?.Find(name);
                if (field is null || field.Type.Kind == VKind.List)
                {
                    return "#" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(department).ToString(System.Globalization.CultureInfo.InvariantCulture) + "#" + department.Id;
                }

                value = value is null ? null : field.Accessor.DynamicInvoke(value, scope);
                type = field.Type.Kind == VKind.Object ? field.Type.Object : null;
            }

            parts[i] = value switch
            {
                null => "\u0000",
                IReadOnlyList<string> list => "[" + string.Join('\u001e', list) + "]",
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
        }

        return string.Join('\u001d', parts);
    }

    /// <summary>The lists, per vacancy in order; the households on them are checked once more in full for the criterion that qualified them.</summary>
    public IReadOnlyList<VacancyOffer> Finish()
    {
        var built = new Dictionary<Signature, (IReadOnlyList<OfferCandidate> Placed, IReadOnlyList<OfferCandidate> Unplaced, IReadOnlyList<MissingFactCount> Missing, IReadOnlyList<string> NotFound)>(ReferenceEqualityComparer.Instance);
        var offers = new List<VacancyOffer>(_slots.Length);
        foreach (var slot in _slots)
        {
            if (slot.Signature is not { } s)
            {
                offers.Add(new VacancyOffer { Decision = slot.Decision, Order = slot.Order });
                continue;
            }

            if (!built.TryGetValue(s, out var lists))
            {
                var entries = new List<(Entry Entry, OrderValue Value)>(s.Heap.Count);
                while (s.Heap.TryDequeue(out var e, out var v))
                {
                    entries.Add((e, v));
                }

                entries.Sort((a, b) => a.Value.CompareTo(b.Value));
                var placed = entries.Select((x, i) => Candidate(s, x.Entry, i + 1)).ToList();
                var unplaced = s.Unplaced.Select(e => Candidate(s, e, null)).ToList();
                var missing = s.Missing
                    .OrderByDescending(kv => kv.Value)
                    .ThenBy(kv => kv.Key, StringComparer.Ordinal)
                    .Take(5)
                    .Select(kv => new MissingFactCount(kv.Key, kv.Value))
                    .ToList();
                var notFound = (s.CandidateList ?? []).Where(c => !s.Found.Contains(c)).Distinct(StringComparer.Ordinal).ToList();
                lists = (placed, unplaced, missing, notFound);
                built.Add(s, lists);
            }

            offers.Add(new VacancyOffer
            {
                Decision = slot.Decision,
                Route = slot.Route,
                Order = slot.Order,
                Candidates = lists.Placed,
                Unplaced = lists.Unplaced,
                Considered = s.Considered,
                Eligible = s.Eligible,
                UnplacedCount = s.UnplacedCount,
                Ineligible = s.Ineligible,
                Undetermined = s.Undetermined,
                MostOftenMissing = lists.Missing,
                CandidatesNotFound = lists.NotFound,
            });
        }

        return offers;
    }

    /// <summary>How many households were taken.</summary>
    public int Households => _households;

    private OfferCandidate Candidate(Signature s, Entry e, int? place)
    {
        var result = Evaluator.Check(_pack, new EligibilityRequest(s.Department, e.Household, s.Route, _on, s.Special) { Vacancy = s.Vacancy }, _pack.NewScope(_on));
        return new OfferCandidate
        {
            Place = place,
            HouseholdId = e.Household.Id,
            Index = e.Index,
            QualifiedBy = OfferQualification.QualifiedBy(_pack, s.Requirements, result),
            WaitingListSince = e.Household.WaitingListSince,
            CandidateRank = e.Position + 1,
            Missing = place is null ? [SeniorityFact] : [],
            Reason = place is null
                ? new LocalizedText(
                    "Husstanden opfylder betingelserne, men har ingen plads: rækkefølgen afgøres af ancienniteten, og datoen for opskrivning på ventelisten (waitingListSince) mangler.",
                    "The household meets the conditions but has no place: the order is decided by seniority, and its waiting-list date (waitingListSince) is missing.")
                : null,
        };
    }

    private sealed record Slot(RoutingDecision Decision, LettingRoute? Route, Signature? Signature, Explanation Order);

    private readonly record struct Entry(Household Household, int Index, int? Position);

    /// <summary>One eligibility question shared by vacancies, with what has been counted for it.</summary>
    private sealed class Signature(Department department, Vacancy vacancy, LettingRoute route, bool special, OfferRoutePolicy policy, EligibilityResult? settled, IReadOnlyList<Requirement> requirements, int[] leftover, int top)
    {
        public Department Department { get; } = department;

        public Vacancy Vacancy { get; } = vacancy;

        public LettingRoute Route { get; } = route;

        public bool Special { get; } = special;

        public OfferRoutePolicy Policy { get; } = policy;

        public EligibilityResult? Settled { get; } = settled;

        public IReadOnlyList<Requirement> Requirements { get; } = requirements;

        /// <summary>The missing-fact ids placement left noted in the scope (so that criteria note exactly what <c>Check</c> notes).</summary>
        public int[] Leftover { get; } = leftover;

        public IReadOnlyList<string>? CandidateList { get; set; }

        public HashSet<string> Found { get; } = new(StringComparer.Ordinal);

        public int Considered { get; set; }

        public int Eligible { get; set; }

        public int Ineligible { get; set; }

        public int Undetermined { get; set; }

        public int UnplacedCount { get; set; }

        public Dictionary<string, int> Missing { get; } = new(StringComparer.Ordinal);

        public PriorityQueue<Entry, OrderValue> Heap { get; } = new(Math.Max(1, Math.Min(top, 1024)), Comparer<OrderValue>.Create((a, b) => b.CompareTo(a)));

        public List<Entry> Unplaced { get; } = [];

        public void Count(IEnumerable<string> facts)
        {
            foreach (var f in facts)
            {
                Missing[f] = Missing.GetValueOrDefault(f) + 1;
            }
        }
    }
}
