using System.Globalization;
using RentalRules.Diagnostics;

namespace RentalRules.Compilation;

/// <summary>
/// Parses the condition language:
/// <code>
/// expr    := or
/// or      := and ('or' and)*
/// and     := not ('and' not)*
/// not     := 'not' not | compare
/// compare := sum (( '=' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=' | 'in' | 'not in' ) sum)?
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := '-' unary | primary
/// primary := NUMBER [years|months|days|calendar months] | 'text' | true | false | on | [ items ] | ( expr )
///          | (any|all|count|spell|sum) ( x in path [where expr] : expr ) | name ( args ) | path
/// </code>
/// Nesting is bounded (<see cref="MaxDepth"/>) and so is length (<see cref="MaxLength"/>).
/// </summary>
internal sealed class ExprParser
{
    public const int MaxDepth = 32;
    public const int MaxLength = 4000;

    /// <summary>Most operators in one expression; each nests the tree one level, so a flat chain is bounded too.</summary>
    public const int MaxOperators = 128;

    private static readonly HashSet<string> Keywords = ["and", "or", "not", "in", "true", "false"];
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;
    private int _operators;

    private ExprParser(string text)
    {
        _text = text;
        _tokens = Lex(text);
    }

    public static Ast Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            throw new ExprException(new ExprError(0, Descriptors.ExpressionTooLong, text.Length, MaxLength));
        }

        var parser = new ExprParser(text);
        var ast = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw parser.Error(parser.Peek.Pos, Descriptors.UnexpectedAfterCondition, parser.Peek.Text);
        }

        return ast;
    }

    private enum TokenKind
    {
        Number,
        String,
        Name,
        Symbol,
        End,
    }

    private sealed record Token(TokenKind Kind, string Text, int Pos);

    private Token Peek => _tokens[_index];

    private Token Next() => _tokens[_index++];

    private bool IsSymbol(string s) => Peek.Kind == TokenKind.Symbol && Peek.Text == s;

    private bool IsWord(string s) => Peek.Kind == TokenKind.Name && Peek.Text == s;

    private ExprException Error(int pos, DiagnosticDescriptor descriptor, params object?[] args)
        => new(new ExprError(pos, descriptor, args));

    private void Expect(string symbol)
    {
        if (!IsSymbol(symbol))
        {
            throw Error(Peek.Pos, Peek.Kind == TokenKind.End ? Descriptors.ExpectedSymbolAtEnd : Descriptors.ExpectedSymbol, symbol, Peek.Text);
        }

        _index++;
    }

    private void CountOperator(int pos)
    {
        if (++_operators > MaxOperators)
        {
            throw new ExprException(new ExprError(pos, Descriptors.TooManyOperators, MaxOperators));
        }
    }

    private void Enter(int pos)
    {
        if (++_depth > MaxDepth)
        {
            throw new ExprException(new ExprError(pos, Descriptors.ExpressionTooDeep, MaxDepth));
        }
    }

    private Ast ParseOr()
    {
        Enter(Peek.Pos);
        var left = ParseAnd();
        while (IsWord("or"))
        {
            var pos = Next().Pos;
            CountOperator(pos);
            left = new BinaryExpr(BinaryOp.Or, left, ParseAnd(), pos);
        }

        _depth--;
        return left;
    }

    private Ast ParseAnd()
    {
        var left = ParseNot();
        while (IsWord("and"))
        {
            var pos = Next().Pos;
            CountOperator(pos);
            left = new BinaryExpr(BinaryOp.And, left, ParseNot(), pos);
        }

        return left;
    }

    private Ast ParseNot()
    {
        if (IsWord("not"))
        {
            var pos = Next().Pos;
            Enter(pos);
            var operand = ParseNot();
            _depth--;
            return new UnaryExpr(UnaryOp.Not, operand, pos);
        }

        return ParseCompare();
    }

    private Ast ParseCompare()
    {
        var left = ParseSum();
        if (Peek.Kind == TokenKind.Symbol && Peek.Text is "=" or "!=" or "<" or "<=" or ">" or ">=")
        {
            var op = Next();
            return new BinaryExpr(Operators.Binary(op.Text), left, ParseSum(), op.Pos);
        }

        if (IsWord("in"))
        {
            var pos = Next().Pos;
            return new BinaryExpr(BinaryOp.In, left, ParseSum(), pos);
        }

        if (IsWord("not") && _tokens[_index + 1] is { Kind: TokenKind.Name, Text: "in" })
        {
            var pos = Next().Pos;
            Next();
            return new UnaryExpr(UnaryOp.Not, new BinaryExpr(BinaryOp.In, left, ParseSum(), pos), pos);
        }

        return left;
    }

    private Ast ParseSum()
    {
        var left = ParseProduct();
        while (IsSymbol("+") || IsSymbol("-"))
        {
            var op = Next();
            CountOperator(op.Pos);
            left = new BinaryExpr(Operators.Binary(op.Text), left, ParseProduct(), op.Pos);
        }

        return left;
    }

    private Ast ParseProduct()
    {
        var left = ParseUnary();
        while (IsSymbol("*") || IsSymbol("/"))
        {
            var op = Next();
            CountOperator(op.Pos);
            left = new BinaryExpr(Operators.Binary(op.Text), left, ParseUnary(), op.Pos);
        }

        return left;
    }

    private Ast ParseUnary()
    {
        if (IsSymbol("-"))
        {
            var pos = Next().Pos;
            Enter(pos);
            var operand = ParseUnary();
            _depth--;
            return new UnaryExpr(UnaryOp.Negate, operand, pos);
        }

        return ParsePrimary();
    }

    private Ast ParsePrimary()
    {
        var t = Peek;
        switch (t.Kind)
        {
            case TokenKind.Number:
            {
                Next();
                if (!decimal.TryParse(t.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    throw Error(t.Pos, Descriptors.NotANumberLiteral, t.Text);
                }

                if (Peek.Kind == TokenKind.Name && Peek.Text == "calendar")
                {
                    var calendar = Next();
                    if (!(Peek.Kind == TokenKind.Name && Peek.Text is "month" or "months") || value != decimal.Truncate(value) || value > 10000)
                    {
                        throw Error(calendar.Pos, Descriptors.CalendarNeedsMonths);
                    }

                    Next();
                    return new DurationLit(0, (int)value, 0, t.Pos, Calendar: true);
                }

                if (Peek.Kind == TokenKind.Name && Peek.Text is "year" or "years" or "month" or "months" or "day" or "days")
                {
                    var unit = Next().Text;
                    if (value != decimal.Truncate(value) || value > 10000)
                    {
                        throw Error(t.Pos, Descriptors.DurationNotWhole);
                    }

                    var n = (int)value;
                    return unit.StartsWith("year", StringComparison.Ordinal) ? new DurationLit(n, 0, 0, t.Pos)
                        : unit.StartsWith("month", StringComparison.Ordinal) ? new DurationLit(0, n, 0, t.Pos)
                        : new DurationLit(0, 0, n, t.Pos);
                }

                return new NumberLit(value, t.Text, t.Pos);
            }

            case TokenKind.String:
                Next();
                return new StringLit(t.Text, t.Pos);
            case TokenKind.Symbol when t.Text == "(":
            {
                Next();
                var inner = ParseOr();
                Expect(")");
                return inner;
            }

            case TokenKind.Symbol when t.Text == "[":
            {
                Next();
                Enter(t.Pos);
                var items = new List<Ast>();
                if (!IsSymbol("]"))
                {
                    do
                    {
                        items.Add(ParseSum());
                    }
                    while (IsSymbol(",") && Next().Pos >= 0);
                }

                Expect("]");
                _depth--;
                return new ListLit(items, t.Pos);
            }

            case TokenKind.Name when t.Text is "true" or "false":
                Next();
                return new BoolLit(t.Text == "true", t.Pos);
            case TokenKind.Name when Keywords.Contains(t.Text):
                throw Error(t.Pos, Descriptors.CannotStartValue, t.Text);
            case TokenKind.Name:
                return ParseNameOrCall();
            case TokenKind.End:
                throw Error(t.Pos, Descriptors.EndsTooEarly);
            default:
                throw Error(t.Pos, Descriptors.UnexpectedToken, t.Text);
        }
    }

    private Ast ParseNameOrCall()
    {
        var first = Next();
        if (IsSymbol("("))
        {
            Next();
            Enter(first.Pos);
            Ast result;
            if (first.Text is "any" or "all" or "count" or "spell" or "sum")
            {
                if (Peek.Kind != TokenKind.Name || Keywords.Contains(Peek.Text))
                {
                    throw Error(Peek.Pos, Descriptors.QuantifierWithoutVariable, first.Text);
                }

                var variable = Next().Text;
                if (!IsWord("in"))
                {
                    throw Error(Peek.Pos, Descriptors.QuantifierWithoutIn, first.Text, variable);
                }

                Next();
                if (Peek.Kind != TokenKind.Name)
                {
                    throw Error(Peek.Pos, Descriptors.QuantifierWithoutList);
                }

                var collection = ParsePath(Next());
                Ast? filter = null;
                if (IsWord("where"))
                {
                    Next();
                    filter = ParseOr();
                }

                Expect(":");
                var body = ParseOr();
                result = new QuantExpr(PackNames.Parse<Quantifier>(first.Text)!.Value, variable, collection, body, first.Pos, filter);
            }
            else
            {
                var args = new List<Ast>();
                if (!IsSymbol(")"))
                {
                    do
                    {
                        args.Add(ParseOr());
                    }
                    while (IsSymbol(",") && Next().Pos >= 0);
                }

                result = new CallExpr(first.Text, args, first.Pos);
            }

            Expect(")");
            _depth--;
            return result;
        }

        return ParsePath(first);
    }

    private PathExpr ParsePath(Token first)
    {
        var segments = new List<(string, int)> { (first.Text, first.Pos) };
        while (IsSymbol("."))
        {
            Next();
            if (Peek.Kind != TokenKind.Name)
            {
                throw Error(Peek.Pos, Descriptors.NameAfterDot);
            }

            var t = Next();
            segments.Add((t.Text, t.Pos));
        }

        return new PathExpr(segments, first.Pos);
    }

    private List<Token> Lex(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.' || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i].Replace("_", "", StringComparison.Ordinal), start));
            }
            else if (char.IsLetter(c) || c == '_' || c == '$')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '$'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[start..i], start));
            }
            else if (c is '\'' or '"')
            {
                i++;
                while (i < text.Length && text[i] != c)
                {
                    i++;
                }

                if (i >= text.Length)
                {
                    throw Error(start, Descriptors.UnclosedText, c);
                }

                tokens.Add(new Token(TokenKind.String, text[(start + 1)..i], start));
                i++;
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "<=" or ">=" or "!=" or "==")
                {
                    tokens.Add(new Token(TokenKind.Symbol, two == "==" ? "=" : two, start));
                    i += 2;
                }
                else if ("=<>()[],.:+-*/".Contains(c, StringComparison.Ordinal))
                {
                    tokens.Add(new Token(TokenKind.Symbol, c.ToString(), start));
                    i++;
                }
                else if (c == '&' || c == '|' || c == '!')
                {
                    var word = c == '&' ? "and" : c == '|' ? "or" : "not";
                    throw Error(start, Descriptors.NotAnOperator, c, word);
                }
                else
                {
                    throw Error(start, Descriptors.UnexpectedCharacter, c);
                }
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }
}
