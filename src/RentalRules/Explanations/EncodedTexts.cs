using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RentalRules.Explanations;

/// <summary>
/// The compact JSON of a <see cref="LocalizedText"/> (<c>{"da":"…","en":"…"}</c>), encoded once per text object. A
/// rule's titles, documents and most explanations are the same objects in every result, so a run of a million
/// results encodes each of them once instead of transcoding and escaping their UTF-16 text a million times. Used only
/// where the writer would produce exactly these bytes: compact output with the relaxed encoder (what the CLI and
/// <see cref="ResultJson"/> write). Thread-safe; an entry lives as long as its text.
/// </summary>
internal static class EncodedTexts
{
    private static readonly ConditionalWeakTable<LocalizedText, byte[]> Cache = new();
    private static readonly ConditionalWeakTable<LocalizedText, byte[]>.CreateValueCallback Encode = EncodeText;

    /// <summary>Whether <paramref name="w"/> writes a text exactly as it is cached.</summary>
    public static bool Fits(Utf8JsonWriter w) => !w.Options.Indented && ReferenceEquals(w.Options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    /// <summary>Writes <paramref name="text"/> as a value from the cache.</summary>
    public static void Write(Utf8JsonWriter w, LocalizedText text) => w.WriteRawValue(Cache.GetValue(text, Encode), skipInputValidation: true);

    /// <summary>The compact JSON of <paramref name="text"/> when it is cached already (a text made for one result is not).</summary>
    public static bool TryOf(LocalizedText text, out byte[] json) => Cache.TryGetValue(text, out json!);

    /// <summary>The cached compact JSON of <paramref name="text"/>.</summary>
    public static ReadOnlySpan<byte> Of(LocalizedText text) => Cache.GetValue(text, Encode);

    private static byte[] EncodeText(LocalizedText text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(text.Da.Length + text.En.Length + 32);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("da", text.Da);
            w.WriteString("en", text.En);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
