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

        _r.Error(DiagnosticCodes.InvalidValue, $"'{text}' is not allowed here.", node!.Location, Suggestions.DidYouMean(text, allowed));
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
        foreach (var name in Explanations.ReasonText.Parameters(text).Where(n => !_slots.ContainsKey(n)))
        {
            _r.Error(DiagnosticCodes.UnresolvedReference, $"The text quotes {{param.{name}}}, but there is no parameter '{name}' in this pack.", node.Location, Suggestions.DidYouMean(name, _slots.Keys));
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

        _r.Error(DiagnosticCodes.UnresolvedReference, $"The clause '{id}' is not declared under \"clauses\".", node!.Location, Suggestions.DidYouMean(id, _clauses.Keys) + " Declare every clause a rule cites.");
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
            _r.Diagnostics.Add(PackLimits.TooManyConditions(node.Location));
        }

        if (_conditions > PackLimits.MaxConditions)
        {
            return null;
        }

        try
        {
            var references = new ExprReferences();
            var built = ExprCompiler.Build(text, new CompileContext(_slots, _factNames, memberInScope, references));
            return new Condition(text, node.Location, _batch, _batch.Add(built), references);
        }
        catch (ExprException ex)
        {
            var e = ex.Error;
            var loc = node.Location with { Column = node.Location.Column + 1 + node.RawIndexOf(e.Pos) };
            _r.Diagnostics.Add(new Diagnostic(Severity.Error, e.Code, $"{e.Message} In: {text}", loc, e.Hint));
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
            _r.Error(DiagnosticCodes.InvalidValue, $"{what} must be an exact fraction such as \"1/3\", \"11/50\" or \"0\".", node.Location, "Write the share as a fraction string.");
            return null;
        }

        if (f.CompareTo(Fraction.One) > 0)
        {
            var asPercent = f.Denominator == 1 && f.Numerator <= 100 ? $" Did you mean \"{new Fraction(f.Numerator, 100)}\" ({f.Numerator} %)?" : "";
            _r.Error(DiagnosticCodes.ShareOutOfRange, $"{what} is above 1 (100 %).", node.Location, "Shares are fractions in [0, 1]." + asPercent);
            return null;
        }

        return f;
    }

    private string? SetRef(JNode? node, Dictionary<string, CriteriaSetDef> sets)
    {
        var set = _r.String(node);
        if (set is not null && !sets.ContainsKey(set))
        {
            _r.Error(DiagnosticCodes.UnresolvedReference, $"There is no criteria set '{set}'.", node!.Location, Suggestions.DidYouMean(set, sets.Keys));
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
            _r.Error(DiagnosticCodes.UnresolvedReference, $"There is no parameter '{name}' in this pack.", node.Location, Suggestions.DidYouMean(name, _slots.Keys));
            return -1;
        }

        if (!slot.Type.IsShare)
        {
            _r.Error(DiagnosticCodes.InvalidValue, $"The parameter '{name}' is not a share.", node.Location, "Give it \"unit\": \"share\" (a fraction in [0, 1]).");
        }

        return slot.Index;
    }
}
