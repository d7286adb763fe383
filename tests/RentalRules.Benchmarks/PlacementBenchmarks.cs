using BenchmarkDotNet.Attributes;
using NRules;
using RentalRules.Benchmarks.HandWritten;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.NRules;
using RentalRules.Packs;

namespace RentalRules.Benchmarks;

/// <summary>
/// Placing one department in a tier (§ 6): <see cref="HolbaekRules.Place"/> (the baseline), <see cref="RulePack.Place"/>
/// (native) and the pack's NRules rule set (a session per placement), for a green department (decided by the second
/// rule) and a red one (decided by the last of § 6). All return the full placement: tier, municipal share,
/// flexible-letting policy, routes and explanation. <c>Pack=holbaek+1000</c> adds 1 000 rules after them.
/// Target: native within 1.5× of hand-written.
/// </summary>
[MemoryDiagnoser]
public class PlacementBenchmarks
{
    private RulePack _pack = null!;
    private ISessionFactory _factory = null!;
    private Department _department = null!;

    /// <summary>The department: <c>green</c> (HB-101, 0.30) or <c>red</c> (HB-104, 0.4501).</summary>
    [Params("green", "red")]
    public string Tier { get; set; } = "green";

    /// <summary>The pack: <c>holbaek</c> or <c>holbaek+1000</c>.</summary>
    [Params("holbaek", "holbaek+1000")]
    public string Pack { get; set; } = "holbaek";

    /// <summary>Loads the pack, compiles its rule set, and checks that the three implementations agree on the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pack = LargePack.Load(Pack);
        AgreementCheck.EnsureAgree(_pack);
        _factory = LargePack.Factory(_pack);
        _department = BenchmarkInputs.Department(Tier);
        AgreementCheck.EnsureNRulesAgrees(_pack, _factory, BenchmarkInputs.RedWaitingList with { Department = _department });
    }

    /// <summary>Hand-written C#.</summary>
    /// <returns>The placement.</returns>
    [Benchmark(Baseline = true)]
    public PlacementResult HandWritten() => HolbaekRules.Place(_department, BenchmarkInputs.On);

    /// <summary>The compiled pack, native evaluator.</summary>
    /// <returns>The placement.</returns>
    [Benchmark]
    public PlacementResult Native() => _pack.Place(new PlacementRequest(_department, BenchmarkInputs.On));

    /// <summary>The pack's NRules rule set: a new session, the request inserted, the rules fired, the result read.</summary>
    /// <returns>The placement.</returns>
    [Benchmark]
    public PlacementResult NRules()
    {
        var session = _factory.CreateSession();
        session.Insert(new PlacementRequest(_department, BenchmarkInputs.On));
        session.Fire();
        return session.Query<PlacementResult>().First();
    }
}
