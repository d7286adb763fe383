using System.CommandLine;
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
        var route = new Option<string>("--route")
        {
            Description = "The route into the department: municipal, flexible or waitingList (any case).",
            DefaultValueFactory = _ => "flexible",
        };
        route.AcceptOnlyFromAmong("municipal", "flexible", "waitingList");
        var special = new Option<bool>("--special-criteria") { Description = "This municipal allocation is one that must meet the tier's special criteria (e.g. every 2nd in Høje-Taastrup level 2)." };
        var on = CommonOptions.On();
        var json = CommonOptions.Json();
        var lang = CommonOptions.Language();
        var command = new Command("check", "Check whether households may take a route into a department: outcome per criterion and member, missing facts, documents to request.")
        {
            pack, department, household, vacancyOption, route, special, on, json, lang,
        };
        command.SetAction(parse =>
        {
            var date = CliApp.ParseDate(parse.GetValue(on));
            var language = parse.GetValue(lang)!;
            CommonOptions.CheckLanguage(language);
            var letting = parse.GetValue(route) switch
            {
                "municipal" => LettingRoute.Municipal,
                "waitingList" => LettingRoute.WaitingList,
                _ => LettingRoute.Flexible,
            };
            var loaded = CommonOptions.LoadPack(parse.GetValue(pack)!, stderr);
            var departmentPath = parse.GetValue(department)!;
            var householdPath = parse.GetValue(household)!;
            var departmentText = CommonOptions.ReadInput(departmentPath, stderr);
            var householdText = CommonOptions.ReadInput(householdPath, stderr);
            if (loaded is null || departmentText is null || householdText is null)
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
            var households = FactReader.ReadHouseholds(householdText, CommonOptions.DisplayName(householdPath));
            var vacancies = vacancyText is null ? null : FactReader.ReadVacancies(vacancyText, CommonOptions.DisplayName(vacancyPath!));
            CommonOptions.PrintErrors(departments.Diagnostics.Concat(households.Diagnostics).Concat(vacancies?.Diagnostics ?? []), stderr);
            if (departments.Value is null || households.Value is null || (vacancies is not null && vacancies.Value is null))
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

            var useSpecial = parse.GetValue(special);
            var results = new List<EligibilityResult>(households.Value.Items.Count);
            foreach (var h in households.Value.Items)
            {
                results.Add(loaded.Check(new EligibilityRequest(d, h, letting, date, useSpecial) { Vacancy = dwelling }));
            }

            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(stdout, output =>
                {
                    var w = output.Writer;
                    if (!households.Value.IsArray)
                    {
                        ResultJson.WriteEligibility(w, results[0]);
                        return;
                    }

                    w.WriteStartObject();
                    w.WriteString("pack", loaded.Id);
                    w.WriteString("on", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteStartArray("results");
                    foreach (var r in results)
                    {
                        ResultJson.WriteEligibility(w, r);
                        output.FlushIfLarge();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else
            {
                foreach (var r in results)
                {
                    stdout.Write(ResultText.Eligibility(r, language));
                    stdout.WriteLine();
                }

                if (results.Count > 1)
                {
                    stdout.WriteLine(language == "da"
                        ? $"{results.Count} husstande: {results.Count(r => r.Outcome == Outcome.Eligible)} berettigede, {results.Count(r => r.Outcome == Outcome.Ineligible)} ikke berettigede, {results.Count(r => r.Outcome == Outcome.Undetermined)} uafklarede."
                        : $"{results.Count} households: {results.Count(r => r.Outcome == Outcome.Eligible)} eligible, {results.Count(r => r.Outcome == Outcome.Ineligible)} ineligible, {results.Count(r => r.Outcome == Outcome.Undetermined)} undetermined.");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
