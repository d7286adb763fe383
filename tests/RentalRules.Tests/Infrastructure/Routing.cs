using System.Globalization;
using System.Text;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Tests.Infrastructure;

/// <summary>Builders for concrete vacancies in routing tests.</summary>
public static class Vacancies
{
    /// <summary>One vacancy of a category in a department.</summary>
    public static Vacancy Of(string id, string? department, DwellingCategory? category, string? programme = null) => new()
    {
        Id = id,
        Department = department,
        Category = category,
        Programme = programme,
        Rent = 6500m,
        Area = 75m,
        Rooms = 3,
    };

    /// <summary>
    /// <paramref name="count"/> vacancies of one category in a department, in the order they arose, with ids such as
    /// <c>HB-101-family-01</c> (numbered from <paramref name="first"/>).
    /// </summary>
    public static IReadOnlyList<Vacancy> Numbered(string department, DwellingCategory category, int count, string? programme = null, int first = 1)
        => Enumerable.Range(first, count)
            .Select(i => Of($"{department}-{programme ?? category.ToString().ToLowerInvariant()}-{i.ToString("00", CultureInfo.InvariantCulture)}", department, category, programme))
            .ToList();
}

/// <summary>Routes vacancies in order, carrying the ledger, and describes the decisions compactly.</summary>
public static class Routing
{
    /// <summary>Routes every vacancy through one department, in order; returns the decisions and the final ledger.</summary>
    public static (IReadOnlyList<RoutingDecision> Decisions, Ledger Ledger) RouteAll(RulePack pack, Department department, IEnumerable<Vacancy> vacancies, Ledger ledger, DateOnly on)
    {
        var decisions = new List<RoutingDecision>();
        foreach (var v in vacancies)
        {
            var result = pack.Route(new RoutingRequest(department, v, on) { Ledger = ledger });
            decisions.Add(result.Decision);
            ledger = result.Ledger;
        }

        return (decisions, ledger);
    }

    /// <summary>Routes every vacancy through the department it names, in order.</summary>
    public static (IReadOnlyList<RoutingDecision> Decisions, Ledger Ledger) RouteAll(RulePack pack, IReadOnlyDictionary<string, Department> departments, IEnumerable<Vacancy> vacancies, Ledger ledger, DateOnly on)
    {
        var decisions = new List<RoutingDecision>();
        foreach (var v in vacancies)
        {
            var result = pack.Route(new RoutingRequest(departments[v.Department!], v, on) { Ledger = ledger });
            decisions.Add(result.Decision);
            ledger = result.Ledger;
        }

        return (decisions, ledger);
    }

    /// <summary>The 1-based positions of the decisions with a route, e.g. <c>[3, 6]</c> for the municipal ones of 7 green vacancies.</summary>
    public static int[] Positions(IReadOnlyList<RoutingDecision> decisions, VacancyRoute route)
        => decisions.Select((d, i) => (d, i)).Where(x => x.d.Route == route).Select(x => x.i + 1).ToArray();

    /// <summary>The 1-based positions of the decisions under special criteria.</summary>
    public static int[] SpecialPositions(IReadOnlyList<RoutingDecision> decisions)
        => decisions.Select((d, i) => (d, i)).Where(x => x.d.SpecialCriteria).Select(x => x.i + 1).ToArray();

    /// <summary>Everything a decision says, as one line, so that two sequences compare in one assertion.</summary>
    public static string Describe(RoutingDecision d)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{d.VacancyId}|{d.DepartmentId}|{d.Route}|{d.SpecialCriteria}|{d.CriteriaSet}|{d.Tier}|{d.Counter}|{d.Count}|{d.MunicipalShare}");
        foreach (var e in d.Explanation)
        {
            sb.Append(CultureInfo.InvariantCulture, $"|because {e.RuleId} {e.Clause} {e.Source} {e.Reason.En} / {e.Reason.Da}");
        }

        sb.Append("|missing ").AppendJoin(",", d.Missing);
        return sb.ToString();
    }
}
