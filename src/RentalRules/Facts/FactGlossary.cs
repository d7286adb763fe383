using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RentalRules.Facts;

/// <summary>A record type named in words: one, the one, its (genitive) and many.</summary>
/// <param name="One">Indefinite: "dom", "conviction".</param>
/// <param name="The">Definite: "dommen", "the conviction".</param>
/// <param name="Of">Genitive: "dommens", "the conviction's".</param>
/// <param name="Many">Plural: "domme", "convictions".</param>
internal sealed record Noun(string One, string The, string Of, string Many);

/// <summary>
/// The fact schema in words (DESIGN §5.1), in Danish and English: one glossary for every pack, kept as data beside the
/// schema (<c>fact-glossary.json</c>, embedded). Prose a caseworker reads (explanations, missing facts, conditions in
/// words) names facts and values through it; ids, paths and formulas stay in the JSON fields. A test holds it complete:
/// every fact of <see cref="FactSchema"/> and every value of its enums has words in both languages.
/// </summary>
internal static class FactGlossary
{
    private static readonly Lazy<Data> Loaded = new(Load);

    /// <summary>The noun of a record type or root (<c>member</c>, <c>applicant</c>, <c>conviction</c>, …), or null.</summary>
    public static Noun? NounOf(string name, Language language)
        => Loaded.Value.NounsIn[SlotOf(language)].TryGetValue(name, out var n) ? n : null;

    /// <summary>The words of a fact (<c>TYPE.FIELD</c>, e.g. <c>conviction.act</c>) without its owner, or null. A leading <c>~</c> marks a predicate.</summary>
    public static string? Fact(string key, Language language)
        => Loaded.Value.FactsIn[SlotOf(language)].TryGetValue(key, out var f) ? f : null;

    /// <summary>The words of a value (<paramref name="domain"/>: an enum's name, or <c>TYPE.FIELD</c> of a free-text fact with known values), or null.</summary>
    public static string? Value(string domain, string value, Language language)
        => Loaded.Value.ValuesIn[SlotOf(language)].TryGetValue(domain, out var values) && values.TryGetValue(value, out var v) ? v : null;

    /// <summary>The template naming one record of a list (<c>dom[ efter {act}][ af {date}]</c>), or null.</summary>
    public static string? Item(string type, Language language)
        => Loaded.Value.ItemsIn[SlotOf(language)].TryGetValue(type, out var t) ? t : null;

    /// <summary>The noun of the records of a fact type (a list's items), by the type's name; null when the glossary has none.</summary>
    public static Noun? NounOf(FactType type, Language language) => NounOf(type.Name, language);

    /// <summary>
    /// A fact by the name results list it under (<c>member.convictions</c>, <c>applicant.employment[].workplaceMunicipality</c>,
    /// <c>department.keyFigures</c>, <c>vacancy</c>) in words: "medlemmets domme", "arbejdsstedets kommune (ansøgerens
    /// ansættelser)". A name the glossary cannot read comes back in spaced words, never as the path.
    /// </summary>
    public static string Missing(string name, Language language)
    {
        var da = language == Language.Danish;
        if (name.StartsWith("param.", StringComparison.Ordinal))
        {
            return da ? "en værdi, aftalen ikke giver på datoen" : "a value the agreement does not give on the date";
        }

        var segments = name.Split('.');
        var head = segments[0];
        if (!FactSchema.RootNames.Contains(head) || NounOf(head, language) is not { } owner)
        {
            return Spaced(name);
        }

        if (segments.Length == 1)
        {
            return owner.The;
        }

        var type = FactSchema.RootType(head);
        string? context = null;
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var list = segment.EndsWith("[]", StringComparison.Ordinal);
            var fieldName = list ? segment[..^2] : segment;
            if (type.Find(fieldName) is not { } field || Fact(type.Name + "." + fieldName, language) is not { } words)
            {
                return Spaced(name);
            }

            if (i == segments.Length - 1)
            {
                var phrase = Phrase(owner, words, language, asQuestion: true);
                return context is null ? phrase : phrase + " (" + context + ")";
            }

            if (field.Type.Object is not { } inner)
            {
                return Spaced(name);
            }

            if (field.Type.Kind == VKind.List)
            {
                context = Phrase(owner, words, language, asQuestion: true);
                owner = NounOf(inner, language) ?? owner;
            }

            type = inner;
        }

        return Spaced(name);
    }

    /// <summary>Missing facts in words, separated by commas, each once (<see cref="Missing(string, Language)"/>).</summary>
    public static string Missing(IEnumerable<string> names, Language language)
        => string.Join(", ", names.Select(n => Missing(n, language)).Distinct(StringComparer.Ordinal));

    /// <summary>A fact's words with its owner: "medlemmets domme"; a predicate "om medlemmet har …" (as a question) or "medlemmet har …".</summary>
    public static string Phrase(Noun owner, string words, Language language, bool asQuestion = false)
        => words.StartsWith('~')
            ? (asQuestion ? (language == Language.Danish ? "om " : "whether ") : "") + owner.The + " " + words[1..]
            : owner.Of + " " + words;

    /// <summary>Names one record of a list by its template: "dom efter straffeloven af 2024-11-03".</summary>
    /// <param name="type">The record's type.</param>
    /// <param name="language">The language of the words.</param>
    /// <param name="valueOf">A field's value in words, or null when unknown; <c>period</c> gives the record's period.</param>
    public static string? Describe(FactType type, Language language, Func<string, string?> valueOf)
    {
        if (Item(type.Name, language) is not { } template)
        {
            return null;
        }

        // A part in brackets is said only when every field in it is known; a field outside brackets that is not
        // known is said as "?".
        var parts = Templates.GetOrAdd(template, ParseTemplate);
        var sb = (t_describe ??= new StringBuilder(96)).Clear();
        var groupStart = -1;
        var skipping = false;
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case TemplatePartKind.Open:
                    groupStart = sb.Length;
                    break;
                case TemplatePartKind.Close:
                    groupStart = -1;
                    skipping = false;
                    break;
                case TemplatePartKind.Text when !skipping:
                    sb.Append(part.Text);
                    break;
                case TemplatePartKind.Field when !skipping:
                    if (valueOf(part.Text) is { } value)
                    {
                        sb.Append(value);
                    }
                    else if (groupStart >= 0)
                    {
                        sb.Length = groupStart;
                        skipping = true;
                    }
                    else
                    {
                        sb.Append('?');
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>This thread's builder for <see cref="Describe"/> (a record is named for every member whose record decided).</summary>
    [ThreadStatic]
    private static StringBuilder? t_describe;

    /// <summary>The glossary's record templates, each parsed once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TemplatePart[]> Templates = new(StringComparer.Ordinal);

    /// <summary>
    /// A template as its parts: text, <c>{field}</c>, and <c>[</c> … <c>]</c> around an optional part (not nested: inside
    /// one, a <c>[</c> is text; outside, a <c>]</c> is).
    /// </summary>
    private static TemplatePart[] ParseTemplate(string template)
    {
        var parts = new List<TemplatePart>();
        var inGroup = false;
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '[' && !inGroup)
            {
                parts.Add(new TemplatePart(TemplatePartKind.Open, ""));
                inGroup = true;
                i++;
            }
            else if (c == ']' && inGroup)
            {
                parts.Add(new TemplatePart(TemplatePartKind.Close, ""));
                inGroup = false;
                i++;
            }
            else if (c == '{' && template.IndexOf('}', i) is var close and > 0)
            {
                parts.Add(new TemplatePart(TemplatePartKind.Field, template[(i + 1)..close]));
                i = close + 1;
            }
            else
            {
                var next = i + 1;
                while (next < template.Length && template[next] != '{' && !(template[next] == '[' && !inGroup) && !(template[next] == ']' && inGroup))
                {
                    next++;
                }

                parts.Add(new TemplatePart(TemplatePartKind.Text, template[i..next]));
                i = next;
            }
        }

        return [.. parts];
    }

    private enum TemplatePartKind
    {
        Text,
        Field,
        Open,
        Close,
    }

    /// <summary>A part of a record template (a class: see <c>RouteMap</c> on generics over the library's value types at start-up).</summary>
    private sealed record TemplatePart(TemplatePartKind Kind, string Text);

    /// <summary>Every fact key, value and item the glossary holds, per language (for the test that holds it complete).</summary>
    internal static IReadOnlyCollection<string> Keys
        => new[] { Language.English, Language.Danish }.SelectMany(language =>
        {
            var (data, slot, code) = (Loaded.Value, SlotOf(language), language.Code());
            return data.FactsIn[slot].Keys.Select(k => k + "|" + code)
                .Concat(data.ValuesIn[slot].SelectMany(d => d.Value.Keys.Select(v => d.Key + "|" + v + "|" + code)))
                .Concat(data.NounsIn[slot].Keys.Select(k => k + "|" + code))
                .Concat(data.ItemsIn[slot].Keys.Select(k => k + "|" + code));
        }).ToArray();

    /// <summary><c>member.releasedFromPrison</c> → <c>member released from prison</c> (a name the glossary does not know).</summary>
    private static string Spaced(string name)
    {
        var s = new StringBuilder(name.Length + 8);
        foreach (var c in name.Replace("[]", "", StringComparison.Ordinal))
        {
            if (c == '.')
            {
                s.Append(' ');
            }
            else if (char.IsUpper(c) && s.Length > 0)
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

    private static Data Load()
    {
        using var stream = typeof(FactGlossary).Assembly.GetManifestResourceStream("RentalRules.FactGlossary.json")
            ?? throw new InvalidOperationException("The resource RentalRules.FactGlossary.json is missing from RentalRules.dll; the build embeds it.");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var data = new Data();
        foreach (var noun in root.GetProperty("nouns").EnumerateObject())
        {
            foreach (var lang in noun.Value.EnumerateObject())
            {
                var v = lang.Value;
                if (Slot(lang.Name) is { } slot)
                {
                    data.NounsIn[slot][noun.Name] = new Noun(Text(v, "one"), Text(v, "the"), Text(v, "of"), Text(v, "many"));
                }
            }
        }

        foreach (var fact in root.GetProperty("facts").EnumerateObject())
        {
            foreach (var lang in fact.Value.EnumerateObject())
            {
                if (Slot(lang.Name) is { } slot)
                {
                    data.FactsIn[slot][fact.Name] = lang.Value.GetString()!;
                }
            }
        }

        foreach (var item in root.GetProperty("items").EnumerateObject())
        {
            foreach (var lang in item.Value.EnumerateObject())
            {
                if (Slot(lang.Name) is { } slot)
                {
                    data.ItemsIn[slot][item.Name] = lang.Value.GetString()!;
                }
            }
        }

        foreach (var domain in root.GetProperty("values").EnumerateObject())
        {
            foreach (var value in domain.Value.EnumerateObject())
            {
                foreach (var lang in value.Value.EnumerateObject())
                {
                    if (Slot(lang.Name) is { } slot)
                    {
                        if (!data.ValuesIn[slot].TryGetValue(domain.Name, out var values))
                        {
                            data.ValuesIn[slot][domain.Name] = values = new Dictionary<string, string>(StringComparer.Ordinal);
                        }

                        values[value.Name] = lang.Value.GetString()!;
                    }
                }
            }
        }

        return data;
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    /// <summary>The slot of a language in the per-language lookups: Danish's, English's for any other (as <c>Code()</c> says "en").</summary>
    private static int SlotOf(Language language) => language == Language.Danish ? (int)Language.Danish : (int)Language.English;

    /// <summary>The slot of a language code in the per-language lookups (by <see cref="Language"/>'s value), or null for another code.</summary>
    private static int? Slot(string code) => code == Language.English.Code() ? (int)Language.English : code == Language.Danish.Code() ? (int)Language.Danish : null;

    /// <summary>Dates in words are ISO dates, as everywhere in the results.</summary>
    public static string Date(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Data
    {
        // The words per language (by Language's value), found by their name alone: explanations look them up for every
        // record they name, and a key made by joining strings would be a new string on every lookup. Words in a language
        // other than Danish and English are not kept: no Language asks for them.
        public Dictionary<string, Noun>[] NounsIn { get; } = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

        public Dictionary<string, string>[] FactsIn { get; } = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

        public Dictionary<string, string>[] ItemsIn { get; } = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

        public Dictionary<string, Dictionary<string, string>>[] ValuesIn { get; } = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    }
}
