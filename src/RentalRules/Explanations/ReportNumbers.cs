using System.Globalization;

namespace RentalRules.Explanations;

/// <summary>
/// Numbers in reports, in the report's language: English as the invariant culture writes them (<c>1234.50</c>),
/// Danish with a decimal comma and a thousands point (<c>1.234,50</c>) and shares as per cent (<c>30 %</c>), as a
/// Danish memo writes them. Culture data is not used (the library runs with invariant globalization).
/// </summary>
internal static class ReportNumbers
{
    /// <summary>The value in the format (<c>0.00</c>, <c>0.##</c>), Danish-style where <paramref name="danish"/>.</summary>
    public static string Decimal(decimal value, string format, bool danish)
    {
        if (!danish)
        {
            return value.ToString(format, CultureInfo.InvariantCulture);
        }

        // Group the integer part with ',' invariantly, then swap the separators: 1,234.50 → 1.234,50.
        var grouped = value.ToString("#,##" + format, CultureInfo.InvariantCulture);
        var chars = grouped.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch { ',' => '.', '.' => ',', var ch => ch };
        }

        return new string(chars);
    }

    /// <summary>
    /// A parameter value written invariantly (as comparisons carry it), in the report's language: in Danish a share as
    /// per cent with up to 2 decimals (<c>0.3</c> → <c>30 %</c>, <c>0.3333</c> → <c>33,33 %</c>) and any other number
    /// with a decimal comma; English unchanged.
    /// </summary>
    public static string ParameterValue(string invariant, string? unit, bool danish)
    {
        if (!danish || !decimal.TryParse(invariant, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return invariant;
        }

        return unit == "share"
            ? Decimal(Math.Round(value * 100m, 2), "0.##", danish: true) + " %"
            : Decimal(value, "0.############", danish: true);
    }
}
