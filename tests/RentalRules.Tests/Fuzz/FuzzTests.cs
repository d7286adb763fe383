using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RentalRules.Analysis;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;
using Outcome = RentalRules.Outcome;
using RentalRules;

namespace RentalRules.Tests.Fuzz;

/// <summary>
/// The fuzz run (issue 13, item 2): hostile packs (mutations of every shipped pack, and small packs generated from
/// scratch) and hostile facts (extreme dates, huge counts, nulls, wrong types, marker values planted in household
/// files). Whatever the input, <see cref="RulePackLoader"/> returns diagnostics or a pack; a pack that loads places,
/// checks, routes, forecasts, compares and renders without throwing, and every undetermined result names a reason; no
/// error text quotes a value from a fact file; the CLI never answers with its internal-error code. CI runs a few
/// seconds of it with a fixed seed; <c>RENTALRULES_FUZZ=nightly</c> runs the nightly size (see README, "Fuzzing").
/// </summary>
[Trait("Category", Fuzzing.Category)]
public sealed class FuzzTests(FuzzFigures figures) : IClassFixture<FuzzFigures>
{
    private static readonly ConcurrentDictionary<string, RulePack?> Origins = new(StringComparer.Ordinal);

    private static readonly Department SampleDepartment = FactReader.ReadDepartments(File.ReadAllText(Repo.Path("samples", "holbaek", "departments.json"))).GetValueOrThrow().Items[0];

    private static readonly string[] ShippedIds = [.. RulePackLoader.BuiltInPacks.Select(p => p.Id).Order(StringComparer.Ordinal)];

    [FuzzProperty(ci: 40, nightly: 10_000)]
    public Property Load_AnyPack_ReturnsDiagnosticsOrAPack_AndWhatLoadsEvaluatesRendersAndExplainsEveryUndeterminedResult()
        => Prop.ForAll(
            Arb.From(from pack in FuzzInputs.Pack from facts in FuzzInputs.Facts select (pack, facts)),
            c =>
            {
                try
                {
                    var result = RulePackLoader.LoadFromText(c.pack.Text, c.pack.File, ResolveBase);
                    figures.Pack(result.Success);
                    figures.Facts(c.facts.Count);
                    AssertResult(result);
                    if (result.Value is { } pack)
                    {
                        Exercise(pack, c.pack.Origin is { } origin ? Origin(origin) : null, c.facts);
                    }
                }
                catch (Exception) when (KeepFailingCase(c.pack.Text, c.facts))
                {
                    // Not reached: the filter keeps the case beside the figures and lets the failure through.
                }
            });

    [FuzzProperty(ci: 200, nightly: 50_000)]
    public Property FactReaders_OnDamagedFilesWithPlantedValues_ReturnLocatedDiagnosticsThatNeverQuoteAValue_AndWhatReadsEvaluates()
        => Prop.ForAll(
            Arb.From(FuzzInputs.FactFile),
            file =>
            {
                figures.FactFile();
                switch (file.Kind)
                {
                    case "departments":
                        var departments = FactReader.ReadDepartments(file.Text, "departments.json");
                        AssertResult(departments, quotesNoValue: true);
                        figures.Facts(Math.Max(1, departments.Value?.Items.Count ?? 0));
                        foreach (var department in departments.Value?.Items ?? [])
                        {
                            AssertPlacement(Pack(file.Text).Place(new PlacementRequest(department, On(file.Text))));
                            figures.Evaluated();
                        }

                        break;
                    case "households":
                        var households = FactReader.ReadHouseholds(file.Text, "households.json");
                        AssertResult(households, quotesNoValue: true);
                        figures.Facts(Math.Max(1, households.Value?.Items.Count ?? 0));
                        foreach (var household in households.Value?.Items ?? [])
                        {
                            foreach (var route in Enum.GetValues<LettingRoute>())
                            {
                                AssertEligibility(Pack(file.Text).Check(new EligibilityRequest(SampleDepartment, household, route, On(file.Text))));
                                figures.Evaluated();
                            }
                        }

                        break;
                    case "vacancies":
                        var vacancies = FactReader.ReadVacancies(file.Text, "vacancies.json");
                        AssertResult(vacancies, quotesNoValue: true);
                        figures.Facts(Math.Max(1, vacancies.Value?.Items.Count ?? 0));
                        var pack = Pack(file.Text);
                        var ledger = pack.NewLedger();
                        foreach (var vacancy in vacancies.Value?.Items ?? [])
                        {
                            var routed = pack.Route(new RoutingRequest(SampleDepartment with { Id = vacancy.Department ?? "HB-101" }, vacancy, On(file.Text)) { Ledger = ledger });
                            AssertDecision(routed.Decision);
                            ledger = routed.Ledger;
                            figures.Evaluated();
                        }

                        break;
                    default:
                        var parsed = Ledger.Parse(file.Text, "ledger.json", "holbaek-2024");
                        AssertResult(parsed, quotesNoValue: true);
                        figures.Facts(Math.Max(1, parsed.Value?.Counters.Count ?? 0));
                        break;
                }
            });

    [FuzzProperty(ci: 12, nightly: 400)]
    public Property Cli_OnDamagedPacksAndFactFiles_NeverExitsWithAnInternalErrorNorQuotesAValue()
        => Prop.ForAll(
            Arb.From(
                from pack in FuzzInputs.Pack
                from departments in FuzzInputs.FactFile.Where(f => f.Kind == "departments")
                from households in FuzzInputs.FactFile.Where(f => f.Kind == "households")
                from vacancies in FuzzInputs.FactFile.Where(f => f.Kind == "vacancies")
                from command in Gen.Choose(0, 6)
                select (pack, departments, households, vacancies, command)),
            c =>
            {
                var folder = Directory.CreateTempSubdirectory("rentalrules-fuzz-");
                try
                {
                    string F(string name) => Path.Combine(folder.FullName, name);
                    File.WriteAllText(F("pack.json"), c.pack.Text);
                    File.WriteAllText(F("departments.json"), c.departments.Text);
                    File.WriteAllText(F("households.json"), c.households.Text);
                    File.WriteAllText(F("vacancies.json"), c.vacancies.Text);
                    var department = JsonFirstItem(c.departments.Text);
                    File.WriteAllText(F("department.json"), department);
                    var on = "2025-03-01";
                    string[] args = c.command switch
                    {
                        0 => ["validate", F("pack.json")],
                        1 => ["place", "--pack", F("pack.json"), "--departments", F("departments.json"), "--on", on, "--json"],
                        2 => ["check", "--pack", F("pack.json"), "--department", F("department.json"), "--household", F("households.json"), "--on", on],
                        3 => ["route", "--pack", F("pack.json"), "--departments", F("departments.json"), "--vacancies", F("vacancies.json"), "--ledger", F("ledger.json"), "--on", on],
                        4 => ["forecast", "--pack", F("pack.json"), "--portfolio", F("departments.json"), "--years", "3", "--on", on],
                        5 => ["compare", "--base", c.pack.Origin is { } origin ? Path.GetFileNameWithoutExtension(origin) : "holbaek-2024", "--draft", F("pack.json"), "--portfolio", F("departments.json"), "--households", F("households.json"), "--format", "html"],
                        _ => ["check", "--pack", F("pack.json"), "--department", F("department.json"), "--household", F("households.json"), "--json", "--lang", "da", "--on", on],
                    };
                    var run = CliRunner.RunIn(folder.FullName, args);
                    figures.CliRun();
                    Assert.True(run.ExitCode is 0 or 1 or 2, $"exit {run.ExitCode}: {run.Stderr}");
                    AssertQuotesNoValue(run.Stderr);
                    if (run.ExitCode != 0)
                    {
                        AssertQuotesNoValue(run.Stdout);
                    }
                }
                finally
                {
                    folder.Delete(recursive: true);
                }
            });

    /// <summary>Writes a failing case's pack and facts beside the figures (the failure message names only their shape).</summary>
    private static bool KeepFailingCase(string packText, FuzzFacts facts)
    {
        try
        {
            var folder = Path.GetDirectoryName(Fuzzing.FiguresFile)!;
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "fuzz-failing-pack.json"), packText);
            File.WriteAllText(Path.Combine(folder, "fuzz-failing-facts.json"), JsonSerializer.Serialize(facts, new JsonSerializerOptions { WriteIndented = true }));
        }
        catch (IOException)
        {
            // Keeping the case is a convenience; the failure itself still reaches FsCheck.
        }

        return false;
    }

    private static string? ResolveBase(string id)
    {
        if (id.Length == 0 || id.IndexOfAny(['/', '\\', '\0', ':']) >= 0)
        {
            return null;
        }

        var path = Repo.Rules(id + ".json");
        return File.Exists(path) ? path : File.Exists(Repo.Examples(id + ".json")) ? Repo.Examples(id + ".json") : null;
    }

    private static RulePack? Origin(string file)
        => Origins.GetOrAdd(file, f => RulePackLoader.LoadFromText(File.ReadAllText(File.Exists(Repo.Rules(f)) ? Repo.Rules(f) : Repo.Examples(f)), f, ResolveBase).Value);

    /// <summary>A shipped pack chosen by the text, so that every pack reads every kind of fact file.</summary>
    private static RulePack Pack(string text) => Repo.Pack(ShippedIds[(int)((uint)text.Length % (uint)ShippedIds.Length)]);

    private static DateOnly On(string text) => new DateOnly(2024, 7, 1).AddDays(text.Length % 2000);

    private static string JsonFirstItem(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() > 0
                ? document.RootElement[0].GetRawText()
                : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private void Exercise(RulePack pack, RulePack? origin, FuzzFacts facts)
    {
        var on = facts.On;
        var placements = facts.Departments.Select(d => pack.Place(new PlacementRequest(d, on))).ToList();
        placements.ForEach(AssertPlacement);
        foreach (var language in new[] { "da", "en" })
        {
            _ = ResultText.Placements(placements, language == "da" ? Language.Danish : Language.English);
        }

        placements.ForEach(p => ResultJson.ToJson(p));
        figures.Evaluated(placements.Count * 2);

        var vacancy = facts.Vacancies.FirstOrDefault();
        foreach (var department in facts.Departments)
        {
            foreach (var household in facts.Households)
            {
                foreach (var route in Enum.GetValues<LettingRoute>())
                {
                    var request = new EligibilityRequest(department, household, route, on, SpecialCriteria: route == LettingRoute.Municipal) { Vacancy = route == LettingRoute.Flexible ? vacancy : null };
                    var eligibility = pack.Check(request);
                    AssertEligibility(eligibility);
                    _ = ResultText.Eligibility(eligibility, route == LettingRoute.WaitingList ? Language.Danish : Language.English);
                    _ = ResultJson.ToJson(eligibility);
                    figures.Evaluated(2);
                }
            }
        }

        var ledger = facts.Counters.Aggregate(pack.NewLedger(), (l, counter) => l.WithCounter(counter));
        var decisions = new List<RoutingDecision>();
        foreach (var v in facts.Vacancies)
        {
            var department = facts.Departments.FirstOrDefault(d => d.Id == v.Department) ?? facts.Departments.FirstOrDefault() ?? new Department();
            var routed = pack.Route(new RoutingRequest(department, v, on) { Ledger = ledger });
            AssertDecision(routed.Decision);
            decisions.Add(routed.Decision);
            ledger = routed.Ledger;
        }

        _ = ResultText.Decisions(decisions, Language.Danish);
        decisions.ForEach(d => ResultJson.ToJson(d));
        var reread = Ledger.Parse(ledger.ToJson(), "ledger.json", pack.Id);
        AssertResult(reread);
        figures.Evaluated((decisions.Count * 2) + 1);

        var forecast = Forecaster.Run(pack, facts.Departments, on, years: 1 + (facts.Households.Count % 3));
        using (var stream = new MemoryStream())
        using (var w = new Utf8JsonWriter(stream))
        {
            ForecastReport.Json(w, forecast, pack.Version);
        }

        _ = ForecastReport.Text(forecast, facts.Departments, Language.Danish);
        figures.Evaluated(3);

        var comparison = PackComparer.Run(origin ?? pack, pack, facts.Departments, facts.Households, on);
        _ = ComparisonReport.Markdown(comparison, Language.Danish);
        _ = ComparisonReport.Html(comparison, Language.English);
        using (var stream = new MemoryStream())
        using (var w = new Utf8JsonWriter(stream))
        {
            ComparisonReport.Json(w, comparison);
        }

        figures.Evaluated(4);
    }

    private static void AssertPlacement(PlacementResult p)
    {
        Assert.True(Enum.IsDefined(p.Outcome));
        Assert.True(p.Outcome != PlacementOutcome.Undetermined || p.Missing.Count > 0, $"{p.DepartmentId}: an undetermined placement names no missing fact");
        AssertReasonsComplete(p.Explanation);
    }

    private static void AssertEligibility(EligibilityResult e)
    {
        Assert.True(Enum.IsDefined(e.Outcome));

        // Undetermined names what is missing; or, for a department no placement rule places (a gap or an overlap in the
        // pack's table), there is nothing to request and the placement's explanation says why.
        Assert.True(
            e.Outcome != Outcome.Undetermined || e.Missing.Count > 0 || (e.Placement.Outcome == PlacementOutcome.Unplaced && e.Explanation.Count > 0),
            $"{e.Route}: an undetermined eligibility names no reason");
        AssertReasonsComplete(e.Explanation);
    }

    private static void AssertDecision(RoutingDecision d)
    {
        Assert.True(Enum.IsDefined(d.Route));

        // Undetermined names the missing facts, or (no routing rule covers the vacancy, the ledger is at its limit, the
        // department is not placed) explains why in its last explanation.
        Assert.True(d.Route != VacancyRoute.Undetermined || d.Missing.Count > 0 || d.Explanation.Count > 0, $"{d.VacancyId}: an undetermined routing names no reason");
        AssertReasonsComplete(d.Explanation);
    }

    /// <summary>No reason says "missing ()": an empty list where a reason should be (issue 13, case 6).</summary>
    private static void AssertReasonsComplete(IReadOnlyList<Explanation> explanation)
    {
        foreach (var x in explanation)
        {
            Assert.DoesNotContain("()", x.Reason.En, StringComparison.Ordinal);
            Assert.DoesNotContain("()", x.Reason.Da, StringComparison.Ordinal);
        }
    }

    private static void AssertResult<T>(LoadResult<T> result, bool quotesNoValue = false)
        where T : class
    {
        Assert.Equal(result.Value is not null, result.Success);
        Assert.True(result.Success || result.Diagnostics.Any(d => d.Severity == Severity.Error), "a failed load has an error");
        Assert.All(result.Diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString()));
        if (quotesNoValue)
        {
            AssertQuotesNoValue(string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
        }
    }

    private static void AssertQuotesNoValue(string text)
    {
        Assert.DoesNotContain(FuzzInputs.Marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FuzzInputs.MarkerNumber, text, StringComparison.Ordinal);
    }
}
