using System.Globalization;
using System.Text;

namespace RentalRules.Json;

/// <summary>
/// Writes a <see cref="JNode"/> tree back to JSON text, canonically: two-space indentation, one property or item per
/// line, properties in their original order, numbers as their original text (so <c>0.30</c> stays <c>0.30</c>), strings
/// escaped minimally (quote, backslash and control characters; other characters are written as they are). Empty
/// objects and arrays are written as <c>{}</c> and <c>[]</c>; the text ends with a newline. Locations are not written.
/// <see cref="JsonText.Parse(string, string)"/> of the result gives back an equal tree, so packs round-trip. Stateless
/// and thread-safe.
/// </summary>
internal static class JNodeWriter
{
    private const string Indent = "  ";

    /// <summary>Writes a tree as indented JSON text.</summary>
    /// <param name="node">The root.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string Write(JNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        WriteValue(sb, node, 0);
        sb.Append('\n');
        return sb.ToString();
    }

    private static void WriteValue(StringBuilder sb, JNode node, int depth)
    {
        switch (node.Kind)
        {
            case JKind.Object:
                if (node.Properties.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }

                sb.Append('{');
                for (var i = 0; i < node.Properties.Count; i++)
                {
                    var p = node.Properties[i];
                    sb.Append(i == 0 ? "\n" : ",\n");
                    AppendIndent(sb, depth + 1);
                    WriteString(sb, p.Name);
                    sb.Append(": ");
                    WriteValue(sb, p.Value, depth + 1);
                }

                sb.Append('\n');
                AppendIndent(sb, depth);
                sb.Append('}');
                return;
            case JKind.Array:
                if (node.Items.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }

                sb.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    sb.Append(i == 0 ? "\n" : ",\n");
                    AppendIndent(sb, depth + 1);
                    WriteValue(sb, node.Items[i], depth + 1);
                }

                sb.Append('\n');
                AppendIndent(sb, depth);
                sb.Append(']');
                return;
            case JKind.String:
                WriteString(sb, node.Text ?? "");
                return;
            case JKind.Number:
                sb.Append(node.Text is { Length: > 0 } number ? number : throw new ArgumentException($"The number at {node.Path} has no text.", nameof(node)));
                return;
            case JKind.True:
                sb.Append("true");
                return;
            case JKind.False:
                sb.Append("false");
                return;
            default:
                sb.Append("null");
                return;
        }
    }

    private static void AppendIndent(StringBuilder sb, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            sb.Append(Indent);
        }
    }

    private static void WriteString(StringBuilder sb, string text)
    {
        sb.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (c < ' ' || char.IsSurrogate(c))
                    {
                        // Control characters must be escaped; a lone surrogate is escaped so that it is written
                        // faithfully instead of being replaced when the text is encoded as UTF-8.
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
