using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using RentalRules.Diagnostics;
using RentalRules.Packs;

namespace RentalRules.Hosting.Packs;

/// <summary>
/// The pack provider over a folder and the built-in packs: loads every <c>*.json</c> in the folder (if there is one),
/// resolves base packs from the same folder and then from the built-in packs, watches it, and replaces its
/// <see cref="RulePackSet"/> as a whole. A built-in pack is served unless the folder holds a pack of the same id with the
/// same or a later version; a folder pack with an earlier version than the built-in one is listed as invalid. A reload reads every file once, so that all packs of one
/// set are compiled from the same file contents; a file whose content and base packs did not change keeps its compiled
/// pack. Reloads are serialised; readers never wait (the set is swapped with a volatile write). A file whose load fails —
/// diagnostics, or an exception out of the loader (a bug) — is listed with its diagnostics and never stops the others
/// from being served, at start-up or on a reload; a file that was valid before keeps its last valid pack in service.
/// </summary>
internal sealed class FolderRulePackProvider : IRulePackProvider, IDisposable
{
    private readonly string? _folder;
    private readonly bool _includeDrafts;
    private readonly IReadOnlyList<LoadedPack> _builtIn;
    private readonly TimeSpan _reloadDelay;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly PackLoader _load;
    private readonly Lock _reloadGate = new();
    private readonly Dictionary<string, CompiledFile> _compiled = new(StringComparer.Ordinal);
    private RulePackSet _current = RulePackSet.Empty;
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private volatile bool _disposed;

    public FolderRulePackProvider(RentalRulesOptions options, TimeProvider clock, ILogger logger, PackLoader? load = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReloadDelay, TimeSpan.Zero, "RentalRulesOptions.ReloadDelay");
        if (options.PackFolder is null && !options.IncludeBuiltInPacks)
        {
            throw new ArgumentException("RentalRulesOptions: with no PackFolder and IncludeBuiltInPacks = false there are no packs to serve.", nameof(options));
        }

        if (options.PackFolder is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(options.PackFolder, "RentalRulesOptions.PackFolder");
            _folder = Path.GetFullPath(options.PackFolder);
            if (!Directory.Exists(_folder))
            {
                throw new DirectoryNotFoundException($"The rule pack folder '{_folder}' does not exist. Set RentalRulesOptions.PackFolder to the folder that holds the pack files, or to null to serve the built-in packs only.");
            }
        }

        _includeDrafts = options.IncludeDrafts;
        _reloadDelay = options.ReloadDelay;
        _clock = clock;
        _logger = logger;
        _load = load ?? ((stream, name, resolveBase) => RulePackLoader.LoadFromStream(stream, name, resolveBase));
        var loadedAt = clock.GetUtcNow();
        _builtIn = options.IncludeBuiltInPacks
            ? RulePackLoader.BuiltInPacks.Select(b => LoadBuiltIn(b.Id, loadedAt)).ToList()
            : [];
        if (options.WatchForChanges && _folder is not null)
        {
            // Watch before the first load, so that a change made while it runs is not missed.
            _debounce = new Timer(_ => ReloadAfterChange(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            // Every entry, not only *.json: a folder updated by swapping a symbolic link (a Kubernetes ConfigMap, a
            // deployment that flips a "current" link) changes no *.json entry itself. A reload reads *.json only.
            _watcher = new FileSystemWatcher(_folder)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            _watcher.Changed += (_, _) => ScheduleReload();
            _watcher.Created += (_, _) => ScheduleReload();
            _watcher.Deleted += (_, _) => ScheduleReload();
            _watcher.Renamed += (_, _) => ScheduleReload();
            _watcher.Error += (_, e) =>
            {
                Log.WatchFailed(_logger, e.GetException(), _folder);
                ScheduleReload();
            };
            _watcher.EnableRaisingEvents = true;
        }

        var first = Reload();
        Log.FolderLoaded(_logger, _folder ?? "(built-in packs only)", first.Packs.Count(p => p.Valid), first.Packs.Count(p => !p.Valid));
    }

    public RulePackSet Current => Volatile.Read(ref _current);

    public IReadOnlyList<LoadedPack> Packs => Current.Packs;

    public RulePack GetPack(string municipality, DateOnly on) => Current.GetPack(municipality, on);

    public bool TryGetPack(string municipality, DateOnly on, [NotNullWhen(true)] out RulePack? pack) => Current.TryGetPack(municipality, on, out pack);

    public RulePackSet Reload()
    {
        lock (_reloadGate)
        {
            var previous = Current;
            Dictionary<string, PackFile> files;
            try
            {
                files = ReadFolder();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.FolderUnreadable(_logger, ex, _folder ?? "(none)");
                return previous;
            }

            var now = _clock.GetUtcNow();
            var entries = new List<LoadedPack>(files.Count);
            var previousByFile = previous.Packs.ToDictionary(p => p.File, StringComparer.Ordinal);
            foreach (var file in files.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var result = Compile(file, files);
                previousByFile.TryGetValue(file.Name, out var before);
                entries.Add(result.Pack is { } pack
                    ? new LoadedPack(file.Name, pack, result.Diagnostics, Stale: false, before?.Pack == pack ? before.LoadedAt : now)
                    : before?.Pack is { } kept
                        ? new LoadedPack(file.Name, kept, result.Diagnostics, Stale: true, before.LoadedAt)
                        : new LoadedPack(file.Name, null, result.Diagnostics, Stale: false, null));
            }

            AddBuiltIn(entries);
            foreach (var gone in _compiled.Keys.Where(k => !files.ContainsKey(k)).ToList())
            {
                _compiled.Remove(gone);
            }

            if (entries.Count == previous.Packs.Count && entries.Zip(previous.Packs).All(p => Same(p.First, p.Second)))
            {
                return previous;
            }

            var set = new RulePackSet(previous.Generation + 1, now, entries, _includeDrafts);
            Volatile.Write(ref _current, set);
            LogChanges(previousByFile, set);
            return set;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    /// <summary>
    /// Adds the built-in packs that the folder does not override: a folder pack of the same id with the same or a later
    /// version serves instead; one with an earlier version is listed as invalid and the built-in pack serves.
    /// </summary>
    private void AddBuiltIn(List<LoadedPack> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Pack is { } own && _builtIn.FirstOrDefault(b => b.Pack?.Id == own.Id)?.Pack is { } builtIn && CompareVersions(own.Version, builtIn.Version) < 0)
            {
                var older = Descriptors.OlderThanBuiltIn.At(new SourceLocation(entries[i].File, "$.version", 1, 1), own.Id, own.Version, builtIn.Id, builtIn.Version);
                entries[i] = new LoadedPack(entries[i].File, null, [older, .. entries[i].Diagnostics], Stale: false, null);
            }
        }

        foreach (var builtIn in _builtIn)
        {
            // A built-in pack that failed to load is listed too, so that it shows among the invalid files.
            if (builtIn.Pack is not { } pack || !entries.Any(e => e.Pack?.Id == pack.Id))
            {
                entries.Add(builtIn);
            }
        }
    }

    /// <summary>Compares versions segment by segment (<c>1.10.0</c> after <c>1.9.2</c>); a non-numeric segment compares as text.</summary>
    internal static int CompareVersions(string a, string b)
    {
        var x = a.Split('.', '-', '+');
        var y = b.Split('.', '-', '+');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var p = i < x.Length ? x[i] : "0";
            var q = i < y.Length ? y[i] : "0";
            var c = long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && long.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? m.CompareTo(n)
                : string.CompareOrdinal(p, q);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>The diagnostic of a file whose load threw: names the file and the exception's type, never its data.</summary>
    private static Diagnostic LoaderFailed(string file, Exception ex)
        => Descriptors.PackLoadFailed.At(new SourceLocation(file, "$", 1, 1), ex.GetType().Name);

    private LoadedPack LoadBuiltIn(string id, DateTimeOffset loadedAt)
    {
        var file = "built-in/" + id + ".json";
        try
        {
            var result = RulePackLoader.LoadBuiltIn(id);
            return new LoadedPack(file, result.Value, result.Diagnostics, Stale: false, result.Value is null ? null : loadedAt);
        }
#pragma warning disable CA1031 // One built-in pack failing does not stop the provider.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.PackLoaderFailed(_logger, ex, file, ex.GetType().Name);
            return new LoadedPack(file, null, [LoaderFailed(file, ex)], Stale: false, null);
        }
    }

    private static bool Same(LoadedPack a, LoadedPack b)
        => a.File == b.File && ReferenceEquals(a.Pack, b.Pack) && a.Stale == b.Stale && ReferenceEquals(a.Diagnostics, b.Diagnostics);

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    private static string Format(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => "  " + d));

    private void ScheduleReload()
    {
        if (!_disposed)
        {
            try
            {
                _debounce?.Change(_reloadDelay, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the call.
            }
        }
    }

    private void ReloadAfterChange()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            Reload();
        }
#pragma warning disable CA1031 // A timer callback must not throw: the packs in service are kept and the failure is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ReloadFailed(_logger, ex, _folder ?? "(none)");
        }
    }

    private Dictionary<string, PackFile> ReadFolder()
    {
        var files = new Dictionary<string, PackFile>(StringComparer.Ordinal);
        if (_folder is null)
        {
            return files;
        }

        foreach (var path in Directory.EnumerateFiles(_folder, "*.json", SearchOption.TopDirectoryOnly).Where(p => !p.EndsWith(".tests.json", StringComparison.OrdinalIgnoreCase)))
        {
            var name = Path.GetFileName(path);
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                files[name] = new PackFile(name, bytes, Hash(bytes), null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Removed or locked while being replaced: reported as an unreadable pack; the next change reloads it.
                var why = ex is FileNotFoundException or DirectoryNotFoundException ? "the file was removed while it was read." : ex.Message;
                files[name] = new PackFile(name, null, null, why);
            }
        }

        return files;
    }

    private CompiledFile Compile(PackFile file, Dictionary<string, PackFile> files)
    {
        if (file.Bytes is null)
        {
            // Not cached: the next reload tries again.
            return new CompiledFile(null, [], null, [Descriptors.PackFileUnreadable.At(new SourceLocation(file.Name, "$", 1, 1), file.Error)]);
        }

        if (_compiled.TryGetValue(file.Name, out var cached) && cached.Hash == file.Hash
            && cached.Bases.All(b => (files.GetValueOrDefault(b.Name)?.Hash) == b.Hash))
        {
            return cached;
        }

        var bases = new List<(string Name, string? Hash)>();
        CompiledFile compiled;
        try
        {
            var result = _load(new MemoryStream(file.Bytes, writable: false), file.Name, id =>
            {
                var name = id.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? id : id + ".json";
                var found = files.GetValueOrDefault(name);
                bases.Add((name, found?.Hash));
                return found?.Bytes is { } bytes ? new MemoryStream(bytes, writable: false) : null;
            });
            compiled = new CompiledFile(file.Hash, bases, result.Value, result.Diagnostics);
        }
#pragma warning disable CA1031 // Whatever the loader throws for one file, the other files are served: the failure is this file's diagnostic.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Cached like any other result (the loader is deterministic): the file is tried again when it or a base changes.
            Log.PackLoaderFailed(_logger, ex, file.Name, ex.GetType().Name);
            compiled = new CompiledFile(file.Hash, bases, null, [LoaderFailed(file.Name, ex)]);
        }

        _compiled[file.Name] = compiled;
        return compiled;
    }

    private void LogChanges(Dictionary<string, LoadedPack> before, RulePackSet set)
    {
        foreach (var entry in set.Packs)
        {
            before.TryGetValue(entry.File, out var old);
            if (old is not null && ReferenceEquals(old.Diagnostics, entry.Diagnostics) && ReferenceEquals(old.Pack, entry.Pack))
            {
                continue;
            }

            var errors = entry.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            if (errors.Count > 0)
            {
                if (entry.Pack is { } kept)
                {
                    Log.PackInvalidKeptOld(_logger, entry.File, errors.Count, kept.Id, kept.Version, Format(errors));
                }
                else
                {
                    Log.PackInvalid(_logger, entry.File, errors.Count, Format(errors));
                }

                continue;
            }

            var pack = entry.Pack!;
            if (old?.Pack is { } previous && !ReferenceEquals(previous, pack))
            {
                Log.PackReplaced(_logger, previous.Id, previous.Version, pack.Id, pack.Version, entry.File);
            }
            else
            {
                Log.PackLoaded(_logger, pack.Id, pack.Version, pack.Status, pack.Municipality ?? "none", pack.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "open", pack.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "open", entry.File);
            }

            var warnings = entry.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
            if (warnings.Count > 0)
            {
                Log.PackWarnings(_logger, pack.Id, pack.Version, entry.File, warnings.Count, Format(warnings));
            }
        }

        var files = set.Packs.Select(p => p.File).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in before.Values.Where(p => !files.Contains(p.File) && p.Pack is not null))
        {
            Log.PackRemoved(_logger, gone.File, gone.Pack!.Id, gone.Pack.Version);
        }

        var served = set.Packs.Where(p => p.Pack is not null).ToList();
        for (var i = 0; i < served.Count; i++)
        {
            for (var j = i + 1; j < served.Count; j++)
            {
                var (a, b) = (served[i].Pack!, served[j].Pack!);
                if (a.Id == b.Id)
                {
                    Log.DuplicatePackId(_logger, a.Id, served[i].File, served[j].File);
                }
                else if (RulePackSet.IsSelectable(a, _includeDrafts) && RulePackSet.IsSelectable(b, _includeDrafts)
                    && string.Equals(a.Municipality!.Trim(), b.Municipality!.Trim(), StringComparison.OrdinalIgnoreCase)
                    && a.ValidFrom == b.ValidFrom)
                {
                    var first = string.CompareOrdinal(a.Id, b.Id) <= 0 ? (Pack: a, File: served[i].File, Other: b, OtherFile: served[j].File) : (Pack: b, File: served[j].File, Other: a, OtherFile: served[i].File);
                    Log.PacksAmbiguous(_logger, first.Pack.Id, first.File, first.Other.Id, first.OtherFile, a.Municipality!, a.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any date");
                }
            }
        }
    }

    /// <summary>Loads one pack from its bytes, resolving base packs by id (<see cref="RulePackLoader.LoadFromStream"/>; tests inject others).</summary>
    internal delegate LoadResult<RulePack> PackLoader(Stream stream, string name, Func<string, Stream?> resolveBase);

    private sealed record PackFile(string Name, byte[]? Bytes, string? Hash, string? Error);

    private sealed record CompiledFile(string? Hash, IReadOnlyList<(string Name, string? Hash)> Bases, RulePack? Pack, IReadOnlyList<Diagnostic> Diagnostics);
}
