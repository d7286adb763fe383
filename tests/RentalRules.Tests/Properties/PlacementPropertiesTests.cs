using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Properties;

/// <summary>
/// Placement is a total, deterministic function of pack, department and date: every shipped pack places any department
/// (facts unknown, shares anywhere in [0, 1], every designation) without throwing, the same way every time and in any
/// order. For Holbæk, a known outsideLabourMarketShare always places, and the tier is monotone in it (§ 6).
/// </summary>
public sealed class PlacementPropertiesTests
{
    private const int Cases = 500;

    private static readonly Arbitrary<(string PackId, Department Department, DateOnly On)> Placements = Arb.From(
        from packId in Gen.Elements(Laws.ShippedPackIds.ToArray())
        from department in FactGenerators.Department
        from day in FactGenerators.EvaluationDate
        select (packId, department, day));

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property Place_OnAnyDepartment_IsTotal()
    {
        return Prop.ForAll(Placements, c =>
            {
                var pack = Repo.Pack(c.PackId);
                var result = pack.Place(new PlacementRequest(c.Department, c.On));
                Assert.True(Enum.IsDefined(result.Outcome), $"outcome {result.Outcome}");
                Assert.NotEmpty(result.Explanation);
                switch (result.Outcome)
                {
                    case PlacementOutcome.Placed:
                        Assert.Contains(result.Tier!, pack.Tiers);
                        Assert.NotNull(result.MunicipalShare);
                        Assert.Empty(result.Missing);
                        break;
                    case PlacementOutcome.Undetermined:
                        Assert.Null(result.Tier);
                        Assert.NotEmpty(result.Missing);
                        break;
                    default:
                        Assert.Null(result.Tier);
                        break;
                }
            });
    }

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property Place_SameInputTwice_GivesTheSameResult()
    {
        return Prop.ForAll(Placements, c =>
            {
                var pack = Repo.Pack(c.PackId);
                var first = Describe(pack.Place(new PlacementRequest(c.Department, c.On)));
                var second = Describe(pack.Place(new PlacementRequest(c.Department with { }, c.On)));
                Assert.Equal(first, second);
            });
    }

    [Property(MaxTest = Cases / 10, Replay = Laws.Replay)]
    public Property Place_DoesNotDependOnWhatWasPlacedBefore()
    {
        // A freshly loaded copy of each pack, fed the departments in reverse order, must agree with the shared copy:
        // the caches inside a pack (parameters by date, route summaries) never leak one department into another.
        var fresh = Laws.ShippedPackIds.ToDictionary(id => id, id => RulePackLoader.Load(Repo.Rules(id + ".json")).GetValueOrThrow(), StringComparer.Ordinal);
        var batches = Arb.From(Gen.ListOf(Placements.Generator, 20));
        return Prop.ForAll(batches, batch =>
            {
                var forward = batch.Select(c => Describe(Repo.Pack(c.PackId).Place(new PlacementRequest(c.Department, c.On)))).ToList();
                var backward = Enumerable.Reverse(batch).Select(c => Describe(fresh[c.PackId].Place(new PlacementRequest(c.Department, c.On)))).Reverse().ToList();
                Assert.Equal(forward, backward);
            });
    }

    #region Holbæk § 6

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property Holbaek_KnownOutsideLabourMarketShare_WithoutARehousingDispensation_IsAlwaysPlacedInTheTierOfItsBand()
    {
        var pack = Repo.Pack("holbaek-2024");
        var cases = Arb.From(
            from share in FactGenerators.Share
            from department in DepartmentWithShare(share)
            from day in FactGenerators.HolbaekDate
            select (share, department, day));
        return Prop.ForAll(cases, c =>
            {
                var result = pack.Place(new PlacementRequest(c.department, c.day));
                Assert.Equal(PlacementOutcome.Placed, result.Outcome);
                var expected = c.share <= 0.30m ? "green" : c.share <= 0.45m ? "yellow" : "red";
                Assert.Equal(expected, result.Tier);
            });
    }

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property Holbaek_Tier_IsMonotoneInOutsideLabourMarketShare()
    {
        var pack = Repo.Pack("holbaek-2024");
        var rank = new Dictionary<string, int>(StringComparer.Ordinal) { ["green"] = 0, ["yellow"] = 1, ["red"] = 2 };
        var cases = Arb.From(
            from a in FactGenerators.Share
            from b in FactGenerators.Share
            from first in DepartmentWithShare(Math.Min(a, b))
            from day in FactGenerators.HolbaekDate
            select (low: Math.Min(a, b), high: Math.Max(a, b), first, day));
        return Prop.ForAll(cases, c =>
            {
                // The same department with a higher share never lands in a lighter tier.
                var low = pack.Place(new PlacementRequest(c.first, c.day));
                var high = pack.Place(new PlacementRequest(c.first with { KeyFigures = c.first.KeyFigures! with { OutsideLabourMarketShare = c.high } }, c.day));
                Assert.True(rank[low.Tier!] <= rank[high.Tier!], $"{c.low} → {low.Tier}, {c.high} → {high.Tier}");
            });
    }

    /// <summary>A department with the share and no rehousing dispensation in force (§ 2 places one outside the colours).</summary>
    private static Gen<Department> DepartmentWithShare(decimal share)
        => FactGenerators.DepartmentWith(FactGenerators.KeyFigures.Select(k => (KeyFigures?)(k with { OutsideLabourMarketShare = share })))
            .Select(d => d.Rehousing == true ? d with { Rehousing = false } : d);

    #endregion

    /// <summary>Everything a placement says, as text, so that two results compare in one assertion.</summary>
    internal static string Describe(PlacementResult r)
    {
        var sb = new StringBuilder();
        sb.Append($"{r.DepartmentId}|{r.Outcome}|{r.Tier}|{r.TierLabel?.En}|{r.MunicipalShare}|{r.CriteriaSet}|{r.SpecialCriteria}");
        sb.Append($"|flex {r.FlexibleLetting?.Rule} {r.FlexibleLetting?.MaxShare} {r.FlexibleLetting?.Share} {r.FlexibleLetting?.Clause}");
        foreach (var (route, summary) in r.Routes.OrderBy(x => x.Key))
        {
            sb.Append($"|{route}:{summary.Open}:{string.Join(",", summary.CriteriaSets)}");
        }

        foreach (var e in r.Explanation)
        {
            sb.Append($"|because {e.RuleId} {e.Clause} {e.Source} {e.Reason.En}");
        }

        sb.Append("|missing ").AppendJoin(",", r.Missing);
        sb.Append("|warnings ").AppendJoin(",", r.Warnings);
        return sb.ToString();
    }
}
