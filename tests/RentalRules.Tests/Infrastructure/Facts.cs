using RentalRules.Facts;

namespace RentalRules.Tests.Infrastructure;

/// <summary>Builders for concrete departments and households in agreement tests.</summary>
public static class Build
{
    /// <summary>A department with every fact known and nothing special about it.</summary>
    public static Department Department(string id = "D-1", decimal? outsideLabourMarketShare = 0.20m, decimal? convictedShare = 0.005m, int? residents = 500) => new()
    {
        Id = id,
        Name = "Test department " + id,
        Organisation = "Org A",
        Municipality = "Test",
        Residents = residents,
        Dwellings = 200,
        TurnoverRate = 0.08m,
        Designation = Designation.None,
        DevelopmentPlan = false,
        Rehousing = false,
        FlexibleLettingShare = 0.25m,
        Flags = [],
        KeyFigures = new KeyFigures { OutsideLabourMarketShare = outsideLabourMarketShare, ConvictedShare = convictedShare, AsOf = new DateOnly(2023, 12, 1) },
    };

    /// <summary>An adult in fixed work with a completed vocational education and a clean record: meets every tightened criterion.</summary>
    public static Member Worker(string id, DateOnly birthDate, MemberRole role = MemberRole.Applicant, decimal monthlyGrossIncome = 30000m) => new()
    {
        Id = id,
        Role = role,
        BirthDate = birthDate,
        Citizenship = "DK",
        Employment = [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 37, MonthlyGrossIncome = monthlyGrossIncome, From = new DateOnly(2015, 1, 1), To = null }],
        Education = new Education { Enrolled = [], HighestCompleted = new CompletedEducation { Level = EducationLevel.Vocational, ApprovedInDenmark = true } },
        Convictions = [],
        Benefits = [],
        ReleasedFromPrison = Member.Never,
        ReleasedFromYouthInstitution = Member.Never,
        TenancyTerminatedForBreach = Member.Never,
    };

    /// <summary>A child with a clean record.</summary>
    public static Member Child(string id, DateOnly birthDate) => new()
    {
        Id = id,
        Role = MemberRole.Child,
        BirthDate = birthDate,
        Citizenship = "DK",
        Employment = [],
        Education = new Education { Enrolled = [new Enrollment { Kind = EducationLevel.Primary, From = new DateOnly(2020, 8, 1), To = new DateOnly(2031, 7, 1) }] },
        Convictions = [],
        Benefits = [],
        ReleasedFromPrison = Member.Never,
        ReleasedFromYouthInstitution = Member.Never,
        TenancyTerminatedForBreach = Member.Never,
    };

    public static Household Household(string id, params Member[] members) => new()
    {
        Id = id,
        Members = members,
        ResidentMunicipality = "Holbæk",
        CurrentOrganisation = null,
    };
}
