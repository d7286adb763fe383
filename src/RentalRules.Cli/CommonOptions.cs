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
    public static string? ReadInput(string path, TextWriter stderr)
    {
        try
        {
            return File.ReadAllText(path);
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

    public static void WriteJson(TextWriter stdout, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
