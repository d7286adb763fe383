using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Json;

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
        foreach (var name in ReasonText.Parameters(text).Where(n => !_slots.ContainsKey(n)))
        {
            _r.Report(Descriptors.TextQuotesUnknownParameter, node.Location, name, Suggestions.DidYouMean(name, _slots.Keys));
        }

        return text;
    }

    private IReadOnlyList<LocalizedText> ReadTexts(JNode? node, string what)
        => _r.Array(node, n => ReadText(n, what)) ?? [];

    private ClauseInfo Cite(JNode owner, string what)
    {
        var node = _r.Required(owner, "clause", what);
        var id = _r.String(node);
        if (id is null)
        {
            return new ClauseInfo("", _packId, null);
        }

        if (_clauses.TryGetValue(id, out var clause))
        {
            return clause;
        }

        _r.Report(Descriptors.UndeclaredClause, node!.Location, id, Suggestions.DidYouMean(id, _clauses.Keys));
        return new ClauseInfo(id, _packId, null);
    }

    private Condition? Compile(JNode? node, bool memberInScope)
    {
        var text = _r.String(node, nonEmpty: true);
        if (text is null || node is null)
        {
            return null;
        }

        if (_conditions++ == PackLimits.MaxConditions)
        {
            _r.Report(Descriptors.TooManyConditions, node.Location, PackLimits.MaxConditions);
        }

        if (_conditions > PackLimits.MaxConditions)
        {
            return null;
        }

        try
        {
            var bound = ExprBinder.BindCondition(text, new CompileContext(_slots, _factNames, memberInScope));
            return new Condition(text, node.Location, _batch, _batch.Add(ExprEmitter.EmitCondition(bound)), bound.References);
        }
        catch (ExprException ex)
        {
            var e = ex.Error;
            var loc = node.Location with { Column = node.Location.Column + 1 + node.RawIndexOf(e.Pos) };
            _r.Diagnostics.Add(e.In(text, loc));
            return null;
        }
    }

    private Fraction? ReadFraction(JNode? node, string what)
    {
        if (node is null || node.IsNull)
        {
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

    private string? SetRef(JNode? node, Dictionary<string, CriteriaSetDef> sets)
    {
        var set = _r.String(node);
        if (set is not null && !sets.ContainsKey(set))
        {
            _r.Report(Descriptors.NoSuchCriteriaSet, node!.Location, set, Suggestions.DidYouMean(set, sets.Keys));
            return null;
        }

        return set;
    }

    /// <summary>For a share written as <c>"param.NAME"</c>: the parameter's slot (it must have unit share); otherwise null.</summary>
    private int? ShareParameter(JNode? node)
    {
        if (node is not { Kind: JKind.String } || !node.Text!.StartsWith("param.", StringComparison.Ordinal))
        {
            return null;
        }

        var name = node.Text["param.".Length..];
        if (!_slots.TryGetValue(name, out var slot))
        {
            _r.Report(Descriptors.NoSuchParameter, node.Location, name, Suggestions.DidYouMean(name, _slots.Keys));
            return -1;
        }

        if (!slot.Type.IsShare)
        {
            _r.Report(Descriptors.ParameterNotAShare, node.Location, name);
        }

        return slot.Index;
    }
}
