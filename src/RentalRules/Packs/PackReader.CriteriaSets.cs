using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>The criteria sets and their criteria, and the check that no set refers to itself.</summary>
internal sealed partial class PackReader
{
    private Dictionary<string, CriteriaSetDef> ReadCriteriaSets(JNode? node)
    {
        var result = new Dictionary<string, CriteriaSetDef>(StringComparer.Ordinal);
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
            var combine = OneOf(n["combine"], ["all", "any"]) ?? "all";
            Fingerprint("criteriaSet", p.Name, n, "criteria");
            var criteria = _r.Array(_r.Required(n, "criteria", what), c => ReadCriterion(c, setNames, 0)) ?? [];
            result[p.Name] = new CriteriaSetDef(p.Name, ReadText(_r.Required(n, "title", what), "title"), Cite(n, what), combine == "all", criteria, ReadTexts(n["documents"], "A document"), _r.String(n["note"]), n.Location);
        }

        return result;
    }

    private CriterionNode? ReadCriterion(JNode n, IReadOnlyList<string> setNames, int depth)
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
        var kinds = new[] { "condition", "all", "any", "criteriaSet" }.Where(k => n[k] is not null).ToList();
        if (kinds.Count != 1)
        {
            _r.Report(kinds.Count == 0 ? Descriptors.CriterionWithoutKind : Descriptors.CriterionWithSeveralKinds, n.Location, id, string.Join(", ", kinds));
            return null;
        }

        switch (kinds[0])
        {
            case "condition":
            {
                MemberBand? band = null;
                if (n["members"] is { IsNull: false } m && _r.ExpectObject(m, "members"))
                {
                    _r.CheckProperties(m, "members", ["minAge", "maxAge"]);
                    band = new MemberBand(_r.Integer(m["minAge"]), _r.Integer(m["maxAge"]));
                    if (band.MinAge > band.MaxAge)
                    {
                        _r.Report(Descriptors.MinAgeAboveMaxAge, m.Location);
                    }
                }

                var condition = Compile(n["condition"], band is not null);
                return condition is null ? null : new LeafCriterion(id, clause, title, documents, note, band, condition)
                {
                    Assumed = _parameters.Values.Where(p => p.Assumed && condition.References.Parameters.Contains(p.Name)).ToList(),
                    Assumption = n["assumption"] is { IsNull: false } a ? ReadText(a, "assumption") : null,
                };
            }

            case "criteriaSet":
            {
                var set = _r.String(n["criteriaSet"]);
                if (set is not null && !setNames.Contains(set))
                {
                    _r.Report(Descriptors.NoSuchCriteriaSet, n["criteriaSet"]!.Location, set, Suggestions.DidYouMean(set, setNames));
                }

                return set is null ? null : new RefCriterion(id, clause, title, documents, note, set);
            }

            default:
            {
                var children = _r.Array(n[kinds[0]], c => ReadCriterion(c, setNames, depth + 1)) ?? [];
                return new GroupCriterion(id, clause, title, documents, note, kinds[0] == "all", children);
            }
        }
    }

    private void CheckRefCycles(Dictionary<string, CriteriaSetDef> sets)
    {
        foreach (var set in sets.Values)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (Cycles(set.Id, sets, seen))
            {
                _r.Report(Descriptors.CriteriaSetCycle, set.Location, set.Id);
            }
        }
    }

    private static bool Cycles(string id, Dictionary<string, CriteriaSetDef> sets, HashSet<string> path)
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

    private static IEnumerable<string> Refs(IEnumerable<CriterionNode> nodes)
    {
        foreach (var n in nodes)
        {
            switch (n)
            {
                case RefCriterion r:
                    yield return r.CriteriaSet;
                    break;
                case GroupCriterion g:
                    foreach (var x in Refs(g.Children))
                    {
                        yield return x;
                    }

                    break;
            }
        }
    }
}
