using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The criteria sets and their criteria, and the check that no set refers to itself.</summary>
internal sealed partial class PackReader
{
    private static readonly string[] CriterionKinds = ["condition", "all", "any", "criteriaSet"];

    private Dictionary<string, CriteriaSetDefinition> ReadCriteriaSets(JNode? node)
    {
        var result = new Dictionary<string, CriteriaSetDefinition>(StringComparer.Ordinal);
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
            var combine = OneOf<Combine>(n["combine"]) ?? Combine.All;
            Fingerprint("criteriaSet", p.Name, n, "criteria");
            var criteria = _r.Array(_r.Required(n, "criteria", what), c => ReadCriterion(c, setNames, 0))?.ToValueList() ?? [];
            result[p.Name] = new CriteriaSetDefinition(p.Name, ReadText(_r.Required(n, "title", what), "title"), Cite(n, what), combine, criteria, ReadTexts(n["documents"], "A document"), _r.String(n["note"]), new Origin(n.Location));
        }

        return result;
    }

    private CriterionDefinition? ReadCriterion(JNode n, IReadOnlyList<string> setNames, int depth)
    {
        if (!_r.ExpectObject(n, "A criterion"))
        {
            return null;
        }

        if (depth > 8)
        {
            _r.Report(Descriptors.CriteriaTooDeep, n.Location, 8);
            return null;
        }

        _r.CheckProperties(n, "A criterion", ["id", "clause", "title", "members", "condition", "all", "any", "criteriaSet", "documents", "note", "assumption"]);
        var id = _r.String(_r.Required(n, "id", "A criterion"), nonEmpty: true) ?? "";
        if (id.Length > 0 && !_criterionIds.Add(id))
        {
            _r.Report(Descriptors.DuplicateCriterion, n["id"]!.Location, id);
        }

        Fingerprint("criterion", id, n, "all", "any");
        var clause = Cite(n, $"The criterion '{id}'");
        var title = ReadText(_r.Required(n, "title", $"The criterion '{id}'"), "title");
        var documents = ReadTexts(n["documents"], "A document");
        var note = _r.String(n["note"]);
        var origin = new Origin(n.Location);
        var kinds = CriterionKinds.Where(k => n[k] is not null).ToList();
        if (kinds.Count != 1)
        {
            _r.Report(kinds.Count == 0 ? Descriptors.CriterionWithoutKind : Descriptors.CriterionWithSeveralKinds, n.Location, id, string.Join(", ", kinds));
            return null;
        }

        switch (kinds[0])
        {
            case "condition":
            {
                MemberBandDefinition? band = null;
                if (n["members"] is { IsNull: false } m && _r.ExpectObject(m, "members"))
                {
                    _r.CheckProperties(m, "members", ["minAge", "maxAge"]);
                    band = new MemberBandDefinition(_r.Integer(m["minAge"]), _r.Integer(m["maxAge"]));
                    if (band.MinAge > band.MaxAge)
                    {
                        _r.Report(Descriptors.MinAgeAboveMaxAge, m.Location);
                    }
                }

                var condition = ReadCondition(n["condition"]);
                var assumption = n["assumption"] is { IsNull: false } a ? ReadText(a, "assumption") : null;
                return condition is null ? null : new ConditionCriterionDefinition(id, clause, title, documents, assumption, note, origin, band, condition);
            }

            case "criteriaSet":
            {
                var set = _r.String(n["criteriaSet"]);
                if (set is not null && !setNames.Contains(set))
                {
                    _r.Report(Descriptors.NoSuchCriteriaSet, n["criteriaSet"]!.Location, set, Suggestions.DidYouMean(set, setNames));
                }

                return set is null ? null : new SetCriterionDefinition(id, clause, title, documents, null, note, origin, set);
            }

            default:
            {
                var children = _r.Array(n[kinds[0]], c => ReadCriterion(c, setNames, depth + 1))?.ToValueList() ?? [];
                return new GroupCriterionDefinition(id, clause, title, documents, null, note, origin, kinds[0] == "all" ? Combine.All : Combine.Any, children);
            }
        }
    }

    private void CheckRefCycles(Dictionary<string, CriteriaSetDefinition> sets)
    {
        foreach (var set in sets.Values)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (Cycles(set.Id, sets, seen))
            {
                _r.Report(Descriptors.CriteriaSetCycle, set.Origin.Location, set.Id);
            }
        }
    }

    private static bool Cycles(string id, Dictionary<string, CriteriaSetDefinition> sets, HashSet<string> path)
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

    private static IEnumerable<string> Refs(IEnumerable<CriterionDefinition> nodes)
    {
        foreach (var n in nodes)
        {
            switch (n)
            {
                case SetCriterionDefinition r:
                    yield return r.CriteriaSet;
                    break;
                case GroupCriterionDefinition g:
                    foreach (var x in Refs(g.Children))
                    {
                        yield return x;
                    }

                    break;
            }
        }
    }
}
