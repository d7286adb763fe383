using System.Globalization;
using System.Text;
using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Authoring;

/// <summary>
/// What decided a condition, in words a caseworker can act on: the values of the comparisons that decided it ("the sum
/// of … monthly gross income 9.000 kr. pr. måned &lt; 16.408 kr. pr. måned"), and which branch of an "or" held. Built
/// from the condition's syntax tree the first time an explanation asks for it (its and/or/not structure down to the
/// comparisons and other tests, each part compiled on its own), and only evaluated when a check asks for explanations:
/// a plain check never reaches it. The texts quote a member's values, so they go into the result for the caseworker and
/// nowhere else (never into logs, errors or journals).
/// </summary>
internal sealed class ValueTrace
{
    private readonly RulePack _pack;
    private readonly Node _root;

    private ValueTrace(RulePack pack, Node root)
    {
        _pack = pack;
        _root = root;
    }

    /// <summary>The trace of a condition, or null when no part of it can be read on its own.</summary>
    public static ValueTrace? Build(RulePack pack, string text, bool memberInScope)
    {
        Ast ast;
        try
        {
            ast = ExprParser.Parse(text);
        }
        catch (ExprException)
        {
            return null;
        }

        var slots = new Dictionary<string, ParameterSlot>(StringComparer.Ordinal);
        for (var i = 0; i < pack.ParameterOrder.Length; i++)
        {
            var p = pack.ParameterOrder[i];
            slots[p.Name] = new ParameterSlot(i, p.Unit == ParameterUnit.Share ? VType.Share : VType.Number);
        }

        var context = new CompileContext(slots, pack.FactNames, memberInScope);
        var root = BuildNode(pack, ast, context);
        return root is null ? null : new ValueTrace(pack, root);
    }

    /// <summary>Why the condition had the outcome it had in the scope, in Danish and English (null when nothing can be said).</summary>
    public LocalizedText? Explain(EvalScope scope)
    {
        var mark = scope.MissingCount;
        try
        {
            var on = DateOnly.FromDayNumber(scope.On);
            var da = new List<string>();
            var en = new List<string>();
            var truth = _root.Truth(scope);
            _root.Explain(truth, scope, new ConditionWords(_pack, Language.Danish, on, forCaseworker: true), da);
            _root.Explain(truth, scope, new ConditionWords(_pack, Language.English, on, forCaseworker: true), en);
            return da.Count == 0 ? null : new LocalizedText(string.Join("; ", da), string.Join("; ", en));
        }
        finally
        {
            scope.ResetMissing(mark);
        }
    }

    private static Node? BuildNode(RulePack pack, Ast ast, CompileContext context) => new Builder(pack, context).Visit(ast);

    /// <summary>
    /// The trace of a part of a condition, by its node type: and/or, not and the comparisons have their own nodes; any
    /// other part is a test of its truth (an any/all names the record that decided it).
    /// </summary>
    private sealed class Builder(RulePack pack, CompileContext context) : AstVisitor<Node?>
    {
        public override Node? VisitNumber(NumberLit number) => Other(number);

        public override Node? VisitString(StringLit text) => Other(text);

        public override Node? VisitBool(BoolLit value) => Other(value);

        public override Node? VisitDuration(DurationLit duration) => Other(duration);

        public override Node? VisitList(ListLit list) => Other(list);

        public override Node? VisitPath(PathExpr path) => Other(path);

        public override Node? VisitCall(CallExpr call) => Other(call);

        public override Node? VisitUnary(UnaryExpr u)
            => u is { Op: UnaryOp.Not, Operand: not BinaryExpr { Op: BinaryOp.In } }
                ? BuildNode(pack, u.Operand, context) is { } inner ? new Negation(inner) : null
                : Other(u);

        public override Node? VisitBinary(BinaryExpr b)
        {
            if (b.Op is BinaryOp.And or BinaryOp.Or)
            {
                var parts = new List<Node>();
                Flatten(pack, b, b.Op, context, parts);
                return parts.Count == 0 ? null : new Junction(b.Op == BinaryOp.And, [.. parts]);
            }

            if (!Operators.IsComparison(b.Op))
            {
                return Other(b);
            }

            var whole = ExprCompiler.TryBuildReader(b, context);
            var left = ExprCompiler.TryBuildReader(b.Left, context);
            var right = ExprCompiler.TryBuildReader(b.Right, context);
            if (whole is null)
            {
                return null;
            }

            return left is null || right is null || left.Type.Kind == VKind.Bool
                ? new Test(b, whole)
                : new Comparison(b, whole, left, right, UnitOf(pack, b.Left) ?? UnitOf(pack, b.Right));
        }

        /// <summary>An any/all over a list: the explanation names the record that decided it.</summary>
        public override Node? VisitQuantifier(QuantExpr q)
            => ExprCompiler.TryBuildReader(q, context) is not { Type.Kind: VKind.Bool } reader ? null
                : ExprCompiler.TryBuildQuantifier(q, context) is { } records ? new Quantified(q, reader, records)
                : new Test(q, reader);

        private Node? Other(Ast ast)
            => ExprCompiler.TryBuildReader(ast, context) is { Type.Kind: VKind.Bool } reader ? new Test(ast, reader) : null;
    }

    private static void Flatten(RulePack pack, Ast ast, BinaryOp op, CompileContext context, List<Node> parts)
    {
        if (ast is BinaryExpr b && b.Op == op)
        {
            Flatten(pack, b.Left, op, context, parts);
            Flatten(pack, b.Right, op, context, parts);
        }
        else if (BuildNode(pack, ast, context) is { } node)
        {
            parts.Add(node);
        }
    }

    /// <summary>The unit of a parameter operand (what a comparison with it is measured in).</summary>
    private static ParameterUnit? UnitOf(RulePack pack, Ast ast)
        => ast is PathExpr { Segments: [("param", _), var (name, _)] } && pack.Parameters.TryGetValue(name, out var p) ? p.Unit : null;

    private static string TriWord(Tri t, Language language) => (t, language == Language.Danish) switch
    {
        (Tri.True, true) => "ja",
        (Tri.False, true) => "nej",
        (Tri.True, false) => "yes",
        (Tri.False, false) => "no",
        (_, true) => "ukendt",
        _ => "unknown",
    };

    private abstract class Node
    {
        public abstract Tri Truth(EvalScope scope);

        /// <summary>Says in <paramref name="words"/>' language why the part had the outcome <paramref name="truth"/>, into <paramref name="into"/>.</summary>
        public abstract void Explain(Tri truth, EvalScope scope, ConditionWords words, List<string> into);
    }

    private sealed class Junction(bool all, Node[] parts) : Node
    {
        public bool All { get; } = all;

        public Node[] Parts { get; } = parts;

        public override Tri Truth(EvalScope scope)
        {
            var acc = All ? Tri.True : Tri.False;
            foreach (var p in Parts)
            {
                acc = All ? Kleene.And(acc, p.Truth(scope)) : Kleene.Or(acc, p.Truth(scope));
            }

            return acc;
        }

        public override void Explain(Tri truth, EvalScope scope, ConditionWords words, List<string> into)
        {
            var da = words.Language == Language.Danish;
            var parts = Parts.Select(p => (Part: p, Truth: p.Truth(scope))).ToList();
            if (!All && truth == Tri.True)
            {
                // Which branch of the "or" held: the first that did.
                var held = parts.First(p => p.Truth == Tri.True);
                var inner = new List<string>();
                held.Part.Explain(Tri.True, scope, words, inner);
                if (inner.Count > 0)
                {
                    into.Add(parts.Count > 1 ? (da ? "opfyldt ved: " : "met by: ") + string.Join("; ", inner) : string.Join("; ", inner));
                }

                return;
            }

            // An "and" that failed: the parts that failed; one that held: every part; undecided: the open parts.
            // An "or" that failed: every branch, each failing.
            var deciding = All && truth != Tri.True ? parts.Where(p => p.Truth == truth).ToList() : parts;
            var texts = new List<string>();
            foreach (var (part, t) in deciding)
            {
                part.Explain(t, scope, words, texts);
            }

            if (!All && truth == Tri.False && texts.Count > 1)
            {
                into.Add((da ? "ingen af mulighederne holdt: " : "none of the alternatives held: ") + string.Join("; ", texts));
            }
            else
            {
                into.AddRange(texts);
            }
        }
    }

    private sealed class Negation(Node inner) : Node
    {
        public Node Inner { get; } = inner;

        public override Tri Truth(EvalScope scope) => Kleene.Not(Inner.Truth(scope));

        public override void Explain(Tri truth, EvalScope scope, ConditionWords words, List<string> into)
            => Inner.Explain(Kleene.Not(truth), scope, words, into);
    }

    private sealed class Test(Ast ast, ValueReader reader) : Node
    {
        public Ast Ast { get; } = ast;

        public override Tri Truth(EvalScope scope) => reader.Read(scope) is Tri t ? t : Tri.Unknown;

        public override void Explain(Tri truth, EvalScope scope, ConditionWords words, List<string> into)
            => into.Add(words.Of(Ast) + ": " + TriWord(truth, words.Language));
    }

    /// <summary>
    /// An <c>any</c> or <c>all</c> over a list: said with its outcome and the record that decided it (the first that holds
    /// for an "any" that holds, the first that fails for an "all" that fails), or how many records there were.
    /// </summary>
    private sealed class Quantified(QuantExpr ast, ValueReader whole, QuantifierReader records) : Node
    {
        public QuantExpr Ast { get; } = ast;

        public override Tri Truth(EvalScope scope) => whole.Read(scope) is Tri t ? t : Tri.Unknown;

        public override void Explain(Tri truth, EvalScope scope, ConditionWords words, List<string> into)
            => into.Add(words.Of(Ast) + ": " + TriWord(truth, words.Language) + Decided(scope, truth, words));

        private string Decided(EvalScope scope, Tri truth, ConditionWords words)
        {
            var da = words.Language == Language.Danish;
            if (truth == Tri.Unknown || records.Items(scope) is not { } items)
            {
                return "";
            }

            var any = Ast.Kind == Quantifier.Any;
            var noun = words.NounOf(records.ItemType);
            if ((any && truth == Tri.True) || (!any && truth == Tri.False))
            {
                var deciding = any ? Tri.True : Tri.False;
                foreach (var item in items)
                {
                    if (item is not null && records.Holds(scope, item) == deciding)
                    {
                        var named = Name(item, scope, words) ?? noun?.One ?? "";
                        return any ? " (" + named + ")" : (da ? " (ikke for " : " (not for ") + named + ")";
                    }
                }

                return "";
            }

            // Nothing decided it on its own: how many records there were to look at.
            if (items.Count == 0)
            {
                return da ? " (ingen registreret)" : " (none recorded)";
            }

            var n = items.Count.ToString(CultureInfo.InvariantCulture) + (noun is null ? "" : " " + (items.Count == 1 ? noun.One : noun.Many));
            return any ? (da ? $" ({n}, ingen opfylder det)" : $" ({n}, none meets it)") : (da ? $" ({n}, alle opfylder det)" : $" ({n}, every one meets it)");
        }

        /// <summary>One record in words by the glossary's template: "dom efter straffeloven af 2024-11-03".</summary>
        private string? Name(object item, EvalScope scope, ConditionWords words)
            => FactGlossary.Describe(records.ItemType, words.Language, field =>
            {
                var da = words.Language == Language.Danish;
                if (field == "period")
                {
                    return records.PeriodOf?.Invoke(item) is { From: { } from } p
                        ? (da ? "fra " : "from ") + Day(from) + (p.End is not { } end || end == DateMath.ForeverDay ? (da ? " (løbende)" : " (ongoing)") : (da ? " til " : " to ") + Day(end))
                        : null;
                }

                if (!records.Fields.TryGetValue(field, out var read) || records.ItemType.Find(field) is not { } def)
                {
                    return null;
                }

                return read(scope, item) switch
                {
                    null => null,
                    int day when def.Type.Kind == VKind.Date => Day(day),
                    decimal d => ReasonText.Format(ParameterUnit.Count, d, da),
                    bool b => b ? (da ? "ja" : "yes") : (da ? "nej" : "no"),
                    string text => def.Type.EnumName is null ? text : words.Value(text, def.Type),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                };
            });

        private static string Day(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>A comparison of two values: quoted with both values and how they actually relate.</summary>
    private sealed class Comparison(BinaryExpr ast, ValueReader whole, ValueReader left, ValueReader right, ParameterUnit? unit) : Node
    {
        public override Tri Truth(EvalScope scope) => whole.Read(scope) is Tri t ? t : Tri.Unknown;

        public override void Explain(Tri truth, EvalScope scope, ConditionWords words, List<string> into)
            => into.Add(Describe(scope, words));

        private string Describe(EvalScope scope, ConditionWords words)
        {
            var da = words.Language == Language.Danish;
            var l = left.Read(scope);
            var r = right.Read(scope);
            if (l is null || r is null)
            {
                // An unknown side: say which is not known (a missing fact is listed as such beside it).
                var unknown = l is null ? Quoted(ast.Left, left, words) : words.Of(ast.Right);
                return unknown + (da ? " er ikke oplyst" : " is not known");
            }

            var sb = new StringBuilder();
            sb.Append(Quoted(ast.Left, left, words)).Append(' ').Append(Format(l, left.Type, words))
                .Append(' ').Append(Relation(l, r)).Append(' ').Append(Format(r, right.Type, words));
            if (ast.Right is not (NumberLit or StringLit or BoolLit) && ast.Right is not PathExpr { Segments: [("param", _), _] })
            {
                sb.Append(" (").Append(words.Of(ast.Right)).Append(')');
            }

            return sb.ToString();
        }

        /// <summary>The left operand in words; a literal needs none (its value says it).</summary>
        private static string Quoted(Ast operand, ValueReader reader, ConditionWords words)
            => operand is NumberLit or StringLit ? (words.Language == Language.Danish ? "værdien" : "the value") : words.Of(operand);

        private string Format(object? value, VType type, ConditionWords words)
        {
            var da = words.Language == Language.Danish;
            return value switch
            {
                null => da ? "(ukendt)" : "(unknown)",
                decimal d when type.IsShare => ReasonText.Format(ParameterUnit.Share, d, da),
                decimal d when unit is ParameterUnit.Years => ReasonText.Format(ParameterUnit.Count, d, da) + (da ? " år" : d == 1 ? " year" : " years"),
                decimal d when unit is ParameterUnit.Months => ReasonText.Format(ParameterUnit.Count, d, da) + (da ? (d == 1 ? " måned" : " måneder") : d == 1 ? " month" : " months"),
                decimal d => ReasonText.Format(unit ?? ParameterUnit.Count, d, da),
                int day when type.Kind == VKind.Date => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                string s => words.Value(s, type),
                Tri t => TriWord(t, words.Language),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
        }

        /// <summary>How the two values relate (not the operator the condition asks for): 9 000 &lt; 16 408.</summary>
        private static string Relation(object? l, object? r) => (l, r) switch
        {
            (decimal a, decimal b) => Symbol(a.CompareTo(b)),
            (int a, int b) => Symbol(a.CompareTo(b)),
            (string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ? "=" : "≠",
            (Tri a, Tri b) => a == b ? "=" : "≠",
            _ => "?",
        };

        private static string Symbol(int c) => c < 0 ? "<" : c > 0 ? ">" : "=";
    }
}
