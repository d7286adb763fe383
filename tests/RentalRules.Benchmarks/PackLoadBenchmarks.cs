using BenchmarkDotNet.Attributes;
using RentalRules.Packs;

namespace RentalRules.Benchmarks;

/// <summary>
/// Loading the Holbæk pack from its files: read and parse holbaek-2024.json and the two packs it extends, merge them,
/// check every name and type, and compile every condition to a delegate. Reported alone: a hand-written version has
/// nothing to load. Target: under 20 ms.
/// </summary>
[MemoryDiagnoser]
public class PackLoadBenchmarks
{
    private string _path = "";

    /// <summary>Finds the pack.</summary>
    [GlobalSetup]
    public void Setup() => _path = BenchmarkInputs.HolbaekPackPath;

    /// <summary><see cref="RulePackLoader.Load(string)"/> of rules/holbaek-2024.json.</summary>
    /// <returns>The pack.</returns>
    [Benchmark]
    public RulePack LoadHolbaek() => RulePackLoader.Load(_path).GetValueOrThrow();
}
