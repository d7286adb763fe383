using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>
/// Error output never quotes values from a household file (they are personal data; ids may appear). Every error path of
/// reading households, JSON syntax and fact checks alike, is fed a household whose values carry a marker, through
/// <c>check</c> and <c>compare --households</c>, and the marker must appear on neither stdout nor stderr.
/// </summary>
public sealed class HouseholdPrivacyTests
{
    /// <summary>A value no message could contain by chance.</summary>
    private const string Marker = "ZQXMARKER7";

    /// <summary>The same, as a number (an income).</summary>
    private const string NumericMarker = "987654321";

    private const string Pack = "rules/holbaek-2024.json";
    private const string Department = "samples/holbaek/department-red.json";

    /// <summary>A valid household whose values (not its ids) carry the marker, before and after every place an edit breaks it.</summary>
    private const string Household = """
        [
          {
            "id": "h1",
            "residentMunicipality": "ZQXMARKER7-before",
            "members": [
              {
                "id": "m1",
                "role": "applicant",
                "birthDate": "1988-04-02",
                "citizenship": "DK",
                "employment": [ { "kind": "employee", "hoursPerWeek": 37, "monthlyGrossIncome": 987654321, "from": "2019-08-01", "to": null } ],
                "convictions": [],
                "benefits": [],
                "releasedFromPrison": false
              }
            ],
            "currentOrganisation": "ZQXMARKER7-after",
            "soldHome": { "municipality": "ZQXMARKER7-sold", "date": "2020-01-01" }
          },
          { "id": "h2", "residentMunicipality": "ZQXMARKER7 987654321 with spaces, quotes \" and a line\nbreak", "members": [] }
        ]
        """;

    /// <summary>Each edit breaks the household in one way: a JSON syntax error or a fact error.</summary>
    public static TheoryData<string, string, string> Breakages => new()
    {
        // JSON syntax: System.Text.Json quotes the offending bytes, for a broken literal the whole rest of the file.
        { "truncated null literal", "\"to\": null", "\"to\": nul}" },
        { "truncated true literal", "\"releasedFromPrison\": false", "\"releasedFromPrison\": tru" },
        { "truncated false literal", "\"releasedFromPrison\": false", "\"releasedFromPrison\": fals" },
        { "unquoted text value", "\"citizenship\": \"DK\"", "\"citizenship\": ZQXMARKER7" },
        { "text after a number", "\"hoursPerWeek\": 37", "\"hoursPerWeek\": 37ZQXMARKER7" },
        { "number with a bad decimal", "\"hoursPerWeek\": 37", "\"hoursPerWeek\": 37.ZQXMARKER7" },
        { "number with a leading zero", "\"hoursPerWeek\": 37", "\"hoursPerWeek\": 0987654321" },
        { "missing comma", "\"role\": \"applicant\",", "\"role\": \"applicant\" \"ZQXMARKER7\"" },
        { "missing colon", "\"role\": \"applicant\"", "\"role\" \"ZQXMARKER7\"" },
        { "unquoted property name", "\"role\": \"applicant\"", "ZQXMARKER7: \"applicant\"" },
        { "bad escape", "\"ZQXMARKER7-before\"", "\"ZQXMARKER7\\q-before\"" },
        { "bad unicode escape", "\"ZQXMARKER7-before\"", "\"ZQXMARKER7\\uZZZZ-before\"" },
        { "control character in a text", "\"ZQXMARKER7-before\"", "\"ZQXMARKER7\t-before\"" },
        { "lone surrogate escape", "\"ZQXMARKER7-before\"", "\"ZQXMARKER7\\ud800-before\"" },
        { "unterminated text", "\"ZQXMARKER7-sold\", \"date\": \"2020-01-01\" }\n  },", "\"ZQXMARKER7-sold, \"date\": \"2020-01-01\" }\n  }," },
        { "trailing comma", "\"benefits\": [],", "\"benefits\": [ZQXMARKER7,]," },
        { "closing bracket without opening", "\"convictions\": [],", "\"convictions\": ]\"ZQXMARKER7\"]," },
        { "text after the value", "\"members\": [] }\n]", "\"members\": [] }\n] \"ZQXMARKER7\"" },
        { "invalid UTF-8", "\"ZQXMARKER7-before\"", "\"ZQXMARKER7\u00ff\u00fe-before\"" },

        // Fact checks: wrong types, unknown values, bad dates, unknown properties.
        { "text where a number is expected", "\"hoursPerWeek\": 37", "\"hoursPerWeek\": \"ZQXMARKER7\"" },
        { "number out of range", "\"hoursPerWeek\": 37", "\"hoursPerWeek\": 987654321" },
        { "unknown enum value", "\"role\": \"applicant\"", "\"role\": \"ZQXMARKER7\"" },
        { "enum value close to a known one", "\"kind\": \"employee\"", "\"kind\": \"employeeZQXMARKER7\"" },
        { "not a date", "\"birthDate\": \"1988-04-02\"", "\"birthDate\": \"ZQXMARKER7\"" },
        { "impossible date", "\"birthDate\": \"1988-04-02\"", "\"birthDate\": \"9876-54-32\"" },
        { "bad citizenship", "\"citizenship\": \"DK\"", "\"citizenship\": \"ZQXMARKER7\"" },
        { "text where true or false is expected", "\"releasedFromPrison\": false", "\"releasedFromPrison\": \"ZQXMARKER7\"" },
        { "text where a list is expected", "\"convictions\": []", "\"convictions\": \"ZQXMARKER7\"" },
        { "text where an object is expected", "\"soldHome\": {", "\"soldHome\": \"ZQXMARKER7\", \"x\": {" },
        { "unknown property with a value", "\"role\": \"applicant\"", "\"rolle\": \"ZQXMARKER7\", \"role\": \"applicant\"" },
        { "duplicate property", "\"role\": \"applicant\"", "\"role\": \"ZQXMARKER7\", \"role\": \"applicant\"" },
        { "two applicants", "\"members\": [] }", "\"members\": [ { \"id\": \"a\", \"role\": \"applicant\", \"citizenship\": \"ZQXMARKER7\" }, { \"id\": \"b\", \"role\": \"applicant\" } ] }" },
        { "null list item", "\"benefits\": []", "\"benefits\": [null, \"ZQXMARKER7\"]" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Check_BrokenHouseholdFile_NeverQuotesItsValues(string breakage, string find, string replace)
    {
        using var file = new TempHousehold(Break(find, replace));

        var run = CliRunner.Run("check", "--pack", Pack, "--department", Department, "--household", file.Path, "--on", "2025-03-01", "--json");

        Assert.True(run.ExitCode == 1, $"{breakage}: exit {run.ExitCode}\n{run.Stderr}");
        AssertNoMarker(breakage, run);
        Assert.Contains(System.IO.Path.GetFileName(file.Path), run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Compare_BrokenHouseholdFile_NeverQuotesItsValues(string breakage, string find, string replace)
    {
        using var file = new TempHousehold(Break(find, replace));

        var run = CliRunner.Run("compare", "--base", Pack, "--draft", Pack, "--portfolio", "samples/holbaek/departments.json", "--households", file.Path, "--on", "2025-03-01");

        Assert.True(run.ExitCode == 1, $"{breakage}: exit {run.ExitCode}\n{run.Stderr}");
        AssertNoMarker(breakage, run);
    }

    [Fact]
    public void Check_TruncatedNullLiteral_NamesLinePathAndWhatWasExpected()
    {
        using var file = new TempHousehold(Break("\"to\": null", "\"to\": nul}"));

        var run = CliRunner.Run("check", "--pack", Pack, "--department", Department, "--household", file.Path, "--on", "2025-03-01");

        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith(
            ":11:131: error RR0001: Invalid JSON literal: expected null. (at $[0].members[0].employment[0].to) Hint: Write null, true or false in full, without quotes.",
            line.TrimEnd('\r'),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IntactHousehold_IsReadSoTheBreakagesAboveAreWhatFails()
    {
        using var file = new TempHousehold(Household);

        var run = CliRunner.Run("check", "--pack", Pack, "--department", Department, "--household", file.Path, "--on", "2025-03-01", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Check_IntactHousehold_QuotesTheIncomeOnlyInTheCaseworkersExplanation()
    {
        // The explanation on stdout is for the caseworker: it quotes the member's income against the line (issue 12).
        // Standard error, where warnings and errors go (and what a host logs), never carries it.
        using var file = new TempHousehold(Household);

        var run = CliRunner.Run("check", "--pack", Pack, "--department", Department, "--household", file.Path, "--route", "waitingList", "--on", "2025-03-01");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("987,654,321 DKK a month > 16,408 DKK a month", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("987", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, run.Stderr, StringComparison.Ordinal);
    }

    private static string Break(string find, string replace)
    {
        var at = Household.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the household has no '{find}'");
        return string.Concat(Household.AsSpan(0, at), replace, Household.AsSpan(at + find.Length));
    }

    private static void AssertNoMarker(string breakage, CliRunner.Result run)
    {
        foreach (var (stream, text) in new[] { ("stdout", run.Stdout), ("stderr", run.Stderr) })
        {
            Assert.False(text.Contains(Marker, StringComparison.Ordinal), $"{breakage}: {stream} quotes the household:\n{text}");
            Assert.False(text.Contains(NumericMarker, StringComparison.Ordinal), $"{breakage}: {stream} quotes the household's income:\n{text}");
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }
    }

    /// <summary>A household file in a temporary folder, deleted on dispose; written as Latin-1 where it holds bytes above 0x7F, so "invalid UTF-8" is what it says.</summary>
    private sealed class TempHousehold : IDisposable
    {
        public TempHousehold(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rr-household-{Guid.NewGuid():N}.json");
            File.WriteAllBytes(Path, System.Text.Encoding.Latin1.GetBytes(text));
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
