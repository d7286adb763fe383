using System.Text.Json;
using RentalRules.Explanations;

namespace RentalRules.Cli;

/// <summary>
/// A result of <c>place</c> or <c>route</c> with what is written for it, rendered on the worker thread that produced
/// it: its compact JSON as UTF-8 (in a pooled array, given back once written), so that the thread writing the output
/// only copies bytes. The result itself is kept for text output and for the first results, which
/// <see cref="ResultStream{T}"/> may hold back and write indented; the others die young on the thread that made them.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
internal sealed class Rendered<T>
    where T : class
{
    private readonly Action<Utf8JsonWriter, T> _write;
    private T? _result;
    private byte[]? _json;
    private int _length;

    private Rendered(T? result, Action<Utf8JsonWriter, T> write)
    {
        _result = result;
        _write = write;
    }

    /// <summary>The result (text output, and the results that may be written indented); null once only its bytes are kept.</summary>
    public T? Result => _result;

    /// <summary>
    /// Renders <paramref name="result"/>, the <paramref name="index"/>-th (from 0), as compact JSON; for text output it is
    /// only kept.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="index">Its index in the output, from 0.</param>
    /// <param name="format">The output format.</param>
    /// <param name="write">Writes it through a JSON writer (for the first results when they are written indented).</param>
    /// <param name="compact">Writes exactly what <paramref name="write"/> writes compact, by hand.</param>
    public static Rendered<T> Of(T result, int index, OutputFormat format, Action<Utf8JsonWriter, T> write, Action<CompactJsonBuffer, T> compact)
    {
        if (format == OutputFormat.Text)
        {
            return new Rendered<T>(result, write);
        }

        var rendered = new Rendered<T>(index <= ResultStream<T>.IndentedUpTo ? result : null, write);
        (rendered._json, rendered._length) = CompactJsonBuffer.Pooled(compact, result);
        return rendered;
    }

    /// <summary>Writes the result: its bytes where the writer would write exactly them (compact), else afresh.</summary>
    public void WriteJson(Utf8JsonWriter w)
    {
        if (_json is { } json && EncodedTexts.Fits(w))
        {
            w.WriteRawValue(json.AsSpan(0, _length), skipInputValidation: true);
            _json = null;
            _result = null;
            CompactJsonBuffer.Return(json);
            return;
        }

        _write(w, _result ?? throw new InvalidOperationException("A streamed result is written once, compact."));
    }
}
