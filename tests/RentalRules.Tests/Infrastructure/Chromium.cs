using System.Diagnostics;

namespace RentalRules.Tests.Infrastructure;

/// <summary>
/// Renders pages in headless Chromium (the Debian package <c>chromium</c>; <c>.ci/run</c> installs it). A missing
/// browser fails the test with a message saying how to install it; a browser that hangs is killed after a timeout.
/// Each run gets a new, temporary profile folder.
/// </summary>
public static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly string[] Names = ["chromium", "chromium-browser"];

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    ];

    /// <summary>The DOM of the page after Chromium has parsed and rendered it.</summary>
    public static string DumpDom(string htmlFile)
    {
        var (stdout, _) = Run(["--dump-dom", FileUrl(htmlFile)]);
        return stdout;
    }

    /// <summary>A screenshot of the page as PNG, at the given window size.</summary>
    public static void Screenshot(string htmlFile, string pngFile, int width, int height)
    {
        if (File.Exists(pngFile))
        {
            File.Delete(pngFile);
        }

        var (_, stderr) = Run([$"--screenshot={pngFile}", $"--window-size={width},{height}", FileUrl(htmlFile)]);
        Assert.True(File.Exists(pngFile), $"Chromium wrote no screenshot to {pngFile}. Its stderr:\n{stderr}");
    }

    /// <summary>The browser on PATH; fails the test with how to install it when there is none.</summary>
    public static string Executable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Names)
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail(
            "Chromium is not installed (no 'chromium' on PATH), so the HTML report cannot be checked in a browser. "
            + "Install it with: apt-get update && apt-get install -y chromium (.ci/run does this on CI).");
        return "";
    }

    private static string FileUrl(string file) => new Uri(System.IO.Path.GetFullPath(file)).AbsoluteUri;

    private static (string Stdout, string Stderr) Run(string[] args)
    {
        var exe = Executable();
        var profile = Directory.CreateTempSubdirectory("rr-chromium-");
        try
        {
            var start = new ProcessStartInfo(exe)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in Flags.Append($"--user-data-dir={profile.FullName}").Concat(args))
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {exe}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.Fail($"Chromium did not finish within {Timeout.TotalSeconds} s and was killed ({string.Join(' ', args)}).");
            }

            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}. Its stderr:\n{stderr.Result}");
            return (stdout.Result, stderr.Result);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a lock file for a moment; a leftover profile does not fail a test.
            }
        }
    }
}
