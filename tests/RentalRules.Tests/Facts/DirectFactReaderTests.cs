using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Facts;

/// <summary>
/// <see cref="FactStream"/> maps items straight from their UTF-8 text (issue 16: no located tree per item) and reads an
/// item through the located tree only when that fast path does not take it as plainly valid. Whatever the input, the
/// stream must say what the tree alone says: the same records, the same diagnostics at the same file, JSON path, line
/// and column, and no value of the file in any message.
/// </summary>
public sealed class DirectFactReaderTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string, string> SampleFiles() => new()
    {
        { "samples/holbaek/households.json", "household" },
        { "samples/hoeje-taastrup/households.json", "household" },
        { "samples/ComparingDrafts/households.json", "household" },
        { "samples/holbaek/departments.json", "department" },
        { "samples/holbaek/department-red.json", "department" },
        { "samples/hoeje-taastrup/departments.json", "department" },
        { "samples/hoeje-taastrup/department-prevention.json", "department" },
        { "samples/examples/departments.json", "department" },
        { "samples/holbaek/vacancies.json", "vacancy" },
        { "samples/hoeje-taastrup/vacancies.json", "vacancy" },
        { "samples/examples/vacancies-aalborg.json", "vacancy" },
    };

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void SampleFile_ReadsTheSameWithAndWithoutTheFastPath(string file, string kind)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repo.Root, file));

        var fast = Read(bytes, kind, direct: true);
        var tree = Read(bytes, kind, direct: false);

        Assert.NotEmpty(fast);
        Assert.All(fast, i => Assert.NotEqual("null", i.Value));
        Assert.Equal(tree, fast);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void SampleFile_EveryItemTakesTheFastPath(string file, string kind)
    {
        // Otherwise the comparisons above would compare the tree with itself.
        foreach (var item in Samples(file))
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(item));
            reader.Read();
            var strings = new RentalRules.Json.JsonText.StringTable("f.json");
            var value = kind switch
            {
                "household" => DirectFactReader.Household(ref reader, strings),
                "department" => DirectFactReader.Department(ref reader, strings),
                _ => DirectFactReader.Vacancy(ref reader, strings),
            };
            Assert.True(value is not null, item);
        }
    }

    [Property(MaxTest = 300)]
    public bool DamagedHousehold_GetsTheTreesRecordsAndErrors(NonNegativeInt sample, NonNegativeInt seed, PositiveInt damages, bool escaped)
        => SameWithAndWithout("household", Damaged(Samples("samples/holbaek/households.json", "samples/hoeje-taastrup/households.json"), sample.Get, seed.Get, 1 + (damages.Get % 4), escaped));

    [Property(MaxTest = 200)]
    public bool DamagedDepartment_GetsTheTreesRecordsAndErrors(NonNegativeInt sample, NonNegativeInt seed, PositiveInt damages, bool escaped)
        => SameWithAndWithout("department", Damaged(Samples("samples/holbaek/departments.json", "samples/hoeje-taastrup/departments.json"), sample.Get, seed.Get, 1 + (damages.Get % 4), escaped));

    [Property(MaxTest = 200)]
    public bool DamagedVacancy_GetsTheTreesRecordsAndErrors(NonNegativeInt sample, NonNegativeInt seed, PositiveInt damages, bool escaped)
        => SameWithAndWithout("vacancy", Damaged(Samples("samples/holbaek/vacancies.json", "samples/hoeje-taastrup/vacancies.json"), sample.Get, seed.Get, 1 + (damages.Get % 4), escaped));

    [Theory]
    [InlineData("samples/holbaek/households.json", "household")]
    [InlineData("samples/hoeje-taastrup/departments.json", "department")]
    [InlineData("samples/holbaek/vacancies.json", "vacancy")]
    public void EveryValueReplacedByEveryEdgeCase_GetsTheTreesRecordsAndErrors(string file, string kind)
    {
        // Exhaustive single damages of the file's richest item: each of its values in turn replaced by each of
        // the edge-case values (a wrong kind, out of range, inexact, escaped, a lone surrogate, null where an
        // object goes, ...), each item between two intact ones.
        var samples = Samples(file);
        var first = samples.Select(Encoding.UTF8.GetBytes).MaxBy(b => ValueSpans(b).Count)!;
        var spans = ValueSpans(first);
        var cases = 0;
        foreach (var (start, end, _) in spans)
        {
            foreach (var value in Values)
            {
                var damaged = Encoding.UTF8.GetString(first, 0, start) + value + Encoding.UTF8.GetString(first, end, first.Length - end);
                var text = "[\n" + samples[^1] + ",\n" + damaged + ",\n" + samples[^1] + "\n]";
                SameWithAndWithout(kind, Encoding.UTF8.GetBytes(text));
                cases++;
            }
        }

        Assert.True(cases > 200, $"{cases} cases");
    }

    [Fact]
    public void LargeGeneratedFile_AcrossBufferRefills_ReadsTheSame()
    {
        // 3 000 households of the samples, on one line each and indented, each with an id of its own: well over the
        // stream's 64 KiB buffer, so that items are cut by the buffer's end and mapped after a refill.
        var bytes = GeneratedHouseholds(3000, (i, h) =>
        {
            h["id"] = $"g-{i:D5}";
            return h.ToJsonString(new JsonSerializerOptions { WriteIndented = i % 3 == 0, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        });

        var fast = Read(bytes, "household", direct: true);
        var tree = Read(bytes, "household", direct: false);

        Assert.Equal(3000, fast.Count);
        Assert.Equal(tree, fast);
    }

    [Fact]
    public void ManyThreadsReadingAtOnce_EachGetsTheTreesRecords()
    {
        // The fast path gathers each list's items in a buffer of its thread's: streams read on several threads at once
        // (a host reading files side by side) must not see one another's items, and lists of any length come out whole.
        var bytes = GeneratedHouseholds(400, (i, h) =>
        {
            h["id"] = $"t-{i:D4}";
            var members = h["members"]!.AsArray();
            var first = members[0]!.ToJsonString();
            for (var extra = 0; extra < i % 13; extra++)
            {
                var copy = JsonNode.Parse(first)!.AsObject();
                copy["id"] = $"x{extra}";
                copy["role"] = "child";
                members.Add(copy);
            }

            return h.ToJsonString(Relaxed);
        });
        var tree = Read(bytes, "household", direct: false);

        var results = new List<(int, string, string, string, string)>[6];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, t => results[t] = Read(bytes, "household", direct: true));

        Assert.Equal(400, tree.Count);
        Assert.All(results, fast => Assert.Equal(tree, fast));
    }

    [Theory]
    [InlineData("\"birthDate\": \"1988-04-02\"", "\"birthDate\": \"1988-02-30\"", "RR0303", ".members[0].birthDate")]
    [InlineData("\"role\": \"applicant\"", "\"role\": \"applicant\", \"role\": \"partner\"", "RR0001", ".members[0].role")]
    [InlineData("\"citizenship\": \"DK\"", "\"citizenship\": \"dk\"", "RR0303", ".members[0].citizenship")]
    public void DamagedItem_IsLocatedByTheTree_AndQuotesNoValue(string from, string to, string code, string path)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "samples/holbaek/households.json"));
        Assert.Contains(from, text, StringComparison.Ordinal);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        var damaged = text[..at] + to + text[(at + from.Length)..];

        using var stream = FactStream.Households(new MemoryStream(Encoding.UTF8.GetBytes(damaged)), "hh.json");
        var bad = stream.Read()!;

        Assert.Null(bad.Value);
        var error = Assert.Single(bad.Diagnostics, d => d.Severity == RentalRules.Diagnostics.Severity.Error);
        Assert.Equal(code, error.Code);
        Assert.Equal("$[0]" + path, error.Location.JsonPath);
        Assert.Equal("hh.json", error.Location.File);
        Assert.True(error.Location.Line > 1);
        Assert.DoesNotContain("1988", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("dk", error.Message, StringComparison.Ordinal);
        Assert.NotNull(stream.Read()!.Value);
    }

    /// <summary>Each item as the stream gives it: index, record as JSON (or null), diagnostics, location of "id".</summary>
    private static List<(int Index, string Value, string Diagnostics, string Location, string IdLocation)> Read(byte[] utf8, string kind, bool direct)
    {
        var result = new List<(int, string, string, string, string)>();
        switch (kind)
        {
            case "household":
                Collect(FactStream.Households(new MemoryStream(utf8), "f.json"));
                break;
            case "department":
                Collect(FactStream.Departments(new MemoryStream(utf8), "f.json"));
                break;
            default:
                Collect(FactStream.Vacancies(new MemoryStream(utf8), "f.json"));
                break;
        }

        return result;

        void Collect<T>(FactStream<T> stream)
            where T : class
        {
            using (stream)
            {
                stream.DirectMapping = direct;
                while (stream.Read() is { } item)
                {
                    result.Add((
                        item.Index,
                        JsonSerializer.Serialize(item.Value, Relaxed),
                        string.Join("\n", item.Diagnostics.Select(d => $"{d.Severity} {d.Code} {d.Location} {d.Location.JsonPath} {d.Message} {d.Hint}")),
                        $"{item.Location} {item.Location.JsonPath} {item.EndsFile}",
                        $"{item.LocationOf("id")} {item.LocationOf("id").JsonPath}"));
                }
            }
        }
    }

    /// <summary>
    /// A file of <paramref name="count"/> households, one line or more each: the samples of both towns in turn, each
    /// given to <paramref name="write"/> with its index to change and write.
    /// </summary>
    private static byte[] GeneratedHouseholds(int count, Func<int, JsonObject, string> write)
    {
        var all = Samples("samples/holbaek/households.json", "samples/hoeje-taastrup/households.json");
        var items = Enumerable.Range(0, count).Select(i => write(i, JsonNode.Parse(all[i % all.Length])!.AsObject()));
        return Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", items) + "\n]\n");
    }

    private static bool SameWithAndWithout(string kind, byte[] utf8)
    {
        var fast = Read(utf8, kind, direct: true);
        var tree = Read(utf8, kind, direct: false);
        Assert.Equal(tree, fast);
        return true;
    }

    private static string[] Samples(params string[] files)
        => files.SelectMany(f =>
        {
            var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, f)))!;
            return node is JsonArray a ? a.Select(x => x!.ToJsonString()).ToArray() : [node.ToJsonString()];
        }).ToArray();

    /// <summary>Values a damage puts in place of another: every JSON kind, and the edge cases of the strict reader.</summary>
    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-1", "1.5", "28", "0.25", "1e3", "37.0", "12345678901234567890123", "0.1234567890123456789012345678901",
        "\"\"", "\"x\"", "\"DK\"", "\"dk\"", "\"2024-02-29\"", "\"2023-02-29\"", "\"2024-1-01\"", "\"28 %\"", "\"\\ud800\"", "\"\\u0044K\"",
        "\"applicant\"", "\"child\"", "\"employee\"", "\"red\"", "\"family\"", "[]", "[null]", "[1]", "[\"a\"]", "{}", "{\"$c\": 1}", "{\"date\": \"2020-01-01\"}",
    ];

    /// <summary>Names a damage adds: known ones (which may repeat one already there), unknown ones, <c>$</c>-names, escaped ones.</summary>
    private static readonly string[] Names =
    [
        "id", "role", "date", "from", "kind", "members", "employment", "shoeSize", "$comment", "$schema", "\\u0069d", "flags", "divorce", "soldHome", "childrenUnder18AtHome",
    ];

    /// <summary>One of the samples with <paramref name="count"/> random damages, as a file of that one item and two intact ones.</summary>
    private static byte[] Damaged(string[] samples, int sample, int seed, int count, bool escaped)
    {
        var random = new Random(seed);
        var text = samples[sample % samples.Length];
        for (var i = 0; i < count; i++)
        {
            text = DamageOnce(text, random);
        }

        var intact = samples[(sample + 1) % samples.Length];
        var file = "[\n" + intact.Replace("\"id\":\"", "\"id\":\"a-", StringComparison.Ordinal) + ",\n" + text + ",\n" + intact.Replace("\"id\":\"", "\"id\":\"b-", StringComparison.Ordinal) + "\n]";
        if (escaped)
        {
            // The same text with every non-ASCII character escaped (æ as \u00e6), as other tools write it.
            file = JsonNode.Parse(file, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false }) is { } n && !file.Contains("\\ud800", StringComparison.Ordinal) && !HasDuplicateNames(file)
                ? n.ToJsonString()
                : file;
        }

        return Encoding.UTF8.GetBytes(file);
    }

    private static bool HasDuplicateNames(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Walk(doc.RootElement);
        }
        catch (JsonException)
        {
            return true;
        }

        static bool Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var names = new HashSet<string>();
                    foreach (var p in e.EnumerateObject())
                    {
                        if (!names.Add(p.Name) || Walk(p.Value))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonValueKind.Array:
                    return e.EnumerateArray().Any(Walk);
                default:
                    return false;
            }
        }
    }

    /// <summary>Where each value of the text starts and ends (objects and arrays included), with its kind.</summary>
    private static List<(int Start, int End, JsonTokenType Type)> ValueSpans(byte[] bytes)
    {
        var starts = new List<(int Start, int End, JsonTokenType Type)>();
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                continue;
            }

            var start = (int)reader.TokenStartIndex;
            var type = reader.TokenType;
            if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                var copy = reader;
                copy.Skip();
                starts.Add((start, (int)copy.BytesConsumed, type));
            }
            else
            {
                starts.Add((start, (int)reader.BytesConsumed, type));
            }
        }

        return starts;
    }

    /// <summary>Replaces a random value, adds a property to a random object, or drops one, working on the text's tokens.</summary>
    private static string DamageOnce(string json, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var starts = ValueSpans(bytes);
        var (s, e, t) = starts[random.Next(starts.Count)];
        var before = Encoding.UTF8.GetString(bytes, 0, s);
        var after = Encoding.UTF8.GetString(bytes, e, bytes.Length - e);
        var value = Encoding.UTF8.GetString(bytes, s, e - s);
        switch (random.Next(3))
        {
            case 0 when t == JsonTokenType.StartObject:
                var name = Names[random.Next(Names.Length)];
                var added = "\"" + name + "\":" + Values[random.Next(Values.Length)];
                return before + (value == "{}" ? "{" + added + "}" : "{" + added + "," + value[1..]) + after;
            case 1 when t == JsonTokenType.StartObject && value.Length > 2 && !HasDuplicateNames(value) && !value.Contains("\\ud800", StringComparison.Ordinal):
                // Drop the first property.
                var obj = JsonNode.Parse(value)!.AsObject();
                var first = obj.First().Key;
                obj.Remove(first);
                return before + obj.ToJsonString(Relaxed) + after;
            default:
                return before + Values[random.Next(Values.Length)] + after;
        }
    }
}
