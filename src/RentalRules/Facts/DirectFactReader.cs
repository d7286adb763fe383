using System.Globalization;
using System.Text.Json;
using RentalRules.Json;

namespace RentalRules.Facts;

/// <summary>
/// The fast path of <see cref="FactStream"/>: maps one item's UTF-8 JSON straight into its fact record, without the
/// located <see cref="JNode"/> tree. It only ever accepts an item that <see cref="FactReader"/> reads without a
/// single diagnostic, and gives the same record; anything else — a wrong type, an unknown or repeated name, a value out
/// of range, an inexact number, an escaped lone surrogate, a name this path does not know — makes it give up
/// (<c>null</c>), and the stream reads the item again through the tree, which reports exactly what is wrong and where.
/// So a fact added to <see cref="FactSchema"/> and <see cref="FactReader"/> but not here is still read correctly,
/// only more slowly. Stateless apart from the caller's string table; not thread-safe with it.
/// </summary>
internal static class DirectFactReader
{
    /// <summary>A household from the reader at its <c>{</c>, or <c>null</c> when the item needs the located reader.</summary>
    public static object? Household(ref Utf8JsonReader reader, JsonText.StringTable strings)
        => Run(ref reader, strings, static (ref Utf8JsonReader r, JsonText.StringTable s, out Household? v) => ReadHousehold(ref r, s, out v));

    /// <summary>A department from the reader at its <c>{</c>, or <c>null</c> when the item needs the located reader.</summary>
    public static object? Department(ref Utf8JsonReader reader, JsonText.StringTable strings)
        => Run(ref reader, strings, static (ref Utf8JsonReader r, JsonText.StringTable s, out Department? v) => ReadDepartment(ref r, s, out v));

    /// <summary>A vacancy from the reader at its <c>{</c>, or <c>null</c> when the item needs the located reader.</summary>
    public static object? Vacancy(ref Utf8JsonReader reader, JsonText.StringTable strings)
        => Run(ref reader, strings, static (ref Utf8JsonReader r, JsonText.StringTable s, out Vacancy? v) => ReadVacancy(ref r, s, out v));

    private delegate bool Reader<T>(ref Utf8JsonReader reader, JsonText.StringTable strings, out T? value);

    /// <summary>Reads one object; on success the reader stands at its closing <c>}</c>.</summary>
    private static T? Run<T>(ref Utf8JsonReader reader, JsonText.StringTable strings, Reader<T> read)
        where T : class
    {
        try
        {
            // A null item is an error the located reader reports; so is anything that is not an object.
            return reader.TokenType == JsonTokenType.StartObject && read(ref reader, strings, out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool ReadHousehold(ref Utf8JsonReader r, JsonText.StringTable s, out Household? value)
    {
        value = null;
        string? id = null, resident = null, organisation = null;
        Member[]? members = null;
        Divorce? divorce = null;
        SoldHome? soldHome = null;
        bool? perspective = null;
        DateOnly? moveIn = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("id"u8) && props.First(0))
            {
                r.Read();
                ok = Str(ref r, s, out id);
            }
            else if (r.ValueTextEquals("members"u8) && props.First(1))
            {
                r.Read();
                ok = List(ref r, s, out members, static (ref Utf8JsonReader r, JsonText.StringTable s, out Member? m) => ReadMember(ref r, s, out m));
            }
            else if (r.ValueTextEquals("residentMunicipality"u8) && props.First(2))
            {
                r.Read();
                ok = Str(ref r, s, out resident);
            }
            else if (r.ValueTextEquals("currentOrganisation"u8) && props.First(3))
            {
                r.Read();
                ok = Str(ref r, s, out organisation);
            }
            else if (r.ValueTextEquals("divorce"u8) && props.First(4))
            {
                r.Read();
                ok = r.TokenType == JsonTokenType.False ? (divorce = Facts.Divorce.None) is not null : Obj(ref r, s, out divorce, static (ref Utf8JsonReader r, JsonText.StringTable s, out Divorce? d) => ReadDivorce(ref r, s, out d));
            }
            else if (r.ValueTextEquals("soldHome"u8) && props.First(5))
            {
                r.Read();
                ok = r.TokenType == JsonTokenType.False ? (soldHome = Facts.SoldHome.None) is not null : Obj(ref r, s, out soldHome, static (ref Utf8JsonReader r, JsonText.StringTable s, out SoldHome? h) => ReadSoldHome(ref r, s, out h));
            }
            else if (r.ValueTextEquals("educationPerspective"u8) && props.First(6))
            {
                r.Read();
                ok = Bool(ref r, out perspective);
            }
            else if (r.ValueTextEquals("moveInDate"u8) && props.First(7))
            {
                r.Read();
                ok = Date(ref r, false, out moveIn);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken || (members is not null && !MembersAreConsistent(members)))
        {
            return false;
        }

        value = new Household
        {
            Id = id,
            Members = members,
            ResidentMunicipality = resident,
            CurrentOrganisation = organisation,
            Divorce = divorce,
            SoldHome = soldHome,
            EducationPerspective = perspective,
            MoveInDate = moveIn,
        };
        return true;
    }

    /// <summary>At most one applicant, no member id twice (the located reader's RR0304 and RR0305).</summary>
    private static bool MembersAreConsistent(Member[] members)
    {
        var applicants = 0;
        for (var i = 0; i < members.Length; i++)
        {
            applicants += members[i].Role == MemberRole.Applicant ? 1 : 0;
            if (members[i].Id is { } id)
            {
                for (var j = 0; j < i; j++)
                {
                    if (members[j].Id == id)
                    {
                        return false;
                    }
                }
            }
        }

        return applicants <= 1;
    }

    private static bool ReadDivorce(ref Utf8JsonReader r, JsonText.StringTable s, out Divorce? value)
    {
        value = null;
        DateOnly? date = null;
        bool? children = null;
        int? count = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("date"u8) && props.First(0))
            {
                r.Read();
                ok = Date(ref r, false, out date);
            }
            else if (r.ValueTextEquals("childrenUnder18AtHome"u8) && props.First(1))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.Number)
                {
                    ok = Int(ref r, out count) && count is not null;
                    children = count > 0;
                }
                else
                {
                    ok = Bool(ref r, out children);
                    count = children == false ? 0 : null;
                }
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new Divorce { Date = date, ChildrenUnder18AtHome = children, ChildrenUnder18AtHomeCount = count };
        return true;
    }

    private static bool ReadSoldHome(ref Utf8JsonReader r, JsonText.StringTable s, out SoldHome? value)
    {
        value = null;
        string? municipality = null;
        DateOnly? date = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("municipality"u8) && props.First(0))
            {
                r.Read();
                ok = Str(ref r, s, out municipality);
            }
            else if (r.ValueTextEquals("date"u8) && props.First(1))
            {
                r.Read();
                ok = Date(ref r, false, out date);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new SoldHome { Municipality = municipality, Date = date };
        return true;
    }

    private static bool ReadMember(ref Utf8JsonReader r, JsonText.StringTable s, out Member? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? id = null, citizenship = null;
        MemberRole? role = null;
        DateOnly? birth = null, prison = null, youth = null, breach = null;
        Employment[]? employment = null;
        Education? education = null;
        Conviction[]? convictions = null;
        Benefit[]? benefits = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("id"u8) && props.First(0))
            {
                r.Read();
                ok = Str(ref r, s, out id);
            }
            else if (r.ValueTextEquals("role"u8) && props.First(1))
            {
                r.Read();
                ok = Enum(ref r, s, out role);
            }
            else if (r.ValueTextEquals("birthDate"u8) && props.First(2))
            {
                r.Read();
                ok = Date(ref r, false, out birth);
            }
            else if (r.ValueTextEquals("citizenship"u8) && props.First(3))
            {
                r.Read();
                ok = Str(ref r, s, out citizenship) && (citizenship is null || (citizenship.Length == 2 && char.IsAsciiLetterUpper(citizenship[0]) && char.IsAsciiLetterUpper(citizenship[1])));
            }
            else if (r.ValueTextEquals("employment"u8) && props.First(4))
            {
                r.Read();
                ok = List(ref r, s, out employment, static (ref Utf8JsonReader r, JsonText.StringTable s, out Employment? e) => Obj(ref r, s, out e, ReadEmployment) && e is not null);
            }
            else if (r.ValueTextEquals("education"u8) && props.First(5))
            {
                r.Read();
                ok = Obj(ref r, s, out education, ReadEducation);
            }
            else if (r.ValueTextEquals("convictions"u8) && props.First(6))
            {
                r.Read();
                ok = List(ref r, s, out convictions, static (ref Utf8JsonReader r, JsonText.StringTable s, out Conviction? c) => Obj(ref r, s, out c, ReadConviction) && c is not null);
            }
            else if (r.ValueTextEquals("benefits"u8) && props.First(7))
            {
                r.Read();
                ok = List(ref r, s, out benefits, static (ref Utf8JsonReader r, JsonText.StringTable s, out Benefit? b) => Obj(ref r, s, out b, ReadBenefit) && b is not null);
            }
            else if (r.ValueTextEquals("releasedFromPrison"u8) && props.First(8))
            {
                r.Read();
                ok = Date(ref r, true, out prison);
            }
            else if (r.ValueTextEquals("releasedFromYouthInstitution"u8) && props.First(9))
            {
                r.Read();
                ok = Date(ref r, true, out youth);
            }
            else if (r.ValueTextEquals("tenancyTerminatedForBreach"u8) && props.First(10))
            {
                r.Read();
                ok = Date(ref r, true, out breach);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new Member
        {
            Id = id,
            Role = role,
            BirthDate = birth,
            Citizenship = citizenship,
            Employment = employment,
            Education = education,
            Convictions = convictions,
            Benefits = benefits,
            ReleasedFromPrison = prison,
            ReleasedFromYouthInstitution = youth,
            TenancyTerminatedForBreach = breach,
        };
        return true;
    }

    private static bool ReadEmployment(ref Utf8JsonReader r, JsonText.StringTable s, out Employment? value)
    {
        value = null;
        EmploymentKind? kind = null;
        decimal? hours = null, income = null;
        string? workplace = null;
        DateOnly? from = null, to = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("kind"u8) && props.First(0))
            {
                r.Read();
                ok = Enum(ref r, s, out kind);
            }
            else if (r.ValueTextEquals("hoursPerWeek"u8) && props.First(1))
            {
                r.Read();
                ok = Number(ref r, 0m, 168m, out hours);
            }
            else if (r.ValueTextEquals("workplaceMunicipality"u8) && props.First(2))
            {
                r.Read();
                ok = Str(ref r, s, out workplace);
            }
            else if (r.ValueTextEquals("monthlyGrossIncome"u8) && props.First(3))
            {
                r.Read();
                ok = Number(ref r, 0m, null, out income);
            }
            else if (r.ValueTextEquals("from"u8) && props.First(4))
            {
                r.Read();
                ok = Date(ref r, false, out from);
            }
            else if (r.ValueTextEquals("to"u8) && props.First(5))
            {
                r.Read();
                ok = Date(ref r, false, out to);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new Employment { Kind = kind, HoursPerWeek = hours, WorkplaceMunicipality = workplace, MonthlyGrossIncome = income, From = from, To = to };
        return true;
    }

    private static bool ReadEducation(ref Utf8JsonReader r, JsonText.StringTable s, out Education? value)
    {
        value = null;
        Enrollment[]? enrolled = null;
        CompletedEducation? highest = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("enrolled"u8) && props.First(0))
            {
                r.Read();
                ok = List(ref r, s, out enrolled, static (ref Utf8JsonReader r, JsonText.StringTable s, out Enrollment? e) => Obj(ref r, s, out e, ReadEnrollment) && e is not null);
            }
            else if (r.ValueTextEquals("highestCompleted"u8) && props.First(1))
            {
                r.Read();
                ok = Obj(ref r, s, out highest, ReadCompleted);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new Education { Enrolled = enrolled, HighestCompleted = highest };
        return true;
    }

    private static bool ReadEnrollment(ref Utf8JsonReader r, JsonText.StringTable s, out Enrollment? value)
    {
        value = null;
        EducationLevel? kind = null;
        string? municipality = null;
        bool? su = null;
        decimal? months = null;
        DateOnly? from = null, to = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("kind"u8) && props.First(0))
            {
                r.Read();
                ok = Enum(ref r, s, out kind);
            }
            else if (r.ValueTextEquals("municipality"u8) && props.First(1))
            {
                r.Read();
                ok = Str(ref r, s, out municipality);
            }
            else if (r.ValueTextEquals("suEligible"u8) && props.First(2))
            {
                r.Read();
                ok = Bool(ref r, out su);
            }
            else if (r.ValueTextEquals("months"u8) && props.First(3))
            {
                r.Read();
                ok = Number(ref r, 0m, null, out months) && (months is null || months == decimal.Truncate(months.Value));
            }
            else if (r.ValueTextEquals("from"u8) && props.First(4))
            {
                r.Read();
                ok = Date(ref r, false, out from);
            }
            else if (r.ValueTextEquals("to"u8) && props.First(5))
            {
                r.Read();
                ok = Date(ref r, false, out to);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new Enrollment { Kind = kind, Municipality = municipality, SuEligible = su, Months = months, From = from, To = to };
        return true;
    }

    private static bool ReadCompleted(ref Utf8JsonReader r, JsonText.StringTable s, out CompletedEducation? value)
    {
        value = null;
        EducationLevel? level = null;
        bool? approved = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("level"u8) && props.First(0))
            {
                r.Read();
                ok = Enum(ref r, s, out level);
            }
            else if (r.ValueTextEquals("approvedInDenmark"u8) && props.First(1))
            {
                r.Read();
                ok = Bool(ref r, out approved);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new CompletedEducation { Level = level, ApprovedInDenmark = approved };
        return true;
    }

    private static bool ReadConviction(ref Utf8JsonReader r, JsonText.StringTable s, out Conviction? value)
    {
        value = null;
        DateOnly? date = null;
        ConvictionAct? act = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("date"u8) && props.First(0))
            {
                r.Read();
                ok = Date(ref r, false, out date);
            }
            else if (r.ValueTextEquals("act"u8) && props.First(1))
            {
                r.Read();
                ok = Enum(ref r, s, out act);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new Conviction { Date = date, Act = act };
        return true;
    }

    private static bool ReadBenefit(ref Utf8JsonReader r, JsonText.StringTable s, out Benefit? value)
    {
        value = null;
        BenefitType? type = null;
        DateOnly? from = null, to = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("type"u8) && props.First(0))
            {
                r.Read();
                ok = Enum(ref r, s, out type);
            }
            else if (r.ValueTextEquals("from"u8) && props.First(1))
            {
                r.Read();
                ok = Date(ref r, false, out from);
            }
            else if (r.ValueTextEquals("to"u8) && props.First(2))
            {
                r.Read();
                ok = Date(ref r, false, out to);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new Benefit { Type = type, From = from, To = to };
        return true;
    }

    private static bool ReadDepartment(ref Utf8JsonReader r, JsonText.StringTable s, out Department? value)
    {
        value = null;
        string? id = null, name = null, organisation = null, municipality = null;
        int? residents = null, dwellings = null;
        decimal? turnover = null, flexibleShare = null, lowRent = null;
        Designation? designation = null;
        bool? plan = null, rehousing = null;
        string[]? flags = null, criteria = null;
        KeyFigures? keyFigures = null;
        DateOnly? takeover = null;
        DecidedTier[]? decided = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("id"u8) && props.First(0))
            {
                r.Read();
                ok = Str(ref r, s, out id);
            }
            else if (r.ValueTextEquals("name"u8) && props.First(1))
            {
                r.Read();
                ok = Str(ref r, s, out name);
            }
            else if (r.ValueTextEquals("organisation"u8) && props.First(2))
            {
                r.Read();
                ok = Str(ref r, s, out organisation);
            }
            else if (r.ValueTextEquals("municipality"u8) && props.First(3))
            {
                r.Read();
                ok = Str(ref r, s, out municipality);
            }
            else if (r.ValueTextEquals("residents"u8) && props.First(4))
            {
                r.Read();
                ok = Int(ref r, out residents);
            }
            else if (r.ValueTextEquals("dwellings"u8) && props.First(5))
            {
                r.Read();
                ok = Int(ref r, out dwellings);
            }
            else if (r.ValueTextEquals("turnoverRate"u8) && props.First(6))
            {
                r.Read();
                ok = Share(ref r, out turnover);
            }
            else if (r.ValueTextEquals("designation"u8) && props.First(7))
            {
                r.Read();
                ok = Enum(ref r, s, out designation);
            }
            else if (r.ValueTextEquals("developmentPlan"u8) && props.First(8))
            {
                r.Read();
                ok = Bool(ref r, out plan);
            }
            else if (r.ValueTextEquals("rehousing"u8) && props.First(9))
            {
                r.Read();
                ok = Bool(ref r, out rehousing);
            }
            else if (r.ValueTextEquals("flexibleLettingShare"u8) && props.First(10))
            {
                r.Read();
                ok = Share(ref r, out flexibleShare);
            }
            else if (r.ValueTextEquals("flags"u8) && props.First(11))
            {
                r.Read();
                ok = List(ref r, s, out flags, static (ref Utf8JsonReader r, JsonText.StringTable s, out string? f) => Str(ref r, s, out f) && f is not null);
            }
            else if (r.ValueTextEquals("flexibleCriteria"u8) && props.First(12))
            {
                r.Read();
                ok = List(ref r, s, out criteria, static (ref Utf8JsonReader r, JsonText.StringTable s, out string? c) => Str(ref r, s, out c) && c is not null);
            }
            else if (r.ValueTextEquals("keyFigures"u8) && props.First(13))
            {
                r.Read();
                ok = Obj(ref r, s, out keyFigures, ReadKeyFigures);
            }
            else if (r.ValueTextEquals("privateTakeover"u8) && props.First(14))
            {
                r.Read();
                ok = Date(ref r, false, out takeover);
            }
            else if (r.ValueTextEquals("lowRentShare"u8) && props.First(15))
            {
                r.Read();
                ok = Share(ref r, out lowRent);
            }
            else if (r.ValueTextEquals("decidedTiers"u8) && props.First(16))
            {
                r.Read();
                ok = List(ref r, s, out decided, static (ref Utf8JsonReader r, JsonText.StringTable s, out DecidedTier? t) => Obj(ref r, s, out t, ReadDecidedTier) && t is not null);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new Department
        {
            Id = id,
            Name = name,
            Organisation = organisation,
            Municipality = municipality,
            Residents = residents,
            Dwellings = dwellings,
            TurnoverRate = turnover,
            Designation = designation,
            DevelopmentPlan = plan,
            Rehousing = rehousing,
            FlexibleLettingShare = flexibleShare,
            Flags = flags,
            FlexibleCriteria = criteria,
            KeyFigures = keyFigures,
            PrivateTakeover = takeover,
            LowRentShare = lowRent,
            DecidedTiers = decided,
        };
        return true;
    }

    private static bool ReadKeyFigures(ref Utf8JsonReader r, JsonText.StringTable s, out KeyFigures? value)
    {
        value = null;
        decimal? outside = null, convicted = null, primary = null, income = null, nonWestern = null;
        DateOnly? asOf = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("outsideLabourMarketShare"u8) && props.First(0))
            {
                r.Read();
                ok = Share(ref r, out outside);
            }
            else if (r.ValueTextEquals("convictedShare"u8) && props.First(1))
            {
                r.Read();
                ok = Share(ref r, out convicted);
            }
            else if (r.ValueTextEquals("primaryEducationOnlyShare"u8) && props.First(2))
            {
                r.Read();
                ok = Share(ref r, out primary);
            }
            else if (r.ValueTextEquals("incomeRatio"u8) && props.First(3))
            {
                r.Read();
                ok = Number(ref r, 0m, 100m, out income);
            }
            else if (r.ValueTextEquals("nonWesternShare"u8) && props.First(4))
            {
                r.Read();
                ok = Share(ref r, out nonWestern);
            }
            else if (r.ValueTextEquals("asOf"u8) && props.First(5))
            {
                r.Read();
                ok = Date(ref r, false, out asOf);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new KeyFigures
        {
            OutsideLabourMarketShare = outside,
            ConvictedShare = convicted,
            PrimaryEducationOnlyShare = primary,
            IncomeRatio = income,
            NonWesternShare = nonWestern,
            AsOf = asOf,
        };
        return true;
    }

    private static bool ReadDecidedTier(ref Utf8JsonReader r, JsonText.StringTable s, out DecidedTier? value)
    {
        value = null;
        string? tier = null;
        DateOnly? from = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("tier"u8) && props.First(0))
            {
                r.Read();
                ok = Str(ref r, s, out tier);
            }
            else if (r.ValueTextEquals("from"u8) && props.First(1))
            {
                r.Read();
                ok = Date(ref r, false, out from);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new DecidedTier { Tier = tier, From = from };
        return true;
    }

    private static bool ReadVacancy(ref Utf8JsonReader r, JsonText.StringTable s, out Vacancy? value)
    {
        value = null;
        string? id = null, department = null, programme = null, stairwell = null;
        DwellingCategory? category = null;
        decimal? rent = null, area = null;
        int? rooms = null;
        DateOnly? vacatedOn = null;
        bool? firstLetting = null;
        var props = new Props();
        var broken = false;
        while (AtProperty(ref r, ref broken))
        {
            bool ok;
            if (r.ValueTextEquals("id"u8) && props.First(0))
            {
                r.Read();
                ok = Str(ref r, s, out id);
            }
            else if (r.ValueTextEquals("department"u8) && props.First(1))
            {
                r.Read();
                ok = Str(ref r, s, out department);
            }
            else if (r.ValueTextEquals("category"u8) && props.First(2))
            {
                r.Read();
                ok = Enum(ref r, s, out category);
            }
            else if (r.ValueTextEquals("programme"u8) && props.First(3))
            {
                r.Read();
                ok = Str(ref r, s, out programme);
            }
            else if (r.ValueTextEquals("rent"u8) && props.First(4))
            {
                r.Read();
                ok = Number(ref r, 0m, null, out rent);
            }
            else if (r.ValueTextEquals("area"u8) && props.First(5))
            {
                r.Read();
                ok = Number(ref r, 0m, null, out area);
            }
            else if (r.ValueTextEquals("rooms"u8) && props.First(6))
            {
                r.Read();
                ok = Int(ref r, out rooms);
            }
            else if (r.ValueTextEquals("vacatedOn"u8) && props.First(7))
            {
                r.Read();
                ok = Date(ref r, false, out vacatedOn);
            }
            else if (r.ValueTextEquals("stairwell"u8) && props.First(8))
            {
                r.Read();
                ok = Str(ref r, s, out stairwell);
            }
            else if (r.ValueTextEquals("firstLetting"u8) && props.First(9))
            {
                r.Read();
                ok = Bool(ref r, out firstLetting);
            }
            else
            {
                ok = Ignored(ref r, ref props);
            }

            if (!ok)
            {
                return false;
            }
        }

        if (broken)
        {
            return false;
        }

        value = new Vacancy
        {
            Id = id,
            Department = department,
            Category = category,
            Programme = programme,
            Rent = rent,
            Area = area,
            Rooms = rooms,
            VacatedOn = vacatedOn,
            Stairwell = stairwell,
            FirstLetting = firstLetting,
        };
        return true;
    }

    /// <summary>
    /// A property this path does not map: one <c>$</c>-name (<c>$schema</c>, <c>$comment</c>) per object is skipped as
    /// the located reader skips it; an unknown name, a repeated name or a second <c>$</c>-name (which might repeat the
    /// first) is left to the located reader.
    /// </summary>
    private static bool Ignored(ref Utf8JsonReader r, ref Props props)
    {
        if (r.ValueIsEscaped || r.ValueSpan.Length == 0 || r.ValueSpan[0] != (byte)'$' || !props.First(31))
        {
            return false;
        }

        return r.Read() && r.TrySkip();
    }

    /// <summary>
    /// Moves to the next token: true at a property name, false at the end of the object — or when the buffer ends
    /// before the object does (<paramref name="broken"/>; the stream then reads more and tries again).
    /// </summary>
    private static bool AtProperty(ref Utf8JsonReader r, ref bool broken)
    {
        if (!r.Read())
        {
            broken = true;
            return false;
        }

        return r.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>A nested object (or null); anything else is for the located reader.</summary>
    private static bool Obj<T>(ref Utf8JsonReader r, JsonText.StringTable s, out T? value, Reader<T> read)
        where T : class
    {
        value = null;
        return r.TokenType switch
        {
            JsonTokenType.Null => true,
            JsonTokenType.StartObject => read(ref r, s, out value),
            _ => false,
        };
    }

    /// <summary>An array (or null) of items that all read without a problem; a null item is for the located reader.</summary>
    /// <remarks>
    /// The items are gathered in a buffer of this thread's and copied out at their exact count, an empty array shared:
    /// no list object and no spare capacity per list (a household's members have four lists each, most of them empty
    /// or of one item). The buffer is taken while in use, so that a list inside a list of the same kind gets its own,
    /// and cleared before it is put back, so that it holds no record.
    /// </remarks>
    private static bool List<T>(ref Utf8JsonReader r, JsonText.StringTable s, out T[]? value, Reader<T> item)
        where T : class
    {
        value = null;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var buffer = Gathered<T>.Spare ?? new T[8];
        Gathered<T>.Spare = null;
        var count = 0;
        try
        {
            while (true)
            {
                if (!r.Read())
                {
                    return false;
                }

                if (r.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                if (r.TokenType == JsonTokenType.Null || !item(ref r, s, out var one) || one is null)
                {
                    return false;
                }

                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                buffer[count++] = one;
            }

            value = count == 0 ? [] : buffer.AsSpan(0, count).ToArray();
            return true;
        }
        finally
        {
            buffer.AsSpan(0, count).Clear();
            Gathered<T>.Spare = buffer;
        }
    }

    /// <summary>A thread's buffer for the items of a list of <typeparamref name="T"/> while it is read.</summary>
    private static class Gathered<T>
    {
        [ThreadStatic]
        public static T[]? Spare;
    }

    private static bool Str(ref Utf8JsonReader r, JsonText.StringTable s, out string? value)
    {
        value = null;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = s.Get(ref r);
        return true;
    }

    private static bool Enum<T>(ref Utf8JsonReader r, JsonText.StringTable s, out T? value)
        where T : struct, System.Enum
    {
        value = null;
        if (!Str(ref r, s, out var text))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (!EnumNames<T>.TryParse(text, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private static bool Bool(ref Utf8JsonReader r, out bool? value)
    {
        value = r.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null || r.TokenType == JsonTokenType.Null;
    }

    private static bool Date(ref Utf8JsonReader r, bool allowNever, out DateOnly? value)
    {
        value = null;
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.False when allowNever:
                value = NodeReader.Never;
                return true;
            case JsonTokenType.String when !r.ValueIsEscaped && !r.HasValueSequence && r.ValueSpan.Length == 10:
            {
                Span<char> chars = stackalloc char[10];
                var bytes = r.ValueSpan;
                for (var i = 0; i < 10; i++)
                {
                    chars[i] = (char)bytes[i];
                }

                if (!NodeReader.TryParseIsoDate(chars, out var date))
                {
                    return false;
                }

                value = date;
                return true;
            }

            default:
                // Escaped dates and everything invalid: the located reader decides.
                return false;
        }
    }

    /// <summary>
    /// A number the located reader takes as exact without further checks (at most 20 characters, no exponent), in
    /// [<paramref name="min"/>, <paramref name="max"/>]; parsed with the same call and culture as it.
    /// </summary>
    private static bool Number(ref Utf8JsonReader r, decimal? min, decimal? max, out decimal? value)
    {
        value = null;
        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.Number || r.HasValueSequence)
        {
            return false;
        }

        var bytes = r.ValueSpan;
        if (bytes.Length > 20)
        {
            return false;
        }

        Span<char> chars = stackalloc char[20];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is (byte)'e' or (byte)'E')
            {
                return false;
            }

            chars[i] = (char)bytes[i];
        }

        if (!decimal.TryParse(chars[..bytes.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            || (min is not null && d < min) || (max is not null && d > max))
        {
            return false;
        }

        value = d;
        return true;
    }

    private static bool Int(ref Utf8JsonReader r, out int? value)
    {
        value = null;
        if (!Number(ref r, 0m, int.MaxValue, out var d))
        {
            return false;
        }

        if (d is null)
        {
            return true;
        }

        if (d.Value != decimal.Truncate(d.Value))
        {
            return false;
        }

        value = (int)d.Value;
        return true;
    }

    private static bool Share(ref Utf8JsonReader r, out decimal? value)
    {
        // A share given as text ("28 %") or out of [0, 1] is an error with a hint: the located reader gives it.
        if (!Number(ref r, 0m, 1m, out value))
        {
            return false;
        }

        return value is null || Fraction.TryFromDecimal(value.Value, out _);
    }

    /// <summary>Which of an object's properties have been seen (bit 31: a <c>$</c>-name).</summary>
    private struct Props
    {
        private uint _seen;

        /// <summary>Marks property <paramref name="bit"/> as seen; false when it was seen before (a repeated name).</summary>
        public bool First(int bit)
        {
            var mask = 1u << bit;
            if ((_seen & mask) != 0)
            {
                return false;
            }

            _seen |= mask;
            return true;
        }
    }
}
