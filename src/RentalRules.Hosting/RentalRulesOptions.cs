using RentalRules.Hosting.Journals;

namespace RentalRules.Hosting;

/// <summary>
/// Options of <c>services.AddRentalRules(...)</c>. Set them once at start-up (the options object is not thread-safe);
/// the services read them when they are first resolved.
/// </summary>
public sealed class RentalRulesOptions
{
    /// <summary>
    /// The folder holding the packs: every <c>*.json</c> in it (not in subfolders) is loaded, and base packs named in
    /// <c>extends</c> are resolved from the same folder, then from the built-in packs. A relative path is taken from the
    /// current directory when the provider starts; pass a full path to be sure. <c>null</c>: no folder, the built-in
    /// packs only. Default <c>rules</c>.
    /// </summary>
    public string? PackFolder { get; set; } = "rules";

    /// <summary>
    /// Whether the packs built into the RentalRules library (<c>RulePackLoader.BuiltInPacks</c>) are served too. A pack
    /// in <see cref="PackFolder"/> with the same id and the same or a later version is served instead of the built-in
    /// one; one with an earlier version is listed as invalid. Default <c>true</c>.
    /// </summary>
    public bool IncludeBuiltInPacks { get; set; } = true;

    /// <summary>
    /// Whether to watch <see cref="PackFolder"/> and reload when a pack file is added, changed, renamed or removed.
    /// Default <c>true</c>. <see cref="Packs.IRulePackProvider.Reload"/> works either way.
    /// </summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// How long the folder must be quiet after a change before it is reloaded, so that a file being copied is read once,
    /// whole. Default 500 ms. Measured in real time, not by the evaluation clock.
    /// </summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Whether packs with status <c>draft</c> or <c>illustrative</c> are selected by municipality and date. Default
    /// <c>false</c>: only <c>signed</c> and <c>statutory</c> packs answer for a municipality; drafts are still loaded,
    /// validated and listed.
    /// </summary>
    public bool IncludeDrafts { get; set; }

    /// <summary>
    /// Where routing keeps the decision journal and its quota counters. Default: an <see cref="InMemoryJournalStore"/>,
    /// which loses them on a restart. In production: <c>o.UseSqlite("Data Source=journal.db")</c> (package
    /// <c>RentalRules.Hosting.Sqlite</c>, one machine) or <c>o.UsePostgreSql(connectionString)</c> (package
    /// <c>RentalRules.Hosting.PostgreSql</c>, several instances). An <see cref="IJournalStore"/> registered in the service
    /// collection before <c>AddRentalRules</c> takes precedence.
    /// </summary>
    public IJournalStore? JournalStore { get; set; }

    /// <summary>
    /// How many times a database store runs a routing's transaction again after a conflict (a deadlock, a busy
    /// database, the same vacancy recorded at once by another instance) before it gives up with a
    /// <see cref="Routing.LedgerConflictException"/>. The SQLite and PostgreSQL stores configured with <c>UseSqlite</c> and
    /// <c>UsePostgreSql</c> take it. Default 20.
    /// </summary>
    public int MaxRoutingAttempts { get; set; } = 20;
}
