using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>
/// Builds the compiled <see cref="RulePack"/> from a <see cref="PackDefinition"/> that <see cref="PackReader"/> read:
/// resolves clauses and parameter slots, compiles every condition once (in chunks, on first use), and checks that each
/// interpretation names a rule of the pack. Compiles the conditions of a definition read with errors too, so that their
/// errors are reported with the others, but builds no pack from it.
/// </summary>
internal sealed partial class PackCompiler
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly Func<string, string> _sourceOfFile;
    private readonly Dictionary<string, ClauseInfo> _clauses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterSlot> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterDef> _parameters = new(StringComparer.Ordinal);
    private readonly FactNames _factNames = new();
    private readonly ConditionBatch _batch = new();
    private int _conditions;
    private string _packId = "";

    private PackCompiler(List<Diagnostic> diagnostics, Func<string, string> sourceOfFile)
    {
        _diagnostics = diagnostics;
        _sourceOfFile = sourceOfFile;
    }

    /// <summary>Compiles a definition; null when it (or its reading) has errors, which are in <paramref name="diagnostics"/>.</summary>
    /// <param name="definition">The pack as read.</param>
    /// <param name="diagnostics">The diagnostics so far (the reader's); the compile step's are added.</param>
    /// <param name="sourceOfFile">The id of the pack a file holds (a clause's source is the pack that declares it).</param>
    public static RulePack? Compile(PackDefinition definition, List<Diagnostic> diagnostics, Func<string, string> sourceOfFile)
        => new PackCompiler(diagnostics, sourceOfFile).CompilePack(definition);

    private bool HasErrors => _diagnostics.Any(d => d.Severity == Severity.Error);

    private RulePack? CompilePack(PackDefinition d)
    {
        _packId = d.Metadata.Id;
        var meta = new PackMetadata(
            d.Metadata.Id,
            d.Metadata.Version,
            d.Metadata.Title,
            d.Metadata.Municipality,
            d.Metadata.Status,
            d.Metadata.ValidFrom,
            d.Metadata.ValidTo,
            d.Metadata.Source?.Document,
            d.Metadata.Source?.Title,
            d.Metadata.Extends,
            d.Metadata.Notes)
        {
            DefaultRoute = d.Metadata.DefaultRoute,
        };
        foreach (var c in d.Clauses)
        {
            _clauses[c.Id] = new ClauseInfo(c.Id, _sourceOfFile(c.Origin.Location.File), c.Title);
        }

        foreach (var p in d.Parameters)
        {
            var values = p.Values.OrderBy(v => v.From.DayNumber).Select(v => new ParameterValue(v.From, v.Value)).ToList();
            _parameters[p.Name] = new ParameterDef(p.Name, p.Unit, p.Clause, p.Note, p.Assumed, values, p.Origin.Location) { Title = p.Title };
            _slots[p.Name] = new ParameterSlot(_slots.Count, p.Unit == ParameterUnit.Share ? VType.Share : VType.Number);
        }

        var criteriaSets = new Dictionary<string, CriteriaSetDef>(StringComparer.Ordinal);
        foreach (var s in d.CriteriaSets)
        {
            criteriaSets[s.Id] = new CriteriaSetDef(s.Id, s.Title, Clause(s.Clause), s.Combine == Combine.All, CompileCriteria(s.Criteria), s.Documents, s.Note, s.Origin.Location);
        }

        var tiers = new Dictionary<string, TierDef>(StringComparer.Ordinal);
        foreach (var t in d.Tiers)
        {
            tiers[t.Id] = CompileTier(t);
        }

        var (decided, keyFigures, rules) = CompilePlacement(d.Placement);
        var requirements = d.Requirements.Select(r => CompileRequirement(r) is { } q ? new RouteRequirement(r.Route ?? LettingRoute.Municipal, q) : null).OfType<RouteRequirement>().ToList();
        var routingRules = d.Routing?.Rules.Select(CompileRoutingRule).OfType<RoutingRule>().ToList() ?? [];
        var tierChange = d.Routing?.OnTierChange is { } tc ? new TierChangePolicy(tc.Counters == TierChangeCounters.Keep, Clause(tc.Clause), tc.Reason) : null;
        var guard = d.Routing?.Concentration is { } g ? new ConcentrationGuard(Clause(g.Clause), g.Reason, Limit(g.Department), Limit(g.Stairwell)) : null;
        var marks = d.Routing?.Marks.Select(CompileMark).OfType<VacancyMark>().ToList() ?? [];
        var obligations = d.Obligations.Select(CompileObligation).OfType<Obligation>().ToList();
        var offers = d.Offers is { } o ? CompileOffers(o) : null;
        if (HasErrors)
        {
            return null;
        }

        _batch.Seal();
        RulePack Build(IReadOnlyList<Interpretation> interpretations)
            => new(meta, _clauses, _parameters, tiers, d.Placement.HitPolicy, rules, requirements, criteriaSets, _factNames, routingRules, tierChange)
            {
                Concentration = guard,
                Marks = marks,
                Decided = decided,
                KeyFiguresCycle = keyFigures,
                Obligations = obligations,
                Offers = offers,
                Interpretations = interpretations,
                Definition = d,
            };

        // The readings name rules of the pack, so they are checked against a pack without them; the pack is immutable,
        // so the one returned is built again with them.
        var interpretations = CompileInterpretations(d.Interpretations, Build([]));
        return HasErrors ? null : interpretations.Count == 0 ? Build([]) : Build(interpretations);
    }

    /// <summary>The clause a rule cites (declared, or, after a reported error, a stand-in of the pack's).</summary>
    private ClauseInfo Clause(string id) => _clauses.TryGetValue(id, out var clause) ? clause : new ClauseInfo(id, _packId, null);

    /// <summary>Compiles a condition into the pack's batch; null (reported) when it does not compile or is beyond the limit.</summary>
    private Condition? Compile(ConditionSource? source, bool memberInScope)
    {
        if (source is null)
        {
            return null;
        }

        if (_conditions++ == PackLimits.MaxConditions)
        {
            _diagnostics.Add(Descriptors.TooManyConditions.At(source.Origin.Location, PackLimits.MaxConditions));
        }

        if (_conditions > PackLimits.MaxConditions)
        {
            return null;
        }

        try
        {
            var bound = ExprBinder.BindCondition(source.Text, new CompileContext(_slots, _factNames, memberInScope));
            return new Condition(source.Text, source.Origin.Location, _batch, _batch.Add(bound.Root), bound.References);
        }
        catch (ExprException ex)
        {
            _diagnostics.Add(ex.Error.In(source.Text, source.Origin.At(ex.Error.Pos)));
            return null;
        }
    }

    /// <summary>The slot of a share parameter (-1 for a name the reader reported as unknown).</summary>
    private int Slot(string parameter) => _slots.TryGetValue(parameter, out var slot) ? slot.Index : -1;

    private IReadOnlyList<Interpretation> CompileInterpretations(ValueList<InterpretationDefinition> definitions, RulePack pack)
    {
        if (definitions.Count == 0)
        {
            return [];
        }

        var ids = new HashSet<string>(pack.Citations.Select(c => c.RuleId), StringComparer.Ordinal);
        ids.UnionWith(pack.Parameters.Keys);
        ids.UnionWith(pack.CriteriaSets.Keys);
        var result = new List<Interpretation>();
        foreach (var i in definitions)
        {
            if (i.Rule.Length > 0 && !ids.Contains(i.Rule))
            {
                _diagnostics.Add(Descriptors.InterpretationOnNothing.At(i.RuleOrigin.Location, i.Id, i.Rule, Suggestions.DidYouMean(i.Rule, ids)));
            }

            var clause = Clause(i.Clause);
            result.Add(new Interpretation(i.Id, i.Rule, clause.Id, clause.Source, i.Reading, i.Alternative, i.Draft));
        }

        return result;
    }
}
