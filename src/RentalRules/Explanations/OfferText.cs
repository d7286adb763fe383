using System.Globalization;
using System.Text;
using RentalRules.Evaluation;

namespace RentalRules.Explanations;

/// <summary>
/// Renders offer lists as text, in Danish or English (the CLI's <c>offer</c> output). Renders; never decides.
/// Stateless: safe to call from any thread.
/// </summary>
public static class OfferText
{
    /// <summary>One vacancy's offer list: the decision, the order rule and its clause, the households in order, the unplaced ones, and the counts.</summary>
    /// <param name="offer">The vacancy's offer.</param>
    /// <param name="language">The language of the text.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Vacancy(VacancyOffer offer, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var da = language == Language.Danish;
        var d = offer.Decision;
        var sb = new StringBuilder();
        sb.Append(d.VacancyId ?? "-").Append("  ").Append(d.DepartmentId ?? "-").Append("  ").Append(ResultJson.Name(d.Route));
        if (d.SpecialCriteria)
        {
            sb.Append(da ? " (særlige kriterier)" : " (special criteria)");
        }

        if (d.Tier is not null)
        {
            sb.Append(da ? "  indplacering " : "  tier ").Append(d.Tier);
        }

        if (d.Count is { } k && d.Counter is not null)
        {
            sb.Append("  ").Append(d.Counter).Append(" #").Append(k.ToString(CultureInfo.InvariantCulture));
        }

        sb.AppendLine();
        if (d.Explanation.Count > 0)
        {
            sb.Append("  ").Append(da ? "Vej: " : "Route: ").AppendLine(ResultText.Line(d.Explanation[^1], language));
        }

        sb.Append("  ").Append(da ? "Rækkefølge: " : "Order: ").AppendLine(ResultText.Line(offer.Order, language));
        if (offer.Route is null)
        {
            return sb.ToString();
        }

        if (offer.Candidates.Count == 0)
        {
            sb.Append("  ").AppendLine(da ? "Ingen husstande kan få tilbudt boligen." : "No household may be offered the dwelling.");
        }

        foreach (var c in offer.Candidates)
        {
            sb.Append("  ").Append(c.Place!.Value.ToString(CultureInfo.InvariantCulture).PadLeft(3)).Append(". ").Append(Id(c));
            Details(sb, c, da);
            sb.AppendLine();
        }

        if (offer.UnplacedCount > 0)
        {
            sb.Append("  ").AppendLine(da
                ? $"Uden plads ({offer.UnplacedCount.ToString(CultureInfo.InvariantCulture)}): opfylder betingelserne, men rækkefølgen kan ikke afgøres:"
                : $"Without a place ({offer.UnplacedCount.ToString(CultureInfo.InvariantCulture)}): they meet the conditions, but their place cannot be decided:");
            foreach (var c in offer.Unplaced)
            {
                sb.Append("     ? ").Append(Id(c));
                Details(sb, c, da);
                sb.Append(" — ").AppendLine(c.Reason?.In(language));
            }
        }

        sb.Append("  ").Append(da
            ? $"{offer.Considered} husstande: {offer.Eligible} kan få tilbudt boligen, {offer.Ineligible} ikke berettigede, {offer.Undetermined} uafklarede."
            : $"{offer.Considered} households: {offer.Eligible} may be offered the dwelling, {offer.Ineligible} ineligible, {offer.Undetermined} undetermined.").AppendLine();
        if (offer.MostOftenMissing.Count > 0)
        {
            sb.Append("  ").Append(da ? "Oftest manglende oplysninger: " : "Facts most often missing: ")
                .AppendLine(string.Join(", ", offer.MostOftenMissing.Select(m => $"{Facts.FactGlossary.Missing(m.Fact, language)} ({m.Households.ToString(CultureInfo.InvariantCulture)})")));
        }

        if (offer.CandidatesNotFound.Count > 0)
        {
            sb.Append("  ").Append(da ? "Kandidater, der ikke er blandt husstandene: " : "Candidates not among the households: ").AppendLine(string.Join(", ", offer.CandidatesNotFound));
        }

        return sb.ToString();
    }

    /// <summary>Every vacancy's list, with a heading.</summary>
    /// <param name="result">The offers.</param>
    /// <param name="title">The pack's title (a heading).</param>
    /// <param name="language">The language of the text.</param>
    /// <returns>The text.</returns>
    public static string Offers(OfferResult result, string title, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(result);
        var da = language == Language.Danish;
        var sb = new StringBuilder();
        sb.AppendLine(title);
        sb.Append(result.PackId).Append(da ? ", pr. " : ", on ").Append(result.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(": ")
            .Append(result.Offers.Count.ToString(CultureInfo.InvariantCulture)).Append(da ? " ledige boliger, " : " vacancies, ")
            .Append(result.Households.ToString(CultureInfo.InvariantCulture)).AppendLine(da ? " husstande" : " households");
        foreach (var offer in result.Offers)
        {
            sb.AppendLine();
            sb.Append(Vacancy(offer, language));
        }

        return sb.ToString();
    }

    private static string Id(OfferCandidate c) => c.HouseholdId ?? $"#{(c.Index + 1).ToString(CultureInfo.InvariantCulture)}";

    private static void Details(StringBuilder sb, OfferCandidate c, bool da)
    {
        if (c.CandidateRank is { } rank)
        {
            sb.Append(da ? "  kandidat nr. " : "  candidate #").Append(rank.ToString(CultureInfo.InvariantCulture));
        }

        if (c.WaitingListSince is { } since)
        {
            sb.Append(da ? "  opskrevet " : "  since ").Append(since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (c.QualifiedBy is { } q)
        {
            sb.Append("  ").Append(q.RuleId).Append(" (").Append(q.Clause).Append(')');
        }
    }
}
