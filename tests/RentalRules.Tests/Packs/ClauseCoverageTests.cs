using System.Reflection;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Tests.Packs;

/// <summary>
/// Every clause a shipped pack (<c>rules/*.json</c>) or an illustrative example pack (<c>rules/examples/*.json</c>) cites
/// has at least one test that quotes a concrete case for it.
/// </summary>
public sealed class ClauseCoverageTests
{
    public static TheoryData<string> ShippedPacks()
    {
        var data = new TheoryData<string>();
        var files = Repo.PackFiles("rules")
            .Concat(Repo.PackFiles("rules", "examples"))
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal);
        foreach (var id in files)
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void ShippedPacks_IncludeTheExamplePacks()
    {
        var ids = ((IEnumerable<object[]>)ShippedPacks()).Select(row => (string)row[0]).ToList();

        Assert.Contains("aarhus-2010", ids);
        Assert.Contains("koebenhavn-supplementary-2010", ids);
        Assert.Contains("aalborg-2023", ids);
        Assert.Contains("holbaek-2024", ids);
    }

    [Theory]
    [MemberData(nameof(ShippedPacks))]
    public void EveryCitedClause_HasATestMarkedWithIt(string packId)
    {
        var pack = Repo.Pack(packId);
        var cited = pack.Citations.Where(c => c.Source == pack.Id).Select(c => c.Clause).ToHashSet(StringComparer.Ordinal);
        var covered = typeof(ClauseCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .SelectMany(m => m.GetCustomAttributes<ClauseAttribute>())
            .Where(a => a.Pack == pack.Id)
            .Select(a => a.Clause)
            .ToHashSet(StringComparer.Ordinal);

        var uncovered = cited.Except(covered).Order(StringComparer.Ordinal).ToList();
        Assert.True(uncovered.Count == 0, $"{packId}: no test is marked [Clause(\"{pack.Id}\", …)] for: {string.Join(", ", uncovered)}");
    }

    [Theory]
    [MemberData(nameof(ShippedPacks))]
    public void EveryClauseAttribute_NamesAClauseThePackDeclares(string packId)
    {
        var pack = Repo.Pack(packId);
        var declared = pack.DeclaredClauses.Select(c => c.Clause).ToHashSet(StringComparer.Ordinal);
        var stale = typeof(ClauseCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .SelectMany(m => m.GetCustomAttributes<ClauseAttribute>().Select(a => (Method: m, Attribute: a)))
            .Where(x => x.Attribute.Pack == pack.Id && !declared.Contains(x.Attribute.Clause))
            .Select(x => $"{x.Method.DeclaringType!.Name}.{x.Method.Name}: '{x.Attribute.Clause}'")
            .ToList();
        Assert.True(stale.Count == 0, $"{packId}: tests cite clauses the pack does not declare: {string.Join("; ", stale)}");
    }
}
