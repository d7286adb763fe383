using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using RentalRules.Diagnostics;

namespace RentalRules.Cli;

/// <summary>How <c>place</c>, <c>check</c> and <c>route</c> write their results.</summary>
internal enum OutputFormat
{
    /// <summary>Readable text (the default).</summary>
    Text,

    /// <summary>One JSON document: indented up to <see cref="ResultStream{T}.IndentedUpTo"/> results, compact above.</summary>
    Json,

    /// <summary>One compact JSON object per line (newline-delimited JSON), no envelope.</summary>
    Ndjson,
}

/// <summary>
/// Writes results as they are produced, so that a run of a million items holds one item at a time. The first
/// <see cref="IndentedUpTo"/> results are held back: a run that ends (or fails) within them is written as before — an
/// error means nothing is written, and a small result set is indented for a person to read. From the next result on,
/// everything streams out (compact JSON), and a failure after that point closes the document with an
/// <c>"incomplete"</c> member (NDJSON: a last line <c>{"incomplete": …}</c>; text: a last line saying so), so that
/// partial output is never mistaken for a complete one.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
internal sealed class ResultStream<T> : IDisposable
{
    /// <summary>Result sets up to this size are written indented; larger ones compact.</summary>
    public const int IndentedUpTo = 100;

    private readonly TextWriter _stdout;
    private readonly OutputFormat _format;
    private readonly Action<Utf8JsonWriter> _header;
    private readonly string _arrayName;
    private readonly Action<Utf8JsonWriter, T> _writeJson;
    private readonly Action<TextWriter, T>? _writeText;
    private readonly bool _envelopeAlways;
    private List<T>? _pending = [];
    private JsonSink? _json;

    /// <param name="stdout">Where results go.</param>
    /// <param name="format">The output format.</param>
    /// <param name="header">Writes the envelope's first members (<c>pack</c>, <c>on</c>, …).</param>
    /// <param name="arrayName">The envelope's array (<c>results</c>, <c>placements</c>, <c>decisions</c>).</param>
    /// <param name="writeJson">Writes one result as a JSON object.</param>
    /// <param name="writeText">Writes one result as text (null when the command writes its own text at the end).</param>
    /// <param name="envelopeAlways">Whether one result from a file of one object is also written in the envelope.</param>
    public ResultStream(TextWriter stdout, OutputFormat format, Action<Utf8JsonWriter> header, string arrayName, Action<Utf8JsonWriter, T> writeJson, Action<TextWriter, T>? writeText, bool envelopeAlways)
    {
        _stdout = stdout;
        _format = format;
        _header = header;
        _arrayName = arrayName;
        _writeJson = writeJson;
        _writeText = writeText;
        _envelopeAlways = envelopeAlways;
    }

    /// <summary>Whether the input was an array (set once known); a single object gets a single result.</summary>
    public bool IsArray { get; set; } = true;

    /// <summary>Whether results have been written (and an error must therefore be marked in the output).</summary>
    public bool Started => _pending is null;

    /// <summary>The number of results written or held.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a result: held while the set is small, written at once after that.</summary>
    public void Add(T result)
    {
        Count++;
        if (_pending is null)
        {
            Write(result);
            return;
        }

        _pending.Add(result);
        if (_pending.Count > IndentedUpTo)
        {
            Begin(compact: true);
            foreach (var r in _pending)
            {
                Write(r);
            }

            _pending = null;
        }
    }

    /// <summary>Writes what is held and closes the output; <paramref name="footer"/> adds members after the array.</summary>
    public void Complete(Action<Utf8JsonWriter>? footer = null)
    {
        if (_pending is not null)
        {
            Begin(compact: false);
            foreach (var r in _pending)
            {
                Write(r);
            }

            _pending = null;
        }

        End(footer, null);
    }

    /// <summary>
    /// Ends a run that failed at an item: when nothing was written yet, nothing is (the caller reports the errors); else
    /// the output is closed with the <c>incomplete</c> marker naming how many results it holds and the first error.
    /// </summary>
    public void Fail(Incomplete incomplete)
    {
        if (_pending is not null)
        {
            _pending = null;
            return;
        }

        End(null, incomplete);
    }

    public void Dispose() => _json?.Dispose();

    private bool Enveloped => _envelopeAlways || IsArray;

    private void Begin(bool compact)
    {
        if (_format == OutputFormat.Text)
        {
            return;
        }

        _json = new JsonSink(_stdout, indented: _format == OutputFormat.Json && !compact);
        if (_format == OutputFormat.Json && Enveloped)
        {
            var w = _json.Writer;
            w.WriteStartObject();
            _header(w);
            w.WriteStartArray(_arrayName);
        }
    }

    private void Write(T result)
    {
        switch (_format)
        {
            case OutputFormat.Text:
                _writeText?.Invoke(_stdout, result);
                break;
            case OutputFormat.Ndjson:
                _writeJson(_json!.Writer, result);
                _json.EndLine();
                break;
            default:
                _writeJson(_json!.Writer, result);
                _json.FlushIfLarge();
                break;
        }
    }

    private void End(Action<Utf8JsonWriter>? footer, Incomplete? incomplete)
    {
        switch (_format)
        {
            case OutputFormat.Text:
                if (incomplete is not null)
                {
                    _stdout.WriteLine($"INCOMPLETE: {incomplete.Written} results above, then stopped at {incomplete.First.Location} ({incomplete.First.Location.JsonPath}): {incomplete.Errors} invalid item(s) in the input, see the errors; nothing after {incomplete.First.Location.JsonPath} was evaluated.");
                }

                break;
            case OutputFormat.Ndjson:
                if (incomplete is not null)
                {
                    var w = _json!.Writer;
                    w.WriteStartObject();
                    incomplete.WriteTo(w);
                    w.WriteEndObject();
                    _json.EndLine();
                }

                _json!.Finish(newline: false);
                break;
            default:
            {
                var w = _json!.Writer;
                if (Enveloped)
                {
                    w.WriteEndArray();
                    footer?.Invoke(w);
                    incomplete?.WriteTo(w);
                    w.WriteEndObject();
                }

                _json.Finish(newline: true);
                break;
            }
        }
    }
}

/// <summary>Why a streamed run stopped: the results written, the number of invalid items and the first error.</summary>
/// <param name="Written">The results written before the first invalid item.</param>
/// <param name="Errors">The number of invalid items found in the input.</param>
/// <param name="First">The first error (located, quoting no input).</param>
/// <param name="Note">What else the reader should know (e.g. that the ledger was left unchanged), or null.</param>
internal sealed record Incomplete(int Written, int Errors, Diagnostic First, string? Note = null)
{
    /// <summary>Writes the <c>"incomplete"</c> member.</summary>
    public void WriteTo(Utf8JsonWriter w)
    {
        w.WriteStartObject("incomplete");
        w.WriteNumber("written", Written);
        w.WriteNumber("invalidItems", Errors);
        w.WriteStartObject("firstError");
        w.WriteString("code", First.Code);
        w.WriteString("message", First.Message);
        w.WriteString("file", First.Location.File);
        w.WriteString("jsonPath", First.Location.JsonPath);
        w.WriteNumber("line", First.Location.Line);
        w.WriteNumber("column", First.Location.Column);
        w.WriteEndObject();
        if (Note is not null)
        {
            w.WriteString("note", Note);
        }

        w.WriteEndObject();
    }
}

/// <summary>
/// UTF-8 JSON written in 256 KiB chunks: straight to the byte stream under a <see cref="StreamWriter"/> (stdout), by a
/// thread of its own (<see cref="ChunkWriter"/>), so that the thread producing the JSON does not wait for the pipe; else
/// decoded into the <see cref="TextWriter"/> (tests).
/// </summary>
internal sealed class JsonSink : IDisposable
{
    /// <summary>
    /// The bytes passed on at once: a check of a million households writes 6.6 GB, and into a pipe 256 KiB writes cost
    /// about 0.9 s less system time than 64 KiB ones (fewer calls and wake-ups of the reader; 2026-12-02, A/B in three
    /// rounds into <c>wc -c</c>: 10.3 against 11.7 s wall); 1 MiB, the whole pipe, was slower again.
    /// </summary>
    internal const int ChunkBytes = 1 << 18;
    private readonly ChunkBuffer _buffer = new(ChunkBytes * 2);
    private readonly TextWriter _text;
    private readonly ChunkWriter? _stream;
    private bool _finished;

    public JsonSink(TextWriter target, bool indented)
    {
        _text = target;
        if (target is StreamWriter sw)
        {
            sw.Flush();
            _stream = new ChunkWriter(sw.BaseStream);
        }

        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Ends one NDJSON line.</summary>
    public void EndLine()
    {
        Writer.Flush();
        _buffer.Write("\n"u8);
        Writer.Reset(_buffer);
        if (_buffer.WrittenCount >= ChunkBytes)
        {
            Drain();
        }
    }

    /// <summary>Passes the text on once a chunk is full; call between values.</summary>
    public void FlushIfLarge()
    {
        if (Writer.BytesPending + _buffer.WrittenCount >= ChunkBytes)
        {
            Drain();
        }
    }

    /// <summary>Writes the rest (and a final newline), and waits until it is written.</summary>
    public void Finish(bool newline)
    {
        Writer.Flush();
        if (newline)
        {
            _buffer.Write("\n"u8);
        }

        Drain();
        _finished = true;
        _stream?.Complete();
    }

    public void Dispose()
    {
        if (!_finished)
        {
            // An exception left the document open: pass on what was written, never a silent truncation of it.
            try
            {
                Drain();
            }
            finally
            {
                _stream?.Complete();
            }
        }

        Writer.Dispose();
    }

    private void Drain()
    {
        Writer.Flush();
        if (_stream is not null)
        {
            if (_buffer.WrittenCount > 0)
            {
                _stream.Write(_buffer.Take(_stream.Spare()));
            }
        }
        else
        {
            _text.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            _buffer.Clear();
        }
    }

    /// <summary>
    /// The buffer the JSON is written into: a byte array that can be handed over whole once full (to be written by
    /// another thread) and replaced by a spare one, without copying and without the JSON writer noticing.
    /// </summary>
    private sealed class ChunkBuffer(int capacity) : IBufferWriter<byte>
    {
        private byte[] _array = new byte[capacity];

        public int WrittenCount { get; private set; }

        public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, WrittenCount);

        public void Advance(int count) => WrittenCount += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            // Reserve first: it may replace the array.
            var start = Reserve(sizeHint);
            return _array.AsMemory(start);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            var start = Reserve(sizeHint);
            return _array.AsSpan(start);
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(GetSpan(bytes.Length));
            Advance(bytes.Length);
        }

        public void Clear() => WrittenCount = 0;

        /// <summary>The written bytes, whole; <paramref name="spare"/> (or a new array) takes their place.</summary>
        public ArraySegment<byte> Take(byte[]? spare)
        {
            var written = new ArraySegment<byte>(_array, 0, WrittenCount);
            _array = spare ?? new byte[_array.Length];
            WrittenCount = 0;
            return written;
        }

        private int Reserve(int sizeHint)
        {
            var needed = WrittenCount + Math.Max(sizeHint, 1);
            if (needed > _array.Length)
            {
                Array.Resize(ref _array, Math.Max(_array.Length * 2, needed));
            }

            return WrittenCount;
        }
    }
}

/// <summary>
/// Writes chunks to a stream on a thread of its own, in the order they were given, at most <see cref="InFlight"/> at a
/// time (so memory stays bounded when the reader of a pipe is slow); written arrays come back as spares. A failure to
/// write (e.g. the reader closed the pipe) stops the writing and is rethrown, with its stack, by the next call.
/// </summary>
internal sealed class ChunkWriter
{
    private const int InFlight = 4;
    private readonly Stream _stream;
    private readonly BlockingCollection<ArraySegment<byte>> _chunks = new(InFlight);
    private readonly ConcurrentBag<byte[]> _spares = [];
    private readonly Thread _thread;
    private volatile ExceptionDispatchInfo? _failure;
    private bool _completed;

    public ChunkWriter(Stream stream)
    {
        _stream = stream;
        _thread = new Thread(Run) { IsBackground = true, Name = "rentalrules output" };
        _thread.Start();
    }

    /// <summary>An array written before, to be filled again, or null.</summary>
    public byte[]? Spare() => _spares.TryTake(out var spare) ? spare : null;

    /// <summary>Queues a chunk; waits while <see cref="InFlight"/> chunks are queued.</summary>
    public void Write(ArraySegment<byte> chunk)
    {
        _failure?.Throw();
        _chunks.Add(chunk);
    }

    /// <summary>Waits until every chunk is written and the stream flushed; rethrows a failure to write.</summary>
    public void Complete()
    {
        if (!_completed)
        {
            _completed = true;
            _chunks.CompleteAdding();
            _thread.Join();
            _chunks.Dispose();
        }

        _failure?.Throw();
    }

    private void Run()
    {
        try
        {
            foreach (var chunk in _chunks.GetConsumingEnumerable())
            {
                _stream.Write(chunk);
                _spares.Add(chunk.Array!);
            }

            _stream.Flush();
        }
        catch (Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);

            // Take what is still queued, so that the producer is never left waiting for room.
            foreach (var _ in _chunks.GetConsumingEnumerable())
            {
            }
        }
    }
}

/// <summary>Counts invalid items of a streamed input and prints their errors (the first 100 lines, then a count).</summary>
internal sealed class InputErrors(TextWriter stderr)
{
    private const int MaxPrinted = 100;
    private int _printed;
    private int _suppressed;

    /// <summary>The number of invalid items.</summary>
    public int Items { get; private set; }

    /// <summary>The first error of the first invalid item.</summary>
    public Diagnostic? First { get; private set; }

    public void Add(IReadOnlyList<Diagnostic> diagnostics)
    {
        Items++;
        foreach (var d in diagnostics)
        {
            if (d.Severity != Severity.Error)
            {
                continue;
            }

            First ??= d;
            if (_printed < MaxPrinted)
            {
                stderr.WriteLine(d.ToString());
                _printed++;
            }
            else
            {
                _suppressed++;
            }
        }
    }

    /// <summary>Says how many errors were not printed, if any.</summary>
    public void Finish()
    {
        if (_suppressed > 0)
        {
            stderr.WriteLine($"rentalrules: {_suppressed} more error(s) not shown ({Items} invalid item(s) in all).");
        }
    }
}

/// <summary>
/// A progress line on stderr ("12 000 households…"), only when stderr is a terminal and the run has taken more than a
/// second; cleared at the end.
/// </summary>
internal sealed class Progress(TextWriter stderr, string what)
{
    private readonly bool _enabled = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastShown = -1;
    private bool _shown;

    public void Tick(int count)
    {
        if (!_enabled || (count & 1023) != 0)
        {
            return;
        }

        var ms = _clock.ElapsedMilliseconds;
        if (ms < 1000 || ms - _lastShown < 250)
        {
            return;
        }

        _lastShown = ms;
        _shown = true;
        stderr.Write($"\r{count:N0} {what}…");
        stderr.Flush();
    }

    public void Done()
    {
        if (_shown)
        {
            stderr.Write("\r\u001b[K");
            stderr.Flush();
        }
    }
}
