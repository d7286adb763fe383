using System.Text.Json;
using System.Text.RegularExpressions;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Evaluation;

/// <summary>
/// The quota ledger: plain, versioned JSON with a change counter and a checksum (issue 3, item 4). A ledger round-trips
/// exactly; a corrupt, hand-edited, inconsistent or foreign ledger is refused with a located diagnostic, never reset.
/// </summary>
public sealed partial class LedgerTests
{
    private const string File = "ledger.json";

    private static readonly DateOnly On = new(2025, 3, 1);

    private static RulePack Holbaek => Repo.Pack("holbaek-2024");

    private static RulePack HoejeTaastrup => Repo.Pack("hoeje-taastrup-2023");

    #region Round trip

    [Fact]
    public void ToJsonThenParse_LedgerWithSeveralCounters_GivesTheSameCountersAndChangeCounter()
    {
        var ledger = SampleHolbaekLedger();

        var parsed = Ledger.Parse(ledger.ToJson(), File, Holbaek.Id);

        Assert.Empty(parsed.Diagnostics);
        var value = Assert.IsType<Ledger>(parsed.Value);
        Assert.Equal(ledger.Counters, value.Counters);
        Assert.Equal(ledger.ChangeCounter, value.ChangeCounter);
        Assert.Equal("holbaek-2024", value.PackId);
        Assert.Equal("1.0.0", value.PackVersion);
        Assert.Equal(ledger.ToJson(), value.ToJson());
    }

    [Fact]
    public void ToJsonThenParse_EmptyLedger_GivesAnEmptyLedger()
    {
        var parsed = Ledger.Parse(Holbaek.NewLedger().ToJson(), File, Holbaek.Id);

        var value = Assert.IsType<Ledger>(parsed.Value);
        Assert.Empty(value.Counters);
        Assert.Equal(0, value.ChangeCounter);
    }

    [Fact]
    public void ToJson_LedgerWithSeveralCounters_IsPlainVersionedJsonOrderedByDepartmentAndCounter()
    {
        var ledger = SampleHolbaekLedger();

        using var doc = JsonDocument.Parse(ledger.ToJson());

        var root = doc.RootElement;
        Assert.Equal(["format", "formatVersion", "pack", "changeCounter", "counters", "checksum"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("rentalrules-ledger", root.GetProperty("format").GetString());
        Assert.Equal(2, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal("holbaek-2024", root.GetProperty("pack").GetProperty("id").GetString());
        Assert.Equal("1.0.0", root.GetProperty("pack").GetProperty("version").GetString());
        Assert.Equal(11, root.GetProperty("changeCounter").GetInt64());
        Assert.Equal(
            [("HB-101", "family", "green", 7L, 2L, 1L), ("HB-103", "accessible-half", "yellow", 2L, 1L, 0L), ("HB-105", "elderly", "uncoloured", 1L, 1L, 0L), ("HB-105", "family", "uncoloured", 1L, 0L, 0L)],
            root.GetProperty("counters").EnumerateArray().Select(c => (
                c.GetProperty("department").GetString(),
                c.GetProperty("counter").GetString(),
                c.GetProperty("tier").GetString(),
                c.GetProperty("counted").GetInt64(),
                c.GetProperty("municipal").GetInt64(),
                c.GetProperty("flexible").GetInt64())));
        Assert.Matches(ChecksumPattern(), root.GetProperty("checksum").GetString());
    }

    [Fact]
    public void ToJson_SameCountersReachedInAnotherOrder_IsTheSameText()
    {
        var departments = HolbaekDepartments();
        var a = Vacancies.Numbered("HB-101", DwellingCategory.Family, 3);
        var b = Vacancies.Numbered("HB-105", DwellingCategory.Family, 3);

        var one = Routing.RouteAll(Holbaek, departments, [.. a, .. b], Holbaek.NewLedger(), On).Ledger;
        var other = Routing.RouteAll(Holbaek, departments, [b[0], a[0], b[1], a[1], b[2], a[2]], Holbaek.NewLedger(), On).Ledger;

        Assert.Equal(one.ToJson(), other.ToJson());
    }

    [Fact]
    public void Parse_WithoutAnExpectedPack_AcceptsALedgerOfAnyPack()
    {
        var parsed = Ledger.Parse(SampleHolbaekLedger().ToJson(), File);

        Assert.Equal("holbaek-2024", parsed.Value?.PackId);
    }

    #endregion

    #region Change counter

    [Fact]
    public void Route_CountedVacancies_RaiseTheChangeCounterByOneAndOthersLeaveItAsItWas()
    {
        var departments = HolbaekDepartments();
        var steps = new (Vacancy Vacancy, long Expected)[]
        {
            (Vacancies.Of("HB-101-F01", "HB-101", DwellingCategory.Family), 1),                        // counted (waiting list)
            (Vacancies.Of("HB-105-Y01", "HB-105", DwellingCategory.Youth), 1),                         // outOfScope
            (Vacancies.Of("HB-101-F02", "HB-101", DwellingCategory.Family), 2),                        // counted
            (Vacancies.Of("HB-105-E01", "HB-105", DwellingCategory.Elderly), 3),                       // counted (municipal)
            (Vacancies.Of("HB-103-A01", "HB-103", DwellingCategory.Accessible), 3),                    // undetermined: no programme
            (Vacancies.Of("HB-103-A02", "HB-103", DwellingCategory.Accessible, "accessible-half"), 4), // counted
            (Vacancies.Of("HB-101-F03", "HB-101", DwellingCategory.Family), 5),                        // counted (municipal)
        };
        var ledger = Holbaek.NewLedger();

        foreach (var (vacancy, expected) in steps)
        {
            ledger = Holbaek.Route(new RoutingRequest(departments[vacancy.Department!], vacancy, On) { Ledger = ledger }).Ledger;
            Assert.Equal(expected, ledger.ChangeCounter);
        }
    }

    [Fact]
    public void Route_ClosedVacancy_LeavesTheChangeCounterAsItWas()
    {
        var rehousing = Build.Department("HT-RENOVATION") with { Designation = Designation.Vulnerable, Rehousing = true };
        var ledger = HoejeTaastrup.NewLedger();

        var result = HoejeTaastrup.Route(new RoutingRequest(rehousing, Vacancies.Of("RENOV-01", "HT-RENOVATION", DwellingCategory.Family), On) { Ledger = ledger });

        Assert.Equal(VacancyRoute.Closed, result.Decision.Route);
        Assert.Equal(0, result.Ledger.ChangeCounter);
        Assert.Same(ledger, result.Ledger);
    }

    [Fact]
    public void Route_CountedVacancy_ReturnsANewLedgerAndLeavesTheOldOneAsItWas()
    {
        var ledger = Holbaek.NewLedger();

        var result = Holbaek.Route(new RoutingRequest(Build.Department("HB-101", 0.2m), Vacancies.Of("HB-101-F01", "HB-101", DwellingCategory.Family), On) { Ledger = ledger });

        Assert.NotSame(ledger, result.Ledger);
        Assert.Equal(0, ledger.ChangeCounter);
        Assert.Empty(ledger.Counters);
        Assert.Equal(1, result.Ledger.ChangeCounter);
    }

    #endregion

    #region Foreign ledger

    [Fact]
    public void Parse_LedgerKeptUnderAnotherPack_IsRefusedWithRR0502NamingBothPacks()
    {
        var json = SampleHolbaekLedger().ToJson();

        var parsed = Ledger.Parse(json, File, "hoeje-taastrup-2023");

        Assert.Null(parsed.Value);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticCodes.LedgerForeign, error.Code);
        Assert.Equal("RR0502", error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("The ledger was kept under the pack 'holbaek-2024', not 'hoeje-taastrup-2023'.", error.Message);
        Assert.Equal(File, error.Location.File);
        Assert.Equal("$.pack.id", error.Location.JsonPath);
        Assert.Equal(LineOf(json, "\"id\": \"holbaek-2024\""), error.Location.Line);
        Assert.Equal("Use the ledger of this pack, or start a new ledger for it; a ledger is never reset silently.", error.Hint);
    }

    [Fact]
    public void Route_LedgerOfAnotherPack_ThrowsArgumentExceptionNamingBothPacks()
    {
        var foreign = Holbaek.NewLedger();

        var error = Assert.Throws<ArgumentException>(() => HoejeTaastrup.Route(new RoutingRequest(Build.Department("HT-GREEN"), Vacancies.Of("V-1", "HT-GREEN", DwellingCategory.Family), On) { Ledger = foreign }));

        Assert.Equal("ledger", error.ParamName);
        Assert.StartsWith("The ledger was kept under the pack 'holbaek-2024', not 'hoeje-taastrup-2023'.", error.Message, StringComparison.Ordinal);
    }

    #endregion

    #region Corrupt, hand-edited and inconsistent ledgers

    [Fact]
    public void Parse_HandEditedCounter_IsRefusedWithRR0501ForTheChecksum()
    {
        var json = SampleHolbaekLedger().ToJson();
        var edited = json.Replace("\"counted\": 7", "\"counted\": 8", StringComparison.Ordinal);
        Assert.NotEqual(json, edited);

        var parsed = Ledger.Parse(edited, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal("RR0501", error.Code);
        Assert.Equal("The ledger's checksum does not match its counters: it was changed outside RentalRules or is corrupt.", error.Message);
        Assert.Equal("$.checksum", error.Location.JsonPath);
        Assert.Equal(LineOf(json, "\"checksum\""), error.Location.Line);
        Assert.Equal("Restore the ledger from the host's store; counts are never reset silently.", error.Hint);
    }

    [Theory]
    [InlineData("\"changeCounter\": 11", "\"changeCounter\": 12")]
    [InlineData("\"tier\": \"green\"", "\"tier\": \"yellow\"")]
    [InlineData("\"department\": \"HB-101\"", "\"department\": \"HB-109\"")]
    [InlineData("\"municipal\": 2", "\"municipal\": 1")]
    [InlineData("\"flexible\": 1", "\"flexible\": 0")]
    public void Parse_HandEditedValue_IsRefusedWithRR0501(string original, string replacement)
    {
        var json = SampleHolbaekLedger().ToJson();
        var edited = json.Replace(original, replacement, StringComparison.Ordinal);
        Assert.NotEqual(json, edited);

        var parsed = Ledger.Parse(edited, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        Assert.Equal("RR0501", Assert.Single(parsed.Diagnostics).Code);
    }

    [Fact]
    public void Parse_RemovedCounter_IsRefusedWithRR0501()
    {
        using var doc = JsonDocument.Parse(SampleHolbaekLedger().ToJson());
        var edited = Rewrite(doc.RootElement, counters => counters.Skip(1));

        var parsed = Ledger.Parse(edited, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        Assert.Equal("RR0501", Assert.Single(parsed.Diagnostics).Code);
    }

    [Fact]
    public void Parse_HandEditedPackVersion_IsRefusedWithRR0501()
    {
        var json = SampleHolbaekLedger().ToJson();
        var edited = json.Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.7\"", StringComparison.Ordinal);
        Assert.NotEqual(json, edited);

        var parsed = Ledger.Parse(edited, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        Assert.Equal("RR0501", Assert.Single(parsed.Diagnostics).Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(200)]
    public void Parse_TruncatedJson_IsRefusedWithRR0001(int keep)
    {
        var json = SampleHolbaekLedger().ToJson();

        var parsed = Ledger.Parse(json[..keep], File, Holbaek.Id);

        Assert.Null(parsed.Value);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal("RR0001", error.Code);
        Assert.Equal(File, error.Location.File);
    }

    [Fact]
    public void Parse_MoreMunicipalAllocationsThanCountedVacancies_IsRefusedAsInconsistent()
    {
        var json = WithCounter(new LedgerCounter("HB-101", "family", "green", 3, 4, 0));

        var parsed = Ledger.Parse(json, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal("RR0501", error.Code);
        Assert.Equal("The counter is inconsistent: more allocations than counted vacancies.", error.Message);
        Assert.Equal("$.counters[0]", error.Location.JsonPath);
        Assert.Equal("The ledger is corrupt; restore it from the host's store.", error.Hint);
    }

    [Fact]
    public void Parse_MoreFlexibleLettingsThanNonMunicipalVacancies_IsRefusedAsInconsistent()
    {
        var json = WithCounter(new LedgerCounter("HB-101", "family", "green", 3, 1, 3));

        var parsed = Ledger.Parse(json, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        Assert.Equal("The counter is inconsistent: more allocations than counted vacancies.", Assert.Single(parsed.Diagnostics).Message);
    }

    [Fact]
    public void Parse_SameDepartmentAndCounterTwice_IsRefused()
    {
        var counter = new LedgerCounter("HB-101", "family", "green", 3, 1, 0);
        var json = WithCounters([counter, counter]);

        var parsed = Ledger.Parse(json, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal("RR0501", error.Code);
        Assert.Equal("The same department and counter appear twice.", error.Message);
        Assert.Equal("$.counters[1]", error.Location.JsonPath);
    }

    [Fact]
    public void Parse_NegativeCount_IsRefused()
    {
        var json = SampleHolbaekLedger().ToJson().Replace("\"counted\": 7", "\"counted\": -7", StringComparison.Ordinal);

        var parsed = Ledger.Parse(json, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        Assert.Contains(parsed.Diagnostics, d => d.Location.JsonPath == "$.counters[0].counted");
    }

    [Fact]
    public void Parse_AnotherFormat_IsRefusedAsNotALedger()
    {
        var json = SampleHolbaekLedger().ToJson().Replace("\"rentalrules-ledger\"", "\"rentalrules-pack\"", StringComparison.Ordinal);

        var parsed = Ledger.Parse(json, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal("RR0501", error.Code);
        Assert.Equal("This is not a RentalRules ledger.", error.Message);
    }

    [Fact]
    public void Parse_NewerFormatVersion_IsRefusedNamingBothVersions()
    {
        var json = SampleHolbaekLedger().ToJson().Replace("\"formatVersion\": 2", "\"formatVersion\": 3", StringComparison.Ordinal);

        var parsed = Ledger.Parse(json, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal("RR0501", error.Code);
        Assert.Equal("The ledger has format version 3; this library reads versions 1 to 2.", error.Message);
    }

    [Fact]
    public void Parse_LedgerWrittenInFormatVersion1_IsReadWithItsCountersAndItsChecksumChecked()
    {
        // Written by the library before counters carried their due (Fixtures/holbaek-ledger-format-1.json).
        var json = System.IO.File.ReadAllText(Path.Combine(Repo.Root, "tests/RentalRules.Tests/Evaluation/Fixtures/holbaek-ledger-format-1.json"));

        var parsed = Ledger.Parse(json, File, Holbaek.Id);

        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        Assert.Equal(new LedgerCounter("HB-101", "family", "green", 7, 2, 1), parsed.Value!.Find("HB-101", "family"));
        Assert.Equal(11, parsed.Value.ChangeCounter);
        Assert.False(Ledger.Parse(json.Replace("\"counted\": 7", "\"counted\": 8", StringComparison.Ordinal), File, Holbaek.Id).Success);
    }

    [Fact]
    public void Route_GreenCounterFromAFormatVersion1LedgerTurningYellow_CarriesCountedTimesTheGreenShare()
    {
        // Format 1 has no due: 7 green vacancies are due 7/3 (2 had). Yellow: 7/3 + 1/6 = 5/2, 8/3, 17/6, 3 — the 4th.
        var json = System.IO.File.ReadAllText(Path.Combine(Repo.Root, "tests/RentalRules.Tests/Evaluation/Fixtures/holbaek-ledger-format-1.json"));
        var ledger = Ledger.Parse(json, File, Holbaek.Id).GetValueOrThrow();

        var (decisions, after) = Routing.RouteAll(Holbaek, Build.Department("HB-101", 0.38m), Vacancies.Numbered("HB-101", DwellingCategory.Family, 4, first: 8), ledger, On);

        Assert.Equal([4], Routing.Positions(decisions, VacancyRoute.Municipal));
        Assert.Equal("3", after.Find("HB-101", "family")!.Due?.ToString());
    }

    [Fact]
    public void ToJson_CounterCarriedAcrossATierChange_WritesItsDueAndReadsItBack()
    {
        var green = Build.Department("HB-101", 0.20m);
        var ledger = Routing.RouteAll(Holbaek, green, Vacancies.Numbered("HB-101", DwellingCategory.Family, 2), Holbaek.NewLedger(), On).Ledger;
        ledger = Routing.RouteAll(Holbaek, Build.Department("HB-101", 0.38m), Vacancies.Numbered("HB-101", DwellingCategory.Family, 1, first: 3), ledger, On).Ledger;

        var json = ledger.ToJson();
        var parsed = Ledger.Parse(json, File, Holbaek.Id);

        Assert.Contains("\"due\": \"5/6\"", json, StringComparison.Ordinal);
        Assert.Equal(ledger.Find("HB-101", "family"), parsed.Value?.Find("HB-101", "family"));
        Assert.False(Ledger.Parse(json.Replace("\"due\": \"5/6\"", "\"due\": \"7/6\"", StringComparison.Ordinal), File, Holbaek.Id).Success);
        var tooMuch = Ledger.Parse(json.Replace("\"due\": \"5/6\"", "\"due\": \"4\"", StringComparison.Ordinal), File, Holbaek.Id);
        Assert.Equal("The counter's due is not an exact fraction between 0 and the counted vacancies.", Assert.Single(tooMuch.Diagnostics).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"format\": \"rentalrules-ledger\"}")]
    [InlineData("\"rentalrules-ledger\"")]
    public void Parse_NotALedgerAtAll_ReturnsDiagnosticsWithoutThrowing(string json)
    {
        var parsed = Ledger.Parse(json, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        Assert.NotEmpty(parsed.Diagnostics);
        Assert.All(parsed.Diagnostics, d => Assert.Equal(File, d.Location.File));
    }

    [Fact]
    public void Parse_UnknownProperty_IsRefused()
    {
        var json = SampleHolbaekLedger().ToJson().Replace("\"changeCounter\"", "\"resetAt\": 0,\n  \"changeCounter\"", StringComparison.Ordinal);

        var parsed = Ledger.Parse(json, File, Holbaek.Id);

        Assert.Null(parsed.Value);
        Assert.Contains(parsed.Diagnostics, d => d.Code == DiagnosticCodes.UnknownProperty);
    }

    #endregion

    /// <summary>The ledger after routing the Holbæk sample's kind of vacancies: 7 green family, youth, elderly, accessible-half, uncoloured family.</summary>
    private static Ledger SampleHolbaekLedger()
    {
        Vacancy[] vacancies =
        [
            .. Vacancies.Numbered("HB-101", DwellingCategory.Family, 7),
            Vacancies.Of("HB-105-Y01", "HB-105", DwellingCategory.Youth),
            Vacancies.Of("HB-105-E01", "HB-105", DwellingCategory.Elderly),
            .. Vacancies.Numbered("HB-103", DwellingCategory.Accessible, 2, "accessible-half"),
            Vacancies.Of("HB-105-F01", "HB-105", DwellingCategory.Family),
        ];
        return Routing.RouteAll(Holbaek, HolbaekDepartments(), vacancies, Holbaek.NewLedger(), On).Ledger;
    }

    private static Dictionary<string, Department> HolbaekDepartments() => new(StringComparer.Ordinal)
    {
        ["HB-101"] = Build.Department("HB-101", 0.20m),
        ["HB-103"] = Build.Department("HB-103", 0.42m) with { FlexibleLettingShare = null },
        ["HB-105"] = Build.Department("HB-105", null),
    };

    /// <summary>A Holbæk ledger whose single counter is <paramref name="counter"/>.</summary>
    private static string WithCounter(LedgerCounter counter) => WithCounters([counter]);

    /// <summary>
    /// A Holbæk ledger holding exactly these counters, with the sample ledger's checksum. A counter that is inconsistent
    /// in itself is reported before the checksum is compared, so the inconsistency is the one diagnostic.
    /// </summary>
    private static string WithCounters(IReadOnlyList<LedgerCounter> counters)
    {
        using var doc = JsonDocument.Parse(SampleHolbaekLedger().ToJson());
        return Rewrite(doc.RootElement, _ => counters.Select(c => (object)new { department = c.Department, counter = c.Counter, tier = c.Tier, counted = c.Counted, municipal = c.Municipal, flexible = c.Flexible }));
    }

    private static string Rewrite(JsonElement root, Func<IEnumerable<object>, IEnumerable<object>> counters)
    {
        var original = root.GetProperty("counters").EnumerateArray().Select(e => (object)e.Clone()).ToList();
        var rewritten = new Dictionary<string, object?>
        {
            ["format"] = root.GetProperty("format").GetString(),
            ["formatVersion"] = root.GetProperty("formatVersion").GetInt32(),
            ["pack"] = root.GetProperty("pack").Clone(),
            ["changeCounter"] = root.GetProperty("changeCounter").GetInt64(),
            ["counters"] = counters(original).ToList(),
            ["checksum"] = root.GetProperty("checksum").GetString(),
        };
        return JsonSerializer.Serialize(rewritten, new JsonSerializerOptions { WriteIndented = true });
    }

    private static int LineOf(string text, string needle)
    {
        var at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{needle}' is not in the text");
        return text[..at].Count(c => c == '\n') + 1;
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex ChecksumPattern();
}
