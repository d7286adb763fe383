using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RentalRules.Hosting;
using RentalRules.Hosting.Journals;
using RentalRules.Hosting.Offers;
using RentalRules.Hosting.Packs;
using RentalRules.Hosting.Routing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers RentalRules in a service collection.
/// Stateless: safe to call from any thread.
/// </summary>
public static class RentalRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers RentalRules as singletons:
    /// <list type="bullet">
    /// <item><see cref="IRulePackProvider"/>: the packs of <see cref="RentalRulesOptions.PackFolder"/> and the built-in packs, selected by
    /// municipality and date, swapped at run time when the folder changes (validated first; an invalid pack leaves the old
    /// one in service). It loads the folder when first resolved and stops watching when the provider is disposed.</item>
    /// <item><see cref="IJournalStore"/>: <see cref="RentalRulesOptions.JournalStore"/>, or an <see cref="InMemoryJournalStore"/>.</item>
    /// <item><see cref="IVacancyRouter"/>: routing recorded in the decision journal, idempotent by vacancy id.</item>
    /// <item><see cref="IOfferService"/>: offer lists, each vacancy routed through the <see cref="IVacancyRouter"/>, with the pack in force.</item>
    /// <item><see cref="TimeProvider"/>: the evaluation clock, <see cref="TimeProvider.System"/> unless one is registered.</item>
    /// </list>
    /// Services already registered (a host's own <see cref="IJournalStore"/>, <see cref="TimeProvider"/> or provider) are
    /// kept. Logging goes through the host's <see cref="ILoggerFactory"/> (none if it has none) and never carries
    /// personal data: pack ids, file names, department ids, outcomes and counts only.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.PackFolder = "rules"</c>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddRentalRules(this IServiceCollection services, Action<RentalRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RentalRulesOptions>()
            .Validate(o => o.PackFolder is null || !string.IsNullOrWhiteSpace(o.PackFolder), "RentalRulesOptions.PackFolder must name the folder holding the packs, or be null for the built-in packs only.")
            .Validate(o => o.PackFolder is not null || o.IncludeBuiltInPacks, "RentalRulesOptions: with no PackFolder, IncludeBuiltInPacks must be true, or there are no packs to serve.")
            .Validate(o => o.MaxRoutingAttempts >= 1, "RentalRulesOptions.MaxRoutingAttempts must be at least 1.")
            .Validate(o => o.ReloadDelay >= TimeSpan.Zero, "RentalRulesOptions.ReloadDelay must not be negative.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRulePackProvider>(sp => new FolderRulePackProvider(
            sp.GetRequiredService<IOptions<RentalRulesOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            Logger(sp, "RentalRules.Hosting.Packs")));
        services.TryAddSingleton<IJournalStore>(sp => sp.GetRequiredService<IOptions<RentalRulesOptions>>().Value.JournalStore ?? new InMemoryJournalStore());
        services.TryAddSingleton<IVacancyRouter>(sp => new VacancyRouter(
            sp.GetRequiredService<IRulePackProvider>(),
            sp.GetRequiredService<IJournalStore>(),
            sp.GetRequiredService<TimeProvider>(),
            Logger(sp, "RentalRules.Hosting.Routing")));
        services.TryAddSingleton<IOfferService>(sp => new OfferService(
            sp.GetRequiredService<IRulePackProvider>(),
            sp.GetRequiredService<IVacancyRouter>(),
            Logger(sp, "RentalRules.Hosting.Offers")));
        return services;
    }

    private static ILogger Logger(IServiceProvider sp, string category)
        => (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(category);
}
