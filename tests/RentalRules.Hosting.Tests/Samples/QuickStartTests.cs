using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Hosting.Tests.Samples;

/// <summary>The README's quick start is samples/QuickStart/Program.cs, and it runs.</summary>
public sealed class QuickStartTests
{
    [Fact]
    public void ReadmeQuickStart_IsTheQuickStartProgram()
    {
        var readme = File.ReadAllText(Repo.Path("README.md"));
        var match = Regex.Match(readme, @"## Quick start\n.*?```csharp\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "README.md has no ```csharp block under '## Quick start'.");

        var program = File.ReadAllText(Repo.Path("samples", "QuickStart", "Program.cs"));

        Assert.Equal(Normalise(program), Normalise(match.Groups["code"].Value));
    }

    [Fact(Timeout = 120000)]
    public async Task QuickStart_RunFromTheRepositoryRoot_PrintsTheOutcomeCriteriaAndDanishExplanation()
    {
        // Built with the tests (a project reference); run as the README says, from the repository root.
        var configuration = typeof(QuickStartTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Repo.Path("samples", "QuickStart", "bin", configuration, "net10.0", "QuickStart.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built.");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{output}\n{await stderr}");
        var lines = output.Split('\n');
        Assert.Equal("Eligible", lines[0].TrimEnd());
        Assert.Equal("holbaek-b3-1-convictions (bilag 3 nr. 1): Eligible", lines[1].TrimEnd());
        Assert.Contains("vej: venteliste: BERETTIGET", output, StringComparison.Ordinal);
        Assert.Contains("Straffeattest for medlemmer af husstanden, som er fyldt 15 år", output, StringComparison.Ordinal);
    }

    private static string Normalise(string code)
        => string.Join("\n", code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim();
}
