using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace RentalRules.Tests.Vocabulary;

/// <summary>
/// <see cref="RouteMap{T}"/> (a tier's route policies, a placement's route summaries) answers as the dictionary it
/// replaced: the same lookups, and the routes in the order they were first set, a route set again keeping its place.
/// </summary>
public sealed class RouteMapTests
{
    private static readonly LettingRoute[] Routes = Enum.GetValues<LettingRoute>();

    [Property(MaxTest = 500, Replay = "(1618033988,4142135623)")]
    public Property AnySequenceOfSets_AnswersAsADictionary()
        => Prop.ForAll(
            Arb.From(Gen.ListOf(Gen.Zip(Gen.Elements(Routes), Gen.Choose(0, 9)))),
            sets =>
            {
                var expected = new Dictionary<LettingRoute, string>();
                var map = new RouteMap<string>();
                foreach (var (route, n) in sets)
                {
                    expected[route] = "v" + n;
                    map[route] = "v" + n;
                }

                var copy = new RouteMap<string>(map);
                return map.SequenceEqual(expected)
                    && copy.SequenceEqual(expected)
                    && map.Count == expected.Count
                    && map.Keys.SequenceEqual(expected.Keys)
                    && map.Values.SequenceEqual(expected.Values)
                    && Routes.All(r => map.ContainsKey(r) == expected.ContainsKey(r)
                        && map.TryGetValue(r, out var v) == expected.TryGetValue(r, out var e) && v == e);
            });

    [Fact]
    public void ARouteNotSet_IsNotFound_AndItsIndexerNamesIt()
    {
        var map = new RouteMap<string> { [LettingRoute.Flexible] = "open" };

        Assert.False(map.TryGetValue(LettingRoute.Municipal, out _));
        Assert.False(map.ContainsKey((LettingRoute)17));
        var e = Assert.Throws<KeyNotFoundException>(() => map[LettingRoute.WaitingList]);
        Assert.Contains("'waitingList'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => map[(LettingRoute)17] = "x");
        Assert.Throws<ArgumentNullException>(() => map[LettingRoute.Municipal] = null!);
        Assert.Equal([LettingRoute.Flexible], map.Keys);
    }

    [Fact]
    public void EnumNames_OfEveryRoute_RoundTripInDeclarationOrder()
    {
        foreach (var route in Routes)
        {
            Assert.True(EnumNames<LettingRoute>.TryParse(EnumNames<LettingRoute>.Name(route), out var back));
            Assert.Equal(route, back);
        }

        Assert.Equal(["municipal", "flexible", "waitingList", "internalTransfer"], EnumNames<LettingRoute>.Names);
        Assert.False(EnumNames<LettingRoute>.TryParse("WaitingList", out _));
        // A byte-backed enum reads its values by their own width.
        Assert.Equal(["false", "true", "unknown"], new[] { Tri.False, Tri.True, Tri.Unknown }.Select(EnumNames<Tri>.Name));
    }
}
