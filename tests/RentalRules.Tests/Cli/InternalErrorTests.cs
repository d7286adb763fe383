using RentalRules.Cli;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>
/// An internal error (a bug, not bad input) exits with its own code, 3, and one line on stderr that names the error's
/// type: no stack trace, and not the exception's message, which may quote input.
/// </summary>
public sealed class InternalErrorTests
{
    [Fact]
    public void Run_WhenTheCommandFailsInternally_ExitsThreeWithOneLineAndNoStackTraceOrMessage()
    {
        var stderr = new StringWriter();
        var code = CliRunner.InDirectory(Repo.Root, () => CliApp.Run(
            ["place", "--pack", "rules/holbaek-2024.json", "--departments", "samples/holbaek/departments.json", "--on", "2025-03-01", "--json"],
            new FailingWriter(), stderr));

        Assert.Equal(3, code);
        Assert.Equal(
            "rentalrules: internal error (InvalidOperationException); this is a bug in rentalrules, please report it with the command you ran (no personal data).",
            Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r'));
        Assert.DoesNotContain("ZQXMARKER7", stderr.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Standard output that breaks with a message quoting "input", as a bug deep in a renderer might.</summary>
    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("ZQXMARKER7 from the input");

        public override void Write(string? value) => throw new InvalidOperationException("ZQXMARKER7 from the input");

        public override void Write(char[] buffer, int index, int count) => throw new InvalidOperationException("ZQXMARKER7 from the input");

        public override void WriteLine(string? value) => throw new InvalidOperationException("ZQXMARKER7 from the input");
    }
}
