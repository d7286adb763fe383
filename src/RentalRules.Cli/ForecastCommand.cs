using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RentalRules.Analysis;
using RentalRules.Explanations;
using RentalRules.Facts;

namespace RentalRules.Cli;

/// <summary>
/// <c>forecast --pack P --portfolio FILE [--years N] [--on DATE]</c>: per department its tier and expected vacancies,
/// municipal allocations, flexible and waiting-list lettings per year (dwellings × turnover rate), with totals per tier,
/// per organisation and overall, per year and for N years.
/// </summary>
internal static class ForecastCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var pack = CommonOptions.Pack();
        var portfolio = CommonOptions.Portfolio();
        var years = new Option<int>("--years")
        {
            Description = "How many years the totals cover (at least 1).",
            DefaultValueFactory = _ => 1,
        };
        var on = CommonOptions.On();
        var json = CommonOptions.Json();
        var lang = CommonOptions.Language();
        var command = new Command("forecast", "Forecast a pack over a portfolio: expected vacancies, municipal allocations, flexible and waiting-list lettings per year.")
        {
            pack, portfolio, years, on, json, lang,
        };
        command.SetAction(parse =>
        {
            var date = CliApp.ParseDate(parse.GetValue(on));
            var language = parse.GetValue(lang)!;
            CommonOptions.CheckLanguage(language);
            var n = parse.GetValue(years);
            if (n < 1)
            {
                throw new CliUsageException($"--years must be a whole number of at least 1, not {n.ToString(CultureInfo.InvariantCulture)}.");
            }

            var loaded = CommonOptions.LoadPack(parse.GetValue(pack)!, stderr);
            var departments = CommonOptions.ReadPortfolio(parse.GetValue(portfolio)!, stderr);
            if (loaded is null || departments is null)
            {
                return ExitCodes.InvalidInput;
            }

            var forecast = Forecaster.Run(loaded, departments, date, n);
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(stdout, output => ForecastReport.Json(output.Writer, forecast, loaded.Version, output.FlushIfLarge));
            }
            else
            {
                stdout.WriteLine(loaded.Title);
                stdout.WriteLine($"{loaded.Id} {loaded.Version}, {(language == "da" ? "pr." : "on")} {date:yyyy-MM-dd}");
                stdout.WriteLine();
                stdout.Write(ForecastReport.Text(forecast, departments, CommonOptions.ToLanguage(language)));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
