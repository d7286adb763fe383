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
        var departments = new Option<string>("--departments") { Description = "The departments (a JSON object or array).", Required = true };
        var vacancies = new Option<string>("--vacancies") { Description = "The vacancies, in the order they arose (a JSON object or array).", Required = true };
        var ledgerOption = new Option<string?>("--ledger") { Description = "The ledger file: read if it exists, then replaced atomically with the updated counts (locked while routing)." };
        var connectionOption = new Option<string?>("--connection") { Description = "A PostgreSQL connection string: record the decisions in the database's journal (several processes may route at once)." };
        var journalOption = new Option<string?>("--journal") { Description = "The decision journal file: every decision recorded by vacancy id with the counts; a recorded vacancy keeps its decision (locked while routing)." };
        var on = CommonOptions.On();
        var json = CommonOptions.Json();
        var lang = CommonOptions.Language();
        var command = new Command("route", "Decide for each vacancy whether it goes to the municipality, to flexible letting or to the waiting list, counting it in the ledger.")
        {
            pack, departments, vacancies, ledgerOption, journalOption, connectionOption, on, json, lang,
        };
        command.SetAction(parse =>
        {
            var date = CliApp.ParseDate(parse.GetValue(on));
            var language = parse.GetValue(lang)!;
            CommonOptions.CheckLanguage(language);
            var loaded = CommonOptions.LoadPack(parse.GetValue(pack)!, stderr);
            var departmentPath = parse.GetValue(departments)!;
            var vacancyPath = parse.GetValue(vacancies)!;
            var departmentBytes = CommonOptions.ReadInput(departmentPath, stderr);
            var vacancyBytes = CommonOptions.ReadInput(vacancyPath, stderr);
            if (loaded is null || departmentBytes is null || vacancyBytes is null)
            {
                return ExitCodes.InvalidInput;
            }

            var departmentFile = FactReader.ReadDepartments(departmentBytes, departmentPath);
            var vacancyFile = FactReader.ReadVacancies(vacancyBytes, vacancyPath);
            CommonOptions.PrintErrors(departmentFile.Diagnostics.Concat(vacancyFile.Diagnostics), stderr);
            if (departmentFile.Value is null || vacancyFile.Value is null)
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
                    problems.Add(new Diagnostic(Severity.Error, DiagnosticCodes.FactInvalid, "A department has no id; routing counts per department.", departmentFile.Value.LocationOf(i), "Give every department an \"id\"."));
                }
                else if (!byId.TryAdd(d.Id, d))
                {
                    problems.Add(new Diagnostic(Severity.Error, DiagnosticCodes.FactInvalid, $"The department id '{d.Id}' appears twice.", departmentFile.Value.LocationOf(i), "Department ids must be unique."));
                }
            }

            var items = vacancyFile.Value.Items;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Department is not { } id || !byId.ContainsKey(id))
                {
                    var location = vacancyFile.Value.LocationOf(i, "department");
                    var message = items[i].Department is null ? "The vacancy names no department." : $"The vacancy names the department '{items[i].Department}', which is not in {departmentPath}.";
                    problems.Add(new Diagnostic(Severity.Error, DiagnosticCodes.FactInvalid, message, location, "Every vacancy's \"department\" must be the id of a department in the departments file."));
                }
            }

            if (problems.Count > 0)
            {
                CommonOptions.PrintErrors(problems, stderr);
                return ExitCodes.InvalidInput;
            }

            var ledgerPath = parse.GetValue(ledgerOption);
            var journalPath = parse.GetValue(journalOption);
            var connection = parse.GetValue(connectionOption);
            if (new[] { ledgerPath, journalPath, connection }.Count(o => o is not null) > 1)
            {
                throw new CliUsageException("--ledger, --journal and --connection are alternatives: a journal keeps its own counts.");
            }

            List<RoutingDecision> decisions;
            Ledger ledger;
            if (journalPath is not null || connection is not null)
            {
                var store = JournalRouting.Open(journalPath, connection);
                var routed = JournalRouting.Route(loaded, byId, items, vacancyFile.Value, date, store, journalPath ?? "postgresql", stderr);
                (store as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
                if (routed is null)
                {
                    return ExitCodes.InvalidInput;
                }

                (decisions, ledger) = routed.Value;
            }
            else
            {
                var routed = ledgerPath is null
                    ? RouteAll(loaded, byId, items, date, loaded.NewLedger())
                    : JournalRouting.WithLock(ledgerPath, stderr, () => RouteWithLedger(loaded, byId, items, date, ledgerPath, stderr));
                if (routed is null)
                {
                    return ExitCodes.InvalidInput;
                }

                (decisions, ledger) = routed.Value;
            }

            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(stdout, output =>
                {
                    var w = output.Writer;
                    w.WriteStartObject();
                    w.WriteString("pack", loaded.Id);
                    w.WriteString("version", loaded.Version);
                    w.WriteStartArray("decisions");
                    foreach (var d in decisions)
                    {
                        ResultJson.WriteDecision(w, d);
                        output.FlushIfLarge();
                    }

                    w.WriteEndArray();
                    w.WritePropertyName("ledger");
                    w.WriteRawValue(ledger.ToJson(), skipInputValidation: true);
                    w.WriteEndObject();
                });
            }
            else
            {
                stdout.WriteLine(loaded.Title);
                stdout.WriteLine($"{loaded.Id} {loaded.Version}, {(language == "da" ? "pr." : "on")} {date:yyyy-MM-dd} ({(language == "da" ? "ledige boliger med fraflytningsdato evalueres på den" : "vacancies with a vacatedOn date are evaluated on it")})");
                stdout.WriteLine();
                stdout.Write(ResultText.Decisions(decisions, language));
                if (journalPath is not null || connection is not null)
                {
                    var where = journalPath ?? "PostgreSQL";
                    stdout.WriteLine();
                    stdout.WriteLine(language == "da"
                        ? $"Afgørelserne er registreret i {where}."
                        : $"The decisions were recorded in {where}.");
                }
                else if (ledgerPath is not null)
                {
                    // A status line: to stderr, so that stdout holds only the decisions.
                    stderr.WriteLine(language == "da"
                        ? $"Tællingen er gemt i {ledgerPath} (ændringstæller {ledger.ChangeCounter.ToString(CultureInfo.InvariantCulture)})."
                        : $"The ledger was saved to {ledgerPath} (change counter {ledger.ChangeCounter.ToString(CultureInfo.InvariantCulture)}).");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static (List<RoutingDecision>, Ledger) RouteAll(Packs.RulePack pack, Dictionary<string, Department> byId, IReadOnlyList<Vacancy> items, DateOnly date, Ledger ledger)
    {
        var decisions = new List<RoutingDecision>(items.Count);
        foreach (var v in items)
        {
            var result = pack.Route(byId[v.Department!], v, ledger, v.VacatedOn ?? date);
            decisions.Add(result.Decision);
            ledger = result.Ledger;
        }

        return (decisions, ledger);
    }

    /// <summary>Reads the ledger file, routes and replaces it; runs under the file's lock.</summary>
    private static (List<RoutingDecision>, Ledger)? RouteWithLedger(Packs.RulePack loaded, Dictionary<string, Department> byId, IReadOnlyList<Vacancy> items, DateOnly date, string ledgerPath, TextWriter stderr)
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

        var routed = RouteAll(loaded, byId, items, date, ledger);
        return CommonOptions.WriteAtomically(ledgerPath, routed.Item2.ToJson(), "ledger", stderr) ? routed : null;
    }
}
