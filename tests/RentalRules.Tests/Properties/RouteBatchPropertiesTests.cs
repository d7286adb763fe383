using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Properties;

/// <summary>
/// Batch routing (the CLI's <c>route</c>, issue 16): routing a sequence of vacancies through one counting state gives
/// the same decisions, reasons, marks and final ledger as routing them one by one through <see cref="RulePack.Route"/>,
/// ledger to ledger — across tier changes (Holbæk, Høje-Taastrup), special criteria counted over a department's
/// allocations (Høje-Taastrup), a concentration guard over departments and stairwells with a rolling period (Aalborg),
/// and from a ledger that already holds counts and allocation dates.
/// </summary>
public sealed class RouteBatchPropertiesTests
{
    private const int Cases = 200;

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property RouteBatch_AnySequenceOfVacancies_DecidesAndCountsAsRoutingOneByOne()
    {
        var cases = Arb.From(
            from scenario in Scenarios
            from before in Gen.Choose(0, 30)
            from n in Gen.Choose(0, 90)
            from stream in Gen.ArrayOf(scenario.Item, before + n)
            from look in Gen.Choose(0, n)
            select (scenario.Pack, Stream: Number(stream), Before: before, Look: look));
        return Prop.ForAll(cases, x =>
            {
                var pack = Repo.Pack(x.Pack);

                // A ledger that already holds counts (and, under a guard, allocation dates), as a stored one does.
                var start = OneByOne(pack, x.Stream.Take(x.Before), pack.NewLedger()).Ledger;
                var rest = x.Stream.Skip(x.Before).ToList();
                var (expected, expectedLedger) = OneByOne(pack, rest, start);

                var batch = new RouteBatch(pack, start);
                var decisions = new List<RoutingDecision>();
                for (var i = 0; i < rest.Count; i++)
                {
                    if (i == x.Look)
                    {
                        // Asking for the ledger midway gives the ledger so far and does not disturb the count.
                        Assert.Equal(OneByOne(pack, rest.Take(i), start).Ledger.ToJson(), batch.Ledger.ToJson());
                    }

                    decisions.Add(batch.Route(rest[i].Department, rest[i].Vacancy, rest[i].On));
                }

                Assert.Equal(expected.Select(Describe), decisions.Select(Describe));
                Assert.Equal(expectedLedger.ToJson(), batch.Ledger.ToJson());
                Assert.Equal(expectedLedger.ChangeCounter, batch.Ledger.ChangeCounter);
            });
    }

    [Fact]
    public void RouteBatch_NothingCounted_GivesTheLedgerItStartedFrom()
    {
        // A department without an id cannot be counted: nothing is counted, and the ledger is the same one.
        var pack = Repo.Pack("holbaek-2024");
        var start = pack.NewLedger();
        var batch = new RouteBatch(pack, start);

        var decision = batch.Route(Build.Department("HB-R", 0.50m) with { Id = null }, Vacancies.Of("V1", "HB-R", DwellingCategory.Family), new DateOnly(2025, 3, 1));

        Assert.Equal(VacancyRoute.Undetermined, decision.Route);
        Assert.Equal(["department.id"], decision.Missing);
        Assert.Same(start, batch.Ledger);
    }

    [Fact]
    public void RouteBatch_LedgerOfAnotherPack_IsRefused()
    {
        var ledger = Repo.Pack("dk-baseline").NewLedger();

        var error = Assert.Throws<ArgumentException>(() => new RouteBatch(Repo.Pack("holbaek-2024"), ledger));

        Assert.Contains("'dk-baseline', not 'holbaek-2024'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A vacancy with the department state it arose in and the date it is routed on.</summary>
    private sealed record Item(Department Department, Vacancy Vacancy, DateOnly On);

    private sealed record Scenario(string Pack, Gen<Item> Item);

    private static Gen<Scenario> Scenarios => Gen.Elements(
        new Scenario("holbaek-2024", ItemsOver(
            Build.Department("HB-G", 0.20m),
            Build.Department("HB-Y", 0.38m) with { Flags = ["particularProblems"] },
            Build.Department("HB-R", 0.50m),
            Build.Department("HB-U", null),
            Build.Department("HB-X", 0.20m),
            Build.Department("HB-X", 0.40m))),
        new Scenario("hoeje-taastrup-2023", ItemsOver(
            Build.Department("HT-PARKVEJ", 0.33m, 0.017m, 1400) with { Designation = Designation.Prevention },
            Build.Department("HT-TAASTRUP", 0.46m, 0.031m, 2100) with { Designation = Designation.Transformation, DevelopmentPlan = true },
            Build.Department("HT-X", 0.18m, 0.004m, 1200),
            Build.Department("HT-X", 0.33m, 0.017m, 1400) with { Designation = Designation.Prevention })),
        new Scenario("aalborg-2023", ItemsOver(
            Aalborg("AAL-1"),
            Aalborg("AAL-2"),
            Aalborg("AAL-3") with { Designation = Designation.Vulnerable })));

    private static Department Aalborg(string id) => Build.Department(id, outsideLabourMarketShare: 0.25m) with { Municipality = "Aalborg", LowRentShare = 0.5m };

    private static Gen<Item> ItemsOver(params Department[] departments) =>
        from department in Gen.Elements(departments)
        from category in Gen.Frequency(
            (6, Gen.Constant<DwellingCategory?>(DwellingCategory.Family)),
            (2, Gen.Constant<DwellingCategory?>(DwellingCategory.Youth)),
            (1, Gen.Constant<DwellingCategory?>(DwellingCategory.Elderly)),
            (1, Gen.Constant<DwellingCategory?>(DwellingCategory.Accessible)))
        from programme in Gen.Frequency(
            (8, Gen.Constant<string?>(null)),
            (1, Gen.Elements<string?>("accessible-full", "new-small")))
        from stairwell in Gen.Elements<string?>(null, "A", "A", "B")
        from day in Gen.Choose(0, 730)
        select new Item(department, Vacancies.Of("?", department.Id, category, programme) with { Stairwell = stairwell }, new DateOnly(2024, 1, 1).AddDays(day));

    /// <summary>Distinct vacancy ids in stream order, and dates that never go back (the guard's period rolls forward).</summary>
    private static IReadOnlyList<Item> Number(Item[] stream)
    {
        var days = stream.Select(i => i.On).Order().ToArray();
        return stream.Select((item, i) => item with { Vacancy = item.Vacancy with { Id = $"V{i.ToString("000", CultureInfo.InvariantCulture)}" }, On = days[i] }).ToList();
    }

    private static (List<RoutingDecision> Decisions, Ledger Ledger) OneByOne(RulePack pack, IEnumerable<Item> items, Ledger ledger)
    {
        var decisions = new List<RoutingDecision>();
        foreach (var item in items)
        {
            var result = pack.Route(item.Department, item.Vacancy, ledger, item.On);
            decisions.Add(result.Decision);
            ledger = result.Ledger;
        }

        return (decisions, ledger);
    }

    private static string Describe(RoutingDecision d) => Routing.Describe(d) + "|marks " + string.Join(",", d.Marks);
}
