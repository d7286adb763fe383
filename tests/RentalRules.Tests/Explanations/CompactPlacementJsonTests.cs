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
/// The place command's hand-written compact JSON of a placement (<see cref="CompactPlacementJson"/>) is byte for byte
/// what <see cref="ResultJson.WritePlacement"/> writes through a compact writer with the relaxed encoder.
/// </summary>
public sealed class CompactPlacementJsonTests
{
    private static string Writer(PlacementResult p) => CompactJson.Writer(w => ResultJson.WritePlacement(w, p));

    private static string Compact(PlacementResult p) => CompactJson.Buffer(b => CompactPlacementJson.Write(b, p));

    private static IEnumerable<PlacementResult> SamplePlacements()
    {
        foreach (var (packId, town) in new[] { ("holbaek-2024", "holbaek"), ("hoeje-taastrup-2023", "hoeje-taastrup") })
        {
            var pack = Repo.Pack(packId);
            var departments = FactReader.ReadDepartments(File.ReadAllText(Repo.Path("samples", town, "departments.json"))).GetValueOrThrow().Items;
            foreach (var on in new[] { new DateOnly(2019, 3, 1), new DateOnly(2025, 3, 1), new DateOnly(2030, 3, 1) })
            {
                foreach (var d in departments)
                {
                    yield return pack.Place(new PlacementRequest(d, on));
                    yield return pack.Place(new PlacementRequest(d with { KeyFigures = null, DecidedTiers = null }, on));
                }
            }
        }
    }

    [Fact]
    public void EveryPlacementOfTheSampleDepartments_OnThreeDates_IsTheWritersJson()
    {
        var all = SamplePlacements().ToList();

        // Placed, undetermined and out-of-validity placements; special criteria (Høje-Taastrup level 2), a flexible policy
        // and none, warnings and tier labels: each branch of the writer.
        Assert.Contains(all, p => p.Outcome == PlacementOutcome.Placed && p.FlexibleLetting is not null);
        Assert.Contains(all, p => p.Outcome != PlacementOutcome.Placed);
        Assert.Contains(all, p => p.SpecialCriteria is not null);
        Assert.Contains(all, p => p.Warnings.Count > 0);
        foreach (var p in all)
        {
            Assert.Equal(Writer(p), Compact(p));
        }
    }

    [Property(MaxTest = 300, Replay = Laws.Replay)]
    public Property AnyDepartmentIdAndWarning_AreWrittenAsTheWriterWritesThem() => Prop.ForAll(Arb.From(CompactJson.Strings), Arb.From(CompactJson.Strings), (id, warning) =>
    {
        var placed = Repo.Pack("holbaek-2024").Place(new PlacementRequest(Build.Department(id, 0.5m), new DateOnly(2025, 3, 1)));
        var p = placed with { Warnings = [.. placed.Warnings, new LocalizedText(warning, warning)] };

        Assert.Equal(Writer(p), Compact(p));
    });
}
