using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>The CLI's help is human-facing text: pinned by snapshots so a change to a command is a reviewed change.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("root")]
    [InlineData("validate")]
    [InlineData("place")]
    [InlineData("check")]
    [InlineData("route")]
    [InlineData("forecast")]
    [InlineData("compare")]
    [InlineData("packs")]
    public void Help_OfEachCommand_MatchesSnapshot(string command)
    {
        var run = command == "root" ? CliRunner.Run("--help") : CliRunner.Run(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        // The usage line names the running executable (the test host here, rentalrules when installed as a tool).
        var text = run.Stdout.Replace(System.CommandLine.RootCommand.ExecutableName, "rentalrules", StringComparison.Ordinal);
        Snapshot.Match(text, "help-" + command);
    }
}
