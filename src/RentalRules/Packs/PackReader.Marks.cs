using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>The marks routing puts on vacancies.</summary>
internal sealed partial class PackReader
{
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
                _r.Report(Descriptors.DuplicateMark, n["id"]!.Location, id);
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
                    _r.Diagnostics.Add(ex.Error.In(shareText, node2.Location with { Column = node2.Location.Column + 1 + node2.RawIndexOf(ex.Error.Pos) }));
                }
            }

            return when is null ? null : new VacancyMark(id, clause, when, label, share, shareText);
        }) ?? [];
    }
}
