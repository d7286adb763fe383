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
        => InDirectory(folder, () =>
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin ?? ""));
            var code = CliApp.Run(args, stdout, stderr, input);
            return new Result(code, stdout.ToString(), stderr.ToString());
        });

    /// <summary>
    /// Runs <paramref name="action"/> with <paramref name="folder"/> as the current directory. The CLI resolves relative
    /// paths against the current directory, which is process-wide, so every test that changes it must go through here:
    /// one that set it on its own raced the others (a pack test run in a temporary folder found its tests file missing).
    /// </summary>
    public static T InDirectory<T>(string folder, Func<T> action)
    {
        lock (Gate)
        {
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = folder;
            try
            {
                return action();
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }
}
