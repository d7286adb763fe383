namespace RentalRules;

/// <summary>Three-valued outcome of an eligibility check or a criterion.</summary>
public enum Outcome
{
    /// <summary>The household meets it.</summary>
    Eligible,

    /// <summary>The household does not meet it.</summary>
    Ineligible,

    /// <summary>Facts are missing; see the missing list and the documents to request.</summary>
    Undetermined,
}


/// <summary>Whether placement found a tier.</summary>
public enum PlacementOutcome
{
    /// <summary>A rule placed the department in a tier.</summary>
    Placed,

    /// <summary>A fact needed to decide is missing.</summary>
    Undetermined,

    /// <summary>No rule applied (a gap in the pack's table).</summary>
    Unplaced,
}
