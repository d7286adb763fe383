using RentalRules.Evaluation;

namespace RentalRules.Tests.Evaluation;

public sealed class FractionTests
{
    [Theory]
    [InlineData("1/3", 1, 3)]
    [InlineData("2/6", 1, 3)]
    [InlineData("0.22", 11, 50)]
    [InlineData("0", 0, 1)]
    [InlineData("1", 1, 1)]
    [InlineData("11/50", 11, 50)]
    public void TryParse_ReducesExactly(string text, long n, long d)
    {
        Assert.True(Fraction.TryParse(text, out var f));
        Assert.Equal((n, d), (f.Numerator, f.Denominator));
    }

    [Theory]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("1/3/4")]
    public void TryParse_Rejects(string text) => Assert.False(Fraction.TryParse(text, out _));

    [Fact]
    public void ToString_IsTheContractForm()
    {
        Assert.Equal("11/50", new Fraction(22, 100).ToString());
        Assert.Equal("0", Fraction.Zero.ToString());
        Assert.Equal("1", Fraction.One.ToString());
    }

    [Fact]
    public void CompareTo_IsExact() => Assert.True(new Fraction(1, 3).CompareTo(new Fraction(333_333_333, 1_000_000_000)) > 0);
}
