using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RentalRules.Hosting.Packs;
using RentalRules.Hosting.Tests.Infrastructure;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Hosting.Tests.Samples;

/// <summary>
/// The sample service (samples/LettingSystem) in process: its endpoints with the README's request files, bad input,
/// a pack swapped under load, concurrent routings, and what it logs.
/// </summary>
[Collection("load")]
public sealed class LettingSystemTests : IDisposable
{
    private readonly PackFolder _temp = new();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _temp.Dispose();

    private LettingSystemFactory Service(string? packFolder = null, bool watch = false)
        => new(packFolder ?? Repo.Path("rules"), _temp.Temp("ledgers.db"), _logs, watch);

    private static string Request(string name) => File.ReadAllText(Repo.Path("samples", "LettingSystem", "requests", name + ".json"));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> Post(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, Json(body));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    [Fact(Timeout = 60000)]
    public async Task Placement_SampleRequest_AnswersTheTierAndShareWithThePack()
    {
        await using var service = Service();
        var (status, body, _) = await Post(service.CreateClient(), "/placement", Request("placement"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("hoeje-taastrup-2023", body.GetProperty("pack").GetProperty("id").GetString());
        Assert.Equal("level-2", body.GetProperty("placement").GetProperty("tier").GetString());
        Assert.Equal("11/50", body.GetProperty("placement").GetProperty("municipalShare").GetString());
        Assert.Equal("§ 3.3", body.GetProperty("placement").GetProperty("explanation")[0].GetProperty("clause").GetString());
    }

    [Fact(Timeout = 60000)]
    public async Task Eligibility_SampleRequest_AnswersPerCriterionWithTheExplanation()
    {
        await using var service = Service();
        var (status, body, _) = await Post(service.CreateClient(), "/eligibility", Request("eligibility"));

        Assert.Equal(HttpStatusCode.OK, status);
        var eligibility = body.GetProperty("eligibility");
        Assert.Equal("eligible", eligibility.GetProperty("outcome").GetString());
        Assert.Equal("red", eligibility.GetProperty("tier").GetString());
        Assert.Equal(4, eligibility.GetProperty("criteria").GetArrayLength());
        Assert.Contains("holbaek-b3-1-convictions", body.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task Routing_SampleRequestTwice_RecordsOnceInTheSqliteJournalAndAnswersTheRecordedDecisionAgain()
    {
        await using var service = Service();
        var client = service.CreateClient();

        var first = await Post(client, "/routing", Request("routing"));
        var second = await Post(client, "/routing", Request("routing"));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("flexible", first.Body.GetProperty("decision").GetProperty("route").GetString());
        Assert.Equal(1, first.Body.GetProperty("decision").GetProperty("count").GetInt32());
        Assert.Equal(1, second.Body.GetProperty("decision").GetProperty("count").GetInt32());
        Assert.False(first.Body.GetProperty("journal").GetProperty("alreadyRecorded").GetBoolean());
        Assert.True(second.Body.GetProperty("journal").GetProperty("alreadyRecorded").GetBoolean());
        Assert.Equal("§ 59 stk. 2", second.Body.GetProperty("journal").GetProperty("legalBasis").GetString());
        Assert.True(File.Exists(_temp.Temp("ledgers.db")));
    }

    [Fact(Timeout = 60000)]
    public async Task Packs_ListsThePackFilesWithTheirDiagnostics()
    {
        await using var service = Service();
        var text = await service.CreateClient().GetStringAsync("/packs");
        var packs = JsonDocument.Parse(text).RootElement.GetProperty("packs");

        // The five files of rules/, and the built-in examples that no file of the folder overrides.
        Assert.Equal(8, packs.GetArrayLength());
        Assert.Equal(3, packs.EnumerateArray().Count(p => p.GetProperty("file").GetString()!.StartsWith("built-in/", StringComparison.Ordinal)));
        Assert.All(packs.EnumerateArray(), p => Assert.True(p.GetProperty("valid").GetBoolean()));
    }

    [Fact(Timeout = 60000)]
    public async Task Health_EveryPackServed_IsHealthyAndListsNothing()
    {
        await using var service = Service();
        using var response = await service.CreateClient().GetAsync("/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal(8, body.GetProperty("served").GetInt32());
        Assert.Equal(0, body.GetProperty("invalid").GetArrayLength());
    }

    [Fact(Timeout = 60000)]
    public async Task Health_ABrokenFileAndAnInvalidReplacement_IsDegradedListsBothWithLocatedDiagnosticsAndTheOthersAnswer()
    {
        using var folder = new PackFolder("dk-baseline", "dk-statutory-restrictions", "hoeje-taastrup-2023");
        folder.Write("broken", "{ \"id\": \"broken\",\n  \"version\": ");
        await using var service = Service(folder.Path);
        var client = service.CreateClient();
        folder.Write("hoeje-taastrup-2023", PackFolder.Shipped("hoeje-taastrup-2023").WithVersion("1.1.0").With("\"municipalShare\": \"11/50\"", "\"municipalShare\": \"22\""));
        service.Services.GetRequiredService<IRulePackProvider>().Reload();

        using var response = await client.GetAsync("/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var placement = await Post(client, "/placement", Request("placement"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        var invalid = body.GetProperty("invalid").EnumerateArray().ToDictionary(e => e.GetProperty("file").GetString()!);
        Assert.Equal(["broken.json", "hoeje-taastrup-2023.json"], invalid.Keys.Order(StringComparer.Ordinal));
        var broken = invalid["broken.json"];
        Assert.False(broken.GetProperty("stale").GetBoolean());
        Assert.Equal(JsonValueKind.Null, broken.GetProperty("serving").ValueKind);
        var syntax = broken.GetProperty("diagnostics")[0];
        Assert.Equal(("RR0001", "broken.json", 2), (syntax.GetProperty("code").GetString(), syntax.GetProperty("file").GetString(), syntax.GetProperty("line").GetInt32()));
        var replaced = invalid["hoeje-taastrup-2023.json"];
        Assert.True(replaced.GetProperty("stale").GetBoolean());
        Assert.Equal("1.0.0", replaced.GetProperty("serving").GetProperty("version").GetString());
        var share = Assert.Single(replaced.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "RR0108");
        Assert.StartsWith("$.", share.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.True(share.GetProperty("line").GetInt32() > 1 && share.GetProperty("column").GetInt32() > 0);

        // The last good version keeps answering.
        Assert.Equal(HttpStatusCode.OK, placement.Status);
        Assert.Equal("1.0.0", placement.Body.GetProperty("pack").GetProperty("version").GetString());
        Assert.Equal("11/50", placement.Body.GetProperty("placement").GetProperty("municipalShare").GetString());
    }

    [Fact(Timeout = 60000)]
    public async Task Eligibility_BadFacts_Answers400WithEveryDiagnosticLocatedInTheBody()
    {
        await using var service = Service();
        using var response = await service.CreateClient().PostAsync("/eligibility", Json(Request("eligibility-invalid")));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var diagnostics = JsonDocument.Parse(text).RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Collection(
            diagnostics,
            d =>
            {
                Assert.Equal("RR0303", d.GetProperty("code").GetString());
                Assert.Equal("$.department.keyFigures.outsideLabourMarketShare", d.GetProperty("path").GetString());
                Assert.Equal(3, d.GetProperty("line").GetInt32());
                Assert.Equal(105, d.GetProperty("column").GetInt32());
            },
            d =>
            {
                Assert.Equal("RR0301", d.GetProperty("code").GetString());
                Assert.Equal("Expected a date 'yyyy-MM-dd', but found a number.", d.GetProperty("message").GetString());
                Assert.Equal("$.household.members[0].birthDate", d.GetProperty("path").GetString());
                Assert.Equal(7, d.GetProperty("line").GetInt32());
                Assert.Equal(55, d.GetProperty("column").GetInt32());
                Assert.Equal("request:7:55: error RR0301: Expected a date 'yyyy-MM-dd', but found a number. (at $.household.members[0].birthDate) Hint: Write the date in quotes, e.g. \"2024-07-01\".", d.GetProperty("text").GetString());
            });
        AssertNoStackTrace(text);
        Assert.DoesNotContain("19880402", text, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60000)]
    [InlineData("/eligibility", "{ \"route\": \"waitingList\",\n  \"department\": { \"id\": ", "RR0001", "$", 2, 25)]
    [InlineData("/placement", "[ 1, 2 ]", "RR0103", "$", 1, 1)]
    [InlineData("/placement", "", "RR0001", "$", 1, 1)]
    [InlineData("/placement", "{ \"departmnet\": {} }", "RR0102", "$.departmnet", 1, 3)]
    [InlineData("/placement", "{ \"department\": { \"id\": \"D\", \"municipality\": \"Holbæk\" }, \"on\": \"1/3/2025\" }", "RR0104", "$.on", 1, 64)]
    [InlineData("/placement", "{ \"on\": \"2025-03-01\" }", "RR0101", "$", 1, 1)]
    [InlineData("/placement", "{ \"department\": [] }", "RR0103", "$.department", 1, 17)]
    [InlineData("/eligibility", "{ \"route\": \"sideways\", \"department\": { \"municipality\": \"Holbæk\" }, \"household\": { \"members\": [] } }", "RR0104", "$.route", 1, 12)]
    [InlineData("/routing", "{ \"department\": { \"municipality\": \"Høje-Taastrup\" }, \"vacancy\": { \"category\": \"castle\" } }", "RR0303", "$.vacancy.category", 1, 79)]
    [InlineData("/routing", "{ \"department\": { \"id\": \"D\" }, \"vacancy\": { \"category\": \"family\" } }", "RR0101", "$.department", 1, 1)]
    public async Task Endpoint_BadRequest_Answers400WithALocatedDiagnosticAndNoStackTrace(string path, string body, string code, string jsonPath, int line, int column)
    {
        await using var service = Service();
        var (status, json, text) = await Post(service.CreateClient(), path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var first = json.GetProperty("diagnostics")[0];
        Assert.Equal(code, first.GetProperty("code").GetString());
        Assert.Equal(jsonPath, first.GetProperty("path").GetString());
        Assert.Equal(line, first.GetProperty("line").GetInt32());
        Assert.Equal(column, first.GetProperty("column").GetInt32());
        AssertNoStackTrace(text);
    }

    [Fact(Timeout = 60000)]
    public async Task Placement_NoPackForTheMunicipality_Answers404()
    {
        await using var service = Service();
        var (status, body, text) = await Post(service.CreateClient(), "/placement", "{ \"department\": { \"id\": \"A-1\", \"municipality\": \"Aarhus\" }, \"on\": \"2025-03-01\" }");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("No rule pack covers the municipality 'Aarhus' on 2025-03-01.", body.GetProperty("title").GetString());
        AssertNoStackTrace(text);
    }

    [Fact(Timeout = 60000)]
    public async Task Routing_JournalEntryCorruptedInTheDatabase_Answers500WithoutAStackTraceAndCountsNothing()
    {
        await using var service = Service();
        var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Post(client, "/routing", Request("routing"))).Status);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_temp.Temp("ledgers.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE rentalrules_decisions SET entry = replace(entry, '\"route\":\"flexible\"', '\"route\":\"municipal\"')";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var (status, body, text) = await Post(client, "/routing", Request("routing"));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("The service failed to answer; the error is logged.", body.GetProperty("title").GetString());
        AssertNoStackTrace(text);
        Assert.Contains(_logs.Entries, e => e.Exception?.Contains("RR0503", StringComparison.Ordinal) == true);
    }

    [Fact(Timeout = 120000)]
    public async Task Placement_PackSwappedTwiceUnderLoad_EveryAnswerIsOneWholePack()
    {
        // Each version of the pack pairs a version with a level-2 share; an answer mixing two versions would pair them wrongly.
        var allowed = new HashSet<(string, string)> { ("1.0.0", "11/50"), ("2.0.0", "1/4"), ("3.0.0", "1/5") };
        using var folder = new PackFolder("dk-baseline", "dk-statutory-restrictions", "hoeje-taastrup-2023");
        var shipped = PackFolder.Shipped("hoeje-taastrup-2023");
        await using var service = Service(folder.Path, watch: true);
        var client = service.CreateClient();
        var provider = service.Services.GetRequiredService<IRulePackProvider>();
        var request = Request("placement");
        var answers = new System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode, string, string)>();
        var done = 0;

        async Task Worker()
        {
            for (var i = 0; i < 200; i++)
            {
                var (status, body, _) = await Post(client, "/placement", request);
                answers.Add((status, body.GetProperty("pack").GetProperty("version").GetString()!, body.GetProperty("placement").GetProperty("municipalShare").GetString()!));
                Interlocked.Increment(ref done);
                await Task.Delay(5);
            }
        }

        async Task Swapper()
        {
            await Wait.Until(() => Volatile.Read(ref done) >= 20, "the first answers");
            folder.Write("hoeje-taastrup-2023", shipped.WithVersion("2.0.0").With("\"municipalShare\": \"11/50\"", "\"municipalShare\": \"1/4\""));
            await Wait.Until(() => provider.GetPack("Høje-Taastrup", HoejeTaastrup.On).Version == "2.0.0", "version 2.0.0 in service");
            folder.Replace("hoeje-taastrup-2023", shipped.WithVersion("3.0.0").With("\"municipalShare\": \"11/50\"", "\"municipalShare\": \"1/5\""));
            await Wait.Until(() => provider.GetPack("Høje-Taastrup", HoejeTaastrup.On).Version == "3.0.0", "version 3.0.0 in service");
        }

        await Task.WhenAll(Worker(), Worker(), Worker(), Worker(), Swapper());

        Assert.Equal(800, answers.Count);
        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Item1);
            Assert.Contains((a.Item2, a.Item3), allowed);
        });
        Assert.True(answers.Select(a => a.Item2).Distinct().Count() >= 2, "The swaps happened after the load: " + string.Join(", ", answers.Select(a => a.Item2).Distinct()));
        var after = await Post(client, "/placement", request);
        Assert.Equal("1/5", after.Body.GetProperty("placement").GetProperty("municipalShare").GetString());
    }

    [Fact(Timeout = 180000)]
    public async Task Routing_1000ConcurrentRequestsInOneDepartment_AllocateExactlyFloorNp()
    {
        const int n = 1000;
        await using var service = Service();
        var client = service.CreateClient();
        var department = JsonDocument.Parse(Request("routing")).RootElement.GetProperty("department").GetRawText();

        var answers = await Task.WhenAll(Enumerable.Range(1, n).Select(i => Task.Run(() =>
            Post(client, "/routing", $$"""{ "on": "2025-03-01", "department": {{department}}, "vacancy": { "id": "V-{{i}}", "department": "HT-PARKVEJ", "category": "family" } }"""))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var decisions = answers.Select(a => a.Body.GetProperty("decision")).ToList();
        Assert.Equal(HoejeTaastrup.Municipal(n), decisions.Count(d => d.GetProperty("route").GetString() == "municipal"));
        Assert.Equal(HoejeTaastrup.Municipal(n) / 2, decisions.Count(d => d.GetProperty("specialCriteria").GetBoolean()));
        Assert.Equal(Enumerable.Range(1, n), decisions.Select(d => d.GetProperty("count").GetInt32()).Order());
        Assert.All(answers, a => Assert.False(a.Body.GetProperty("journal").GetProperty("alreadyRecorded").GetBoolean()));
    }

    [Fact(Timeout = 60000)]
    public async Task Logs_NeverCarryHouseholdFacts()
    {
        const string household = """
            { "id": "HH-PRIVATE-4711", "residentMunicipality": "Holbæk", "currentOrganisation": "ORG-PRIVATE-99",
              "members": [ { "id": "MEMBER-PRIVATE-1", "role": "applicant", "birthDate": "1987-06-05", "citizenship": "QZ",
                "employment": [ { "kind": "employee", "hoursPerWeek": 37, "monthlyGrossIncome": 31234, "from": "2016-02-29", "to": null } ],
                "convictions": [ { "date": "2024-11-13", "act": "weaponsAct" } ], "benefits": [ { "type": "cashBenefit", "from": "2019-09-09", "to": "2020-01-01" } ] } ] }
            """;
        var department = JsonDocument.Parse(Request("eligibility")).RootElement.GetProperty("department").GetRawText();
        await using var service = Service();
        var client = service.CreateClient();

        foreach (var route in new[] { "municipal", "flexible", "waitingList" })
        {
            var ok = await Post(client, "/eligibility", $$"""{ "on": "2025-03-01", "route": "{{route}}", "department": {{department}}, "household": {{household}} }""");
            Assert.Equal(HttpStatusCode.OK, ok.Status);
        }

        var bad = await Post(client, "/eligibility", $$"""{ "on": "2025-03-01", "route": "municipal", "department": {{department}}, "household": {{household.Replace("\"QZ\"", "\"Qz\"", StringComparison.Ordinal)}} }""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);

        var logged = _logs.Text;
        Assert.Contains("department HB-104 under holbaek-2024", logged, StringComparison.Ordinal);
        foreach (var fact in new[] { "1987-06-05", "31234", "2016-02-29", "2024-11-13", "2019-09-09", "HH-PRIVATE-4711", "MEMBER-PRIVATE-1", "ORG-PRIVATE-99", "weaponsAct", "cashBenefit" })
        {
            Assert.DoesNotContain(fact, logged, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(new Regex(@"\bQ[Zz]\b"), logged);
    }

    [Fact(Timeout = 60000)]
    public async Task Eligibility_HouseholdWithATruncatedLiteral_QuotesNoneOfItInTheAnswerOrTheLogs()
    {
        // System.Text.Json quotes a broken literal with the rest of the input: the answer and the logs must not.
        const string body = """
            { "on": "2025-03-01", "route": "municipal", "department": { "id": "HB-104", "municipality": "Holbæk" },
              "household": { "id": "h1", "members": [ { "id": "m1", "role": "applicant",
                "employment": [ { "kind": "employee", "monthlyGrossIncome": 987654321, "to": nul} ],
                "citizenship": "DK", "birthDate": "1987-06-05", "releasedFromPrison": "ZQXMARKER7" } ] } }
            """;
        await using var service = Service();

        var (status, json, text) = await Post(service.CreateClient(), "/eligibility", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("RR0001", json.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        foreach (var value in new[] { "ZQXMARKER7", "1987-06-05", "987654321" })
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
            Assert.DoesNotContain(value, _logs.Text, StringComparison.Ordinal);
        }
    }

    private static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
    }
}
