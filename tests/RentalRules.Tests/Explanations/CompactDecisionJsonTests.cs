using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Tests.Infrastructure;
using RentalRules.Tests.Properties;

namespace RentalRules.Tests.Explanations;

/// <summary>
/// The route command's hand-written compact JSON of a decision (<see cref="CompactDecisionJson"/>) is byte for byte what
/// <see cref="ResultJson.WriteDecision"/> writes through a compact writer with the relaxed encoder.
/// </summary>
public sealed class CompactDecisionJsonTests
{
    private static string Writer(RoutingDecision d) => CompactJson.Writer(w => ResultJson.WriteDecision(w, d));

    private static string Compact(RoutingDecision d) => CompactJson.Buffer(b => CompactDecisionJson.Write(b, d));

    private static IReadOnlyList<RoutingDecision> SampleDecisions(string packId, string town, DateOnly on)
    {
        var pack = Repo.Pack(packId);
        var byId = FactReader.ReadDepartments(File.ReadAllText(Repo.Path("samples", town, "departments.json"))).GetValueOrThrow().Items.ToDictionary(d => d.Id!);
        var vacancies = FactReader.ReadVacancies(File.ReadAllText(Repo.Path("samples", town, "vacancies.json"))).GetValueOrThrow().Items;
        return Routing.RouteAll(pack, byId, vacancies, pack.NewLedger(), on).Decisions;
    }

    [Theory]
    [InlineData("holbaek-2024", "holbaek", "2025-03-01")]
    [InlineData("holbaek-2024", "holbaek", "2019-03-01")] // before the agreement: undetermined and out-of-validity decisions
    [InlineData("hoeje-taastrup-2023", "hoeje-taastrup", "2025-03-01")]
    public void EveryDecisionOfTheSampleVacancies_IsTheWritersJson(string packId, string town, string on)
    {
        var decisions = SampleDecisions(packId, town, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotEmpty(decisions);
        foreach (var d in decisions)
        {
            Assert.Equal(Writer(d), Compact(d));
        }
    }

    [Fact]
    public void TheSamples_ReachEveryShapeOfADecision()
    {
        // A counted decision with a share, one without a count, special criteria, marks and missing facts: so that the
        // sample theory above is a test of each branch of the writer.
        var all = SampleDecisions("holbaek-2024", "holbaek", new DateOnly(2025, 3, 1))
            .Concat(SampleDecisions("hoeje-taastrup-2023", "hoeje-taastrup", new DateOnly(2025, 3, 1)))
            .Concat(SampleDecisions("holbaek-2024", "holbaek", new DateOnly(2019, 3, 1)))
            .ToList();

        Assert.Contains(all, d => d.Count is not null && d.MunicipalShare is not null);
        Assert.Contains(all, d => d.Count is null);
        Assert.Contains(all, d => d.Missing.Count > 0);
    }

    private static readonly Gen<(string Vacancy, string Department, long? Count, IReadOnlyList<string> Marks, bool Special)> Varied =
        from vacancy in CompactJson.Strings
        from department in CompactJson.Strings
        from count in Gen.OneOf(Gen.Constant<long?>(null), ArbMap.Default.GeneratorFor<long>().Select(k => (long?)k))
        from marks in Gen.ListOf(CompactJson.Strings).Select(l => (IReadOnlyList<string>)l.Take(3).ToList())
        from special in ArbMap.Default.GeneratorFor<bool>()
        select (vacancy, department, count, marks, special);

    [Property(MaxTest = 500, Replay = Laws.Replay)]
    public Property AnyIdsCountsAndMarks_AreWrittenAsTheWriterWritesThem() => Prop.ForAll(Arb.From(Varied), v =>
    {
        var sample = SampleDecisions("holbaek-2024", "holbaek", new DateOnly(2025, 3, 1))[0];
        var d = sample with { VacancyId = v.Vacancy, DepartmentId = v.Department, Count = v.Count, Marks = v.Marks, SpecialCriteria = v.Special, Counter = v.Marks.FirstOrDefault() };

        Assert.Equal(Writer(d), Compact(d));
    });
}
