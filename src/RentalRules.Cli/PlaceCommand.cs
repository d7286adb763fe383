using System.CommandLine;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;

namespace RentalRules.Cli;

/// <summary><c>place --pack P --departments FILE [--on DATE]</c>: the tier of each department and why.</summary>
internal static class PlaceCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var pack = CommonOptions.Pack();
        var departments = new Option<string>("--departments") { Description = "A department (JSON object) or an array of them; - reads standard input.", Required = true };
        var on = CommonOptions.On();
        var json = CommonOptions.JsonFormat();
        var formatOption = CommonOptions.ResultFormat();
        var lang = CommonOptions.Language();
        var command = new Command("place", "Place departments in the pack's tiers, with the rule and clause behind each.") { pack, departments, on, json, formatOption, lang };
        command.SetAction(parse =>
        {
            var date = CliApp.ParseDate(parse.GetValue(on));
            var language = parse.GetValue(lang)!;
            CommonOptions.CheckLanguage(language);
            var loaded = CommonOptions.LoadPack(parse.GetValue(pack)!, stderr);
            var path = parse.GetValue(departments)!;
            var format = CommonOptions.GetFormat(parse, json, formatOption);
            if (loaded is null)
            {
                return ExitCodes.InvalidInput;
            }

            using var input = CommonOptions.OpenInput(path, stderr);
            if (input is null)
            {
                return ExitCodes.InvalidInput;
            }

            // Departments stream through, a bounded number at a time: read here, placed and rendered (compact JSON) on
            // the other cores, written here in the file's order, dropped; or kept for the table (text).
            using var facts = FactStream.Departments(input, CommonOptions.DisplayName(path));
            var table = format == OutputFormat.Text ? new List<PlacementResult>() : null;
            using var output = new ResultStream<Rendered<PlacementResult>>(
                stdout,
                format,
                w =>
                {
                    w.WriteString("pack", loaded.Id);
                    w.WriteString("version", loaded.Version);
                    w.WriteString("on", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                },
                "placements",
                static (w, p) => p.WriteJson(w),
                (_, p) => table!.Add(p.Result!),
                envelopeAlways: true);
            var errors = new InputErrors(stderr);
            var progress = new Progress(stderr, language == "da" ? "afdelinger" : "departments");
            var added = 0;
            var pipeline = new OrderedPipeline<Numbered<Department>, Rendered<PlacementResult>>(
                item => Rendered<PlacementResult>.Of(loaded.Place(new PlacementRequest(item.Item, date)), item.Index, format, ResultJson.WritePlacement, CompactPlacementJson.Write),
                p =>
                {
                    output.Add(p);
                    progress.Tick(output.Count);
                },
                Environment.ProcessorCount,
                chunkSize: 128);
            while (facts.Read() is { } item)
            {
                if (item.Value is null)
                {
                    // Nothing after the first invalid department is placed, but the rest is read for its errors; the
                    // departments before it are all placed and written.
                    pipeline.Drain();
                    errors.Add(item.Diagnostics);
                }
                else if (errors.Items == 0)
                {
                    pipeline.Add(new Numbered<Department>(added++, item.Value));
                }
            }

            pipeline.Drain();
            progress.Done();
            errors.Finish();
            if (errors.First is { } first)
            {
                output.Fail(new Incomplete(output.Count, errors.Items, first));
                return ExitCodes.InvalidInput;
            }

            output.Complete();
            if (table is not null)
            {
                stdout.WriteLine($"{loaded.Title}");
                stdout.WriteLine($"{loaded.Id} {loaded.Version}, {(language == "da" ? "pr." : "on")} {date:yyyy-MM-dd}");
                stdout.WriteLine();
                stdout.Write(ResultText.Placements(table, CommonOptions.ToLanguage(language)));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
