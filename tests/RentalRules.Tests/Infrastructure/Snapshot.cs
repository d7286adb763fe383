using System.Runtime.CompilerServices;

namespace RentalRules.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions: compares text with a committed <c>NAME.verified.EXT</c> beside the test file. On a mismatch
/// (or when the verified file is missing) it writes <c>NAME.received.EXT</c> and fails; review the received file and
/// rename it to accept it. Line endings are normalised to \n.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string name, string extension = "txt", [CallerFilePath] string callerFile = "")
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(callerFile)!, "Snapshots");
        Directory.CreateDirectory(dir);
        var verified = System.IO.Path.Combine(dir, $"{name}.verified.{extension}");
        var received = System.IO.Path.Combine(dir, $"{name}.received.{extension}");
        var normalised = Normalise(actual);
        if (File.Exists(verified) && Normalise(File.ReadAllText(verified)) == normalised)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        File.WriteAllText(received, normalised);
        var hint = File.Exists(verified)
            ? $"Snapshot '{name}' differs from {verified}."
            : $"Snapshot '{name}' has no verified file yet.";
        Assert.Fail($"{hint} The actual text was written to {received}; review it and rename it to .verified.{extension} to accept it.\n\n{normalised}");
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
