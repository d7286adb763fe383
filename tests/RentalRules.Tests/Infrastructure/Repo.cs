using RentalRules.Packs;

namespace RentalRules.Tests.Infrastructure;

/// <summary>Paths in the repository, and the shipped packs (<c>rules/</c>) and example packs (<c>rules/examples/</c>) loaded once.</summary>
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

    /// <summary>The pack files of a folder (<c>*.json</c>, not the pack tests <c>*.tests.json</c> beside them).</summary>
    public static string[] PackFiles(params string[] folder)
        => Directory.GetFiles(Path(folder), "*.json").Where(f => !f.EndsWith(".tests.json", StringComparison.Ordinal)).ToArray();

    /// <summary>The ids of every pack in <c>rules/</c> and <c>rules/examples/</c>, in ordinal order.</summary>
    public static string[] PackIds()
        => PackFiles("rules").Concat(PackFiles("rules", "examples"))
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The illustrative example packs' folder, <c>rules/examples/</c>.</summary>
    public static string Examples(string file) => Path("rules", "examples", file);

    /// <summary>The file of a pack by id: <c>rules/ID.json</c>, or else <c>rules/examples/ID.json</c>.</summary>
    public static string PackFile(string id)
    {
        var shipped = Rules(id + ".json");
        return File.Exists(shipped) ? shipped : Examples(id + ".json");
    }

    /// <summary>
    /// A pack by id (<c>rules/ID.json</c> or <c>rules/examples/ID.json</c>), loaded once; fails the test with every
    /// diagnostic if it is invalid.
    /// </summary>
    public static RulePack Pack(string id)
    {
        Lazy<RulePack> lazy;
        lock (Packs)
        {
            if (!Packs.TryGetValue(id, out lazy!))
            {
                lazy = new Lazy<RulePack>(() => RulePackLoader.Load(PackFile(id)).GetValueOrThrow());
                Packs[id] = lazy;
            }
        }

        return lazy.Value;
    }

    /// <summary>A pack file by its path in the repository (e.g. a draft under <c>samples/</c>); fails the test if it is invalid.</summary>
    public static RulePack Load(string relativePath)
        => RulePackLoader.Load(Path(relativePath.Split('/'))).GetValueOrThrow();
}
