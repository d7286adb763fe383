using System.CommandLine;
using System.Text.Json;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;

namespace RentalRules.Cli;

/// <summary><c>check --pack P --department FILE --household FILE [--vacancy FILE] [--route R] [--on DATE]</c>: eligibility with reasons.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var pack = CommonOptions.Pack();
        var department = new Option<string>("--department") { Description = "The department (one JSON object); - reads standard input.", Required = true };
        var household = new Option<string>("--household") { Description = "A household (JSON object) or an array of them; - reads standard input.", Required = true };
        var vacancyOption = new Option<string?>("--vacancy") { Description = "The dwelling (one JSON object): the rules that depend on it (elderly, accessible, youth, new small dwellings) apply." };
        var route = CommonOptions.Route("The route into the department (any case). Without it: the pack's default route in full, and every route's outcome (routes[]).");
        var special = new Option<bool>("--special-criteria") { Description = "This municipal allocation is one that must meet the tier's special criteria (e.g. every 2nd in Høje-Taastrup level 2)." };
        var on = CommonOptions.On();
        var json = CommonOptions.JsonFormat();
        var formatOption = CommonOptions.ResultFormat();
        var lang = CommonOptions.Language();
        var command = new Command("check", "Check whether households may take a route into a department: outcome per criterion and member, missing facts, documents to request.")
        {
            pack, department, household, vacancyOption, route, special, on, json, formatOption, lang,
        };
        command.SetAction(parse =>
        {
            var date = CliApp.ParseDate(parse.GetValue(on));
            var language = parse.GetValue(lang)!;
            CommonOptions.CheckLanguage(language);
            var named = CommonOptions.ParseRoute(parse.GetValue(route));
            var loaded = CommonOptions.LoadPack(parse.GetValue(pack)!, stderr);
            var departmentPath = parse.GetValue(department)!;
            var householdPath = parse.GetValue(household)!;
            var format = CommonOptions.GetFormat(parse, json, formatOption);
            var departmentText = CommonOptions.ReadInput(departmentPath, stderr);
            if (loaded is null || departmentText is null)
            {
                return ExitCodes.InvalidInput;
            }

            var vacancyPath = parse.GetValue(vacancyOption);
            var vacancyText = vacancyPath is null ? null : CommonOptions.ReadInput(vacancyPath, stderr);
            if (vacancyPath is not null && vacancyText is null)
            {
                return ExitCodes.InvalidInput;
            }

            var departments = FactReader.ReadDepartments(departmentText, CommonOptions.DisplayName(departmentPath));
            var vacancies = vacancyText is null ? null : FactReader.ReadVacancies(vacancyText, CommonOptions.DisplayName(vacancyPath!));
            CommonOptions.PrintErrors(departments.Diagnostics.Concat(vacancies?.Diagnostics ?? []), stderr);
            if (departments.Value is null || (vacancies is not null && vacancies.Value is null))
            {
                return ExitCodes.InvalidInput;
            }

            Vacancy? dwelling = null;
            if (vacancies?.Value is { } v)
            {
                if (v.Items.Count != 1 || v.IsArray)
                {
                    stderr.WriteLine($"{CommonOptions.DisplayName(vacancyPath!)}:1:1: error RR0303: check takes exactly one vacancy (a JSON object), but the file holds {(v.IsArray ? "an array of " + v.Items.Count : v.Items.Count)}. Hint: Check once per vacancy; route decides where several vacancies go.");
                    return ExitCodes.InvalidInput;
                }

                dwelling = v.Items[0];
            }

            if (departments.Value.Items.Count != 1)
            {
                stderr.WriteLine($"{departmentPath}:1:1: error RR0303: check takes exactly one department, but the file holds {departments.Value.Items.Count}. Hint: Run place for several departments, or check once per department.");
                return ExitCodes.InvalidInput;
            }

            var d = departments.Value.Items[0];
            if (dwelling?.Department is { } of && d.Id is { } id && !string.Equals(of, id, StringComparison.Ordinal))
            {
                stderr.WriteLine($"{CommonOptions.DisplayName(vacancyPath!)}:1:1: error RR0303: The vacancy belongs to another department than the one checked. Hint: Give the department the vacancy names in \"department\", or leave \"department\" out of the vacancy.");
                return ExitCodes.InvalidInput;
            }

            using var input = CommonOptions.OpenInput(householdPath, stderr);
            if (input is null)
            {
                return ExitCodes.InvalidInput;
            }

            // Households stream through, a bounded number at a time: read, checked, written, dropped.
            var useSpecial = parse.GetValue(special);
            var counts = new int[3];
            // Only the households' own diagnostics are printed (located as the stream reads them): no household keeps
            // a copy of its text for locating a property later.
            using var households = FactStream.Households(input, CommonOptions.DisplayName(householdPath));
            households.KeepsText = false;
            using var output = new ResultStream<Checked>(
                stdout,
                format,
                w =>
                {
                    w.WriteString("pack", loaded.Id);
                    w.WriteString("on", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                },
                "results",
                static (w, c) => c.WriteJson(w),
                static (o, c) =>
                {
                    o.Write(c.Text);
                    o.WriteLine();
                },
                envelopeAlways: false);
            // The department is placed once for the run, not once per household.
            var batch = new CheckBatch(loaded, d, date);
            var errors = new InputErrors(stderr);
            var progress = new Progress(stderr, language == "da" ? "husstande" : "households");

            // Households are checked on the other cores while this thread reads the file and writes the results, in
            // the file's order; a bounded number are in flight, so memory stays flat. Each result is also rendered
            // there (compact JSON as UTF-8, or text), so that this thread only copies its bytes out.
            var textLanguage = CommonOptions.ToLanguage(language);
            var added = 0;
            var pipeline = new OrderedPipeline<Numbered<Household>, Checked>(
                item =>
                {
                    var (index, h) = item;
                    var r = named is { } letting
                        ? batch.Check(new EligibilityRequest(d, h, letting, date, useSpecial) { Vacancy = dwelling, Explain = true })
                        : batch.CheckEveryRoute(new EligibilityRequest(d, h, loaded.DefaultRoute, date, useSpecial) { Vacancy = dwelling, Explain = true });
                    return Checked.Of(r, index, format, textLanguage);
                },
                c =>
                {
                    output.IsArray = households.IsArray;
                    counts[c.Outcome switch { Outcome.Eligible => 0, Outcome.Ineligible => 1, _ => 2 }]++;
                    output.Add(c);
                    progress.Tick(output.Count);
                },
                Environment.ProcessorCount);
            // The file is read (and each household mapped and checked for repeats) on a thread of its own, ahead of
            // this one: reading is about a third of check's work, and this thread also hands out and writes the results.
            // Only two batches ahead: what is read ahead survives every collection (see ReadAhead's batches).
            using var ahead = new ReadAhead<Household>(households, batches: 2);
            while (ahead.Read() is { } item)
            {
                if (item.Value is null || errors.Items > 0)
                {
                    // After the first invalid household nothing more is checked, but the rest is read for its errors;
                    // the households before it are all checked and written.
                    pipeline.Drain();
                    output.IsArray = households.IsArray;
                    if (item.Value is null)
                    {
                        errors.Add(item.Diagnostics);
                    }

                    continue;
                }

                pipeline.Add(new Numbered<Household>(added++, item.Value));
            }

            pipeline.Drain();
            progress.Done();
            errors.Finish();
            if (errors.First is { } first)
            {
                output.Fail(new Incomplete(output.Count, errors.Items, first));
                return ExitCodes.InvalidInput;
            }

            output.IsArray = households.IsArray;
            output.Complete();
            if (format == OutputFormat.Text && output.Count > 1)
            {
                stdout.WriteLine(language == "da"
                    ? $"{output.Count} husstande: {counts[0]} berettigede, {counts[1]} ikke berettigede, {counts[2]} uafklarede."
                    : $"{output.Count} households: {counts[0]} eligible, {counts[1]} ineligible, {counts[2]} undetermined.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// A household's outcome with what is written for it: its compact JSON (UTF-8, in a pooled array given back once
    /// written) or its text. The result itself is kept only for the results <see cref="ResultStream{T}"/> may hold back
    /// and write indented; the others die young on the thread that checked them.
    /// </summary>
    private sealed class Checked
    {
        private EligibilityResult? _result;
        private byte[]? _json;
        private int _length;

        private Checked(Outcome outcome) => Outcome = outcome;

        /// <summary>The household's outcome.</summary>
        public Outcome Outcome { get; }

        /// <summary>The result as text (text output only).</summary>
        public string? Text { get; private init; }

        /// <summary>Renders <paramref name="r"/>, the <paramref name="index"/>-th result, for <paramref name="format"/>.</summary>
        public static Checked Of(EligibilityResult r, int index, OutputFormat format, Language language)
        {
            if (format == OutputFormat.Text)
            {
                return new Checked(r.Outcome) { Text = ResultText.Eligibility(r, language) };
            }

            var c = new Checked(r.Outcome) { _result = index <= ResultStream<Checked>.IndentedUpTo ? r : null };
            (c._json, c._length) = CompactJsonBuffer.Pooled(CompactEligibilityJson.Write, r);
            return c;
        }

        /// <summary>Writes the result: its bytes where the writer would write exactly them (compact), else afresh.</summary>
        public void WriteJson(Utf8JsonWriter w)
        {
            if (_json is { } json && EncodedTexts.Fits(w))
            {
                w.WriteRawValue(json.AsSpan(0, _length), skipInputValidation: true);
                _json = null;
                CompactJsonBuffer.Return(json);
                return;
            }

            ResultJson.WriteEligibility(w, _result ?? throw new InvalidOperationException("A streamed result is written once, compact."));
        }
    }
}
