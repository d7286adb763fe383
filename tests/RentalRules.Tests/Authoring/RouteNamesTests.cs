using System.Text.Json;
using RentalRules.Authoring;
using RentalRules.Explanations;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Authoring;

/// <summary>
/// One table of route names (issue 12 item 4): pack tests, the pack-tests schema and the CLI's <c>--route</c> all take
/// their names from the library's table, so a route added to <see cref="LettingRoute"/> cannot be forgotten in one of them.
/// </summary>
public sealed class RouteNamesTests
{
    public static TheoryData<LettingRoute> EveryRoute => [.. Enum.GetValues<LettingRoute>()];

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public void PackTest_EveryLettingRoute_IsReadAsThatRoute(LettingRoute route)
    {
        var name = ResultJson.RouteName(route);
        var tests = $$"""
            { "pack": "holbaek-2024", "on": "2025-03-01",
              "cases": [ { "name": "A check on {{name}}", "clauses": ["§ 6"],
                "department": { "id": "HB-101", "municipality": "Holbæk", "keyFigures": { "outsideLabourMarketShare": 0.2 } },
                "household": { "id": "h1", "members": [ { "id": "m1", "role": "applicant", "birthDate": "1980-01-01" } ] },
                "route": "{{name}}", "expect": { "tier": "green" } } ] }
            """;

        var report = PackTestRunner.Run(Repo.Pack("holbaek-2024"), tests, "holbaek-2024.tests.json");

        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == RentalRules.Diagnostics.Severity.Error && d.Code != "RR0602");
        Assert.True(Assert.Single(report.Cases).Passed, PackTestWriter.ToText([report]));
    }

    [Fact]
    public void PackTest_AnUnknownRoute_IsAnErrorSuggestingTheNearestName()
    {
        var tests = """
            { "pack": "holbaek-2024", "on": "2025-03-01",
              "cases": [ { "name": "Misspelt route", "clauses": ["§ 6"], "department": { "id": "HB-101" },
                "household": { "members": [ { "id": "m1", "role": "applicant" } ] }, "route": "internalTransfers", "expect": {} } ] }
            """;

        var report = PackTestRunner.Run(Repo.Pack("holbaek-2024"), tests, "holbaek-2024.tests.json");

        var error = Assert.Single(report.Diagnostics, d => d.Message.Contains("is not a route", StringComparison.Ordinal));
        Assert.Contains("'internalTransfers' is not a route.", error.Message, StringComparison.Ordinal);
        Assert.Equal("Did you mean 'internalTransfer'?", error.Hint);
    }

    [Fact]
    public void PackTestsSchema_RouteEnum_IsTheTableOfLettingRoutes()
    {
        using var schema = JsonDocument.Parse(PackTestRunner.Schema);
        var routes = FindRouteEnum(schema.RootElement);

        Assert.Equal(Enum.GetValues<LettingRoute>().Select(ResultJson.RouteName), routes);
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public void Cli_EveryLettingRoute_IsAcceptedByRouteInAnyCase(LettingRoute route)
    {
        var name = ResultJson.RouteName(route);
        var exact = CliRunner.Run("check", "--pack", "rules/holbaek-2024.json", "--department", "samples/holbaek/department-red.json", "--household", "samples/holbaek/households.json", "--route", name, "--on", "2025-03-01", "--json");
        var upper = CliRunner.Run("check", "--pack", "rules/holbaek-2024.json", "--department", "samples/holbaek/department-red.json", "--household", "samples/holbaek/households.json", "--route", name.ToUpperInvariant(), "--on", "2025-03-01", "--json");

        Assert.True(exact.ExitCode == 0, exact.Stderr);
        Assert.Equal(exact.Stdout, upper.Stdout);
        using var doc = JsonDocument.Parse(exact.Stdout);
        Assert.All(doc.RootElement.GetProperty("results").EnumerateArray(), r => Assert.Equal(name, r.GetProperty("route").GetString()));
    }

    [Fact]
    public void Cli_RouteHelp_ListsEveryLettingRoute()
    {
        var help = CliRunner.Run("check", "--help");

        Assert.Contains("--route <" + string.Join('|', Enum.GetValues<LettingRoute>().Select(ResultJson.RouteName)) + ">", help.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The enum of the case's <c>route</c> property, wherever the schema declares it.</summary>
    private static string[] FindRouteEnum(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == "route" && p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("enum", out var values))
                {
                    return values.EnumerateArray().Select(v => v.GetString()!).ToArray();
                }

                if (FindRouteEnum(p.Value) is { Length: > 0 } found)
                {
                    return found;
                }
            }
        }

        return [];
    }
}
