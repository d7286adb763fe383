using RentalRules.Evaluation;

namespace RentalRules.Explanations;

/// <summary>
/// A routing decision as compact JSON into a <see cref="CompactJsonBuffer"/>: byte for byte what
/// <see cref="ResultJson.WriteDecision"/> writes through a compact writer with the relaxed encoder, the form the CLI's
/// route streams for every vacancy. A change to the shape of <see cref="ResultJson.WriteDecision"/> must be made here
/// too; the tests hold the two to the same bytes.
/// </summary>
internal static class CompactDecisionJson
{
    /// <summary>Writes <paramref name="d"/> into <paramref name="b"/>.</summary>
    public static void Write(CompactJsonBuffer b, RoutingDecision d)
    {
        b.Raw("{\"vacancy\":"u8);
        b.String(d.VacancyId);
        b.Raw(",\"department\":"u8);
        b.String(d.DepartmentId);
        b.Raw(",\"route\":"u8);
        b.String(ResultJson.Name(d.Route));
        b.Raw(d.SpecialCriteria ? ",\"specialCriteria\":true,\"criteriaSet\":"u8 : ",\"specialCriteria\":false,\"criteriaSet\":"u8);
        b.String(d.CriteriaSet);
        b.Raw(",\"tier\":"u8);
        b.String(d.Tier);
        b.Raw(",\"counter\":"u8);
        b.String(d.Counter);
        b.Raw(",\"count\":"u8);
        if (d.Count is { } k)
        {
            b.Number(k);
        }
        else
        {
            b.Raw("null"u8);
        }

        b.Raw(",\"municipalShare\":"u8);
        b.String(d.MunicipalShare?.ToString());
        b.Raw(",\"marks\":"u8);
        CompactResultParts.WriteStrings(b, d.Marks);
        b.Raw((byte)',');
        CompactResultParts.WriteExplanation(b, d.Explanation);
        b.Raw(",\"missing\":"u8);
        CompactResultParts.WriteStrings(b, d.Missing);
        b.Raw((byte)'}');
    }
}
