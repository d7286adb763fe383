namespace RentalRules;

/// <summary>
/// A position in a source file: 1-based line and column, and the JSON path of the value.
/// Immutable value: safe to share across threads.
/// </summary>
/// <param name="File">The file name as given to the loader (or a label such as <c>&lt;stream&gt;</c>).</param>
/// <param name="JsonPath">The JSON path of the value, for example <c>$.members[1].birthDate</c>.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number, in characters.</param>
public sealed record SourceLocation(string File, string JsonPath, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
