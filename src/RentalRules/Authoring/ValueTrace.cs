using System.Globalization;
using System.Text;
using RentalRules.Compilation;
using RentalRules.Explanations;
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

    /// <summary>The whole texts of the last date explained that quote no value (see <see cref="TextCache{T}"/>).</summary>
    private Texts? _texts;

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
        // One pass for both languages: every part is evaluated once, and its words come from the part's cache.
        var pass = Pass.Begin(_pack, scope);
        try
        {
            var da = pass.Rent();
            var en = pass.Rent();
            _root.Explain(_root.Truth(scope), pass, da, en);
            if (da.Count == 0)
            {
                return null;
            }

            if (pass.Varying)
            {
                return new LocalizedText(Join(da), Join(en));
            }

            // Every part's words are the date's own instances: the same parts give the same text, shared by every
            // result that says it, and encoded for the JSON once.
            var texts = Volatile.Read(ref _texts);
            if (texts is null || texts.Day != pass.Day)
            {
                texts = new Texts(pass.Day);
                Volatile.Write(ref _texts, texts);
            }

            if (texts.Cache.Find(da, en) is { } known)
            {
                return known;
            }

            var text = new LocalizedText(Join(da), Join(en));
            EncodedTexts.Of(text);
            return texts.Cache.Add(da, en, text);
        }
        finally
        {
            pass.End();
            scope.ResetMissing(mark);
        }
    }

    private static string Join(List<string> texts) => texts.Count == 1 ? texts[0] : string.Join("; ", texts);

    /// <summary>The most records a quantifier's text counts that is said once per date (more: made afresh).</summary>
    private const int MostCounted = 8;

    /// <summary>The slot of a truth value in a per-truth cache.</summary>
    private static int Slot(Tri truth) => (int)truth;

    private sealed class Texts(int day)
    {
        public int Day { get; } = day;

        public TextCache<LocalizedText> Cache { get; } = new();
    }

    /// <summary>
    /// What a part made from its parts' texts, found again by those texts' instances: a part's constant words are made
    /// once per date (see <see cref="Node.PhrasesOf"/>), so the same instances mean the same text, and a check that says
    /// what the last one said allocates nothing. Only texts that quote no value go in (a value is a new string every
    /// time); at most <see cref="Max"/> entries, so that a condition with many outcomes cannot grow it without bound.
    /// Thread-safe: the entries are an immutable array replaced whole.
    /// </summary>
    private sealed class TextCache<T>
        where T : class
    {
        private const int Max = 64;

        private Entry[] _entries = [];

        public T? Find(List<string> da, List<string> en)
        {
            foreach (var e in Volatile.Read(ref _entries))
            {
                if (Same(e.Da, da) && Same(e.En, en))
                {
                    return e.Value;
                }
            }

            return null;
        }

        public T Add(List<string> da, List<string> en, T value)
        {
            var entries = Volatile.Read(ref _entries);
            if (entries.Length < Max)
            {
                // A lost race only drops an entry: it is made again next time.
                Interlocked.CompareExchange(ref _entries, [.. entries, new Entry([.. da], [.. en], value)], entries);
            }

            return value;
        }

        private static bool Same(string[] key, List<string> texts)
        {
            if (key.Length != texts.Count)
            {
                return false;
            }

            for (var i = 0; i < key.Length; i++)
            {
                if (!ReferenceEquals(key[i], texts[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private sealed record Entry(string[] Da, string[] En, T Value);
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

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>
    /// This thread's builder for a text that quotes values, emptied: one per thread instead of one per text (a check of a
    /// household says a dozen). Only a text's own parts are appended to it before <c>ToString</c>; nothing it calls
    /// while building uses it.
    /// </summary>
    private static StringBuilder TextBuilder() => (t_builder ??= new StringBuilder(256)).Clear();

    /// <summary>Appends a day as ISO 8601 (yyyy-MM-dd) without a string of its own.</summary>
    private static StringBuilder AppendDay(StringBuilder sb, int day)
    {
        Span<char> text = stackalloc char[10];
        DateOnly.FromDayNumber(day).TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return sb.Append(text[..written]);
    }

    private static string TriWord(Tri t, bool da) => (t, da) switch
    {
        (Tri.True, true) => "ja",
        (Tri.False, true) => "nej",
        (Tri.True, false) => "yes",
        (Tri.False, false) => "no",
        (_, true) => "ukendt",
        _ => "unknown",
    };

    /// <summary>
    /// One explanation: the scope it reads, and the words of both languages for the date. The words are made only when a
    /// value has to be named (an enum value, a record's noun); a part's own words come from its cache.
    /// </summary>
    private sealed class Pass
    {
        [ThreadStatic]
        private static Pass? t_spare;

        [ThreadStatic]
        private static Vocabulary? t_words;

        /// <summary>Lists given back, to be rented again (each cleared).</summary>
        private readonly Stack<List<string>> _lists = new();

        /// <summary>Lists rented by this explanation, given back when it ends.</summary>
        private readonly List<List<string>> _rented = [];

        private RulePack _pack = null!;

        private Pass()
        {
        }

        public EvalScope Scope { get; private set; } = null!;

        public int Day { get; private set; }

        /// <summary>Whether a text said so far quotes a value (a number, a date, a record): then it is made afresh, never cached.</summary>
        public bool Varying { get; set; }

        /// <summary>
        /// A pass for one explanation: this thread's spare one (an explanation allocates neither it nor its lists), or a
        /// new one should an explanation on this thread still hold it. <see cref="End"/> gives it back.
        /// </summary>
        public static Pass Begin(RulePack pack, EvalScope scope)
        {
            var pass = t_spare ?? new Pass();
            t_spare = null;
            pass._pack = pack;
            pass.Scope = scope;
            pass.Day = scope.On;
            pass.Varying = false;
            return pass;
        }

        /// <summary>An empty list for a part's texts, until <see cref="End"/>.</summary>
        public List<string> Rent()
        {
            var list = _lists.Count > 0 ? _lists.Pop() : new List<string>(4);
            _rented.Add(list);
            return list;
        }

        /// <summary>Gives back the lists (emptied: they hold a member's values) and the pass, for the next explanation on this thread.</summary>
        public void End()
        {
            foreach (var list in _rented)
            {
                list.Clear();
                _lists.Push(list);
            }

            _rented.Clear();
            Scope = null!;
            _pack = null!;
            t_spare = this;
        }

        /// <summary>
        /// The words of the pack on the pass's date, kept per thread for the next pass of the same pack and date (a
        /// <see cref="ConditionWords"/> binds quantifier variables while it names a record, so it is not shared
        /// between threads; on one thread a binding is undone before the next text is said).
        /// </summary>
        public ConditionWords Words(bool da)
        {
            var words = t_words;
            if (words is null || !ReferenceEquals(words.Pack, _pack) || words.Day != Day)
            {
                t_words = words = new Vocabulary(_pack, Day);
            }

            return da ? words.Da ??= new ConditionWords(_pack, Language.Danish, DateOnly.FromDayNumber(Day), forCaseworker: true)
                : words.En ??= new ConditionWords(_pack, Language.English, DateOnly.FromDayNumber(Day), forCaseworker: true);
        }

        private sealed class Vocabulary(RulePack pack, int day)
        {
            public RulePack Pack { get; } = pack;

            public int Day { get; } = day;

            public ConditionWords? Da { get; set; }

            public ConditionWords? En { get; set; }
        }
    }

    /// <summary>A part's own words on one date (parameters are named by their value on it), in Danish and English.</summary>
    private sealed class Phrases(int day, string?[] da, string?[] en)
    {
        public int Day { get; } = day;

        public string?[] Da { get; } = da;

        public string?[] En { get; } = en;

        /// <summary>
        /// The part's whole texts that quote no value, by a slot of the part's own (a truth, a side), Danish at 2 × slot and
        /// English after it: made the first time they are said (two threads may both make one; either is kept).
        /// </summary>
        public string?[] Said { get; } = new string?[12];

        /// <summary>
        /// A quantifier's whole texts that say only how many records there were ("2 benefits, none meets it"), by count
        /// (Danish at 2 × count, English after it), up to <see cref="MostCounted"/>: a count is a number, but one of a few,
        /// so these are said once per date like the texts that quote no value.
        /// </summary>
        public string?[] Counted { get; } = new string?[2 * (MostCounted + 1)];

        /// <summary>What a junction made of its parts' texts, when it said the "or" that held.</summary>
        public TextCache<string[]> Held { get; } = new();

        /// <summary>What a junction made of its parts' texts, when it said the "or" that failed.</summary>
        public TextCache<string[]> Failed { get; } = new();

        public string? In(bool danish, int i) => danish ? Da[i] : En[i];
    }

    private abstract class Node
    {
        /// <summary>The words of the last date explained: the same for every household checked on that date.</summary>
        private Phrases? _phrases;

        public abstract Tri Truth(EvalScope scope);

        /// <summary>Says in both languages why the part had the outcome <paramref name="truth"/>, one text each into <paramref name="da"/> and <paramref name="en"/>.</summary>
        public abstract void Explain(Tri truth, Pass pass, List<string> da, List<string> en);

        /// <summary>The part's constant words in one language (none for a junction or a negation).</summary>
        protected virtual string?[] Words(ConditionWords words) => [];

        /// <summary>The part's words for the pass's date: made once per date, then shared by every thread (they are immutable).</summary>
        protected Phrases PhrasesOf(Pass pass)
        {
            var p = Volatile.Read(ref _phrases);
            if (p is null || p.Day != pass.Day)
            {
                p = new Phrases(pass.Day, Words(pass.Words(true)), Words(pass.Words(false)));
                Volatile.Write(ref _phrases, p);
            }

            return p;
        }
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

        public override void Explain(Tri truth, Pass pass, List<string> da, List<string> en)
        {
            Span<Tri> truths = Parts.Length <= 16 ? stackalloc Tri[Parts.Length] : new Tri[Parts.Length];
            for (var i = 0; i < Parts.Length; i++)
            {
                truths[i] = Parts[i].Truth(pass.Scope);
            }

            var varying = pass.Varying;
            pass.Varying = false;
            if (!All && truth == Tri.True)
            {
                // Which branch of the "or" held: the first that did.
                var held = 0;
                while (truths[held] != Tri.True)
                {
                    held++;
                }

                var innerDa = pass.Rent();
                var innerEn = pass.Rent();
                Parts[held].Explain(Tri.True, pass, innerDa, innerEn);
                if (innerDa.Count > 0)
                {
                    var many = Parts.Length > 1;
                    var said = Said(pass, PhrasesOf(pass).Held, innerDa, innerEn, many ? "opfyldt ved: " : "", many ? "met by: " : "");
                    da.Add(said[0]);
                    en.Add(said[1]);
                }

                pass.Varying |= varying;
                return;
            }

            // An "and" that failed: the parts that failed; one that held: every part; undecided: the open parts.
            // An "or" that failed: every branch, each failing.
            var onlyDeciding = All && truth != Tri.True;
            // Only an "or" that failed says its branches' texts in one; the others add them as they are.
            var joined = !All && truth == Tri.False;
            var textsDa = joined ? pass.Rent() : da;
            var textsEn = joined ? pass.Rent() : en;
            for (var i = 0; i < Parts.Length; i++)
            {
                if (!onlyDeciding || truths[i] == truth)
                {
                    Parts[i].Explain(truths[i], pass, textsDa, textsEn);
                }
            }

            if (joined && textsDa.Count > 1)
            {
                var said = Said(pass, PhrasesOf(pass).Failed, textsDa, textsEn, "ingen af mulighederne holdt: ", "none of the alternatives held: ");
                da.Add(said[0]);
                en.Add(said[1]);
            }
            else if (joined)
            {
                da.AddRange(textsDa);
                en.AddRange(textsEn);
            }

            pass.Varying |= varying;
        }

        /// <summary>The texts after a lead-in, joined by "; ", as one string.</summary>
        private static string Joined(string lead, List<string> texts)
        {
            if (texts.Count == 1)
            {
                return lead + texts[0];
            }

            var sb = TextBuilder().Append(lead);
            for (var i = 0; i < texts.Count; i++)
            {
                (i > 0 ? sb.Append("; ") : sb).Append(texts[i]);
            }

            return sb.ToString();
        }

        /// <summary>The parts' texts joined after a lead-in: the same instances as last time when no part quotes a value.</summary>
        private static string[] Said(Pass pass, TextCache<string[]> cache, List<string> da, List<string> en, string leadDa, string leadEn)
        {
            if (!pass.Varying && cache.Find(da, en) is { } known)
            {
                return known;
            }

            string[] said = [Joined(leadDa, da), Joined(leadEn, en)];
            return pass.Varying ? said : cache.Add(da, en, said);
        }
    }

    private sealed class Negation(Node inner) : Node
    {
        public Node Inner { get; } = inner;

        public override Tri Truth(EvalScope scope) => Kleene.Not(Inner.Truth(scope));

        public override void Explain(Tri truth, Pass pass, List<string> da, List<string> en)
            => Inner.Explain(Kleene.Not(truth), pass, da, en);
    }

    private sealed class Test(Ast ast, ValueReader reader) : Node
    {
        public override Tri Truth(EvalScope scope) => reader.TruthIn(scope);

        public override void Explain(Tri truth, Pass pass, List<string> da, List<string> en)
        {
            var words = PhrasesOf(pass);
            var slot = 2 * Slot(truth);
            da.Add(words.Said[slot] ??= words.Da[0] + ": " + TriWord(truth, true));
            en.Add(words.Said[slot + 1] ??= words.En[0] + ": " + TriWord(truth, false));
        }

        protected override string?[] Words(ConditionWords words) => [words.Of(ast)];
    }

    /// <summary>
    /// An <c>any</c> or <c>all</c> over a list: said with its outcome and the record that decided it (the first that holds
    /// for an "any" that holds, the first that fails for an "all" that fails), or how many records there were.
    /// </summary>
    private sealed class Quantified(QuantExpr ast, ValueReader whole, QuantifierReader records) : Node
    {
        public override Tri Truth(EvalScope scope) => whole.TruthIn(scope);

        public override void Explain(Tri truth, Pass pass, List<string> da, List<string> en)
        {
            var words = PhrasesOf(pass);
            var deciding = Deciding(pass.Scope, truth);
            var decidedDa = Decided(pass, truth, deciding, true);
            var decidedEn = Decided(pass, truth, deciding, false);
            // Said without a record (nothing decided it, or there was none), or with only how many there were: the same
            // words every time for the same truth and count.
            var (said, slot) = decidedDa.Length == 0 && decidedEn.Length == 0 ? (words.Said, 2 * Slot(truth))
                : ReferenceEquals(decidedDa, NoneRecordedDa) && ReferenceEquals(decidedEn, NoneRecordedEn) ? (words.Said, 6 + (2 * Slot(truth)))
                : deciding is { Record: null, Items.Count: > 0 and <= MostCounted and var count } ? (words.Counted, 2 * count)
                : (null, -1);
            if (said is null)
            {
                pass.Varying = true;
                da.Add(words.Da[0] + ": " + TriWord(truth, true) + decidedDa);
                en.Add(words.En[0] + ": " + TriWord(truth, false) + decidedEn);
                return;
            }

            da.Add(said[slot] ??= words.Da[0] + ": " + TriWord(truth, true) + decidedDa);
            en.Add(said[slot + 1] ??= words.En[0] + ": " + TriWord(truth, false) + decidedEn);
        }

        private const string NoneRecordedDa = " (ingen registreret)";

        private const string NoneRecordedEn = " (none recorded)";

        protected override string?[] Words(ConditionWords words) => [words.Of(ast)];

        /// <summary>The record that decided (null when none did on its own), and the records looked at (null when unknown).</summary>
        private (object? Record, System.Collections.IList? Items) Deciding(EvalScope scope, Tri truth)
        {
            if (truth == Tri.Unknown || records.Items(scope) is not { } items)
            {
                return (null, null);
            }

            var any = ast.Kind == Quantifier.Any;
            if ((any && truth == Tri.True) || (!any && truth == Tri.False))
            {
                var wanted = any ? Tri.True : Tri.False;
                foreach (var item in items)
                {
                    if (item is not null && records.Holds(scope, item) == wanted)
                    {
                        return (item, items);
                    }
                }
            }

            return (null, items);
        }

        private string Decided(Pass pass, Tri truth, (object? Record, System.Collections.IList? Items) deciding, bool da)
        {
            if (deciding.Items is not { } items)
            {
                return "";
            }

            var any = ast.Kind == Quantifier.Any;
            if ((any && truth == Tri.True) || (!any && truth == Tri.False))
            {
                if (deciding.Record is not { } item)
                {
                    return "";
                }

                var named = Name(item, pass.Scope, pass.Words(da)) ?? pass.Words(da).NounOf(records.ItemType)?.One ?? "";
                return any ? " (" + named + ")" : (da ? " (ikke for " : " (not for ") + named + ")";
            }

            // Nothing decided it on its own: how many records there were to look at.
            if (items.Count == 0)
            {
                return da ? NoneRecordedDa : NoneRecordedEn;
            }

            var noun = pass.Words(da).NounOf(records.ItemType);

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
        /// <summary>Whether the right operand is named beside its value (it is not a literal or a parameter).</summary>
        private readonly bool _nameRight = ast.Right is not (NumberLit or StringLit or BoolLit) && ast.Right is not PathExpr { Segments: [("param", _), _] };

        public override Tri Truth(EvalScope scope) => whole.TruthIn(scope);

        public override void Explain(Tri truth, Pass pass, List<string> da, List<string> en)
        {
            var words = PhrasesOf(pass);
            var l = left.Read(pass.Scope);
            var r = right.Read(pass.Scope);
            if (l is null || r is null)
            {
                // An unknown side quotes no value: the same words every time.
                var slot = l is null ? 0 : 2;
                da.Add(words.Said[slot] ??= Describe(l, r, words, pass, true));
                en.Add(words.Said[slot + 1] ??= Describe(l, r, words, pass, false));
                return;
            }

            pass.Varying = true;
            da.Add(Describe(l, r, words, pass, true));
            en.Add(Describe(l, r, words, pass, false));
        }

        /// <summary>[0] the left operand in words (a literal needs none: its value says it), [1] the right operand in words.</summary>
        protected override string?[] Words(ConditionWords words)
            => [ast.Left is NumberLit or StringLit ? (words.Language == Language.Danish ? "værdien" : "the value") : words.Of(ast.Left), words.Of(ast.Right)];

        private string Describe(object? l, object? r, Phrases words, Pass pass, bool da)
        {
            if (l is null || r is null)
            {
                // An unknown side: say which is not known (a missing fact is listed as such beside it).
                return words.In(da, l is null ? 0 : 1) + (da ? " er ikke oplyst" : " is not known");
            }

            var sb = TextBuilder();
            sb.Append(words.In(da, 0)).Append(' ');
            Append(sb, l, left.Type, pass, da).Append(' ').Append(Relation(l, r)).Append(' ');
            Append(sb, r, right.Type, pass, da);
            if (_nameRight)
            {
                sb.Append(" (").Append(words.In(da, 1)).Append(')');
            }

            return sb.ToString();
        }

        /// <summary>A value in words, appended: numbers with their unit, dates, enum values in the language.</summary>
        private StringBuilder Append(StringBuilder sb, object value, VType type, Pass pass, bool da) => value switch
        {
            decimal d when type.IsShare => ReasonText.Append(sb, ParameterUnit.Share, d, da),
            decimal d when unit is ParameterUnit.Years => ReasonText.Append(sb, ParameterUnit.Count, d, da).Append(da ? " år" : d == 1 ? " year" : " years"),
            decimal d when unit is ParameterUnit.Months => ReasonText.Append(sb, ParameterUnit.Count, d, da).Append(da ? (d == 1 ? " måned" : " måneder") : d == 1 ? " month" : " months"),
            decimal d => ReasonText.Append(sb, unit ?? ParameterUnit.Count, d, da),
            int day when type.Kind == VKind.Date => AppendDay(sb, day),
            string s => sb.Append(pass.Words(da).Value(s, type)),
            Tri t => sb.Append(TriWord(t, da)),
            _ => sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };

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
