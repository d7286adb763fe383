using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RentalRules.Diagnostics;
using RentalRules.Packs;

namespace RentalRules.Cli;

/// <summary><c>new-draft --from P --id ID --out FILE [--title T] [--force]</c>: a draft extending P that validates at once.</summary>
internal static class NewDraftCommand
{
    private const string SchemaUrl = "https://raw.githubusercontent.com/rentalrules/rentalrules/main/rules/schema/rentalrules-pack.schema.json";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var from = new Option<string>("--from") { Description = CommonOptions.PackDescription("The pack the draft extends"), Required = true };
        var id = new Option<string>("--id") { Description = "The draft's id (letters, digits, '-', '_' and '.'), e.g. holbaek-2024-green-35.", Required = true };
        var output = new Option<string>("--out") { Description = "The draft's file, e.g. my-draft.json (ID.json lets other commands find it by id).", Required = true };
        var title = new Option<string?>("--title") { Description = "The draft's title (default: 'Udkast: ' and the base's title)." };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists." };
        var command = new Command("new-draft", "Write a draft that extends a pack (with $schema, metadata and notes) and check that it validates: then state only what the draft changes.")
        {
            from, id, output, title, force,
        };
        command.SetAction(parse =>
        {
            var draftId = parse.GetValue(id)!;
            if (draftId.Length == 0 || !char.IsAsciiLetterOrDigit(draftId[0]) || !draftId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || draftId.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliUsageException($"--id must be letters, digits, '-', '_' and '.', starting with a letter or digit (e.g. holbaek-2024-green-35), not '{draftId}'.");
            }

            var file = parse.GetValue(output)!;
            if (File.Exists(file) && !parse.GetValue(force))
            {
                stderr.WriteLine(Descriptors.OutputExists.At(new SourceLocation(file, "$", 1, 1)));
                return ExitCodes.InvalidInput;
            }

            var loaded = CommonOptions.LoadPack(parse.GetValue(from)!, stderr);
            if (loaded is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (loaded.Id == draftId)
            {
                throw new CliUsageException($"The draft needs an id of its own, not the base's '{draftId}'.");
            }

            var text = Draft(loaded, draftId, parse.GetValue(title), SchemaFor(file));
            var existed = File.Exists(file);
            var previous = existed ? File.ReadAllBytes(file) : null;
            if (!CommonOptions.WriteAtomically(file, text, "draft", stderr))
            {
                return ExitCodes.InvalidInput;
            }

            var check = RulePackLoader.Load(file);
            if (!check.Success)
            {
                CommonOptions.PrintErrors(check.Diagnostics, stderr);
                stderr.WriteLine($"rentalrules: the draft does not validate where it was written (is '{loaded.Id}' a built-in pack, or beside it or in a rules/ folder above it?); it was not kept.");
                if (previous is null)
                {
                    File.Delete(file);
                }
                else
                {
                    File.WriteAllBytes(file, previous);
                }

                return ExitCodes.InvalidInput;
            }

            stdout.WriteLine($"{file}: draft '{draftId}' extends {loaded.Id} {loaded.Version} and validates. Next: state what it changes, test it (rentalrules test {file}), document it (rentalrules doc {file}), compare it (rentalrules compare --base {loaded.Id} --draft {file} --portfolio …).");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The schema path for an editor: relative to a <c>rules/schema</c> folder beside or above the draft, else the schema's URL.</summary>
    private static string SchemaFor(string file)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        for (var d = dir; d is not null; d = Path.GetDirectoryName(d))
        {
            foreach (var candidate in new[] { Path.Combine(d, "schema", "rentalrules-pack.schema.json"), Path.Combine(d, "rules", "schema", "rentalrules-pack.schema.json") })
            {
                if (File.Exists(candidate))
                {
                    return Path.GetRelativePath(dir!, candidate).Replace('\\', '/');
                }
            }
        }

        return SchemaUrl;
    }

    private static string Draft(RulePack basePack, string id, string? title, string schema)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", schema);
            w.WriteString("id", id);
            w.WriteString("version", "0.1.0");
            w.WriteString("title", title ?? "Udkast: " + basePack.Title);
            if (basePack.Municipality is not null)
            {
                w.WriteString("municipality", basePack.Municipality);
            }

            w.WriteString("status", "draft");
            w.WriteStartArray("extends");
            w.WriteStringValue(basePack.Id);
            w.WriteEndArray();
            w.WriteStartArray("notes");
            w.WriteStringValue($"DRAFT extending {basePack.Id} {basePack.Version}: it states only what differs from it; everything else is the base's (docs/pack-format.md, Composition).");
            w.WriteStringValue("What this draft changes and why: (write it here, one note per change, citing the clause).");
            w.WriteEndArray();
            w.WriteStartObject("parameters");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
