using System.Globalization;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Evaluation;

/// <summary>The concentration guard: at most so many municipal allocations to a department or a stairwell within a rolling period.</summary>
internal static partial class Router
{
    /// <summary>The guard's explanation when the department or the vacancy's stairwell has had its maximum of municipal allocations within the period; otherwise null.</summary>
    private static Explanation? Blocked(RulePack pack, ConcentrationGuard guard, string department, string? stairwell, LedgerBuilder ledger, DateOnly on)
    {
        foreach (var (limit, key, da, en, perStairwell) in new[]
        {
            (guard.Department, "", "afdelingen", "the department", false),
            (guard.Stairwell, stairwell ?? "", $"opgang {stairwell}", $"stairwell {stairwell}", true),
        })
        {
            if (limit is null || (perStairwell && string.IsNullOrEmpty(stairwell)))
            {
                continue;
            }

            var max = limit.Max ?? (limit.MaxParameter is { } name ? pack.ParameterValue(name, on) : null);
            if (max is null)
            {
                continue;
            }

            var since = DateMath.AddMonthsSaturating(on, -(long)limit.Months);
            var recent = ledger.AllocationsIn(department, key).Count(d => d > since);
            if (recent >= max)
            {
                var n = recent.ToString(CultureInfo.InvariantCulture);
                var m = max.Value.ToString("0", CultureInfo.InvariantCulture);
                var assumed = limit.MaxParameter is { } p && pack.Parameters.TryGetValue(p, out var def) && def.Assumed;
                return RoutingTexts.Blocked(guard, limit, n, m, assumed, da, en);
            }
        }

        return null;
    }
}
