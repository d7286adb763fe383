using System.Globalization;

namespace RentalRules.Evaluation;

/// <summary>An exact, non-negative fraction in lowest terms, such as <c>1/3</c> or <c>11/50</c>. Shares are never floating point.</summary>
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

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dec))
        {
            return TryFromDecimal(dec, out value);
        }

        return false;
    }

    /// <summary>Converts a decimal exactly (0.22 → 11/50).</summary>
    /// <param name="value">A non-negative decimal with at most 18 decimal places.</param>
    /// <param name="fraction">The fraction.</param>
    /// <returns>Whether it could be represented.</returns>
    public static bool TryFromDecimal(decimal value, out Fraction fraction)
    {
        fraction = default;
        if (value < 0)
        {
            return false;
        }

        long den = 1;
        var scaled = value;
        while (scaled != decimal.Truncate(scaled))
        {
            if (den >= 1_000_000_000_000_000L)
            {
                return false;
            }

            scaled *= 10;
            den *= 10;
        }

        if (scaled > long.MaxValue)
        {
            return false;
        }

        fraction = new Fraction((long)scaled, den);
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
