using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RentalRules.Analysis;
using RentalRules.Diagnostics;
using RentalRules.Explanations;
using RentalRules.Hosting.Journals;

namespace RentalRules.Cli;

/// <summary>
/// <c>report --pack P --journal FILE|--connection … [--from DATE] [--to DATE] [--portfolio FILE] [--format md|html|json]
/// [--out FILE]</c>: the follow-up figures of the decision journal, per year and in total, by legal basis, letting type,
/// department, organisation and tier; with a portfolio, against what <c>forecast</c> expected for the same period.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var pack = CommonOptions.Pack();
        var journal = new Option<string?>("--journal") { Description = "The decision journal: a journal file (route --journal) or a SQLite journal database." };
        var connection = new Option<string?>("--connection") { Description = "A PostgreSQL connection string: the journal in the database." };
        var from = new Option<string?>("--from") { Description = "The first evaluation date counted, yyyy-MM-dd (default: the first recorded)." };
        var to = new Option<string?>("--to") { Description = "The last evaluation date counted, yyyy-MM-dd (default: the last recorded)." };
        var portfolio = new Option<string?>("--portfolio") { Description = "The departments (JSON or CSV): adds what the forecast expected for the same period." };
        var format = CommonOptions.ReportFormat("one self-contained page with charts");
        var outFile = CommonOptions.OutFile();
        var json = CommonOptions.Json();
        var lang = CommonOptions.Language();
        var command = new Command("report", "Follow-up figures from the decision journal: municipal allocations by legal basis, lettings by letting type, per department, organisation and tier, per year and in total, and against the forecast.")
        {
            pack, journal, connection, from, to, portfolio, format, outFile, json, lang,
        };
        command.SetAction(parse =>
        {
            var journalPath = parse.GetValue(journal);
            var connectionString = parse.GetValue(connection);
            if ((journalPath is null) == (connectionString is null))
            {
                throw new CliUsageException("Give the journal with --journal FILE or --connection CONNECTION-STRING (one of them).");
            }

            var fromDate = Date(parse.GetValue(from), "--from");
            var toDate = Date(parse.GetValue(to), "--to");
            if (fromDate > toDate)
            {
                throw new CliUsageException("--from must not be after --to.");
            }

            var chosen = parse.GetValue(format);
            if (parse.GetValue(json))
            {
                if (chosen is not null and not "json")
                {
                    throw new CliUsageException($"--json asks for JSON but --format asks for {chosen}; give one of them.");
                }

                chosen = "json";
            }

            var loaded = CommonOptions.LoadPack(parse.GetValue(pack)!, stderr);
            IReadOnlyList<Facts.Department>? departments = null;
            if (parse.GetValue(portfolio) is { } portfolioPath)
            {
                departments = CommonOptions.ReadPortfolio(portfolioPath, stderr);
                if (departments is null)
                {
                    return ExitCodes.InvalidInput;
                }
            }

            if (loaded is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (journalPath is not null && !File.Exists(journalPath))
            {
                stderr.WriteLine(Descriptors.JournalFileMissing.At(new SourceLocation(journalPath, "$", 1, 1)));
                return ExitCodes.InvalidInput;
            }

            var store = JournalRouting.Open(journalPath, connectionString);
            IReadOnlyList<Evaluation.JournalEntry> entries;
            try
            {
                entries = store.ReadAsync(new JournalKey(loaded.Id, loaded.Municipality)).GetAwaiter().GetResult();
            }
            catch (RentalRulesException ex)
            {
                CommonOptions.PrintErrors(ex.Diagnostics, stderr);
                return ExitCodes.InvalidInput;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                stderr.WriteLine(Descriptors.JournalUnreadable.At(new SourceLocation(journalPath ?? "postgresql", "$", 1, 1), ex.Message));
                return ExitCodes.InvalidInput;
            }
            finally
            {
                (store as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            var figures = FollowUp.Compute(loaded, entries, fromDate, toDate, departments);
            var report = chosen switch
            {
                "html" => FollowUpReport.Html(figures, CommonOptions.ToLanguage(parse.GetValue(lang)!)),
                "json" => JsonText(figures),
                _ => FollowUpReport.Markdown(figures, CommonOptions.ToLanguage(parse.GetValue(lang)!)),
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

            stdout.WriteLine($"The report was written to {path}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static DateOnly? Date(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new CliUsageException($"{option} must be a date yyyy-MM-dd, not '{text}'.");
    }

    private static string JsonText(FollowUp figures)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            FollowUpReport.Json(writer, figures);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + Environment.NewLine;
    }
}
