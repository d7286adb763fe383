using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RentalRules.Explanations;

/// <summary>
/// A growing buffer of compact JSON as UTF-8, written by hand: the same bytes a compact <see cref="Utf8JsonWriter"/>
/// with <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> writes, without its per-call state checks. The caller
/// writes the structure (braces, commas, property names as UTF-8 literals); a string goes in quoted and, when any of its
/// characters is one the encoder escapes, through a real writer, so that escaping is always the encoder's own. Not
/// thread-safe: one per thread.
/// </summary>
internal sealed class CompactJsonBuffer
{
    /// <summary>Per UTF-16 code unit: whether the relaxed encoder escapes it (surrogates count as escaped: a pair goes the slow way).</summary>
    private static readonly bool[] Escaped = BuildEscaped();

    /// <summary>The ASCII characters written as they are, for a vectorized scan.</summary>
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(PlainAsciiChars());

    private readonly ArrayBufferWriter<byte> _slow = new(256);
    private readonly Utf8JsonWriter _slowWriter;
    private byte[] _buffer;
    private int _length;

    /// <param name="capacity">The starting size in bytes.</param>
    public CompactJsonBuffer(int capacity = 1 << 14)
    {
        _buffer = new byte[capacity];
        _slowWriter = new Utf8JsonWriter(_slow, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    /// <summary>This thread's buffer for <see cref="Pooled{T}"/>.</summary>
    [ThreadStatic]
    private static CompactJsonBuffer? t_buffer;

    /// <summary>
    /// The arrays <see cref="Pooled{T}"/> hands out. Not <see cref="ArrayPool{T}.Shared"/>: the CLI rents on the worker
    /// threads and gives back on the writing one, with a hundred or more results in flight, more than the shared pool
    /// keeps per core, so most of its rentals were new arrays (a few kilobytes of garbage per result). This one keeps
    /// up to <see cref="PooledPerSize"/> arrays of each size, whichever thread gives them back.
    /// </summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(1 << 20, PooledPerSize);

    /// <summary>The arrays of one size <see cref="Pool"/> keeps: more than the CLI's pipelines have results in flight.</summary>
    private const int PooledPerSize = 1024;

    /// <summary>
    /// Writes <paramref name="value"/> with <paramref name="write"/> into a buffer of this thread's own and returns the
    /// bytes in a pooled array (to be given back with <see cref="Return"/> once written), with their length.
    /// </summary>
    public static (byte[] Json, int Length) Pooled<T>(Action<CompactJsonBuffer, T> write, T value)
    {
        var b = t_buffer ??= new CompactJsonBuffer();
        b.Clear();
        write(b, value);
        var json = Pool.Rent(b._length);
        b.Written.CopyTo(json);
        return (json, b._length);
    }

    /// <summary>Gives back an array <see cref="Pooled{T}"/> handed out, once its bytes are written.</summary>
    public static void Return(byte[] json) => Pool.Return(json);

    /// <summary>The bytes written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Empties the buffer (its storage is kept).</summary>
    public void Clear() => _length = 0;

    /// <summary>Writes bytes as they are (structure, names, pre-encoded values).</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Room(bytes.Length));
        _length += bytes.Length;
    }

    /// <summary>Writes one byte of structure.</summary>
    public void Raw(byte b)
    {
        Room(1)[0] = b;
        _length++;
    }

    /// <summary>Writes a string value (quoted and escaped as the relaxed encoder does), or <c>null</c>.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Raw("null"u8);
            return;
        }

        var chars = value.AsSpan();
        if (!IsPlain(chars))
        {
            Slow(value);
            return;
        }

        var room = Room(Encoding.UTF8.GetMaxByteCount(chars.Length) + 2);
        room[0] = (byte)'"';
        var n = Encoding.UTF8.GetBytes(chars, room[1..]);
        room[n + 1] = (byte)'"';
        _length += n + 2;
    }

    /// <summary>Writes a whole number.</summary>
    public void Number(int value)
    {
        Utf8Formatter.TryFormat(value, Room(11), out var n);
        _length += n;
    }

    /// <summary>Writes a whole number.</summary>
    public void Number(long value)
    {
        Utf8Formatter.TryFormat(value, Room(20), out var n);
        _length += n;
    }

    /// <summary>Writes a decimal number as <see cref="Utf8JsonWriter.WriteNumberValue(decimal)"/> does.</summary>
    public void Number(decimal value)
    {
        Utf8Formatter.TryFormat(value, Room(64), out var n);
        _length += n;
    }

    /// <summary>Writes a date as a quoted <c>yyyy-MM-dd</c> string.</summary>
    public void Date(DateOnly value)
    {
        // By hand: every member of every criterion has a birth date, and the format string's parser cost more than the
        // rest of the member's JSON.
        var (year, month, day) = value;
        var room = Room(12);
        room[0] = (byte)'"';
        room[1] = (byte)('0' + (year / 1000));
        room[2] = (byte)('0' + (year / 100 % 10));
        room[3] = (byte)('0' + (year / 10 % 10));
        room[4] = (byte)('0' + (year % 10));
        room[5] = (byte)'-';
        room[6] = (byte)('0' + (month / 10));
        room[7] = (byte)('0' + (month % 10));
        room[8] = (byte)'-';
        room[9] = (byte)('0' + (day / 10));
        room[10] = (byte)('0' + (day % 10));
        room[11] = (byte)'"';
        _length += 12;
    }

    /// <summary>Whether every character of <paramref name="chars"/> is written as it is (only UTF-8 encoded).</summary>
    internal static bool IsPlain(ReadOnlySpan<char> chars)
    {
        var i = chars.IndexOfAnyExcept(PlainAscii);
        while (i >= 0)
        {
            if (Escaped[chars[i]])
            {
                return false;
            }

            var next = chars[(i + 1)..].IndexOfAnyExcept(PlainAscii);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return true;
    }

    /// <summary>A string with a character to escape: written by a real writer, so that the escapes are exactly its own.</summary>
    private void Slow(string value)
    {
        _slow.ResetWrittenCount();
        _slowWriter.Reset(_slow);
        _slowWriter.WriteStringValue(value);
        _slowWriter.Flush();
        Raw(_slow.WrittenSpan);
    }

    private Span<byte> Room(int size)
    {
        if (_buffer.Length - _length < size)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + size));
        }

        return _buffer.AsSpan(_length);
    }

    private static bool[] BuildEscaped()
    {
        var escaped = new bool[char.MaxValue + 1];
        var encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        for (var c = 0; c <= char.MaxValue; c++)
        {
            escaped[c] = c < 0x20 || c == '"' || c == '\\' || char.IsSurrogate((char)c) || encoder.WillEncode(c);
        }

        return escaped;
    }

    private static string PlainAsciiChars()
    {
        var plain = new StringBuilder(96);
        for (var c = (char)0x20; c < 0x80; c++)
        {
            if (!Escaped[c])
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }
}
