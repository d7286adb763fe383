namespace RentalRules;

/// <summary>A short text in Danish and English.</summary>
/// <param name="Da">Danish.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string Da, string En)
{
    /// <summary>The text in the given language (<c>"da"</c> or <c>"en"</c>).</summary>
    /// <param name="language">The language code.</param>
    /// <returns>The text.</returns>
    public string In(string language) => language == "da" ? Da : En;
}
