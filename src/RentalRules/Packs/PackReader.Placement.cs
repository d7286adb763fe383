using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>The placement table: hit policy, decided tiers, key-figure cycle and rules.</summary>
internal sealed partial class PackReader
{
    private PlacementDefinition ReadPlacement(JNode? node, Dictionary<string, TierDefinition> tiers)
    {
        if (node is null || !_r.ExpectObject(node, "placement"))
        {
            return new PlacementDefinition(HitPolicy.First, null, null, [], null);
        }

        _r.CheckProperties(node, "placement", ["hitPolicy", "decided", "keyFigures", "rules", "note"]);
        DecidedDefinition? decidedDefinition = null;
        if (node["decided"] is { IsNull: false } decided && _r.ExpectObject(decided, "placement.decided"))
        {
            _r.CheckProperties(decided, "placement.decided", ["precedence", "when", "clause", "reason", "note"]);
            var precedence = OneOf<DecidedPrecedence>(_r.Required(decided, "precedence", "placement.decided")) ?? DecidedPrecedence.KeyFigures;
            var when = decided["when"] is null ? null : ReadCondition(decided["when"]);
            decidedDefinition = new DecidedDefinition(precedence, when, Cite(decided, "placement.decided"), ReadText(_r.Required(decided, "reason", "placement.decided"), "reason"), _r.String(decided["note"]));
        }

        KeyFiguresDefinition? keyFigures = null;
        if (node["keyFigures"] is { IsNull: false } cycle && _r.ExpectObject(cycle, "placement.keyFigures"))
        {
            _r.CheckProperties(cycle, "placement.keyFigures", ["maxAgeMonths", "clause", "note"]);
            var months = _r.Integer(_r.Required(cycle, "maxAgeMonths", "placement.keyFigures"), min: 1);
            var clause = Cite(cycle, "placement.keyFigures");
            keyFigures = months is null ? null : new KeyFiguresDefinition(months.Value, clause, _r.String(cycle["note"]));
        }

        var hitPolicy = OneOf<HitPolicy>(_r.Required(node, "hitPolicy", "placement")) ?? HitPolicy.First;
        _fingerprints["placement:order"] = PackNames.Name(hitPolicy) + ":" + string.Join(",", (node["rules"]?.Items ?? []).Select(i => i["id"]?.Text));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rules = _r.Array(_r.Required(node, "rules", "placement"), n =>
        {
            if (!_r.ExpectObject(n, "A placement rule"))
            {
                return null;
            }

            _r.CheckProperties(n, "A placement rule", ["id", "clause", "when", "tier", "reason", "note"]);
            var id = _r.String(_r.Required(n, "id", "A placement rule"), nonEmpty: true) ?? "";
            if (id.Length > 0 && !ids.Add(id))
            {
                _r.Report(Descriptors.DuplicatePlacementRule, n["id"]?.Location ?? n.Location, id);
            }

            Fingerprint("placementRule", id, n, "note");
            var clause = Cite(n, $"The placement rule '{id}'");
            var when = ReadCondition(_r.Required(n, "when", $"The placement rule '{id}'"));
            var tierNode = _r.Required(n, "tier", $"The placement rule '{id}'");
            var tier = _r.String(tierNode);
            if (tier is not null && !tiers.ContainsKey(tier))
            {
                _r.Report(Descriptors.NoSuchTier, tierNode!.Location, tier, Suggestions.DidYouMean(tier, tiers.Keys));
            }

            var reason = ReadText(_r.Required(n, "reason", $"The placement rule '{id}'"), "reason");
            return new PlacementRuleDefinition(id, clause, when, tier ?? "", reason, _r.String(n["note"]), new Origin(n.Location));
        })?.ToValueList() ?? [];
        return new PlacementDefinition(hitPolicy, decidedDefinition, keyFigures, rules, _r.String(node["note"]));
    }
}
