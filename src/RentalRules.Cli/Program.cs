namespace RentalRules.Cli;

/// <summary>The <c>rentalrules</c> command.</summary>
internal static class Program
{
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
