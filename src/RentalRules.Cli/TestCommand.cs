using System.CommandLine;
using RentalRules.Authoring;

namespace RentalRules.Cli;

/// <summary><c>test PACK… [--json]</c>: run the pack tests beside each pack (<c>ID.tests.json</c>), with clause coverage.</summary>
internal static class TestCommand
{
    public static Command Create(TextWriter stdout)
    {
        var packs = new Argument<string[]>("packs") { Description = "Pack files, their tests files (ID.tests.json) or pack ids.", Arity = ArgumentArity.OneOrMore };
        var json = CommonOptions.Json();
        var command = new Command("test", "Run the pack tests beside each pack (ID.tests.json): every case passed or failed with expected and actual, coverage per clause; a draft also runs its base's cases and shows which it changes. Exit 0 when all pass, 1 otherwise.") { packs, json };
        command.SetAction(parse =>
        {
            var reports = new List<PackTestReport>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var arg in parse.GetValue(packs)!)
            {
                var key = Key(arg);
                if (seen.Add(key))
                {
                    reports.Add(Run(arg));
                }
            }

            stdout.Write(parse.GetValue(json) ? PackTestWriter.ToJson(reports) + Environment.NewLine : PackTestWriter.ToText(reports));
            return reports.All(r => r.Passed) ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }

    /// <summary>A pack and its tests file are one run: <c>rules/*.json</c> names both.</summary>
    private static string Key(string arg)
    {
        var path = arg.EndsWith(PackTestRunner.Extension, StringComparison.OrdinalIgnoreCase) ? arg[..^PackTestRunner.Extension.Length] + ".json" : arg;
        return File.Exists(path) ? Path.GetFullPath(path) : arg;
    }

    private static PackTestReport Run(string arg)
    {
        if (File.Exists(arg) || arg.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || arg.Contains('/', StringComparison.Ordinal) || arg.Contains('\\', StringComparison.Ordinal))
        {
            return PackTestRunner.RunFile(arg);
        }

        var resolved = CommonOptions.ResolvePackId(arg);
        return resolved is null ? PackTestRunner.RunBuiltIn(arg) : PackTestRunner.RunFile(resolved);
    }
}
