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
            ? Number(value * 100m, danish) + " %"
            : Number(value, danish);
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
    public static string Format(ParameterUnit unit, decimal value, bool danish) => unit switch
    {
        ParameterUnit.Share => Number(value * 100m, danish) + " %",
        ParameterUnit.DkkPerMonth => Number(value, danish) + (danish ? " kr. pr. måned" : " DKK a month"),
        ParameterUnit.Dkk => Number(value, danish) + (danish ? " kr." : " DKK"),
        _ => Number(value, danish),
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

    /// <summary>A number with up to two decimals and thousands separators: en "16,408.5", da "16.408,5".</summary>
    private static string Number(decimal value, bool danish)
    {
        var text = value.ToString("#,0.##", CultureInfo.InvariantCulture);
        if (!danish)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch { ',' => '.', '.' => ',', _ => c });
        }

        return sb.ToString();
    }

    /// <summary>A text rendered with one array of values (a class: a dictionary of tuples is compiled at start-up).</summary>
    private sealed record Rendering(decimal?[] Values, LocalizedText Text);
}
