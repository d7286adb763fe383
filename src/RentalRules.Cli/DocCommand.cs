using System.CommandLine;
using RentalRules.Authoring;
using RentalRules.Diagnostics;
using RentalRules.Packs;

namespace RentalRules.Cli;

/// <summary><c>doc --pack P [--format html|md] [--lang da|en] [--out FILE]</c>: the pack as a document to review.</summary>
internal static class DocCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var packArgument = new Argument<string?>("pack") { Description = CommonOptions.PackDescription("The rule pack (or use --pack)"), Arity = ArgumentArity.ZeroOrOne };
        var pack = new Option<string?>("--pack") { Description = CommonOptions.PackDescription("The rule pack") };
        var format = new Option<string>("--format") { Description = "md (Markdown, the default) or html (one self-contained, printable file).", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutFile();
        var command = new Command("doc", "The pack as a document to review: clauses with the rules citing them, parameters with dated values, the placement table, tiers, routing, criteria with their conditions in words, notes and interpretations, pack-test coverage per clause; for a draft, what differs from its base is marked.")
        {
            packArgument, pack, format, lang, output,
        };
        command.SetAction(parse =>
        {
            var language = parse.GetValue(lang)!;
            CommonOptions.CheckLanguage(language);
            var given = (parse.GetValue(packArgument), parse.GetValue(pack)) switch
            {
                ({ } a, null) => a,
                (null, { } option) => option,
                (null, null) => throw new CliUsageException("doc needs a pack: 'rentalrules doc --pack holbaek-2024'."),
                _ => throw new CliUsageException("Give the pack once: as an argument or with --pack."),
            };
            var path = IsFile(given) ? given : CommonOptions.ResolvePackId(given);
            var loaded = path is null ? RulePackLoader.LoadBuiltIn(given) : RulePackLoader.Load(path);
            CommonOptions.PrintErrors(loaded.Diagnostics, stderr);
            if (loaded.Value is not { } p)
            {
                return ExitCodes.InvalidInput;
            }

            var tests = path is null ? PackTestRunner.RunBuiltIn(p.Id) : PackTestRunner.RunFile(path);
            var basePack = p.Status == "draft" ? DirectBase(p, path) : null;
            var text = parse.GetValue(format) == "html" ? PackDocument.ToHtml(p, CommonOptions.ToLanguage(language), tests, basePack) : PackDocument.ToMarkdown(p, CommonOptions.ToLanguage(language), tests, basePack);
            if (parse.GetValue(output) is { } file)
            {
                return CommonOptions.WriteAtomically(file, text, "document", stderr) ? ExitCodes.Success : ExitCodes.InvalidInput;
            }

            stdout.Write(text);
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsFile(string given)
        => File.Exists(given) || given.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || given.Contains('/', StringComparison.Ordinal) || given.Contains('\\', StringComparison.Ordinal);

    /// <summary>The pack a draft extends directly (the first of its bases that no other of them extends), found as the loader finds it.</summary>
    private static RulePack? DirectBase(RulePack draft, string? path)
    {
        var bases = draft.Extends.Select(id => Load(id, path)).OfType<RulePack>().ToList();
        var indirect = bases.SelectMany(b => b.Extends).ToHashSet(StringComparer.Ordinal);
        return bases.FirstOrDefault(b => !indirect.Contains(b.Id));
    }

    private static RulePack? Load(string id, string? draftPath)
    {
        if (draftPath is not null)
        {
            var beside = Path.Combine(Path.GetDirectoryName(draftPath) ?? "", id + ".json");
            if (File.Exists(beside))
            {
                return RulePackLoader.Load(beside).Value;
            }
        }

        var result = CommonOptions.LoadPackResult(id);
        return result.Diagnostics.Any(d => d.Severity == Severity.Error) ? null : result.Value;
    }
}
