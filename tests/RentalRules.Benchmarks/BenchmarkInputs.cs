using RentalRules.Evaluation;
using RentalRules.Facts;

namespace RentalRules.Benchmarks;

/// <summary>The facts every benchmark uses: the Holbæk sample departments HB-101 (green) and HB-104 (red) and a
/// four-person household (two working adults, two children), evaluated on 2025-03-01.</summary>
internal static class BenchmarkInputs
{
    /// <summary>The evaluation date.</summary>
    public static readonly DateOnly On = new(2025, 3, 1);

    /// <summary>HB-101: outsideLabourMarketShare 0.30, on the green bound (green ≤ 0.30).</summary>
    public static readonly Department GreenDepartment = new()
    {
        Id = "HB-101",
        Name = "Fiktiv Grønnegården",
        Organisation = "Holbæk Boligselskab",
        Municipality = "Holbæk",
        Residents = 412,
        Dwellings = 180,
        TurnoverRate = 0.08m,
        Designation = Designation.None,
        DevelopmentPlan = false,
        Rehousing = false,
        FlexibleLettingShare = 0.25m,
        Flags = [],
        KeyFigures = new KeyFigures { OutsideLabourMarketShare = 0.30m, ConvictedShare = 0.004m, AsOf = new DateOnly(2023, 12, 1) },
    };

    /// <summary>HB-104: outsideLabourMarketShare 0.4501, just above the yellow bound (red &gt; 0.45).</summary>
    public static readonly Department RedDepartment = new()
    {
        Id = "HB-104",
        Name = "Fiktiv Rødhøj",
        Organisation = "MNV-Bolig",
        Municipality = "Holbæk",
        Residents = 450,
        Dwellings = 200,
        TurnoverRate = 0.07m,
        Designation = Designation.None,
        DevelopmentPlan = false,
        Rehousing = false,
        Flags = [],
        KeyFigures = new KeyFigures { OutsideLabourMarketShare = 0.4501m, AsOf = new DateOnly(2023, 12, 1) },
    };

    /// <summary>case-001 of the samples: applicant and partner in work, two children.</summary>
    public static readonly Household FourPersonHousehold = new()
    {
        Id = "case-001",
        ResidentMunicipality = "Holbæk",
        Members =
        [
            new Member
            {
                Id = "m1",
                Role = MemberRole.Applicant,
                BirthDate = new DateOnly(1988, 4, 2),
                Citizenship = "DK",
                Employment = [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 37, MonthlyGrossIncome = 31000, From = new DateOnly(2019, 8, 1) }],
                Education = new Education { Enrolled = [], HighestCompleted = new CompletedEducation { Level = EducationLevel.Vocational, ApprovedInDenmark = true } },
                Convictions = [],
                Benefits = [],
                ReleasedFromPrison = Member.Never,
                ReleasedFromYouthInstitution = Member.Never,
                TenancyTerminatedForBreach = Member.Never,
            },
            new Member
            {
                Id = "m2",
                Role = MemberRole.Partner,
                BirthDate = new DateOnly(1990, 11, 20),
                Citizenship = "SE",
                Employment = [new Employment { Kind = EmploymentKind.Employee, HoursPerWeek = 30, MonthlyGrossIncome = 24500, From = new DateOnly(2021, 2, 1) }],
                Education = new Education { Enrolled = [], HighestCompleted = new CompletedEducation { Level = EducationLevel.Bachelor, ApprovedInDenmark = true } },
                Convictions = [],
                Benefits = [new Benefit { Type = BenefitType.Maternity, From = new DateOnly(2023, 1, 10), To = new DateOnly(2023, 10, 1) }],
                ReleasedFromPrison = Member.Never,
                ReleasedFromYouthInstitution = Member.Never,
                TenancyTerminatedForBreach = Member.Never,
            },
            new Member { Id = "m3", Role = MemberRole.Child, BirthDate = new DateOnly(2016, 5, 5), Citizenship = "DK", ReleasedFromPrison = Member.Never, ReleasedFromYouthInstitution = Member.Never, TenancyTerminatedForBreach = Member.Never },
            new Member { Id = "m4", Role = MemberRole.Child, BirthDate = new DateOnly(2019, 9, 14), Citizenship = "DK", ReleasedFromPrison = Member.Never, ReleasedFromYouthInstitution = Member.Never, TenancyTerminatedForBreach = Member.Never },
        ],
    };

    /// <summary>The eligibility question of <see cref="EligibilityBenchmarks"/>: the waiting list into the red department.</summary>
    public static readonly EligibilityRequest RedWaitingList = new(RedDepartment, FourPersonHousehold, LettingRoute.WaitingList, On);

    /// <summary>The department for a <c>[Params]</c> value: <c>green</c> or <c>red</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The department.</returns>
    public static Department Department(string name) => name switch
    {
        "green" => GreenDepartment,
        "red" => RedDepartment,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use green or red."),
    };

    /// <summary>The Holbæk pack, found by walking up from the executable (BenchmarkDotNet runs it from a generated
    /// folder under bin/) and from the current directory to the folder that holds <c>rules/holbaek-2024.json</c>.</summary>
    public static string HolbaekPackPath => RepoFile("rules", "holbaek-2024.json");

    /// <summary>A file of the repository by its path from the root.</summary>
    /// <param name="parts">The path's parts.</param>
    /// <returns>The full path.</returns>
    public static string RepoFile(params string[] parts)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine([dir.FullName, .. parts]);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Cannot find {Path.Combine(parts)} above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }
}
