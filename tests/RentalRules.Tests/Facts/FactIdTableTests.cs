using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Facts;

namespace RentalRules.Tests.Facts;

/// <summary>
/// The id table of a fact stream refuses exactly the ids an earlier item had, and names that item: it agrees with an
/// ordinal dictionary on any sequence of ids, also across its growth (thousands of ids) and for ids that differ in
/// case, length or one character only.
/// </summary>
public sealed class FactIdTableTests
{
    /// <summary>Ids from a small alphabet (many repeats, near misses, the empty id) or any string.</summary>
    private static readonly Gen<string> Ids = Gen.Frequency(
        (4, Gen.Elements("a", "A", "ab", "aB", "b", "", "dep-000001", "dep-000010", "dep-0000010", "æ", "ae", "\u00e6\u0301")),
        (3, Gen.Choose(0, 5000).Select(n => $"v-{n}")),
        (1, ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get)));

    [Property(MaxTest = 300, Replay = "(3141592653,2718281829)")]
    public Property TryAdd_AnySequence_AgreesWithAnOrdinalDictionary()
        => Prop.ForAll(
            Arb.From(Gen.Choose(0, 3000).SelectMany(n => Gen.ListOf(Ids, n))),
            ids =>
            {
                var table = new FactIdTable();
                var reference = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < ids.Count; i++)
                {
                    var added = table.TryAdd(ids[i], i, out var first);
                    var expected = reference.TryAdd(ids[i], i);
                    Assert.Equal(expected, added);
                    Assert.Equal(reference[ids[i]], first);
                }

                Assert.Equal(reference.Count, table.Count);
            });

    [Fact]
    public void TryAdd_ARepeatedId_IsRefusedWithTheFirstItemsIndex()
    {
        var table = new FactIdTable();
        Assert.True(table.TryAdd("dep-1", 0, out _));
        Assert.True(table.TryAdd("dep-2", 1, out _));

        Assert.False(table.TryAdd("dep-1", 2, out var first));

        Assert.Equal(0, first);
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void TryAdd_AMillionDistinctIds_AreAllNew()
    {
        var table = new FactIdTable();
        for (var i = 0; i < 1_000_000; i++)
        {
            Assert.True(table.TryAdd($"dep-{i:D6}", i, out _));
        }

        Assert.False(table.TryAdd("dep-999999", 1_000_000, out var first));
        Assert.Equal(999_999, first);
    }
}
