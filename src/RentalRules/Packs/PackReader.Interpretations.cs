using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The structured readings the pack makes where the agreement's text is open.</summary>
internal sealed partial class PackReader
{
    /// <summary>The structured readings, each on a declared clause (the compile step checks that the rule is one of the pack's).</summary>
    private ValueList<InterpretationDefinition> ReadInterpretations(JNode? node)
    {
        if (node is null || node.IsNull)
        {
            return [];
        }

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
                _r.Report(Descriptors.DuplicateInterpretation, n["id"]!.Location, id);
            }

            var ruleNode = _r.Required(n, "rule", $"The interpretation '{id}'");
            var rule = _r.String(ruleNode, nonEmpty: true) ?? "";
            var clause = Cite(n, $"The interpretation '{id}'");
            var reading = _r.String(_r.Required(n, "reading", $"The interpretation '{id}'"), nonEmpty: true) ?? "";
            var alternative = _r.String(_r.Required(n, "alternative", $"The interpretation '{id}'"), nonEmpty: true) ?? "";
            return new InterpretationDefinition(id, rule, clause, reading, alternative, _r.String(n["draft"]), new Origin(n.Location), new Origin(ruleNode?.Location ?? n.Location));
        })?.ToValueList() ?? [];
    }
}
