using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>
/// The one reader of pack JSON: turns a (merged) pack tree into its <see cref="PackDefinition"/>, checking structure,
/// the words the format allows, references (tiers, criteria sets, parameters, declared clauses) and ids. Conditions are
/// read as source text; <see cref="PackCompiler"/> compiles them. Reports every problem it finds, not just the first.
/// </summary>
internal sealed partial class PackReader
{
    private readonly NodeReader _r;
    private readonly HashSet<string> _clauses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterDefinition> _parameters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _criterionIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _requirementIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fingerprints = new(StringComparer.Ordinal);

    private PackReader(List<Diagnostic> diagnostics)
    {
        _r = new NodeReader(diagnostics, facts: false);
    }

    /// <summary>Reads a pack tree; null only when the root is not an object. The definition is complete when no error was added.</summary>
    public static (PackDefinition Definition, IReadOnlyDictionary<string, string> Fingerprints)? Read(JNode root, List<Diagnostic> diagnostics)
    {
        var reader = new PackReader(diagnostics);
        return reader.ReadPack(root) is { } definition ? (definition, reader._fingerprints) : null;
    }

    private PackDefinition? ReadPack(JNode root)
    {
        if (!_r.ExpectObject(root, "A pack"))
        {
            return null;
        }

        var meta = ReadMetadata(root);
        var clauses = ReadClauses(root["clauses"]);
        var parameters = ReadParameters(root["parameters"]);
        var criteriaSets = ReadCriteriaSets(root["criteriaSets"]);
        var tiers = ReadTiers(root["tiers"], criteriaSets);
        if (tiers.Count == 0 && (root["tiers"] is null || root["tiers"]!.Kind == JKind.Object))
        {
            _r.Report(Descriptors.NoTiers, root["tiers"]?.Location ?? root.Location);
        }

        var placement = ReadPlacement(_r.Required(root, "placement", "A pack"), tiers);
        var requirements = ReadRouteRequirements(root["requirements"], criteriaSets);
        var routing = ReadRouting(root["routing"], tiers, criteriaSets);
        var obligations = ReadObligations(root["obligations"]);
        var offers = ReadOffers(root["offers"], criteriaSets);
        CheckRefCycles(criteriaSets);
        var ruleCount = placement.Rules.Count + _requirementIds.Count + _criterionIds.Count + (routing?.Rules.Count ?? 0) + (routing?.Marks.Count ?? 0);
        if (ruleCount > PackLimits.MaxRules)
        {
            _r.Report(Descriptors.TooManyRules, root.Location, ruleCount, PackLimits.MaxRules);
        }

        var interpretations = ReadInterpretations(root["interpretations"]);
        return new PackDefinition(meta, clauses, parameters, [.. tiers.Values], placement, requirements, obligations, [.. criteriaSets.Values], routing, offers, interpretations, new Origin(root.Location));
    }
}
