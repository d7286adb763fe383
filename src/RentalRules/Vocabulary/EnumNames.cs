using System.Runtime.CompilerServices;

namespace RentalRules;

/// <summary>The JSON names (camelCase) of an enum's members.</summary>
/// <remarks>
/// Built with the non-generic <see cref="Enum.GetNames(Type)"/> and compared as <see cref="int"/>: the generic
/// <c>Enum.GetNames&lt;T&gt;</c>, <c>Array.IndexOf&lt;T&gt;</c> and LINQ over an enum are framework code instantiated over
/// this library's value types, which ReadyToRun cannot precompile, so each was compiled at start-up (issue 16 item 4).
/// An enum backed by a type wider than <see cref="int"/> is refused when this class is first used.
/// </remarks>
/// <typeparam name="T">The enum type.</typeparam>
internal static class EnumNames<T>
    where T : struct, Enum
{
    public static readonly string[] Names = CamelCase(Enum.GetNames(typeof(T)));

    public static readonly T[] Values = (T[])Enum.GetValues(typeof(T));

    private static readonly int[] Numbers = Ints(Values);

    public static string Name(T value) => Names[IndexOf(Number(value))];

    public static bool TryParse(string text, out T value)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], text, StringComparison.Ordinal))
            {
                value = Values[i];
                return true;
            }
        }

        value = default;
        return false;
    }

    private static int IndexOf(int number)
    {
        for (var i = 0; i < Numbers.Length; i++)
        {
            if (Numbers[i] == number)
            {
                return i;
            }
        }

        return -1;
    }

    private static string[] CamelCase(string[] names)
    {
        var result = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            result[i] = char.ToLowerInvariant(names[i][0]) + names[i][1..];
        }

        return result;
    }

    private static int Number(T value) => Unsafe.SizeOf<T>() switch
    {
        1 => Unsafe.As<T, byte>(ref value),
        2 => Unsafe.As<T, short>(ref value),
        _ => Unsafe.As<T, int>(ref value),
    };

    private static int[] Ints(T[] values)
    {
        if (Unsafe.SizeOf<T>() > sizeof(int))
        {
            throw new InvalidOperationException($"{typeof(T).Name} is backed by a type wider than int.");
        }

        var result = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = Number(values[i]);
        }

        return result;
    }
}
