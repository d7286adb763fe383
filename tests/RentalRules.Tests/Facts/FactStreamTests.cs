using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using RentalRules.Diagnostics;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Facts;

/// <summary>
/// <see cref="FactStream"/> reads a fact file one item at a time (issue 16 item 3) and must say exactly what the
/// whole-file <see cref="FactReader"/> says: the same records, and the same located errors (file, JSON path, line,
/// column) wherever the item sits — in the first 64 KiB chunk or far beyond it, on one line or indented.
/// </summary>
public sealed class FactStreamTests
{
    private static readonly string[] Households = SampleHouseholds();

    /// <summary>The kinds of mistake a household file holds, each replacing a valid fact of one household.</summary>
    private static readonly (string From, string To)[] Mistakes =
    [
        ("\"birthDate\": \"1988-04-02\"", "\"birthDate\": 42"),
        ("\"birthDate\": \"1988-04-02\"", "\"birthDate\": \"1988-13-02\""),
        ("\"role\": \"applicant\"", "\"role\": \"boss\""),
        ("\"citizenship\": \"DK\"", "\"citizenship\": \"DK\", \"shoeSize\": 44"),
        ("\"hoursPerWeek\": 37", "\"hoursPerWeek\": \"37\""),
    ];

    [Property(MaxTest = 40)]
    public bool Stream_GivesTheWholeFileReadersErrors_WhereverTheBadHouseholdIs(PositiveInt count, NonNegativeInt at, NonNegativeInt mistake, bool oneLine, bool keepsText)
    {
        var n = 1 + (count.Get % 160);
        var bad = at.Get % n;
        var (from, to) = Mistakes[mistake.Get % Mistakes.Length];
        var items = Enumerable.Range(0, n).Select(Numbered).ToList();
        items[bad] = Renamed(Households[0], bad).Replace(from, to, StringComparison.Ordinal);
        var text = Layout(items, oneLine);

        var whole = FactReader.ReadHouseholds(Encoding.UTF8.GetBytes(text), "hh.json").Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var streamed = ReadAll(text, keepsText).SelectMany(i => i.Diagnostics).Where(d => d.Severity == Severity.Error).ToList();

        Assert.NotEmpty(whole);
        Assert.Equal(whole, streamed);
        Assert.All(streamed, d => Assert.StartsWith($"$[{bad}]", d.Location.JsonPath, StringComparison.Ordinal));
        return true;
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void Stream_ReadsTheSameHouseholdsAsTheWholeFileReader_AcrossChunks(bool oneLine, bool keepsText)
    {
        // 200 households are about 250 KB: the reader refills its 64 KiB buffer several times, mid-item.
        var text = Layout(Enumerable.Range(0, 200).Select(Numbered).ToList(), oneLine);

        var whole = FactReader.ReadHouseholds(Encoding.UTF8.GetBytes(text), "hh.json").GetValueOrThrow().Items;
        var streamed = ReadAll(text, keepsText);

        Assert.Equal(whole.Count, streamed.Count);
        Assert.All(streamed, i => Assert.Empty(i.Diagnostics));
        Assert.Equal(whole.Select(h => JsonSerializer.Serialize(h)), streamed.Select(i => JsonSerializer.Serialize(i.Value)));
        Assert.Equal(Enumerable.Range(0, 200), streamed.Select(i => i.Index));
    }

    [Theory]
    [InlineData(", ]", "a trailing comma")]
    [InlineData("} {", "a missing comma")]
    [InlineData("\"role\": \"applicant\"", "a truncated file")]
    public void Stream_SyntaxError_IsLocatedLikeTheWholeFileReader_AndEndsTheFile(string where, string what)
    {
        var items = Enumerable.Range(0, 120).Select(Numbered).ToList();
        var text = Layout(items, oneLine: false);
        var cut = what switch
        {
            "a trailing comma" => text[..text.LastIndexOf(']')] + ", ]",
            "a missing comma" => ReplaceNth(text, "},\n", "} ", 90),
            _ => text[..text.LastIndexOf(where, StringComparison.Ordinal)],
        };

        var whole = FactReader.ReadHouseholds(Encoding.UTF8.GetBytes(cut), "hh.json").Diagnostics.Single();
        var streamed = ReadAll(cut);
        var last = streamed[^1];

        Assert.True(last.EndsFile);
        Assert.Null(last.Value);
        var error = Assert.Single(last.Diagnostics);
        Assert.Equal((whole.Code, whole.Location.Line, whole.Location.Column), (error.Code, error.Location.Line, error.Location.Column));
        Assert.StartsWith(whole.Location.JsonPath, error.Location.JsonPath, StringComparison.Ordinal);
        Assert.All(streamed.SkipLast(1), i => Assert.NotNull(i.Value));
    }

    [Fact]
    public void Stream_OneObject_IsOneItemAtTheRoot()
    {
        var items = ReadAll(Households[1]);

        var item = Assert.Single(items);
        Assert.NotNull(item.Value);
        Assert.Equal("$", item.Location.JsonPath);
        Assert.Equal(0, item.Index);
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("  \n ", "The file is empty.")]
    [InlineData("[] x", "There is more text after the end of the JSON value.")]
    public void Stream_EmptyOrTrailingText_IsOneLocatedError(string text, string message)
    {
        var item = Assert.Single(ReadAll(text));

        Assert.True(item.EndsFile);
        Assert.Equal(message, Assert.Single(item.Diagnostics).Message);
        Assert.Equal("$", item.Diagnostics[0].Location.JsonPath);
    }

    [Fact]
    public void Stream_WithAByteOrderMark_ReadsAsWithout()
    {
        var text = Layout([Households[0], Households[1]], oneLine: false);
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text.Replace("\"birthDate\": \"1988-04-02\"", "\"birthDate\": 1", StringComparison.Ordinal))).ToArray();

        using var stream = FactStream.Households(new MemoryStream(bom), "hh.json");
        var first = stream.Read()!;

        Assert.Equal((2, 1, "$[0]"), (first.Location.Line, first.Location.Column, first.Location.JsonPath));
        Assert.Contains(first.Diagnostics, d => d.Location.JsonPath == "$[0].members[0].birthDate");
        Assert.NotNull(stream.Read()!.Value);
        Assert.Null(stream.Read());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Stream_HouseholdWithTheIdOfAnEarlierOne_IsInvalid_NamingWhereTheFirstIs_NotTheId(bool keepsText)
    {
        // Results are keyed by the household's id: a second household with it would be answered for as the first.
        // Located exactly also when the items keep no text (the id is found while the item is still in the buffer).
        var text = Layout([Renamed(Households[0], 0), Renamed(Households[1], 1), Renamed(Households[2], 0)], oneLine: false);

        var items = ReadAll(text, keepsText);

        Assert.Equal(3, items.Count);
        Assert.NotNull(items[0].Value);
        Assert.NotNull(items[1].Value);
        Assert.Null(items[2].Value);
        var error = Assert.Single(items[2].Diagnostics);
        Assert.Equal("RR0106", error.Code);
        Assert.Equal("This household has the same id as the household at $[0].", error.Message);
        Assert.Equal("$[2].id", error.Location.JsonPath);
        Assert.DoesNotContain("h-0000", error.ToString(), StringComparison.Ordinal);

        // The whole-file reader says the same.
        var whole = Assert.Single(FactReader.ReadHouseholds(Encoding.UTF8.GetBytes(text), "hh.json").Diagnostics);
        Assert.Equal((error.Message, error.Location), (whole.Message, whole.Location));
    }

    [Fact]
    public void Stream_VacancyWithTheIdOfAnEarlierOne_IsInvalid_SoRoutingCannotCountItTwice()
    {
        // DESIGN §5.1: "A vacancy id is unique for the host: routing the same vacancy id again returns the decision
        // already recorded for it" - within one file, a second vacancy with the same id would be counted again.
        const string text = """
            [ { "id": "V1", "department": "D", "category": "family" },
              { "id": "V2", "department": "D", "category": "family" },
              { "id": "V1", "department": "D", "category": "family" } ]
            """;

        using var stream = FactStream.Vacancies(new MemoryStream(Encoding.UTF8.GetBytes(text)), "v.json");
        var items = new[] { stream.Read()!, stream.Read()!, stream.Read()! };

        Assert.Null(stream.Read());
        Assert.All(items.Take(2), i => Assert.NotNull(i.Value));
        Assert.Equal("v.json:3:11: error RR0106: This vacancy has the same id as the vacancy at $[0]. (at $[2].id) Hint: Give each vacancy its own id, or remove the repeated vacancy: results, ledgers and journals are keyed by it.", Assert.Single(items[2].Diagnostics).ToString());
        Assert.Equal(Assert.Single(FactReader.ReadVacancies(text, "v.json").Diagnostics).ToString(), items[2].Diagnostics[0].ToString());
    }

    [Fact]
    public void Stream_DepartmentsWithoutIds_AreNotDuplicates()
    {
        const string text = """[ { "residents": 10 }, { "residents": 10 }, { "id": "D", "residents": 10 } ]""";

        using var stream = FactStream.Departments(new MemoryStream(Encoding.UTF8.GetBytes(text)), "d.json");

        Assert.All(new[] { stream.Read()!, stream.Read()!, stream.Read()! }, i => Assert.Empty(i.Diagnostics));
    }

    [Fact]
    public void Stream_ItemsThatKeepNoText_LocateAPropertyAtTheItem_AndThoseThatDo_AtTheProperty()
    {
        var text = Layout([Renamed(Households[0], 0), Renamed(Households[1], 1)], oneLine: false);

        var kept = ReadAll(text, keepsText: true)[1];
        var spared = ReadAll(text, keepsText: false)[1];

        Assert.Equal(kept.Location, spared.Location);
        Assert.Equal("$[1].members", kept.LocationOf("members").JsonPath);
        Assert.True(kept.LocationOf("members").Line > kept.Location.Line, "the members are below the item's first line");
        Assert.Equal(spared.Location with { JsonPath = "$[1].members" }, spared.LocationOf("members"));
    }

    private static List<FactItem<RentalRules.Facts.Household>> ReadAll(string text, bool keepsText = true)
    {
        using var stream = FactStream.Households(new MemoryStream(Encoding.UTF8.GetBytes(text)), "hh.json");
        stream.KeepsText = keepsText;
        var items = new List<FactItem<RentalRules.Facts.Household>>();
        while (stream.Read() is { } item)
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>The i-th household of the repeated samples, with an id of its own (a repeated id is an error, RR0106).</summary>
    private static string Numbered(int i) => Renamed(Households[i % Households.Length], i);

    /// <summary>The household with its id (the first <c>"id"</c>, before its members') set to <c>h-NNNN</c>.</summary>
    private static string Renamed(string household, int i)
    {
        var at = household.IndexOf("\"id\": \"", StringComparison.Ordinal);
        var end = household.IndexOf('"', at + 7);
        return household[..(at + 7)] + $"h-{i:D4}" + household[end..];
    }

    private static string Layout(IReadOnlyList<string> items, bool oneLine)
        => oneLine
            ? "[" + string.Join(",", items.Select(i => string.Join(' ', i.Split('\n').Select(l => l.Trim())))) + "]"
            : "[\n" + string.Join(",\n", items) + "\n]\n";

    private static string ReplaceNth(string text, string what, string with, int n)
    {
        var at = -1;
        for (var i = 0; i <= n; i++)
        {
            at = text.IndexOf(what, at + 1, StringComparison.Ordinal);
        }

        return text[..at] + with + text[(at + what.Length)..];
    }

    private static string[] SampleHouseholds()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "samples/holbaek/households.json")));
        return doc.RootElement.EnumerateArray().Select(e => JsonSerializer.Serialize(e, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).ToArray();
    }
}
