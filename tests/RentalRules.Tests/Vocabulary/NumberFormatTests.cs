using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace RentalRules.Tests.Vocabulary;

/// <summary>
/// How an explanation quotes a number (an income, an age, a share, a threshold): at most two decimals, thousands
/// separated, Danish with the separators swapped. Whole numbers are written by hand (the path every member's income
/// takes); the property holds them to the framework's <c>#,0.##</c> format they replaced, for any decimal.
/// </summary>
public sealed class NumberFormatTests
{
    [Theory]
    [InlineData("16408", false, "16,408 DKK a month")]
    [InlineData("16408", true, "16.408 kr. pr. måned")]
    [InlineData("42000.00", true, "42.000 kr. pr. måned")]
    [InlineData("999", false, "999 DKK a month")]
    [InlineData("1000", false, "1,000 DKK a month")]
    [InlineData("0", true, "0 kr. pr. måned")]
    [InlineData("-1234567", false, "-1,234,567 DKK a month")]
    [InlineData("16408.5", true, "16.408,5 kr. pr. måned")]
    [InlineData("16408.555", false, "16,408.56 DKK a month")]
    public void Format_AnAmount_QuotesItWithItsUnit(string value, bool danish, string expected)
        => Assert.Equal(expected, ReasonText.Format(ParameterUnit.DkkPerMonth, decimal.Parse(value, CultureInfo.InvariantCulture), danish));

    [Theory]
    [InlineData("0.0156", true, "1,56 %")]
    [InlineData("0.3", false, "30 %")]
    [InlineData("0.22", true, "22 %")]
    public void Format_AShare_QuotesItAsAPercentage(string value, bool danish, string expected)
        => Assert.Equal(expected, ReasonText.Format(ParameterUnit.Share, decimal.Parse(value, CultureInfo.InvariantCulture), danish));

    [Fact]
    public void Format_TheLargestDecimals_StillQuotesEveryDigit()
    {
        Assert.Equal(Framework(decimal.MaxValue, false), ReasonText.Format(ParameterUnit.Count, decimal.MaxValue, false));
        Assert.Equal(Framework(decimal.MinValue, true), ReasonText.Format(ParameterUnit.Count, decimal.MinValue, true));
        Assert.Equal(Framework(-0.0m, false), ReasonText.Format(ParameterUnit.Count, -0.0m, false));
    }

    [Property(MaxTest = 2000, Replay = "(2718281828,3141592653)")]
    public Property AnyDecimal_IsQuotedAsTheFrameworkFormatsIt()
        => Prop.ForAll(
            Arb.From(Gen.OneOf(
                Gen.Choose(-2_000_000, 2_000_000).Select(i => (decimal)i),
                Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(0, 6)).Select(t => new decimal(Math.Abs(t.Item1), 0, 0, t.Item1 < 0, (byte)t.Item2)),
                Gen.Zip(Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, int.MaxValue)), Gen.Choose(0, 28)).Select(t => new decimal(t.Item1.Item1, t.Item1.Item2, 0, t.Item1.Item1 % 2 == 0, (byte)t.Item2)),
                Gen.Elements(999_999_999_999_999m, 1_000_000_000_000_000m, -999_999_999_999_999m, -1_000_000_000_000_000m, 0.005m, -0.005m, 0.0m, -0.0m))),
            Arb.From(Gen.Elements(true, false)),
            (value, danish) => ReasonText.Format(ParameterUnit.Count, value, danish) == Framework(value, danish)
                && ReasonText.Format(ParameterUnit.Dkk, value, danish) == Framework(value, danish) + (danish ? " kr." : " DKK"));

    /// <summary>What the explanations said before the hand-written path: the framework's format, separators swapped for Danish.</summary>
    private static string Framework(decimal value, bool danish)
    {
        var text = value.ToString("#,0.##", CultureInfo.InvariantCulture);
        return danish ? new string([.. text.Select(c => c switch { ',' => '.', '.' => ',', _ => c })]) : text;
    }
}
