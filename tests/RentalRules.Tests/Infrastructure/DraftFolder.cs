using RentalRules.Packs;

namespace RentalRules.Tests.Infrastructure;

/// <summary>
/// A temporary folder holding copies of the shipped packs (<c>rules/*.json</c>) and a draft written beside them, so the
/// draft's <c>extends</c> resolves as it would for a consultant; deleted on dispose.
/// </summary>
public sealed class DraftFolder : IDisposable
{
    /// <summary>A Holbæk draft that moves the green/yellow threshold from 30 % to 35 %.</summary>
    public const string HolbaekGreenMax35 = """
        {
          "id": "holbaek-2024-green35",
          "version": "0.1.0",
          "title": "Holbæk draft: green up to 35 %",
          "status": "draft",
          "extends": ["holbaek-2024"],
          "parameters": {
            "greenMax": { "unit": "share", "clause": "§ 6", "values": [ { "from": "2024-07-01", "value": 0.35 } ] }
          }
        }
        """;

    private readonly DirectoryInfo _dir;

    public DraftFolder(string draftJson = HolbaekGreenMax35, string fileName = "holbaek-2024-green35.json")
    {
        _dir = Directory.CreateTempSubdirectory("rr-draft-");
        foreach (var pack in Repo.PackFiles("rules"))
        {
            File.Copy(pack, System.IO.Path.Combine(_dir.FullName, System.IO.Path.GetFileName(pack)));
        }

        DraftPath = System.IO.Path.Combine(_dir.FullName, fileName);
        File.WriteAllText(DraftPath, draftJson);
    }

    /// <summary>The folder.</summary>
    public string Folder => _dir.FullName;

    /// <summary>The draft's file.</summary>
    public string DraftPath { get; }

    /// <summary>Loads the draft; fails the test with every diagnostic when it is invalid.</summary>
    public RulePack Load() => RulePackLoader.Load(DraftPath).GetValueOrThrow();

    public void Dispose()
    {
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder does not fail a test.
        }
    }
}
