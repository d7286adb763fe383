using System.Text;
using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Json;

namespace RentalRules.Facts;

/// <summary>
/// Fact files as read: the items, and whether the file held one object or an array.
/// Immutable and built by the library: safe to share across threads.
/// </summary>
/// <typeparam name="T">Department, household or vacancy.</typeparam>
public sealed record FactFile<T>
    where T : class
{
    internal FactFile(IReadOnlyList<T> items, bool isArray)
    {
        Items = items;
        IsArray = isArray;
    }

    /// <summary>The items in file order.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Whether the file held an array (results are then reported as <c>results[]</c>).</summary>
    public bool IsArray { get; }

    internal Func<int, SourceLocation>? Locator { get; init; }

    internal Func<int, string, SourceLocation>? PropertyLocator { get; init; }

    /// <summary>Where the value of <paramref name="property"/> of item <paramref name="index"/> is, for diagnostics about it.</summary>
    /// <param name="index">The item's index in <see cref="Items"/>.</param>
    /// <param name="property">The property name, e.g. <c>department</c>.</param>
    /// <returns>The location (file, JSON path, line, column); the item's when the property is absent.</returns>
    public SourceLocation LocationOf(int index, string property)
        => PropertyLocator?.Invoke(index, property) ?? LocationOf(index) with { JsonPath = LocationOf(index).JsonPath + "." + property };

    /// <summary>Where item <paramref name="index"/> starts in the file, for diagnostics that point at an item.</summary>
    /// <param name="index">The item's index in <see cref="Items"/>.</param>
    /// <returns>The location (file, JSON path, line, column).</returns>
    public SourceLocation LocationOf(int index)
        => Locator?.Invoke(index) ?? new SourceLocation("<input>", IsArray ? $"$[{index}]" : "$", 1, 1);
}

/// <summary>
/// Where an item of a fact file is, for diagnostics about it (see <see cref="FactReader.ReadHouseholds(byte[], string, Action{Household, FactItem})"/>).
/// Immutable: safe to share across threads.
/// </summary>
public readonly struct FactItem
{
    private readonly JNode _node;

    internal FactItem(int index, JNode node)
    {
        Index = index;
        _node = node;
    }

    /// <summary>The item's position in the file (0-based).</summary>
    public int Index { get; }

    /// <summary>Where the item starts (file, JSON path, line, column).</summary>
    public SourceLocation Location => _node.Location;

    /// <summary>Where the value of a property of the item is; the item's location when the property is absent.</summary>
    /// <param name="property">The property name, e.g. <c>id</c>.</param>
    /// <returns>The location.</returns>
    public SourceLocation LocationOf(string property) => _node[property]?.Location ?? _node.Location with { JsonPath = _node.Location.JsonPath + "." + property };
}

/// <summary>
/// Reads departments, households and vacancies from JSON (DESIGN §5.1), strictly: a wrong type, an unknown name, an
/// unknown enum value, a bad date or a share above 1 is a located error with a hint. Missing or null facts are unknown.
/// Thread-safe (stateless).
/// </summary>
public static class FactReader
{
    /// <summary>Reads a file holding one department or an array of them.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <returns>The departments, or diagnostics.</returns>
    public static LoadResult<FactFile<Department>> ReadDepartments(string json, string file = "<departments>")
        => ReadFile(Encoding.UTF8.GetBytes(json), file, static (r, n) => ReadDepartment(r, n), static d => d.Id, "department");

    /// <summary>Reads UTF-8 JSON holding one department or an array of them.</summary>
    /// <param name="utf8">The JSON as UTF-8 bytes (a BOM is allowed).</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <returns>The departments, or diagnostics.</returns>
    public static LoadResult<FactFile<Department>> ReadDepartments(byte[] utf8, string file)
        => ReadFile(utf8, file, static (r, n) => ReadDepartment(r, n), static d => d.Id, "department");

    /// <summary>
    /// Reads a portfolio of departments from CSV: a header of fact names flattened with dots
    /// (<c>id,name,dwellings,turnoverRate,keyFigures.outsideLabourMarketShare</c>), one department per row, empty cells
    /// unknown, <c>flags</c> separated by <c>;</c> with <c>[]</c> for no flags. The same checks as for JSON apply,
    /// located at the cell.
    /// </summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <returns>The departments, or diagnostics.</returns>
    public static LoadResult<FactFile<Department>> ReadDepartmentsCsv(string csv, string file = "<portfolio.csv>")
    {
        ArgumentNullException.ThrowIfNull(csv);
        return CsvFacts.ReadDepartments(csv, file);
    }

    /// <summary>Reads a file holding one household or an array of them.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <returns>The households, or diagnostics.</returns>
    public static LoadResult<FactFile<Household>> ReadHouseholds(string json, string file = "<households>")
        => ReadFile(Encoding.UTF8.GetBytes(json), file, static (r, n) => ReadHousehold(r, n), static h => h.Id, "household");

    /// <summary>Reads UTF-8 JSON holding one household or an array of them; an array is read item by item.</summary>
    /// <param name="utf8">The JSON as UTF-8 bytes (a BOM is allowed).</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <returns>The households, or diagnostics.</returns>
    public static LoadResult<FactFile<Household>> ReadHouseholds(byte[] utf8, string file)
        => ReadFile(utf8, file, static (r, n) => ReadHousehold(r, n), static h => h.Id, "household");

    /// <summary>
    /// Reads UTF-8 JSON holding one household or an array of them as a stream: each household is handed to
    /// <paramref name="each"/> as soon as it is read, and none is kept, so a file of any length is read in flat memory.
    /// A household with an error is reported and not handed over.
    /// </summary>
    /// <param name="utf8">The JSON as UTF-8 bytes (a BOM is allowed).</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="each">Called per household, in file order, with where it is (for diagnostics about it).</param>
    /// <returns>The diagnostics (errors located by file, JSON path, line and column); empty when the file was read cleanly.</returns>
    public static IReadOnlyList<Diagnostic> ReadHouseholds(byte[] utf8, string file, Action<Household, FactItem> each)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(each);
        var diagnostics = new List<Diagnostic>();
        var reader = new NodeReader(diagnostics, facts: true);
        var index = 0;
        var (root, error) = JsonText.Parse(utf8, file, item =>
        {
            var at = index++;
            if (item.IsNull)
            {
                reader.Report(Descriptors.FactNullListItem, item.Location);
            }
            else
            {
                var before = diagnostics.Count;
                if (ReadHousehold(reader, item) is { } value && !diagnostics.Skip(before).Any(d => d.Severity == Severity.Error))
                {
                    each(value, new FactItem(at, item));
                }
            }
        });
        if (root is null)
        {
            return [.. diagnostics, error!];
        }

        if (root.Kind != JKind.Array)
        {
            var before = diagnostics.Count;
            if (ReadHousehold(reader, root) is { } one && !diagnostics.Skip(before).Any(d => d.Severity == Severity.Error))
            {
                each(one, new FactItem(0, root));
            }
        }

        return diagnostics;
    }

    /// <summary>Reads a file holding one vacancy or an array of them.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <returns>The vacancies, or diagnostics.</returns>
    public static LoadResult<FactFile<Vacancy>> ReadVacancies(string json, string file = "<vacancies>")
        => ReadFile(Encoding.UTF8.GetBytes(json), file, static (r, n) => ReadVacancy(r, n), static v => v.Id, "vacancy");

    /// <summary>Reads UTF-8 JSON holding one vacancy or an array of them.</summary>
    /// <param name="utf8">The JSON as UTF-8 bytes (a BOM is allowed).</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <returns>The vacancies, or diagnostics.</returns>
    public static LoadResult<FactFile<Vacancy>> ReadVacancies(byte[] utf8, string file)
        => ReadFile(utf8, file, static (r, n) => ReadVacancy(r, n), static v => v.Id, "vacancy");

    /// <summary>Reads a file of one item or an array of items, with every diagnostic located.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="read">Reads one item.</param>
    /// <param name="idOf">The item's id, for files whose ids must be unique (departments, households, vacancies), or <c>null</c>.</param>
    /// <param name="what">What an item is, for the duplicate-id error.</param>
    private static LoadResult<FactFile<T>> ReadFile<T>(byte[] utf8, string file, Func<NodeReader, JNode, T?> read, Func<T, string?>? idOf = null, string what = "item")
        where T : class
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(file);
        var diagnostics = new List<Diagnostic>();
        var reader = new NodeReader(diagnostics, facts: true);
        var items = new List<T>();
        var offsets = new List<int>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var (root, error) = JsonText.Parse(utf8, file, item =>
        {
            if (item.IsNull)
            {
                reader.Report(Descriptors.FactNullListItem, item.Location);
            }
            else if (read(reader, item) is { } value)
            {
                // Results, ledgers and journals are keyed by these ids: a second item with the same id would be
                // answered for, counted or recorded as the first. The error names where the first is, never the id
                // itself (a household file's values stay out of errors).
                if (idOf?.Invoke(value) is { } id && !ids.TryAdd(id, item.Location.JsonPath))
                {
                    reader.Report(Descriptors.DuplicateFactId, item["id"]?.Location ?? item.Location, what, ids[id]);
                }

                items.Add(value);
                offsets.Add(item.Offset);
            }
        });
        if (root is null)
        {
            return new LoadResult<FactFile<T>>(null, [error!]);
        }

        if (root.Kind == JKind.Array)
        {
            var source = root.Source;
            return new LoadResult<FactFile<T>>(
                new FactFile<T>(items, true)
                {
                    Locator = i => source!.LocationAt(offsets[i], $"$[{i}]"),
                    PropertyLocator = (i, property) => source!.LocationOfProperty(offsets[i], $"$[{i}]", property),
                },
                diagnostics);
        }

        var one = read(reader, root);
        return new LoadResult<FactFile<T>>(one is null ? null : new FactFile<T>([one], false) { Locator = _ => root.Location }, diagnostics);
    }

    internal static Department? ReadDepartment(NodeReader r, JNode n)
    {
        if (!r.ExpectObject(n, "A department"))
        {
            return null;
        }

        r.CheckProperties(n, "A department", FactSchema.Department.JsonNames);
        return new Department
        {
            Id = r.String(n["id"]),
            Name = r.String(n["name"]),
            Organisation = r.String(n["organisation"]),
            Municipality = r.String(n["municipality"]),
            Residents = r.Integer(n["residents"]),
            Dwellings = r.Integer(n["dwellings"]),
            TurnoverRate = r.Share(n["turnoverRate"]),
            Designation = r.Enum<Designation>(n["designation"]),
            DevelopmentPlan = r.Bool(n["developmentPlan"]),
            Rehousing = r.Bool(n["rehousing"]),
            FlexibleLettingShare = r.Share(n["flexibleLettingShare"]),
            Flags = r.Array(n["flags"], x => r.String(x)),
            FlexibleCriteria = r.Array(n["flexibleCriteria"], x => r.String(x)),
            KeyFigures = n["keyFigures"] is { IsNull: false } k ? ReadKeyFigures(r, k) : null,
            PrivateTakeover = r.Date(n["privateTakeover"]),
            LowRentShare = r.Share(n["lowRentShare"]),
            DecidedTiers = r.Array(n["decidedTiers"], x => Obj(r, x, "A decided tier", FactSchema.DecidedTier, t => new DecidedTier { Tier = r.String(t["tier"]), From = r.Date(t["from"]) })),
        };
    }

    private static KeyFigures? ReadKeyFigures(NodeReader r, JNode n)
    {
        if (!r.ExpectObject(n, "keyFigures"))
        {
            return null;
        }

        r.CheckProperties(n, "keyFigures", FactSchema.KeyFigures.JsonNames);
        return new KeyFigures
        {
            OutsideLabourMarketShare = r.Share(n["outsideLabourMarketShare"]),
            ConvictedShare = r.Share(n["convictedShare"]),
            PrimaryEducationOnlyShare = r.Share(n["primaryEducationOnlyShare"]),
            IncomeRatio = r.Number(n["incomeRatio"], 0m, 100m),
            NonWesternShare = r.Share(n["nonWesternShare"]),
            AsOf = r.Date(n["asOf"]),
        };
    }

    internal static Vacancy? ReadVacancy(NodeReader r, JNode n)
    {
        if (!r.ExpectObject(n, "A vacancy"))
        {
            return null;
        }

        r.CheckProperties(n, "A vacancy", FactSchema.Vacancy.JsonNames);
        return new Vacancy
        {
            Id = r.String(n["id"]),
            Department = r.String(n["department"]),
            Category = r.Enum<DwellingCategory>(n["category"]),
            Programme = r.String(n["programme"]),
            Rent = r.Number(n["rent"], 0m),
            Area = r.Number(n["area"], 0m),
            Rooms = r.Integer(n["rooms"]),
            VacatedOn = r.Date(n["vacatedOn"]),
            Stairwell = r.String(n["stairwell"]),
            FirstLetting = r.Bool(n["firstLetting"]),
            Candidates = r.Array(n["candidates"], x => r.String(x, nonEmpty: true)),
        };
    }

    internal static Household? ReadHousehold(NodeReader r, JNode n)
    {
        if (!r.ExpectObject(n, "A household"))
        {
            return null;
        }

        r.CheckProperties(n, "A household", FactSchema.Household.JsonNames);
        var members = r.Array(n["members"], m => ReadMember(r, m));
        if (members is not null && n["members"] is { } membersNode)
        {
            var applicants = members.Count(m => m.Role == MemberRole.Applicant);
            if (applicants > 1)
            {
                r.Report(Descriptors.SeveralApplicants, membersNode.Location);
            }

            for (var i = 0; i < members.Count; i++)
            {
                if (members[i].Id is { } id && members.Take(i).Any(m => m.Id == id))
                {
                    r.Report(Descriptors.DuplicateMemberId, membersNode.Items[Math.Min(i, membersNode.Items.Count - 1)].Location);
                }
            }
        }

        return new Household
        {
            Id = r.String(n["id"]),
            Members = members,
            ResidentMunicipality = r.String(n["residentMunicipality"]),
            CurrentOrganisation = r.String(n["currentOrganisation"]),
            Divorce = n["divorce"] is { Kind: JKind.False } ? Divorce.None : Obj(r, n["divorce"], "divorce", FactSchema.Divorce, x => ReadDivorce(r, x)),
            SoldHome = n["soldHome"] is { Kind: JKind.False } ? SoldHome.None : Obj(r, n["soldHome"], "soldHome", FactSchema.SoldHome, x => new SoldHome { Municipality = r.String(x["municipality"]), Date = r.Date(x["date"]) }),
            EducationPerspective = r.Bool(n["educationPerspective"]),
            MoveInDate = r.Date(n["moveInDate"]),
            WaitingListSince = r.Date(n["waitingListSince"]),
        };
    }

    /// <summary>A divorce; <c>childrenUnder18AtHome</c> is the number of children under 18 at home, or <c>true</c>/<c>false</c>.</summary>
    private static Divorce ReadDivorce(NodeReader r, JNode x)
    {
        var children = x["childrenUnder18AtHome"];
        if (children is { Kind: JKind.Number })
        {
            var count = r.Integer(children);
            return new Divorce { Date = r.Date(x["date"]), ChildrenUnder18AtHome = count is null ? null : count > 0, ChildrenUnder18AtHomeCount = count };
        }

        if (children is { Kind: not (JKind.True or JKind.False or JKind.Null) })
        {
            r.Report(Descriptors.ChildrenWrongType, children.Location, JNode.KindName(children.Kind));
            return new Divorce { Date = r.Date(x["date"]) };
        }

        var flag = r.Bool(children);
        return new Divorce { Date = r.Date(x["date"]), ChildrenUnder18AtHome = flag, ChildrenUnder18AtHomeCount = flag == false ? 0 : null };
    }

    private static T? Obj<T>(NodeReader r, JNode? node, string what, FactType type, Func<JNode, T> read)
        where T : class
    {
        if (node is null || node.IsNull || !r.ExpectObject(node, what))
        {
            return null;
        }

        r.CheckProperties(node, what, type.JsonNames);
        return read(node);
    }

    private static Member? ReadMember(NodeReader r, JNode n)
    {
        if (!r.ExpectObject(n, "A member"))
        {
            return null;
        }

        r.CheckProperties(n, "A member", FactSchema.Member.JsonNames);
        return new Member
        {
            Id = r.String(n["id"]),
            Role = r.Enum<MemberRole>(n["role"]),
            BirthDate = r.Date(n["birthDate"]),
            Citizenship = ReadCitizenship(r, n["citizenship"]),
            Employment = r.Array(n["employment"], x => Obj(r, x, "An employment", FactSchema.Employment, e => new Employment
            {
                Kind = r.Enum<EmploymentKind>(e["kind"]),
                HoursPerWeek = r.Number(e["hoursPerWeek"], 0m, 168m),
                WorkplaceMunicipality = r.String(e["workplaceMunicipality"]),
                MonthlyGrossIncome = r.Number(e["monthlyGrossIncome"], 0m),
                From = r.Date(e["from"]),
                To = r.Date(e["to"]),
            })),
            Education = Obj(r, n["education"], "education", FactSchema.Education, e => new Education
            {
                Enrolled = r.Array(e["enrolled"], x => Obj(r, x, "An enrolment", FactSchema.Enrollment, en => new Enrollment
                {
                    Kind = r.Enum<EducationLevel>(en["kind"]),
                    Municipality = r.String(en["municipality"]),
                    SuEligible = r.Bool(en["suEligible"]),
                    Months = r.WholeNumber(en["months"], "An enrolment's months", "Give the end date as \"to\" instead."),
                    From = r.Date(en["from"]),
                    To = r.Date(en["to"]),
                })),
                HighestCompleted = Obj(r, e["highestCompleted"], "highestCompleted", FactSchema.CompletedEducation, h => new CompletedEducation
                {
                    Level = r.Enum<EducationLevel>(h["level"]),
                    ApprovedInDenmark = r.Bool(h["approvedInDenmark"]),
                }),
            }),
            Convictions = r.Array(n["convictions"], x => Obj(r, x, "A conviction", FactSchema.Conviction, c => new Conviction
            {
                Date = r.Date(c["date"]),
                Act = r.Enum<ConvictionAct>(c["act"]),
            })),
            Benefits = r.Array(n["benefits"], x => Obj(r, x, "A benefit", FactSchema.Benefit, b => new Benefit
            {
                Type = r.Enum<BenefitType>(b["type"]),
                From = r.Date(b["from"]),
                To = r.Date(b["to"]),
            })),
            ReleasedFromPrison = r.Date(n["releasedFromPrison"], allowNever: true),
            ReleasedFromYouthInstitution = r.Date(n["releasedFromYouthInstitution"], allowNever: true),
            TenancyTerminatedForBreach = r.Date(n["tenancyTerminatedForBreach"], allowNever: true),
        };
    }

    private static string? ReadCitizenship(NodeReader r, JNode? node)
    {
        var text = r.String(node);
        if (text is null)
        {
            return null;
        }

        if (text.Length != 2 || !char.IsAsciiLetterUpper(text[0]) || !char.IsAsciiLetterUpper(text[1]))
        {
            r.Report(Descriptors.CitizenshipNotIso, node!.Location);
            return null;
        }

        return text;
    }
}
