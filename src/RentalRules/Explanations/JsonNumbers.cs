using System.Text.Json;

namespace RentalRules.Explanations;

/// <summary>How the report renderers write decimals: exact values without trailing zeros, null when unknown.</summary>
internal static class JsonNumbers
{
    /// <summary>The same value without trailing zeros (24.00 → 24): JSON numbers are the exact decimals.</summary>
    public static decimal Exact(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>Writes the number, or null when it is unknown.</summary>
    public static void Write(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Exact(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
