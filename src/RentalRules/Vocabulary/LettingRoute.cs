namespace RentalRules;

/// <summary>How a vacancy reaches a household.</summary>
public enum LettingRoute
{
    /// <summary>The municipality allocates (kommunal anvisning).</summary>
    Municipal,

    /// <summary>Priority on the waiting list under flexible criteria (fleksibel udlejning).</summary>
    Flexible,

    /// <summary>The ordinary waiting list by seniority.</summary>
    WaitingList,

    /// <summary>
    /// Internal transfer (intern oprykning, oprykningsventeliste): a tenant of the organisation moving to another of its
    /// dwellings. A tier that does not state this route sets no agreement criteria for it (closed where the tier closes
    /// every other route).
    /// </summary>
    InternalTransfer,
}


/// <summary>Where a vacancy goes.</summary>
public enum VacancyRoute
{
    /// <summary>To the municipality (kommunal anvisning).</summary>
    Municipal,

    /// <summary>To flexible letting.</summary>
    Flexible,

    /// <summary>To the ordinary waiting list.</summary>
    WaitingList,

    /// <summary>No letting at all (e.g. a department rehousing its residents).</summary>
    Closed,

    /// <summary>Outside the agreement (e.g. Holbæk's youth dwellings).</summary>
    OutOfScope,

    /// <summary>A fact needed to decide is missing; nothing was counted.</summary>
    Undetermined,
}

/// <summary>
/// The one table of route names, as packs, fact files, journals and the JSON output spell them: the camelCase names of
/// <see cref="LettingRoute"/> and <see cref="VacancyRoute"/> (<c>municipal</c>, <c>flexible</c>, <c>waitingList</c>,
/// <c>closed</c>, <c>outOfScope</c>, <c>undetermined</c>).
/// </summary>
internal static class RouteNames
{
    /// <summary>The names of the letting routes, in declaration order.</summary>
    public static IReadOnlyList<string> Letting => EnumNames<LettingRoute>.Names;

    /// <summary>Every letting route, in declaration order (which is the order of their values, used as indexes).</summary>
    public static LettingRoute[] AllLetting => EnumNames<LettingRoute>.Values;

    /// <summary>The names a routing rule's fixed route may take (every vacancy route but <c>undetermined</c>).</summary>
    public static readonly IReadOnlyList<string> Fixed = EnumNames<VacancyRoute>.Names.Where(n => n != Name(VacancyRoute.Undetermined)).ToArray();

    public static string Name(LettingRoute route) => EnumNames<LettingRoute>.Name(route);

    public static string Name(VacancyRoute route) => EnumNames<VacancyRoute>.Name(route);

    public static LettingRoute? ParseLetting(string? name) => name is not null && EnumNames<LettingRoute>.TryParse(name, out var r) ? r : null;

    public static VacancyRoute? ParseVacancy(string? name) => name is not null && EnumNames<VacancyRoute>.TryParse(name, out var r) ? r : null;

    /// <summary>The letting route a vacancy route lets by, or null for <c>closed</c>, <c>outOfScope</c>, <c>undetermined</c>.</summary>
    public static LettingRoute? LettingOf(VacancyRoute route) => route switch
    {
        VacancyRoute.Municipal => LettingRoute.Municipal,
        VacancyRoute.Flexible => LettingRoute.Flexible,
        VacancyRoute.WaitingList => LettingRoute.WaitingList,
        _ => null,
    };
}
