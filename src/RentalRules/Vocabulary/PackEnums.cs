namespace RentalRules;

/// <summary>How a pack's placement table decides (pack property <c>placement.hitPolicy</c>).</summary>
internal enum HitPolicy
{
    /// <summary>The first rule that holds decides; an unknown condition before it leaves the placement undetermined.</summary>
    First,

    /// <summary>Exactly one rule may hold; two that hold are a gap in the pack (the placement is undetermined).</summary>
    Unique,
}

/// <summary>A tier's (or dwelling's) flexible-letting rule (pack property <c>flexibleLetting.rule</c>).</summary>
internal enum FlexibleRule
{
    /// <summary>No flexible letting.</summary>
    None,

    /// <summary>By individual agreement, up to the cap.</summary>
    Agreed,

    /// <summary>By law in designated areas.</summary>
    Obligatory,

    /// <summary>Every non-municipal letting is flexible.</summary>
    All,
}

/// <summary>A pack's status (pack property <c>status</c>).</summary>
internal enum PackStatus
{
    /// <summary>A signed agreement.</summary>
    Signed,

    /// <summary>The Act itself.</summary>
    Statutory,

    /// <summary>A draft under negotiation.</summary>
    Draft,

    /// <summary>An example, not an agreement in force.</summary>
    Illustrative,
}

/// <summary>A parameter's unit (pack property <c>parameters.NAME.unit</c>), with the spelling packs use.</summary>
internal enum ParameterUnit
{
    /// <summary><c>share</c>: a fraction 0–1, quoted as a percentage.</summary>
    Share,

    /// <summary><c>DKK/month</c>.</summary>
    DkkPerMonth,

    /// <summary><c>DKK</c>.</summary>
    Dkk,

    /// <summary><c>residents</c>.</summary>
    Residents,

    /// <summary><c>count</c>.</summary>
    Count,

    /// <summary><c>years</c>.</summary>
    Years,

    /// <summary><c>months</c>.</summary>
    Months,

    /// <summary><c>ratio</c>.</summary>
    Ratio,
}

/// <summary>Whom an offer list on a route draws from.</summary>
internal enum OfferSource
{
    /// <summary>Every household given (the waiting list).</summary>
    WaitingList,

    /// <summary>Only the households the municipality names as candidates for the vacancy (<c>vacancy.candidates</c>).</summary>
    Candidates,
}

/// <summary>What an order key sorts by.</summary>
internal enum OrderBy
{
    /// <summary>The household's seniority (<c>household.waitingListSince</c>), earliest first; unknown gives no place.</summary>
    WaitingListSince,

    /// <summary>The position in the vacancy's candidate list.</summary>
    Candidates,

    /// <summary>The rank of the criterion that qualified the household (<c>rank</c>), earlier ranks first.</summary>
    Criterion,
}

/// <summary>The spellings of the pack vocabulary's enums, one table each, and their parsing at load.</summary>
internal static class PackNames
{
    /// <summary>The units as packs spell them, in the order of <see cref="ParameterUnit"/>.</summary>
    public static readonly IReadOnlyList<string> Units = ["share", "DKK/month", "DKK", "residents", "count", "years", "months", "ratio"];

    public static string Name(ParameterUnit unit) => Units[(int)unit];

    public static ParameterUnit? Unit(string? name)
    {
        for (var i = 0; i < Units.Count; i++)
        {
            if (Units[i] == name)
            {
                return (ParameterUnit)i;
            }
        }

        return null;
    }

    public static string Name<T>(T value)
        where T : struct, Enum => EnumNames<T>.Name(value);

    /// <summary>The value a (load-checked) name spells, or null when it spells none.</summary>
    public static T? Parse<T>(string? name)
        where T : struct, Enum => name is not null && EnumNames<T>.TryParse(name, out var v) ? v : null;
}
