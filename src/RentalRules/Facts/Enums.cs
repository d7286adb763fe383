namespace RentalRules.Facts;

/// <summary>The designation of the area a department lies in (ministry list of 1 December).</summary>
public enum Designation
{
    /// <summary>Not designated.</summary>
    None,

    /// <summary>Prevention area (forebyggelsesområde, § 61 b).</summary>
    Prevention,

    /// <summary>Vulnerable area (udsat boligområde, § 61 a).</summary>
    Vulnerable,

    /// <summary>Parallel society (parallelsamfund), a kind of vulnerable area.</summary>
    ParallelSociety,

    /// <summary>Transformation area (omdannelsesområde), a kind of vulnerable area.</summary>
    Transformation,
}

/// <summary>Dwelling category of a vacancy.</summary>
public enum DwellingCategory
{
    /// <summary>Family dwelling (familiebolig).</summary>
    Family,

    /// <summary>Youth dwelling (ungdomsbolig).</summary>
    Youth,

    /// <summary>Elderly or care dwelling (ældrebolig / plejebolig).</summary>
    Elderly,

    /// <summary>Accessible dwelling (særligt tilgængelighedsegnet bolig).</summary>
    Accessible,
}

/// <summary>A household member's role.</summary>
public enum MemberRole
{
    /// <summary>The applicant on the waiting list.</summary>
    Applicant,

    /// <summary>Spouse or cohabitant.</summary>
    Partner,

    /// <summary>A child.</summary>
    Child,

    /// <summary>Any other member.</summary>
    Other,
}

/// <summary>Kind of employment.</summary>
public enum EmploymentKind
{
    /// <summary>Employee.</summary>
    Employee,

    /// <summary>Self-employed (with a CVR number).</summary>
    SelfEmployed,

    /// <summary>Flex job (fleksjob).</summary>
    FlexJob,
}

/// <summary>Education level, for completed and enrolled education.</summary>
public enum EducationLevel
{
    /// <summary>Primary and lower secondary school (grundskole).</summary>
    Primary,

    /// <summary>General upper secondary (gymnasial); not competence-giving.</summary>
    UpperSecondary,

    /// <summary>Vocational education (erhvervsuddannelse).</summary>
    Vocational,

    /// <summary>Short-cycle higher education.</summary>
    ShortCycle,

    /// <summary>Bachelor or professional bachelor.</summary>
    Bachelor,

    /// <summary>Master.</summary>
    Master,

    /// <summary>PhD.</summary>
    Phd,
}

/// <summary>The act a conviction was under.</summary>
public enum ConvictionAct
{
    /// <summary>Straffeloven.</summary>
    PenalCode,

    /// <summary>Våbenloven.</summary>
    WeaponsAct,

    /// <summary>Lov om euforiserende stoffer.</summary>
    EuphoriantsAct,

    /// <summary>Any other act.</summary>
    Other,
}

/// <summary>Kind of public benefit.</summary>
public enum BenefitType
{
    /// <summary>Kontanthjælp.</summary>
    CashBenefit,

    /// <summary>Uddannelseshjælp.</summary>
    EducationAid,

    /// <summary>Overgangsydelse.</summary>
    TransitionBenefit,

    /// <summary>Selvforsørgelses- og hjemrejseydelse.</summary>
    SelfSupportReturnBenefit,

    /// <summary>Dagpenge.</summary>
    UnemploymentBenefit,

    /// <summary>Sygedagpenge not from employment.</summary>
    Sickness,

    /// <summary>Sygedagpenge from employment.</summary>
    SicknessFromEmployment,

    /// <summary>Ressourceforløbsydelse.</summary>
    ResourceProgramme,

    /// <summary>Førtidspension.</summary>
    DisabilityPension,

    /// <summary>SU (student grant).</summary>
    Su,

    /// <summary>Feriedagpenge.</summary>
    HolidayPay,

    /// <summary>Barselsdagpenge.</summary>
    Maternity,

    /// <summary>Fleksløntilskud.</summary>
    FlexWageSubsidy,

    /// <summary>Fleksydelse.</summary>
    FlexBenefit,

    /// <summary>Efterløn.</summary>
    EarlyRetirement,

    /// <summary>Folkepension.</summary>
    StatePension,

    /// <summary>Any other benefit.</summary>
    Other,
}
