using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Json;
using RentalRules.Tests.Infrastructure;
using RentalRules.Tests.Properties;

namespace RentalRules.Tests.Fuzz;

/// <summary>A pack text to load, with where it came from (for the failure message) and the pack it was made from.</summary>
/// <param name="File">The file name the loader is given.</param>
/// <param name="Text">The text.</param>
/// <param name="Origin">The shipped pack it mutates, or <c>null</c> for a pack generated from scratch.</param>
/// <param name="How">The mutations, in words.</param>
public sealed record FuzzPack(string File, string Text, string? Origin, string How)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File} ({How}), {Text.Length} chars";
}

/// <summary>Facts for one pack: departments, households, vacancies and a ledger's counters.</summary>
/// <param name="Departments">Departments.</param>
/// <param name="Households">Households.</param>
/// <param name="Vacancies">Vacancies.</param>
/// <param name="Counters">Counters to seed the ledger with (counts up to the ledger's limit).</param>
/// <param name="On">The evaluation date.</param>
public sealed record FuzzFacts(IReadOnlyList<Department> Departments, IReadOnlyList<Household> Households, IReadOnlyList<Vacancy> Vacancies, IReadOnlyList<LedgerCounter> Counters, DateOnly On)
{
    /// <summary>How many fact items.</summary>
    public int Count => Departments.Count + Households.Count + Vacancies.Count + Counters.Count;

    /// <inheritdoc/>
    public override string ToString()
        => $"{Departments.Count} departments, {Households.Count} households, {Vacancies.Count} vacancies, {Counters.Count} counters, on {On:yyyy-MM-dd}";
}

/// <summary>A fact file's text, with markers planted in its values (never in ids).</summary>
/// <param name="Kind">departments, households, vacancies or ledger.</param>
/// <param name="Text">The text.</param>
/// <param name="How">The mutations, in words.</param>
public sealed record FuzzFactFile(string Kind, string Text, string How)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind} ({How}), {Text.Length} chars";
}

/// <summary>
/// Generators for the fuzz run: mutations of the shipped packs (delete, duplicate, retype, extreme value, renamed id,
/// replaced condition, truncated value or text), small packs generated from scratch, facts with extreme values, and
/// fact files with marker values planted in them.
/// </summary>
internal static class FuzzInputs
{
    /// <summary>A value planted in household facts; no error text may contain it.</summary>
    public const string Marker = "ZQXMARKER7";

    /// <summary>A number planted in household facts; no error text may contain it.</summary>
    public const string MarkerNumber = "73519374613";

    private static readonly (string File, string Text)[] ShippedPacks =
    [
        .. Directory.GetFiles(Repo.Path("rules"), "*.json").Concat(Directory.GetFiles(Repo.Path("rules", "examples"), "*.json"))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))),
    ];

    private static readonly (string Kind, string Text)[] SampleFactFiles =
    [
        ("departments", File.ReadAllText(Repo.Path("samples", "holbaek", "departments.json"))),
        ("departments", File.ReadAllText(Repo.Path("samples", "hoeje-taastrup", "departments.json"))),
        ("departments", File.ReadAllText(Repo.Path("samples", "examples", "departments.json"))),
        ("households", File.ReadAllText(Repo.Path("samples", "holbaek", "households.json"))),
        ("households", File.ReadAllText(Repo.Path("samples", "hoeje-taastrup", "households.json"))),
        ("households", File.ReadAllText(Repo.Path("samples", "ComparingDrafts", "households.json"))),
        ("vacancies", File.ReadAllText(Repo.Path("samples", "holbaek", "vacancies.json"))),
        ("vacancies", File.ReadAllText(Repo.Path("samples", "hoeje-taastrup", "vacancies.json"))),
        ("vacancies", File.ReadAllText(Repo.Path("samples", "examples", "vacancies-aalborg.json"))),
        ("ledger", SampleLedger()),
    ];

    private static readonly string[] ExtremeNumbers =
    [
        "0", "-1", "-0", "1e400", "-1e-400", "1e28", "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950335",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "2147483648", "9007199254740991", "9007199254740992",
        "0.0000000000000000000000000001", "0.00000000000000000000000000001", "28", "1.5", "100",
    ];

    private static readonly string[] ExtremeStrings =
    [
        "0001-01-01", "9999-12-31", "0000-01-01", "10000-01-01", "2024-02-30", "", " ", "1/0", "0/1", "1/1", "-1/2", "28", "28 %", "99999999999999999999/1",
        "1/99999999999999999999", "9007199254740991/9007199254740992", "æøå", "\u0000", new string('x', 5000),
    ];

    private static readonly string[] ExtremeConditions =
    [
        "department.keyFigures.outsideLabourMarketShare / 0 > 0",
        "department.residents / (department.dwellings - department.dwellings) > 1",
        "department.residents * 99999999999999999999999999 > 1",
        "department.residents * department.residents * department.residents * department.residents > 0",
        "on + 3652059 days > on",
        "on - 3652059 days < on",
        "on + 120000 months > on",
        "on - 20 years < on",
        "date('9999-12-31') + 1 days > on",
        "date('0001-01-01') - 1 days < on",
        "applicant.age > 10000",
        "any(m in household.members: within(m.birthDate, 9999 years))",
        "sum(e in member.employment: e.monthlyGrossIncome * 79228162514264337593543950335) > 0",
        "sum(e in member.employment: e.monthlyGrossIncome / 0) > 0",
        "count(household.members) > 2147483647",
        "vacancy.rent * 99999999999999999999999999 > 0",
        "vacancy.rent / 0 > 1",
        "true", "false", "not true", "known(department.nope)", "",
    ];

    /// <summary>A pack: mostly a mutation of a shipped one, sometimes one generated from scratch.</summary>
    public static Gen<FuzzPack> Pack => Gen.Frequency((7, MutatedPack), (2, GeneratedPack), (1, TextMutatedPack));

    /// <summary>Facts for one pack, with extreme values now and then.</summary>
    public static Gen<FuzzFacts> Facts =>
        from departments in FactGenerators.SmallList(Department, 3)
        from households in FactGenerators.SmallList(FactGenerators.Household, 2)
        from vacancies in FactGenerators.SmallList(VacancyFor(departments), 3)
        from counters in FactGenerators.SmallList(CounterFor(departments), 3)
        from day in FactGenerators.EvaluationDate
        select new FuzzFacts(departments, households, vacancies, counters, day);

    /// <summary>A fact file (sample files with markers planted, then mutated), or a ledger file.</summary>
    public static Gen<FuzzFactFile> FactFile =>
        from sample in Gen.Elements(SampleFactFiles)
        from plantSeed in Gen.Choose(0, int.MaxValue)
        from n in Gen.Choose(0, 3)
        from mutations in Gen.ListOf(FactMutation, n)
        from cut in Gen.Frequency((4, Gen.Constant(-1)), (1, Gen.Choose(0, int.MaxValue)))
        from token in Gen.Elements(TextTokens)
        from at in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, int.MaxValue)))
        let planted = Plant(Parse(sample.Text), plantSeed, sample.Kind != "ledger")
        let mutated = mutations.Aggregate(planted, (node, m) => m.Apply(node))
        let text = EditText(JNodeWriter.Write(mutated), cut, at, token)
        select new FuzzFactFile(sample.Kind, text, Describe(mutations, cut, at, token));

    private static readonly string[] TextTokens = ["nul}", "\"to\": nul}", ",", "{", "]", "\"", "\\", "tru", "1e400", "\"\\ud800\"", "//", "\uFEFF"];

    private static Gen<FuzzPack> MutatedPack =>
        from pack in Gen.Elements(ShippedPacks)
        from n in Gen.Frequency((6, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Choose(3, 6)))
        from mutations in Gen.ListOf(Mutation, n)
        from cut in Gen.Frequency((9, Gen.Constant(-1)), (1, Gen.Choose(0, int.MaxValue)))
        select new FuzzPack(pack.File, EditText(JNodeWriter.Write(mutations.Aggregate(Parse(pack.Text), (node, m) => m.Apply(node))), cut, -1, ""), pack.File, Describe(mutations, cut, -1, ""));

    private static Gen<FuzzPack> TextMutatedPack =>
        from pack in Gen.Elements(ShippedPacks)
        from cut in Gen.Frequency((1, Gen.Constant(-1)), (1, Gen.Choose(0, int.MaxValue)))
        from token in Gen.Elements(TextTokens)
        from at in Gen.Choose(0, int.MaxValue)
        select new FuzzPack(pack.File, EditText(pack.Text, cut, at, token), pack.File, Describe([], cut, at, token));

    /// <summary>Mutations of fact files: all but renaming, which could move a planted value into an id (ids may appear in errors).</summary>
    private static Gen<FuzzMutation> FactMutation => Mutation.Where(m => m.Kind != 4);

    private static Gen<FuzzMutation> Mutation =>
        from kind in Gen.Choose(0, 6)
        from target in Gen.Choose(0, int.MaxValue)
        from pick in Gen.Choose(0, int.MaxValue)
        select new FuzzMutation(kind, target, pick);

    private static Gen<Department> Department => Gen.Frequency(
        (6, FactGenerators.Department),
        (1, from d in FactGenerators.Department
            from residents in Gen.Elements<int?>(int.MaxValue, int.MinValue, 0, -1)
            from dwellings in Gen.Elements<int?>(int.MaxValue, 0, -1)
            from share in Gen.Elements<decimal?>(decimal.MaxValue, decimal.MinValue, 28m, -1m, 0.0000000000000000000000000001m)
            select d with
            {
                Residents = residents,
                Dwellings = dwellings,
                TurnoverRate = share,
                FlexibleLettingShare = share,
                KeyFigures = (d.KeyFigures ?? new KeyFigures()) with { OutsideLabourMarketShare = share, IncomeRatio = share, AsOf = DateOnly.MaxValue },
                PrivateTakeover = DateOnly.MinValue,
                DecidedTiers = [new DecidedTier { Tier = "green", From = DateOnly.MinValue }, new DecidedTier { Tier = "red", From = DateOnly.MaxValue }, new DecidedTier()],
            }));

    private static Gen<Vacancy> VacancyFor(IReadOnlyList<Department> departments) =>
        from id in FactGenerators.MaybeRef(Gen.Elements("V-1", "V-2", "V-3"))
        from department in FactGenerators.MaybeRef(Gen.Elements([.. departments.Select(d => d.Id ?? "D-1"), "D-1", "elsewhere"]))
        from category in FactGenerators.Maybe(Gen.Elements(Enum.GetValues<DwellingCategory>()))
        from programme in FactGenerators.MaybeRef(Gen.Elements("accessible-full", "accessible-half", "new-small", "x"))
        from rent in FactGenerators.Maybe(Gen.Frequency((6, Gen.Choose(0, 20_000).Select(i => (decimal)i)), (1, Gen.Elements(decimal.MaxValue, -1m, 4999.99m, 5000m))))
        from area in FactGenerators.Maybe(Gen.Frequency((6, Gen.Choose(0, 200).Select(i => (decimal)i)), (1, Gen.Elements(decimal.MaxValue, 0m))))
        from rooms in FactGenerators.Maybe(Gen.Frequency((6, Gen.Choose(0, 8)), (1, Gen.Elements(int.MaxValue, -1))))
        from vacated in FactGenerators.Maybe(FactGenerators.AnyDate)
        from stairwell in FactGenerators.MaybeRef(Gen.Elements("A", "B", ""))
        from first in FactGenerators.Maybe(Gen.Elements(true, false))
        select new Vacancy { Id = id, Department = department, Category = category, Programme = programme, Rent = rent, Area = area, Rooms = rooms, VacatedOn = vacated, Stairwell = stairwell, FirstLetting = first };

    private static Gen<LedgerCounter> CounterFor(IReadOnlyList<Department> departments) =>
        from department in Gen.Elements([.. departments.Select(d => d.Id ?? "D-1"), "D-1"])
        from counter in Gen.Elements("family", "youth", "default", "", "elderly", "allocations", "x")
        from tier in Gen.Elements("green", "yellow", "red", "a", "b", "x")
        from counted in Gen.Frequency((4, Gen.Choose(0, 100).Select(i => (long)i)), (1, Gen.Elements(Ledger.MaxCount, Ledger.MaxCount - 1, Ledger.MaxCount - 2)))
        from municipal in Gen.Choose(0, 100)
        from flexible in Gen.Choose(0, 100)
        let m = Math.Min(municipal, counted)
        select new LedgerCounter(department, counter, tier, counted, m, Math.Min(flexible, counted - m));

    /// <summary>Small packs from scratch: tiers, parameters dated anywhere, placement rules over key figures, criteria and routing.</summary>
    private static Gen<FuzzPack> GeneratedPack =>
        from tiers in Gen.Choose(1, 4)
        from shares in Gen.ListOf(Gen.Frequency((9, Gen.Elements("1/4", "0", "1/1", "1/3", "7/9", "1/100000")), (1, Gen.Elements("1/0", "2/1", "0.25"))), 4)
        from rules in Gen.ListOf(
            from share in Gen.Elements(true, false)
            from fact in share
                ? Gen.Elements("keyFigures.outsideLabourMarketShare", "turnoverRate", "keyFigures.convictedShare")
                : Gen.Elements("residents", "dwellings", "keyFigures.incomeRatio")
            from op in Gen.Elements("<", "<=", ">", ">=", "=", "!=")
            from threshold in share ? Gen.Elements("param.p0", "0.3", "0", "1") : Gen.Elements("param.p1", "1000", "0", "-1")
            from tier in Gen.Choose(0, 3)
            select (Condition: $"department.{fact} {op} {threshold}", Tier: tier),
            6)
        from extreme in Gen.Elements(ExtremeConditions)
        from dates in Gen.ListOf(Gen.Elements("0001-01-01", "9999-12-31", "2024-07-01", "2020-01-01", "1900-02-28", "2024-02-29"), 3)
        from values in Gen.ListOf(Gen.Frequency((9, Gen.Elements("0.3", "0", "1", "0.45", "0.000000000000000001")), (1, Gen.Elements("1000", "-1", "0.0000000000000000000000000001", "79228162514264337593543950335"))), 3)
        from hit in Gen.Frequency((9, Gen.Elements("first", "unique")), (1, Gen.Constant("any")))
        from validTo in Gen.Elements<string?>(null, "9999-12-31", "0001-01-01", "2030-12-31")
        from onTierChange in Gen.Elements<string?>(null, "carry", "keep")
        from guard in Gen.Elements(false, true)
        select new FuzzPack("generated.json", GeneratedPackText(tiers, shares, rules, extreme, dates, values, hit, validTo, onTierChange, guard), null, $"generated: {tiers} tiers, {rules.Count} rules, hit {hit}, extreme '{extreme}'");

    private static string GeneratedPackText(
        int tierCount,
        IReadOnlyList<string> shares,
        IReadOnlyList<(string Condition, int Tier)> rules,
        string extreme,
        IReadOnlyList<string> dates,
        IReadOnlyList<string> values,
        string hitPolicy,
        string? validTo,
        string? onTierChange,
        bool guard)
    {
        var reason = new { da = "Grund.", en = "Reason." };
        var tierIds = Enumerable.Range(0, tierCount).Select(i => $"t{i}").ToArray();
        var tiers = tierIds.Select((id, i) => (id, (object)new Dictionary<string, object?>
        {
            ["label"] = new { da = id, en = id },
            ["clause"] = "§ 1",
            ["municipalShare"] = shares[i],
            ["flexibleLetting"] = new { rule = i % 2 == 0 ? "agreed" : "none", clause = "§ 1" },
            ["specialCriteria"] = i == 0 ? new { share = "1/2", criteriaSet = "s0", clause = "§ 1" } : null,
            ["routes"] = new
            {
                municipal = new { requirements = Array.Empty<object>() },
                flexible = new { requirements = new object[] { new { id = $"req-{id}", criteriaSet = "s0", clause = "§ 1", when = extreme, reason } } },
                waitingList = new { requirements = Array.Empty<object>() },
            },
        })).ToDictionary(t => t.id, t => t.Item2);
        var placement = rules.Select((r, i) => new { id = $"rule-{i}", clause = "§ 1", when = i == 0 ? extreme : r.Condition, tier = tierIds[r.Tier % tierCount], reason }).ToArray();
        var parameters = new Dictionary<string, object>
        {
            ["p0"] = new { unit = "share", clause = "§ 1", values = dates.Zip(values).DistinctBy(v => v.First).Select(v => new { from = v.First, value = decimal.Parse(v.Second, CultureInfo.InvariantCulture) }).ToArray() },
            ["p1"] = new { unit = "count", clause = "§ 1", values = new[] { new { from = dates[0], value = 1000m } } },
        };
        var pack = new Dictionary<string, object?>
        {
            ["id"] = "generated",
            ["version"] = "1.0.0",
            ["title"] = "Generated",
            ["status"] = "illustrative",
            ["validFrom"] = "0001-01-01",
            ["validTo"] = validTo,
            ["clauses"] = new Dictionary<string, object> { ["§ 1"] = new { title = "Everything" } },
            ["parameters"] = parameters,
            ["tiers"] = tiers,
            ["placement"] = new { hitPolicy, rules = placement },
            ["criteriaSets"] = new Dictionary<string, object>
            {
                ["s0"] = new
                {
                    title = new { da = "Sæt", en = "Set" },
                    clause = "§ 1",
                    combine = "all",
                    criteria = new object[]
                    {
                        new { id = "c0", clause = "§ 1", title = new { da = "Grænse", en = "Bound" }, condition = extreme },
                        new { id = "c1", clause = "§ 1", title = new { da = "Alder", en = "Age" }, condition = "applicant.age >= 18" },
                    },
                },
            },
            ["routing"] = new Dictionary<string, object?>
            {
                ["onTierChange"] = onTierChange is null ? null : new { counters = onTierChange, clause = "§ 1", reason },
                ["concentration"] = guard
                    ? new { department = new { max = "param.p1", months = 12 }, stairwell = new { max = 1, months = 1200 }, clause = "§ 1", reason }
                    : null,
                ["rules"] = new object[]
                {
                    new { id = "r-family", clause = "§ 1", when = "vacancy.category = 'family'", counter = "family", share = "tier", reason },
                    new { id = "r-extreme", clause = "§ 1", when = extreme.Contains("vacancy", StringComparison.Ordinal) ? extreme : "vacancy.category = 'youth'", counter = "youth", share = "1/2", reason },
                },
            },
        };
        return JsonSerializer.Serialize(pack, new JsonSerializerOptions { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
    }

    private static string SampleLedger()
    {
        var pack = Repo.Pack("holbaek-2024");
        var ledger = pack.NewLedger()
            .WithCounter(new LedgerCounter("HB-101", "family", "green", Ledger.MaxCount - 1, 3, 1))
            .WithCounter(new LedgerCounter("HB-102", "family", "yellow", 12, 3, 2));
        return ledger.ToJson();
    }

    private static JNode Parse(string text) => JsonText.Parse(text, "<fuzz>").Node!;

    /// <summary>Replaces about one value in four (strings and numbers, never ids) by a marker.</summary>
    private static JNode Plant(JNode root, int seed, bool plant)
    {
        if (!plant)
        {
            return root;
        }

        var random = new Random(seed);
        return Walk(root, null);

        JNode Walk(JNode node, string? name)
        {
            switch (node.Kind)
            {
                case JKind.Object:
                    return node.With(properties: node.Properties.Select(p => p with { Value = Walk(p.Value, p.Name) }).ToList());
                case JKind.Array:
                    return node.With(items: node.Items.Select(i => Walk(i, name)).ToList());
                case JKind.String when name is not ("id" or "department") && random.Next(4) == 0:
                    return new JNode(JKind.String, node.Location, random.Next(2) == 0 ? Marker : $"{node.Text}{Marker}");
                case JKind.Number when random.Next(4) == 0:
                    return new JNode(JKind.Number, node.Location, random.Next(2) == 0 ? MarkerNumber : "0." + MarkerNumber);
                default:
                    return node;
            }
        }
    }

    private static string EditText(string text, int cut, int at, string token)
    {
        if (at >= 0)
        {
            text = text.Insert(at % (text.Length + 1), token);
        }

        return cut < 0 ? text : text[..(cut % (text.Length + 1))];
    }

    private static string Describe(IReadOnlyList<FuzzMutation> mutations, int cut, int at, string token)
        => string.Join(", ", mutations.Select(m => m.ToString()).Concat(at >= 0 ? [$"insert '{token}' at {at}"] : []).Concat(cut >= 0 ? [$"cut at {cut}"] : [])) is { Length: > 0 } s ? s : "none";

    /// <summary>
    /// A structural edit of a JSON tree at a node given as a raw number taken modulo the tree's size: delete it,
    /// duplicate it (an array item, or an object property under the same name), change its type, give it an extreme
    /// value, rename an id or a key (often to another one of the same tree), replace a condition, or truncate it.
    /// </summary>
    internal sealed record FuzzMutation(int Kind, int Target, int Pick)
    {
        private static readonly string[] Kinds = ["delete", "duplicate", "retype", "extreme", "rename", "condition", "truncate"];

        /// <inheritdoc/>
        public override string ToString() => $"{Kinds[Kind % Kinds.Length]}@{Target}/{Pick}";

        public JNode Apply(JNode root)
        {
            var count = Count(root);
            if (count < 2)
            {
                return root;
            }

            var names = new List<string>();
            Names(root, names);
            var index = 0;
            return Rewrite(root, null, 1 + (Target % (count - 1)), ref index, names) ?? root;
        }

        private static int Count(JNode node) => 1 + node.Properties.Sum(p => Count(p.Value)) + node.Items.Sum(Count);

        private static void Names(JNode node, List<string> names)
        {
            foreach (var p in node.Properties)
            {
                if (p.Name == "id" && p.Value.Kind == JKind.String)
                {
                    names.Add(p.Value.Text!);
                }

                if (p.Value.Kind == JKind.Object && p.Name is "tiers" or "criteriaSets" or "clauses" or "parameters" or "marks" or "counters")
                {
                    names.AddRange(p.Value.Properties.Select(q => q.Name));
                }

                Names(p.Value, names);
            }

            foreach (var item in node.Items)
            {
                Names(item, names);
            }
        }

        private JNode? Rewrite(JNode node, string? name, int target, ref int index, List<string> names)
        {
            if (index++ == target)
            {
                return Edit(node, name, names);
            }

            if (node.Kind == JKind.Object)
            {
                var properties = new List<JProperty>();
                foreach (var p in node.Properties)
                {
                    var at = index;
                    var value = Rewrite(p.Value, p.Name, target, ref index, names);
                    if (value is not null)
                    {
                        properties.Add(p with { Value = value });
                        if (Kind == 1 && at == target)
                        {
                            properties.Add(p with { Value = value });
                        }
                    }
                }

                return node.With(properties: properties);
            }

            if (node.Kind == JKind.Array)
            {
                var items = new List<JNode>();
                foreach (var item in node.Items)
                {
                    var at = index;
                    var value = Rewrite(item, name, target, ref index, names);
                    if (value is not null)
                    {
                        items.Add(value);
                        if (Kind == 1 && at == target)
                        {
                            items.Add(value);
                        }
                    }
                }

                return node.With(items: items);
            }

            return node;
        }

        private JNode? Edit(JNode node, string? name, List<string> names)
        {
            var at = node.Location;
            switch (Kind)
            {
                case 0:
                    return null;
                case 1:
                    // Duplicated by the parent (above), as an array item or a property of the same name.
                    return node;
                case 2:
                    JNode[] others =
                    [
                        new(JKind.String, at, "x"), new(JKind.String, at, ""), new(JKind.Number, at, "0"), new(JKind.Number, at, "-1.5e3"),
                        new(JKind.True, at), new(JKind.False, at), new(JKind.Null, at), new(JKind.Object, at), new(JKind.Array, at),
                        new(JKind.Array, at, items: [new(JKind.Number, at, "1")]),
                    ];
                    var candidates = others.Where(o => o.Kind != node.Kind).ToArray();
                    return candidates[Pick % candidates.Length];
                case 3:
                    return node.Kind switch
                    {
                        JKind.Number => new JNode(JKind.Number, at, ExtremeNumbers[Pick % ExtremeNumbers.Length]),
                        JKind.String => new JNode(JKind.String, at, ExtremeStrings[Pick % ExtremeStrings.Length]),
                        JKind.Array => node.With(items: [.. Enumerable.Repeat(node.Items.FirstOrDefault() ?? new JNode(JKind.Null, at), 1 + (Pick % 300))]),
                        _ => new JNode(JKind.Number, at, ExtremeNumbers[Pick % ExtremeNumbers.Length]),
                    };
                case 4:
                    if (node.Kind == JKind.Object && node.Properties.Count > 0)
                    {
                        // Rename a key: to another key of the same object (a duplicate), an id of the tree, or a fresh name.
                        var i = Pick % node.Properties.Count;
                        var pool = node.Properties.Select(p => p.Name).Concat(names).Append("renamed").ToArray();
                        var renamed = pool[Pick / node.Properties.Count % pool.Length];
                        return node.With(properties: node.Properties.Select((p, j) => j == i ? p with { Name = renamed } : p).ToList());
                    }

                    return node.Kind == JKind.String && names.Count > 0
                        ? new JNode(JKind.String, at, Pick % 5 == 0 ? "renamed" : names[Pick % names.Count])
                        : node;
                case 5:
                    return node.Kind == JKind.String && name is "when" or "condition"
                        ? new JNode(JKind.String, at, ExtremeConditions[Pick % ExtremeConditions.Length])
                        : node;
                default:
                    return node.Kind switch
                    {
                        JKind.Object => node.With(properties: node.Properties.Take(Pick % (node.Properties.Count + 1)).ToList()),
                        JKind.Array => node.With(items: node.Items.Take(Pick % (node.Items.Count + 1)).ToList()),
                        JKind.String when node.Text is { } text => new JNode(JKind.String, at, text[..(Pick % (text.Length + 1))]),
                        _ => node,
                    };
            }
        }
    }
}
