using RentalRules.Diagnostics;
using RentalRules.Json;
using RentalRules.Model;

namespace RentalRules.Packs;

/// <summary>Located values every section reads: allowed words, localized texts, fractions, clause citations, conditions, parameter and criteria-set references.</summary>
internal sealed partial class PackReader
{
    private string? OneOf(JNode? node, string[] allowed)
    {
        var text = _r.String(node);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        _r.Report(Descriptors.NotAllowedHere, node!.Location, text, Suggestions.DidYouMean(text, allowed));
        return null;
    }

    /// <summary>One of an enum's names (camelCase), as the enum, or null (reported) for another word.</summary>
    private T? OneOf<T>(JNode? node)
        where T : struct, Enum
        => PackNames.Parse<T>(OneOf(node, EnumNames<T>.Names));

    private LocalizedText ReadText(JNode? node, string what)
    {
        if (node is null || node.IsNull)
        {
            return new LocalizedText("", "");
        }

        if (!_r.ExpectObject(node, what))
        {
            return new LocalizedText("", "");
        }

        _r.CheckProperties(node, what, ["da", "en"]);
        var text = new LocalizedText(_r.String(_r.Required(node, "da", what), nonEmpty: true) ?? "", _r.String(_r.Required(node, "en", what), nonEmpty: true) ?? "");
        foreach (var name in ReasonText.Parameters(text).Where(n => !_parameters.ContainsKey(n)))
        {
            _r.Report(Descriptors.TextQuotesUnknownParameter, node.Location, name, Suggestions.DidYouMean(name, _parameters.Keys));
        }

        return text;
    }

    private ValueList<LocalizedText> ReadTexts(JNode? node, string what)
        => _r.Array(node, n => ReadText(n, what))?.ToValueList() ?? [];

    /// <summary>The clause <paramref name="owner"/> cites (required, and declared), or "" when it names none.</summary>
    private string Cite(JNode owner, string what)
    {
        var node = _r.Required(owner, "clause", what);
        var id = _r.String(node);
        if (id is null)
        {
            return "";
        }

        if (!_clauses.Contains(id))
        {
            _r.Report(Descriptors.UndeclaredClause, node!.Location, id, Suggestions.DidYouMean(id, _clauses));
        }

        return id;
    }

    /// <summary>A condition's source text (a non-empty string), with its location for the compile step's errors.</summary>
    private ConditionSource? ReadCondition(JNode? node)
    {
        var text = _r.String(node, nonEmpty: true);
        return text is null || node is null ? null : new ConditionSource(text, new Origin(node.Location, node.RawIndexOf));
    }

    private Fraction? ReadFraction(JNode? node, string what)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind is not (JKind.Number or JKind.String))
        {
            // true, an object or a list: the share's own message, not the generic "put it in double quotes".
            _r.Report(Descriptors.NotAFraction, node.Location, what);
            return null;
        }

        var text = node.Kind == JKind.Number ? node.Text : _r.String(node);
        if (text is null)
        {
            return null;
        }

        if (!Fraction.TryParse(text, out var f))
        {
            _r.Report(Descriptors.NotAFraction, node.Location, what);
            return null;
        }

        if (f.CompareTo(Fraction.One) > 0)
        {
            var percent = f.Denominator == 1 && f.Numerator <= 100;
            _r.Report(percent ? Descriptors.FractionLooksLikePercent : Descriptors.FractionAboveOne, node.Location, what, percent ? new Fraction(f.Numerator, 100) : null, f.Numerator);
            return null;
        }

        return f;
    }

    /// <summary>A criteria set's id, checked against the pack's sets; "" when it names none.</summary>
    private string SetRef(JNode? node, Dictionary<string, CriteriaSetDefinition> sets)
    {
        var set = _r.String(node);
        if (set is not null && !sets.ContainsKey(set))
        {
            _r.Report(Descriptors.NoSuchCriteriaSet, node!.Location, set, Suggestions.DidYouMean(set, sets.Keys));
        }

        return set ?? "";
    }

    /// <summary>For a share written as <c>"param.NAME"</c>: the parameter's name (it must have unit share); otherwise null.</summary>
    private string? ShareParameter(JNode? node)
    {
        if (node is not { Kind: JKind.String } || !node.Text!.StartsWith("param.", StringComparison.Ordinal))
        {
            return null;
        }

        var name = node.Text["param.".Length..];
        if (!_parameters.TryGetValue(name, out var parameter))
        {
            _r.Report(Descriptors.NoSuchParameter, node.Location, name, Suggestions.DidYouMean(name, _parameters.Keys));
        }
        else if (parameter.Unit != ParameterUnit.Share)
        {
            _r.Report(Descriptors.ParameterNotAShare, node.Location, name);
        }

        return name;
    }

    /// <summary>A share: <c>"param.NAME"</c> or an exact fraction (null when neither could be read).</summary>
    private ShareDefinition? ReadShare(JNode? node, string what)
        => ShareParameter(node) is { } name ? new ShareDefinition(null, name) : ReadFraction(node, what) is { } f ? new ShareDefinition(f, null) : null;
}
