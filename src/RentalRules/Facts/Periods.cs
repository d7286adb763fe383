
namespace RentalRules.Facts;

/// <summary>
/// A record's period in day numbers, half-open: it holds on the days <c>From ≤ d &lt; End</c>. <see cref="End"/> is
/// <see cref="DateMath.ForeverDay"/> when the record is ongoing (<c>to: null</c>); a null bound is unknown.
/// </summary>
internal readonly record struct Period(int? From, int? End);

/// <summary>
/// The one definition of when a period record (an employment, an enrolment, a benefit) holds, of the window "within the
/// last N months/years", and of a spell of records (DESIGN §5.1). Every construct of the condition language that speaks
/// of periods calls these, so a conviction and a benefit on the edge of a window are judged alike.
/// </summary>
internal static class Periods
{
    /// <summary>
    /// The largest gap, in days, between two records that still counts as one spell: a record ending (exclusive) on
    /// the 31st followed by one from the 1st leaves the 31st uncovered, which is how a host writes an inclusive end
    /// date ("kontanthjælp to 31 October, uddannelseshjælp from 1 November"): that is one spell, not a break.
    /// </summary>
    public const int SpellGapDays = 1;

    private const int MinusInfinity = int.MinValue / 2;

    public static Period Of(Employment e) => new(DateMath.Day(e.From), DateMath.EndDay(e.To));

    public static Period Of(Benefit b) => new(DateMath.Day(b.From), DateMath.EndDay(b.To));

    /// <summary>An enrolment ends before its <c>to</c> where given, else before <c>from</c> + <c>months</c>; with neither it is unknown.</summary>
    public static Period Of(Enrollment e)
    {
        var from = DateMath.Day(e.From);
        if (e.To is { } to)
        {
            return new(from, to.DayNumber);
        }

        // Months beyond a million reach past the end of the calendar anyway; clamping keeps the cast total.
        return new(from, e.Months is { } months && from is not null ? DateMath.Add(from, 0, (int)decimal.Truncate(Math.Clamp(months, -1_000_000m, 1_000_000m)), 0) : null);
    }

    /// <summary>The first day of the window "within the last <paramref name="years"/>/<paramref name="months"/>/<paramref name="days"/>" ending on <paramref name="day"/>.</summary>
    /// <remarks>
    /// The window is closed, <c>on − N ≤ d ≤ on</c>, as Danish time limits are counted: a two-year period from a
    /// conviction on 2023-03-10 runs to the end of 2025-03-10, so on 2025-03-10 the conviction is still "inden for de
    /// seneste to år". A benefit is inside when its period has a day in the window: its last day (the day before its
    /// exclusive <c>to</c>) is on or after <c>on − N</c>.
    /// </remarks>
    public static int WindowStart(int day, int years, int months, int days)
        => DateMath.Add(day, -years, -months, -days)!.Value;

    /// <summary>
    /// The latest start of a spell running on <paramref name="day"/> that has lasted the duration: <c>on − N</c> in
    /// elapsed time; in <paramref name="calendar"/> months, the spell must cover N whole calendar months up to and
    /// including the day, so it must have begun by the first of the month N months before the day after.
    /// </summary>
    public static int LatestSpellStart(int day, int years, int months, int days, bool calendar)
    {
        if (!calendar)
        {
            return DateMath.Add(day, -years, -months, -days)!.Value;
        }

        // The day after the last representable day does not exist: from 9999-12-31 (the last day of a month) N months
        // back from the day after is the first of the month N - 1 months back from the day itself.
        var back = day >= DateMath.ForeverDay
            ? DateOnly.FromDayNumber(DateMath.Add(day - 1, -years, -months + 1, -days)!.Value)
            : DateOnly.FromDayNumber(DateMath.Add(day + 1, -years, -months, -days)!.Value);
        return new DateOnly(back.Year, back.Month, 1).DayNumber;
    }

    /// <summary>Whether a period holds on a day: begun (<c>from ≤ day</c>) and not ended (<c>day &lt; end</c>).</summary>
    public static Tri Current(EvalScope s, Period p, int? day, int missingFrom, int missingEnd)
        => Overlaps(s, p, day, day, missingFrom, missingEnd);

    /// <summary>Whether a period holds on some day of <c>[first, last]</c>.</summary>
    public static Tri Overlaps(EvalScope s, Period p, int? first, int? last, int missingFrom, int missingEnd)
    {
        if (first is null || last is null)
        {
            return Tri.Unknown;
        }

        if ((p.End is { } end && end <= first.Value) || (p.From is { } from && from > last.Value))
        {
            return Tri.False;
        }

        if (p.From is null)
        {
            Note(s, missingFrom);
        }

        if (p.End is null)
        {
            Note(s, missingEnd);
        }

        return p.From is null || p.End is null ? Tri.Unknown : Tri.True;
    }

    /// <summary>Whether a date lies in <c>[first, last]</c>; an unknown date or bound is unknown.</summary>
    public static Tri DateIn(int? date, int? first, int? last)
        => date is null || first is null || last is null ? Tri.Unknown : Kleene.From(date.Value >= first.Value && date.Value <= last.Value);

    public static void Note(EvalScope s, int id)
    {
        if (id >= 0)
        {
            s.NoteMissing(id);
        }
    }

    /// <summary>
    /// The first day of the spell running on <paramref name="day"/>: records sorted by start, merged while the next
    /// begins no later than <see cref="SpellGapDays"/> after the previous ends; null when no spell runs on the day.
    /// </summary>
    public static int? SpellStart(List<(int From, int End)> records, int day)
    {
        if (records.Count == 0)
        {
            return null;
        }

        records.Sort(static (a, b) => a.From.CompareTo(b.From));
        var (start, end) = records[0];
        for (var i = 1; i <= records.Count; i++)
        {
            if (i < records.Count && records[i].From <= (long)end + SpellGapDays)
            {
                end = Math.Max(end, records[i].End);
                continue;
            }

            if (start <= day && day < end)
            {
                return start;
            }

            if (i < records.Count)
            {
                (start, end) = records[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The records of one <c>spell(..)</c> as an evaluation collects them: those the condition certainly includes, and
    /// those it may include (unknown condition or unknown dates, widened to the most they could cover). One per
    /// evaluation of the construct.
    /// </summary>
    internal sealed class SpellRecords
    {
        private readonly List<(int From, int End)> _certain = [];
        private readonly List<(int From, int End)> _possible = [];

        public bool ListMissing { get; set; }

        public void Add(EvalScope s, Tri included, Period p, int missingFrom, int missingEnd)
        {
            if (included == Tri.False)
            {
                return;
            }

            if (p.From is null)
            {
                Note(s, missingFrom);
            }

            if (p.End is null)
            {
                Note(s, missingEnd);
            }

            _possible.Add((p.From ?? MinusInfinity, p.End ?? DateMath.ForeverDay));
            if (included == Tri.True && p.From is { } from && p.End is { } end)
            {
                _certain.Add((from, end));
            }
        }

        /// <summary>Whether the spell running on <paramref name="day"/> began on or before <paramref name="latestStart"/>.</summary>
        public Tri BeganBy(int day, int latestStart)
        {
            if (ListMissing)
            {
                return Tri.Unknown;
            }

            if (SpellStart(_certain, day) is { } certain && certain <= latestStart)
            {
                return Tri.True;
            }

            return SpellStart(_possible, day) is { } possible && possible <= latestStart ? Tri.Unknown : Tri.False;
        }
    }
}
