using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;
using Outcome = RentalRules.Outcome;

namespace RentalRules.Tests.Properties;

/// <summary>
/// The missing facts a check reports are what a caseworker asks the household for, so each is named once, in the order
/// the criteria first needed it: an undetermined criterion over the members names the facts its undetermined members
/// miss, an undetermined composite those of its undetermined parts, and the check those of its criteria; a criterion
/// that is met or failed names none. For every pack, any department, any household (facts left out at random), any
/// route and date.
/// </summary>
public sealed class MissingFactsPropertiesTests
{
    private static readonly string[] PackIds = Repo.PackIds();

    private static readonly Gen<(string Pack, Department Department, Household Household, LettingRoute Route, DateOnly On, bool Explain)> Cases =
        from pack in Gen.Elements(PackIds)
        from department in FactGenerators.Department
        from household in FactGenerators.Household
        from route in Gen.Elements(LettingRoute.Municipal, LettingRoute.Flexible, LettingRoute.WaitingList, LettingRoute.InternalTransfer)
        from date in FactGenerators.EvaluationDate
        from explain in Gen.Elements(true, false)
        select (pack, department, household, route, date, explain);

    [Property(MaxTest = 500)]
    public Property Check_NamesEachMissingFactOnce_InTheOrderItsPartsNeedIt()
        => Prop.ForAll(Arb.From(Cases), x =>
        {
            var pack = Repo.Pack(x.Pack);
            var result = pack.Check(new EligibilityRequest(x.Department, x.Household, x.Route, x.On) { Explain = x.Explain });

            AssertOnce(result.Missing, $"{x.Pack}: the check's missing facts");
            foreach (var criterion in result.Criteria)
            {
                AssertCriterion(x.Pack, criterion);
            }
        });

    [Fact]
    public void Check_TwoMembersMissingTheSameFacts_NamesThemOnce()
    {
        // Two adults of working age, neither with employment or education recorded: appendix 3 no. 2 cannot be decided
        // for either, and the criterion asks for what they miss once, not once per member.
        var pack = Repo.Pack("holbaek-2024");
        var department = FactReader.ReadDepartments(File.ReadAllText(Repo.Path("samples/holbaek/department-red.json"))).GetValueOrThrow().Items[0];
        var member = new Member { Role = MemberRole.Applicant, BirthDate = new DateOnly(1980, 5, 1), Convictions = [], Benefits = [] };
        var household = new Household { Id = "hh-twice", Members = [member with { Id = "m1" }, member with { Id = "m2", Role = MemberRole.Partner }] };

        var result = pack.Check(new EligibilityRequest(department, household, LettingRoute.WaitingList, new DateOnly(2025, 3, 1)));

        var work = Assert.Single(result.Criteria, c => c.Id == "holbaek-b3-2-work-or-education");
        Assert.Equal(Outcome.Undetermined, work.Outcome);
        Assert.All(work.Members, m => Assert.Equal(Outcome.Undetermined, m.Outcome));
        Assert.Equal(work.Members[0].Missing, work.Members[1].Missing);
        Assert.Equal(work.Members[0].Missing, work.Missing);
        AssertOnce(result.Missing, "the check's missing facts");
        Assert.All(work.Missing, f => Assert.Contains(f, result.Missing));
    }

    private static void AssertCriterion(string pack, CriterionResult c)
    {
        if (c.Outcome != Outcome.Undetermined)
        {
            Assert.True(c.Missing.Count == 0, $"{pack}: {c.Id} is {c.Outcome} but names missing facts ({string.Join(", ", c.Missing)})");
        }
        else if (c.Children.Count > 0)
        {
            Assert.Equal(FirstSeen(c.Children.Where(k => k.Outcome == Outcome.Undetermined).SelectMany(k => k.Missing)), c.Missing);
        }
        else if (c.Members.Count > 0)
        {
            Assert.Equal(FirstSeen(c.Members.SelectMany(m => m.Missing)), c.Missing);
        }

        foreach (var child in c.Children)
        {
            AssertCriterion(pack, child);
        }
    }

    private static List<string> FirstSeen(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return names.Where(seen.Add).ToList();
    }

    private static void AssertOnce(IReadOnlyList<string> names, string what)
        => Assert.True(names.Distinct(StringComparer.Ordinal).Count() == names.Count, $"{what} name a fact twice: {string.Join(", ", names)}");
}
