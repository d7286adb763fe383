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

/// <summary>The language codes the renderers work with inside the library.</summary>
internal static class Languages
{
    /// <summary>The code: <c>da</c> or <c>en</c>.</summary>
    public static string Code(this Language language) => language == Language.Danish ? "da" : "en";
}
