using System.Globalization;
using System.Numerics;

namespace RentalRules;

/// <summary>
/// An exact, non-negative fraction in lowest terms, such as <c>1/3</c> or <c>11/50</c>. Shares are never floating point.
/// Immutable value: safe to share across threads.
/// </summary>
public readonly record struct Fraction
{
    /// <summary>Creates a fraction and reduces it; the denominator must be positive.</summary>
    /// <param name="numerator">Numerator, non-negative.</param>
    /// <param name="denominator">Denominator, positive.</param>
    public Fraction(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var g = Gcd(numerator, denominator);
        Numerator = numerator / g;
        Denominator = denominator / g;
    }

    /// <summary>Zero.</summary>
    public static Fraction Zero => new(0, 1);

    /// <summary>One (100 %).</summary>
    public static Fraction One => new(1, 1);

    /// <summary>The numerator.</summary>
    public long Numerator { get; }

    /// <summary>The denominator (at least 1 once constructed).</summary>
    public long Denominator { get; }

    /// <summary>Parses <c>"1/3"</c>, <c>"0"</c>, <c>"1"</c> or a decimal such as <c>"0.22"</c> (taken exactly as 11/50).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The fraction.</param>
    /// <returns>Whether the text was a non-negative fraction.</returns>
    public static bool TryParse(string? text, out Fraction value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            if (long.TryParse(text[..slash].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && long.TryParse(text[(slash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d > 0)
            {
                value = new Fraction(n, d);
                return true;
            }

            return false;
        }

        if (TryParseExact(text.Trim(), out var num, out var den, out var negative) && !negative)
        {
            return TryFrom(num, den, out value);
        }

        return false;
    }

    /// <summary>Converts a decimal exactly (0.22 → 11/50, 0.3333333333333333 → 3333333333333333/10000000000000000).</summary>
    /// <param name="value">A non-negative decimal whose reduced numerator and denominator fit in a 64-bit integer.</param>
    /// <param name="fraction">The fraction.</param>
    /// <returns>Whether it could be represented.</returns>
    public static bool TryFromDecimal(decimal value, out Fraction fraction)
    {
        fraction = default;
        if (value < 0)
        {
            return false;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0 && scale <= 18)
        {
            // The common case (a share such as 0.4501): a 64-bit mantissa over 10^scale, reduced in 64-bit arithmetic.
            var num = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            var den = Pow10[scale];
            var g = Gcd(num, den);
            if (g > 1)
            {
                num /= g;
                den /= g;
            }

            if (num > long.MaxValue)
            {
                return false;
            }

            fraction = new Fraction((long)num, (long)den);
            return true;
        }

        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return TryFrom(mantissa, BigInteger.Pow(10, scale), out fraction);
    }

    private static readonly ulong[] Pow10 = PowersOfTen();

    /// <summary>10⁰ … 10¹⁸.</summary>
    private static ulong[] PowersOfTen()
    {
        var powers = new ulong[19];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }

    private static ulong Gcd(ulong a, ulong b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>
    /// Reads a decimal number as text exactly (digits, an optional point, an optional exponent as JSON allows), as
    /// numerator / denominator in lowest terms; no rounding ever happens.
    /// </summary>
    internal static bool TryParseExact(string text, out BigInteger numerator, out BigInteger denominator, out bool negative)
    {
        numerator = BigInteger.Zero;
        denominator = BigInteger.One;
        negative = false;
        var i = 0;
        if (i < text.Length && text[i] is '-' or '+')
        {
            negative = text[i] == '-';
            i++;
        }

        var digits = 0;
        var fractionDigits = 0;
        var seenPoint = false;
        var mantissa = new System.Text.StringBuilder();
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                mantissa.Append(c);
                digits++;
                fractionDigits += seenPoint ? 1 : 0;
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        var exponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            if (!int.TryParse(text.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || Math.Abs(exponent) > 400)
            {
                return false;
            }

            i = text.Length;
        }

        if (i != text.Length)
        {
            return false;
        }

        numerator = BigInteger.Parse(mantissa.ToString(), CultureInfo.InvariantCulture);
        var power = exponent - fractionDigits;
        if (power >= 0)
        {
            numerator *= BigInteger.Pow(10, power);
        }
        else
        {
            denominator = BigInteger.Pow(10, -power);
        }

        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsZero && !g.IsOne)
        {
            numerator /= g;
            denominator /= g;
        }

        return true;
    }

    private static bool TryFrom(BigInteger numerator, BigInteger denominator, out Fraction fraction)
    {
        fraction = default;
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsZero)
        {
            numerator /= g;
            denominator /= g;
        }

        if (numerator > long.MaxValue || denominator > long.MaxValue || denominator.IsZero)
        {
            return false;
        }

        fraction = new Fraction((long)numerator, (long)denominator);
        return true;
    }

    /// <summary>The value as a decimal (rounded for non-terminating fractions).</summary>
    public decimal ToDecimal() => Denominator == 0 ? 0m : (decimal)Numerator / Denominator;

    /// <summary>Compares two fractions exactly.</summary>
    /// <param name="other">The other fraction.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(Fraction other)
        => ((System.Numerics.BigInteger)Numerator * other.Denominator).CompareTo((System.Numerics.BigInteger)other.Numerator * Denominator);

    /// <summary>The smaller of two fractions.</summary>
    /// <param name="a">One.</param>
    /// <param name="b">The other.</param>
    /// <returns>The smaller.</returns>
    public static Fraction Min(Fraction a, Fraction b) => a.CompareTo(b) <= 0 ? a : b;

    /// <summary><c>"1/3"</c>, or <c>"0"</c> and <c>"1"</c> for whole numbers.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => Denominator <= 1 ? Numerator.ToString(CultureInfo.InvariantCulture) : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a == 0 ? 1 : a;
    }
}
