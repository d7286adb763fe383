using System.Globalization;
using System.Text;
using RentalRules.Compilation;
using RentalRules.Packs;

namespace RentalRules.Authoring;

/// <summary>
/// A condition in words, for a reader who does not read the condition language: the syntax tree rendered in Danish or
/// English ("the department's key figures › outside labour market share is at most 30 % (greenMax)"). Parameters are
/// named by their title and value on a date. Rendering only; the condition's text stays the authority and is shown
/// beside it.
/// </summary>
internal sealed class ConditionWords(RulePack pack, string language, DateOnly on)
{
    private bool Da => language == "da";

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

    private string Words(Ast ast) => ast switch
    {
        NumberLit n => n.Text,
        StringLit s => "‘" + s.Value + "’",
        BoolLit b => b.Value ? (Da ? "sand" : "true") : (Da ? "falsk" : "false"),
        DurationLit d => Duration(d),
        ListLit l => string.Join(", ", l.Items.Select(Words)),
        PathExpr p => Path(p),
        UnaryExpr { Op: UnaryOp.Not, Operand: BinaryExpr { Op: BinaryOp.In } inner } => NotIn(inner),
        UnaryExpr { Op: UnaryOp.Not } u => (Da ? "ikke (" : "not (") + Words(u.Operand) + ")",
        UnaryExpr u => "-" + Words(u.Operand),
        BinaryExpr b => Binary(b),
        CallExpr c => Call(c),
        QuantExpr q => Quant(q),
        _ => "?",
    };

    private string Binary(BinaryExpr b)
    {
        var left = Words(b.Left);
        var right = Words(b.Right);
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
            BinaryOp.In when b.Right is ListLit => left + (Da ? " er en af " : " is one of ") + right,
            BinaryOp.In => left + (Da ? " er blandt " : " is among ") + right,
            _ => left + " " + b.Symbol + " " + right,
        };
    }

    /// <summary><c>x not in list</c>, which the parser reads as <c>not (x in list)</c>.</summary>
    private string NotIn(BinaryExpr b)
        => Words(b.Left) + (b.Right is ListLit ? (Da ? " er ingen af " : " is none of ") : (Da ? " er ikke blandt " : " is not among ")) + Words(b.Right);

    /// <summary>Parenthesises a mixed and/or operand so that the words keep the condition's grouping.</summary>
    private static string Group(Ast operand, string words, BinaryOp op)
        => operand is BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } inner && inner.Op != op ? "(" + words + ")" : words;

    private string Call(CallExpr c)
    {
        var args = c.Args.Select(Words).ToList();
        return (c.Name, args.Count) switch
        {
            ("current", 1) => args[0] + (Da ? " er løbende" : " is current"),
            ("current", 2) => args[0] + (Da ? " er løbende den " : " is current on ") + args[1],
            ("within", 2) => args[0] + (Da ? " ligger inden for de seneste " : " lies within the last ") + args[1],
            ("within", 3) => args[0] + (Da ? " ligger inden for " : " lies within ") + args[1] + (Da ? " før " : " before ") + args[2],
            ("known", 1) => args[0] + (Da ? " er kendt" : " is known"),
            ("missing", 1) => args[0] + (Da ? " er ukendt" : " is unknown"),
            ("date", 1) => args[0].Trim('‘', '’'),
            _ => c.Name + "(" + string.Join(", ", args) + ")",
        };
    }

    private string Quant(QuantExpr q)
    {
        var list = Path(q.Collection);
        var where = q.Filter is null ? "" : (Da ? " hvor " : " where ") + Words(q.Filter);
        var body = Words(q.Body);
        return q.Kind switch
        {
            Quantifier.Any => (Da ? $"mindst én {q.Variable} i {list}{where}: " : $"some {q.Variable} in {list}{where}: ") + body,
            Quantifier.All => (Da ? $"hver {q.Variable} i {list}{where}: " : $"every {q.Variable} in {list}{where}: ") + body,
            Quantifier.Count => Da ? $"antallet af {q.Variable} i {list}{where} med {body}" : $"the number of {q.Variable} in {list}{where} with {body}",
            Quantifier.Sum => Da ? $"summen af {body} over {q.Variable} i {list}{where}" : $"the sum of {body} over {q.Variable} in {list}{where}",
            Quantifier.Spell => Da ? $"den sammenhængende periode af {q.Variable} i {list}{where} med {body}" : $"the unbroken spell of {q.Variable} in {list}{where} with {body}",
            _ => q.Name,
        };
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
        return (title ?? name) + " (" + shown + (title is null ? "" : ", " + name) + ")";
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
