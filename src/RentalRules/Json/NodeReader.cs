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

    private string WrongTypeCode => facts ? DiagnosticCodes.FactWrongType : DiagnosticCodes.WrongType;

    private string UnknownCode => facts ? DiagnosticCodes.FactUnknown : DiagnosticCodes.UnknownProperty;

    private string InvalidCode => facts ? DiagnosticCodes.FactInvalid : DiagnosticCodes.InvalidValue;

    public void Error(string code, string message, SourceLocation location, string? hint = null)
        => Diagnostics.Add(new Diagnostic(Severity.Error, code, message, location, hint));

    public void Warning(string code, string message, SourceLocation location, string? hint = null)
        => Diagnostics.Add(new Diagnostic(Severity.Warning, code, message, location, hint));

    public bool ExpectObject(JNode node, string what)
    {
        if (node.Kind == JKind.Object)
        {
            return true;
        }

        Error(WrongTypeCode, $"{what} must be an object, but is {JNode.KindName(node.Kind)}.", node.Location, "Write it as { \"name\": value, … }.");
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

            var hint = Suggestions.DidYouMean(p.Name, set);
            Error(UnknownCode, $"{what} has no property '{p.Name}'.", p.NameLocation, hint);
        }
    }

    public JNode? Required(JNode obj, string name, string what)
    {
        var node = obj[name];
        if (node is null || node.IsNull)
        {
            Error(DiagnosticCodes.MissingProperty, $"{what} needs '{name}'.", node?.Location ?? obj.Location, $"Add \"{name}\".");
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
            Error(WrongTypeCode, $"Expected text, but found {JNode.KindName(node.Kind)}.", node.Location, "Put the value in double quotes.");
            return null;
        }

        if (nonEmpty && string.IsNullOrWhiteSpace(node.Text))
        {
            Error(InvalidCode, "The text must not be empty.", node.Location);
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
            var hint = node.Kind == JKind.String ? "Write the number without quotes." : null;
            Error(WrongTypeCode, $"Expected a number, but found {JNode.KindName(node.Kind)}.", node.Location, hint);
            return null;
        }

        if (!JsonText.TryNumber(node, out var value, out var inexact))
        {
            if (inexact)
            {
                Error(InvalidCode, "The number has more digits than can be read exactly (at most 28 significant digits and 28 decimal places).", node.Location, "Round it; a share needs at most 18 decimal places.");
            }
            else
            {
                Error(InvalidCode, "The number is out of range.", node.Location);
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
            Error(InvalidCode, $"The number must be {range}.", node.Location);
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
            Error(InvalidCode, $"{what} must be a whole number.", node!.Location, hint);
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
            Error(InvalidCode, "Expected a whole number.", node!.Location);
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
            Error(WrongTypeCode, "A share is a number in [0, 1], not a percentage text.", node.Location, "Write e.g. 0.28 for 28 %.");
            return null;
        }

        var value = Number(node);
        if (value is null)
        {
            return null;
        }

        if (value < 0 || value > 1)
        {
            var hint = value > 1 && value <= 100
                ? $"Shares are fractions in [0, 1]: did you mean {Fmt(value.Value / 100m)}?"
                : "Shares are fractions in [0, 1].";
            Error(facts ? DiagnosticCodes.FactInvalid : DiagnosticCodes.ShareOutOfRange, "A share must be between 0 and 1.", node.Location, hint);
            return null;
        }

        if (!Fraction.TryFromDecimal(value.Value, out _))
        {
            Error(InvalidCode, "The share cannot be used as an exact fraction: written out in lowest terms, its numerator and denominator must each fit in 18 digits.", node.Location, "Round it to at most 18 decimal places.");
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

        Error(WrongTypeCode, $"Expected true or false, but found {JNode.KindName(node.Kind)}.", node.Location, node.Kind == JKind.String ? "Write true or false without quotes." : null);
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
            Error(WrongTypeCode, $"Expected a date 'yyyy-MM-dd', but found {JNode.KindName(node.Kind)}.", node.Location, allowNever ? "Write a date in quotes, or false if it never happened." : "Write the date in quotes, e.g. \"2024-07-01\".");
            return null;
        }

        if (!TryParseIsoDate(node.Text, out var date))
        {
            Error(InvalidCode, "Not a valid date.", node.Location, "Dates are ISO yyyy-MM-dd, e.g. \"2024-07-01\".");
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

        var quoted = facts ? "The value" : $"'{text}'";
        Error(InvalidCode, $"{quoted} is not one of the allowed values.", node!.Location, Suggestions.DidYouMean(text, EnumNames<T>.Names));
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
            Error(WrongTypeCode, $"Expected a list [..], but found {JNode.KindName(node.Kind)}.", node.Location, "Wrap the value in [ ].");
            return null;
        }

        var list = new List<T>(node.Items.Count);
        foreach (var n in node.Items)
        {
            if (n.IsNull)
            {
                Error(InvalidCode, "A list item must not be null.", n.Location, "Remove the null item.");
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
        if (text is not { Length: 10 } || text[4] != '-' || text[7] != '-')
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
