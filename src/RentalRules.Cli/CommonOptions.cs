using System.CommandLine;
using System.Text;
using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Cli;

/// <summary>Options and helpers shared by the commands.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Machine-readable JSON output (camelCase keys)." };

    /// <summary>The <c>--json</c> of the commands that also take <c>--format</c>.</summary>
    public static Option<bool> JsonFormat() => new("--json") { Description = "Machine-readable JSON output (camelCase keys): --format json." };

    /// <summary>The <c>--format</c> of place, check and route: text, json or ndjson (any case).</summary>
    public static Option<string> ResultFormat()
        => Choice("--format", $"The output: text (the default), json (one document: indented up to {ResultStream<int>.IndentedUpTo} results, compact above) or ndjson (one compact JSON result per line).", null, ["text", "json", "ndjson"]);

    /// <summary>The output format from <c>--json</c> and <c>--format</c>; both given and different is a usage error.</summary>
    public static OutputFormat GetFormat(ParseResult parse, Option<bool> json, Option<string> format)
    {
        var named = parse.GetValue(format) switch
        {
            "json" => OutputFormat.Json,
            "ndjson" => OutputFormat.Ndjson,
            "text" => OutputFormat.Text,
            _ => (OutputFormat?)null,
        };
        if (parse.GetValue(json))
        {
            if (named is not (null or OutputFormat.Json))
            {
                throw new CliUsageException("--json is --format json: give one of them.");
            }

            return OutputFormat.Json;
        }

        return named ?? OutputFormat.Text;
    }

    /// <summary>
    /// <c>--on</c>: a date yyyy-MM-dd, checked by the option itself (a wrong date is a usage error naming the format) and
    /// read by <see cref="CliApp.ParseDate(string?)"/>. A string option, not <c>Option&lt;DateOnly?&gt;</c>: System.CommandLine's
    /// generic code over a value type is compiled when the tool starts, which ReadyToRun cannot spare it (issue 16 item 4).
    /// </summary>
    public static Option<string> On() => new("--on")
    {
        Description = "Evaluation date (default: today). Parameters resolve by it.",
        HelpName = "yyyy-MM-dd",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                return text;
            }

            result.AddError($"--on must be a date yyyy-MM-dd (e.g. 2025-03-01), not '{text}'.");
            return null;
        },
    };

    /// <summary>The renderers' language of a <c>--lang</c> value (<c>da</c> or <c>en</c>).</summary>
    public static RentalRules.Language ToLanguage(string code)
        => Languages.TryParse(code, out var language) ? language : throw new CliUsageException($"--lang must be {string.Join(" or ", Languages.Codes)}, not '{code}'.");

    /// <summary><c>--lang</c>: en or da, in any case.</summary>
    public static Option<string> Language() => Choice("--lang", "Language of the readable output.", "en", ["en", "da"]);

    /// <summary>
    /// An option whose value is one of <paramref name="choices"/>, matched in any case and returned as the list writes
    /// it; the help shows the choices, and anything else is a usage error that lists them.
    /// </summary>
    public static Option<string> Choice(string name, string description, string? defaultValue, string[] choices)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', choices),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) is { } choice)
                {
                    return choice;
                }

                result.AddError($"{name} must be {string.Join(", ", choices[..^1])} or {choices[^1]}, not '{text}'.");
                return null;
            },
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    /// <summary>
    /// <c>--route</c>: a letting route by its JSON name (<c>municipal</c>, <c>flexible</c>, <c>waitingList</c>,
    /// <c>internalTransfer</c>; any case); absent is null. The names come from the library's one table of route names
    /// (<see cref="ResultJson.RouteName"/>), so a new route is accepted here without a change. The value is the route's
    /// name as given (checked); <see cref="ParseRoute"/> reads it (a string option, for the reason <see cref="On"/> gives).
    /// </summary>
    public static Option<string> Route(string description) => new("--route")
    {
        Description = description,
        HelpName = string.Join('|', RouteNames),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (ParseRoute(text) is null)
            {
                result.AddError($"--route must be {Alternatives(RouteNames)}, not '{text}'.");
                return null;
            }

            return text;
        },
    };

    /// <summary>The letting routes' names, in the library's order.</summary>
    public static IReadOnlyList<string> RouteNames => RentalRules.RouteNames.Letting;

    /// <summary>A letting route by its name in any case, or null (also for null).</summary>
    public static LettingRoute? ParseRoute(string? text)
    {
        foreach (var route in RentalRules.RouteNames.AllLetting)
        {
            if (string.Equals(ResultJson.RouteName(route), text, StringComparison.OrdinalIgnoreCase))
            {
                return route;
            }
        }

        return null;
    }

    /// <summary><c>a, b, c or d</c>.</summary>
    private static string Alternatives(IReadOnlyList<string> names)
        => names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    public static Option<string> Pack() => new("--pack") { Description = PackDescription("The rule pack"), Required = true };

    /// <summary>The help text of an option that takes a pack.</summary>
    public static string PackDescription(string what) => $"{what}: a pack file, or the id of a pack (ID.json here or in a rules/ folder above, else a built-in pack; 'rentalrules packs' lists them).";

    /// <summary>A report's <c>--format</c>: md, html or json, in any case (<paramref name="html"/> says what the HTML page holds).</summary>
    public static Option<string> ReportFormat(string html)
        => Choice("--format", $"The report's format: md (Markdown, the default), html ({html}) or json.", null, ["md", "html", "json"]);

    /// <summary>A report's <c>--out</c>: the file the report replaces atomically.</summary>
    public static Option<string?> OutFile() => new("--out") { Description = "Write the report to this file (replaced atomically) instead of stdout." };

    public static Option<string> Portfolio() => new("--portfolio")
    {
        Description = "The departments: a JSON object or array, or CSV (a .csv file; fact names flattened with dots).",
        Required = true,
    };

    public static void CheckLanguage(string lang)
    {
        _ = ToLanguage(lang);
    }

    /// <summary>Loads a pack by path or id; prints its errors and returns null when it is invalid.</summary>
    public static RulePack? LoadPack(string pathOrId, TextWriter stderr)
    {
        var result = LoadPackResult(pathOrId);
        if (result.Value is { } pack)
        {
            // Only errors are printed here; reading Diagnostics of a loaded pack would run its warnings' analysis.
            return pack;
        }

        foreach (var d in result.Diagnostics.Where(d => d.Severity == Severity.Error))
        {
            stderr.WriteLine(d.ToString());
        }

        return null;
    }

    /// <summary>
    /// Loads a pack named by a path, or by an id: <c>ID.json</c> in the current folder, then in a <c>rules/</c> folder
    /// of it or a folder above it, then the built-in pack of that id; an id that is none of these gets the closest
    /// built-in id and a pointer to <c>rentalrules packs</c>.
    /// </summary>
    public static LoadResult<RulePack> LoadPackResult(string pathOrId)
    {
        if (File.Exists(pathOrId) || Directory.Exists(pathOrId) || !IsPackId(pathOrId))
        {
            return RulePackLoader.Load(pathOrId);
        }

        return ResolvePackId(pathOrId) is { } file ? RulePackLoader.Load(file) : RulePackLoader.LoadBuiltIn(pathOrId);
    }

    /// <summary>The file a pack id names (ID.json here, then in a rules/ folder here or above), or <c>null</c> for a built-in pack.</summary>
    public static string? ResolvePackId(string id)
    {
        var dir = Environment.CurrentDirectory;
        var beside = Path.Combine(dir, id + ".json");
        if (File.Exists(beside))
        {
            return Path.GetRelativePath(dir, beside);
        }

        for (var d = dir; d is not null; d = Path.GetDirectoryName(d))
        {
            var candidate = Path.Combine(d, "rules", id + ".json");
            if (File.Exists(candidate))
            {
                return Path.GetRelativePath(dir, candidate);
            }
        }

        return null;
    }

    private static bool IsPackId(string text)
        => text.Length > 0 && char.IsAsciiLetterOrDigit(text[0]) && !text.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Where an input named <c>-</c> is read from, for the current run.</summary>
    public static AsyncLocal<StdinSource?> Stdin { get; } = new();

    /// <summary>The name of an input in diagnostics: <c>&lt;stdin&gt;</c> for <c>-</c>.</summary>
    public static string DisplayName(string path) => path == "-" ? "<stdin>" : path;

    /// <summary>
    /// Reads an input file, or standard input for <c>-</c> (once per run); prints a located error and returns null when
    /// it cannot be read.
    /// </summary>
    public static byte[]? ReadInput(string path, TextWriter stderr)
    {
        using var input = OpenInput(path, stderr);
        if (input is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Opens an input file for reading from start to end, or standard input for <c>-</c> (once per run); prints a located
    /// error and returns null when it cannot be opened.
    /// </summary>
    public static Stream? OpenInput(string path, TextWriter stderr)
    {
        if (path == "-")
        {
            var source = Stdin.Value ?? new StdinSource(null);
            if (source.Used)
            {
                throw new CliUsageException("Only one input can be read from standard input ('-') in one run.");
            }

            source.Used = true;
            return source.Open();
        }

        try
        {
            if (Directory.Exists(path))
            {
                stderr.WriteLine(Descriptors.InputIsFolder.At(new SourceLocation(path, "$", 1, 1)));
                return null;
            }

            // Unbuffered: the readers read in chunks of their own.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var why = ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : ex.Message;
            stderr.WriteLine(Descriptors.InputUnreadable.At(new SourceLocation(path, "$", 1, 1), why));
            return null;
        }
    }

    public static void PrintErrors(IEnumerable<Diagnostic> diagnostics, TextWriter stderr)
    {
        foreach (var d in diagnostics.Where(d => d.Severity == Severity.Error))
        {
            stderr.WriteLine(d.ToString());
        }
    }

    public static void WriteJson(TextWriter stdout, Action<JsonOutput> write)
    {
        using var output = new JsonOutput(stdout);
        write(output);
    }

    /// <summary>
    /// Reads a portfolio of departments: CSV when the file name ends in <c>.csv</c> (DESIGN §5.1 names flattened with
    /// dots), JSON otherwise. Prints located errors and returns null when the file cannot be read or is invalid.
    /// </summary>
    public static IReadOnlyList<Department>? ReadPortfolio(string path, TextWriter stderr)
    {
        var bytes = ReadInput(path, stderr);
        if (bytes is null)
        {
            return null;
        }

        var facts = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? FactReader.ReadDepartmentsCsv(Encoding.UTF8.GetString(bytes), path)
            : FactReader.ReadDepartments(bytes, path);
        PrintErrors(facts.Diagnostics, stderr);
        return facts.Value?.Items;
    }

    /// <summary>
    /// Writes <paramref name="content"/> to a temporary file beside <paramref name="path"/>, then renames it over the
    /// target: a reader never sees a half-written file, and a failed write leaves any existing file as it was.
    /// </summary>
    /// <param name="path">The target file.</param>
    /// <param name="content">The text (written as UTF-8 without a BOM).</param>
    /// <param name="what">What the file holds, for the error message (<c>ledger</c>, <c>report</c>).</param>
    /// <param name="stderr">Where a located error goes.</param>
    /// <returns>Whether the file was written.</returns>
    public static bool WriteAtomically(string path, string content, string what, TextWriter stderr)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            stderr.WriteLine(Descriptors.OutputUnwritable.At(new SourceLocation(path, "$", 1, 1), what, ex.Message));
            return false;
        }

        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                writer.Write(content);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The temporary file could not be removed either; the target is untouched all the same.
            }

            stderr.WriteLine(Descriptors.OutputReplaceFailed.At(new SourceLocation(path, "$", 1, 1), what, ex.Message));
            return false;
        }
    }
}

/// <summary>
/// Indented JSON written to a <see cref="TextWriter"/> in chunks, so that a result set of any size streams out
/// instead of being held in memory twice.
/// </summary>
internal sealed class JsonOutput : IDisposable
{
    private const int ChunkBytes = 1 << 20;
    private readonly TextWriter _target;
    private readonly MemoryStream _buffer = new();

    public JsonOutput(TextWriter target)
    {
        _target = target;
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Passes what is written so far on to the target once it is large; call between values.</summary>
    public void FlushIfLarge()
    {
        if (Writer.BytesPending + _buffer.Length >= ChunkBytes)
        {
            Drain();
        }
    }

    public void Dispose()
    {
        Drain();
        _target.WriteLine();
        Writer.Dispose();
        _buffer.Dispose();
    }

    private void Drain()
    {
        Writer.Flush();
        _target.Write(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }
}
