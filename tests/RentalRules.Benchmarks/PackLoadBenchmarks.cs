using BenchmarkDotNet.Attributes;
using RentalRules.Packs;

namespace RentalRules.Benchmarks;

/// <summary>
/// Loading the Holbæk pack from its files: read and parse holbaek-2024.json and the two packs it extends, merge them,
/// check every name and type, and build every condition's expression tree (each chunk of conditions is interpreted, then
/// compiled, when first evaluated). Reported alone: a hand-written version has nothing to load. Target: under 20 ms.
/// <see cref="LoadHolbaekAndReadWarnings"/> also runs the load-time analysis (gaps, shadowed rules, obligations), which
/// runs when a load's diagnostics are first read.
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

    /// <summary>The same load, its diagnostics read (what <c>rentalrules validate</c> does).</summary>
    /// <returns>The number of diagnostics (warnings and infos).</returns>
    [Benchmark]
    public int LoadHolbaekAndReadWarnings() => RulePackLoader.Load(_path).Diagnostics.Count;
}
