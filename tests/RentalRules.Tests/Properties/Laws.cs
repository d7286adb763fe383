using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Properties;

/// <summary>
/// What the property tests share: the fixed seed they replay (<see cref="Replay"/>), the shipped packs they range over,
/// and helpers for packs loaded from text and for deep inputs on a small stack.
/// </summary>
internal static class Laws
{
    /// <summary>
    /// The seed every property starts from, as FsCheck.Xunit's <c>Replay</c>: <c>[Property(MaxTest = …, Replay =
    /// Laws.Replay)]</c>. A failure prints the seed and the (shrunk) counterexample; the same seed gives the same cases
    /// on every run and every machine. Change it locally to explore; keep it fixed in the repository.
    /// </summary>
    public const string Replay = "(104372539492097,11400714819323198485)";

    /// <summary>The ids of the packs in <c>rules/</c>, in name order.</summary>
    public static readonly IReadOnlyList<string> ShippedPackIds = Repo.PackFiles("rules")
        .Select(f => System.IO.Path.GetFileNameWithoutExtension(f))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Finds base packs in <c>rules/</c>, for packs loaded from text.</summary>
    /// <param name="id">The id named in <c>extends</c>.</param>
    /// <returns>The path, or <c>null</c>.</returns>
    public static string? ResolveShippedBase(string id)
    {
        if (id.Length == 0 || id.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            return null;
        }

        var path = Repo.Rules(id + ".json");
        return File.Exists(path) ? path : null;
    }

    /// <summary>Runs an action on a thread with a given stack size (1 MB is the default on Windows) and rethrows its exception.</summary>
    /// <param name="action">The action.</param>
    /// <param name="stackBytes">The stack size.</param>
    public static void OnThreadWithStack(Action action, int stackBytes = 1024 * 1024)
    {
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
                }
                catch (Exception ex)
                {
                    error = ex;
                }
            },
            stackBytes);
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        }
    }
}
