using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The marks routing puts on vacancies.</summary>
internal sealed partial class PackReader
{
    private ValueList<MarkDefinition> ReadMarks(JNode? node)
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
                _r.Report(Descriptors.DuplicateMark, n["id"]!.Location, id);
            }

            Fingerprint("mark", id, n, "note");
            var clause = Cite(n, $"The mark '{id}'");
            var when = ReadCondition(_r.Required(n, "when", $"The mark '{id}'"));
            var label = ReadText(_r.Required(n, "label", $"The mark '{id}'"), "label");
            var share = n["forecastShare"] is { } shareNode && _r.String(shareNode, nonEmpty: true) is { } shareText
                ? new ConditionSource(shareText, new Origin(shareNode.Location, shareNode.RawIndexOf))
                : null;
            return new MarkDefinition(id, clause, when, label, share, _r.String(n["note"]), new Origin(n.Location));
        })?.ToValueList() ?? [];
    }
}
