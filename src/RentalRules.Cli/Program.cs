using System.Text;

namespace RentalRules.Cli;

/// <summary>The <c>rentalrules</c> command.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var code = CliApp.Run(args, stdout, Console.Error);
        stdout.Flush();
        return code;
    }
}
