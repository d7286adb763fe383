using RentalRules.Cli;

namespace RentalRules.Tests.Infrastructure;

/// <summary>Runs the CLI in-process, from the repository root, and captures its output and exit code.</summary>
public static class CliRunner
{
    private static readonly object Gate = new();

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunIn(Repo.Root, args);

    /// <summary>Runs the CLI from the repository root with <paramref name="stdin"/> as its standard input.</summary>
    public static Result RunWithStdin(string stdin, params string[] args) => RunIn(Repo.Root, args, stdin);

    /// <summary>Runs the CLI with <paramref name="folder"/> as the current directory.</summary>
    public static Result RunIn(string folder, params string[] args) => RunIn(folder, args, null);

    private static Result RunIn(string folder, string[] args, string? stdin)
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
                using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin ?? ""));
                var code = CliApp.Run(args, stdout, stderr, input);
                return new Result(code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }
}
