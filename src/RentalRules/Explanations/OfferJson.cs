using System.Globalization;
using System.Text.Json;
using RentalRules.Evaluation;

namespace RentalRules.Explanations;

/// <summary>
/// Writes offer lists as JSON (camelCase), the CLI's <c>offer --json</c>. Renders; never decides.
/// Stateless: safe to call from any thread.
/// </summary>
public static class OfferJson
{
    /// <summary>One vacancy's offer: <c>decision</c>, <c>route</c>, <c>order</c>, <c>candidates[]</c>, <c>unplaced[]</c>, the counts and <c>mostOftenMissing[]</c>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="offer">The offer.</param>
    public static void WriteVacancy(Utf8JsonWriter w, VacancyOffer offer)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(offer);
        w.WriteStartObject();
        w.WriteString("vacancy", offer.Decision.VacancyId);
        w.WritePropertyName("decision");
        ResultJson.WriteDecision(w, offer.Decision);
        if (offer.Route is { } route)
        {
            w.WriteString("route", RouteNames.Name(route));
        }
        else
        {
            w.WriteNull("route");
        }

        w.WritePropertyName("order");
        WriteExplanation(w, offer.Order);
        w.WriteStartArray("candidates");
        foreach (var c in offer.Candidates)
        {
            WriteCandidate(w, c);
        }

        w.WriteEndArray();
        w.WriteStartArray("unplaced");
        foreach (var c in offer.Unplaced)
        {
            WriteCandidate(w, c);
        }

        w.WriteEndArray();
        w.WriteNumber("considered", offer.Considered);
        w.WriteNumber("eligible", offer.Eligible);
        w.WriteNumber("unplacedCount", offer.UnplacedCount);
        w.WriteNumber("ineligible", offer.Ineligible);
        w.WriteNumber("undetermined", offer.Undetermined);
        w.WriteStartArray("mostOftenMissing");
        foreach (var m in offer.MostOftenMissing)
        {
            w.WriteStartObject();
            w.WriteString("fact", m.Fact);
            w.WriteNumber("households", m.Households);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (offer.CandidatesNotFound.Count > 0)
        {
            w.WriteStartArray("candidatesNotFound");
            foreach (var id in offer.CandidatesNotFound)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteCandidate(Utf8JsonWriter w, OfferCandidate c)
    {
        w.WriteStartObject();
        if (c.Place is { } place)
        {
            w.WriteNumber("place", place);
        }
        else
        {
            w.WriteNull("place");
        }

        w.WriteString("household", c.HouseholdId);
        w.WriteNumber("index", c.Index);
        if (c.WaitingListSince is { } since)
        {
            w.WriteString("waitingListSince", since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (c.CandidateRank is { } rank)
        {
            w.WriteNumber("candidateRank", rank);
        }

        if (c.QualifiedBy is { } q)
        {
            w.WritePropertyName("qualifiedBy");
            WriteExplanation(w, q);
        }
        else
        {
            w.WriteNull("qualifiedBy");
        }

        if (c.Place is null)
        {
            w.WriteStartArray("missing");
            foreach (var m in c.Missing)
            {
                w.WriteStringValue(m);
            }

            w.WriteEndArray();
            if (c.Reason is { } reason)
            {
                w.WriteStartObject("reason");
                w.WriteString("da", reason.Da);
                w.WriteString("en", reason.En);
                w.WriteEndObject();
            }
        }

        w.WriteEndObject();
    }

    private static void WriteExplanation(Utf8JsonWriter w, Explanation x)
    {
        w.WriteStartObject();
        w.WriteString("rule", x.RuleId);
        w.WriteString("clause", x.Clause);
        w.WriteString("source", x.Source);
        w.WriteStartObject("reason");
        w.WriteString("da", x.Reason.Da);
        w.WriteString("en", x.Reason.En);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
