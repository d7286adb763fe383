namespace RentalRules;

/// <summary>Kleene three-valued truth: false, true, unknown.</summary>
internal enum Tri : byte
{
    False = 0,
    True = 1,
    Unknown = 2,
}

internal static class Kleene
{
    public static Tri And(Tri a, Tri b) => a == Tri.False || b == Tri.False ? Tri.False : a == Tri.True && b == Tri.True ? Tri.True : Tri.Unknown;

    public static Tri Or(Tri a, Tri b) => a == Tri.True || b == Tri.True ? Tri.True : a == Tri.False && b == Tri.False ? Tri.False : Tri.Unknown;

    public static Tri Not(Tri a) => a switch
    {
        Tri.True => Tri.False,
        Tri.False => Tri.True,
        _ => Tri.Unknown,
    };

    public static Tri From(bool value) => value ? Tri.True : Tri.False;
}
