using System.Globalization;
using System.Reflection;
using System.Text;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>
/// The packs shipped inside this assembly (every pack of the repository's <c>rules/</c> and <c>rules/examples/</c>
/// folders) and the pack format's JSON Schema, as embedded resources. Read once, on first use. Thread-safe.
/// </summary>
internal static class BuiltInPackStore
{
    /// <summary>How a built-in pack is named in diagnostics: <c>built-in/holbaek-2024.json</c>.</summary>
    public const string Prefix = "built-in/";

    private const string ResourcePrefix = "RentalRules.BuiltIn.";
    private const string SchemaResource = "RentalRules.BuiltIn.Schema.rentalrules-pack.schema.json";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Texts = new(ReadTexts);
    private static readonly Lazy<IReadOnlyList<BuiltInPack>> Infos = new(ReadInfos);
    private static readonly Lazy<string> SchemaText = new(() => ReadResource(SchemaResource));

    /// <summary>The ids of the built-in packs, ordered.</summary>
    public static IEnumerable<string> Ids => Texts.Value.Keys;

    public static IReadOnlyList<BuiltInPack> All => Infos.Value;

    public static string Schema => SchemaText.Value;

    /// <summary>The name of a built-in pack in diagnostics, or <c>null</c> when there is no built-in pack with that id.</summary>
    public static string? NameOf(string id) => Texts.Value.ContainsKey(id) ? Prefix + id + ".json" : null;

    /// <summary>The text of a built-in pack by its diagnostic name (<see cref="NameOf"/>).</summary>
    public static string? TextOf(string name)
        => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)
            && Texts.Value.TryGetValue(name[Prefix.Length..^5], out var text) ? text : null;

    private static string ReadResource(string name)
    {
        using var stream = typeof(BuiltInPackStore).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from RentalRules.dll; the build embeds it.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static IReadOnlyDictionary<string, string> ReadTexts()
    {
        var assembly = typeof(BuiltInPackStore).Assembly;
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name != SchemaResource && name.EndsWith(".json", StringComparison.Ordinal))
            {
                texts[name[ResourcePrefix.Length..^5]] = ReadResource(name);
            }
        }

        return texts;
    }

    private static IReadOnlyList<BuiltInPack> ReadInfos()
    {
        var list = new List<BuiltInPack>();
        foreach (var (id, text) in Texts.Value)
        {
            var (root, _) = JsonText.Parse(text, Prefix + id + ".json");
            string? Str(string name) => root?[name] is { Kind: JKind.String } n ? n.Text : null;
            DateOnly? Date(string name) => DateOnly.TryParseExact(Str(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            var extends = root?["extends"] is { Kind: JKind.Array } e ? e.Items.Where(i => i.Kind == JKind.String).Select(i => i.Text!).ToList() : [];
            list.Add(new BuiltInPack(id, Str("version") ?? "", Str("title") ?? "", Str("status") ?? "", Str("municipality"), Date("validFrom"), Date("validTo"), extends));
        }

        return list;
    }
}

/// <summary>
/// A pack shipped inside the RentalRules library (see <see cref="RulePackLoader.BuiltInPacks"/>), as its file states it;
/// load it with <see cref="RulePackLoader.LoadBuiltIn"/>. Immutable.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
public sealed class BuiltInPack
{
    internal BuiltInPack(string id, string version, string title, string status, string? municipality, DateOnly? validFrom, DateOnly? validTo, IReadOnlyList<string> extends)
    {
        Id = id;
        Version = version;
        Title = title;
        Status = status;
        Municipality = municipality;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Extends = extends;
    }

    /// <summary>The pack id, e.g. <c>holbaek-2024</c>: what <c>extends</c>, <c>--pack</c> and <see cref="RulePackLoader.LoadBuiltIn"/> take.</summary>
    public string Id { get; }

    /// <summary>The pack version.</summary>
    public string Version { get; }

    /// <summary>The title (in the agreement's language).</summary>
    public string Title { get; }

    /// <summary><c>signed</c>, <c>statutory</c>, <c>draft</c> or <c>illustrative</c>.</summary>
    public string Status { get; }

    /// <summary>The municipality, if the pack is for one.</summary>
    public string? Municipality { get; }

    /// <summary>First day the agreement applies, if it states one.</summary>
    public DateOnly? ValidFrom { get; }

    /// <summary>Last day the agreement applies, if it states one.</summary>
    public DateOnly? ValidTo { get; }

    /// <summary>The ids of the packs it extends directly.</summary>
    public IReadOnlyList<string> Extends { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Version}";
}
