using RentalRules.Hosting.Packs;
using RentalRules.Hosting.Sqlite;

namespace RentalRules.Hosting.Tests;

/// <summary>The hosting packages' public surface stays small and explicit: every public member is listed in a committed snapshot.</summary>
public sealed class PublicApiTests
{
    private static IEnumerable<Type> PublicTypes => typeof(IRulePackProvider).Assembly.GetExportedTypes().Concat(typeof(SqliteJournalStore).Assembly.GetExportedTypes()).Concat(typeof(RentalRules.Hosting.PostgreSql.PostgreSqlJournalStore).Assembly.GetExportedTypes());

    [Fact]
    public void EveryPublicClass_IsSealedOrStaticOrAbstract()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName).ToList();
        Assert.True(open.Count == 0, "Public classes must be sealed: " + string.Join(", ", open));
    }

    /// <summary>Every public member signature of the three hosting packages (PublicApiGenerator), without assembly attributes.</summary>
    [Theory]
    [InlineData("RentalRules.Hosting")]
    [InlineData("RentalRules.Hosting.Sqlite")]
    [InlineData("RentalRules.Hosting.PostgreSql")]
    public void PublicSurface_IsTheListedMembers(string package)
    {
        var assembly = PublicTypes.Select(t => t.Assembly).Distinct().Single(a => a.GetName().Name == package);
        RentalRules.Tests.Infrastructure.Snapshot.Match(
            PublicApiGenerator.ApiGenerator.GeneratePublicApi(assembly, new PublicApiGenerator.ApiGeneratorOptions { IncludeAssemblyAttributes = false }),
            package.ToLowerInvariant().Replace('.', '-') + "-public-api");
    }
}
