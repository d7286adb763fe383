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
    [InlineData("offer")]
    [InlineData("forecast")]
    [InlineData("compare")]
    [InlineData("report")]
    [InlineData("packs")]
    [InlineData("test")]
    [InlineData("doc")]
    [InlineData("new-draft")]
    public void Help_OfEachCommand_MatchesSnapshot(string command)
    {
        var run = command == "root" ? CliRunner.Run("--help") : CliRunner.Run(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        // The usage line says rentalrules whatever the executable is called (the test host here, RentalRules.Cli.dll
        // when installed as a tool).
        Assert.Contains("  rentalrules", run.Stdout, StringComparison.Ordinal);
        Snapshot.Match(run.Stdout, "help-" + command);
    }
}
