using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RentalRules.Evaluation;
using RentalRules.Facts;
using RentalRules.Hosting.Journals;
using RentalRules.Packs;
using RentalRules.Tests.Infrastructure;

namespace RentalRules.Hosting.Tests.Infrastructure;

/// <summary>
/// Routing fixtures: Høje-Taastrup's level-2 department HT-PARKVEJ (a prevention area), where 11/50 of the family
/// vacancies go to the municipality and every second of those is under special criteria.
/// </summary>
public static class HoejeTaastrup
{
    public const string Municipality = "Høje-Taastrup";
    public const string PackId = "hoeje-taastrup-2023";
    public const string DepartmentId = "HT-PARKVEJ";

    public static readonly DateOnly On = new(2025, 3, 1);

    private static readonly Lazy<Department> ParkvejLazy = new(() => FactReader
        .ReadDepartments(File.ReadAllText(Repo.Path("samples", "hoeje-taastrup", "departments.json")))
        .GetValueOrThrow().Items.Single(d => d.Id == DepartmentId));

    public static Department Parkvej => ParkvejLazy.Value;

    public static RulePack Pack => Repo.Pack(PackId);

    /// <summary>⌊N·11/50⌋: the municipal allocations after N family vacancies in a level-2 department.</summary>
    public static int Municipal(int n) => n * 11 / 50;

    /// <summary>The journal the shipped Høje-Taastrup pack keeps.</summary>
    public static JournalKey Journal => new(PackId, Municipality);

    public static Vacancy FamilyVacancy(int n) => new() { Id = $"PARKVEJ-{n:D4}", Department = DepartmentId, Category = DwellingCategory.Family };

    /// <summary>A ledger of the pack with <paramref name="changes"/> vacancies counted.</summary>
    public static Ledger Ledger(int changes, Ledger? from = null)
    {
        var ledger = from ?? Pack.NewLedger();
        for (var i = 0; i < changes; i++)
        {
            ledger = Pack.Route(new RoutingRequest(Parkvej, FamilyVacancy((int)ledger.ChangeCounter + 1), On) { Ledger = ledger }).Ledger;
        }

        return ledger;
    }

    /// <summary>Services over the shipped packs (not watched) with the given store.</summary>
    public static ServiceProvider Services(IJournalStore store, Action<RentalRulesOptions>? configure = null, CapturingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }

        return services
            .AddRentalRules(o =>
            {
                o.PackFolder = Repo.Path("rules");
                o.WatchForChanges = false;
                o.JournalStore = store;
                configure?.Invoke(o);
            })
            .BuildServiceProvider();
    }
}
