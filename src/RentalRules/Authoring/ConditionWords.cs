using System.Globalization;
using System.Text;
using RentalRules.Compilation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Authoring;

/// <summary>
/// A condition in words, for a reader who does not read the condition language: the syntax tree rendered in Danish or
/// English ("afdelingens andel beboere uden for arbejdsmarked og uddannelse er højst 30 %"). Facts and their values are
/// named through the one glossary of the fact schema (<see cref="FactGlossary"/>): "mindst én af medlemmets domme, hvor
/// dommens lovgrundlag er straffeloven, våbenloven eller lov om euforiserende stoffer …". Parameters are named by their
/// title and value on a date. Rendering only; the condition's text stays the authority and is shown beside it. With
/// <c>forCaseworker</c>, parameters are named by title and value only (explanations carry no ids). One method per node
/// type of the syntax tree (<see cref="AstVisitor{T}"/>).
/// </summary>
internal sealed class ConditionWords(RulePack pack, Language language, DateOnly on, bool forCaseworker = false) : AstVisitor<string>
{
    /// <summary>The record type each quantifier variable in scope ranges over.</summary>
    private readonly Dictionary<string, FactType> _variables = new(StringComparer.Ordinal);

    /// <summary>The language of the words.</summary>
    public Language Language => language;

    private bool Da => language == Language.Danish;

    public string Render(string condition)
    {
        try
        {
            return Words(ExprParser.Parse(condition));
        }
        catch (ExprException)
        {
            return condition;
        }
    }

    /// <summary>A parsed part of a condition in words (for explanations that quote the value it had).</summary>
    public string Of(Ast ast) => Words(ast);

    /// <summary>Binds a quantifier's variable while <paramref name="render"/> runs (an explanation naming its body).</summary>
    public string With(QuantExpr q, Func<string> render)
    {
        var type = TypeOf(q.Collection)?.Object;
        var had = _variables.TryGetValue(q.Variable, out var previous);
        if (type is not null)
        {
            _variables[q.Variable] = type;
        }

        try
        {
            return render();
        }
        finally
        {
            if (had)
            {
                _variables[q.Variable] = previous!;
            }
            else
            {
                _variables.Remove(q.Variable);
            }
        }
    }

    /// <summary>A value of the given static type in words: an enum value or a known value by the glossary, a criterion id by its clause.</summary>
    public string Value(string value, VType? type, string? domain = null)
    {
        if ((type?.EnumName ?? domain) is { } d)
        {
            if (FactGlossary.Value(d, value, language) is { } words)
            {
                return words;
            }

            if (d == "department.flexibleCriteria" && pack.Criterion(value) is { } criterion)
            {
                return (Da ? "kriteriet i " : "the criterion of ") + criterion.Clause.Id;
            }
        }

        return "‘" + value + "’";
    }

    /// <summary>The noun of the records a list fact holds, or of the type a variable ranges over.</summary>
    public Noun? NounOf(FactType type) => FactGlossary.NounOf(type, language);

    /// <summary>The static type of a part of a condition, where the fact schema says it (paths), else null.</summary>
    public VType? TypeOf(Ast ast) => Resolve(ast)?.Type;

    /// <inheritdoc/>
    public override string VisitNumber(NumberLit n) => n.Text;

    /// <inheritdoc/>
    public override string VisitString(StringLit s) => "‘" + s.Value + "’";

    /// <inheritdoc/>
    public override string VisitBool(BoolLit b) => b.Value ? (Da ? "sand" : "true") : (Da ? "falsk" : "false");

    /// <inheritdoc/>
    public override string VisitDuration(DurationLit d) => Duration(d);

    /// <inheritdoc/>
    public override string VisitList(ListLit l) => Alternatives(l.Items.Select(Words).ToList());

    /// <inheritdoc/>
    public override string VisitPath(PathExpr p) => Path(p);

    /// <inheritdoc/>
    public override string VisitUnary(UnaryExpr u) => u switch
    {
        { Op: UnaryOp.Not, Operand: BinaryExpr { Op: BinaryOp.In } inner } => NotIn(inner),
        { Op: UnaryOp.Not } => (Da ? "ikke (" : "not (") + Words(u.Operand) + ")",
        _ => "-" + Words(u.Operand),
    };

    /// <inheritdoc/>
    public override string VisitBinary(BinaryExpr b) => Binary(b);

    /// <inheritdoc/>
    public override string VisitCall(CallExpr c) => Call(c);

    /// <inheritdoc/>
    public override string VisitQuantifier(QuantExpr q) => Quant(q);

    private string Words(Ast ast) => Visit(ast);

    /// <summary>An operand, with a literal named in the domain of the other operand (<c>c.act = 'penalCode'</c> → straffeloven).</summary>
    private string Operand(Ast operand, Ast other)
    {
        var resolved = Resolve(other);
        return operand switch
        {
            StringLit s when resolved is not null => Value(s.Value, resolved.Type, resolved.Domain),
            ListLit l when resolved is not null => Alternatives(l.Items.Select(i => i is StringLit s ? Value(s.Value, resolved.Type, resolved.Domain) : Words(i)).ToList()),
            _ => Words(operand),
        };
    }

    private string Binary(BinaryExpr b)
    {
        var left = Operand(b.Left, b.Right);
        var right = Operand(b.Right, b.Left);
        return b.Op switch
        {
            BinaryOp.And => Group(b.Left, left, BinaryOp.And) + (Da ? " og " : " and ") + Group(b.Right, right, BinaryOp.And),
            BinaryOp.Or => Group(b.Left, left, BinaryOp.Or) + (Da ? " eller " : " or ") + Group(b.Right, right, BinaryOp.Or),
            BinaryOp.Equal => left + (Da ? " er " : " is ") + right,
            BinaryOp.NotEqual => left + (Da ? " er ikke " : " is not ") + right,
            BinaryOp.Less => left + (Da ? " er under " : " is less than ") + right,
            BinaryOp.LessOrEqual => left + (Da ? " er højst " : " is at most ") + right,
            BinaryOp.Greater => left + (Da ? " er over " : " is more than ") + right,
            BinaryOp.GreaterOrEqual => left + (Da ? " er mindst " : " is at least ") + right,
            BinaryOp.In when b.Right is ListLit => left + (Da ? " er " : " is ") + right,
            BinaryOp.In => left + (Da ? " er blandt " : " is among ") + right,
            BinaryOp.Add when b.Right is DurationLit => right + (Da ? " efter " : " after ") + left,
            BinaryOp.Subtract when b.Right is DurationLit => right + (Da ? " før " : " before ") + left,
            _ => left + " " + b.Symbol + " " + right,
        };
    }

    /// <summary><c>x not in list</c>, which the parser reads as <c>not (x in list)</c>.</summary>
    private string NotIn(BinaryExpr b)
        => Operand(b.Left, b.Right) + (b.Right is ListLit ? (Da ? " er hverken " : " is none of ") : (Da ? " er ikke blandt " : " is not among ")) + Operand(b.Right, b.Left);

    /// <summary>Parenthesises a mixed and/or operand so that the words keep the condition's grouping.</summary>
    private static string Group(Ast operand, string words, BinaryOp op)
        => operand is BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } inner && inner.Op != op ? "(" + words + ")" : words;

    /// <summary>"a, b eller c" / "a, b or c".</summary>
    private string Alternatives(IReadOnlyList<string> items)
        => items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + (Da ? " eller " : " or ") + items[^1];

    private string Call(CallExpr c)
    {
        var args = c.Args.Select(Words).ToList();
        // A list argument (current(member.education.enrolled)) holds when one of its records does.
        var subject = c.Args.Count > 0 && TypeOf(c.Args[0]) is { Kind: VKind.List } ? (Da ? "en af " : "one of ") + args[0] : args.Count > 0 ? args[0] : "";
        return (c.Name, args.Count) switch
        {
            ("current", 1) => subject + (Da ? " er løbende" : " is current"),
            ("current", 2) => subject + (Da ? " er løbende den " : " is current on ") + args[1],
            ("within", 2) => subject + (Da ? " ligger inden for de seneste " : " lies within the last ") + args[1],
            ("within", 3) => subject + (Da ? " ligger inden for " : " lies within ") + args[1] + (Da ? " før " : " before ") + args[2],
            ("known", 1) => args[0] + (Da ? " er kendt" : " is known"),
            ("missing", 1) => args[0] + (Da ? " er ukendt" : " is unknown"),
            ("date", 1) => args[0].Trim('‘', '’'),
            _ => c.Name + "(" + string.Join(", ", args) + ")",
        };
    }

    private string Quant(QuantExpr q)
    {
        var list = Words(q.Collection);
        return With(q, () =>
        {
            var where = q.Filter is null ? "" : (Da ? " (de af dem, hvor " : " (those where ") + Words(q.Filter) + ")";
            var body = Words(q.Body);
            return q.Kind switch
            {
                Quantifier.Any => Da ? $"mindst én af {list}{where}, hvor {body}" : $"at least one of {list}{where} where {body}",
                Quantifier.All => Da ? $"alle {list}{where} opfylder: {body}" : $"every one of {list}{where} meets: {body}",
                Quantifier.Count => Da ? $"antallet af {list}{where}, hvor {body}" : $"the number of {list}{where} where {body}",
                Quantifier.Sum => Da ? $"summen af {body} for {list}{where}" : $"the sum of {body} over {list}{where}",
                Quantifier.Spell => Da ? $"den sammenhængende periode med {list}{where}, hvor {body}" : $"the unbroken spell of {list}{where} where {body}",
                _ => q.Name,
            };
        });
    }

    /// <summary>A path's static type and, for a fact, its key in the glossary (<c>conviction.act</c>).</summary>
    private sealed record Resolved(VType Type, string? Domain);

    private Resolved? Resolve(Ast ast)
    {
        if (ast is not PathExpr p)
        {
            return null;
        }

        var segments = p.Segments.Select(s => s.Name).ToList();
        FactType type;
        if (_variables.TryGetValue(segments[0], out var bound))
        {
            type = bound;
            if (segments.Count == 1)
            {
                return new Resolved(VType.ObjectOf(bound), null);
            }
        }
        else if (FactSchema.RootNames.Contains(segments[0]) && segments.Count > 1)
        {
            type = FactSchema.RootType(segments[0]);
        }
        else
        {
            return null;
        }

        for (var i = 1; i < segments.Count; i++)
        {
            if (type.Find(segments[i]) is not { } field)
            {
                return null;
            }

            if (i == segments.Count - 1)
            {
                return new Resolved(field.Type, type.Name + "." + field.Name);
            }

            if (field.Type is not { Kind: VKind.Object, Object: { } inner })
            {
                return null;
            }

            type = inner;
        }

        return null;
    }

    private string Path(PathExpr p)
    {
        var segments = p.Segments.Select(s => s.Name).ToList();
        if (segments is ["on"])
        {
            return Da ? "evalueringsdatoen" : "the evaluation date";
        }

        if (segments is ["param", var name])
        {
            return Parameter(name);
        }

        // The owner: a quantifier's variable (its record: "dommens") or a root ("medlemmets", "afdelingens").
        var owner = _variables.TryGetValue(segments[0], out var bound) ? NounOf(bound)
            : FactSchema.RootNames.Contains(segments[0]) ? FactGlossary.NounOf(segments[0], language)
            : null;
        var resolved = Resolve(p);
        if (owner is not null && segments.Count == 1)
        {
            return owner.The;
        }

        if (owner is not null && resolved?.Domain is { } key && FactGlossary.Fact(key, language) is { } words)
        {
            return FactGlossary.Phrase(owner, words, language);
        }

        return string.Join(" › ", segments.Select(Spaced));
    }

    private string Parameter(string name)
    {
        if (!pack.Parameters.TryGetValue(name, out var p))
        {
            return name;
        }

        var value = p.ValueOn(on);
        var shown = value is null ? (Da ? "ingen værdi" : "no value")
            : p.Unit == ParameterUnit.Share ? (value.Value * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %"
            : value.Value.ToString("#,0.##", CultureInfo.InvariantCulture) + (p.Unit is ParameterUnit.Count or ParameterUnit.Ratio or ParameterUnit.Share ? "" : " " + PackNames.Name(p.Unit));
        var title = p.Title?.In(language);
        // For a caseworker's explanation the parameter's value (and its title, when the pack gives one), never its name.
        return forCaseworker ? (title is null ? shown : title + " (" + shown + ")")
            : (title ?? name) + " (" + shown + (title is null ? "" : ", " + name) + ")";
    }

    private string Duration(DurationLit d)
    {
        var parts = new List<string>();
        void Add(int n, string one, string many, string enOne, string enMany)
        {
            if (n != 0)
            {
                parts.Add(n.ToString(CultureInfo.InvariantCulture) + " " + (Da ? (n == 1 ? one : many) : (n == 1 ? enOne : enMany)));
            }
        }

        Add(d.Years, "år", "år", "year", "years");
        Add(d.Months, d.Calendar ? "kalendermåned" : "måned", d.Calendar ? "kalendermåneder" : "måneder", d.Calendar ? "calendar month" : "month", d.Calendar ? "calendar months" : "months");
        Add(d.Days, "dag", "dage", "day", "days");
        return parts.Count == 0 ? "0" : string.Join(" ", parts);
    }

    /// <summary><c>outsideLabourMarketShare</c> → <c>outside labour market share</c>.</summary>
    private static string Spaced(string name)
    {
        var s = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && s.Length > 0)
            {
                s.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                s.Append(c);
            }
        }

        return s.ToString();
    }
}
