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

        var meta = ReadMetadata(root);
        ReadClauses(root["clauses"]);
        var parameters = ReadParameters(root["parameters"]);
        _parameters = parameters;
        var criteriaSets = ReadCriteriaSets(root["criteriaSets"]);
        var tiers = ReadTiers(root["tiers"], criteriaSets);
        if (tiers.Count == 0 && (root["tiers"] is null || root["tiers"]!.Kind == JKind.Object))
        {
            _r.Report(Descriptors.NoTiers, root["tiers"]?.Location ?? root.Location);
        }
        var (hitPolicy, rules) = ReadPlacement(_r.Required(root, "placement", "A pack"), tiers);
        var requirements = ReadRouteRequirements(root["requirements"], criteriaSets);
        var (routingRules, tierChange) = ReadRouting(root["routing"], tiers, criteriaSets);
        var guard = ReadConcentration(root["routing"]?["concentration"]);
        var marks = ReadMarks(root["routing"]?["marks"]);
        var obligations = ReadObligations(root["obligations"]);
        CheckRefCycles(criteriaSets);
        var ruleCount = rules.Count + _requirementIds.Count + _criterionIds.Count + routingRules.Count + marks.Count;
        if (ruleCount > PackLimits.MaxRules)
        {
            _r.Report(Descriptors.TooManyRules, root.Location, ruleCount, PackLimits.MaxRules);
        }

        if (_r.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return null;
        }

        _batch.Seal();
        RulePack Build(IReadOnlyList<Interpretation> interpretations)
            => new(meta, _clauses, parameters, tiers, PackNames.Parse<HitPolicy>(hitPolicy) ?? HitPolicy.First, rules, requirements, criteriaSets, _factNames, routingRules, tierChange) { Fingerprints = _fingerprints, Concentration = guard, Marks = marks, Decided = _decided, KeyFiguresCycle = _keyFigures, Obligations = obligations, Interpretations = interpretations };

        // The readings name rules of the pack, so they are checked against a pack without them; the pack is immutable,
        // so the one returned is built again with them.
        var interpretations = ReadInterpretations(root["interpretations"], Build([]));
        return _r.Diagnostics.Any(d => d.Severity == Severity.Error) ? null : interpretations.Count == 0 ? Build([]) : Build(interpretations);
    }
}
