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

    /// <summary>An internal error (a bug in rentalrules, not in the input): one line on stderr, no stack trace.</summary>
    public const int InternalError = 3;
}
