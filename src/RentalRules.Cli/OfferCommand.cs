using System.Collections.Concurrent;
using System.CommandLine;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;

namespace RentalRules.Cli;

/// <summary>
/// <c>offer --pack P --departments FILE --vacancies FILE --households FILE [--top N] [--journal FILE] [--on DATE]</c>:
/// for each vacancy its route (recorded in the journal when given), then the first households that may take it on that
/// route in the pack's order. The household file is read twice as a stream (once to check it before anything is
/// recorded, once to build the lists) and never held whole, so memory stays flat whatever its length.
/// </summary>
internal static class OfferCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var pack = CommonOptions.Pack();
        var departments = new Option<string>("--departments") { Description = "The departments (a JSON object or array).", Required = true };
        var vacancies = new Option<string>("--vacancies") { Description = "The vacancies, in the order they arose (a JSON object or array); a municipal vacancy's \"candidates\" are the municipality's nominees, in its order.", Required = true };
        var households = new Option<string>("--households") { Description = "The applicants (a JSON object or array), each with an \"id\" and its seniority \"waitingListSince\".", Required = true };
        var top = new Option<int>("--top") { Description = "How many households each list names at most (default 20).", DefaultValueFactory = _ => 20 };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--top must be 0 or more.");
            }
        });
        var journalOption = new Option<string?>("--journal") { Description = "The decision journal file: every routing decision recorded by vacancy id; a recorded vacancy keeps its decision (locked while routing)." };
        var on = CommonOptions.On();
        var json = CommonOptions.Json();
        var lang = CommonOptions.Language();
        var command = new Command("offer", "For each vacancy, its route and the households it may be offered to, in the order the agreement gives, with the criterion that qualified each and what the others lack.")
        {
            pack, departments, vacancies, households, top, journalOption, on, json, lang,
        };
        command.SetAction(parse =>
        {
            var date = CliApp.ParseDate(parse.GetValue(on));
            var language = parse.GetValue(lang)!;
            CommonOptions.CheckLanguage(language);
            var loaded = CommonOptions.LoadPack(parse.GetValue(pack)!, stderr);
            var departmentPath = parse.GetValue(departments)!;
            var vacancyPath = parse.GetValue(vacancies)!;
            var householdPath = parse.GetValue(households)!;
            var departmentBytes = CommonOptions.ReadInput(departmentPath, stderr);
            var vacancyBytes = CommonOptions.ReadInput(vacancyPath, stderr);
            // The household file is read twice, streamed (checked first, then offered), never held whole; standard
            // input can be read only once, so it is kept in memory.
            var stdinBytes = householdPath == "-" ? CommonOptions.ReadInput(householdPath, stderr) : null;
            Func<Stream?> openHouseholds = stdinBytes is not null ? () => new MemoryStream(stdinBytes, writable: false) : () => CommonOptions.OpenInput(householdPath, stderr);
            if (loaded is null || departmentBytes is null || vacancyBytes is null || (householdPath == "-" && stdinBytes is null))
            {
                return ExitCodes.InvalidInput;
            }

            var householdName = CommonOptions.DisplayName(householdPath);
            var departmentFile = FactReader.ReadDepartments(departmentBytes, CommonOptions.DisplayName(departmentPath));
            var vacancyFile = FactReader.ReadVacancies(vacancyBytes, CommonOptions.DisplayName(vacancyPath));
            CommonOptions.PrintErrors(departmentFile.Diagnostics.Concat(vacancyFile.Diagnostics), stderr);
            if (departmentFile.Value is null || vacancyFile.Value is null)
            {
                return ExitCodes.InvalidInput;
            }

            var problems = new List<Diagnostic>();
            var byId = OfferInput.Departments(departmentFile.Value, problems);
            OfferInput.VacancyDepartments(vacancyFile.Value, byId, CommonOptions.DisplayName(departmentPath), problems);

            // First pass over the households: every error is found before anything is recorded in the journal.
            // A household whose id an earlier one has is invalid in the stream itself (FactStream: ids are unique).
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var householdProblems = new List<Diagnostic>();
            using (var first = openHouseholds())
            {
                if (first is null)
                {
                    return ExitCodes.InvalidInput;
                }

                using var stream = FactStream.Households(first, householdName);
                while (stream.Read() is { } item)
                {
                    if (item.Value is not { } h)
                    {
                        householdProblems.AddRange(item.Diagnostics);
                    }
                    else if (string.IsNullOrWhiteSpace(h.Id))
                    {
                        problems.Add(Descriptors.HouseholdWithoutId.At(item.Location));
                    }
                    else
                    {
                        ids.Add(h.Id);
                    }
                }
            }

            OfferInput.Candidates(vacancyFile.Value, ids, householdName, problems);
            CommonOptions.PrintErrors(householdProblems, stderr);
            if (householdProblems.Any(d => d.Severity == Severity.Error) || problems.Count > 0)
            {
                CommonOptions.PrintErrors(problems, stderr);
                return ExitCodes.InvalidInput;
            }

            ids.Clear();
            var items = vacancyFile.Value.Items;
            var journalPath = parse.GetValue(journalOption);
            List<RoutingDecision>? decisions = null;
            if (journalPath is not null)
            {
                var store = JournalRouting.Open(journalPath, null);
                var routed = JournalRouting.Route(loaded, byId, items, vacancyFile.Value, date, store, journalPath, stderr);
                (store as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
                if (routed is null)
                {
                    return ExitCodes.InvalidInput;
                }

                decisions = routed.Value.Item1;
            }

            using var second = openHouseholds();
            if (second is null)
            {
                return ExitCodes.InvalidInput;
            }

            var (result, unchanged) = OfferInput.Stream(second, householdName, stream => loaded.Offer(new OfferRequest(departmentFile.Value.Items, items, stream, date)
            {
                Top = parse.GetValue(top),
                Decisions = decisions,
            }));
            if (!unchanged)
            {
                stderr.WriteLine(Descriptors.HouseholdFileChanged.At(new SourceLocation(householdName, "$", 1, 1)));
                return ExitCodes.InvalidInput;
            }
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(stdout, output =>
                {
                    var w = output.Writer;
                    w.WriteStartObject();
                    w.WriteString("pack", loaded.Id);
                    w.WriteString("version", loaded.Version);
                    w.WriteString("on", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteNumber("households", result.Households);
                    w.WriteStartArray("offers");
                    foreach (var offer in result.Offers)
                    {
                        OfferJson.WriteVacancy(w, offer);
                        output.FlushIfLarge();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else
            {
                stdout.Write(OfferText.Offers(result, loaded.Title, CommonOptions.ToLanguage(language)));
                if (journalPath is not null)
                {
                    stdout.WriteLine();
                    stdout.WriteLine(language == "da" ? $"Afgørelserne er registreret i {journalPath}." : $"The decisions were recorded in {journalPath}.");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>The checks of <c>offer</c>'s input files, located, and the household stream.</summary>
internal static class OfferInput
{
    public static Dictionary<string, Department> Departments(FactFile<Department> file, List<Diagnostic> problems)
    {
        var byId = new Dictionary<string, Department>(StringComparer.Ordinal);
        for (var i = 0; i < file.Items.Count; i++)
        {
            var d = file.Items[i];
            if (d.Id is null)
            {
                problems.Add(Descriptors.DepartmentWithoutIdToName.At(file.LocationOf(i)));
            }
            else
            {
                byId.Add(d.Id, d);   // unique: the fact reader refuses a second department with the same id
            }
        }

        return byId;
    }

    public static void VacancyDepartments(FactFile<Vacancy> file, Dictionary<string, Department> byId, string departmentFile, List<Diagnostic> problems)
    {
        for (var i = 0; i < file.Items.Count; i++)
        {
            if (file.Items[i].Department is not { } id || !byId.ContainsKey(id))
            {
                problems.Add(file.Items[i].Department is { } named ? Descriptors.VacancyDepartmentUnknown.At(file.LocationOf(i, "department"), named, departmentFile) : Descriptors.VacancyWithoutDepartment.At(file.LocationOf(i, "department")));
            }
        }
    }

    /// <summary>Every candidate a vacancy names must be a household of the file (the error names the list position, not the id: ids come from the household side).</summary>
    public static void Candidates(FactFile<Vacancy> file, HashSet<string> households, string householdFile, List<Diagnostic> problems)
    {
        for (var i = 0; i < file.Items.Count; i++)
        {
            var candidates = file.Items[i].Candidates ?? [];
            for (var c = 0; c < candidates.Count; c++)
            {
                if (!households.Contains(candidates[c]))
                {
                    var at = file.LocationOf(i, "candidates");
                    problems.Add(Descriptors.CandidateNotAHousehold.At(at with { JsonPath = $"{at.JsonPath}[{c.ToString(System.Globalization.CultureInfo.InvariantCulture)}]" }, c + 1, c, householdFile));
                }
            }
        }
    }

    /// <summary>
    /// Reads the household file on a second thread into a bounded queue that <paramref name="consume"/> enumerates, so
    /// parsing and checking run side by side and only a few thousand households are ever in memory at once.
    /// </summary>
    /// <returns>What <paramref name="consume"/> returns, and whether the file read as it did in the first pass (false: an item no longer reads, the file changed between the passes).</returns>
    public static (T Result, bool Unchanged) Stream<T>(Stream utf8, string file, Func<IEnumerable<Household>, T> consume)
    {
        var unchanged = true;
        using var queue = new BlockingCollection<Household>(boundedCapacity: 4096);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                // The first pass found every household valid; an item that is not means the file changed between the passes.
                using var households = FactStream.Households(utf8, file, leaveOpen: true);
                while (households.Read() is { } item)
                {
                    if (item.Value is not { } h)
                    {
                        unchanged = false;
                        break;
                    }

                    queue.Add(h, stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The consumer stopped early (it threw); nothing more to read.
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        T result;
        try
        {
            result = consume(queue.GetConsumingEnumerable());
        }
        finally
        {
            stop.Cancel();
            producer.GetAwaiter().GetResult();
        }

        return (result, unchanged);
    }
}
