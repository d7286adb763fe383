namespace RentalRules.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    /// <summary>Worth knowing; the input is still usable.</summary>
    Info,

    /// <summary>Probably a mistake; the input is still usable.</summary>
    Warning,

    /// <summary>The input cannot be used.</summary>
    Error,
}

/// <summary>
/// One problem found in a pack or an input file, with a stable code, its location and a hint on how to fix it.
/// Messages never contain fact values of a household (they may be personal data); they name paths and types only.
/// The library builds its diagnostics from one descriptor table; a host may build its own (about its request bodies,
/// say) and move one to another location with <c>with</c>. Immutable: safe to share across threads.
/// </summary>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Code">A stable code such as <c>RR0201</c>; see the README for the list.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Location">Where it is.</param>
/// <param name="Hint">How to fix it, or <c>null</c>.</param>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location, string? Hint = null)
{
    /// <summary>Formats the diagnostic as <c>file:line:col: error CODE: message (at $.path) hint</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        var hint = Hint is null ? "" : " Hint: " + Hint;
        return $"{Location.File}:{Location.Line}:{Location.Column}: {severity} {Code}: {Message} (at {Location.JsonPath}){hint}";
    }
}

/// <summary>
/// Thrown by <c>GetValueOrThrow</c> when a load or parse produced errors.
/// Its properties are read-only: safe to read from any thread.
/// </summary>
public sealed class RentalRulesException : Exception
{
    /// <summary>Creates the exception from the diagnostics that caused it.</summary>
    /// <param name="diagnostics">The diagnostics; at least one is an error.</param>
    public RentalRulesException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics.Count == 0 ? "Invalid input." : string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every diagnostic of the failed operation.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}

/// <summary>
/// The result of loading or parsing untrusted input: a value when there were no errors, and every diagnostic either way.
/// Immutable: safe to share across threads (the value's own guarantee applies to it).
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class LoadResult<T>
    where T : class
{
    private readonly Lazy<IReadOnlyList<Diagnostic>> _diagnostics;

    internal LoadResult(T? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        _diagnostics = new Lazy<IReadOnlyList<Diagnostic>>(diagnostics);
        Value = diagnostics.Any(d => d.Severity == Severity.Error) ? null : value;
    }

    /// <summary>
    /// A result whose warnings are found only when <see cref="Diagnostics"/> is first read: <paramref name="complete"/>
    /// gets the diagnostics found so far (they decide <see cref="Value"/>) and returns every diagnostic. It may add
    /// warnings and infos, never an error (a value that is there stays there). Computed once, thread-safe.
    /// </summary>
    internal LoadResult(T? value, IReadOnlyList<Diagnostic> diagnostics, Func<IReadOnlyList<Diagnostic>, IReadOnlyList<Diagnostic>> complete)
    {
        Value = diagnostics.Any(d => d.Severity == Severity.Error) ? null : value;
        _diagnostics = new Lazy<IReadOnlyList<Diagnostic>>(() => complete(diagnostics), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The value, or <c>null</c> when <see cref="Diagnostics"/> holds an error.</summary>
    public T? Value { get; }

    /// <summary>Every diagnostic, errors first in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics.Value;

    /// <summary><c>true</c> when there is a value (no errors).</summary>
    public bool Success => Value is not null;

    /// <summary>Returns the value, or throws <see cref="RentalRulesException"/> with every diagnostic.</summary>
    /// <returns>The value.</returns>
    public T GetValueOrThrow() => Value ?? throw new RentalRulesException(Diagnostics);
}
