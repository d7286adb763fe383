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
    [InlineData("0.3333333333333333", 3333333333333333, 10000000000000000)]
    [InlineData("0.500000000000000000000000", 1, 2)]
    [InlineData("2.2e-1", 11, 50)]
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
    [InlineData("0.3333333333333333333")]
    [InlineData("-0.5")]
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

    [Fact]
    public void TryFromDecimal_SixteenThrees_IsThatDecimalExactly()
    {
        // Issue 11: flexibleLettingShare 0.3333333333333333 was silently read as absent.
        Assert.True(Fraction.TryFromDecimal(0.3333333333333333m, out var f));
        Assert.Equal("3333333333333333/10000000000000000", f.ToString());
    }

    [FsCheck.Xunit.Property(MaxTest = 1000, Replay = "8312657437211,5391173001209")]
    public bool TryFromDecimal_AnyShareWithAtMost18DecimalPlaces_IsExactlyThatDecimal(ulong digits, byte places)
    {
        var scale = (byte)(places % 19);
        var mantissa = digits % (ulong)Math.Pow(10, scale) ;
        var value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, scale);
        return Fraction.TryFromDecimal(value, out var f)
            && (System.Numerics.BigInteger)f.Numerator * System.Numerics.BigInteger.Pow(10, scale) == (System.Numerics.BigInteger)mantissa * f.Denominator;
    }

    [FsCheck.Xunit.Property(MaxTest = 1000, Replay = "8312657437211,5391173001209")]
    public bool TryFromDecimal_AnyDecimal_IsItsValueInLowestTermsOrRefusedWhenThatDoesNotFit64Bits(uint lo, uint mid, uint hi, byte places)
    {
        // Every mantissa (up to 96 bits) and scale (0-28): the 64-bit fast path and the wide path agree with exact arithmetic.
        var scale = (byte)(places % 29);
        var value = new decimal((int)lo, (int)mid, (int)(hi % 4 == 0 ? 0 : hi), false, scale);
        var mantissa = ((System.Numerics.BigInteger)(hi % 4 == 0 ? 0 : hi) << 64) | ((System.Numerics.BigInteger)mid << 32) | lo;
        var denominator = System.Numerics.BigInteger.Pow(10, scale);
        var g = System.Numerics.BigInteger.GreatestCommonDivisor(mantissa, denominator);
        var (n, d) = (mantissa / g, denominator / g);
        var fits = n <= long.MaxValue && d <= long.MaxValue;
        return Fraction.TryFromDecimal(value, out var f) ? fits && f.Numerator == n && f.Denominator == d : !fits;
    }
}
