using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
namespace RentalRules;

/// <summary>
/// Reasons may quote parameters: <c>"at most {param.greenMax} …"</c> renders the value in force on the evaluation
/// date (a share as a percentage: "30 %", Danish "1,56 %"), so a draft that moves a threshold never explains itself
/// with the old number. A reason without placeholders is used as it is. Rendered texts are cached per parameter set.
/// Built from the pack's parameters in slot order (the order of the value arrays it renders with).
/// </summary>
/// <param name="names">The parameters' names, by slot.</param>
/// <param name="units">The parameters' units, by slot.</param>
internal sealed partial class ReasonText(IReadOnlyList<string> names, ParameterUnit[] units)
{
    private readonly ConcurrentDictionary<LocalizedText, Rendering> _rendered = new(ReferenceEqualityComparer.Instance);

    [GeneratedRegex(@"\{param\.([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    public static bool IsTemplate(LocalizedText text)
        => (text.En.AsSpan().IndexOf('{') >= 0 && text.En.Contains("{param.", StringComparison.Ordinal))
            || (text.Da.AsSpan().IndexOf('{') >= 0 && text.Da.Contains("{param.", StringComparison.Ordinal));

    /// <summary>The names of the parameters a text quotes.</summary>
    public static IEnumerable<string> Parameters(LocalizedText text)
        => Placeholder().Matches(text.Da).Concat(Placeholder().Matches(text.En)).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    public LocalizedText Render(LocalizedText text, decimal?[] values)
    {
        if (!IsTemplate(text))
        {
            return text;
        }

        if (_rendered.TryGetValue(text, out var cached) && ReferenceEquals(cached.Values, values))
        {
            return cached.Text;
        }

        var rendered = new LocalizedText(Fill(text.Da, values, danish: true), Fill(text.En, values, danish: false));
        _rendered[text] = new Rendering(values, rendered);
        return rendered;
    }

    private string Fill(string text, decimal?[] values, bool danish) => Placeholder().Replace(text, m =>
    {
        var name = m.Groups[1].Value;
        var index = IndexOf(name);
        if (index < 0 || values[index] is not { } value)
        {
            return danish ? "(ukendt)" : "(unknown)";
        }

        return units[index] == ParameterUnit.Share
            ? Number(value * 100m, danish, " %")
            : Number(value, danish, "");
    });

    private int IndexOf(string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A parameter's value as a reason quotes it: a share as a percentage, an amount with its unit.</summary>
    public static string Format(ParameterUnit unit, decimal value, bool danish)
        => Number(unit == ParameterUnit.Share ? value * 100m : value, danish, UnitSuffix(unit, danish));

    /// <summary>Appends <paramref name="value"/> as <see cref="Format"/> says it, without a string of its own.</summary>
    internal static StringBuilder Append(StringBuilder text, ParameterUnit unit, decimal value, bool danish)
    {
        Span<char> number = stackalloc char[NumberChars];
        var length = WriteNumber(unit == ParameterUnit.Share ? value * 100m : value, danish, number);
        return text.Append(number[..length]).Append(UnitSuffix(unit, danish));
    }

    /// <summary>What follows a number of the unit: " %", " kr. pr. måned", nothing for a count.</summary>
    private static string UnitSuffix(ParameterUnit unit, bool danish) => unit switch
    {
        ParameterUnit.Share => " %",
        ParameterUnit.DkkPerMonth => danish ? " kr. pr. måned" : " DKK a month",
        ParameterUnit.Dkk => danish ? " kr." : " DKK",
        _ => "",
    };

    /// <summary>The note that a criterion rests on an assumed number, with its value on the evaluation date.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="title">What the parameter is, in the pack's words (its name when the pack gives none).</param>
    /// <param name="unit">The parameter's unit.</param>
    /// <param name="value">Its value on the evaluation date, or null.</param>
    public static Assumption Assumption(string name, LocalizedText? title, ParameterUnit unit, decimal? value)
    {
        var da = title?.Da ?? name;
        var en = title?.En ?? name;
        var valueDa = value is { } v ? Format(unit, v, danish: true) : "(ukendt)";
        var valueEn = value is { } w ? Format(unit, w, danish: false) : "(unknown)";
        return new Assumption(name, value, new LocalizedText(
            $"Bygger på en antagelse, som ikke står i aftalens tekst: {da} ({valueDa}).",
            $"Rests on an assumption that is not in the agreement's text: {en} ({valueEn})."));
    }

    /// <summary>
    /// A number with up to two decimals and thousands separators (en "16,408.5", da "16.408,5") followed by
    /// <paramref name="suffix"/>, made as one string: explanations quote a member's income or age for every member
    /// checked, so this is on the path a million checks take.
    /// </summary>
    internal static string Number(decimal value, bool danish, string suffix)
    {
        Span<char> text = stackalloc char[NumberChars + 32];
        var length = WriteNumber(value, danish, text);
        if (suffix.Length == 0)
        {
            return new string(text[..length]);
        }

        if (length + suffix.Length > text.Length)
        {
            return string.Concat(text[..length], suffix);
        }

        suffix.AsSpan().CopyTo(text[length..]);
        return new string(text[..(length + suffix.Length)]);
    }

    /// <summary>The most characters <see cref="WriteNumber"/> writes: a decimal's 29 digits, 9 separators, a sign, a point and two decimals.</summary>
    private const int NumberChars = 48;

    /// <summary>
    /// Writes <paramref name="value"/> as the format <c>#,0.##</c> writes it (rounded to two decimals, thousands
    /// separated), with the Danish separators swapped in: a whole number of fewer than 16 digits (every income, age and
    /// count) by hand, any other through the format.
    /// </summary>
    internal static int WriteNumber(decimal value, bool danish, Span<char> into)
    {
        if (decimal.IsInteger(value) && value is > -1_000_000_000_000_000m and < 1_000_000_000_000_000m && !(value == 0m && decimal.IsNegative(value)))
        {
            return WriteWhole((long)value, danish ? '.' : ',', into);
        }

        if (!value.TryFormat(into, out var written, "#,0.##", CultureInfo.InvariantCulture))
        {
            // Cannot happen for a decimal within NumberChars; said plainly if it ever does.
            var text = value.ToString("#,0.##", CultureInfo.InvariantCulture);
            text.AsSpan(0, Math.Min(text.Length, into.Length)).CopyTo(into);
            written = Math.Min(text.Length, into.Length);
        }

        if (danish)
        {
            foreach (ref var c in into[..written])
            {
                c = c switch { ',' => '.', '.' => ',', _ => c };
            }
        }

        return written;
    }

    private static int WriteWhole(long value, char separator, Span<char> into)
    {
        var negative = value < 0;
        var magnitude = negative ? (ulong)(-value) : (ulong)value;
        Span<char> digits = stackalloc char[20];
        var n = 0;
        do
        {
            digits[n++] = (char)('0' + (int)(magnitude % 10));
            magnitude /= 10;
        }
        while (magnitude != 0);

        var at = 0;
        if (negative)
        {
            into[at++] = '-';
        }

        for (var i = n - 1; i >= 0; i--)
        {
            into[at++] = digits[i];
            if (i > 0 && i % 3 == 0)
            {
                into[at++] = separator;
            }
        }

        return at;
    }

    /// <summary>A text rendered with one array of values (a class: a dictionary of tuples is compiled at start-up).</summary>
    private sealed record Rendering(decimal?[] Values, LocalizedText Text);
}
