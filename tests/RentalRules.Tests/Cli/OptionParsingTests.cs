using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Cli;

/// <summary>
/// The options with a fixed list of values or a date are parsed by System.CommandLine itself (issue 10 item 4): any case
/// is accepted and written as the list writes it, and anything else is a usage error (exit 2) that names what is
/// accepted, before any file is read.
/// </summary>
public sealed class OptionParsingTests
{
    private const string Pack = "rules/holbaek-2024.json";
    private const string Red = "samples/holbaek/department-red.json";
    private const string Households = "samples/holbaek/households.json";

    [Fact]
    public void Lang_InAnyCase_IsThatLanguage()
    {
        var upper = CliRunner.Run("check", "--pack", Pack, "--department", Red, "--household", Households, "--route", "waitingList", "--on", "2025-03-01", "--lang", "DA");
        var lower = CliRunner.Run("check", "--pack", Pack, "--department", Red, "--household", Households, "--route", "waitingList", "--on", "2025-03-01", "--lang", "da");

        Assert.Equal(0, upper.ExitCode);
        Assert.Equal(lower.Stdout, upper.Stdout);
        Assert.Contains("husstande:", upper.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_InAnyCase_IsThatFormat()
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", Red, "--household", Households, "--route", "waitingList", "--on", "2025-03-01", "--format", "NDJSON");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("--route", "nowhere", "rentalrules: --route must be municipal, flexible, waitingList or internalTransfer, not 'nowhere'.")]
    [InlineData("--lang", "fr", "rentalrules: --lang must be en or da, not 'fr'.")]
    [InlineData("--format", "xml", "rentalrules: --format must be text, json or ndjson, not 'xml'.")]
    [InlineData("--on", "1 March 2025", "rentalrules: --on must be a date yyyy-MM-dd (e.g. 2025-03-01), not '1 March 2025'.")]
    [InlineData("--on", "2025-02-30", "rentalrules: --on must be a date yyyy-MM-dd (e.g. 2025-03-01), not '2025-02-30'.")]
    public void Check_AValueOutsideTheList_IsAUsageErrorNamingWhatIsAccepted(string option, string value, string message)
    {
        var run = CliRunner.Run("check", "--pack", Pack, "--department", Red, "--household", "missing.json", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(message + "\nRun 'rentalrules --help' for usage.", run.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
    }
}
