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
