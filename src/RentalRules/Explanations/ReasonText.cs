using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RentalRules.Evaluation;
using RentalRules.Packs;

namespace RentalRules.Explanations;

/// <summary>
/// Reasons may quote parameters: <c>"at most {param.greenMax} …"</c> renders the value in force on the evaluation
/// date (a share as a percentage: "30 %", Danish "1,56 %"), so a draft that moves a threshold never explains itself
/// with the old number. A reason without placeholders is used as it is. Rendered texts are cached per parameter set.
/// </summary>
internal sealed partial class ReasonText(RulePack pack)
{
    private readonly ConcurrentDictionary<LocalizedText, (decimal?[] Values, LocalizedText Text)> _rendered = new(ReferenceEqualityComparer.Instance);

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
        _rendered[text] = (values, rendered);
        return rendered;
    }

    private string Fill(string text, decimal?[] values, bool danish) => Placeholder().Replace(text, m =>
    {
        var name = m.Groups[1].Value;
        var index = Array.FindIndex(pack.ParameterOrder, p => p.Name == name);
        if (index < 0 || values[index] is not { } value)
        {
            return danish ? "(ukendt)" : "(unknown)";
        }

        return pack.ParameterOrder[index].Unit == "share"
            ? Number(value * 100m, danish) + " %"
            : Number(value, danish);
    });

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
}
