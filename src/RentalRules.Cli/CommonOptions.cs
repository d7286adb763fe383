using System.CommandLine;
using System.Text;
using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Cli;

/// <summary>Options and helpers shared by the commands.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Machine-readable JSON output (camelCase keys)." };

    public static Option<string?> On() => new("--on") { Description = "Evaluation date yyyy-MM-dd (default: today). Parameters resolve by it." };

    public static Option<string> Language() => new("--lang")
    {
        Description = "Language of the readable output: en or da.",
        DefaultValueFactory = _ => "en",
    };

    public static Option<string> Pack() => new("--pack") { Description = PackDescription("The rule pack"), Required = true };

    /// <summary>The help text of an option that takes a pack.</summary>
    public static string PackDescription(string what) => $"{what}: a pack file, or the id of a pack (ID.json here or in a rules/ folder above, else a built-in pack; 'rentalrules packs' lists them).";

    /// <summary>A report's <c>--format</c>: md, html or json (<paramref name="html"/> says what the HTML page holds).</summary>
    public static Option<string?> ReportFormat(string html)
    {
        var format = new Option<string?>("--format") { Description = $"The report's format: md (Markdown, the default), html ({html}) or json." };
        format.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && value is not ("md" or "html" or "json"))
            {
                result.AddError($"--format must be md, html or json, not '{value}'.");
            }
        });
        return format;
    }

    /// <summary>A report's <c>--out</c>: the file the report replaces atomically.</summary>
    public static Option<string?> OutFile() => new("--out") { Description = "Write the report to this file (replaced atomically) instead of stdout." };

    public static Option<string> Portfolio() => new("--portfolio")
    {
        Description = "The departments: a JSON object or array, or CSV (a .csv file; fact names flattened with dots).",
        Required = true,
    };

    public static void CheckLanguage(string lang)
    {
        if (lang is not ("en" or "da"))
        {
            throw new CliUsageException($"--lang must be en or da, not '{lang}'.");
        }
    }

    /// <summary>Loads a pack by path or id; prints its errors and returns null when it is invalid.</summary>
    public static RulePack? LoadPack(string pathOrId, TextWriter stderr)
    {
        var result = LoadPackResult(pathOrId);
        foreach (var d in result.Diagnostics.Where(d => d.Severity == Severity.Error))
        {
            stderr.WriteLine(d.ToString());
        }

        return result.Value;
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

    /// <summary>The options whose values are one of a fixed list, with the values as the help shows them.</summary>
    private static readonly Dictionary<string, string[]> Choices = new(StringComparer.Ordinal)
    {
        ["--route"] = ["municipal", "flexible", "waitingList"],
        ["--lang"] = ["en", "da"],
        ["--format"] = ["md", "html", "json"],
    };

    /// <summary>
    /// The arguments with the value of every option that takes one of a fixed list written as the list writes it, so
    /// that <c>--route waitinglist</c> is <c>--route waitingList</c>; anything else is left for the parser to refuse.
    /// </summary>
    public static string[] CanonicalChoices(string[] args)
    {
        var result = (string[])args.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            var arg = result[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (!Choices.TryGetValue(name, out var choices))
            {
                continue;
            }

            if (eq > 0)
            {
                result[i] = name + "=" + Canonical(arg[(eq + 1)..], choices);
            }
            else if (i + 1 < result.Length)
            {
                result[i + 1] = Canonical(result[i + 1], choices);
                i++;
            }
        }

        return result;
    }

    private static string Canonical(string value, string[] choices)
        => choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase)) ?? value;

    /// <summary>
    /// Reads an input file, or standard input for <c>-</c> (once per run); prints a located error and returns null when
    /// it cannot be read.
    /// </summary>
    public static byte[]? ReadInput(string path, TextWriter stderr)
    {
        if (path == "-")
        {
            var source = Stdin.Value ?? new StdinSource(null);
            if (source.Used)
            {
                throw new CliUsageException("Only one input can be read from standard input ('-') in one run.");
            }

            source.Used = true;
            using var input = source.Open();
            using var copy = new MemoryStream();
            input.CopyTo(copy);
            return copy.ToArray();
        }

        try
        {
            if (Directory.Exists(path))
            {
                stderr.WriteLine(new Diagnostic(Severity.Error, DiagnosticCodes.FileUnreadable, "This is a folder, not a file.", new SourceLocation(path, "$", 1, 1), "Name a JSON file."));
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var why = ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : ex.Message;
            stderr.WriteLine(new Diagnostic(Severity.Error, DiagnosticCodes.FileUnreadable, $"Cannot read the file: {why}.", new SourceLocation(path, "$", 1, 1), "Check the path."));
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
            stderr.WriteLine(new Diagnostic(Severity.Error, DiagnosticCodes.FileUnreadable, $"Cannot write the {what}: {ex.Message}", new SourceLocation(path, "$", 1, 1), "Check the path."));
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

            stderr.WriteLine(new Diagnostic(Severity.Error, DiagnosticCodes.FileUnreadable, $"Cannot write the {what}: {ex.Message}", new SourceLocation(path, "$", 1, 1), $"The old {what} was left unchanged; check the folder's permissions and free space."));
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
