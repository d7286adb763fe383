using BenchmarkDotNet.Attributes;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Packs;

namespace RentalRules.Benchmarks;

/// <summary>
/// Routing 1 000 000 family vacancies across 5 000 Holbæk departments (a mix of green, yellow, red and uncoloured),
/// in order, carrying the immutable ledger from each decision to the next — what a letting system does over years.
/// One operation routes all million.
/// </summary>
[MemoryDiagnoser]
[Monitoring]
public class RoutingBenchmarks
{
    private const int Departments = 5_000;
    private const int Vacancies = 1_000_000;
    private RulePack _pack = null!;
    private Department[] _departments = null!;
    private Vacancy[] _vacancies = null!;

    /// <summary>Builds the departments and vacancies (deterministic) and loads the pack.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pack = RulePackLoader.Load(BenchmarkInputs.HolbaekPackPath).GetValueOrThrow();
        var shares = new decimal?[] { 0.20m, 0.30m, 0.38m, 0.50m, null };
        _departments = Enumerable.Range(0, Departments).Select(i => BenchmarkInputs.GreenDepartment with
        {
            Id = $"D{i:D4}",
            KeyFigures = shares[i % shares.Length] is { } s ? new KeyFigures { OutsideLabourMarketShare = s } : null,
        }).ToArray();
        var random = new Random(42);
        _vacancies = Enumerable.Range(0, Vacancies).Select(i => new Vacancy
        {
            Id = $"V{i}",
            Department = _departments[random.Next(Departments)].Id,
            Category = DwellingCategory.Family,
        }).ToArray();
    }

    /// <summary>Routes every vacancy in order; returns the number of municipal allocations.</summary>
    /// <returns>The count.</returns>
    [Benchmark]
    public int RouteOneMillion()
    {
        var byId = _departments.ToDictionary(d => d.Id!, StringComparer.Ordinal);
        var ledger = _pack.NewLedger();
        var municipal = 0;
        foreach (var v in _vacancies)
        {
            var result = _pack.Route(new RoutingRequest(byId[v.Department!], v, BenchmarkInputs.On) { Ledger = ledger });
            ledger = result.Ledger;
            if (result.Decision.Route == VacancyRoute.Municipal)
            {
                municipal++;
            }
        }

        return municipal;
    }
}
