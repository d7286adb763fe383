using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Hosting.Packs;

namespace LettingSystem;

/// <summary>
/// <c>GET /health</c>: whether the service can answer, and every pack file it cannot serve as it is, with its
/// diagnostics (code, message, file, JSON path, line, column, hint). <c>healthy</c> (200): every file is served as it
/// is. <c>degraded</c> (200): some file is invalid — never loaded, or its last valid version still serves
/// (<c>stale</c>) — and the other packs answer; an instance is not taken out of a load balancer for it, since every
/// instance reads the same folder and would go with it. <c>unhealthy</c> (503): no pack is served at all.
/// </summary>
internal static class Health
{
    public static IResult Answer(IRulePackProvider packs)
    {
        var set = packs.Current;
        var served = set.Packs.Count(p => p.Pack is not null);
        var (status, code) = served == 0 ? ("unhealthy", StatusCodes.Status503ServiceUnavailable)
            : set.Invalid.Count > 0 ? ("degraded", StatusCodes.Status200OK)
            : ("healthy", StatusCodes.Status200OK);
        return Responses.Json(code, "application/json", w =>
        {
            w.WriteStartObject();
            w.WriteString("status", status);
            w.WriteNumber("generation", set.Generation);
            w.WriteString("loadedAt", set.LoadedAt);
            w.WriteNumber("served", served);
            w.WriteStartArray("invalid");
            foreach (var file in set.Invalid)
            {
                Write(w, file);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Write(Utf8JsonWriter w, LoadedPack file)
    {
        w.WriteStartObject();
        w.WriteString("file", file.File);
        w.WriteBoolean("stale", file.Stale);
        if (file.Pack is { } kept)
        {
            // The version still in service instead of the file's invalid content.
            w.WriteStartObject("serving");
            w.WriteString("id", kept.Id);
            w.WriteString("version", kept.Version);
            if (file.LoadedAt is { } at)
            {
                w.WriteString("loadedAt", at);
            }

            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("serving");
        }

        w.WriteStartArray("diagnostics");
        foreach (var d in file.Diagnostics.Where(d => d.Severity == Severity.Error))
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("message", d.Message);
            w.WriteString("file", d.Location.File);
            w.WriteString("path", d.Location.JsonPath);
            w.WriteNumber("line", d.Location.Line);
            w.WriteNumber("column", d.Location.Column);
            w.WriteString("hint", d.Hint);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
