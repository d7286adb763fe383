using System.Globalization;
using RentalRules.Diagnostics;

namespace RentalRules.Json;

/// <summary>
/// Strict, located reading of values from a <see cref="JNode"/> tree. Every problem becomes a diagnostic naming the
/// file, JSON path, line and column, with a hint; reading goes on so that one pass reports everything.
/// Values of input facts never appear in messages (they may be personal data).
/// </summary>
internal sealed class NodeReader(List<Diagnostic> diagnostics, bool facts)
{
    /// <summary>The date an event that never happened reads as (<c>false</c> in a fact file): the fact model's <c>Member.Never</c>.</summary>
    public static readonly DateOnly Never = DateOnly.MinValue;

    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Reports the descriptor's diagnostic at a location.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args)
        => Diagnostics.Add(descriptor.At(location, args));

    /// <summary>A generic reading problem under the code of the input: a pack's (RR01xx), or a fact file's (RR03xx).</summary>
    private DiagnosticDescriptor Input(DiagnosticDescriptor descriptor) => !facts ? descriptor : descriptor.WithCode(descriptor.Code switch
    {
        DiagnosticCodes.WrongType => DiagnosticCodes.FactWrongType,
        DiagnosticCodes.UnknownProperty => DiagnosticCodes.FactUnknown,
        _ => DiagnosticCodes.FactInvalid,
    });

    public bool ExpectObject(JNode node, string what)
    {
        if (node.Kind == JKind.Object)
        {
            return true;
        }

        Report(Input(Descriptors.ExpectedObject), node.Location, what, JNode.KindName(node.Kind));
        return false;
    }

    /// <summary>Reports properties not in <paramref name="allowed"/>, suggesting the closest allowed name.</summary>
    public void CheckProperties(JNode obj, string what, IEnumerable<string> allowed)
    {
        var set = allowed as ICollection<string> ?? allowed.ToList();
        foreach (var p in obj.Properties)
        {
            if (p.Name.StartsWith('$') || set.Contains(p.Name))
            {
                continue;
            }

            Report(Input(Descriptors.UnknownProperty), p.NameLocation, what, p.Name, Suggestions.DidYouMean(p.Name, set));
        }
    }

    public JNode? Required(JNode obj, string name, string what)
    {
        var node = obj[name];
        if (node is null || node.IsNull)
        {
            Report(Descriptors.MissingProperty, node?.Location ?? obj.Location, what, name);
            return null;
        }

        return node;
    }

    public string? String(JNode? node, bool nonEmpty = false)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind != JKind.String)
        {
            Report(Input(Descriptors.ExpectedText), node.Location, JNode.KindName(node.Kind));
            return null;
        }

        if (nonEmpty && string.IsNullOrWhiteSpace(node.Text))
        {
            Report(Input(Descriptors.EmptyText), node.Location);
            return null;
        }

        return node.Text;
    }

    public decimal? Number(JNode? node, decimal? min = null, decimal? max = null)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind != JKind.Number)
        {
            Report(Input(node.Kind == JKind.String ? Descriptors.ExpectedNumberNotText : Descriptors.ExpectedNumber), node.Location, JNode.KindName(node.Kind));
            return null;
        }

        if (!JsonText.TryNumber(node, out var value, out var inexact))
        {
            if (inexact)
            {
                Report(Input(Descriptors.NumberTooPrecise), node.Location);
            }
            else
            {
                Report(Input(Descriptors.NumberOutOfRange), node.Location);
            }

            return null;
        }

        if ((min is not null && value < min) || (max is not null && value > max))
        {
            var range = (min, max) switch
            {
                (not null, not null) => $"between {Fmt(min.Value)} and {Fmt(max.Value)}",
                (not null, null) => $"at least {Fmt(min.Value)}",
                _ => $"at most {Fmt(max!.Value)}",
            };
            Report(Input(Descriptors.NumberNotInRange), node.Location, range);
            return null;
        }

        return value;
    }

    /// <summary>A non-negative whole number kept as a decimal; a fraction is an error naming <paramref name="what"/>.</summary>
    public decimal? WholeNumber(JNode? node, string what, string hint)
    {
        var value = Number(node, 0m);
        if (value is not null && value != decimal.Truncate(value.Value))
        {
            Report(Input(Descriptors.NotAWholeNumber), node!.Location, what, hint);
            return null;
        }

        return value;
    }

    public int? Integer(JNode? node, int min = 0)
    {
        var value = Number(node, min, int.MaxValue);
        if (value is null)
        {
            return null;
        }

        if (value != decimal.Truncate(value.Value))
        {
            Report(Input(Descriptors.ExpectedWholeNumber), node!.Location);
            return null;
        }

        return (int)value.Value;
    }

    /// <summary>A share: a fraction in [0, 1]. A value above 1 gets "did you mean …" with it divided by 100.</summary>
    public decimal? Share(JNode? node)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind == JKind.String && node.Text is { } s && s.TrimEnd().EndsWith('%'))
        {
            Report(Input(Descriptors.ShareAsPercentText), node.Location);
            return null;
        }

        var value = Number(node);
        if (value is null)
        {
            return null;
        }

        if (value < 0 || value > 1)
        {
            Report(Input(value > 1 && value <= 100 ? Descriptors.ShareLooksLikePercent : Descriptors.ShareOutOfRange), node.Location, Fmt(value.Value / 100m));
            return null;
        }

        if (!Fraction.TryFromDecimal(value.Value, out _))
        {
            Report(Input(Descriptors.ShareNotExact), node.Location);
            return null;
        }

        return value;
    }

    public bool? Bool(JNode? node)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind is JKind.True or JKind.False)
        {
            return node.Kind == JKind.True;
        }

        Report(Input(node.Kind == JKind.String ? Descriptors.ExpectedBoolNotText : Descriptors.ExpectedBool), node.Location, JNode.KindName(node.Kind));
        return null;
    }

    public DateOnly? Date(JNode? node, bool allowNever = false)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (allowNever && node.Kind == JKind.False)
        {
            return Never;
        }

        if (node.Kind != JKind.String)
        {
            Report(Input(allowNever ? Descriptors.ExpectedDateOrNever : Descriptors.ExpectedDate), node.Location, JNode.KindName(node.Kind));
            return null;
        }

        if (!TryParseIsoDate(node.Text, out var date))
        {
            Report(Input(Descriptors.InvalidDate), node.Location);
            return null;
        }

        return date;
    }

    public T? Enum<T>(JNode? node)
        where T : struct, System.Enum
    {
        var text = String(node);
        if (text is null)
        {
            return null;
        }

        if (EnumNames<T>.TryParse(text, out var value))
        {
            return value;
        }

        var hint = Suggestions.DidYouMean(text, EnumNames<T>.Names);
        if (facts)
        {
            Report(Descriptors.FactValueNotAllowed, node!.Location, hint);
        }
        else
        {
            Report(Descriptors.NotAllowedHere, node!.Location, text, hint);
        }
        return null;
    }

    /// <summary>Reads an array; <c>null</c> when absent. Items that fail to read are left out (their errors are reported).</summary>
    public IReadOnlyList<T>? Array<T>(JNode? node, Func<JNode, T?> item)
        where T : class
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind != JKind.Array)
        {
            Report(Input(Descriptors.ExpectedList), node.Location, JNode.KindName(node.Kind));
            return null;
        }

        var list = new List<T>(node.Items.Count);
        foreach (var n in node.Items)
        {
            if (n.IsNull)
            {
                Report(Input(Descriptors.NullListItem), n.Location);
                continue;
            }

            var value = item(n);
            if (value is not null)
            {
                list.Add(value);
            }
        }

        return list;
    }

    /// <summary>Parses exactly <c>yyyy-MM-dd</c> (a valid calendar date), without culture machinery.</summary>
    public static bool TryParseIsoDate(string? text, out DateOnly date)
    {
        date = default;
        return text is not null && TryParseIsoDate(text.AsSpan(), out date);
    }

    /// <summary>Parses exactly <c>yyyy-MM-dd</c> (a valid calendar date) from characters.</summary>
    public static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var year = 0;
        var month = 0;
        var day = 0;
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }

            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            var digit = c - '0';
            if (i < 4)
            {
                year = (year * 10) + digit;
            }
            else if (i < 7)
            {
                month = (month * 10) + digit;
            }
            else
            {
                day = (day * 10) + digit;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static string Fmt(decimal d) => d.ToString("0.############", CultureInfo.InvariantCulture);
}
