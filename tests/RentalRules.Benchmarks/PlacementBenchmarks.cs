using BenchmarkDotNet.Attributes;
using RentalRules.Benchmarks.HandWritten;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Benchmarks;

/// <summary>
/// Placing one department in a tier (§ 6): <see cref="RulePack.Place"/> against <see cref="HolbaekRules.Place"/>, for a
/// green department (decided by the second rule) and a red one (decided by the last). Both return the full placement:
/// tier, municipal share, flexible-letting policy, routes and explanation. Target: under 200 ns per department.
/// </summary>
[MemoryDiagnoser]
public class PlacementBenchmarks
{
    private RulePack _pack = null!;
    private Department _department = null!;

    /// <summary>The department: <c>green</c> (HB-101, 0.30) or <c>red</c> (HB-104, 0.4501).</summary>
    [Params("green", "red")]
    public string Tier { get; set; } = "green";

    /// <summary>Loads the pack and checks that both implementations agree on the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pack = RulePackLoader.Load(BenchmarkInputs.HolbaekPackPath).GetValueOrThrow();
        AgreementCheck.EnsureAgree(_pack);
        _department = BenchmarkInputs.Department(Tier);
    }

    /// <summary>Hand-written C#.</summary>
    /// <returns>The placement.</returns>
    [Benchmark(Baseline = true)]
    public PlacementResult HandWritten() => HolbaekRules.Place(_department, BenchmarkInputs.On);

    /// <summary>The compiled pack.</summary>
    /// <returns>The placement.</returns>
    [Benchmark]
    public PlacementResult Pack() => _pack.Place(_department, BenchmarkInputs.On);
}
