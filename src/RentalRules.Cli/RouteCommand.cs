using System.CommandLine;
using System.Globalization;
using System.Text;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;

namespace RentalRules.Cli;

/// <summary>
/// <c>route --pack P --departments FILE --vacancies FILE [--ledger FILE | --journal FILE] [--on DATE]</c>: who gets each
/// vacancy, in order, counted in the ledger, or recorded by vacancy id in the decision journal (a vacancy already
/// recorded keeps its decision). The file is locked for the whole read-route-write, so concurrent runs take turns, and
/// replaced atomically (temporary file, then rename); a failed run leaves it as it was.
/// </summary>
internal static class RouteCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var pack = CommonOptions.Pack();
        var departments = new Option<string>("--departments") { Description = "The departments (a JSON object or array); - reads standard input.", Required = true };
        var vacancies = new Option<string>("--vacancies") { Description = "The vacancies, in the order they arose (a JSON object or array); - reads standard input.", Required = true };
        var ledgerOption = new Option<string?>("--ledger") { Description = "The ledger file: read if it exists, then replaced atomically with the updated counts (locked while routing)." };
        var connectionOption = new Option<string?>("--connection") { Description = "A PostgreSQL connection string: record the decisions in the database's journal (several processes may route at once)." };
        var journalOption = new Option<string?>("--journal") { Description = "The decision journal file: every decision recorded by vacancy id with the counts; a recorded vacancy keeps its decision (locked while routing)." };
        var on = CommonOptions.On();
        var json = CommonOptions.JsonFormat();
        var formatOption = CommonOptions.ResultFormat();
        var lang = CommonOptions.Language();
        var command = new Command("route", "Decide for each vacancy whether it goes to the municipality, to flexible letting or to the waiting list, counting it in the ledger.")
        {
            pack, departments, vacancies, ledgerOption, journalOption, connectionOption, on, json, formatOption, lang,
        };
        command.SetAction(parse =>
        {
            var date = CliApp.ParseDate(parse.GetValue(on));
            var language = parse.GetValue(lang)!;
            CommonOptions.CheckLanguage(language);
            var loaded = CommonOptions.LoadPack(parse.GetValue(pack)!, stderr);
            var departmentPath = parse.GetValue(departments)!;
            var vacancyPath = parse.GetValue(vacancies)!;
            var ledgerPath = parse.GetValue(ledgerOption);
            var journalPath = parse.GetValue(journalOption);
            var connection = parse.GetValue(connectionOption);
            if (new[] { ledgerPath, journalPath, connection }.Count(o => o is not null) > 1)
            {
                throw new CliUsageException("--ledger, --journal and --connection are alternatives: a journal keeps its own counts.");
            }

            var format = CommonOptions.GetFormat(parse, json, formatOption);
            var departmentBytes = CommonOptions.ReadInput(departmentPath, stderr);
            if (loaded is null || departmentBytes is null)
            {
                return ExitCodes.InvalidInput;
            }

            var departmentFile = FactReader.ReadDepartments(departmentBytes, CommonOptions.DisplayName(departmentPath));
            CommonOptions.PrintErrors(departmentFile.Diagnostics, stderr);
            if (departmentFile.Value is null)
            {
                return ExitCodes.InvalidInput;
            }

            var byId = new Dictionary<string, Department>(StringComparer.Ordinal);
            var problems = new List<Diagnostic>();
            for (var i = 0; i < departmentFile.Value.Items.Count; i++)
            {
                var d = departmentFile.Value.Items[i];
                if (d.Id is null)
                {
                    problems.Add(Descriptors.DepartmentWithoutIdToCount.At(departmentFile.Value.LocationOf(i)));
                }
                else
                {
                    byId.Add(d.Id, d);   // unique: the fact reader refuses a second department with the same id
                }
            }

            if (problems.Count > 0)
            {
                CommonOptions.PrintErrors(problems, stderr);
                return ExitCodes.InvalidInput;
            }

            if (journalPath is not null || connection is not null)
            {
                return RouteIntoJournal(loaded, byId, departmentPath, vacancyPath, journalPath, connection, date, format, language, stdout, stderr);
            }

            using var input = CommonOptions.OpenInput(vacancyPath, stderr);
            if (input is null)
            {
                return ExitCodes.InvalidInput;
            }

            using var vacancyFile = FactStream.Vacancies(input, CommonOptions.DisplayName(vacancyPath));
            var run = new StreamedRoute(loaded, byId, departmentPath, vacancyFile, date, format, language, stdout, stderr);
            return ledgerPath is null
                ? run.Run(loaded.NewLedger(), null)
                : JournalRouting.WithLock(ledgerPath, stderr, () => RunWithLedger(run, loaded, ledgerPath, stderr)) ?? ExitCodes.InvalidInput;
        });
        return command;
    }

    /// <summary>Reads the ledger file and routes into it; runs under the file's lock.</summary>
    private static int? RunWithLedger(StreamedRoute run, Packs.RulePack loaded, string ledgerPath, TextWriter stderr)
    {
        var ledger = loaded.NewLedger();
        if (File.Exists(ledgerPath))
        {
            var text = CommonOptions.ReadInput(ledgerPath, stderr);
            if (text is null)
            {
                return null;
            }

            var parsed = Ledger.Parse(Encoding.UTF8.GetString(text), ledgerPath, loaded.Id);
            if (parsed.Value is null)
            {
                CommonOptions.PrintErrors(parsed.Diagnostics, stderr);
                stderr.WriteLine($"rentalrules: the ledger {ledgerPath} was refused and left unchanged; nothing was routed.");
                return null;
            }

            ledger = parsed.Value;
        }

        return run.Run(ledger, ledgerPath);
    }

    /// <summary>
    /// Routing without a journal: one vacancy at a time, read, routed, its decision written, dropped. A vacancy that is
    /// invalid (or names an unknown department) stops the routing: no later vacancy is routed, the rest of the file is
    /// read for its errors, the ledger file is left unchanged, and output already written is marked incomplete.
    /// </summary>
    private sealed class StreamedRoute(Packs.RulePack pack, Dictionary<string, Department> byId, string departmentPath, FactStream<Vacancy> vacancies, DateOnly date, OutputFormat format, string language, TextWriter stdout, TextWriter stderr)
    {
        public int Run(Ledger start, string? ledgerPath)
        {
            var table = format == OutputFormat.Text ? new List<RoutingDecision>() : null;
            using var output = new ResultStream<Rendered<RoutingDecision>>(
                stdout,
                format,
                w =>
                {
                    w.WriteString("pack", pack.Id);
                    w.WriteString("version", pack.Version);
                },
                "decisions",
                static (w, d) => d.WriteJson(w),
                (_, d) => table!.Add(d.Result!),
                envelopeAlways: true);
            // One counting state for the whole run: the same decisions and final ledger as routing one by one
            // through pack.Route, without building an immutable ledger per vacancy. The counts depend on the order, so
            // every vacancy is decided here, in the file's order; only rendering the decisions (compact JSON) runs on
            // the other cores, and they are written here in the same order.
            var batch = new RouteBatch(pack, start);
            var errors = new InputErrors(stderr);
            var progress = new Progress(stderr, language == "da" ? "ledige boliger" : "vacancies");
            var decided = 0;
            var pipeline = new OrderedPipeline<Numbered<RoutingDecision>, Rendered<RoutingDecision>>(
                item => Rendered<RoutingDecision>.Of(item.Item, item.Index, format, ResultJson.WriteDecision, CompactDecisionJson.Write),
                d =>
                {
                    output.Add(d);
                    progress.Tick(output.Count);
                },
                Environment.ProcessorCount,
                chunkSize: 128);
            // The file is read (and each vacancy mapped and checked) on a thread of its own, ahead of the deciding.
            // Each vacancy's department is looked up there too: deciding, on this thread, is what the others wait for.
            using var ahead = new ReadAhead<Vacancy>(vacancies, v => v.Department is { } named && byId.TryGetValue(named, out var of) ? of : null);
            while (ahead.Read() is { } item)
            {
                if (item.Value is null)
                {
                    pipeline.Drain();
                    errors.Add(item.Diagnostics);
                    continue;
                }

                var v = item.Value;
                if (ahead.Prepared is not Department department)
                {
                    pipeline.Drain();
                    errors.Add([v.Department is { } named ? Descriptors.VacancyDepartmentUnknown.At(item.LocationOf("department"), named, departmentPath) : Descriptors.VacancyWithoutDepartment.At(item.LocationOf("department"))]);
                    continue;
                }

                if (errors.Items > 0)
                {
                    continue;
                }

                pipeline.Add(new Numbered<RoutingDecision>(decided++, batch.Route(department, v, v.VacatedOn ?? date)));
            }

            pipeline.Drain();
            progress.Done();
            errors.Finish();
            var ledger = batch.Ledger;
            var unchanged = ledgerPath is null ? null : language == "da" ? $"Tællingen i {ledgerPath} er uændret." : $"The ledger {ledgerPath} was left unchanged.";
            if (errors.First is { } first)
            {
                if (ledgerPath is not null)
                {
                    stderr.WriteLine($"rentalrules: the ledger {ledgerPath} was left unchanged; no decision of this run was counted.");
                }

                output.Fail(new Incomplete(output.Count, errors.Items, first, unchanged));
                return ExitCodes.InvalidInput;
            }

            if (ledgerPath is not null && !CommonOptions.WriteAtomically(ledgerPath, ledger.ToJson(), "ledger", stderr))
            {
                output.Fail(new Incomplete(output.Count, 0, Descriptors.LedgerUnwritable.At(new SourceLocation(ledgerPath, "$", 1, 1)), unchanged));
                return ExitCodes.InvalidInput;
            }

            output.Complete(w =>
            {
                w.WritePropertyName("ledger");
                w.WriteRawValue(ledger.ToJson(), skipInputValidation: true);
            });
            if (table is not null)
            {
                WriteText(pack, table, date, language, stdout);
                if (ledgerPath is not null)
                {
                    // A status line: to stderr, so that stdout holds only the decisions.
                    stderr.WriteLine(language == "da"
                        ? $"Tællingen er gemt i {ledgerPath} (ændringstæller {ledger.ChangeCounter.ToString(CultureInfo.InvariantCulture)})."
                        : $"The ledger was saved to {ledgerPath} (change counter {ledger.ChangeCounter.ToString(CultureInfo.InvariantCulture)}).");
                }
            }

            return ExitCodes.Success;
        }
    }

    private static void WriteText(Packs.RulePack loaded, IReadOnlyList<RoutingDecision> decisions, DateOnly date, string language, TextWriter stdout)
    {
        stdout.WriteLine(loaded.Title);
        stdout.WriteLine($"{loaded.Id} {loaded.Version}, {(language == "da" ? "pr." : "on")} {date:yyyy-MM-dd} ({(language == "da" ? "ledige boliger med fraflytningsdato evalueres på den" : "vacancies with a vacatedOn date are evaluated on it")})");
        stdout.WriteLine();
        stdout.Write(ResultText.Decisions(decisions, CommonOptions.ToLanguage(language)));
    }

    /// <summary>
    /// Routing into a decision journal (file, SQLite or PostgreSQL): the vacancies are read and checked in full first,
    /// then written as one batch, so that an invalid vacancy records nothing.
    /// </summary>
    private static int RouteIntoJournal(Packs.RulePack loaded, Dictionary<string, Department> byId, string departmentPath, string vacancyPath, string? journalPath, string? connection, DateOnly date, OutputFormat format, string language, TextWriter stdout, TextWriter stderr)
    {
        var vacancyBytes = CommonOptions.ReadInput(vacancyPath, stderr);
        if (vacancyBytes is null)
        {
            return ExitCodes.InvalidInput;
        }

        var vacancyFile = FactReader.ReadVacancies(vacancyBytes, CommonOptions.DisplayName(vacancyPath));
        CommonOptions.PrintErrors(vacancyFile.Diagnostics, stderr);
        if (vacancyFile.Value is null)
        {
            return ExitCodes.InvalidInput;
        }

        var items = vacancyFile.Value.Items;
        var problems = new List<Diagnostic>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Department is not { } id || !byId.ContainsKey(id))
            {
                var location = vacancyFile.Value.LocationOf(i, "department");
                problems.Add(items[i].Department is { } named ? Descriptors.VacancyDepartmentUnknown.At(location, named, departmentPath) : Descriptors.VacancyWithoutDepartment.At(location));
            }
        }

        if (problems.Count > 0)
        {
            CommonOptions.PrintErrors(problems, stderr);
            return ExitCodes.InvalidInput;
        }

        var store = JournalRouting.Open(journalPath, connection);
        var routed = JournalRouting.Route(loaded, byId, items, vacancyFile.Value, date, store, journalPath ?? "postgresql", stderr);
        (store as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (routed is null)
        {
            return ExitCodes.InvalidInput;
        }

        var (decisions, ledger) = routed.Value;
        using var output = new ResultStream<RoutingDecision>(
            stdout,
            format,
            w =>
            {
                w.WriteString("pack", loaded.Id);
                w.WriteString("version", loaded.Version);
            },
            "decisions",
            ResultJson.WriteDecision,
            null,
            envelopeAlways: true);
        foreach (var d in decisions)
        {
            output.Add(d);
        }

        output.Complete(w =>
        {
            w.WritePropertyName("ledger");
            w.WriteRawValue(ledger.ToJson(), skipInputValidation: true);
        });
        if (format == OutputFormat.Text)
        {
            WriteText(loaded, decisions, date, language, stdout);
            stdout.WriteLine();
            stdout.WriteLine(language == "da"
                ? $"Afgørelserne er registreret i {journalPath ?? "PostgreSQL"}."
                : $"The decisions were recorded in {journalPath ?? "PostgreSQL"}.");
        }

        return ExitCodes.Success;
    }
}
