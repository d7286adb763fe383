using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>
/// Turns a merged pack tree into a compiled <see cref="RulePack"/>: checks structure, references and citations,
/// and compiles every condition once. Reports every problem it finds, not just the first.
/// </summary>
internal sealed partial class PackReader
{
    private static readonly string[] TopLevel = ["id", "version", "title", "municipality", "status", "extends", "validFrom", "validTo", "source", "notes", "interpretations", "clauses", "parameters", "tiers", "placement", "requirements", "obligations", "criteriaSets", "routing", "offers"];
    private static readonly string[] Statuses = ["signed", "statutory", "draft", "illustrative"];
    private static readonly string[] Units = ["share", "DKK/month", "DKK", "residents", "count", "years", "months", "ratio"];
    private static readonly string[] FlexibleRules = ["none", "agreed", "obligatory", "all"];
    private static readonly string[] HitPolicies = ["first", "unique"];

    private readonly NodeReader _r;
    private readonly Func<string, string> _sourceOfFile;
    private readonly Dictionary<string, ClauseInfo> _clauses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterSlot> _slots = new(StringComparer.Ordinal);
    private readonly FactNames _factNames = new();
    private readonly HashSet<string> _criterionIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fingerprints = new(StringComparer.Ordinal);
    private DecidedPlacement? _decided;
    private KeyFiguresCycle? _keyFigures;
    private readonly ConditionBatch _batch = new();
    private readonly HashSet<string> _requirementIds = new(StringComparer.Ordinal);
    private int _conditions;
    private string _packId = "";
    private IReadOnlyDictionary<string, ParameterDef> _parameters = new Dictionary<string, ParameterDef>();

    private PackReader(List<Diagnostic> diagnostics, Func<string, string> sourceOfFile)
    {
        _r = new NodeReader(diagnostics, facts: false);
        _sourceOfFile = sourceOfFile;
    }

    public static RulePack? Read(JNode root, List<Diagnostic> diagnostics, Func<string, string> sourceOfFile)
    {
        var reader = new PackReader(diagnostics, sourceOfFile);
        return reader.ReadPack(root);
    }

    private RulePack? ReadPack(JNode root)
    {
        if (!_r.ExpectObject(root, "A pack"))
        {
            return null;
        }

        _r.CheckProperties(root, "A pack", TopLevel);
        var id = _r.String(_r.Required(root, "id", "A pack"), nonEmpty: true) ?? "";
        _packId = id;
        var meta = new PackMetadata(
            id,
            _r.String(_r.Required(root, "version", "A pack")) ?? "",
            _r.String(_r.Required(root, "title", "A pack")) ?? "",
            _r.String(root["municipality"]),
            OneOf(root["status"], Statuses) ?? "signed",
            _r.Date(root["validFrom"]),
            _r.Date(root["validTo"]),
            root["source"] is { Kind: JKind.Object } src ? _r.String(src["document"]) : null,
            root["source"] is { Kind: JKind.Object } src2 ? _r.String(src2["title"]) : null,
            _r.Array(root["extends"], n => _r.String(n)) ?? [],
            _r.Array(root["notes"], n => _r.String(n)) ?? []);
        if (root["source"] is { } source && _r.ExpectObject(source, "source"))
        {
            _r.CheckProperties(source, "source", ["document", "title", "date", "url"]);
        }

        if (meta.ValidFrom is { } from && meta.ValidTo is { } to && to < from)
        {
            _r.Error(DiagnosticCodes.InvalidValue, "validTo is before validFrom.", root["validTo"]!.Location);
        }

        ReadClauses(root["clauses"]);
        var parameters = ReadParameters(root["parameters"]);
        _parameters = parameters;
        var criteriaSets = ReadCriteriaSets(root["criteriaSets"]);
        var tiers = ReadTiers(root["tiers"], criteriaSets);
        if (tiers.Count == 0 && (root["tiers"] is null || root["tiers"]!.Kind == JKind.Object))
        {
            _r.Error(DiagnosticCodes.MissingProperty, "A pack needs at least one tier (its own or from a base pack).", root["tiers"]?.Location ?? root.Location, "Add \"tiers\", or extend a pack that has them.");
        }
        var (hitPolicy, rules) = ReadPlacement(_r.Required(root, "placement", "A pack"), tiers);
        var requirements = ReadRouteRequirements(root["requirements"], criteriaSets);
        var (routingRules, tierChange) = ReadRouting(root["routing"], tiers, criteriaSets);
        var guard = ReadConcentration(root["routing"]?["concentration"]);
        var marks = ReadMarks(root["routing"]?["marks"]);
        var obligations = ReadObligations(root["obligations"]);
        var offers = ReadOffers(root["offers"], criteriaSets);
        CheckRefCycles(criteriaSets);
        var ruleCount = rules.Count + _requirementIds.Count + _criterionIds.Count + routingRules.Count + marks.Count;
        if (ruleCount > PackLimits.MaxRules)
        {
            _r.Diagnostics.Add(PackLimits.TooManyRules(root.Location, ruleCount));
        }

        if (_r.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return null;
        }

        _batch.Seal();
        var pack = new RulePack(meta, _clauses, parameters, tiers, hitPolicy, rules, requirements, criteriaSets, _factNames, routingRules, tierChange) { Fingerprints = _fingerprints, Concentration = guard, Marks = marks, Decided = _decided, KeyFiguresCycle = _keyFigures, Obligations = obligations, Offers = offers };
        pack.Interpretations = ReadInterpretations(root["interpretations"], pack);
        return _r.Diagnostics.Any(d => d.Severity == Severity.Error) ? null : pack;
    }

    /// <summary>The structured readings: each names a rule the pack has and a declared clause.</summary>
    private IReadOnlyList<Interpretation> ReadInterpretations(JNode? node, RulePack pack)
    {
        if (node is null || node.IsNull)
        {
            return [];
        }

        var ids = new HashSet<string>(pack.Citations.Select(c => c.RuleId), StringComparer.Ordinal);
        ids.UnionWith(pack.Parameters.Keys);
        ids.UnionWith(pack.CriteriaSets.Keys);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return _r.Array(node, n =>
        {
            if (!_r.ExpectObject(n, "An interpretation"))
            {
                return null;
            }

            _r.CheckProperties(n, "An interpretation", ["id", "rule", "clause", "reading", "alternative", "draft"]);
            var id = _r.String(_r.Required(n, "id", "An interpretation"), nonEmpty: true) ?? "";
            if (id.Length > 0 && !seen.Add(id))
            {
                _r.Error(DiagnosticCodes.DuplicateId, $"The interpretation id '{id}' is used twice.", n["id"]!.Location, "Give each interpretation its own id.");
            }

            var ruleNode = _r.Required(n, "rule", $"The interpretation '{id}'");
            var rule = _r.String(ruleNode, nonEmpty: true) ?? "";
            if (rule.Length > 0 && !ids.Contains(rule))
            {
                _r.Error(DiagnosticCodes.UnresolvedReference, $"The interpretation '{id}' is on '{rule}', which is not a rule, criterion, tier, mark or parameter of this pack.", ruleNode!.Location, Suggestions.DidYouMean(rule, ids));
            }

            var clause = Cite(n, $"The interpretation '{id}'");
            var reading = _r.String(_r.Required(n, "reading", $"The interpretation '{id}'"), nonEmpty: true) ?? "";
            var alternative = _r.String(_r.Required(n, "alternative", $"The interpretation '{id}'"), nonEmpty: true) ?? "";
            return new Interpretation(id, rule, clause.Id, clause.Source, reading, alternative, _r.String(n["draft"]));
        }) ?? [];
    }

    private static readonly HashSet<string> Wording = ["note", "reason", "title", "label", "documents"];

    /// <summary>
    /// Records the canonical text of a rule-like item, so that two packs can be compared item by item: once without
    /// its wording (reasons, titles, labels, documents, notes) for what it does, and once whole for how it reads.
    /// </summary>
    private void Fingerprint(string kind, string id, JNode node, params string[] without)
    {
        var whole = node.With(properties: node.Properties.Where(p => !without.Contains(p.Name) && p.Name != "note").ToList());
        var logic = Strip(whole);
        _fingerprints[$"{kind}:{id}"] = JNodeWriter.Write(logic);
        _fingerprints[$"~wording:{kind}:{id}"] = JNodeWriter.Write(whole);
    }

    private static JNode Strip(JNode node) => node.Kind switch
    {
        JKind.Object => node.With(properties: node.Properties.Where(p => !Wording.Contains(p.Name)).Select(p => p with { Value = Strip(p.Value) }).ToList()),
        JKind.Array => node.With(items: node.Items.Select(Strip).ToList()),
        _ => node,
    };

    private string? OneOf(JNode? node, string[] allowed)
    {
        var text = _r.String(node);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        _r.Error(DiagnosticCodes.InvalidValue, $"'{text}' is not allowed here.", node!.Location, Suggestions.DidYouMean(text, allowed));
        return null;
    }

    private LocalizedText ReadText(JNode? node, string what)
    {
        if (node is null || node.IsNull)
        {
            return new LocalizedText("", "");
        }

        if (!_r.ExpectObject(node, what))
        {
            return new LocalizedText("", "");
        }

        _r.CheckProperties(node, what, ["da", "en"]);
        var text = new LocalizedText(_r.String(_r.Required(node, "da", what), nonEmpty: true) ?? "", _r.String(_r.Required(node, "en", what), nonEmpty: true) ?? "");
        foreach (var name in Explanations.ReasonText.Parameters(text).Where(n => !_slots.ContainsKey(n)))
        {
            _r.Error(DiagnosticCodes.UnresolvedReference, $"The text quotes {{param.{name}}}, but there is no parameter '{name}' in this pack.", node.Location, Suggestions.DidYouMean(name, _slots.Keys));
        }

        return text;
    }

    private IReadOnlyList<LocalizedText> ReadTexts(JNode? node, string what)
        => _r.Array(node, n => ReadText(n, what)) ?? [];

    private void ReadClauses(JNode? node)
    {
        if (node is null || !_r.ExpectObject(node, "clauses"))
        {
            return;
        }

        foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
        {
            string? title = null;
            if (p.Value.Kind == JKind.String)
            {
                title = p.Value.Text;
            }
            else if (_r.ExpectObject(p.Value, $"The clause '{p.Name}'"))
            {
                _r.CheckProperties(p.Value, "A clause", ["title", "quote", "note"]);
                title = _r.String(p.Value["title"]);
            }

            _clauses[p.Name] = new ClauseInfo(p.Name, _sourceOfFile(p.Value.Location.File), title);
        }
    }

    private ClauseInfo Cite(JNode owner, string what)
    {
        var node = _r.Required(owner, "clause", what);
        var id = _r.String(node);
        if (id is null)
        {
            return new ClauseInfo("", _packId, null);
        }

        if (_clauses.TryGetValue(id, out var clause))
        {
            return clause;
        }

        _r.Error(DiagnosticCodes.UnresolvedReference, $"The clause '{id}' is not declared under \"clauses\".", node!.Location, Suggestions.DidYouMean(id, _clauses.Keys) + " Declare every clause a rule cites.");
        return new ClauseInfo(id, _packId, null);
    }

    private IReadOnlyDictionary<string, ParameterDef> ReadParameters(JNode? node)
    {
        var result = new Dictionary<string, ParameterDef>(StringComparer.Ordinal);
        if (node is null || !_r.ExpectObject(node, "parameters"))
        {
            return result;
        }

        foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
        {
            var n = p.Value;
            var what = $"The parameter '{p.Name}'";
            if (!_r.ExpectObject(n, what))
            {
                continue;
            }

            _r.CheckProperties(n, "A parameter", ["unit", "clause", "note", "assumed", "values", "title"]);
            var unit = OneOf(_r.Required(n, "unit", what), Units) ?? "count";
            ClauseInfo? clause = n["clause"] is null ? null : Cite(n, what);
            var values = _r.Array(_r.Required(n, "values", what), v =>
            {
                if (!_r.ExpectObject(v, "A parameter value"))
                {
                    return null;
                }

                _r.CheckProperties(v, "A parameter value", ["from", "value", "note"]);
                var from = _r.Date(_r.Required(v, "from", "A parameter value"));
                var value = unit == "share" ? _r.Share(_r.Required(v, "value", "A parameter value")) : _r.Number(_r.Required(v, "value", "A parameter value"));
                return from is null || value is null ? null : new ParameterValue(from.Value, value.Value);
            }) ?? [];
            var ordered = values.OrderBy(v => v.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].From == ordered[i - 1].From)
                {
                    _r.Error(DiagnosticCodes.DuplicateId, $"The parameter '{p.Name}' has two values from the same date.", n.Location, "Keep one value per date.");
                }
            }

            Fingerprint("parameter", p.Name, n, "note");
            var title = n["title"] is { Kind: JKind.Object } t ? ReadText(t, "title") : n["title"] is { Kind: JKind.String } ts ? new LocalizedText(ts.Text ?? "", ts.Text ?? "") : null;
            result[p.Name] = new ParameterDef(p.Name, unit, clause?.Id, _r.String(n["note"]), _r.Bool(n["assumed"]) ?? false, ordered, n.Location) { Title = title };
            _slots[p.Name] = new ParameterSlot(_slots.Count, unit == "share" ? VType.Share : VType.Number);
        }

        return result;
    }

    private Condition? Compile(JNode? node, bool memberInScope)
    {
        var text = _r.String(node, nonEmpty: true);
        if (text is null || node is null)
        {
            return null;
        }

        if (_conditions++ == PackLimits.MaxConditions)
        {
            _r.Diagnostics.Add(PackLimits.TooManyConditions(node.Location));
        }

        if (_conditions > PackLimits.MaxConditions)
        {
            return null;
        }

        try
        {
            var references = new ExprReferences();
            var built = ExprCompiler.Build(text, new CompileContext(_slots, _factNames, memberInScope, references));
            return new Condition(text, node.Location, _batch, _batch.Add(built), references);
        }
        catch (ExprException ex)
        {
            var e = ex.Error;
            var loc = node.Location with { Column = node.Location.Column + 1 + node.RawIndexOf(e.Pos) };
            _r.Diagnostics.Add(new Diagnostic(Severity.Error, e.Code, $"{e.Message} In: {text}", loc, e.Hint));
            return null;
        }
    }

    private Fraction? ReadFraction(JNode? node, string what)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        var text = node.Kind == JKind.Number ? node.Text : _r.String(node);
        if (text is null)
        {
            return null;
        }

        if (!Fraction.TryParse(text, out var f))
        {
            _r.Error(DiagnosticCodes.InvalidValue, $"{what} must be an exact fraction such as \"1/3\", \"11/50\" or \"0\".", node.Location, "Write the share as a fraction string.");
            return null;
        }

        if (f.CompareTo(Fraction.One) > 0)
        {
            var asPercent = f.Denominator == 1 && f.Numerator <= 100 ? $" Did you mean \"{new Fraction(f.Numerator, 100)}\" ({f.Numerator} %)?" : "";
            _r.Error(DiagnosticCodes.ShareOutOfRange, $"{what} is above 1 (100 %).", node.Location, "Shares are fractions in [0, 1]." + asPercent);
            return null;
        }

        return f;
    }

    private Dictionary<string, CriteriaSetDef> ReadCriteriaSets(JNode? node)
    {
        var result = new Dictionary<string, CriteriaSetDef>(StringComparer.Ordinal);
        if (node is null || !_r.ExpectObject(node, "criteriaSets"))
        {
            return result;
        }

        var setNames = node.Properties.Select(p => p.Name).Where(n => !n.StartsWith('$')).ToList();
        foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
        {
            var n = p.Value;
            var what = $"The criteria set '{p.Name}'";
            if (!_r.ExpectObject(n, what))
            {
                continue;
            }

            _r.CheckProperties(n, "A criteria set", ["title", "clause", "combine", "criteria", "documents", "note"]);
            var combine = OneOf(n["combine"], ["all", "any"]) ?? "all";
            Fingerprint("criteriaSet", p.Name, n, "criteria");
            var criteria = _r.Array(_r.Required(n, "criteria", what), c => ReadCriterion(c, setNames, 0)) ?? [];
            result[p.Name] = new CriteriaSetDef(p.Name, ReadText(_r.Required(n, "title", what), "title"), Cite(n, what), combine == "all", criteria, ReadTexts(n["documents"], "A document"), _r.String(n["note"]), n.Location);
        }

        return result;
    }

    private CriterionNode? ReadCriterion(JNode n, IReadOnlyList<string> setNames, int depth)
    {
        if (!_r.ExpectObject(n, "A criterion"))
        {
            return null;
        }

        if (depth > 8)
        {
            _r.Error(DiagnosticCodes.ExpressionTooComplex, "Criteria nest more than 8 levels deep.", n.Location, "Flatten the groups.");
            return null;
        }

        _r.CheckProperties(n, "A criterion", ["id", "clause", "title", "members", "condition", "all", "any", "criteriaSet", "documents", "note", "assumption"]);
        var id = _r.String(_r.Required(n, "id", "A criterion"), nonEmpty: true) ?? "";
        if (id.Length > 0 && !_criterionIds.Add(id))
        {
            _r.Error(DiagnosticCodes.DuplicateId, $"The criterion id '{id}' is used twice in this pack.", n["id"]!.Location, "Criterion ids are unique across the pack.");
        }

        Fingerprint("criterion", id, n, "all", "any");
        var clause = Cite(n, $"The criterion '{id}'");
        var title = ReadText(_r.Required(n, "title", $"The criterion '{id}'"), "title");
        var documents = ReadTexts(n["documents"], "A document");
        var note = _r.String(n["note"]);
        var kinds = new[] { "condition", "all", "any", "criteriaSet" }.Where(k => n[k] is not null).ToList();
        if (kinds.Count != 1)
        {
            _r.Error(DiagnosticCodes.MissingProperty, $"The criterion '{id}' needs exactly one of condition, all, any or criteriaSet.", n.Location, kinds.Count == 0 ? "Add a \"condition\"." : "Keep one of " + string.Join(", ", kinds) + ".");
            return null;
        }

        switch (kinds[0])
        {
            case "condition":
            {
                MemberBand? band = null;
                if (n["members"] is { IsNull: false } m && _r.ExpectObject(m, "members"))
                {
                    _r.CheckProperties(m, "members", ["minAge", "maxAge"]);
                    band = new MemberBand(_r.Integer(m["minAge"]), _r.Integer(m["maxAge"]));
                    if (band.MinAge > band.MaxAge)
                    {
                        _r.Error(DiagnosticCodes.InvalidValue, "minAge is above maxAge.", m.Location);
                    }
                }

                var condition = Compile(n["condition"], band is not null);
                return condition is null ? null : new LeafCriterion(id, clause, title, documents, note, band, condition)
                {
                    Assumed = _parameters.Values.Where(p => p.Assumed && condition.References.Parameters.Contains(p.Name)).ToList(),
                    Assumption = n["assumption"] is { IsNull: false } a ? ReadText(a, "assumption") : null,
                };
            }

            case "criteriaSet":
            {
                var set = _r.String(n["criteriaSet"]);
                if (set is not null && !setNames.Contains(set))
                {
                    _r.Error(DiagnosticCodes.UnresolvedReference, $"There is no criteria set '{set}'.", n["criteriaSet"]!.Location, Suggestions.DidYouMean(set, setNames));
                }

                return set is null ? null : new RefCriterion(id, clause, title, documents, note, set);
            }

            default:
            {
                var children = _r.Array(n[kinds[0]], c => ReadCriterion(c, setNames, depth + 1)) ?? [];
                return new GroupCriterion(id, clause, title, documents, note, kinds[0] == "all", children);
            }
        }
    }

    private Dictionary<string, TierDef> ReadTiers(JNode? node, Dictionary<string, CriteriaSetDef> sets)
    {
        var result = new Dictionary<string, TierDef>(StringComparer.Ordinal);
        if (node is null || !_r.ExpectObject(node, "tiers"))
        {
            return result;
        }

        foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
        {
            var n = p.Value;
            var what = $"The tier '{p.Name}'";
            if (!_r.ExpectObject(n, what))
            {
                continue;
            }

            Fingerprint("tier", p.Name, n, "note");
            _r.CheckProperties(n, "A tier", ["label", "clause", "municipalShare", "flexibleLetting", "specialCriteria", "routes", "note"]);
            var shareNode = _r.Required(n, "municipalShare", what);
            var shareParameter = ShareParameter(shareNode);
            var share = shareParameter is null ? ReadFraction(shareNode, "municipalShare") ?? Fraction.Zero : Fraction.Zero;
            string flexRule = "none";
            Fraction? flexMax = null;
            var flexOfAll = false;
            ClauseInfo? flexClause = null;
            if (n["flexibleLetting"] is { IsNull: false } f && _r.ExpectObject(f, "flexibleLetting"))
            {
                _r.CheckProperties(f, "flexibleLetting", ["rule", "maxShare", "of", "clause", "note"]);
                flexRule = OneOf(_r.Required(f, "rule", "flexibleLetting"), FlexibleRules) ?? "none";
                flexOfAll = (OneOf(f["of"], ["nonMunicipal", "allVacancies"]) ?? "nonMunicipal") == "allVacancies";
                flexMax = ReadFraction(f["maxShare"], "maxShare");
                flexClause = f["clause"] is null ? null : Cite(f, "flexibleLetting");
            }

            SpecialCriteriaPolicy? special = null;
            if (n["specialCriteria"] is { IsNull: false } s && _r.ExpectObject(s, "specialCriteria"))
            {
                _r.CheckProperties(s, "specialCriteria", ["share", "criteriaSet", "counters", "clause", "note"]);
                var sCounters = _r.Array(s["counters"], c => _r.String(c, nonEmpty: true));
                var sShare = ReadFraction(_r.Required(s, "share", "specialCriteria"), "specialCriteria.share");
                var set = SetRef(s["criteriaSet"], sets);
                var sClause = Cite(s, "specialCriteria");
                if (sShare is not null && set is not null)
                {
                    special = new SpecialCriteriaPolicy(sShare.Value, set, sClause.Id) { Counters = sCounters };
                }
            }

            var routesNode = _r.Required(n, "routes", what);
            var routes = routesNode is null ? new Dictionary<LettingRoute, RoutePolicy>() : ReadRoutes(routesNode, sets, $"tier '{p.Name}'", all: true, ownerId: null);

            result[p.Name] = new TierDef(p.Name, ReadText(_r.Required(n, "label", what), "label"), Cite(n, what), share, flexRule, flexMax, flexClause, special, routes, _r.String(n["note"]), n.Location)
            {
                MunicipalShareParameter = shareParameter,
                FlexibleOfAllVacancies = flexOfAll,
            };
        }

        return result;
    }

    private static readonly (string Name, LettingRoute Route)[] RouteNames = [("municipal", LettingRoute.Municipal), ("flexible", LettingRoute.Flexible), ("waitingList", LettingRoute.WaitingList)];

    /// <summary>Reads <c>routes</c>: a tier names all three, a routing rule's <c>letting</c> the ones it changes.</summary>
    private Dictionary<LettingRoute, RoutePolicy> ReadRoutes(JNode routesNode, Dictionary<string, CriteriaSetDef> sets, string owner, bool all, string? ownerId)
    {
        var routes = new Dictionary<LettingRoute, RoutePolicy>();
        if (!_r.ExpectObject(routesNode, "routes"))
        {
            return routes;
        }

        _r.CheckProperties(routesNode, "routes", ["municipal", "flexible", "waitingList"]);
        foreach (var (name, route) in RouteNames)
        {
            var rn = all ? _r.Required(routesNode, name, "routes") : routesNode[name];
            if (rn is null || !_r.ExpectObject(rn, name))
            {
                continue;
            }

            _r.CheckProperties(rn, name, ["closed", "clause", "reason", "requirements"]);
            var closed = _r.Bool(rn["closed"]) ?? false;
            var reqs = _r.Array(rn["requirements"], q => ReadRequirement(q, sets, withRoute: false)?.Requirement) ?? [];
            ClauseInfo? rClause = closed || rn["clause"] is not null ? Cite(rn, $"The route '{name}' of {owner}") : null;
            var reason = closed ? ReadText(_r.Required(rn, "reason", $"The closed route '{name}'"), "reason") : rn["reason"] is null ? null : ReadText(rn["reason"], "reason");
            routes[route] = new RoutePolicy(closed, rClause, reason, reqs) { Owner = ownerId };
        }

        return routes;
    }

    private string? SetRef(JNode? node, Dictionary<string, CriteriaSetDef> sets)
    {
        var set = _r.String(node);
        if (set is not null && !sets.ContainsKey(set))
        {
            _r.Error(DiagnosticCodes.UnresolvedReference, $"There is no criteria set '{set}'.", node!.Location, Suggestions.DidYouMean(set, sets.Keys));
            return null;
        }

        return set;
    }

    private RouteRequirement? ReadRequirement(JNode n, Dictionary<string, CriteriaSetDef> sets, bool withRoute)
    {
        if (!_r.ExpectObject(n, "A requirement"))
        {
            return null;
        }

        _r.CheckProperties(n, "A requirement", withRoute ? ["id", "route", "criteriaSet", "when", "clause", "reason", "note"] : ["id", "criteriaSet", "when", "clause", "reason", "note"]);
        var id = _r.String(_r.Required(n, "id", "A requirement"), nonEmpty: true) ?? "";
        if (id.Length > 0 && !_requirementIds.Add(id))
        {
            _r.Error(DiagnosticCodes.DuplicateId, $"The requirement id '{id}' is used twice in this pack.", n["id"]!.Location, "Requirement ids are unique across the pack, the tiers' routes and the pack-wide requirements alike.");
        }

        var route = LettingRoute.Municipal;
        if (withRoute)
        {
            var text = OneOf(_r.Required(n, "route", "A requirement"), ["municipal", "flexible", "waitingList"]);
            route = text switch
            {
                "flexible" => LettingRoute.Flexible,
                "waitingList" => LettingRoute.WaitingList,
                _ => LettingRoute.Municipal,
            };
        }

        if (withRoute)
        {
            Fingerprint("requirement", id, n, "note");
        }

        var set = SetRef(_r.Required(n, "criteriaSet", "A requirement"), sets);
        var when = n["when"] is null ? null : Compile(n["when"], memberInScope: false);
        var clause = Cite(n, $"The requirement '{id}'");
        var reason = ReadText(_r.Required(n, "reason", $"The requirement '{id}'"), "reason");
        return set is null ? null : new RouteRequirement(route, new Requirement(id, clause, when, set, reason, n.Location));
    }

    private IReadOnlyList<RouteRequirement> ReadRouteRequirements(JNode? node, Dictionary<string, CriteriaSetDef> sets)
        => _r.Array(node, n => ReadRequirement(n, sets, withRoute: true)) ?? [];

    private (string HitPolicy, IReadOnlyList<PlacementRule> Rules) ReadPlacement(JNode? node, Dictionary<string, TierDef> tiers)
    {
        if (node is null || !_r.ExpectObject(node, "placement"))
        {
            return ("first", []);
        }

        _r.CheckProperties(node, "placement", ["hitPolicy", "decided", "keyFigures", "rules", "note"]);
        if (node["decided"] is { IsNull: false } decided && _r.ExpectObject(decided, "placement.decided"))
        {
            _r.CheckProperties(decided, "placement.decided", ["precedence", "when", "clause", "reason", "note"]);
            var precedence = OneOf(_r.Required(decided, "precedence", "placement.decided"), ["decided", "keyFigures"]);
            var when = decided["when"] is null ? null : Compile(decided["when"], memberInScope: false);
            _decided = new DecidedPlacement(precedence == "decided", when, Cite(decided, "placement.decided"), ReadText(_r.Required(decided, "reason", "placement.decided"), "reason"));
        }

        if (node["keyFigures"] is { IsNull: false } cycle && _r.ExpectObject(cycle, "placement.keyFigures"))
        {
            _r.CheckProperties(cycle, "placement.keyFigures", ["maxAgeMonths", "clause", "note"]);
            var months = _r.Integer(_r.Required(cycle, "maxAgeMonths", "placement.keyFigures"), min: 1);
            var clause = Cite(cycle, "placement.keyFigures");
            _keyFigures = months is null ? null : new KeyFiguresCycle(months.Value, clause);
        }

        var hitPolicy = OneOf(_r.Required(node, "hitPolicy", "placement"), HitPolicies) ?? "first";
        _fingerprints["placement:order"] = hitPolicy + ":" + string.Join(",", (node["rules"]?.Items ?? []).Select(i => i["id"]?.Text));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rules = _r.Array(_r.Required(node, "rules", "placement"), n =>
        {
            if (!_r.ExpectObject(n, "A placement rule"))
            {
                return null;
            }

            _r.CheckProperties(n, "A placement rule", ["id", "clause", "when", "tier", "reason", "note"]);
            var id = _r.String(_r.Required(n, "id", "A placement rule"), nonEmpty: true) ?? "";
            if (id.Length > 0 && !ids.Add(id))
            {
                _r.Error(DiagnosticCodes.DuplicateId, $"The placement rule id '{id}' is used twice.", n["id"]?.Location ?? n.Location);
            }

            Fingerprint("placementRule", id, n, "note");
            var clause = Cite(n, $"The placement rule '{id}'");
            var when = Compile(_r.Required(n, "when", $"The placement rule '{id}'"), memberInScope: false);
            var tierNode = _r.Required(n, "tier", $"The placement rule '{id}'");
            var tier = _r.String(tierNode);
            if (tier is not null && !tiers.ContainsKey(tier))
            {
                _r.Error(DiagnosticCodes.UnresolvedReference, $"There is no tier '{tier}'.", tierNode!.Location, Suggestions.DidYouMean(tier, tiers.Keys));
            }

            var reason = ReadText(_r.Required(n, "reason", $"The placement rule '{id}'"), "reason");
            return when is null || tier is null ? null : new PlacementRule(id, clause, when, tier, reason, _r.String(n["note"]), n.Location);
        }) ?? [];
        return (hitPolicy, rules);
    }

    private static readonly string[] FixedRoutes = ["municipal", "flexible", "waitingList", "closed", "outOfScope"];

    private (IReadOnlyList<RoutingRule> Rules, TierChangePolicy? TierChange) ReadRouting(JNode? node, Dictionary<string, TierDef> tiers, Dictionary<string, CriteriaSetDef> sets)
    {
        if (node is null || node.IsNull || !_r.ExpectObject(node, "routing"))
        {
            return ([], null);
        }

        _r.CheckProperties(node, "routing", ["rules", "onTierChange", "concentration", "marks", "note"]);
        TierChangePolicy? tierChange = null;
        if (node["onTierChange"] is { IsNull: false } tc && _r.ExpectObject(tc, "onTierChange"))
        {
            _r.CheckProperties(tc, "onTierChange", ["counters", "clause", "reason", "note"]);
            var countersNode = _r.Required(tc, "counters", "onTierChange");
            string? counters;
            if (countersNode is { Kind: JKind.String, Text: "reset" })
            {
                _r.Error(DiagnosticCodes.InvalidValue, "'reset' is no longer allowed: starting the count again at every tier change loses allocations the agreement gives the municipality (a department flipping between shares of 1/3 and 1/6 could get none).", countersNode.Location, "Write \"carry\": the count's progress carries over to the new tier's share, so the municipality gets the sum of each period's vacancies × its share.");
                counters = null;
            }
            else
            {
                counters = OneOf(countersNode, ["carry", "keep"]);
            }

            tierChange = new TierChangePolicy(counters == "keep", Cite(tc, "onTierChange"), ReadText(_r.Required(tc, "reason", "onTierChange"), "reason"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rules = _r.Array(_r.Required(node, "rules", "routing"), n =>
        {
            if (!_r.ExpectObject(n, "A routing rule"))
            {
                return null;
            }

            _r.CheckProperties(n, "A routing rule", ["id", "clause", "when", "route", "counter", "share", "letting", "legalBasis", "reason", "note"]);
            var id = _r.String(_r.Required(n, "id", "A routing rule"), nonEmpty: true) ?? "";
            if (id.Length > 0 && !ids.Add(id))
            {
                _r.Error(DiagnosticCodes.DuplicateId, $"The routing rule id '{id}' is used twice.", n["id"]?.Location ?? n.Location);
            }

            Fingerprint("routingRule", id, n, "note");
            var what = $"The routing rule '{id}'";
            var clause = Cite(n, what);
            var when = Compile(_r.Required(n, "when", what), memberInScope: false);
            var reason = ReadText(_r.Required(n, "reason", what), "reason");
            var route = OneOf(n["route"], FixedRoutes);
            var counter = _r.String(n["counter"], nonEmpty: true);
            ShareSpec? share = null;
            if ((route is null) == (counter is null))
            {
                _r.Error(DiagnosticCodes.MissingProperty, $"{what} needs either a fixed \"route\" or a \"counter\" with a \"share\", not both.", n.Location, "Write \"route\": \"outOfScope\", or \"counter\": \"family\" with \"share\": \"tier\".");
            }
            else if (counter is not null)
            {
                share = ReadShareSpec(_r.Required(n, "share", what), tiers);
            }

            DwellingLetting? letting = null;
            if (n["letting"] is { IsNull: false } ln && _r.ExpectObject(ln, "letting"))
            {
                letting = ReadLetting(ln, id, sets, tiers);
            }

            var legalBasis = ReadLegalBasis(n["legalBasis"], tiers);
            return when is null ? null : new RoutingRule(id, clause, when, route, counter, share, reason, n.Location) { Letting = letting, LegalBasis = legalBasis };
        }) ?? [];
        return (rules, tierChange);
    }

    /// <summary>A routing rule's <c>letting</c>: the routes (and flexible-letting rule) of the dwellings it covers.</summary>
    private DwellingLetting ReadLetting(JNode node, string ruleId, Dictionary<string, CriteriaSetDef> sets, Dictionary<string, TierDef> knownTiers)
    {
        _r.CheckProperties(node, "letting", ["tiers", "flexibleLetting", "routes", "note"]);
        HashSet<string>? tiers = null;
        if (node["tiers"] is { IsNull: false } tiersNode)
        {
            tiers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in _r.Array(tiersNode, t => t) ?? [])
            {
                var id = _r.String(t, nonEmpty: true);
                if (id is null)
                {
                    continue;
                }

                if (!knownTiers.ContainsKey(id))
                {
                    _r.Error(DiagnosticCodes.UnresolvedReference, $"There is no tier '{id}'.", t.Location, Suggestions.DidYouMean(id, knownTiers.Keys));
                }

                tiers.Add(id);
            }
        }

        string? flexRule = null;
        Fraction? flexMax = null;
        ClauseInfo? flexClause = null;
        if (node["flexibleLetting"] is { IsNull: false } f && _r.ExpectObject(f, "flexibleLetting"))
        {
            _r.CheckProperties(f, "flexibleLetting", ["rule", "maxShare", "clause", "note"]);
            flexRule = OneOf(_r.Required(f, "rule", "flexibleLetting"), FlexibleRules) ?? "none";
            flexMax = ReadFraction(f["maxShare"], "maxShare");
            flexClause = f["clause"] is null ? null : Cite(f, "flexibleLetting");
        }

        var routesNode = node["routes"];
        var routes = routesNode is null || routesNode.IsNull ? new Dictionary<LettingRoute, RoutePolicy>() : ReadRoutes(routesNode, sets, $"the routing rule '{ruleId}'", all: false, ownerId: ruleId);
        if (flexRule is null && routes.Count == 0)
        {
            _r.Error(DiagnosticCodes.MissingProperty, $"The letting of the routing rule '{ruleId}' changes nothing.", node.Location, "Give \"routes\" (any of municipal, flexible, waitingList) or \"flexibleLetting\", or remove \"letting\".");
        }

        return new DwellingLetting(flexRule, flexMax, flexClause, routes) { Tiers = tiers };
    }

    private ConcentrationGuard? ReadConcentration(JNode? node)
    {
        if (node is null || node.IsNull || !_r.ExpectObject(node, "concentration"))
        {
            return null;
        }

        Fingerprint("routing", "concentration", node, "note");
        _r.CheckProperties(node, "concentration", ["department", "stairwell", "clause", "reason", "note"]);
        var clause = Cite(node, "concentration");
        var reason = ReadText(_r.Required(node, "reason", "concentration"), "reason");
        var department = ReadLimit(node["department"], "concentration.department");
        var stairwell = ReadLimit(node["stairwell"], "concentration.stairwell");
        if (department is null && stairwell is null)
        {
            _r.Error(DiagnosticCodes.MissingProperty, "concentration needs a \"department\" or a \"stairwell\" limit.", node.Location, "Write e.g. \"department\": { \"max\": \"param.maxPerDepartment\", \"months\": 12 }.");
        }

        return new ConcentrationGuard(clause, reason, department, stairwell);
    }

    private GuardLimit? ReadLimit(JNode? node, string what)
    {
        if (node is null || node.IsNull || !_r.ExpectObject(node, what))
        {
            return null;
        }

        _r.CheckProperties(node, what, ["max", "months", "note"]);
        var months = _r.Integer(_r.Required(node, "months", what), min: 1) ?? 12;
        var maxNode = _r.Required(node, "max", what);
        if (maxNode is { Kind: JKind.String } && maxNode.Text!.StartsWith("param.", StringComparison.Ordinal))
        {
            var name = maxNode.Text["param.".Length..];
            if (!_slots.ContainsKey(name))
            {
                _r.Error(DiagnosticCodes.UnresolvedReference, $"There is no parameter '{name}' in this pack.", maxNode.Location, Suggestions.DidYouMean(name, _slots.Keys));
            }

            return new GuardLimit(null, name, months);
        }

        var max = _r.Number(maxNode, 0m);
        return max is null ? null : new GuardLimit(max, null, months);
    }

    private IReadOnlyList<VacancyMark> ReadMarks(JNode? node)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return _r.Array(node, n =>
        {
            if (!_r.ExpectObject(n, "A mark"))
            {
                return null;
            }

            _r.CheckProperties(n, "A mark", ["id", "clause", "when", "label", "forecastShare", "note"]);
            var id = _r.String(_r.Required(n, "id", "A mark"), nonEmpty: true) ?? "";
            if (id.Length > 0 && !ids.Add(id))
            {
                _r.Error(DiagnosticCodes.DuplicateId, $"The mark id '{id}' is used twice.", n["id"]!.Location, "Give each mark its own id.");
            }

            Fingerprint("mark", id, n, "note");
            var clause = Cite(n, $"The mark '{id}'");
            var when = Compile(_r.Required(n, "when", $"The mark '{id}'"), memberInScope: false);
            var label = ReadText(_r.Required(n, "label", $"The mark '{id}'"), "label");
            Func<EvalScope, decimal?>? share = null;
            var shareText = _r.String(n["forecastShare"], nonEmpty: true);
            if (shareText is not null)
            {
                try
                {
                    share = ExprCompiler.BuildNumber(shareText, new CompileContext(_slots, _factNames, false)).Compile();
                }
                catch (ExprException ex)
                {
                    var node2 = n["forecastShare"]!;
                    _r.Diagnostics.Add(new Diagnostic(Severity.Error, ex.Error.Code, $"{ex.Error.Message} In: {shareText}", node2.Location with { Column = node2.Location.Column + 1 + node2.RawIndexOf(ex.Error.Pos) }, ex.Error.Hint));
                }
            }

            return when is null ? null : new VacancyMark(id, clause, when, label, share, shareText);
        }) ?? [];
    }

    /// <summary>A routing rule's <c>legalBasis</c>: one of <see cref="LegalBasisSpec.Allowed"/>, or tier id → one of them.</summary>
    private LegalBasisSpec? ReadLegalBasis(JNode? node, Dictionary<string, TierDef> tiers)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind == JKind.Object)
        {
            var perTier = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
            {
                if (!tiers.ContainsKey(p.Name))
                {
                    _r.Error(DiagnosticCodes.UnresolvedReference, $"There is no tier '{p.Name}'.", p.NameLocation, Suggestions.DidYouMean(p.Name, tiers.Keys));
                }

                if (OneOf(p.Value, LegalBasisSpec.Allowed) is { } b)
                {
                    perTier[p.Name] = b;
                }
            }

            return new LegalBasisSpec(null, perTier);
        }

        return OneOf(node, LegalBasisSpec.Allowed) is { } basis ? new LegalBasisSpec(basis, null) : null;
    }

    private ShareSpec? ReadShareSpec(JNode? node, Dictionary<string, TierDef> tiers)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == JKind.String && node.Text == "tier")
        {
            return new ShareSpec(null, true, null);
        }

        if (node.Kind == JKind.Object)
        {
            var perTier = new Dictionary<string, Fraction>(StringComparer.Ordinal);
            foreach (var p in node.Properties.Where(p => !p.Name.StartsWith('$')))
            {
                if (!tiers.ContainsKey(p.Name))
                {
                    _r.Error(DiagnosticCodes.UnresolvedReference, $"There is no tier '{p.Name}'.", p.NameLocation, Suggestions.DidYouMean(p.Name, tiers.Keys));
                }

                if (ReadFraction(p.Value, $"The share for tier '{p.Name}'") is { } f)
                {
                    perTier[p.Name] = f;
                }
            }

            return new ShareSpec(null, false, perTier);
        }

        if (ShareParameter(node) is { } slot)
        {
            return new ShareSpec(null, false, null) { Parameter = slot };
        }

        var fixedShare = ReadFraction(node, "share");
        return fixedShare is null ? null : new ShareSpec(fixedShare, false, null);
    }

    /// <summary>For a share written as <c>"param.NAME"</c>: the parameter's slot (it must have unit share); otherwise null.</summary>
    private int? ShareParameter(JNode? node)
    {
        if (node is not { Kind: JKind.String } || !node.Text!.StartsWith("param.", StringComparison.Ordinal))
        {
            return null;
        }

        var name = node.Text["param.".Length..];
        if (!_slots.TryGetValue(name, out var slot))
        {
            _r.Error(DiagnosticCodes.UnresolvedReference, $"There is no parameter '{name}' in this pack.", node.Location, Suggestions.DidYouMean(name, _slots.Keys));
            return -1;
        }

        if (!slot.Type.IsShare)
        {
            _r.Error(DiagnosticCodes.InvalidValue, $"The parameter '{name}' is not a share.", node.Location, "Give it \"unit\": \"share\" (a fraction in [0, 1]).");
        }

        return slot.Index;
    }

    private void CheckRefCycles(Dictionary<string, CriteriaSetDef> sets)
    {
        foreach (var set in sets.Values)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (Cycles(set.Id, sets, seen))
            {
                _r.Error(DiagnosticCodes.UnresolvedReference, $"The criteria set '{set.Id}' refers to itself through criteriaSet references.", set.Location, "Remove the circular reference.");
            }
        }
    }

    private static bool Cycles(string id, Dictionary<string, CriteriaSetDef> sets, HashSet<string> path)
    {
        if (!path.Add(id))
        {
            return true;
        }

        if (sets.TryGetValue(id, out var set) && Refs(set.Criteria).Any(r => Cycles(r, sets, path)))
        {
            return true;
        }

        path.Remove(id);
        return false;
    }

    private static IEnumerable<string> Refs(IEnumerable<CriterionNode> nodes)
    {
        foreach (var n in nodes)
        {
            switch (n)
            {
                case RefCriterion r:
                    yield return r.CriteriaSet;
                    break;
                case GroupCriterion g:
                    foreach (var x in Refs(g.Children))
                    {
                        yield return x;
                    }

                    break;
            }
        }
    }
}
