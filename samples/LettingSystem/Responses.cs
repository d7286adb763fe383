using System.Buffers;
using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Packs;

namespace LettingSystem;

/// <summary>Writes the service's JSON answers with the library's camelCase result writers.</summary>
internal static class Responses
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>200 with <c>{ "pack": { "id", "version" }, …body }</c>.</summary>
    public static IResult Ok(RulePack pack, Action<Utf8JsonWriter> body)
        => Json(StatusCodes.Status200OK, "application/json", w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("pack");
            w.WriteString("id", pack.Id);
            w.WriteString("version", pack.Version);
            w.WriteEndObject();
            body(w);
            w.WriteEndObject();
        });

    /// <summary>400 with every diagnostic: code, message, JSON path, line and column in the body, and a hint.</summary>
    public static IResult Invalid(IEnumerable<Diagnostic> diagnostics)
        => Json(StatusCodes.Status400BadRequest, "application/problem+json", w =>
        {
            w.WriteStartObject();
            w.WriteString("title", "The request is invalid.");
            w.WriteNumber("status", StatusCodes.Status400BadRequest);
            w.WriteStartArray("diagnostics");
            foreach (var d in diagnostics.Where(d => d.Severity == Severity.Error))
            {
                w.WriteStartObject();
                w.WriteString("severity", "error");
                w.WriteString("code", d.Code);
                w.WriteString("message", d.Message);
                w.WriteString("path", d.Location.JsonPath);
                w.WriteNumber("line", d.Location.Line);
                w.WriteNumber("column", d.Location.Column);
                w.WriteString("hint", d.Hint);
                w.WriteString("text", d.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    /// <summary>A problem document with a status and a title.</summary>
    public static IResult Problem(int status, string title)
        => Json(status, "application/problem+json", w =>
        {
            w.WriteStartObject();
            w.WriteString("title", title);
            w.WriteNumber("status", status);
            w.WriteEndObject();
        });

    /// <summary>Writes a problem document straight to a response (for the exception handler).</summary>
    public static Task Problem(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        return Problem(status, title).ExecuteAsync(context);
    }

    /// <summary>A JSON document with a status, written by <paramref name="write"/>.</summary>
    public static IResult Json(int status, string contentType, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            write(w);
        }

        return Results.Text(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), contentType, System.Text.Encoding.UTF8, status);
    }
}
