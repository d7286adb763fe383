using RentalRules.Diagnostics;

namespace RentalRules.Packs;

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
                yield return new Diagnostic(Severity.Warning, DiagnosticCodes.ParameterGap, $"The parameter '{p.Name}' has no value on {f:yyyy-MM-dd}, the first day the pack applies.", p.Location, "Add a value from that date, or conditions using it will be undetermined.");
            }
        }

        PlacementRule? always = null;
        var shadowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in pack.PlacementRules)
        {
            if (always is not null && pack.HitPolicy == "first")
            {
                shadowed.Add(rule.Id);
                yield return new Diagnostic(Severity.Warning, DiagnosticCodes.UnreachableRule, $"The placement rule '{rule.Id}' can never apply: the earlier rule '{always.Id}' always applies.", rule.Location, "Move it before that rule, or remove it.");
            }

            if (always is null && rule.When.Text.Trim() == "true")
            {
                always = rule;
            }
        }

        foreach (var d in Analysis.PlacementGaps.Analyse(pack, alreadyUnreachable: shadowed))
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
            yield return new Diagnostic(Severity.Warning, DiagnosticCodes.UnusedTier, $"No placement rule leads to the tier '{tier.Id}'.", tier.Location, "Add a rule for it, or remove the tier (set it to null in a pack that extends another).");
        }
    }
}
