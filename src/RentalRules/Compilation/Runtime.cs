namespace RentalRules.Compilation;

/// <summary>
/// Total arithmetic helpers called by compiled expressions: an overflow or a division by zero gives unknown
/// (<c>null</c>), never an exception.
/// </summary>
internal static class Runtime
{
    public static decimal? Add(decimal? a, decimal? b)
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
            return null;
        }
    }

    public static decimal? Subtract(decimal? a, decimal? b) => b is null ? null : Add(a, -b.Value);

    public static decimal? Multiply(decimal? a, decimal? b)
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
            return null;
        }
    }

    public static decimal? Divide(decimal? a, decimal? b)
    {
        if (a is null || b is null || b.Value == 0m)
        {
            return null;
        }

        try
        {
            return a.Value / b.Value;
        }
        catch (OverflowException)
        {
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
}

/// <summary>The names of facts that compiled code can report as missing, numbered for cheap recording.</summary>
internal sealed class FactNames
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

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
