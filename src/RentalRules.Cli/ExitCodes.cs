namespace RentalRules.Cli;

/// <summary>The CLI's exit codes (DESIGN §5.3).</summary>
internal static class ExitCodes
{
    /// <summary>Success, whatever the eligibility outcome.</summary>
    public const int Success = 0;

    /// <summary>Invalid input: a message names the file, path and line.</summary>
    public const int InvalidInput = 1;

    /// <summary>Usage error.</summary>
    public const int Usage = 2;
}
