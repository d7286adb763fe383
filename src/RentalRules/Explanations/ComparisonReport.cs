using System.Text.Json;
using RentalRules.Analysis;

namespace RentalRules.Explanations;

/// <summary>
/// Renders a <see cref="Comparison"/> of a draft with its base as a report in Markdown, as one self-contained HTML page
/// (inline CSS, charts as inline SVG, no scripts or external resources) or as JSON. Sections: the draft's rule changes;
/// the departments whose tier or municipal allocations change, with the changes that caused it; the tier distribution
/// and the municipal allocations per year per tier, per organisation and in total, before and after; and, when households
/// were checked, the applicants whose eligibility changes. The renderers only lay out what the comparison holds: figures
/// are expected values per year, shown with 2 decimals (JSON keeps the exact decimals). Thread-safe (stateless).
/// </summary>
public static class ComparisonReport
{
    /// <summary>The report as Markdown (GitHub-flavoured tables).</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="language">The language of the text.</param>
    /// <returns>The Markdown text.</returns>
    public static string Markdown(Comparison comparison, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return ComparisonMarkdown.Write(ComparisonDocument.Build(comparison, language));
    }

    /// <summary>
    /// The report as one self-contained HTML page: inline CSS (also for print), the tables of the Markdown report, and two
    /// charts drawn as inline SVG with a title, a description and a number on every bar: the departments per tier before
    /// and after, and the municipal allocations per year per tier and in total before and after. All text from packs and
    /// facts is HTML-encoded.
    /// </summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="language">The language of the text.</param>
    /// <returns>The HTML document.</returns>
    public static string Html(Comparison comparison, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return ComparisonHtml.Write(ComparisonDocument.Build(comparison, language));
    }

    /// <summary>
    /// Writes the report as one JSON object: <c>base</c>, <c>draft</c>, <c>on</c>, <c>ruleChanges[]</c>
    /// (<c>kind</c>, <c>id</c>, <c>change</c>), <c>departments[]</c> (<c>department</c>, <c>baseTier</c>,
    /// <c>draftTier</c>, <c>baseMunicipalPerYear</c>, <c>draftMunicipalPerYear</c>, <c>causedBy[]</c>, …),
    /// <c>tierDistribution[]</c>, <c>municipalPerYear</c> (<c>byTier[]</c>, <c>byOrganisation[]</c>, <c>total</c>, each
    /// with <c>before</c>, <c>after</c>, <c>difference</c>), <c>notCounted</c>, <c>householdsChecked</c> (<c>null</c> when
    /// no households were given) and <c>households[]</c>. Numbers are exact decimals.
    /// </summary>
    /// <param name="w">The writer.</param>
    /// <param name="comparison">The comparison.</param>
    public static void Json(Utf8JsonWriter w, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(comparison);
        ComparisonJson.Write(w, comparison);
    }
}
