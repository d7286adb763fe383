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
/// Laws of vacancy routing (DESIGN §5.2, issue 3): after N counted vacancies the municipality has had exactly ⌊N·p⌋ for
/// every share p; a stream split into batches with the ledger carried between them (as JSON) decides as one run does;
/// interleaving departments changes no department's sequence; a corrupted ledger is refused, never silently altered.
/// </summary>
public sealed class RoutingPropertiesTests
{
    private const int Cases = 300;

    private static readonly DateOnly On = new(2025, 3, 1);

    #region ⌊N·p⌋

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property Route_NCountedVacanciesUnderAnyShare_GiveExactlyFloorOfNTimesPMunicipalAllocations()
    {
        // p = a/b with 0 ≤ a ≤ b ≤ 60, through a pack loaded from text whose tier has that share; the department's
        // flexible-letting share q = c/100 is applied the same way to the non-municipal vacancies.
        var cases = Arb.From(
            from b in Gen.Choose(1, 60)
            from a in Gen.Choose(0, b)
            from n in Gen.Choose(0, 240)
            from c in Gen.Choose(0, 100)
            select (a, b, n, c));
        return Prop.ForAll(cases, x =>
            {
                var share = $"{x.a.ToString(CultureInfo.InvariantCulture)}/{x.b.ToString(CultureInfo.InvariantCulture)}";
                var pack = TinyPack.Load(share);
                var department = Build.Department("T-1", residents: TinyPack.TierA) with { FlexibleLettingShare = x.c / 100m };

                var (decisions, ledger) = Routing.RouteAll(pack, department, Vacancies.Numbered("T-1", DwellingCategory.Family, x.n), pack.NewLedger(), On);

                long municipal = 0;
                for (var k = 1; k <= x.n; k++)
                {
                    var expected = (long)k * x.a / x.b > (long)(k - 1) * x.a / x.b;
                    Assert.True(expected == (decisions[k - 1].Route == VacancyRoute.Municipal), $"p = {share}, k = {k}: {decisions[k - 1].Route}");
                    municipal += expected ? 1 : 0;
                    Assert.Equal((long)k * x.a / x.b, municipal);
                }

                var flexible = decisions.Count(d => d.Route == VacancyRoute.Flexible);
                Assert.Equal((x.n - municipal) * x.c / 100, flexible);
                Assert.Equal(x.n, ledger.ChangeCounter);
                if (x.n > 0)
                {
                    Assert.Equal(new LedgerCounter("T-1", "family", "a", x.n, (long)x.n * x.a / x.b, flexible), ledger.Find("T-1", "family"));
                }
            });
    }

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property Hits_AnyShareAndAnyLargeCount_CountsExactlyFloorOfNTimesP()
    {
        // The number of hits in (m, m + w] is ⌊(m + w)·p⌋ − ⌊m·p⌋, also for counts far beyond 32 bits.
        var cases = Arb.From(
            from b in Gen.Choose(1, 60)
            from a in Gen.Choose(0, b)
            from high in Gen.Choose(0, int.MaxValue)
            from width in Gen.Choose(1, 200)
            select (a, b, m: (long)high * 1_000_003L, width));
        return Prop.ForAll(cases, x =>
            {
                var p = new Fraction(x.a, x.b);
                var hits = Enumerable.Range(1, x.width).LongCount(i => Router.Hits(x.m + i, p));
                var expected = (System.Numerics.BigInteger)(x.m + x.width) * x.a / x.b - (System.Numerics.BigInteger)x.m * x.a / x.b;
                Assert.Equal(expected, hits);
            });
    }

    #endregion

    #region Batches, interleaving

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property Route_StreamSplitIntoBatchesWithTheLedgerCarriedAsJson_DecidesAsOneRun()
    {
        var cases = Arb.From(
            from scenario in Scenarios
            from n in Gen.Choose(0, 80)
            from stream in Gen.ArrayOf(scenario.Item, n)
            from cuts in Gen.ArrayOf(Gen.Choose(0, n), 4)
            select (scenario.Pack, Stream: Number(stream), Cuts: cuts.Distinct().Order().ToArray()));
        return Prop.ForAll(cases, x =>
            {
                var pack = Repo.Pack(x.Pack);
                var (oneRun, oneLedger) = Run(pack, x.Stream, pack.NewLedger());

                var decisions = new List<RoutingDecision>();
                var ledger = pack.NewLedger();
                var start = 0;
                foreach (var end in x.Cuts.Append(x.Stream.Count))
                {
                    var stored = ledger.ToJson();
                    ledger = Ledger.Parse(stored, "ledger.json", pack.Id).GetValueOrThrow();
                    var (batch, after) = Run(pack, x.Stream.Skip(start).Take(end - start), ledger);
                    decisions.AddRange(batch);
                    ledger = after;
                    start = end;
                }

                Assert.Equal(oneRun.Select(Routing.Describe), decisions.Select(Routing.Describe));
                Assert.Equal(oneLedger.ToJson(), ledger.ToJson());
            });
    }

    [Property(MaxTest = Cases, Replay = Laws.Replay)]
    public Property Route_DepartmentsInterleavedInAnyOrder_GiveEachDepartmentTheSequenceItHasAlone()
    {
        var cases = Arb.From(
            from scenario in Scenarios
            from n in Gen.Choose(0, 80)
            from stream in Gen.ArrayOf(scenario.Item, n)
            from order in Gen.Shuffle(Enumerable.Range(0, n))
            select (scenario.Pack, Stream: Number(stream), Order: order));
        return Prop.ForAll(cases, x =>
            {
                var pack = Repo.Pack(x.Pack);

                // The same per-department order, interleaved differently: stable by department, shuffled across.
                var interleaved = Interleave(x.Stream, x.Order);
                var (mixed, mixedLedger) = Run(pack, interleaved, pack.NewLedger());
                var (grouped, groupedLedger) = Run(pack, x.Stream.OrderBy(i => i.Department.Id, StringComparer.Ordinal), pack.NewLedger());

                foreach (var id in x.Stream.Select(i => i.Department.Id!).Distinct())
                {
                    var alone = Run(pack, x.Stream.Where(i => i.Department.Id == id), pack.NewLedger()).Decisions;
                    Assert.Equal(alone.Select(Routing.Describe), mixed.Where(d => d.DepartmentId == id).Select(Routing.Describe));
                }

                Assert.Equal(groupedLedger.ToJson(), mixedLedger.ToJson());
                Assert.Equal(grouped.Count, mixed.Count);
            });
    }

    #endregion

    #region Corrupt ledgers

    [Property(MaxTest = Cases * 3, Replay = Laws.Replay)]
    public Property Parse_CorruptedLedger_NeverThrowsAndIsRefusedOrKeepsTheSameCounts()
    {
        return Prop.ForAll(Arb.From(CorruptLedgers), x =>
            {
                var parsed = Ledger.Parse(x.Corrupted, "ledger.json", x.Original.PackId);

                if (parsed.Value is null)
                {
                    Assert.Contains(parsed.Diagnostics, d => d.Severity == RentalRules.Diagnostics.Severity.Error);
                    return;
                }

                Assert.Equal(x.Original.PackId, parsed.Value.PackId);
                Assert.Equal(x.Original.ChangeCounter, parsed.Value.ChangeCounter);
                Assert.Equal(x.Original.Counters, parsed.Value.Counters);
            });
    }

    [Property(MaxTest = Cases * 3, Replay = Laws.Replay)]
    public Property Parse_CorruptedLedger_IsRefusedOrExactlyEqual()
    {
        return Prop.ForAll(Arb.From(CorruptLedgers), x =>
            {
                var parsed = Ledger.Parse(x.Corrupted, "ledger.json", x.Original.PackId);

                Assert.True(parsed.Value is null || parsed.Value.ToJson() == x.Original.ToJson(), $"accepted a changed ledger:\n{x.Corrupted}");
            });
    }

    #endregion

    #region Generators

    /// <summary>A vacancy with the department state it arose in (a department can change tier within a stream).</summary>
    private sealed record Item(Department Department, Vacancy Vacancy);

    private sealed record Scenario(string Pack, Gen<Item> Item);

    /// <summary>A shipped pack with a few departments in different tiers, one of them changing tier between vacancies.</summary>
    private static Gen<Scenario> Scenarios => Gen.Elements(
        new Scenario("holbaek-2024", ItemsOver(
            Build.Department("HB-G", 0.20m),
            Build.Department("HB-N", 0.25m) with { FlexibleLettingShare = null },
            Build.Department("HB-Y", 0.38m) with { Flags = ["particularProblems"] },
            Build.Department("HB-R", 0.50m),
            Build.Department("HB-U", null),
            Build.Department("HB-X", 0.20m),
            Build.Department("HB-X", 0.40m))),
        new Scenario("hoeje-taastrup-2023", ItemsOver(
            Build.Department("HT-PARKVEJ", 0.33m, 0.017m, 1400) with { Designation = Designation.Prevention },
            Build.Department("HT-GREEN", 0.18m, 0.004m, 1200) with { FlexibleLettingShare = 0.5m },
            Build.Department("HT-TAASTRUP", 0.46m, 0.031m, 2100) with { Designation = Designation.Transformation, DevelopmentPlan = true },
            Build.Department("HT-RENOV", 0.48m, 0.028m, 800) with { Designation = Designation.Vulnerable, Rehousing = true },
            Build.Department("HT-SMALL", 0.44m, 0.009m, 420),
            Build.Department("HT-X", 0.18m, 0.004m, 1200),
            Build.Department("HT-X", 0.33m, 0.017m, 1400) with { Designation = Designation.Prevention })),
        new Scenario("dk-baseline", ItemsOver(
            Build.Department("DK-1"),
            Build.Department("DK-2") with { FlexibleLettingShare = null })));

    private static Gen<Item> ItemsOver(params Department[] departments) =>
        from department in Gen.Elements(departments)
        from category in Gen.Frequency(
            (6, Gen.Constant<DwellingCategory?>(DwellingCategory.Family)),
            (2, Gen.Constant<DwellingCategory?>(DwellingCategory.Youth)),
            (1, Gen.Constant<DwellingCategory?>(DwellingCategory.Elderly)),
            (2, Gen.Constant<DwellingCategory?>(DwellingCategory.Accessible)),
            (1, Gen.Constant<DwellingCategory?>(null)))
        from programme in Gen.Frequency(
            (6, Gen.Constant<string?>(null)),
            (1, Gen.Elements<string?>("accessible-full", "accessible-half", "new-small", "other")))
        select new Item(department, Vacancies.Of("?", department.Id, category, programme));

    /// <summary>Gives the vacancies of a stream distinct ids in stream order.</summary>
    private static IReadOnlyList<Item> Number(Item[] stream)
        => stream.Select((item, i) => item with { Vacancy = item.Vacancy with { Id = $"V{i.ToString("000", CultureInfo.InvariantCulture)}" } }).ToList();

    /// <summary>
    /// Reorders a stream by a permutation while keeping each department's vacancies in their order: the permutation
    /// decides which department's turn each slot is, and each department's next vacancy fills it.
    /// </summary>
    private static List<Item> Interleave(IReadOnlyList<Item> stream, int[] order)
    {
        var queues = stream.GroupBy(i => i.Department.Id!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new Queue<Item>(g), StringComparer.Ordinal);
        return order.Select(i => queues[stream[i].Department.Id!].Dequeue()).ToList();
    }

    private static (List<RoutingDecision> Decisions, Ledger Ledger) Run(RulePack pack, IEnumerable<Item> items, Ledger ledger)
    {
        var decisions = new List<RoutingDecision>();
        foreach (var item in items)
        {
            var result = pack.Route(new RoutingRequest(item.Department, item.Vacancy, On) { Ledger = ledger });
            decisions.Add(result.Decision);
            ledger = result.Ledger;
        }

        return (decisions, ledger);
    }

    /// <summary>A valid ledger from a random stream, and its JSON with one corruption: a digit changed, a line deleted, or truncated.</summary>
    private static Gen<(Ledger Original, string Corrupted)> CorruptLedgers =>
        from scenario in Scenarios
        from n in Gen.Choose(1, 60)
        from stream in Gen.ArrayOf(scenario.Item, n)
        from kind in Gen.Choose(0, 2)
        from at in Gen.Choose(0, int.MaxValue)
        from step in Gen.Choose(1, 9)
        let ledger = Run(Repo.Pack(scenario.Pack), Number(stream), Repo.Pack(scenario.Pack).NewLedger()).Ledger
        select (ledger, Corrupt(ledger.ToJson(), kind, at, step));

    private static string Corrupt(string json, int kind, int at, int step)
    {
        switch (kind)
        {
            case 0:
                var digits = json.Select((c, i) => (c, i)).Where(x => char.IsAsciiDigit(x.c)).Select(x => x.i).ToArray();
                var i = digits[at % digits.Length];
                var changed = (char)('0' + ((json[i] - '0' + step) % 10));
                return string.Concat(json.AsSpan(0, i), changed.ToString(), json.AsSpan(i + 1));
            case 1:
                var lines = json.Split('\n').ToList();
                lines.RemoveAt(at % (lines.Count - 1));
                return string.Join('\n', lines);
            default:
                return json[..(at % json.TrimEnd().Length)];
        }
    }

    #endregion
}
