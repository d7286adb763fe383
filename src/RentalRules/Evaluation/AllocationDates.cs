namespace RentalRules.Evaluation;

/// <summary>
/// The dates of the recent municipal allocations to a department (stairwell <c>""</c>) or to one of its stairwells, as a
/// <see cref="Ledger"/> keeps them for a concentration guard. Immutable and built by the library: safe to share across
/// threads.
/// </summary>
public sealed record AllocationDates
{
    internal AllocationDates(string department, string stairwell, IReadOnlyList<DateOnly> dates)
    {
        Department = department;
        Stairwell = stairwell;
        Dates = dates;
    }

    /// <summary>The department id.</summary>
    public string Department { get; }

    /// <summary>The stairwell, or <c>""</c> for the department as a whole.</summary>
    public string Stairwell { get; }

    /// <summary>The dates, oldest first.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }
}
