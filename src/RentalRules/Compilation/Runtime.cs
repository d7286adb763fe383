using RentalRules.Facts;

namespace RentalRules.Compilation;

/// <summary>
/// Total arithmetic helpers called by compiled expressions: an overflow or a division by zero gives unknown
/// (<c>null</c>), never an exception.
/// </summary>
internal static class Runtime
{
    public static decimal? Add(EvalScope s, decimal? a, decimal? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        try
        {
            return a.Value + b.Value;
        }
        catch (OverflowException)
        {
            s.NoteMissing(FactNames.Overflow);
            return null;
        }
    }

    public static decimal? Subtract(EvalScope s, decimal? a, decimal? b) => b is null ? null : Add(s, a, -b.Value);

    public static decimal? Multiply(EvalScope s, decimal? a, decimal? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        try
        {
            return a.Value * b.Value;
        }
        catch (OverflowException)
        {
            s.NoteMissing(FactNames.Overflow);
            return null;
        }
    }

    public static decimal? Divide(EvalScope s, decimal? a, decimal? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        if (b.Value == 0m)
        {
            s.NoteMissing(FactNames.DivisionByZero);
            return null;
        }

        try
        {
            return a.Value / b.Value;
        }
        catch (OverflowException)
        {
            s.NoteMissing(FactNames.Overflow);
            return null;
        }
    }

    public static decimal? Negate(decimal? a) => a is null ? null : -a.Value;

    public static Tri Contains(IReadOnlyList<string>? list, string? value)
    {
        if (list is null || value is null)
        {
            return Tri.Unknown;
        }

        foreach (var item in list)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return Tri.True;
            }
        }

        return Tri.False;
    }

    public static bool TextEquals(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    // Fact access: one call per step of a path, noting the missing fact (id >= 0) when a value is null.

    public static TValue? Ref<TObj, TValue>(EvalScope s, TObj? obj, Func<TObj, EvalScope, TValue?> read, int missingObject, int missingValue)
        where TObj : class
        where TValue : class
    {
        if (obj is null)
        {
            Note(s, missingObject);
            return null;
        }

        var value = read(obj, s);
        if (value is null)
        {
            Note(s, missingValue);
        }

        return value;
    }

    public static TValue? Val<TObj, TValue>(EvalScope s, TObj? obj, Func<TObj, EvalScope, TValue?> read, int missingObject, int missingValue)
        where TObj : class
        where TValue : struct
    {
        if (obj is null)
        {
            Note(s, missingObject);
            return null;
        }

        var value = read(obj, s);
        if (value is null)
        {
            Note(s, missingValue);
        }

        return value;
    }

    public static Tri Bool<TObj>(EvalScope s, TObj? obj, Func<TObj, EvalScope, bool?> read, int missingObject, int missingValue)
        where TObj : class
    {
        if (obj is null)
        {
            Note(s, missingObject);
            return Tri.Unknown;
        }

        var value = read(obj, s);
        if (value is null)
        {
            Note(s, missingValue);
            return Tri.Unknown;
        }

        return value.Value ? Tri.True : Tri.False;
    }

    public static T? NoteNull<T>(EvalScope s, T? value, int missing)
        where T : class
    {
        if (value is null)
        {
            Note(s, missing);
        }

        return value;
    }

    public static decimal? Param(EvalScope s, int index, int missing)
    {
        var value = s.Parameters[index];
        if (value is null)
        {
            Note(s, missing);
        }

        return value;
    }

    // Comparisons in three-valued logic. op: 0 '=', 1 '!=', 2 '<', 3 '<=', 4 '>', 5 '>='.

    public static Tri Compare(decimal? a, decimal? b, int op)
        => a is null || b is null ? Tri.Unknown : Kleene.From(Holds(a.Value.CompareTo(b.Value), op));

    public static Tri CompareDays(int? a, int? b, int op)
        => a is null || b is null ? Tri.Unknown : Kleene.From(Holds(a.Value.CompareTo(b.Value), op));

    public static Tri TextEqual(string? a, string? b, bool positive)
        => a is null || b is null ? Tri.Unknown : Kleene.From(TextEquals(a, b) == positive);

    public static Tri TriEqual(Tri a, Tri b, bool positive)
        => a == Tri.Unknown || b == Tri.Unknown ? Tri.Unknown : Kleene.From((a == b) == positive);

    private static bool Holds(int comparison, int op) => op switch
    {
        0 => comparison == 0,
        1 => comparison != 0,
        2 => comparison < 0,
        3 => comparison <= 0,
        4 => comparison > 0,
        _ => comparison >= 0,
    };

    // Periods (DESIGN §5.1), by the one definition in Periods.

    public static int? WindowFirst(int? day, int years, int months, int days)
        => day is null ? null : Periods.WindowStart(day.Value, years, months, days);

    public static Tri PeriodIn<T>(EvalScope s, T? obj, Func<T, Period> of, int? first, int? last, int missingFrom, int missingEnd)
        where T : class
        => obj is null ? Tri.Unknown : Periods.Overlaps(s, of(obj), first, last, missingFrom, missingEnd);

    public static Tri AnyPeriodIn<T>(EvalScope s, IReadOnlyList<T>? list, Func<T, Period> of, int? first, int? last, int missingFrom, int missingEnd)
        where T : class
    {
        if (list is null)
        {
            return Tri.Unknown;
        }

        var result = Tri.False;
        for (var i = 0; i < list.Count; i++)
        {
            var r = Periods.Overlaps(s, of(list[i]), first, last, missingFrom, missingEnd);
            if (r == Tri.True)
            {
                return Tri.True;
            }

            if (r == Tri.Unknown)
            {
                result = Tri.Unknown;
            }
        }

        return result;
    }

    /// <summary>Whether the spell running on <paramref name="on"/> has lasted the duration (or, <paramref name="strictly"/>, longer; in calendar months, one whole month more).</summary>
    public static Tri SpellLasted(Periods.SpellRecords spell, int on, int years, int months, int days, bool calendar, bool strictly)
        => calendar
            ? spell.BeganBy(on, Periods.LatestSpellStart(on, years, months + (strictly ? 1 : 0), days, calendar: true))
            : spell.BeganBy(on, Periods.LatestSpellStart(on, years, months, days, calendar: false) - (strictly ? 1 : 0));

    private static void Note(EvalScope s, int id)
    {
        if (id >= 0)
        {
            s.NoteMissing(id);
        }
    }
}

/// <summary>
/// The names of facts that compiled code can report as missing, numbered for cheap recording. The first two are not
/// facts but the reasons arithmetic gives unknown: a result is then undetermined because of them, and says so.
/// </summary>
internal sealed class FactNames
{
    /// <summary>A division by zero made a value unknown.</summary>
    public const int DivisionByZero = 0;

    /// <summary>An arithmetic result beyond the range of decimal numbers made a value unknown.</summary>
    public const int Overflow = 1;

    /// <summary>The names of <see cref="DivisionByZero"/> and <see cref="Overflow"/>, as they appear in missing lists.</summary>
    public static readonly IReadOnlyList<string> ArithmeticReasons = ["(division by zero)", "(arithmetic overflow)"];

    private readonly List<string> _names = [.. ArithmeticReasons];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is an arithmetic reason rather than a fact.</summary>
    public static bool IsArithmeticReason(string name) => name.Length > 0 && name[0] == '(';

    public int Id(string name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            id = _names.Count;
            _names.Add(name);
            _ids.Add(name, id);
        }

        return id;
    }

    public string Name(int id) => _names[id];
}
