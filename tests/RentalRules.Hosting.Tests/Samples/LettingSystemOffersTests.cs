using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RentalRules.Hosting.Tests.Infrastructure;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Hosting.Tests.Samples;

/// <summary>
/// The sample service's <c>POST /offers</c> in process: the README's request file (two Høje-Taastrup level-2 family
/// vacancies, three applicants with their seniority), a retry that records nothing new, and bad input.
/// </summary>
[Collection("load")]
public sealed class LettingSystemOffersTests : IDisposable
{
    private readonly PackFolder _temp = new();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _temp.Dispose();

    private LettingSystemFactory Service() => new(Repo.Path("rules"), _temp.Temp("ledgers.db"), _logs);

    private static string Request() => File.ReadAllText(Repo.Path("samples", "LettingSystem", "requests", "offers.json"));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient client, string body)
    {
        using var response = await client.PostAsync("/offers", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact(Timeout = 60000)]
    public async Task Offers_SampleRequestTwice_RoutesOnceInTheJournalAndListsBySeniority()
    {
        await using var service = Service();
        var client = service.CreateClient();

        var (status, body) = await Post(client, Request());
        var (retryStatus, retry) = await Post(client, Request());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("hoeje-taastrup-2023", body.GetProperty("pack").GetProperty("id").GetString());
        Assert.Equal(3, body.GetProperty("households").GetInt32());
        var offers = body.GetProperty("offers");
        Assert.Equal(["PARKVEJ-OFFER-01", "PARKVEJ-OFFER-02"], offers.EnumerateArray().Select(o => o.GetProperty("vacancy").GetString()));
        var first = offers[0];
        Assert.Equal("flexible", first.GetProperty("route").GetString());
        Assert.Equal("offers.flexible", first.GetProperty("order").GetProperty("rule").GetString());
        Assert.Equal("§ 4 (prioritering)", first.GetProperty("order").GetProperty("clause").GetString());

        // case-002 meets none of bilag 2's criteria; of the two in work, the one on the list since 2015 comes first.
        var candidates = first.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["case-003", "case-001"], candidates.Select(c => c.GetProperty("household").GetString()));
        Assert.All(candidates, c => Assert.Equal("ht-b2-work-or-education", c.GetProperty("qualifiedBy").GetProperty("rule").GetString()));
        Assert.Equal(1, first.GetProperty("ineligible").GetInt32());

        Assert.Equal(HttpStatusCode.OK, retryStatus);
        Assert.All(body.GetProperty("journal").EnumerateArray(), j => Assert.False(j.GetProperty("alreadyRecorded").GetBoolean()));
        Assert.All(retry.GetProperty("journal").EnumerateArray(), j => Assert.True(j.GetProperty("alreadyRecorded").GetBoolean()));
        Assert.Equal(offers.ToString(), retry.GetProperty("offers").ToString());
        foreach (var household in JsonNode.Parse(Request())!["households"]!.AsArray())
        {
            Assert.DoesNotContain(household!["id"]!.GetValue<string>(), string.Join("\n", _logs.Entries.Where(e => e.Category.StartsWith("LettingSystem", StringComparison.Ordinal) || e.Category.StartsWith("RentalRules", StringComparison.Ordinal)).Select(e => e.All)), StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task Offers_TwoHouseholdsWithOneId_IsALocatedErrorAndRecordsNothing()
    {
        var request = JsonNode.Parse(Request())!;
        request["households"]![1]!["id"] = request["households"]![0]!["id"]!.GetValue<string>();
        await using var service = Service();
        var client = service.CreateClient();

        var (status, body) = await Post(client, request.ToJsonString());
        var (_, afterwards) = await Post(client, Request());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(body.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("RR0106", error.GetProperty("code").GetString());
        Assert.StartsWith("$.households[1]", error.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.All(afterwards.GetProperty("journal").EnumerateArray(), j => Assert.False(j.GetProperty("alreadyRecorded").GetBoolean()));
    }

    [Fact(Timeout = 60000)]
    public async Task Offers_VacancyOfADepartmentNotInTheRequest_Is400NamingItsPosition()
    {
        var request = JsonNode.Parse(Request())!;
        request["vacancies"]![1]!["department"] = "HT-ELSEWHERE";
        await using var service = Service();

        var (status, body) = await Post(service.CreateClient(), request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The vacancy at position 1 names a department that is not among the departments.", body.GetProperty("title").GetString());
    }

    [Fact(Timeout = 60000)]
    public async Task Offers_NegativeTop_IsALocatedError()
    {
        var request = JsonNode.Parse(Request())!;
        request["top"] = -1;
        await using var service = Service();

        var (status, body) = await Post(service.CreateClient(), request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("$.top", Assert.Single(body.GetProperty("diagnostics").EnumerateArray()).GetProperty("path").GetString());
    }
}
