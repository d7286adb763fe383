using RentalRules.Evaluation;

namespace RentalRules.Explanations;

/// <summary>
/// An eligibility result as compact JSON into a <see cref="CompactJsonBuffer"/>: byte for byte what
/// <see cref="ResultJson.WriteEligibility"/> writes through a compact writer with the relaxed encoder, the form the CLI's
/// check streams a million times. The property names are UTF-8 literals, the pack's texts come from
/// <see cref="EncodedTexts"/>, and every other string is transcoded straight into the buffer. A change to the shape of
/// <see cref="ResultJson.WriteEligibility"/> must be made here too; the tests hold the two to the same bytes.
/// </summary>
internal static class CompactEligibilityJson
{
    /// <summary>Writes <paramref name="e"/> into <paramref name="b"/>.</summary>
    public static void Write(CompactJsonBuffer b, EligibilityResult e)
    {
        b.Raw("{\"household\":"u8);
        b.String(e.HouseholdId);
        b.Raw(",\"department\":"u8);
        b.String(e.DepartmentId);
        b.Raw(",\"route\":"u8);
        b.String(ResultJson.RouteName(e.Route));
        b.Raw(",\"outcome\":"u8);
        b.Raw(OutcomeValue(e.Outcome));
        b.Raw(",\"tier\":"u8);
        b.String(e.Placement.Tier);
        b.Raw(",\"criteria\":["u8);
        for (var i = 0; i < e.Criteria.Count; i++)
        {
            if (i > 0)
            {
                b.Raw((byte)',');
            }

            WriteCriterion(b, e.Criteria[i]);
        }

        b.Raw("],\"missing\":"u8);
        CompactResultParts.WriteStrings(b, e.Missing);
        b.Raw(",\"documents\":"u8);
        CompactResultParts.WriteTexts(b, e.Documents);
        b.Raw(","u8);
        CompactResultParts.WriteExplanation(b, e.Explanation);
        b.Raw(",\"warnings\":"u8);
        CompactResultParts.WriteOwnTexts(b, e.Placement.Warnings);
        if (e.Routes.Count > 0)
        {
            b.Raw(",\"routes\":["u8);
            for (var i = 0; i < e.Routes.Count; i++)
            {
                var r = e.Routes[i];
                b.Raw(i > 0 ? ",{\"route\":"u8 : "{\"route\":"u8);
                b.String(ResultJson.RouteName(r.Route));
                b.Raw(",\"outcome\":"u8);
                b.Raw(OutcomeValue(r.Outcome));
                b.Raw(r.Closed ? ",\"closed\":true,\"missing\":"u8 : ",\"closed\":false,\"missing\":"u8);
                CompactResultParts.WriteStrings(b, r.Missing);
                b.Raw((byte)'}');
            }

            b.Raw((byte)']');
        }

        b.Raw((byte)'}');
    }

    private static void WriteCriterion(CompactJsonBuffer b, CriterionResult c)
    {
        b.Raw("{\"id\":"u8);
        b.String(c.Id);
        b.Raw(",\"clause\":"u8);
        b.String(c.Clause);
        b.Raw(",\"source\":"u8);
        b.String(c.Source);
        b.Raw(",\"outcome\":"u8);
        b.Raw(OutcomeValue(c.Outcome));
        b.Raw(",\"title\":"u8);
        b.Raw(EncodedTexts.Of(c.Title));
        b.Raw(",\"members\":["u8);
        for (var i = 0; i < c.Members.Count; i++)
        {
            var m = c.Members[i];
            b.Raw(i > 0 ? ",{\"member\":"u8 : "{\"member\":"u8);
            b.String(m.MemberId);
            if (m.Age is { } age)
            {
                b.Raw(",\"age\":"u8);
                b.Number(age);
            }

            if (m.BirthDate is { } born)
            {
                b.Raw(",\"birthDate\":"u8);
                b.Date(born);
            }

            b.Raw(",\"outcome\":"u8);
            b.Raw(OutcomeValue(m.Outcome));
            b.Raw(",\"missing\":"u8);
            CompactResultParts.WriteStrings(b, m.Missing);
            if (m.Detail is { } detail)
            {
                b.Raw(",\"detail\":"u8);
                CompactResultParts.WriteOwnText(b, detail);
            }

            b.Raw((byte)'}');
        }

        b.Raw("],\"missing\":"u8);
        CompactResultParts.WriteStrings(b, c.Missing);
        if (c.Detail is { } why)
        {
            b.Raw(",\"detail\":"u8);
            CompactResultParts.WriteOwnText(b, why);
        }

        if (c.Assumptions.Count > 0)
        {
            b.Raw(",\"assumptions\":["u8);
            for (var i = 0; i < c.Assumptions.Count; i++)
            {
                var a = c.Assumptions[i];
                b.Raw(i > 0 ? ",{"u8 : "{"u8);
                if (a.Parameter is { } parameter)
                {
                    b.Raw("\"parameter\":"u8);
                    b.String(parameter);
                    b.Raw(",\"value\":"u8);
                }
                else
                {
                    b.Raw("\"value\":"u8);
                }

                if (a.Value is { } v)
                {
                    b.Number(v);
                }
                else
                {
                    b.Raw("null"u8);
                }

                b.Raw(",\"reason\":"u8);
                b.Raw(EncodedTexts.Of(a.Reason));
                b.Raw((byte)'}');
            }

            b.Raw((byte)']');
        }

        b.Raw(",\"documents\":"u8);
        CompactResultParts.WriteTexts(b, c.Documents);
        if (c.Children.Count > 0)
        {
            b.Raw(",\"criteria\":["u8);
            for (var i = 0; i < c.Children.Count; i++)
            {
                if (i > 0)
                {
                    b.Raw((byte)',');
                }

                WriteCriterion(b, c.Children[i]);
            }

            b.Raw((byte)']');
        }

        b.Raw((byte)'}');
    }

    private static ReadOnlySpan<byte> OutcomeValue(Outcome o) => o switch
    {
        Outcome.Eligible => "\"eligible\""u8,
        Outcome.Ineligible => "\"ineligible\""u8,
        _ => "\"undetermined\""u8,
    };
}
