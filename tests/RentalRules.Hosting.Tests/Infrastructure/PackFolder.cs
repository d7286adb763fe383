using System.Text;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Hosting.Tests.Infrastructure;

/// <summary>A temporary pack folder with copies of shipped packs, deleted at the end of the test.</summary>
public sealed class PackFolder : IDisposable
{
    public PackFolder(params string[] packIds)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rentalrules-hosting-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        foreach (var id in packIds)
        {
            System.IO.File.Copy(Repo.Rules(id + ".json"), File(id));
        }
    }

    public string Path { get; }

    public static string Shipped(string id) => System.IO.File.ReadAllText(Repo.Rules(id + ".json"));

    public string File(string id) => System.IO.Path.Combine(Path, id + ".json");

    public string Temp(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a pack file in place (not atomically, as a person copying a file would).</summary>
    public void Write(string id, string json) => System.IO.File.WriteAllText(File(id), json, new UTF8Encoding(false));

    /// <summary>Writes a pack file beside the folder's packs and renames it over the old one (atomic replace).</summary>
    public void Replace(string id, string json)
    {
        var temp = File(id) + ".tmp";
        System.IO.File.WriteAllText(temp, json, new UTF8Encoding(false));
        System.IO.File.Move(temp, File(id), overwrite: true);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A watcher or a pooled connection may still hold it; the temp folder is cleaned by the system.
        }
    }
}

/// <summary>Edits of shipped pack text for tests.</summary>
public static class PackText
{
    public static string With(this string json, string find, string replace)
    {
        Assert.Contains(find, json, StringComparison.Ordinal);
        var at = json.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(json.AsSpan(0, at), replace, json.AsSpan(at + find.Length));
    }

    public static string WithVersion(this string json, string version) => json.With("\"version\": \"1.0.0\"", $"\"version\": \"{version}\"");
}
