using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;

namespace RentalRules.Cli;

/// <summary>Parses the command line and runs a command. Never lets an exception's stack trace reach the user.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdin = null)
    {
        CommonOptions.Stdin.Value = new StdinSource(stdin);
        // Named "rentalrules" whatever the executable is called (RootCommand takes the name of the running file, which for
        // the installed tool is RentalRules.Cli), so the help's usage lines say what the user types.
        var root = new Command("rentalrules", "rentalrules: Danish social-housing letting agreements as rule packs. Validate packs, place departments, check households, route vacancies, list offers, forecast and compare drafts, report on the decision journal.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(ValidateCommand.Create(stdout, stderr));
        root.Subcommands.Add(PlaceCommand.Create(stdout, stderr));
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr));
        root.Subcommands.Add(RouteCommand.Create(stdout, stderr));
        root.Subcommands.Add(OfferCommand.Create(stdout, stderr));
        root.Subcommands.Add(ForecastCommand.Create(stdout, stderr));
        root.Subcommands.Add(CompareCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReportCommand.Create(stdout, stderr));
        root.Subcommands.Add(PacksCommand.Create(stdout));
        root.Subcommands.Add(TestCommand.Create(stdout));
        root.Subcommands.Add(DocCommand.Create(stdout, stderr));
        root.Subcommands.Add(NewDraftCommand.Create(stdout, stderr));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine("rentalrules: " + e.Message);
            }

            stderr.WriteLine("Run 'rentalrules --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException ex)
        {
            stderr.WriteLine("rentalrules: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The exception's message may quote input (a household's values): name only its type.
            stderr.WriteLine($"rentalrules: internal error ({ex.GetType().Name}); this is a bug in rentalrules, please report it with the command you ran (no personal data).");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The date of <c>--on</c> (checked by the option), or today.</summary>
    public static DateOnly ParseDate(string? text)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date);
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CliUsageException($"--on must be a date yyyy-MM-dd, not '{text}'.");
        }

        return date;
    }
}

/// <summary>Standard input for an input named <c>-</c>: read at most once per run.</summary>
internal sealed class StdinSource(Stream? stream)
{
    public bool Used { get; set; }

    public Stream Open() => stream ?? Console.OpenStandardInput();
}

/// <summary>A usage error found after parsing (exit code 2).</summary>
internal sealed class CliUsageException(string message) : Exception(message);
