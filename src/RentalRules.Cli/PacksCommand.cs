using System.CommandLine;
using System.Globalization;
using RentalRules.Packs;

namespace RentalRules.Cli;

/// <summary><c>packs</c>: the built-in packs, by id, with title, status and validity.</summary>
internal static class PacksCommand
{
    public static Command Create(TextWriter stdout)
    {
        var json = CommonOptions.Json();
        var command = new Command("packs", "List the built-in packs (id, version, status, validity, title): any --pack, --base, --draft or extends may name them by id.") { json };
        command.SetAction(parse =>
        {
            var packs = RulePackLoader.BuiltInPacks;
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(stdout, output =>
                {
                    var w = output.Writer;
                    w.WriteStartObject();
                    w.WriteStartArray("packs");
                    foreach (var p in packs)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", p.Id);
                        w.WriteString("version", p.Version);
                        w.WriteString("title", p.Title);
                        w.WriteString("status", p.Status);
                        w.WriteString("municipality", p.Municipality);
                        w.WriteString("validFrom", Date(p.ValidFrom));
                        w.WriteString("validTo", Date(p.ValidTo));
                        w.WriteStartArray("extends");
                        foreach (var e in p.Extends)
                        {
                            w.WriteStringValue(e);
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            var idWidth = packs.Max(p => p.Id.Length);
            var statusWidth = Math.Max("status".Length, packs.Max(p => p.Status.Length));
            const int ValidityWidth = 23;
            stdout.WriteLine($"{"id".PadRight(idWidth)}  {"version",-7}  {"status".PadRight(statusWidth)}  {"valid",-ValidityWidth}  title");
            foreach (var p in packs)
            {
                var validity = p.ValidFrom is null && p.ValidTo is null ? "open" : $"{Date(p.ValidFrom) ?? "…"} – {Date(p.ValidTo) ?? "…"}";
                stdout.WriteLine($"{p.Id.PadRight(idWidth)}  {p.Version,-7}  {p.Status.PadRight(statusWidth)}  {validity,-ValidityWidth}  {p.Title}");
            }

            stdout.WriteLine();
            stdout.WriteLine("Use an id wherever a pack is asked for (--pack holbaek-2024) and in a draft's \"extends\". A file ID.json beside the pack, or in a rules/ folder above it, takes precedence.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
