using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The concentration guard of routing and its limits.</summary>
internal sealed partial class PackReader
{
    private ConcentrationDefinition? ReadConcentration(JNode? node)
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
            _r.Report(Descriptors.ConcentrationWithoutLimit, node.Location);
        }

        return new ConcentrationDefinition(clause, reason, department, stairwell, _r.String(node["note"]));
    }

    private GuardLimitDefinition? ReadLimit(JNode? node, string what)
    {
        if (node is null || node.IsNull || !_r.ExpectObject(node, what))
        {
            return null;
        }

        _r.CheckProperties(node, what, ["max", "months", "note"]);
        var months = _r.Integer(_r.Required(node, "months", what), min: 1) ?? 12;
        var maxNode = _r.Required(node, "max", what);
        var note = _r.String(node["note"]);
        if (maxNode is { Kind: JKind.String } && maxNode.Text!.StartsWith("param.", StringComparison.Ordinal))
        {
            var name = maxNode.Text["param.".Length..];
            if (!_parameters.ContainsKey(name))
            {
                _r.Report(Descriptors.NoSuchParameter, maxNode.Location, name, Suggestions.DidYouMean(name, _parameters.Keys));
            }

            return new GuardLimitDefinition(null, name, months, note);
        }

        var max = _r.Number(maxNode, 0m);
        return max is null ? null : new GuardLimitDefinition(max, null, months, note);
    }
}
