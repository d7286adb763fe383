using System.Globalization;
using System.Reflection;

namespace RentalRules.Diagnostics;

/// <summary>
/// One kind of problem: its stable code, severity, message and hint, as composite formats (<c>{0}</c>, <c>{1}</c>, …)
/// over the arguments a call site passes. Every diagnostic the library reports is made from one of the descriptors in
/// <see cref="Descriptors"/>, so that the wording lives in one table (docs/diagnostics.md lists it) and no call site
/// writes a message. Arguments are names, paths, types and pack text: never a value read from a household file.
/// </summary>
/// <param name="Name">The descriptor's name in <see cref="Descriptors"/>, set by the table.</param>
/// <param name="Code">The stable code, one of <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Message">The message format.</param>
/// <param name="Hint">The hint format: how to fix it. Never empty.</param>
internal sealed record DiagnosticDescriptor(string Name, string Code, Severity Severity, string Message, string Hint)
{
    /// <summary>The diagnostic at a location, with the message and hint formatted over <paramref name="args"/>.</summary>
    public Diagnostic At(SourceLocation location, params object?[] args)
        => new(Severity, Code, Format(Message, args), location, Format(Hint, args));

    /// <summary>The diagnostic of a problem in the expression <paramref name="text"/>: the message quotes the expression (pack text).</summary>
    public Diagnostic InExpression(SourceLocation location, string text, params object?[] args)
        => new(Severity, Code, Format(Message, args) + " In: " + text, location, Format(Hint, args));

    /// <summary>The message alone, formatted (for exceptions and texts that carry no location).</summary>
    public string MessageOf(params object?[] args) => Format(Message, args);

    /// <summary>The hint alone, formatted.</summary>
    public string HintOf(params object?[] args) => Format(Hint, args);

    /// <summary>The same message with another code and severity (a fact file reports what a pack reports, under its own code).</summary>
    public DiagnosticDescriptor WithCode(string code) => this with { Code = code };

    private static string Format(string format, object?[] args)
        => args.Length == 0 ? format.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal) : string.Format(CultureInfo.InvariantCulture, format, args);
}

/// <summary>The meaning of a code and the general hint for it (docs/diagnostics.md; every code has one).</summary>
/// <param name="Code">The code.</param>
/// <param name="Severity">The severity of every descriptor with the code.</param>
/// <param name="Meaning">What the code means.</param>
/// <param name="Hint">What to do about it in general.</param>
internal sealed record DiagnosticCode(string Code, Severity Severity, string Meaning, string Hint);

/// <summary>The table of every descriptor and every code.</summary>
internal static partial class Descriptors
{
    private static DiagnosticDescriptor Error(string code, string message, string hint) => new("", code, Severity.Error, message, hint);

    private static DiagnosticDescriptor Warning(string code, string message, string hint) => new("", code, Severity.Warning, message, hint);

    /// <summary>Every descriptor, with its name, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => AllLazy.Value;

    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> AllLazy = new(() => typeof(Descriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)! with { Name = f.Name })
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.Name, StringComparer.Ordinal)
        .ToList());
}
