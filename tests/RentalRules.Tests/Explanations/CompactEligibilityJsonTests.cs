using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;
using RentalRules.Tests.Properties;

namespace RentalRules.Tests.Explanations;

/// <summary>
/// The check's hand-written compact JSON (<see cref="CompactEligibilityJson"/>, <see cref="CompactJsonBuffer"/>) is
/// byte for byte what <see cref="ResultJson.WriteEligibility"/> writes through a compact writer with the relaxed encoder;
/// and the explanation texts shared between results (made once per date) say what a fresh pack says, on any date.
/// </summary>
public sealed class CompactEligibilityJsonTests
{
    private static readonly DateOnly On = new(2025, 3, 1);

    /// <summary>A pack of its own, whose explanations have said nothing yet (<see cref="Repo.Pack"/> shares one per test run).</summary>
    private static RentalRules.Packs.RulePack Fresh() => RentalRules.Packs.RulePackLoader.Load(Repo.PackFile("holbaek-2024")).GetValueOrThrow();

    private static string Writer(Action<Utf8JsonWriter> write) => CompactJson.Writer(write);

    private static string Compact(EligibilityResult r) => CompactJson.Buffer(b => CompactEligibilityJson.Write(b, r), 16);

    [Property(MaxTest = 2000, Replay = Laws.Replay)]
    public Property String_IsWhatUtf8JsonWriterWrites() => Prop.ForAll(Arb.From(CompactJson.Strings), s =>
    {
        var b = new CompactJsonBuffer(4);
        b.String(s);
        Assert.Equal(Writer(w => w.WriteStringValue(s)), Encoding.UTF8.GetString(b.Written));
    });

    [Theory]
    [InlineData("plain")]
    [InlineData("Årsopgørelser og lønsedler")]
    [InlineData("quote \" backslash \\ newline \n tab \t")]
    [InlineData("soft\u00adhyphen, line\u2028separator, bell\u0007")]
    [InlineData("😀 pair, lone \ud800 high")]
    [InlineData("")]
    public void String_WithAnyCharacter_IsWhatUtf8JsonWriterWrites(string s)
    {
        var b = new CompactJsonBuffer(1);
        b.String(s);
        Assert.Equal(Writer(w => w.WriteStringValue(s)), Encoding.UTF8.GetString(b.Written));
    }

    [Fact]
    public void EveryResultOfTheSamples_OnEveryDepartmentAndRoute_IsTheWritersJson()
    {
        // Assumptions, routes[], closed routes, members with and without ages, criteria without members: the samples of
        // both towns on every sample department reach every branch of the writer.
        foreach (var (packId, town) in new[] { ("holbaek-2024", "holbaek"), ("hoeje-taastrup-2023", "hoeje-taastrup") })
        {
            var pack = Repo.Pack(packId);
            var departments = FactReader.ReadDepartments(File.ReadAllText(Repo.Path($"samples/{town}/departments.json"))).GetValueOrThrow().Items;
            var households = FactReader.ReadHouseholds(File.ReadAllText(Repo.Path($"samples/{town}/households.json"))).GetValueOrThrow().Items;
            foreach (var department in departments)
            {
                foreach (var household in households)
                {
                    foreach (var route in new[] { LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList })
                    {
                        foreach (var explain in new[] { true, false })
                        {
                            var r = pack.Check(new EligibilityRequest(department, household, route, On) { Explain = explain });
                            Assert.Equal(Writer(w => ResultJson.WriteEligibility(w, r)), Compact(r));
                        }
                    }

                    var every = pack.CheckEveryRoute(new EligibilityRequest(department, household, pack.DefaultRoute, On) { Explain = true });
                    Assert.Equal(Writer(w => ResultJson.WriteEligibility(w, every)), Compact(every));
                }
            }
        }
    }

    [Property(MaxTest = 300, Replay = Laws.Replay)]
    public Property AnyHousehold_OnAnyDate_IsTheWritersJson_AndSaysWhatAFreshPackSays()
    {
        // The pack is shared across cases, so its explanation texts were made for other dates and households before;
        // a pack loaded for this case alone has made none. Both must give the same JSON, written either way.
        var shared = Repo.Pack("holbaek-2024");
        var cases = Arb.From(
            from department in FactGenerators.Department
            from household in FactGenerators.Household
            from day in FactGenerators.HolbaekDate
            select (department, household, day));
        return Prop.ForAll(cases, c =>
        {
            var request = new EligibilityRequest(c.department, c.household, LettingRoute.WaitingList, c.day) { Explain = true };
            var again = shared.Check(request);
            var fresh = Fresh().Check(request);
            var expected = Writer(w => ResultJson.WriteEligibility(w, fresh));
            Assert.Equal(expected, Compact(again));
            Assert.Equal(expected, Compact(fresh));
        });
    }

    [Fact]
    public void SharedExplanations_OfAParameterThatChanges_SayEachDatesValue()
    {
        // Høje-Taastrup's fixed-employment hours, without their title, are named by their value in a text that quotes no
        // member's value (an undecided "any"); here they change in 2030. Checked on a date before on the same pack, a check after must say
        // the new number, as a pack that never explained the old one does.
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repo.PackFile("hoeje-taastrup-2023")))!;
        var hours = json["parameters"]!["fixedEmploymentHours"]!.AsObject();
        hours["values"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["from"] = "2030-01-01", ["value"] = 31 });
        hours.Remove("title");
        hours.Remove("assumed");
        var text = json.ToJsonString();
        RentalRules.Packs.RulePack Load() => RentalRules.Packs.RulePackLoader.LoadFromText(text, "ht.json").GetValueOrThrow();
        var shared = Load();
        var departments = FactReader.ReadDepartments(File.ReadAllText(Repo.Path("samples/hoeje-taastrup/departments.json"))).GetValueOrThrow().Items;
        var households = Gen.Sample(FactGenerators.Household, 20, new Rnd(16UL), 60).ToArray();
        var before = new DateOnly(2025, 3, 1);
        var after = new DateOnly(2031, 3, 1);
        var said = 0;
        foreach (var on in new[] { before, after })
        {
            var fresh = Load();
            foreach (var department in departments)
            {
                foreach (var household in households)
                {
                    var request = new EligibilityRequest(department, household, shared.DefaultRoute, on) { Explain = true };
                    var expected = Writer(w => ResultJson.WriteEligibility(w, fresh.CheckEveryRoute(request)));
                    Assert.Equal(expected, Compact(shared.CheckEveryRoute(request)));
                    said += on == after && expected.Contains("mindst 31", StringComparison.Ordinal) ? 1 : 0;
                }
            }
        }

        Assert.True(said > 0, "No check after the change named the new hours: the test no longer reaches a shared text with a parameter.");
    }

    [Fact]
    public void ExplainedChecks_OnManyThreadsAtOnce_GiveTheJsonOfOneThread()
    {
        // The shared texts are made by whichever thread says them first: every thread must still get the right ones.
        var pack = Repo.Pack("holbaek-2024");
        var households = Gen.Sample(FactGenerators.Household, 20, new Rnd(2024UL), 400).ToArray();
        var department = Build.Department(outsideLabourMarketShare: 0.5m);
        var dates = new[] { On, new DateOnly(2024, 7, 1), new DateOnly(2031, 5, 5) };
        string Json(int i) => Compact(pack.Check(new EligibilityRequest(department, households[i % households.Length], LettingRoute.WaitingList, dates[i % dates.Length]) { Explain = true }));
        var parallel = new string[households.Length * dates.Length];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Json(i));
        var fresh = Fresh();
        for (var i = 0; i < parallel.Length; i++)
        {
            var r = fresh.Check(new EligibilityRequest(department, households[i % households.Length], LettingRoute.WaitingList, dates[i % dates.Length]) { Explain = true });
            Assert.Equal(Writer(w => ResultJson.WriteEligibility(w, r)), parallel[i]);
        }
    }

    [Fact]
    public void Pooled_ResultsOfAnySize_OnManyThreads_EachKeepsItsOwnBytesUntilGivenBack()
    {
        // The thread's buffer is handed out whole and replaced from the pool; a result larger than the buffer grows it
        // through the pool. Every handed-out array must hold exactly its own result, also while others are written.
        var texts = Enumerable.Range(0, 64).Select(i => new string((char)('a' + (i % 26)), i * 997 % 40_000)).ToArray();
        Parallel.For(0, 4_000, i =>
        {
            var text = texts[i % texts.Length];
            var (json, length) = CompactJsonBuffer.Pooled(static (b, t) => b.String(t), text);
            Thread.Yield();
            Assert.Equal("\"" + text + "\"", Encoding.UTF8.GetString(json, 0, length));
            CompactJsonBuffer.Return(json);
        });
    }

    [Property(MaxTest = 2000, Replay = Laws.Replay)]
    public Property Date_IsWhatTheWriterWritesForTheIsoDate() => Prop.ForAll(
        Arb.From(Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber)),
        date =>
        {
            var b = new CompactJsonBuffer(1);
            b.Date(date);
            Assert.Equal(Writer(w => w.WriteStringValue(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))), Encoding.UTF8.GetString(b.Written));
        });

    [Theory]
    [InlineData(1, 1, 1, "\"0001-01-01\"")]
    [InlineData(999, 12, 31, "\"0999-12-31\"")]
    [InlineData(2025, 3, 1, "\"2025-03-01\"")]
    [InlineData(9999, 12, 31, "\"9999-12-31\"")]
    public void Date_AtTheEdgesOfTheCalendar_IsFourTwoTwoDigits(int year, int month, int day, string expected)
    {
        var b = new CompactJsonBuffer(1);
        b.Date(new DateOnly(year, month, day));
        Assert.Equal(expected, Encoding.UTF8.GetString(b.Written));
    }
}
