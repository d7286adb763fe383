using System.CommandLine;
using System.Text;
using System.Text.Json;
using RentalRules.Diagnostics;
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

    public static Option<string> Pack() => new("--pack") { Description = "The rule pack (JSON).", Required = true };

    public static void CheckLanguage(string lang)
    {
        if (lang is not ("en" or "da"))
        {
            throw new CliUsageException($"--lang must be en or da, not '{lang}'.");
        }
    }

    /// <summary>Loads a pack; prints its errors and returns null when it is invalid.</summary>
    public static RulePack? LoadPack(string path, TextWriter stderr)
    {
        var result = RulePackLoader.Load(path);
        foreach (var d in result.Diagnostics.Where(d => d.Severity == Severity.Error))
        {
            stderr.WriteLine(d.ToString());
        }

        return result.Value;
    }

    /// <summary>Reads an input file; prints a located error and returns null when it cannot be read.</summary>
    public static byte[]? ReadInput(string path, TextWriter stderr)
    {
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
