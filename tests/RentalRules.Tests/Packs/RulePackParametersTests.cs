using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Packs;

namespace RentalRules.Tests.Packs;

/// <summary>
/// A pack holds every parameter's values per period (between two dates on which some value changes), computed at load:
/// nothing in it changes when it is used, and on any date the values are those the parameters state for that date.
/// </summary>
public sealed class RulePackParametersTests
{
    private static readonly RulePack Holbaek = RulePackLoader.LoadBuiltIn("holbaek-2024").GetValueOrThrow();

    /// <summary>Dates from 1990 to 2060, and the days around each date on which a Holbæk parameter changes.</summary>
    private static readonly Gen<DateOnly> Dates = Gen.OneOf(
        Gen.Choose(new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2060, 12, 31).DayNumber).Select(DateOnly.FromDayNumber),
        from change in Gen.Elements(Holbaek.Parameters.Values.SelectMany(p => p.Values).Select(v => v.From).ToArray())
        from offset in Gen.Choose(-1, 1)
        select change.AddDays(offset));

    [Property(MaxTest = 300, Replay = "(1618033988,1414213563)")]
    public Property ParametersOn_AnyDate_AreTheValuesEachParameterStatesForIt()
        => Prop.ForAll(Arb.From(Dates), on =>
        {
            var values = Holbaek.ParametersOn(on);

            Assert.Equal(Holbaek.ParameterOrder.Select(p => p.ValueOn(on)).ToArray(), values);
            Assert.Equal(Holbaek.ParameterOrder.Select(p => Holbaek.ParameterValue(p.Name, on)).ToArray(), values);
        });

    [Fact]
    public void ParametersOn_TwoDatesOfOnePeriod_ShareTheirValues_AndDatesOfTwoPeriodsDoNot()
    {
        var changes = Holbaek.Parameters.Values.SelectMany(p => p.Values).Select(v => v.From).Distinct().Order().ToList();
        var first = changes[0];

        Assert.Same(Holbaek.ParametersOn(first), Holbaek.ParametersOn(changes.Count > 1 ? changes[1].AddDays(-1) : first.AddYears(50)));
        Assert.NotSame(Holbaek.ParametersOn(first.AddDays(-1)), Holbaek.ParametersOn(first));
    }
}
