using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RentalRules.Explanations;

namespace RentalRules.Tests.Infrastructure;

/// <summary>
/// What the tests of the hand-written compact JSON writers share: the JSON a real compact writer with the relaxed
/// encoder writes (the reference), the JSON a <see cref="CompactJsonBuffer"/> writer writes, and strings with every kind
/// of character the encoder treats differently.
/// </summary>
public static class CompactJson
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Strings of any characters, and strings built from the ones that escape, pair, or need no escaping.</summary>
    public static readonly Gen<string> Strings = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null),
        Gen.ListOf(Gen.Elements<string>("a", "HB-1", "æ", "ø", "Å", "\"", "\\", "\n", "\u0001", "\u007f", "\u00ad", "\u2028", "<", "&", "'", "≠", "€", "😀", "\ud800", "\udc00", "§", " ")).Select(parts => string.Concat(parts.Take(12))));

    /// <summary>What <paramref name="write"/> writes through a compact <see cref="Utf8JsonWriter"/> with the relaxed encoder.</summary>
    internal static string Writer(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Relaxed))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>What <paramref name="write"/> writes into a <see cref="CompactJsonBuffer"/> that starts small (so that it grows).</summary>
    internal static string Buffer(Action<CompactJsonBuffer> write, int capacity = 8)
    {
        var b = new CompactJsonBuffer(capacity);
        write(b);
        return Encoding.UTF8.GetString(b.Written);
    }
}
