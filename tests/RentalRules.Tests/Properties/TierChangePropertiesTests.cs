using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Properties;

/// <summary>
/// The law of tier changes (DESIGN §5.2, issue 11): "a change must never make the municipality lose the allocations the
/// agreement gives it". Over any sequence of periods, each with its tier and its vacancies, the municipality's
/// allocations stay within 1 of Σ (the period's vacancies × its share), after every vacancy — in a pack loaded from
/// text with any two shares, and in the shipped Holbæk and Høje-Taastrup agreements.
/// </summary>
public sealed class TierChangePropertiesTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    private static readonly Gen<(int A, int B, int C, int D, (bool InA, int Vacancies)[] Periods)> TinyCases =
        from b in Gen.Choose(1, 12)
        from a in Gen.Choose(0, b)
        from d in Gen.Choose(1, 12)
        from c in Gen.Choose(0, d)
        from periods in Gen.ArrayOf(Gen.Zip(Gen.Elements(true, false), Gen.Choose(0, 9)))
        select (a, b, c, d, periods);

    [Property(MaxTest = 300)]
    public Property Route_AnySequenceOfTierChangesBetweenAnyTwoShares_MunicipalAllocationsStayWithinOneOfTheSumOfVacanciesTimesShares()
        => Prop.ForAll(Arb.From(TinyCases), x =>
        {
            var shareA = new Fraction(x.A, x.B);
            var shareB = new Fraction(x.C, x.D);
            var pack = TinyPack.Load(shareA.ToString(), shareB.ToString(), onTierChange: "carry");
            var periods = x.Periods.Select(p => (Build.Department("T-1", residents: p.InA ? TinyPack.TierA : TinyPack.TierB), p.InA ? shareA : shareB, p.Vacancies));

            AssertWithinOne(pack, "T-1", periods, $"a = {shareA}, b = {shareB}");
        });

    private static readonly (decimal? Share, Fraction Due)[] HolbaekColours =
    [
        (0.20m, new Fraction(1, 3)), // green: hver 3.
        (0.38m, new Fraction(1, 6)), // yellow: hver 6.
        (0.50m, Fraction.Zero),      // red: friholdes
        (null, new Fraction(1, 8)),  // not colour-marked: hver 8.
    ];

    [Property(MaxTest = 200)]
    public Property Route_HolbaekDepartmentChangingColourAtAnyRenegotiation_GetsTheSharesOfEachColourWithinOne()
        => Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Zip(Gen.Choose(0, HolbaekColours.Length - 1), Gen.Choose(0, 9)))), periods =>
            AssertWithinOne(
                Repo.Pack("holbaek-2024"),
                "HB-900",
                periods.Select(p => (Build.Department("HB-900", HolbaekColours[p.Item1].Share), HolbaekColours[p.Item1].Due, p.Item2)),
                "holbaek-2024"));

    private static readonly (Func<Department> Department, Fraction Due)[] HoejeTaastrupLevels =
    [
        (() => Build.Department("HT-900", 0.20m, residents: 1200), new Fraction(1, 3)),                                        // level 1: hver 3.
        (() => Build.Department("HT-900", 0.20m, residents: 1200) with { Designation = Designation.Prevention }, new Fraction(11, 50)), // level 2: 22 %
        (() => Build.Department("HT-900", 0.20m, residents: 1200) with { Designation = Designation.Vulnerable }, Fraction.Zero),      // level 3: none
    ];

    [Property(MaxTest = 200)]
    public Property Route_HoejeTaastrupDepartmentChangingLevelAtAnyUpdate_GetsTheSharesOfEachLevelWithinOne()
        => Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Zip(Gen.Choose(0, HoejeTaastrupLevels.Length - 1), Gen.Choose(0, 12)))), periods =>
            AssertWithinOne(
                Repo.Pack("hoeje-taastrup-2023"),
                "HT-900",
                periods.Select(p => (HoejeTaastrupLevels[p.Item1].Department() with { FlexibleLettingShare = 0.2m }, HoejeTaastrupLevels[p.Item1].Due, p.Item2)),
                "hoeje-taastrup-2023"));

    /// <summary>Routes the periods' family vacancies in order and checks |allocations − Σ vacancies × share| &lt; 1 after each.</summary>
    private static void AssertWithinOne(RentalRules.Packs.RulePack pack, string department, IEnumerable<(Department Department, Fraction Share, int Vacancies)> periods, string what)
    {
        var ledger = pack.NewLedger();
        var due = Fraction.Zero;
        var municipal = 0;
        var n = 0;
        var trace = new List<string>();
        foreach (var (facts, share, count) in periods)
        {
            trace.Add($"{count.ToString(CultureInfo.InvariantCulture)} × {share}");
            foreach (var vacancy in Vacancies.Numbered(department, DwellingCategory.Family, count, first: n + 1))
            {
                var result = pack.Route(new RoutingRequest(facts, vacancy, On) { Ledger = ledger });
                ledger = result.Ledger;
                n++;
                due = QuotaDue.Plus(due, share)!.Value;
                municipal += result.Decision.Route == VacancyRoute.Municipal ? 1 : 0;
                var within = due.CompareTo(new Fraction(municipal + 1, 1)) < 0 && new Fraction(municipal, 1).CompareTo(QuotaDue.Plus(due, Fraction.One)!.Value) < 0;
                Assert.True(within, $"{what}: after {n} vacancies ({string.Join(", ", trace)}) the municipality had {municipal}, due {due}");
            }
        }
    }
}
