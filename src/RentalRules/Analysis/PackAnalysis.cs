using RentalRules.Diagnostics;
using RentalRules.Packs;

namespace RentalRules.Analysis;

/// <summary>Load-time analysis of a compiled pack: problems that do not stop it from loading but are probably mistakes.</summary>
internal static class PackAnalysis
{
    public static IEnumerable<Diagnostic> Analyse(RulePack? pack)
    {
        if (pack is null)
        {
            yield break;
        }

        var from = pack.ValidFrom;
        foreach (var p in pack.Parameters.Values)
        {
            if (from is { } f && p.ValueOn(f) is null)
            {
                yield return Descriptors.ParameterGap.At(p.Location, p.Name, f);
            }
        }

        PlacementRule? always = null;
        var shadowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in pack.PlacementRules)
        {
            if (always is not null && pack.HitPolicy == HitPolicy.First)
            {
                shadowed.Add(rule.Id);
                yield return Descriptors.ShadowedRule.At(rule.Location, rule.Id, always.Id);
            }

            if (always is null && rule.When.Text.Trim() == "true")
            {
                always = rule;
            }
        }

        foreach (var d in PlacementGaps.Analyse(pack, alreadyUnreachable: shadowed))
        {
            yield return d;
        }

        foreach (var d in pack.ObligationCheck.Diagnostics())
        {
            yield return d;
        }

        var used = pack.PlacementRules.Select(r => r.Tier).ToHashSet(StringComparer.Ordinal);
        foreach (var tier in pack.TierDefs.Values.Where(t => !used.Contains(t.Id)))
        {
            yield return Descriptors.UnusedTier.At(tier.Location, tier.Id);
        }
    }
}
