using RentalRules.Compilation;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The compiled form of each section: criteria, tiers and routes, placement, routing, marks, obligations, offers.</summary>
internal sealed partial class PackCompiler
{
    private List<CriterionNode> CompileCriteria(IEnumerable<CriterionDefinition> criteria)
        => criteria.Select(CompileCriterion).OfType<CriterionNode>().ToList();

    private CriterionNode? CompileCriterion(CriterionDefinition c)
    {
        var clause = Clause(c.Clause);
        switch (c)
        {
            case ConditionCriterionDefinition leaf:
                var condition = Compile(leaf.Condition, leaf.Members is not null);
                return condition is null ? null : new LeafCriterion(c.Id, clause, c.Title, c.Documents, c.Note, leaf.Members is { } m ? new MemberBand(m.MinAge, m.MaxAge) : null, condition)
                {
                    Assumed = _parameters.Values.Where(p => p.Assumed && condition.References.Parameters.Contains(p.Name)).ToList(),
                    Assumption = leaf.Assumption,
                };
            case SetCriterionDefinition set:
                return new RefCriterion(c.Id, clause, c.Title, c.Documents, c.Note, set.CriteriaSet);
            case GroupCriterionDefinition group:
                return new GroupCriterion(c.Id, clause, c.Title, c.Documents, c.Note, group.Combine == Combine.All, CompileCriteria(group.Children));
            default:
                throw new InvalidOperationException($"A criterion of kind {c.GetType().Name} has no compiled form.");
        }
    }

    private TierDef CompileTier(TierDefinition t)
    {
        var flexible = t.FlexibleLetting;
        var special = t.SpecialCriteria is { Share: { } share } s && s.CriteriaSet.Length > 0
            ? new SpecialCriteriaPolicy(share, s.CriteriaSet, Clause(s.Clause).Id) { Counters = s.Counters }
            : null;
        return new TierDef(
            t.Id,
            t.Label,
            Clause(t.Clause),
            t.MunicipalShare.Fraction ?? Fraction.Zero,
            flexible?.Rule ?? FlexibleRule.None,
            flexible?.MaxShare,
            flexible?.Clause is { } fc ? Clause(fc) : null,
            special,
            CompileRoutes(t.Routes, all: true, ownerId: null),
            t.Note,
            t.Origin.Location)
        {
            MunicipalShareParameter = t.MunicipalShare.Parameter is { } p ? Slot(p) : null,
            FlexibleOfAllVacancies = flexible?.Of == FlexibleShareOf.AllVacancies,
        };
    }

    /// <summary>A tier's routes (the internal-transfer route implied where the tier does not state it), or a dwelling's.</summary>
    private RouteMap<RoutePolicy> CompileRoutes(IEnumerable<RouteDefinition> definitions, bool all, string? ownerId)
    {
        var routes = new RouteMap<RoutePolicy>();
        foreach (var r in definitions)
        {
            var requirements = r.Requirements.Select(CompileRequirement).OfType<Requirement>().ToList();
            routes[r.Route] = new RoutePolicy(r.Closed, r.Clause is { } c ? Clause(c) : null, r.Reason, requirements) { Owner = ownerId };
        }

        if (all && !routes.ContainsKey(LettingRoute.InternalTransfer))
        {
            routes[LettingRoute.InternalTransfer] = InternalTransferRoute.Implied(routes);
        }

        return routes;
    }

    private Requirement? CompileRequirement(RequirementDefinition r)
    {
        var when = Compile(r.When, memberInScope: false);
        return new Requirement(r.Id, Clause(r.Clause), when, r.CriteriaSet, r.Reason, r.Origin.Location);
    }

    private (DecidedPlacement? Decided, KeyFiguresCycle? KeyFigures, List<PlacementRule> Rules) CompilePlacement(PlacementDefinition p)
    {
        var decided = p.Decided is { } d ? new DecidedPlacement(d.Precedence == DecidedPrecedence.Decided, Compile(d.When, memberInScope: false), Clause(d.Clause), d.Reason) : null;
        var keyFigures = p.KeyFigures is { } k ? new KeyFiguresCycle(k.MaxAgeMonths, Clause(k.Clause)) : null;
        var rules = new List<PlacementRule>();
        foreach (var r in p.Rules)
        {
            if (Compile(r.When, memberInScope: false) is { } when && r.Tier.Length > 0)
            {
                rules.Add(new PlacementRule(r.Id, Clause(r.Clause), when, r.Tier, r.Reason, r.Note, r.Origin.Location));
            }
        }

        return (decided, keyFigures, rules);
    }

    private RoutingRule? CompileRoutingRule(RoutingRuleDefinition r)
    {
        var when = Compile(r.When, memberInScope: false);
        ShareSpec? share = r.Share switch
        {
            null => null,
            { FromTier: true } => new ShareSpec(null, true, null),
            { PerTier: { } perTier } => new ShareSpec(null, false, perTier.ToDictionary(x => x.Tier, x => x.Value, StringComparer.Ordinal)),
            { Fixed.Parameter: { } parameter } => new ShareSpec(null, false, null) { Parameter = Slot(parameter) },
            { Fixed.Fraction: { } fraction } => new ShareSpec(fraction, false, null),
            _ => null,
        };
        DwellingLetting? letting = null;
        if (r.Letting is { } l)
        {
            var routes = l.Routes is null ? new RouteMap<RoutePolicy>() : CompileRoutes(l.Routes, all: false, ownerId: r.Id);
            letting = new DwellingLetting(l.FlexibleLetting?.Rule, l.FlexibleLetting?.MaxShare, l.FlexibleLetting?.Clause is { } fc ? Clause(fc) : null, routes)
            {
                Tiers = l.Tiers?.ToHashSet(StringComparer.Ordinal),
            };
        }

        var legalBasis = r.LegalBasis is { } b ? new LegalBasisSpec(b.Fixed, b.PerTier?.ToDictionary(x => x.Tier, x => x.Value, StringComparer.Ordinal)) : null;
        return when is null ? null : new RoutingRule(r.Id, Clause(r.Clause), when, r.Route, r.Counter, share, r.Reason, r.Origin.Location) { Letting = letting, LegalBasis = legalBasis };
    }

    private static GuardLimit? Limit(GuardLimitDefinition? limit) => limit is null ? null : new GuardLimit(limit.Max, limit.MaxParameter, limit.Months);

    private VacancyMark? CompileMark(MarkDefinition m)
    {
        var when = Compile(m.When, memberInScope: false);
        Func<Facts.EvalScope, decimal?>? share = null;
        if (m.ForecastShare is { } source)
        {
            try
            {
                share = ExprCompiler.BuildNumber(source.Text, new CompileContext(_slots, _factNames, false)).Compile();
            }
            catch (ExprException ex)
            {
                _diagnostics.Add(ex.Error.In(source.Text, source.Origin.At(ex.Error.Pos)));
            }
        }

        return when is null ? null : new VacancyMark(m.Id, Clause(m.Clause), when, m.Label, share, m.ForecastShare?.Text);
    }

    private Obligation? CompileObligation(ObligationDefinition o)
    {
        var when = Compile(o.When, memberInScope: false);
        var criteria = o.Criteria.Select(c => new ObligationCriterion(c.Id, c.Reads, c.Title)).ToList();
        var acknowledged = o.Acknowledged is { } a ? new ObligationAcknowledgement(Clause(a.Clause), a.Reason) : null;
        return when is null ? null : new Obligation(o.Id, Clause(o.Clause), when, Obligation.Categories(o.Dwellings), o.AllFlexible, criteria, o.Reason, acknowledged, o.Origin.Location);
    }

    private OfferPolicy CompileOffers(OffersDefinition offers)
    {
        var routes = new RouteMap<OfferRoutePolicy>();
        foreach (var r in offers.Routes)
        {
            if (routes.ContainsKey(r.Route))
            {
                throw new ArgumentException($"The route '{RouteNames.Name(r.Route)}' is given twice.", nameof(offers));
            }

            routes[r.Route] = new OfferRoutePolicy(r.Route, r.From, r.Order.Select(k => new OrderKey(k.By, k.Rank)).ToList(), Clause(r.Clause), r.Reason);
        }

        return new(routes);
    }
}
