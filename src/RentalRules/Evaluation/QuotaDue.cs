using System.Numerics;

namespace RentalRules.Evaluation;

/// <summary>
/// The arithmetic of what a counter owes the municipality: the exact sum of the shares its vacancies were counted
/// with. Under one share p that sum is k·p, and the k-th vacancy is municipal when ⌊k·p⌋ &gt; ⌊(k−1)·p⌋; across a tier
/// change the sum carries on with the new share, so after vacancies n₁ under p₁, n₂ under p₂, … the municipality has
/// had exactly ⌊n₁·p₁ + n₂·p₂ + …⌋ (DESIGN §5.2). Exact: fractions over integers, never floating point.
/// </summary>
internal static class QuotaDue
{
    /// <summary>n·p, exactly; <c>null</c> when it does not fit a fraction of 64-bit integers.</summary>
    public static Fraction? Times(long n, Fraction p) => Make((BigInteger)n * p.Numerator, p.Denominator);

    /// <summary>a + b, exactly; <c>null</c> when it does not fit a fraction of 64-bit integers.</summary>
    public static Fraction? Plus(Fraction a, Fraction b)
        => Make(((BigInteger)a.Numerator * b.Denominator) + ((BigInteger)b.Numerator * a.Denominator), (BigInteger)a.Denominator * b.Denominator);

    /// <summary>a − b, exactly, at least 0; <c>null</c> when it does not fit a fraction of 64-bit integers.</summary>
    public static Fraction? Minus(Fraction a, Fraction b)
    {
        var numerator = ((BigInteger)a.Numerator * b.Denominator) - ((BigInteger)b.Numerator * a.Denominator);
        return Make(BigInteger.Max(numerator, BigInteger.Zero), (BigInteger)a.Denominator * b.Denominator);
    }

    /// <summary>⌊f⌋.</summary>
    public static long Floor(Fraction f) => f.Numerator / f.Denominator;

    /// <summary>f − ⌊f⌋: the progress towards the next allocation.</summary>
    public static Fraction Progress(Fraction f) => new(f.Numerator % f.Denominator, f.Denominator);

    private static Fraction? Make(BigInteger numerator, BigInteger denominator)
    {
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (g > 1)
        {
            numerator /= g;
            denominator /= g;
        }

        return numerator <= long.MaxValue && denominator <= long.MaxValue ? new Fraction((long)numerator, (long)denominator) : null;
    }
}
