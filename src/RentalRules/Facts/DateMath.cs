
namespace RentalRules.Facts;

/// <summary>Date helpers called by compiled expressions. Dates are day numbers (<see cref="DateOnly.DayNumber"/>).</summary>
internal static class DateMath
{
    public static readonly int NeverDay = Member.Never.DayNumber;
    public static readonly int ForeverDay = DateOnly.MaxValue.DayNumber;

    public static int? Day(DateOnly? date) => date?.DayNumber;

    /// <summary>An end date where <c>null</c> means ongoing: ongoing is the end of time.</summary>
    public static int? EndDay(DateOnly? date) => date is null ? ForeverDay : date.Value.DayNumber;

    public static decimal? Age(DateOnly? birthDate, int on)
    {
        if (birthDate is null)
        {
            return null;
        }

        var today = DateOnly.FromDayNumber(on);
        var b = birthDate.Value;
        var age = today.Year - b.Year;
        if (today.Month < b.Month || (today.Month == b.Month && today.Day < b.Day))
        {
            age--;
        }

        return age;
    }

    /// <summary>
    /// Adds months to a date, saturating at <see cref="DateOnly.MinValue"/> and <see cref="DateOnly.MaxValue"/> instead of
    /// throwing: a rolling period reaching back before year 1 starts at year 1.
    /// </summary>
    public static DateOnly AddMonthsSaturating(DateOnly date, long months)
    {
        var minMonths = ((1L - date.Year) * 12) - date.Month + 1;
        var maxMonths = ((9999L - date.Year) * 12) + (12 - date.Month);
        if (months < minMonths)
        {
            return DateOnly.MinValue;
        }

        if (months > maxMonths)
        {
            return DateOnly.MaxValue;
        }

        return date.AddMonths((int)months);
    }

    /// <summary>Adds years to a date, saturating at the ends of the calendar instead of throwing.</summary>
    public static DateOnly AddYearsSaturating(DateOnly date, int years) => AddMonthsSaturating(date, years * 12L);

    /// <summary>Adds a calendar period; the result is clamped to the representable range.</summary>
    public static int? Add(int? day, int years, int months, int days)
    {
        if (day is null)
        {
            return null;
        }

        if (day.Value == NeverDay || day.Value == ForeverDay)
        {
            return day;
        }

        var d = DateOnly.FromDayNumber(day.Value);
        var totalMonths = (years * 12) + months;
        var minMonths = ((1 - d.Year) * 12) - d.Month + 1;
        var maxMonths = ((9999 - d.Year) * 12) + (12 - d.Month);
        totalMonths = Math.Clamp(totalMonths, minMonths, maxMonths);
        d = d.AddMonths(totalMonths);
        var result = (long)d.DayNumber + days;
        return (int)Math.Clamp(result, NeverDay, ForeverDay);
    }
}
