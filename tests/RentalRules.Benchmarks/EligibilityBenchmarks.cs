using BenchmarkDotNet.Attributes;
using RentalRules.Benchmarks.HandWritten;
using RentalRules.Evaluation;
using RentalRules.Packs;

namespace RentalRules.Benchmarks;

/// <summary>
/// Eligibility with explanation: a four-person household (two working adults, two children) on the waiting list into
/// a red department, which must meet the tightened criteria of appendix 3. <see cref="RulePack.Check"/> against
/// <see cref="HolbaekRules.Check"/>; both place the department, pick the route's requirements and return every
/// criterion with its per-member outcomes, missing facts and documents. Target: within 2x of hand-written.
/// </summary>
[MemoryDiagnoser]
public class EligibilityBenchmarks
{
    private RulePack _pack = null!;
    private EligibilityRequest _request = null!;

    /// <summary>Loads the pack and checks that both implementations agree on the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pack = RulePackLoader.Load(BenchmarkInputs.HolbaekPackPath).GetValueOrThrow();
        AgreementCheck.EnsureAgree(_pack);
        _request = BenchmarkInputs.RedWaitingList;
    }

    /// <summary>Hand-written C#.</summary>
    /// <returns>The eligibility.</returns>
    [Benchmark(Baseline = true)]
    public EligibilityResult HandWritten() => HolbaekRules.Check(_request);

    /// <summary>The compiled pack.</summary>
    /// <returns>The eligibility.</returns>
    [Benchmark]
    public EligibilityResult Pack() => _pack.Check(_request);
}
