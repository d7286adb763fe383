using FsCheck;
using Microsoft.FSharp.Core;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Properties;

/// <summary>
/// Runs FsCheck properties from xunit with a fixed seed, so that a failure shows the same counterexample on every
/// run and on every machine. Also lists the shipped packs the laws range over.
/// </summary>
internal static class Laws
{
    /// <summary>The seed every property starts from. Change it locally to explore; keep it fixed in the repository.</summary>
    public const ulong Seed = 0x5EED_2024_0701UL;

    /// <summary>The ids of the packs in <c>rules/</c>, in name order.</summary>
    public static readonly IReadOnlyList<string> ShippedPackIds = Repo.PackFiles("rules")
        .Select(f => System.IO.Path.GetFileNameWithoutExtension(f))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Checks a property on <paramref name="cases"/> generated cases; throws with the counterexample on failure.</summary>
    /// <param name="property">The property.</param>
    /// <param name="cases">How many cases to generate.</param>
    public static void Check(Property property, int cases) => FsCheck.Check.One(Config(cases), property);

    /// <summary>The configuration: quiet on success, throwing on failure, replaying from <see cref="Seed"/>.</summary>
    /// <param name="cases">How many cases to generate.</param>
    /// <returns>The configuration.</returns>
    public static Config Config(int cases) => FsCheck.Config.QuickThrowOnFailure
        .WithMaxTest(cases)
        .WithQuietOnSuccess(true)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed), FSharpOption<int>.None)));

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
