
namespace RentalRules.Facts;

/// <summary>The kinds of value an expression can have.</summary>
internal enum VKind
{
    Bool,
    Number,
    String,
    Date,
    Duration,
    List,
    StringList,
    Object,

    /// <summary>The spell of records a <c>spell(..)</c> collects; only compared with a duration.</summary>
    Spell,
}

/// <summary>The static type of an expression: its kind, element/object type, and what its values mean.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Object">For an object or a list: the record type.</param>
/// <param name="IsShare">A number that is a share (a fraction in [0, 1]).</param>
/// <param name="EnumValues">For an enum-valued fact, its values as facts spell them.</param>
/// <param name="EnumName">For an enum-valued fact, the enum's name (its values' domain in <see cref="FactGlossary"/>).</param>
internal sealed record VType(VKind Kind, FactType? Object = null, bool IsShare = false, IReadOnlyList<string>? EnumValues = null, string? EnumName = null)
{
    public static readonly VType Bool = new(VKind.Bool);
    public static readonly VType Number = new(VKind.Number);
    public static readonly VType Share = new(VKind.Number, IsShare: true);
    public static readonly VType String = new(VKind.String);
    public static readonly VType Date = new(VKind.Date);
    public static readonly VType Duration = new(VKind.Duration);
    public static readonly VType StringList = new(VKind.StringList);
    public static readonly VType Spell = new(VKind.Spell);

    public static VType Enum<T>()
        where T : struct, System.Enum => new(VKind.String, EnumValues: EnumNames<T>.Names, EnumName: typeof(T).Name);

    public static VType ObjectOf(FactType t) => new(VKind.Object, t);

    public static VType ListOf(FactType t) => new(VKind.List, t);

    public string Describe() => Kind switch
    {
        VKind.Bool => "a condition (true/false)",
        VKind.Number => IsShare ? "a share (fraction in [0, 1])" : "a number",
        VKind.String => EnumValues is null ? "text" : "one of " + string.Join(", ", EnumValues.Select(v => $"'{v}'")),
        VKind.Date => "a date",
        VKind.Duration => "a duration",
        VKind.List => $"a list of {Object!.Name}",
        VKind.StringList => "a list of text",
        VKind.Spell => "a spell (compare it with a duration: spell(..) >= 6 months)",
        _ => $"an object ({Object!.Name})",
    };
}

/// <summary>A named fact of a fact type: its type and how to read it from the record.</summary>
/// <param name="Name">The JSON and expression name.</param>
/// <param name="Type">Its static type.</param>
/// <param name="Accessor">A delegate (record, <see cref="EvalScope"/>) → value, compiled with the library; null means unknown.</param>
/// <param name="ValueType">The accessor's return type.</param>
/// <param name="Derived">Computed, not read from JSON (e.g. <c>member.age</c>).</param>
/// <param name="Source">For a derived fact: the fact a host supplies for it, named when it is missing (<c>age</c> → <c>birthDate</c>).</param>
internal sealed record FactField(string Name, VType Type, Delegate Accessor, Type ValueType, bool Derived = false, string? Source = null)
{
    /// <summary>The name to report when the value is missing.</summary>
    public string MissingName => Source ?? Name;

    /// <summary>
    /// <see cref="Accessor"/> over an untyped record, its value boxed (a null <c>Nullable</c> is null): for the
    /// evaluator that walks a condition's bound tree before it is compiled, which calls it
    /// without reflection.
    /// </summary>
    public required Func<object, EvalScope, object?> Read { get; init; }
}

/// <summary>A type of fact record (department, member, …) and its fields.</summary>
internal sealed class FactType
{
    private readonly Dictionary<string, FactField> _fields = new(StringComparer.Ordinal);
    private readonly List<FactField> _ordered = [];
    private HashSet<string>? _jsonNames;

    public FactType(string name, Type clrType)
    {
        Name = name;
        ClrType = clrType;
    }

    public string Name { get; }

    public Type ClrType { get; }

    public IReadOnlyList<FactField> Fields => _ordered;

    /// <summary>The names a fact file may use for this type (every non-derived field).</summary>
    public IReadOnlySet<string> JsonNames => _jsonNames ??= _ordered.Where(f => !f.Derived).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    public FactField? Find(string name) => _fields.GetValueOrDefault(name);

    /// <summary>For a period record (employment, enrolment, benefit): a <c>Func&lt;T, Period&gt;</c> giving its period; otherwise null.</summary>
    public Delegate? PeriodOf { get; private set; }

    /// <summary><see cref="PeriodOf"/> over an untyped record (see <see cref="FactField.Read"/>).</summary>
    public Func<object, Period>? ReadPeriod { get; private set; }

    public FactType WithPeriod<T>(Func<T, Period> of)
    {
        PeriodOf = of;
        ReadPeriod = record => of((T)record);
        return this;
    }

    public FactType Add<T, TValue>(string name, VType type, Func<T, EvalScope, TValue> accessor, bool derived = false, string? source = null)
    {
        var field = new FactField(name, type, accessor, typeof(TValue), derived, source) { Read = (record, scope) => accessor((T)record, scope) };
        _fields.Add(name, field);
        _ordered.Add(field);
        return this;
    }
}

/// <summary>
/// The fact model as the expression language sees it (DESIGN §5.1): every name a pack may use, its type, and how
/// compiled code reads it. The JSON fact reader accepts exactly the non-derived names listed here.
/// </summary>
internal static class FactSchema
{
    public static readonly FactType KeyFigures = new FactType("keyFigures", typeof(KeyFigures))
        .Add<KeyFigures, decimal?>("outsideLabourMarketShare", VType.Share, (k, s) => k.OutsideLabourMarketShare)
        .Add<KeyFigures, decimal?>("convictedShare", VType.Share, (k, s) => k.ConvictedShare)
        .Add<KeyFigures, decimal?>("primaryEducationOnlyShare", VType.Share, (k, s) => k.PrimaryEducationOnlyShare)
        .Add<KeyFigures, decimal?>("incomeRatio", VType.Number, (k, s) => k.IncomeRatio)
        .Add<KeyFigures, decimal?>("nonWesternShare", VType.Share, (k, s) => k.NonWesternShare)
        .Add<KeyFigures, int?>("asOf", VType.Date, (k, s) => DateMath.Day(k.AsOf));

    public static readonly FactType DecidedTier = new FactType("decidedTier", typeof(DecidedTier))
        .Add<DecidedTier, string?>("tier", VType.String, (t, s) => t.Tier)
        .Add<DecidedTier, int?>("from", VType.Date, (t, s) => DateMath.Day(t.From));

    public static readonly FactType Department = new FactType("department", typeof(Department))
        .Add<Department, string?>("id", VType.String, (d, s) => d.Id)
        .Add<Department, string?>("name", VType.String, (d, s) => d.Name)
        .Add<Department, string?>("organisation", VType.String, (d, s) => d.Organisation)
        .Add<Department, string?>("municipality", VType.String, (d, s) => d.Municipality)
        .Add<Department, decimal?>("residents", VType.Number, (d, s) => d.Residents)
        .Add<Department, decimal?>("dwellings", VType.Number, (d, s) => d.Dwellings)
        .Add<Department, decimal?>("turnoverRate", VType.Share, (d, s) => d.TurnoverRate)
        .Add<Department, string?>("designation", VType.Enum<Designation>(), (d, s) => d.Designation == null ? null : EnumNames<Designation>.Name(d.Designation.Value))
        .Add<Department, bool?>("developmentPlan", VType.Bool, (d, s) => d.DevelopmentPlan)
        .Add<Department, bool?>("rehousing", VType.Bool, (d, s) => d.Rehousing)
        .Add<Department, decimal?>("flexibleLettingShare", VType.Share, (d, s) => d.FlexibleLettingShare)
        .Add<Department, IReadOnlyList<string>?>("flags", VType.StringList, (d, s) => d.Flags)
        .Add<Department, IReadOnlyList<string>?>("flexibleCriteria", VType.StringList, (d, s) => d.FlexibleCriteria)
        .Add<Department, KeyFigures?>("keyFigures", VType.ObjectOf(KeyFigures), (d, s) => d.KeyFigures)
        .Add<Department, int?>("privateTakeover", VType.Date, (d, s) => DateMath.Day(d.PrivateTakeover))
        .Add<Department, decimal?>("lowRentShare", VType.Share, (d, s) => d.LowRentShare)
        .Add<Department, IReadOnlyList<DecidedTier>?>("decidedTiers", VType.ListOf(DecidedTier), (d, s) => d.DecidedTiers);

    public static readonly FactType Vacancy = new FactType("vacancy", typeof(Vacancy))
        .Add<Vacancy, string?>("id", VType.String, (v, s) => v.Id)
        .Add<Vacancy, string?>("department", VType.String, (v, s) => v.Department)
        .Add<Vacancy, string?>("category", VType.Enum<DwellingCategory>(), (v, s) => v.Category == null ? null : EnumNames<DwellingCategory>.Name(v.Category.Value))
        .Add<Vacancy, string?>("programme", VType.String, (v, s) => v.Programme)
        .Add<Vacancy, decimal?>("rent", VType.Number, (v, s) => v.Rent)
        .Add<Vacancy, decimal?>("area", VType.Number, (v, s) => v.Area)
        .Add<Vacancy, decimal?>("rooms", VType.Number, (v, s) => v.Rooms)
        .Add<Vacancy, int?>("vacatedOn", VType.Date, (v, s) => DateMath.Day(v.VacatedOn))
        .Add<Vacancy, string?>("stairwell", VType.String, (v, s) => v.Stairwell)
        .Add<Vacancy, bool?>("firstLetting", VType.Bool, (v, s) => v.FirstLetting)
        .Add<Vacancy, IReadOnlyList<string>?>("candidates", VType.StringList, (v, s) => v.Candidates);

    public static readonly FactType Employment = new FactType("employment", typeof(Employment))
        .Add<Employment, string?>("kind", VType.Enum<EmploymentKind>(), (e, s) => e.Kind == null ? null : EnumNames<EmploymentKind>.Name(e.Kind.Value))
        .Add<Employment, decimal?>("hoursPerWeek", VType.Number, (e, s) => e.HoursPerWeek)
        .Add<Employment, string?>("workplaceMunicipality", VType.String, (e, s) => e.WorkplaceMunicipality)
        .Add<Employment, decimal?>("monthlyGrossIncome", VType.Number, (e, s) => e.MonthlyGrossIncome)
        .Add<Employment, int?>("from", VType.Date, (e, s) => DateMath.Day(e.From))
        .Add<Employment, int?>("to", VType.Date, (e, s) => DateMath.EndDay(e.To))
        .Add<Employment, bool?>("ongoing", VType.Bool, (e, s) => e.To == null, derived: true)
        .WithPeriod<Employment>(Periods.Of);

    public static readonly FactType Enrollment = new FactType("enrollment", typeof(Enrollment))
        .Add<Enrollment, string?>("kind", VType.Enum<EducationLevel>(), (e, s) => e.Kind == null ? null : EnumNames<EducationLevel>.Name(e.Kind.Value))
        .Add<Enrollment, string?>("municipality", VType.String, (e, s) => e.Municipality)
        .Add<Enrollment, bool?>("suEligible", VType.Bool, (e, s) => e.SuEligible)
        .Add<Enrollment, decimal?>("months", VType.Number, (e, s) => e.Months)
        .Add<Enrollment, int?>("from", VType.Date, (e, s) => DateMath.Day(e.From))
        .Add<Enrollment, int?>("to", VType.Date, (e, s) => Periods.Of(e).End)
        .Add<Enrollment, bool?>("competenceGiving", VType.Bool, (e, s) => e.Kind == null ? null : e.Kind.Value >= EducationLevel.Vocational, derived: true, source: "kind")
        .WithPeriod<Enrollment>(Periods.Of);

    public static readonly FactType CompletedEducation = new FactType("highestCompleted", typeof(CompletedEducation))
        .Add<CompletedEducation, string?>("level", VType.Enum<EducationLevel>(), (e, s) => e.Level == null ? null : EnumNames<EducationLevel>.Name(e.Level.Value))
        .Add<CompletedEducation, bool?>("approvedInDenmark", VType.Bool, (e, s) => e.ApprovedInDenmark)
        .Add<CompletedEducation, bool?>("abovePrimary", VType.Bool, (e, s) => e.Level == null ? null : e.Level.Value > EducationLevel.Primary, derived: true, source: "level");

    public static readonly FactType Education = new FactType("education", typeof(Education))
        .Add<Education, IReadOnlyList<Enrollment>?>("enrolled", VType.ListOf(Enrollment), (e, s) => e.Enrolled)
        .Add<Education, CompletedEducation?>("highestCompleted", VType.ObjectOf(CompletedEducation), (e, s) => e.HighestCompleted);

    public static readonly FactType Conviction = new FactType("conviction", typeof(Conviction))
        .Add<Conviction, int?>("date", VType.Date, (c, s) => DateMath.Day(c.Date))
        .Add<Conviction, string?>("act", VType.Enum<ConvictionAct>(), (c, s) => c.Act == null ? null : EnumNames<ConvictionAct>.Name(c.Act.Value));

    public static readonly FactType Benefit = new FactType("benefit", typeof(Benefit))
        .Add<Benefit, string?>("type", VType.Enum<BenefitType>(), (b, s) => b.Type == null ? null : EnumNames<BenefitType>.Name(b.Type.Value))
        .Add<Benefit, int?>("from", VType.Date, (b, s) => DateMath.Day(b.From))
        .Add<Benefit, int?>("to", VType.Date, (b, s) => DateMath.EndDay(b.To))
        .Add<Benefit, bool?>("ongoing", VType.Bool, (b, s) => b.To == null, derived: true)
        .WithPeriod<Benefit>(Periods.Of);

    public static readonly FactType Member = new FactType("member", typeof(Member))
        .Add<Member, string?>("id", VType.String, (m, s) => m.Id)
        .Add<Member, string?>("role", VType.Enum<MemberRole>(), (m, s) => m.Role == null ? null : EnumNames<MemberRole>.Name(m.Role.Value))
        .Add<Member, int?>("birthDate", VType.Date, (m, s) => DateMath.Day(m.BirthDate))
        .Add<Member, decimal?>("age", VType.Number, (m, s) => DateMath.Age(m.BirthDate, s.On), derived: true, source: "birthDate")
        .Add<Member, string?>("citizenship", VType.String, (m, s) => m.Citizenship)
        .Add<Member, IReadOnlyList<Employment>?>("employment", VType.ListOf(Employment), (m, s) => m.Employment)
        .Add<Member, Education?>("education", VType.ObjectOf(Education), (m, s) => m.Education)
        .Add<Member, IReadOnlyList<Conviction>?>("convictions", VType.ListOf(Conviction), (m, s) => m.Convictions)
        .Add<Member, IReadOnlyList<Benefit>?>("benefits", VType.ListOf(Benefit), (m, s) => m.Benefits)
        .Add<Member, int?>("releasedFromPrison", VType.Date, (m, s) => DateMath.Day(m.ReleasedFromPrison))
        .Add<Member, int?>("releasedFromYouthInstitution", VType.Date, (m, s) => DateMath.Day(m.ReleasedFromYouthInstitution))
        .Add<Member, int?>("tenancyTerminatedForBreach", VType.Date, (m, s) => DateMath.Day(m.TenancyTerminatedForBreach));

    public static readonly FactType Divorce = new FactType("divorce", typeof(Divorce))
        .Add<Divorce, int?>("date", VType.Date, (d, s) => DateMath.Day(d.Date))
        .Add<Divorce, bool?>("childrenUnder18AtHome", VType.Bool, (d, s) => d.ChildrenUnder18AtHome);

    public static readonly FactType SoldHome = new FactType("soldHome", typeof(SoldHome))
        .Add<SoldHome, string?>("municipality", VType.String, (d, s) => d.Municipality)
        .Add<SoldHome, int?>("date", VType.Date, (d, s) => DateMath.Day(d.Date));

    public static readonly FactType Household = new FactType("household", typeof(Household))
        .Add<Household, string?>("id", VType.String, (h, s) => h.Id)
        .Add<Household, IReadOnlyList<Member>?>("members", VType.ListOf(Member), (h, s) => h.Members)
        .Add<Household, string?>("residentMunicipality", VType.String, (h, s) => h.ResidentMunicipality)
        .Add<Household, string?>("currentOrganisation", VType.String, (h, s) => h.CurrentOrganisation)
        .Add<Household, Divorce?>("divorce", VType.ObjectOf(Divorce), (h, s) => h.Divorce)
        .Add<Household, SoldHome?>("soldHome", VType.ObjectOf(SoldHome), (h, s) => h.SoldHome)
        .Add<Household, bool?>("educationPerspective", VType.Bool, (h, s) => h.EducationPerspective)
        .Add<Household, int?>("moveInDate", VType.Date, (h, s) => DateMath.Day(h.MoveInDate))
        .Add<Household, int?>("waitingListSince", VType.Date, (h, s) => DateMath.Day(h.WaitingListSince))
        .Add<Household, Member?>("applicant", VType.ObjectOf(Member), (h, s) => s.Applicant, derived: true);

    /// <summary>The names an expression can start with.</summary>
    public static readonly IReadOnlyList<string> RootNames = ["department", "household", "applicant", "member", "vacancy"];

    public static FactType RootType(string root) => root switch
    {
        "department" => Department,
        "household" => Household,
        "vacancy" => Vacancy,
        _ => Member,
    };

    public static string RootProperty(string root) => root switch
    {
        "department" => nameof(EvalScope.Department),
        "household" => nameof(EvalScope.Household),
        "vacancy" => nameof(EvalScope.Vacancy),
        "applicant" => nameof(EvalScope.Applicant),
        _ => nameof(EvalScope.Member),
    };
}
