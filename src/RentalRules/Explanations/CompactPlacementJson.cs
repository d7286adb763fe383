using RentalRules.Evaluation;

namespace RentalRules.Explanations;

/// <summary>
/// A placement as compact JSON into a <see cref="CompactJsonBuffer"/>: byte for byte what
/// <see cref="ResultJson.WritePlacement"/> writes through a compact writer with the relaxed encoder, the form the CLI's
/// place streams for every department. A change to the shape of <see cref="ResultJson.WritePlacement"/> must be made
/// here too; the tests hold the two to the same bytes.
/// </summary>
internal static class CompactPlacementJson
{
    /// <summary>Every letting route in the order of its value, the order <see cref="ResultJson.WritePlacement"/> writes the routes in.</summary>
    private static readonly LettingRoute[] Routes = [.. Enum.GetValues<LettingRoute>().Order()];

    /// <summary>Writes <paramref name="p"/> into <paramref name="b"/>.</summary>
    public static void Write(CompactJsonBuffer b, PlacementResult p)
    {
        b.Raw("{\"department\":"u8);
        b.String(p.DepartmentId);
        b.Raw(",\"outcome\":"u8);
        b.String(ResultJson.Name(p.Outcome));
        b.Raw(",\"tier\":"u8);
        b.String(p.Tier);
        if (p.TierLabel is { } label)
        {
            b.Raw(",\"tierLabel\":"u8);
            b.Raw(EncodedTexts.Of(label));
        }

        b.Raw(",\"municipalShare\":"u8);
        b.String(p.MunicipalShare?.ToString());
        b.Raw(",\"flexibleLetting\":"u8);
        if (p.FlexibleLetting is { } f)
        {
            b.Raw("{\"rule\":"u8);
            b.String(f.Rule);
            b.Raw(",\"maxShare\":"u8);
            b.String(f.MaxShare?.ToString());
            b.Raw(",\"share\":"u8);
            b.String(f.Share?.ToString());
            b.Raw(",\"clause\":"u8);
            b.String(f.Clause);
            b.Raw((byte)'}');
        }
        else
        {
            b.Raw("null"u8);
        }

        b.Raw(",\"criteriaSet\":"u8);
        b.String(p.CriteriaSet);
        b.Raw(",\"specialCriteria\":"u8);
        if (p.SpecialCriteria is { } s)
        {
            b.Raw("{\"share\":"u8);
            b.String(s.Share.ToString());
            b.Raw(",\"criteriaSet\":"u8);
            b.String(s.CriteriaSet);
            b.Raw(",\"clause\":"u8);
            b.String(s.Clause);
            b.Raw((byte)'}');
        }
        else
        {
            b.Raw("null"u8);
        }

        b.Raw(",\"routes\":{"u8);
        var first = true;
        foreach (var route in Routes)
        {
            if (!p.Routes.TryGetValue(route, out var summary))
            {
                continue;
            }

            if (!first)
            {
                b.Raw((byte)',');
            }

            first = false;
            b.String(ResultJson.RouteName(route));
            b.Raw(summary.Open ? ":{\"open\":true,\"criteriaSets\":"u8 : ":{\"open\":false,\"criteriaSets\":"u8);
            CompactResultParts.WriteStrings(b, summary.CriteriaSets);
            b.Raw((byte)'}');
        }

        b.Raw("},"u8);
        CompactResultParts.WriteExplanation(b, p.Explanation);
        b.Raw(",\"missing\":"u8);
        CompactResultParts.WriteStrings(b, p.Missing);
        b.Raw(",\"warnings\":"u8);
        CompactResultParts.WriteOwnTexts(b, p.Warnings);
        b.Raw((byte)'}');
    }
}
