using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packaging;

/// <summary>
/// What a NuGet user does, end to end: the packages packed into a temporary feed; a new console project that references
/// RentalRules from that feed loads holbaek-2024 by id and checks a household; the tool installed from the feed works
/// from an empty folder holding only a draft. Restores use the temporary feed and the machine's configured sources, and
/// a temporary package folder, so a package of an earlier run is never taken from the cache.
/// </summary>
public sealed class ConsumerTests : IDisposable
{
    private const string Version = "0.1.0";
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(12);
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("rr-consumer-");

    public void Dispose()
    {
        try
        {
            _temp.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder does not fail the test.
        }
    }

    [Fact]
    public void PackedLibraryAndTool_OutsideTheRepository_LoadAndCheckBuiltInPacksById()
    {
        var feed = Dir("feed");
        var packages = Dir("packages");
        // Packing restores the repository's own dependencies from the usual package folder.
        Dotnet(Repo.Root, null, "pack", "src/RentalRules.Cli/RentalRules.Cli.csproj", "-c", "Release", "-o", feed, "--artifacts-path", Dir("artifacts"), "-p:ContinuousIntegrationBuild=true");
        Dotnet(Repo.Root, null, "pack", "src/RentalRules/RentalRules.csproj", "-c", "Release", "-o", feed, "--artifacts-path", Dir("artifacts"), "-p:ContinuousIntegrationBuild=true");

        AssertPackageContents(feed);

        // A console project that references the package and loads a built-in pack by id.
        var app = Dir("app");
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="rentalrules-test-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RentalRules" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using RentalRules;
            using RentalRules.Evaluation;
            using RentalRules.Facts;
            using RentalRules.Packs;

            var pack = RulePackLoader.LoadBuiltIn("holbaek-2024").GetValueOrThrow();
            var department = FactReader.ReadDepartments(File.ReadAllText(args[0])).GetValueOrThrow().Items[0];
            var household = FactReader.ReadHouseholds(File.ReadAllText(args[1])).GetValueOrThrow().Items[0];
            var result = pack.Check(new EligibilityRequest(department, household, LettingRoute.WaitingList, new DateOnly(2025, 3, 1)));
            Console.WriteLine($"{pack.Id} {pack.Version} {RulePackLoader.BuiltInPacks.Count} {result.Outcome}");
            """);
        var department = Repo.Path("samples", "holbaek", "department-red.json");
        var households = Repo.Path("samples", "holbaek", "households.json");
        var output = Dotnet(app, packages, "run", "--", department, households);

        var expected = Repo.Pack("holbaek-2024").Check(new RentalRules.Evaluation.EligibilityRequest(
            RentalRules.Facts.FactReader.ReadDepartments(File.ReadAllText(department)).GetValueOrThrow().Items[0],
            RentalRules.Facts.FactReader.ReadHouseholds(File.ReadAllText(households)).GetValueOrThrow().Items[0],
            RentalRules.LettingRoute.WaitingList,
            new DateOnly(2025, 3, 1)));
        Assert.Equal($"holbaek-2024 1.0.0 {RentalRules.Packs.RulePackLoader.BuiltInPacks.Count} {expected.Outcome}", output.Trim());

        // The tool, installed from the feed, run from an empty folder that holds only a draft.
        var tools = Dir("tools");
        Dotnet(app, packages, "tool", "install", "RentalRules.Cli", "--version", Version, "--tool-path", tools, "--add-source", feed);
        var work = Dir("work");
        File.WriteAllText(Path.Combine(work, "my-draft.json"), """
            { "id": "my-draft", "version": "0.1.0", "title": "Udkast", "status": "draft", "extends": ["holbaek-2024"],
              "parameters": { "greenMax": { "values": [ { "from": "2024-07-01", "value": 0.35 } ] } } }
            """);
        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "rentalrules.exe" : "rentalrules");

        var check = Run(tool, work, packages, "check", "--pack", "holbaek-2024", "--department", department, "--household", households, "--route", "waitingList", "--on", "2025-03-01", "--json");
        using (var doc = JsonDocument.Parse(check))
        {
            Assert.Equal(3, doc.RootElement.GetProperty("results").GetArrayLength());
        }

        var validate = Run(tool, work, packages, "validate", "my-draft.json");
        Assert.Contains("my-draft.json: valid (my-draft 0.1.0", validate, StringComparison.Ordinal);

        var compare = Run(tool, work, packages, "compare", "--base", "holbaek-2024", "--draft", "my-draft.json", "--portfolio", Repo.Path("samples", "holbaek", "departments.json"), "--on", "2025-03-01");
        Assert.Contains("greenMax", compare, StringComparison.Ordinal);

        var help = Run(tool, work, packages, "--help");
        Assert.Contains("  rentalrules [command] [options]", help, StringComparison.Ordinal);
        Assert.Equal(["my-draft.json"], Directory.GetFiles(work).Select(Path.GetFileName));
    }

    private static void AssertPackageContents(string feed)
    {
        using var library = ZipFile.OpenRead(Path.Combine(feed, $"RentalRules.{Version}.nupkg"));
        var entries = library.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net10.0/RentalRules.dll", entries);
        Assert.Contains("lib/net10.0/RentalRules.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.True(File.Exists(Path.Combine(feed, $"RentalRules.{Version}.snupkg")), "the symbols package is missing");
        var nuspec = Read(library, "RentalRules.nuspec");
        Assert.Contains("<repository type=\"git\" url=\"https://github.com/rentalrules/rentalrules\"", nuspec, StringComparison.Ordinal);
        Assert.Contains("<projectUrl>https://github.com/rentalrules/rentalrules</projectUrl>", nuspec, StringComparison.Ordinal);
        var readme = Read(library, "README.md");
        Assert.DoesNotContain("](docs/", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("DESIGN", readme, StringComparison.Ordinal);

        // The tool is a package that names one package per runtime: linux-x64 precompiled, "any" for every other platform.
        using var tool = ZipFile.OpenRead(Path.Combine(feed, $"RentalRules.Cli.{Version}.nupkg"));
        var toolEntries = tool.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("README.md", toolEntries);
        Assert.Contains("<tags>", Read(tool, "RentalRules.Cli.nuspec"), StringComparison.Ordinal);
        var settings = Read(tool, "tools/any/any/DotnetToolSettings.xml");
        Assert.Contains("RuntimeIdentifier=\"linux-x64\" Id=\"RentalRules.Cli.linux-x64\"", settings, StringComparison.Ordinal);
        Assert.Contains("RuntimeIdentifier=\"any\" Id=\"RentalRules.Cli.any\"", settings, StringComparison.Ordinal);

        using var portable = ZipFile.OpenRead(Path.Combine(feed, $"RentalRules.Cli.any.{Version}.nupkg"));
        Assert.False(IsReadyToRun(portable, "tools/net10.0/any/RentalRules.dll"), "the portable tool package should hold IL only");
        using var linux = ZipFile.OpenRead(Path.Combine(feed, $"RentalRules.Cli.linux-x64.{Version}.nupkg"));
        Assert.True(IsReadyToRun(linux, "tools/net10.0/linux-x64/RentalRules.dll"), "the linux-x64 tool package should be precompiled (ReadyToRun)");
    }

    /// <summary>Whether an assembly in a package holds precompiled code beside its IL (a ReadyToRun header).</summary>
    private static bool IsReadyToRun(ZipArchive zip, string name)
    {
        using var copy = new MemoryStream();
        using (var entry = zip.GetEntry(name)!.Open())
        {
            entry.CopyTo(copy);
        }

        copy.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(copy);
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private string Dir(string name) => Directory.CreateDirectory(Path.Combine(_temp.FullName, name)).FullName;

    private static string? DotnetHost
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : null;

    private static string Dotnet(string folder, string? packages, params string[] args)
        => Run(DotnetHost ?? "dotnet", folder, packages, args);

    private static string Run(string file, string folder, string? packages, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // A build started from a test run must not inherit the test host's MSBuild settings.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        if (packages is not null)
        {
            start.Environment["NUGET_PACKAGES"] = packages;
        }

        // The installed tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not in a standard place.
        if (DotnetHost is { } host)
        {
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(host);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Step))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(file)} {string.Join(' ', args)} did not finish within {Step}.");
        }

        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
