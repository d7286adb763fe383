using System.CommandLine;
using RentalRules.Explanations;
using RentalRules.Facts;

namespace RentalRules.Cli;

/// <summary><c>place --pack P --departments FILE [--on DATE]</c>: the tier of each department and why.</summary>
internal static class PlaceCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var pack = CommonOptions.Pack();
        var departments = new Option<string>("--departments") { Description = "A department (JSON object) or an array of them.", Required = true };
        var on = CommonOptions.On();
        var json = CommonOptions.Json();
        var lang = CommonOptions.Language();
        var command = new Command("place", "Place departments in the pack's tiers, with the rule and clause behind each.") { pack, departments, on, json, lang };
        command.SetAction(parse =>
        {
            var date = CliApp.ParseDate(parse.GetValue(on));
            var language = parse.GetValue(lang)!;
            CommonOptions.CheckLanguage(language);
            var loaded = CommonOptions.LoadPack(parse.GetValue(pack)!, stderr);
            var path = parse.GetValue(departments)!;
            var text = CommonOptions.ReadInput(path, stderr);
            if (loaded is null || text is null)
            {
                return ExitCodes.InvalidInput;
            }

            var facts = FactReader.ReadDepartments(text, path);
            if (facts.Value is null)
            {
                CommonOptions.PrintErrors(facts.Diagnostics, stderr);
                return ExitCodes.InvalidInput;
            }

            var placements = facts.Value.Items.Select(d => loaded.Place(d, date)).ToList();
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(stdout, output =>
                {
                    var w = output.Writer;
                    w.WriteStartObject();
                    w.WriteString("pack", loaded.Id);
                    w.WriteString("version", loaded.Version);
                    w.WriteString("on", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteStartArray("placements");
                    foreach (var p in placements)
                    {
                        ResultJson.WritePlacement(w, p);
                        output.FlushIfLarge();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else
            {
                stdout.WriteLine($"{loaded.Title}");
                stdout.WriteLine($"{loaded.Id} {loaded.Version}, {(language == "da" ? "pr." : "on")} {date:yyyy-MM-dd}");
                stdout.WriteLine();
                stdout.Write(ResultText.Placements(placements, language));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
