using FsCheck;
using FsCheck.Fluent;
using RentalRules.Facts;

namespace RentalRules.Tests.Properties;

/// <summary>
/// FsCheck generators for facts: departments, households and dates, with every fact possibly unknown (<c>null</c>),
/// shares in [0, 1] (and often on a tier boundary), every enum value, and dates from the far past to the far future.
/// </summary>
internal static class FactGenerators
{
    private static readonly DateOnly Early = new(1900, 1, 1);
    private static readonly DateOnly Late = new(2100, 12, 31);

    /// <summary>A share in [0, 1], often exactly on or just beside a boundary of a shipped pack.</summary>
    public static readonly Gen<decimal> Share = Gen.Frequency(
        (4, Gen.Choose(0, 10_000).Select(i => i / 10_000m)),
        (2, Gen.Elements(0m, 1m, 0.30m, 0.3m, 0.2999999m, 0.3000001m, 0.45m, 0.4499999m, 0.4500001m)));

    /// <summary>A date between 1900 and 2100, or one of the extremes <see cref="DateOnly.MinValue"/> / <see cref="DateOnly.MaxValue"/>.</summary>
    public static readonly Gen<DateOnly> AnyDate = Gen.Frequency(
        (8, Gen.Choose(Early.DayNumber, Late.DayNumber).Select(DateOnly.FromDayNumber)),
        (1, Gen.Elements(DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1, 1, 2), new DateOnly(9999, 12, 30), new DateOnly(2024, 2, 29))));

    /// <summary>An evaluation date: mostly around the shipped agreements (2020–2030), sometimes anything.</summary>
    public static readonly Gen<DateOnly> EvaluationDate = Gen.Frequency(
        (6, Gen.Choose(new DateOnly(2020, 1, 1).DayNumber, new DateOnly(2030, 12, 31).DayNumber).Select(DateOnly.FromDayNumber)),
        (1, Gen.Elements(new DateOnly(2024, 6, 30), new DateOnly(2024, 7, 1), new DateOnly(2027, 12, 31), new DateOnly(2028, 1, 1))),
        (1, AnyDate));

    /// <summary>An evaluation date on which every parameter of the Holbæk pack has a value (from 2024-07-01).</summary>
    public static readonly Gen<DateOnly> HolbaekDate = Gen.Frequency(
        (8, Gen.Choose(new DateOnly(2024, 7, 1).DayNumber, new DateOnly(2040, 12, 31).DayNumber).Select(DateOnly.FromDayNumber)),
        (1, Gen.Elements(new DateOnly(2024, 7, 1), DateOnly.MaxValue)));

    public static readonly Gen<KeyFigures> KeyFigures =
        from outside in Maybe(Share)
        from convicted in Maybe(Share)
        from primary in Maybe(Share)
        from income in Maybe(Gen.Choose(0, 300).Select(i => i / 100m))
        from nonWestern in Maybe(Share)
        from asOf in Maybe(AnyDate)
        select new KeyFigures
        {
            OutsideLabourMarketShare = outside,
            ConvictedShare = convicted,
            PrimaryEducationOnlyShare = primary,
            IncomeRatio = income,
            NonWesternShare = nonWestern,
            AsOf = asOf,
        };

    /// <summary>A department with any fact possibly unknown.</summary>
    public static readonly Gen<Department> Department = DepartmentWith(MaybeRef(KeyFigures));

    /// <summary>Households: members with random roles (zero, one or several applicants), dates, lists and nulls anywhere.</summary>
    public static readonly Gen<Household> Household = HouseholdGen();

    /// <summary>Departments whose other facts vary freely, with the given key figures.</summary>
    /// <param name="keyFigures">The key figures.</param>
    /// <returns>The generator.</returns>
    public static Gen<Department> DepartmentWith(Gen<KeyFigures?> keyFigures) =>
        from id in MaybeRef(Gen.Elements("D-1", "HB-101", "x", ""))
        from name in MaybeRef(Gen.Elements("Fiktiv Grønnegården", "Test"))
        from organisation in MaybeRef(Gen.Elements("Org A", "Org B", "Holbæk Boligselskab"))
        from municipality in MaybeRef(Gen.Elements("Holbæk", "Høje-Taastrup", "holbæk"))
        from residents in Maybe(Gen.Choose(0, 5000))
        from dwellings in Maybe(Gen.Choose(0, 2000))
        from turnover in Maybe(Share)
        from designation in Maybe(Gen.Elements(Enum.GetValues<Designation>()))
        from developmentPlan in Maybe(Gen.Elements(true, false))
        from rehousing in Maybe(Gen.Elements(true, false))
        from flexible in Maybe(Share)
        from flags in MaybeRef(Gen.SubListOf("particularProblems", "PARTICULARPROBLEMS", "other").Select(ReadOnly))
        from kf in keyFigures
        select new Department
        {
            Id = id,
            Name = name,
            Organisation = organisation,
            Municipality = municipality,
            Residents = residents,
            Dwellings = dwellings,
            TurnoverRate = turnover,
            Designation = designation,
            DevelopmentPlan = developmentPlan,
            Rehousing = rehousing,
            FlexibleLettingShare = flexible,
            Flags = flags,
            KeyFigures = kf,
        };

    /// <summary>Unknown (<c>null</c>) one time in four.</summary>
    /// <typeparam name="T">A value type.</typeparam>
    /// <param name="gen">The known values.</param>
    /// <returns>The generator.</returns>
    public static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct
        => Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(x => (T?)x)));

    /// <summary>Unknown (<c>null</c>) one time in four.</summary>
    /// <typeparam name="T">A reference type.</typeparam>
    /// <param name="gen">The known values.</param>
    /// <returns>The generator.</returns>
    public static Gen<T?> MaybeRef<T>(Gen<T> gen)
        where T : class
        => Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(x => (T?)x)));

    /// <summary>A list of at most <paramref name="max"/> items.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="gen">The items.</param>
    /// <param name="max">The most items.</param>
    /// <returns>The generator.</returns>
    public static Gen<IReadOnlyList<T>> SmallList<T>(Gen<T> gen, int max)
        => Gen.Choose(0, max).SelectMany(n => Gen.ListOf(gen, n)).Select(ReadOnly);

    private static IReadOnlyList<T> ReadOnly<T>(List<T> list) => list.ToArray();

    private static Gen<Household> HouseholdGen()
    {
        var employment =
            from kind in Maybe(Gen.Elements(Enum.GetValues<EmploymentKind>()))
            from hours in Maybe(Gen.Choose(0, 168).Select(i => (decimal)i))
            from income in Maybe(Gen.Choose(0, 80_000).Select(i => (decimal)i))
            from start in Maybe(AnyDate)
            from to in Maybe(AnyDate)
            select new Employment { Kind = kind, HoursPerWeek = hours, MonthlyGrossIncome = income, From = start, To = to };
        var enrollment =
            from kind in Maybe(Gen.Elements(Enum.GetValues<EducationLevel>()))
            from municipality in MaybeRef(Gen.Elements("Holbæk", "Roskilde"))
            from su in Maybe(Gen.Elements(true, false))
            from months in Maybe(Gen.Choose(0, 72).Select(i => (decimal)i))
            from start in Maybe(AnyDate)
            select new Enrollment { Kind = kind, Municipality = municipality, SuEligible = su, Months = months, From = start };
        var completed =
            from level in Maybe(Gen.Elements(Enum.GetValues<EducationLevel>()))
            from approved in Maybe(Gen.Elements(true, false))
            select new CompletedEducation { Level = level, ApprovedInDenmark = approved };
        var education =
            from enrolled in MaybeRef(SmallList(enrollment, 2))
            from highest in MaybeRef(completed)
            select new Education { Enrolled = enrolled, HighestCompleted = highest };
        var conviction =
            from date in Maybe(AnyDate)
            from act in Maybe(Gen.Elements(Enum.GetValues<ConvictionAct>()))
            select new Conviction { Date = date, Act = act };
        var benefit =
            from type in Maybe(Gen.Elements(Enum.GetValues<BenefitType>()))
            from start in Maybe(AnyDate)
            from to in Maybe(AnyDate)
            select new Benefit { Type = type, From = start, To = to };
        var eventDate = Maybe(Gen.Frequency((1, Gen.Constant(Member.Never)), (2, AnyDate)));
        var member =
            from id in MaybeRef(Gen.Elements("m1", "m2", "m3", "m4"))
            from role in Maybe(Gen.Elements(Enum.GetValues<MemberRole>()))
            from birth in Maybe(AnyDate)
            from citizenship in MaybeRef(Gen.Elements("DK", "SE", "DE", "US", "SY", "CH"))
            from employments in MaybeRef(SmallList(employment, 2))
            from edu in MaybeRef(education)
            from convictions in MaybeRef(SmallList(conviction, 2))
            from benefits in MaybeRef(SmallList(benefit, 2))
            from prison in eventDate
            from youth in eventDate
            from breach in eventDate
            select new Member
            {
                Id = id,
                Role = role,
                BirthDate = birth,
                Citizenship = citizenship,
                Employment = employments,
                Education = edu,
                Convictions = convictions,
                Benefits = benefits,
                ReleasedFromPrison = prison,
                ReleasedFromYouthInstitution = youth,
                TenancyTerminatedForBreach = breach,
            };
        var divorce =
            from date in Maybe(AnyDate)
            from children in Maybe(Gen.Elements(true, false))
            select new Divorce { Date = date, ChildrenUnder18AtHome = children };
        var soldHome =
            from municipality in MaybeRef(Gen.Elements("Holbæk", "Roskilde"))
            from date in Maybe(AnyDate)
            select new SoldHome { Municipality = municipality, Date = date };
        return
            from id in MaybeRef(Gen.Elements("case-001", "case-002"))
            from members in MaybeRef(SmallList(member, 4))
            from resident in MaybeRef(Gen.Elements("Holbæk", "Roskilde"))
            from organisation in MaybeRef(Gen.Elements("Org A", "Holbæk Boligselskab"))
            from div in MaybeRef(divorce)
            from sold in MaybeRef(soldHome)
            select new Household
            {
                Id = id,
                Members = members,
                ResidentMunicipality = resident,
                CurrentOrganisation = organisation,
                Divorce = div,
                SoldHome = sold,
            };
    }
}
