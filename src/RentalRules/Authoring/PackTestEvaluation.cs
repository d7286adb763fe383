using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Authoring;

/// <summary>
/// Runs one case through the pack's public answers (placement, eligibility, routing) and compares them with what the
/// case expects, one difference per expectation not met. The differences are texts a reader compares by eye.
/// </summary>
internal static class PackTestEvaluation
{
    public sealed record Actual(PlacementResult Placement, EligibilityResult? Check, IReadOnlyList<RoutingDecision>? Decisions)
    {
        /// <summary>The case's offer list, when it draws one up.</summary>
        public VacancyOffer? Offer { get; init; }
    }

    public static Actual Evaluate(RulePack pack, PackTestCase c)
    {
        var placement = pack.Place(new PlacementRequest(c.Department!, c.On));
        EligibilityResult? check = null;
        if (c.Household is not null && c.Route is { } route)
        {
            check = pack.Check(new EligibilityRequest(c.Department!, c.Household, route, c.On, c.SpecialCriteria) { Vacancy = c.Vacancy });
        }

        var ledger = pack.NewLedger();
        foreach (var counter in c.Ledger)
        {
            ledger = ledger.WithCounter(counter);
        }

        VacancyOffer? offer = null;
        if (c.Offer is { } o)
        {
            var department = c.Department! with { Id = c.Department!.Id ?? "department" };
            var request = new OfferRequest([department], [o.Vacancy with { Department = department.Id }], o.Households, c.On) { Top = o.Top, Ledger = ledger };
            offer = pack.Offer(request).Offers[0];
        }

        List<RoutingDecision>? decisions = null;
        if (c.Vacancies is { } vacancies)
        {
            decisions = [];
            foreach (var v in vacancies)
            {
                var routed = pack.Route(new RoutingRequest(c.Department!, v, c.On) { Ledger = ledger });
                ledger = routed.Ledger;
                decisions.Add(routed.Decision);
            }
        }

        return new Actual(placement, check, decisions) { Offer = offer };
    }

    public static List<PackTestDifference> Compare(PackTestExpectation e, Actual a)
    {
        var d = new List<PackTestDifference>();
        void Diff(string what, string expected, string actual)
        {
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                d.Add(new PackTestDifference(what, expected, actual));
            }
        }

        if (e.Placement is { } placement)
        {
            Diff("placement", Name(placement), Name(a.Placement.Outcome));
        }

        if (e.Tier is { } tier)
        {
            Diff("tier", tier, a.Placement.Tier ?? "(none: " + Name(a.Placement.Outcome) + ")");
        }

        if (e.MunicipalShare is { } share)
        {
            Diff("municipalShare", share.ToString(), a.Placement.MunicipalShare?.ToString() ?? "(unknown)");
        }

        if (a.Check is { } check)
        {
            if (e.Outcome is { } outcome)
            {
                Diff("outcome", Name(outcome), Name(check.Outcome));
            }

            var criteria = Flatten(check.Criteria).ToList();
            foreach (var ce in e.Criteria)
            {
                var found = criteria.FirstOrDefault(x => x.Id == ce.Id);
                var what = "criteria." + ce.Id;
                if (found is null)
                {
                    var applied = check.Explanation.Any(x => x.RuleId == ce.Id);
                    if (ce.Outcome is { } o && !applied)
                    {
                        Diff(what, Name(o), "(not evaluated: the route does not ask for it)");
                    }

                    continue;
                }

                if (ce.Outcome is { } expected)
                {
                    Diff(what, Name(expected), Name(found.Outcome));
                }

                foreach (var (member, mo) in ce.Members)
                {
                    var m = found.Members.FirstOrDefault(x => x.MemberId == member);
                    Diff($"{what}.members.{member}", Name(mo), m is null ? "(not in the criterion's age band)" : Name(m.Outcome));
                }

                if (ce.Missing is { } missing)
                {
                    Diff(what + ".missing", List(missing), List(found.Missing));
                }

                Contained(d, what + ".documents", ce.Documents, found.Documents.SelectMany(x => new[] { x.Da, x.En }));
            }

            if (e.Missing is { } all)
            {
                Diff("missing", List(all), List(check.Missing));
            }

            Contained(d, "documents", e.Documents, check.Documents.SelectMany(x => new[] { x.Da, x.En }));
        }

        if (a.Decisions is { } decisions)
        {
            if (e.Routing is { } routing)
            {
                var actual = decisions.Select(RouteName).ToList();
                if (!routing.SequenceEqual(actual, StringComparer.Ordinal))
                {
                    var at = Enumerable.Range(0, Math.Max(routing.Count, actual.Count))
                        .Where(i => i >= routing.Count || i >= actual.Count || routing[i] != actual[i])
                        .Select(i => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    d.Add(new PackTestDifference($"routing (vacancy {string.Join(", ", at)})", string.Join(", ", routing), string.Join(", ", actual)));
                }
            }

            if (e.Marks is { } marks)
            {
                for (var i = 0; i < marks.Count && i < decisions.Count; i++)
                {
                    Diff($"marks[{i + 1}]", List(marks[i]), List(decisions[i].Marks));
                }
            }
        }

        if (a.Offer is { } offer)
        {
            if (e.Offered is { } offered)
            {
                static string Entry(string household, string? criterion) => criterion is null ? household : $"{household} ({criterion})";
                var withCriterion = offered.Any(x => x.Criterion is not null);
                Diff(
                    "offered",
                    Sequence(offered.Select(x => Entry(x.Household, x.Criterion))),
                    Sequence(offer.Candidates.Select(x => Entry(x.HouseholdId ?? $"#{x.Index + 1}", withCriterion ? x.QualifiedBy?.RuleId ?? "-" : null))));
            }

            if (e.Unplaced is { } unplaced)
            {
                Diff("unplaced", Sequence(unplaced), Sequence(offer.Unplaced.Select(x => x.HouseholdId ?? $"#{x.Index + 1}")));
            }
        }

        foreach (var text in e.Warnings)
        {
            // A pack test may quote a warning in either language.
            var warnings = a.Placement.Warnings.Concat(a.Check?.Placement.Warnings ?? []).Distinct().ToList();
            if (!warnings.Any(w => w.Da.Contains(text, StringComparison.OrdinalIgnoreCase) || w.En.Contains(text, StringComparison.OrdinalIgnoreCase)))
            {
                d.Add(new PackTestDifference("warnings", "a warning containing \"" + text + "\"", warnings.Count == 0 ? "(no warnings)" : string.Join(" | ", warnings.Select(w => w.En))));
            }
        }

        if (e.Reason.Count > 0)
        {
            var reasons = Reasons(a).ToList();
            foreach (var text in e.Reason)
            {
                if (!reasons.Any(r => r.Contains(text, StringComparison.OrdinalIgnoreCase)))
                {
                    d.Add(new PackTestDifference("reason", "a reason containing \"" + text + "\"", reasons.Count == 0 ? "(no reasons)" : string.Join(" | ", reasons.Where((_, i) => i % 2 == 1))));
                }
            }
        }

        return d;
    }

    /// <summary>
    /// The ids (<c>kind:id</c>) a case's answer rests on, for naming the draft's changes behind a base case that fails:
    /// the rules and tiers in its explanations, the criteria it evaluated, and the parameters their conditions read.
    /// </summary>
    public static HashSet<string> Touched(RulePack pack, Actual a, IReadOnlyList<PackTestDifference> differences)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        void Tier(string? id)
        {
            if (id is not null)
            {
                touched.Add("tier:" + id);
            }
        }

        Tier(a.Placement.Tier);
        var placementDiffers = differences.Any(x => x.What is "tier" or "municipalShare" or "placement");
        foreach (var rule in pack.PlacementRules)
        {
            if (placementDiffers || a.Placement.Explanation.Any(x => x.RuleId == rule.Id))
            {
                touched.Add("placementRule:" + rule.Id);
                touched.UnionWith(rule.When.References.Parameters.Select(p => "parameter:" + p));
            }
        }

        if (placementDiffers)
        {
            touched.Add("placement:order");
        }

        foreach (var x in a.Check?.Explanation ?? [])
        {
            touched.Add("requirement:" + x.RuleId);
        }

        foreach (var c in Flatten(a.Check?.Criteria ?? []))
        {
            touched.Add("criterion:" + c.Id);
            if (pack.Criterion(c.Id) is LeafCriterion leaf)
            {
                touched.UnionWith(leaf.Condition.References.Parameters.Select(p => "parameter:" + p));
            }
        }

        foreach (var decision in (a.Decisions ?? []).Concat(a.Offer is { } o ? [o.Decision] : []))
        {
            Tier(decision.Tier);
            foreach (var x in decision.Explanation)
            {
                touched.Add("routingRule:" + x.RuleId);
            }
        }

        if (a.Check?.Placement.Routes.TryGetValue(a.Check.Route, out var summary) == true)
        {
            touched.UnionWith(summary.CriteriaSets.Select(s => "criteriaSet:" + s));
        }

        return touched;
    }

    /// <summary>Danish and English alternately, for every reason in the answer.</summary>
    private static IEnumerable<string> Reasons(Actual a)
    {
        var explanations = a.Placement.Explanation
            .Concat(a.Check?.Explanation ?? [])
            .Concat(a.Decisions?.SelectMany(x => x.Explanation) ?? [])
            .Concat(a.Offer is { } offer ? offer.Decision.Explanation.Append(offer.Order) : []);
        foreach (var x in explanations)
        {
            yield return x.Reason.Da;
            yield return x.Reason.En;
        }

        foreach (var c in Flatten(a.Check?.Criteria ?? []))
        {
            foreach (var assumption in c.Assumptions)
            {
                yield return assumption.Reason.Da;
                yield return assumption.Reason.En;
            }
        }
    }

    private static void Contained(List<PackTestDifference> d, string what, IReadOnlyList<string> expected, IEnumerable<string> actual)
    {
        var texts = actual.ToList();
        foreach (var text in expected)
        {
            if (!texts.Any(t => t.Contains(text, StringComparison.OrdinalIgnoreCase)))
            {
                d.Add(new PackTestDifference(what, "a document containing \"" + text + "\"", texts.Count == 0 ? "(no documents)" : string.Join(" | ", texts.Where((_, i) => i % 2 == 1))));
            }
        }
    }

    /// <summary>The name of a municipal allocation under special criteria in a case's <c>routing</c> expectations.</summary>
    internal const string MunicipalSpecialCriteria = "municipalSpecialCriteria";

    private static string RouteName(RoutingDecision decision)
        => decision is { Route: VacancyRoute.Municipal, SpecialCriteria: true } ? MunicipalSpecialCriteria : RouteNames.Name(decision.Route);

    /// <summary>A list whose order matters.</summary>
    private static string Sequence(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "[]" : "[" + string.Join(", ", list) + "]";
    }

    private static string List(IEnumerable<string> items)
    {
        var sorted = items.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "[]" : "[" + string.Join(", ", sorted) + "]";
    }

    private static string Name(Outcome outcome) => EnumNames<Outcome>.Name(outcome);

    private static string Name(PlacementOutcome outcome) => EnumNames<PlacementOutcome>.Name(outcome);

    private static IEnumerable<CriterionResult> Flatten(IEnumerable<CriterionResult> results)
        => Trees.PreOrder(results, r => r.Children);
}
