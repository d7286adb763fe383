namespace RentalRules.Hosting.Packs;

/// <summary>
/// Thrown by <see cref="IRulePackProvider.GetPack"/> when no pack covers a municipality on a date.
/// Its properties are read-only: safe to read from any thread.
/// </summary>
public sealed class RulePackNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="municipality">The municipality asked for.</param>
    /// <param name="on">The date asked for.</param>
    public RulePackNotFoundException(string municipality, DateOnly on)
        : base($"No rule pack covers the municipality '{municipality}' on {on:yyyy-MM-dd}. Install its agreement pack in the pack folder, or check the municipality's spelling and the pack's validFrom/validTo.")
    {
        Municipality = municipality;
        On = on;
    }

    /// <summary>The municipality asked for.</summary>
    public string Municipality { get; }

    /// <summary>The date asked for.</summary>
    public DateOnly On { get; }
}
