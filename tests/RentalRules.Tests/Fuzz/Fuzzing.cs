using FsCheck.Xunit;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Fuzz;

/// <summary>
/// The size of a fuzz run. CI runs a small one with a fixed seed (seconds); <c>RENTALRULES_FUZZ=nightly</c> runs the
/// nightly size (at least 10 000 packs and 100 000 fact items) from a fresh seed, and <c>RENTALRULES_FUZZ_SEED</c>
/// replays the run a failure message names (FsCheck prints it as <c>Replay = "(seed,gamma)"</c>).
/// </summary>
internal static class Fuzzing
{
    /// <summary>The xunit trait that selects the fuzz properties: <c>--filter Category=Fuzz</c>.</summary>
    public const string Category = "Fuzz";

    /// <summary>The seed of the CI-sized run; a failure in CI replays on any machine.</summary>
    public const string CiReplay = "(1313131313,2026120113)";

    /// <summary>Whether this is the nightly-sized run.</summary>
    public static readonly bool Nightly = string.Equals(Environment.GetEnvironmentVariable("RENTALRULES_FUZZ"), "nightly", StringComparison.OrdinalIgnoreCase);

    /// <summary>A replay seed given by the environment, or <c>null</c>.</summary>
    public static readonly string? Seed = Environment.GetEnvironmentVariable("RENTALRULES_FUZZ_SEED") is { Length: > 0 } s ? s : null;

    /// <summary>Where the run's figures are written: <c>RENTALRULES_FUZZ_OUT</c>, else <c>TestResults/fuzz-figures.txt</c> under the repository.</summary>
    public static string FiguresFile => Environment.GetEnvironmentVariable("RENTALRULES_FUZZ_OUT") is { Length: > 0 } path
        ? path
        : Repo.Path("TestResults", "fuzz-figures.txt");
}

/// <summary>
/// A fuzz property: <paramref name="ci"/> cases with the fixed CI seed, or <paramref name="nightly"/> cases from a fresh
/// seed when <c>RENTALRULES_FUZZ=nightly</c>; <c>RENTALRULES_FUZZ_SEED</c> replays a given seed at either size.
/// </summary>
public sealed class FuzzPropertyAttribute : PropertyAttribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="ci">Cases in CI.</param>
    /// <param name="nightly">Cases in the nightly run.</param>
    public FuzzPropertyAttribute(int ci, int nightly)
    {
        MaxTest = Fuzzing.Nightly ? nightly : ci;
        QuietOnSuccess = true;
        if (Fuzzing.Seed is { } seed)
        {
            Replay = seed;
        }
        else if (!Fuzzing.Nightly)
        {
            Replay = Fuzzing.CiReplay;
        }
    }
}

/// <summary>What a fuzz run tried, counted across its properties and written when the test class is done.</summary>
public sealed class FuzzFigures : IDisposable
{
    private long _packsTried;
    private long _packsLoaded;
    private long _evaluations;
    private long _factItems;
    private long _factFiles;
    private long _cliRuns;

    /// <summary>Counts a pack given to the loader.</summary>
    /// <param name="loaded">Whether it loaded.</param>
    public void Pack(bool loaded)
    {
        Interlocked.Increment(ref _packsTried);
        if (loaded)
        {
            Interlocked.Increment(ref _packsLoaded);
        }
    }

    /// <summary>Counts evaluations (a placement, a check, a routing, a forecast, a comparison or a rendering each).</summary>
    /// <param name="n">How many.</param>
    public void Evaluated(long n = 1) => Interlocked.Add(ref _evaluations, n);

    /// <summary>Counts generated fact items (departments, households, vacancies, ledger counters).</summary>
    /// <param name="n">How many.</param>
    public void Facts(long n) => Interlocked.Add(ref _factItems, n);

    /// <summary>Counts a fact file given to a reader.</summary>
    public void FactFile() => Interlocked.Increment(ref _factFiles);

    /// <summary>Counts a CLI run.</summary>
    public void CliRun() => Interlocked.Increment(ref _cliRuns);

    /// <summary>Writes the figures.</summary>
    public void Dispose()
    {
        var size = Fuzzing.Nightly ? "nightly" : "ci";
        var line = FormattableString.Invariant(
            $"{TimeProvider.System.GetUtcNow():u} size={size} seed={Fuzzing.Seed ?? (Fuzzing.Nightly ? "fresh" : Fuzzing.CiReplay)} packs tried={_packsTried} loaded={_packsLoaded} evaluations={_evaluations} fact items={_factItems} fact files={_factFiles} cli runs={_cliRuns}");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Fuzzing.FiguresFile)!);
            File.AppendAllText(Fuzzing.FiguresFile, line + Environment.NewLine);
        }
        catch (IOException)
        {
            // The figures are a report, not a result: a read-only checkout must not fail the run.
        }
    }
}
