using RentalRules.Cli;

namespace RentalRules.Tests.Infrastructure;

/// <summary>Runs the CLI in-process, from the repository root, and captures its output and exit code.</summary>
public static class CliRunner
{
    private static readonly object Gate = new();

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunIn(Repo.Root, args);

    /// <summary>Runs the CLI with <paramref name="folder"/> as the current directory.</summary>
    public static Result RunIn(string folder, params string[] args)
    {
        // The CLI resolves relative paths against the current directory, which is process-wide: serialise runs.
        lock (Gate)
        {
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = folder;
            try
            {
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                var code = CliApp.Run(args, stdout, stderr);
                return new Result(code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }
}
