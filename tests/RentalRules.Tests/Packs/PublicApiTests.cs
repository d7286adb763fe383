using System.Reflection;
using RentalRules.Packs;

namespace RentalRules.Tests.Packs;

/// <summary>The public surface stays small and explicit.</summary>
public sealed class PublicApiTests
{
    private static IEnumerable<Type> PublicTypes => typeof(RulePack).Assembly.GetExportedTypes();

    [Fact]
    public void EveryPublicClass_IsSealedOrStaticOrAbstract()
    {
        var open = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Select(t => t.FullName)
            .ToList();
        Assert.True(open.Count == 0, "Public classes must be sealed: " + string.Join(", ", open));
    }

    [Fact]
    public void PublicSurface_IsTheListedTypes()
    {
        var names = PublicTypes.Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
        Infrastructure.Snapshot.Match(string.Join("\n", names), "public-api");
    }
}
