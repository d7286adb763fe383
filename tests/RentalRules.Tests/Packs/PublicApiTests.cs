using PublicApiGenerator;
using RentalRules.Packs;

namespace RentalRules.Tests.Packs;

/// <summary>
/// The public surface stays small and explicit: every public member signature of the RentalRules and
/// RentalRules.NRules packages is listed (PublicApiGenerator) in a committed snapshot, so that a changed signature —
/// not only a new or removed type — fails until it is reviewed.
/// </summary>
public sealed class PublicApiTests
{
    /// <summary>The listing's options: no assembly attributes (they carry the build's version and commit).</summary>
    internal static readonly ApiGeneratorOptions Options = new() { IncludeAssemblyAttributes = false };

    private static IEnumerable<Type> PublicTypes => typeof(RulePack).Assembly.GetExportedTypes().Concat(typeof(RentalRules.NRules.PackRuleSet).Assembly.GetExportedTypes());

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
    public void PublicSurface_IsTheListedMembers()
        => Infrastructure.Snapshot.Match(typeof(RulePack).Assembly.GeneratePublicApi(Options), "public-api");

    [Fact]
    public void NRulesPublicSurface_IsTheListedMembers()
        => Infrastructure.Snapshot.Match(typeof(RentalRules.NRules.PackRuleSet).Assembly.GeneratePublicApi(Options), "nrules-public-api");
}
