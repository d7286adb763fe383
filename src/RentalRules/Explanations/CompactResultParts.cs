namespace RentalRules.Explanations;

/// <summary>
/// The parts every result's hand-written compact JSON shares (<see cref="CompactEligibilityJson"/>,
/// <see cref="CompactPlacementJson"/>, <see cref="CompactDecisionJson"/>): string arrays, the pack's texts and texts made
/// for one result, and the explanation list, each byte for byte as <see cref="ResultJson"/> writes it.
/// </summary>
internal static class CompactResultParts
{
    /// <summary>
    /// A text that may be made for this one result (a member's values): transcoded here unless it is a shared text that
    /// is encoded already (an explanation that quotes no value is the same instance for every result that says it);
    /// never added to <see cref="EncodedTexts"/>.
    /// </summary>
    internal static void WriteOwnText(CompactJsonBuffer b, LocalizedText text)
    {
        if (EncodedTexts.TryOf(text, out var json))
        {
            b.Raw(json);
            return;
        }

        b.Raw("{\"da\":"u8);
        b.String(text.Da);
        b.Raw(",\"en\":"u8);
        b.String(text.En);
        b.Raw((byte)'}');
    }

    /// <summary>Texts made for one result (a placement's warnings) as an array, each as <see cref="WriteOwnText"/> writes it.</summary>
    internal static void WriteOwnTexts(CompactJsonBuffer b, IReadOnlyList<LocalizedText> texts)
    {
        b.Raw((byte)'[');
        for (var i = 0; i < texts.Count; i++)
        {
            if (i > 0)
            {
                b.Raw((byte)',');
            }

            WriteOwnText(b, texts[i]);
        }

        b.Raw((byte)']');
    }

    /// <summary>The pack's texts (titles, documents): each encoded once.</summary>
    internal static void WriteTexts(CompactJsonBuffer b, IReadOnlyList<LocalizedText> texts)
    {
        b.Raw((byte)'[');
        for (var i = 0; i < texts.Count; i++)
        {
            if (i > 0)
            {
                b.Raw((byte)',');
            }

            b.Raw(EncodedTexts.Of(texts[i]));
        }

        b.Raw((byte)']');
    }

    /// <summary>Writes <c>"explanation":[...]</c>: each line's rule, clause, source and reason (a pack's text, encoded once).</summary>
    internal static void WriteExplanation(CompactJsonBuffer b, IReadOnlyList<Explanation> explanation)
    {
        b.Raw("\"explanation\":["u8);
        for (var i = 0; i < explanation.Count; i++)
        {
            var x = explanation[i];
            b.Raw(i > 0 ? ",{\"ruleId\":"u8 : "{\"ruleId\":"u8);
            b.String(x.RuleId);
            b.Raw(",\"clause\":"u8);
            b.String(x.Clause);
            b.Raw(",\"source\":"u8);
            b.String(x.Source);
            b.Raw(",\"reason\":"u8);
            b.Raw(EncodedTexts.Of(x.Reason));
            b.Raw((byte)'}');
        }

        b.Raw((byte)']');
    }

    /// <summary>Writes a list of strings as an array.</summary>
    internal static void WriteStrings(CompactJsonBuffer b, IReadOnlyList<string> items)
    {
        b.Raw((byte)'[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                b.Raw((byte)',');
            }

            b.String(items[i]);
        }

        b.Raw((byte)']');
    }
}
