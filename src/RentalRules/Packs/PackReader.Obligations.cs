using RentalRules.Diagnostics;
using RentalRules.Facts;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The pack section <c>obligations</c>: statutory obligations on the agreement (docs/pack-format.md, Obligations).</summary>
internal sealed partial class PackReader
{
    private static readonly string[] ObligationFlexibleRules = ["all"];

    private ValueList<ObligationDefinition> ReadObligations(JNode? node)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return _r.Array(node, n =>
        {
            if (!_r.ExpectObject(n, "An obligation"))
            {
                return null;
            }

            _r.CheckProperties(n, "An obligation", ["id", "clause", "when", "dwellings", "flexibleLetting", "criteria", "reason", "acknowledged", "note"]);
            var id = _r.String(_r.Required(n, "id", "An obligation"), nonEmpty: true) ?? "";
            if (id.Length > 0 && !ids.Add(id))
            {
                _r.Report(Descriptors.DuplicateObligation, n["id"]!.Location, id);
            }

            var what = $"The obligation '{id}'";
            var clause = Cite(n, what);
            var when = ReadCondition(_r.Required(n, "when", what));
            var dwellings = Categories(_r.Array(_r.Required(n, "dwellings", what), d => OneOf(d, EnumNames<DwellingCategory>.Names)) ?? []);
            var allFlexible = OneOf(_r.Required(n, "flexibleLetting", what), ObligationFlexibleRules) == "all";
            var criteria = ReadObligationCriteria(n["criteria"], what);
            var reason = ReadText(_r.Required(n, "reason", what), "reason");
            AcknowledgementDefinition? acknowledged = null;
            if (n["acknowledged"] is { IsNull: false } ack && _r.ExpectObject(ack, "acknowledged"))
            {
                _r.CheckProperties(ack, "acknowledged", ["clause", "reason"]);
                acknowledged = new AcknowledgementDefinition(Cite(ack, $"{what}'s acknowledgement"), ReadText(_r.Required(ack, "reason", "acknowledged"), "reason"));
            }

            return new ObligationDefinition(id, clause, when, dwellings, allFlexible, criteria, reason, acknowledged, _r.String(n["note"]), new Origin(n.Location));
        })?.ToValueList() ?? [];
    }

    /// <summary>The categories <paramref name="names"/> spell, each once, in their order (loops: LINQ over an enum is compiled at start-up).</summary>
    private static ValueList<DwellingCategory> Categories(IReadOnlyList<string?> names)
    {
        var found = new DwellingCategory[names.Count];
        var count = 0;
        foreach (var name in names)
        {
            if (PackNames.Parse<DwellingCategory>(name) is { } c && !Contains(found, count, c))
            {
                found[count++] = c;
            }
        }

        var categories = new DwellingCategory[count];
        for (var i = 0; i < count; i++)
        {
            categories[i] = found[i];
        }

        return new ValueList<DwellingCategory>(categories);
    }

    private static bool Contains(DwellingCategory[] categories, int count, DwellingCategory category)
    {
        for (var i = 0; i < count; i++)
        {
            if (categories[i] == category)
            {
                return true;
            }
        }

        return false;
    }

    private ValueList<ObligationCriterionDefinition> ReadObligationCriteria(JNode? node, string what)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return _r.Array(node, n =>
        {
            if (!_r.ExpectObject(n, "An obligation's criterion"))
            {
                return null;
            }

            _r.CheckProperties(n, "An obligation's criterion", ["id", "reads", "title"]);
            var id = _r.String(_r.Required(n, "id", "An obligation's criterion"), nonEmpty: true) ?? "";
            if (id.Length > 0 && !ids.Add(id))
            {
                _r.Report(Descriptors.DuplicateObligationCriterion, n["id"]!.Location, what, id);
            }

            var reads = _r.Array(_r.Required(n, "reads", $"{what}'s criterion '{id}'"), r => _r.String(r, nonEmpty: true))?.OfType<string>().ToValueList() ?? [];
            if (reads.Count == 0)
            {
                _r.Report(Descriptors.ObligationCriterionReadsNothing, n.Location, what, id);
            }

            var title = ReadText(_r.Required(n, "title", $"{what}'s criterion '{id}'"), "title");
            return new ObligationCriterionDefinition(id, reads, title);
        })?.ToValueList() ?? [];
    }
}
