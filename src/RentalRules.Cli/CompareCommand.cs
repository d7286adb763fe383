using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RentalRules.Analysis;
using RentalRules.Explanations;
using RentalRules.Facts;

namespace RentalRules.Cli;

/// <summary>
/// <c>compare --base P --draft P --portfolio FILE [--households FILE] [--format md|html|json] [--out FILE] [--on DATE]</c>:
/// what a draft changes, which departments change tier, the municipal allocations per year before and after, and with
/// households the applicants whose eligibility changes, each attributed to the draft's changes. The report goes to
/// stdout, or with <c>--out</c> to a file written atomically (temporary file, then rename).
/// </summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var basePack = new Option<string>("--base") { Description = CommonOptions.PackDescription("The base rule pack"), Required = true };
        var draftPack = new Option<string>("--draft") { Description = CommonOptions.PackDescription("The draft rule pack, usually extending the base"), Required = true };
        var portfolio = CommonOptions.Portfolio();
        var households = new Option<string?>("--households") { Description = "Households (a JSON object or array) to check against every department and route." };
        var format = CommonOptions.ReportFormat("one self-contained page");
        var outFile = CommonOptions.OutFile();
        var on = CommonOptions.On();
        var json = CommonOptions.Json();
        var lang = CommonOptions.Language();
        var command = new Command("compare", "Compare a draft with its base over a portfolio: rule changes, tier changes, municipal allocations per year and, with households, eligibility changes.")
        {
            basePack, draftPack, portfolio, households, format, outFile, on, json, lang,
        };
        command.SetAction(parse =>
        {
            var date = CliApp.ParseDate(parse.GetValue(on));
            var language = parse.GetValue(lang)!;
            CommonOptions.CheckLanguage(language);
            var chosen = parse.GetValue(format);
            if (parse.GetValue(json))
            {
                if (chosen is not null and not "json")
                {
                    throw new CliUsageException($"--json asks for JSON but --format asks for {chosen}; give one of them.");
                }

                chosen = "json";
            }

            chosen ??= "md";
            var loadedBase = CommonOptions.LoadPack(parse.GetValue(basePack)!, stderr);
            var loadedDraft = CommonOptions.LoadPack(parse.GetValue(draftPack)!, stderr);
            var departments = CommonOptions.ReadPortfolio(parse.GetValue(portfolio)!, stderr);
            IReadOnlyList<Household>? applicants = null;
            var householdPath = parse.GetValue(households);
            var householdsFailed = false;
            if (householdPath is not null)
            {
                var bytes = CommonOptions.ReadInput(householdPath, stderr);
                if (bytes is null)
                {
                    householdsFailed = true;
                }
                else
                {
                    var read = FactReader.ReadHouseholds(bytes, householdPath);
                    CommonOptions.PrintErrors(read.Diagnostics, stderr);
                    applicants = read.Value?.Items;
                    householdsFailed = applicants is null;
                }
            }

            if (loadedBase is null || loadedDraft is null || departments is null || householdsFailed)
            {
                return ExitCodes.InvalidInput;
            }

            var comparison = PackComparer.Run(loadedBase, loadedDraft, departments, applicants, date);
            var report = chosen switch
            {
                "html" => ComparisonReport.Html(comparison, CommonOptions.ToLanguage(language)),
                "json" => JsonText(comparison),
                _ => ComparisonReport.Markdown(comparison, CommonOptions.ToLanguage(language)),
            };

            var path = parse.GetValue(outFile);
            if (path is null)
            {
                stdout.Write(report);
                return ExitCodes.Success;
            }

            if (!CommonOptions.WriteAtomically(path, report, "report", stderr))
            {
                return ExitCodes.InvalidInput;
            }

            // A status line, not output: stdout stays empty when the report goes to a file.
            stderr.WriteLine(language == "da" ? $"Rapporten er skrevet til {path}." : $"The report was written to {path}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string JsonText(Comparison comparison)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ComparisonReport.Json(writer, comparison);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + Environment.NewLine;
    }
}
