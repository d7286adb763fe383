using RentalRules.Facts;

namespace RentalRules.Tests.Packs.Examples;

/// <summary>
/// Households for the flexible-letting groups KL/BL 2010 lists (commuters, divorcees, young people, seniors, families
/// with children), which the Aarhus and Copenhagen example packs assume as their criteria. Each household states every
/// fact the groups read, so that a group it does not belong to is false, not undetermined.
/// </summary>
internal static class FlexibleGroups
{
    /// <summary>
    /// An applicant of an age on a date (the birthday is that day), working (in <paramref name="workplace"/>, by default
    /// where they live) or studying, with no other member.
    /// </summary>
    public static Household Applicant(string id, int age, DateOnly on, string residentMunicipality, bool employed = true, bool enrolled = false, string? workplace = null)
        => HouseholdOf(id, residentMunicipality, on, MemberOf("m1", MemberRole.Applicant, on.AddYears(-age), on, employed, enrolled, workplace ?? residentMunicipality));

    /// <summary>A jobless applicant whose only enrolment is a 36-month bachelor programme that starts <paramref name="startMonthsFromNow"/> months from the date.</summary>
    public static Household Student(string id, int age, DateOnly on, string residentMunicipality, int startMonthsFromNow)
    {
        var household = Applicant(id, age, on, residentMunicipality, employed: false);
        var member = household.Members![0];
        var enrolment = new Enrollment { Kind = EducationLevel.Bachelor, SuEligible = true, Months = 36, From = on.AddMonths(startMonthsFromNow) };
        return household with { Members = [member with { Education = member.Education! with { Enrolled = [enrolment] } }] };
    }

    /// <summary>A working parent aged 40 with a child of 8.</summary>
    public static Household Family(string id, DateOnly on, string residentMunicipality)
        => HouseholdOf(id, residentMunicipality, on, MemberOf("m1", MemberRole.Applicant, on.AddYears(-40), on, employed: true, enrolled: false, residentMunicipality), MemberOf("m2", MemberRole.Child, on.AddYears(-8), on, employed: false, enrolled: true, residentMunicipality));

    /// <summary>A working applicant aged 40, divorced the given number of months before the date.</summary>
    public static Household Divorced(string id, DateOnly on, string residentMunicipality, int monthsAgo)
        => Applicant(id, 40, on, residentMunicipality) with { Divorce = new Divorce { Date = on.AddMonths(-monthsAgo), ChildrenUnder18AtHome = false } };

    private static Household HouseholdOf(string id, string residentMunicipality, DateOnly on, params Member[] members) => new()
    {
        Id = id,
        Members = members,
        ResidentMunicipality = residentMunicipality,
        CurrentOrganisation = null,
        // Divorced long ago: not in the divorcees' group.
        Divorce = new Divorce { Date = on.AddYears(-12), ChildrenUnder18AtHome = false },
        SoldHome = null,
    };

    private static Member MemberOf(string id, MemberRole role, DateOnly birthDate, DateOnly on, bool employed, bool enrolled, string workplace) => new()
    {
        Id = id,
        Role = role,
        BirthDate = birthDate,
        Citizenship = "DK",
        Employment = employed
            ? [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 37, MonthlyGrossIncome = 32000m, From = on.AddYears(-3), To = null, WorkplaceMunicipality = workplace }]
            : [],
        Education = new Education
        {
            Enrolled = enrolled ? [new Enrollment { Kind = EducationLevel.Bachelor, Municipality = "Aarhus", SuEligible = true, Months = 36, From = on.AddMonths(-6) }] : [],
            HighestCompleted = new CompletedEducation { Level = EducationLevel.UpperSecondary, ApprovedInDenmark = true },
        },
        Convictions = [],
        Benefits = [],
        ReleasedFromPrison = Member.Never,
        ReleasedFromYouthInstitution = Member.Never,
        TenancyTerminatedForBreach = Member.Never,
    };
}
