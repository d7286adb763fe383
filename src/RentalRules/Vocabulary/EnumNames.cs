namespace RentalRules;

/// <summary>The JSON names (camelCase) of an enum's members.</summary>
/// <typeparam name="T">The enum type.</typeparam>
internal static class EnumNames<T>
    where T : struct, Enum
{
    public static readonly string[] Names = Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]).ToArray();

    public static readonly T[] Values = Enum.GetValues<T>();

    public static string Name(T value) => Names[Array.IndexOf(Values, value)];

    public static bool TryParse(string text, out T value)
    {
        var i = Array.IndexOf(Names, text);
        value = i >= 0 ? Values[i] : default;
        return i >= 0;
    }
}
