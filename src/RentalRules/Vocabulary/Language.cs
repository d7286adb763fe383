namespace RentalRules;

/// <summary>
/// The language of a text the library writes: reports, explanations, documents. Every renderer takes one
/// (<c>Explanations.ResultText</c>, <c>ComparisonReport</c>, <c>FollowUpReport</c>, <c>ForecastReport</c>,
/// <c>OfferText</c>, <c>Authoring.PackDocument</c>) and <see cref="LocalizedText.In(Language)"/> picks by it.
/// </summary>
public enum Language
{
    /// <summary>English (<c>en</c>).</summary>
    English,

    /// <summary>Danish (<c>da</c>): the agreements' own language, with decimal commas and thousands points.</summary>
    Danish,
}

/// <summary>
/// The language codes: the one place a code from a file or the command line (<c>da</c>, <c>en</c>) becomes a
/// <see cref="Language"/>, and a language its code (an HTML <c>lang</c>, a key of the fact glossary).
/// </summary>
internal static class Languages
{
    /// <summary>The codes there are, in the order messages list them.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["en", "da"];

    /// <summary>The code: <c>da</c> or <c>en</c>.</summary>
    public static string Code(this Language language) => language == Language.Danish ? "da" : "en";

    /// <summary>
    /// The language of <paramref name="code"/> (<c>da</c> or <c>en</c>, in any case); false for any other code, which the
    /// caller reports where the code stands (an option, a file's JSON path) with <see cref="Codes"/> as the hint.
    /// </summary>
    public static bool TryParse(string? code, out Language language)
    {
        var known = string.Equals(code, "da", StringComparison.OrdinalIgnoreCase) || string.Equals(code, "en", StringComparison.OrdinalIgnoreCase);
        language = string.Equals(code, "da", StringComparison.OrdinalIgnoreCase) ? Language.Danish : Language.English;
        return known;
    }
}
