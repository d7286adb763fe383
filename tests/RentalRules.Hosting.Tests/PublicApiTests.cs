using RentalRules.Hosting.Packs;
using RentalRules.Hosting.Sqlite;

namespace RentalRules.Hosting.Tests;

/// <summary>The hosting packages' public surface stays small and explicit.</summary>
public sealed class PublicApiTests
{
    private static IEnumerable<Type> PublicTypes => typeof(IRulePackProvider).Assembly.GetExportedTypes().Concat(typeof(SqliteJournalStore).Assembly.GetExportedTypes()).Concat(typeof(RentalRules.Hosting.PostgreSql.PostgreSqlJournalStore).Assembly.GetExportedTypes());

    [Fact]
    public void EveryPublicClass_IsSealedOrStaticOrAbstract()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName).ToList();
        Assert.True(open.Count == 0, "Public classes must be sealed: " + string.Join(", ", open));
    }

    [Fact]
    public void PublicSurface_IsTheListedTypes()
    {
        var names = PublicTypes.Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
        RentalRules.Tests.Infrastructure.Snapshot.Match(string.Join("\n", names), "hosting-public-api");
    }
}
