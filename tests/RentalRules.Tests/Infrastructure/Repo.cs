using RentalRules.Packs;

namespace RentalRules.Tests.Infrastructure;

/// <summary>Paths in the repository, and the shipped packs loaded once.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "RentalRules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find RentalRules.sln above the test binaries.");
    });

    private static readonly Dictionary<string, Lazy<RulePack>> Packs = new(StringComparer.Ordinal);

    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Rules(string file) => Path("rules", file);

    /// <summary>A shipped pack by id (rules/ID.json), loaded once; fails the test with every diagnostic if it is invalid.</summary>
    public static RulePack Pack(string id)
    {
        Lazy<RulePack> lazy;
        lock (Packs)
        {
            if (!Packs.TryGetValue(id, out lazy!))
            {
                lazy = new Lazy<RulePack>(() => RulePackLoader.Load(Rules(id + ".json")).GetValueOrThrow());
                Packs[id] = lazy;
            }
        }

        return lazy.Value;
    }
}
