namespace RentalRules;

/// <summary>
/// A short text in Danish and English.
/// Immutable value: safe to share across threads.
/// </summary>
/// <param name="Da">Danish.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string Da, string En)
{
    /// <summary>The text in the given language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The text.</returns>
    public string In(Language language) => language == Language.Danish ? Da : En;
}
