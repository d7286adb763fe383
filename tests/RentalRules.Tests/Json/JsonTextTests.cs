using RentalRules.Diagnostics;
using RentalRules.Facts;
using RentalRules.Json;

namespace RentalRules.Tests.Json;

/// <summary>
/// System.Text.Json's reader messages said in our words: each number mistake a person makes in a fact or pack file gets
/// a message of its own, located at the number, and never quotes the file's text.
/// </summary>
public sealed class JsonTextTests
{
    [Theory]
    [InlineData("{ \"id\": \"D-1\", \"dwellings\": 025 }", 30, "Invalid JSON: a number has a leading zero before another digit (like 025).", "Leave out the leading zero (25); write a number below 1 as 0.25.")]
    [InlineData("{ \"id\": \"D-1\", \"dwellings\": 01.5 }", 30, "Invalid JSON: a number has a leading zero before another digit (like 025).", "Leave out the leading zero (25); write a number below 1 as 0.25.")]
    [InlineData("{ \"id\": \"D-1\", \"flexibleLettingShare\": 0.25x }", 44, "Invalid JSON: a number is followed by a character that cannot follow it.", "Write numbers as digits with a '.' decimal point, e.g. 0.28.")]
    [InlineData("{ \"id\": \"D-1\", \"dwellings\": 25x }", 31, "Invalid JSON: a number is followed by a character that cannot follow it.", "Write numbers as digits with a '.' decimal point, e.g. 0.28.")]
    public void ReadDepartments_AMistypedNumber_HasItsOwnLocatedMessage(string json, int column, string message, string hint)
    {
        var result = FactReader.ReadDepartments(json, "departments.json");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.JsonSyntax, d.Code);
        Assert.Equal(("departments.json", 1), (d.Location.File, d.Location.Line));
        Assert.Equal(column, d.Location.Column);
        Assert.Equal(message, d.Message);
        Assert.Equal(hint, d.Hint);
    }

    [Fact]
    public void Describe_AnUnknownMessage_IsTheGenericInvalidJson()
    {
        // A reader message of a later System.Text.Json that the table does not know: fixed text only, never the message's.
        var d = JsonText.Describe("'q' is something new about 'secret-household-value'. LineNumber: 0 | BytePositionInLine: 3.");

        Assert.Same(Descriptors.JsonInvalid, d);
    }
}
