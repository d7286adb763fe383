using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>The structured readings the pack makes where the agreement's text is open.</summary>
internal sealed partial class PackReader
{
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
                _r.Report(Descriptors.DuplicateInterpretation, n["id"]!.Location, id);
            }

            var ruleNode = _r.Required(n, "rule", $"The interpretation '{id}'");
            var rule = _r.String(ruleNode, nonEmpty: true) ?? "";
            if (rule.Length > 0 && !ids.Contains(rule))
            {
                _r.Report(Descriptors.InterpretationOnNothing, ruleNode!.Location, id, rule, Suggestions.DidYouMean(rule, ids));
            }

            var clause = Cite(n, $"The interpretation '{id}'");
            var reading = _r.String(_r.Required(n, "reading", $"The interpretation '{id}'"), nonEmpty: true) ?? "";
            var alternative = _r.String(_r.Required(n, "alternative", $"The interpretation '{id}'"), nonEmpty: true) ?? "";
            return new Interpretation(id, rule, clause.Id, clause.Source, reading, alternative, _r.String(n["draft"]));
        }) ?? [];
    }
}
