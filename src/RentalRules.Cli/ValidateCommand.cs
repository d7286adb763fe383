using System.CommandLine;
using RentalRules.Diagnostics;
using RentalRules.Explanations;
using RentalRules.Packs;

namespace RentalRules.Cli;

/// <summary><c>validate PACK…</c>: load and check packs; diagnostics as <c>file:line:col: error CODE: message</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var packs = new Argument<string[]>("packs") { Description = "Pack files (or pack ids) to validate.", Arity = ArgumentArity.ZeroOrMore };
        // Every other command names its pack with --pack; validate takes it too, as a newcomer types it.
        var packOption = new Option<string[]>("--pack") { Description = "A pack file or id to validate (repeatable; the same as naming it as an argument).", AllowMultipleArgumentsPerToken = false };
        var json = CommonOptions.Json();
        var notes = new Option<bool>("--notes") { Description = "Also list each pack's interpretations: the rule and clause, the reading it encodes, the alternative and the draft that encodes it." };
        var command = new Command("validate", "Load, check and compile rule packs. Exit 0 when all are valid, 1 otherwise.") { packs, packOption, json, notes };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(packs)?.Length ?? 0) + (result.GetValue(packOption)?.Length ?? 0) == 0)
            {
                result.AddError("Name at least one pack: validate PACK… or validate --pack PACK.");
            }
        });
        command.SetAction(parse =>
        {
            // A shell's rules/*.json names the pack tests beside the packs too: those are checked (and run) by 'test'.
            var given = (parse.GetValue(packs) ?? []).Concat(parse.GetValue(packOption) ?? []).ToArray();
            var results = given.Where(p => !IsTestsOfAGivenPack(p, given)).Select(p => (Path: p, Result: CommonOptions.LoadPackResult(p))).ToList();
            var valid = results.All(r => r.Result.Success);
            if (parse.GetValue(json))
            {
                CommonOptions.WriteJson(stdout, output =>
                {
                    var w = output.Writer;
                    w.WriteStartObject();
                    w.WriteBoolean("valid", valid);
                    w.WriteStartArray("packs");
                    foreach (var (path, result) in results)
                    {
                        w.WriteStartObject();
                        w.WriteString("file", path);
                        w.WriteString("id", result.Value?.Id);
                        w.WriteBoolean("valid", result.Success);
                        w.WriteStartArray("diagnostics");
                        foreach (var d in result.Diagnostics)
                        {
                            ResultJson.WriteDiagnostic(w, d);
                        }

                        w.WriteEndArray();
                        if (parse.GetValue(notes) && result.Value is { } p)
                        {
                            w.WriteStartArray("interpretations");
                            foreach (var i in p.Interpretations)
                            {
                                w.WriteStartObject();
                                w.WriteString("id", i.Id);
                                w.WriteString("rule", i.Rule);
                                w.WriteString("clause", i.Clause);
                                w.WriteString("source", i.Source);
                                w.WriteString("reading", i.Reading);
                                w.WriteString("alternative", i.Alternative);
                                w.WriteString("draft", i.Draft);
                                w.WriteEndObject();
                            }

                            w.WriteEndArray();
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else
            {
                foreach (var (path, result) in results)
                {
                    foreach (var d in result.Diagnostics)
                    {
                        (d.Severity == Severity.Error ? stderr : stdout).WriteLine(d.ToString());
                    }

                    if (result.Value is { } pack)
                    {
                        var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
                        stdout.WriteLine($"{path}: valid ({pack.Id} {pack.Version}, {pack.Tiers.Count} tiers, {pack.Citations.Count} cited rules{(warnings > 0 ? $", {warnings} warnings" : "")})");
                        if (parse.GetValue(notes))
                        {
                            WriteInterpretations(stdout, pack);
                        }
                    }
                    else
                    {
                        stderr.WriteLine($"{path}: invalid");
                    }
                }
            }

            return valid ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }

    private static bool IsTestsOfAGivenPack(string path, string[] given)
        => path.EndsWith(Authoring.PackTestRunner.Extension, StringComparison.OrdinalIgnoreCase)
            && given.Contains(path[..^Authoring.PackTestRunner.Extension.Length] + ".json", StringComparer.Ordinal);

    private static void WriteInterpretations(TextWriter stdout, RulePack pack)
    {
        if (pack.Interpretations.Count == 0)
        {
            stdout.WriteLine("  (no interpretations)");
            return;
        }

        foreach (var i in pack.Interpretations)
        {
            stdout.WriteLine($"  {i.Id}: on {i.Rule} ({i.Source} {i.Clause})");
            stdout.WriteLine($"    reading:     {i.Reading}");
            stdout.WriteLine($"    alternative: {i.Alternative}");
            if (i.Draft is { } draft)
            {
                stdout.WriteLine($"    draft:       {draft}");
            }
        }
    }
}
