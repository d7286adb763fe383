using RentalRules.Explanations;

namespace RentalRules.Tests.Explanations;

/// <summary>Numbers in reports: English unchanged, Danish as a Danish memo writes them.</summary>
public sealed class ReportNumbersTests
{
    [Theory]
    [InlineData(3.07, false, "3.07")]
    [InlineData(3.07, true, "3,07")]
    [InlineData(1234.5, false, "1234.50")]
    [InlineData(1234.5, true, "1.234,50")]
    [InlineData(1234567.891, true, "1.234.567,89")]
    [InlineData(0, true, "0,00")]
    [InlineData(-26.17, true, "-26,17")]
    public void Decimal_TwoPlaces_UsesTheLanguagesSeparators(double value, bool danish, string expected)
        => Assert.Equal(expected, ReportNumbers.Decimal((decimal)value, "0.00", danish));

    [Theory]
    [InlineData("0.3", "share", true, "30 %")]
    [InlineData("0.35", "share", true, "35 %")]
    [InlineData("0.3333333333333333", "share", true, "33,33 %")]
    [InlineData("1", "share", true, "100 %")]
    [InlineData("0.3", "share", false, "0.3")]
    [InlineData("16408", "DKK/month", true, "16.408")]
    [InlineData("2.5", "ratio", true, "2,5")]
    [InlineData("not a number", "share", true, "not a number")]
    public void ParameterValue_InDanish_ShowsSharesInPerCentAndNumbersWithADecimalComma(string invariant, string unit, bool danish, string expected)
        => Assert.Equal(expected, ReportNumbers.ParameterValue(invariant, unit, danish));
}
