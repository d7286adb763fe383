using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The parameters: values by date and units.</summary>
internal sealed partial class PackReader
{
    private static readonly string[] Units = [.. PackNames.Units];

    private ValueList<ParameterDefinition> ReadParameters(JNode? node)
    {
        if (node is null || !_r.ExpectObject(node, "parameters"))
        {
            return [];
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
            var unit = PackNames.Unit(OneOf(_r.Required(n, "unit", what), Units)) ?? ParameterUnit.Count;
            var clause = n["clause"] is null ? null : Cite(n, what);
            var values = _r.Array(_r.Required(n, "values", what), v =>
            {
                if (!_r.ExpectObject(v, "A parameter value"))
                {
                    return null;
                }

                _r.CheckProperties(v, "A parameter value", ["from", "value", "note"]);
                var from = _r.Date(_r.Required(v, "from", "A parameter value"));
                var value = unit == ParameterUnit.Share ? _r.Share(_r.Required(v, "value", "A parameter value")) : _r.Number(_r.Required(v, "value", "A parameter value"));
                return from is null || value is null ? null : new ParameterValueDefinition(from.Value, value.Value, _r.String(v["note"]));
            }) ?? [];
            var ordered = values.OrderBy(v => v.From.DayNumber).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].From == ordered[i - 1].From)
                {
                    _r.Report(Descriptors.DuplicateParameterDate, n.Location, p.Name);
                }
            }

            var title = n["title"] is { Kind: JKind.Object } t ? ReadText(t, "title") : n["title"] is { Kind: JKind.String } ts ? new LocalizedText(ts.Text ?? "", ts.Text ?? "") : null;

            // A repeated name replaces the earlier parameter in its place, as a table by name would.
            _parameters[p.Name] = new ParameterDefinition(p.Name, unit, title, clause, _r.String(n["note"]), _r.Bool(n["assumed"]) ?? false, [.. values], new Origin(n.Location));
        }

        return [.. _parameters.Values];
    }
}
