using RentalRules.Diagnostics;
using RentalRules.Facts;

namespace RentalRules.Tests.Facts;

public sealed class FactReaderTests
{
    [Fact]
    public void ReadDepartments_ShareAbove1_SuggestsDividingBy100WithLocation()
    {
        const string json = "{\n  \"id\": \"D-1\",\n  \"keyFigures\": { \"outsideLabourMarketShare\": 28 }\n}";
        var result = FactReader.ReadDepartments(json, "departments.json");
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FactInvalid, d.Code);
        Assert.Equal(new SourceLocation("departments.json", "$.keyFigures.outsideLabourMarketShare", 3, 47), d.Location);
        Assert.Equal("Shares are fractions in [0, 1]: did you mean 0.28?", d.Hint);
    }

    [Fact]
    public void ReadHouseholds_WrongType_NamesPathLineAndColumn_WithoutTheValue()
    {
        const string json = "{ \"members\": [\n  { \"id\": \"m1\", \"role\": \"applicant\", \"birthDate\": 1988 }\n] }";
        var result = FactReader.ReadHouseholds(json, "hh.json");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FactWrongType, d.Code);
        Assert.Equal("$.members[0].birthDate", d.Location.JsonPath);
        Assert.Equal((2, 51), (d.Location.Line, d.Location.Column));
        Assert.Equal("hh.json:2:51: error RR0301: Expected a date 'yyyy-MM-dd', but found a number. (at $.members[0].birthDate) Hint: Write the date in quotes, e.g. \"2024-07-01\".", d.ToString());
        Assert.DoesNotContain("1988", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadHouseholds_UnknownEnumValue_SuggestsWithoutEchoingTheValue()
    {
        var result = FactReader.ReadHouseholds("{ \"members\": [ { \"role\": \"aplicant\" } ] }", "hh.json");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FactInvalid, d.Code);
        Assert.Equal("The value is not one of the allowed values.", d.Message);
        Assert.Equal("Did you mean 'applicant'?", d.Hint);
    }

    [Fact]
    public void ReadHouseholds_UnknownFactName_SuggestsTheRightName()
    {
        var result = FactReader.ReadHouseholds("{ \"members\": [ { \"birthdate\": \"1990-01-01\" } ] }", "hh.json");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FactUnknown, d.Code);
        Assert.Equal("A member has no property 'birthdate'.", d.Message);
        Assert.Equal("Did you mean 'birthDate'?", d.Hint);
    }

    [Fact]
    public void ReadHouseholds_BadDate_IsLocated()
    {
        var result = FactReader.ReadHouseholds("{ \"members\": [ { \"birthDate\": \"1990-02-30\" } ] }", "hh.json");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("Not a valid date.", d.Message);
        Assert.Equal("$.members[0].birthDate", d.Location.JsonPath);
    }

    [Fact]
    public void ReadHouseholds_MissingAndNullFacts_AreUnknownNotZero()
    {
        var result = FactReader.ReadHouseholds("{ \"members\": [ { \"id\": \"m1\", \"convictions\": null } ] }", "hh.json");
        var member = Assert.Single(result.GetValueOrThrow().Items[0].Members!);
        Assert.Null(member.Convictions);
        Assert.Null(member.BirthDate);
        Assert.Null(member.Employment);
    }

    [Fact]
    public void ReadHouseholds_FalseEventDate_MeansNever()
    {
        var result = FactReader.ReadHouseholds("{ \"members\": [ { \"releasedFromPrison\": false } ] }", "hh.json");
        Assert.Equal(Member.Never, result.GetValueOrThrow().Items[0].Members![0].ReleasedFromPrison);
    }

    [Fact]
    public void ReadHouseholds_Array_KeepsOrderAndSaysItWasAnArray()
    {
        var file = FactReader.ReadHouseholds("[ { \"id\": \"a\" }, { \"id\": \"b\" } ]").GetValueOrThrow();
        Assert.True(file.IsArray);
        Assert.Equal(["a", "b"], file.Items.Select(h => h.Id));
    }

    [Fact]
    public void ReadDepartments_TruncatedFile_IsALocatedSyntaxError()
    {
        var result = FactReader.ReadDepartments("{ \"id\": \"D-1\",\n  \"keyFigures\": {", "d.json");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.JsonSyntax, d.Code);
        Assert.Equal("d.json", d.Location.File);
        Assert.Equal(2, d.Location.Line);
        Assert.Equal("The file looks truncated: check that every { and [ is closed.", d.Hint);
    }

    [Fact]
    public void ReadHouseholds_TwoApplicants_IsAnError()
    {
        var result = FactReader.ReadHouseholds("{ \"members\": [ { \"role\": \"applicant\" }, { \"role\": \"applicant\" } ] }", "hh.json");
        Assert.Contains(result.Diagnostics, d => d.Message == "A household has more than one member with role 'applicant'.");
    }

    [Fact]
    public void ReadDepartments_CitizenshipNotIso_IsRejected()
    {
        var result = FactReader.ReadHouseholds("{ \"members\": [ { \"citizenship\": \"Denmark\" } ] }", "hh.json");
        Assert.Equal("citizenship must be an ISO 3166 alpha-2 code.", Assert.Single(result.Diagnostics).Message);
    }

    [Theory]
    [InlineData("2", true, 2)]
    [InlineData("1", true, 1)]
    [InlineData("0", false, 0)]
    [InlineData("true", true, null)]
    [InlineData("false", false, 0)]
    public void ReadHouseholds_ChildrenUnder18AtHome_IsACountOrAFlag(string json, bool expected, int? count)
    {
        var household = FactReader.ReadHouseholds($"{{ \"divorce\": {{ \"date\": \"2024-05-01\", \"childrenUnder18AtHome\": {json} }} }}", "hh.json").GetValueOrThrow().Items[0];

        Assert.Equal((expected, count), (household.Divorce!.ChildrenUnder18AtHome, household.Divorce.ChildrenUnder18AtHomeCount));
    }

    [Theory]
    [InlineData("-1", "The number must be between 0 and 2147483647.")]
    [InlineData("1.5", "Expected a whole number.")]
    [InlineData("\"2\"", "childrenUnder18AtHome is the number of children under 18 living at home (or true/false), but found a string.")]
    public void ReadHouseholds_ChildrenUnder18AtHomeNotACount_IsALocatedError(string json, string message)
    {
        var result = FactReader.ReadHouseholds($"{{ \"divorce\": {{ \"childrenUnder18AtHome\": {json} }} }}", "hh.json");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((message, "$.divorce.childrenUnder18AtHome"), (d.Message, d.Location.JsonPath));
    }

    [Fact]
    public void ReadHouseholds_FalseDivorceAndSoldHome_MeanNone()
    {
        var household = FactReader.ReadHouseholds("{ \"divorce\": false, \"soldHome\": false }", "hh.json").GetValueOrThrow().Items[0];
        Assert.Same(Divorce.None, household.Divorce);
        Assert.Same(SoldHome.None, household.SoldHome);
    }

    [Fact]
    public void Check_HouseholdWithNoDivorceAndNoSoldHome_FailsThoseFlexibleCriteriaInsteadOfBeingUndetermined()
    {
        var pack = Infrastructure.Repo.Pack("holbaek-2024");
        var household = FactReader.ReadHouseholds(
            "{ \"id\": \"case-900\", \"residentMunicipality\": \"Roskilde\", \"currentOrganisation\": \"Org A\", \"divorce\": false, \"soldHome\": false, \"members\": [ { \"id\": \"m1\", \"role\": \"applicant\", \"birthDate\": \"1990-01-01\", \"employment\": [], \"education\": { \"enrolled\": [] } } ] }",
            "hh.json").GetValueOrThrow().Items[0];
        var result = pack.Check(new RentalRules.Evaluation.EligibilityRequest(Infrastructure.Build.Department("HB-1", 0.20m), household, RentalRules.LettingRoute.Flexible, new DateOnly(2025, 3, 1)));
        Assert.Equal(RentalRules.Outcome.Ineligible, result.Outcome);
        Assert.All(result.Criteria, c => Assert.Equal(RentalRules.Outcome.Ineligible, c.Outcome));
    }

    [Fact]
    public void ReadDepartments_ShareWithSixteenDecimals_IsReadAsThatDecimal()
    {
        // Issue 11: "A flexibleLettingShare of 0.3333333333333333 is silently read as absent; 0.33333333 is read."
        var result = FactReader.ReadDepartments("{ \"id\": \"D-1\", \"flexibleLettingShare\": 0.3333333333333333 }", "departments.json");

        Assert.True(result.Success);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(0.3333333333333333m, result.Value!.Items[0].FlexibleLettingShare);
    }

    [Fact]
    public void ReadDepartments_ShareWithMoreDigitsThanADecimalHolds_IsALocatedErrorNotARounding()
    {
        var result = FactReader.ReadDepartments("{ \"id\": \"D-1\",\n  \"flexibleLettingShare\": 0.33333333333333333333333333333333 }", "departments.json");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FactInvalid, d.Code);
        Assert.Equal(new SourceLocation("departments.json", "$.flexibleLettingShare", 2, 27), d.Location);
        Assert.Equal("The number has more digits than can be read exactly (at most 28 significant digits and 28 decimal places).", d.Message);
        Assert.DoesNotContain("3333", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDepartments_ShareThatNoExactFractionHolds_IsALocatedError()
    {
        var result = FactReader.ReadDepartments("{ \"id\": \"D-1\", \"flexibleLettingShare\": 0.3333333333333333333 }", "departments.json");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("$.flexibleLettingShare", d.Location.JsonPath);
        Assert.Equal("The share cannot be used as an exact fraction: written out in lowest terms, its numerator and denominator must each fit in 18 digits.", d.Message);
        Assert.Equal("Round it to at most 18 decimal places.", d.Hint);
    }

    [Fact]
    public void ReadDepartments_ShareInExponentNotation_IsReadExactly()
    {
        var result = FactReader.ReadDepartments("{ \"id\": \"D-1\", \"flexibleLettingShare\": 2.5E-1 }", "departments.json");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(0.25m, result.Value!.Items[0].FlexibleLettingShare);
    }

    [Fact]
    public void ReadHouseholds_EnrolmentWithPartMonths_IsALocatedError()
    {
        var result = FactReader.ReadHouseholds("{ \"members\": [ { \"education\": { \"enrolled\": [ { \"months\": 1.5 } ] } } ] }", "hh.json");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("$.members[0].education.enrolled[0].months", d.Location.JsonPath);
        Assert.Equal("An enrolment's months must be a whole number.", d.Message);
        Assert.Equal("Give the end date as \"to\" instead.", d.Hint);
    }

    [Fact]
    public void ReadHouseholds_EnrolmentTo_IsRead()
    {
        var result = FactReader.ReadHouseholds("{ \"members\": [ { \"education\": { \"enrolled\": [ { \"from\": \"2024-08-12\", \"to\": \"2025-06-27\" } ] } } ] }", "hh.json");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new DateOnly(2025, 6, 27), result.Value!.Items[0].Members![0].Education!.Enrolled![0].To);
    }

    [Fact]
    public void ReadDepartments_TwoDepartmentsWithTheSameId_IsAnErrorAtTheSecondId()
    {
        const string json = "[\n  { \"id\": \"HB-101\", \"residents\": 412 },\n  { \"id\": \"HB-102\" },\n  { \"residents\": 9, \"id\": \"HB-101\" }\n]";

        var result = FactReader.ReadDepartments(json, "departments.json");

        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateId, d.Code);
        Assert.Equal(new SourceLocation("departments.json", "$[2].id", 4, 27), d.Location);
        Assert.Equal("departments.json:4:27: error RR0106: This department has the same id as the department at $[0]. (at $[2].id) Hint: Give each department its own id, or remove the repeated department: results, ledgers and journals are keyed by it.", d.ToString());
    }

    [Fact]
    public void ReadHouseholds_TwoHouseholdsWithTheSameId_IsAnErrorThatNamesWhereTheFirstIs_QuotingNothingOfTheFile()
    {
        const string json = "[{ \"id\": \"case-001\", \"residentMunicipality\": \"ZQXMARKER7\" }, { \"id\": \"case-001\", \"residentMunicipality\": \"ZQXMARKER7\" }]";

        var result = FactReader.ReadHouseholds(json, "households.json");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateId, d.Code);
        Assert.Equal("$[1].id", d.Location.JsonPath);
        Assert.Equal("This household has the same id as the household at $[0].", d.Message);
        Assert.DoesNotContain("case-001", d.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ZQXMARKER7", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDepartments_ItemsWithoutIdOrWithDistinctIds_AreNotDuplicates()
    {
        var result = FactReader.ReadDepartments("[{ \"residents\": 1 }, { \"residents\": 2 }, { \"id\": \"a\" }, { \"id\": \"A\" }]", "departments.json");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}
