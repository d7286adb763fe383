using Microsoft.Extensions.Logging;

namespace RentalRules.Hosting;

/// <summary>
/// Every message RentalRules.Hosting logs. They carry pack ids and versions, file names, municipalities, department
/// ids, outcomes and counts, and pack diagnostics; never a household fact, a household or member id, or any other
/// personal data.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Rule pack folder {Folder}: {Valid} valid pack(s), {Invalid} invalid file(s)")]
    public static partial void FolderLoaded(ILogger logger, string folder, int valid, int invalid);

    [LoggerMessage(1001, LogLevel.Information, "Loaded rule pack {PackId} {PackVersion} ({Status}, municipality {Municipality}, valid {ValidFrom} to {ValidTo}) from {File}")]
    public static partial void PackLoaded(ILogger logger, string packId, string packVersion, string status, string municipality, string validFrom, string validTo, string file);

    [LoggerMessage(1002, LogLevel.Information, "Replaced rule pack {OldPackId} {OldPackVersion} with {PackId} {PackVersion} from {File}")]
    public static partial void PackReplaced(ILogger logger, string oldPackId, string oldPackVersion, string packId, string packVersion, string file);

    [LoggerMessage(1003, LogLevel.Error, "The rule pack file {File} is invalid ({ErrorCount} error(s)); still serving {PackId} {PackVersion} from its previous version:\n{Diagnostics}")]
    public static partial void PackInvalidKeptOld(ILogger logger, string file, int errorCount, string packId, string packVersion, string diagnostics);

    [LoggerMessage(1004, LogLevel.Error, "The rule pack file {File} is invalid ({ErrorCount} error(s)) and no earlier version of it is in service:\n{Diagnostics}")]
    public static partial void PackInvalid(ILogger logger, string file, int errorCount, string diagnostics);

    [LoggerMessage(1005, LogLevel.Warning, "The rule pack file {File} was removed; pack {PackId} {PackVersion} is no longer served")]
    public static partial void PackRemoved(ILogger logger, string file, string packId, string packVersion);

    [LoggerMessage(1006, LogLevel.Warning, "Rule pack {PackId} {PackVersion} from {File} has {WarningCount} warning(s):\n{Diagnostics}")]
    public static partial void PackWarnings(ILogger logger, string packId, string packVersion, string file, int warningCount, string diagnostics);

    [LoggerMessage(1007, LogLevel.Warning, "Rule packs {PackId} ({File}) and {OtherPackId} ({OtherFile}) both take effect for {Municipality} on {ValidFrom}; {PackId} is used. Give the successor a later validFrom or remove one")]
    public static partial void PacksAmbiguous(ILogger logger, string packId, string file, string otherPackId, string otherFile, string municipality, string validFrom);

    [LoggerMessage(1008, LogLevel.Warning, "The pack id {PackId} is declared by both {File} and {OtherFile}; they share one quota ledger")]
    public static partial void DuplicatePackId(ILogger logger, string packId, string file, string otherFile);

    [LoggerMessage(1009, LogLevel.Error, "Cannot read the rule pack folder {Folder}; the packs in service are kept")]
    public static partial void FolderUnreadable(ILogger logger, Exception exception, string folder);

    [LoggerMessage(1010, LogLevel.Warning, "Watching the rule pack folder {Folder} failed; reloading it")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(1011, LogLevel.Error, "Reloading the rule pack folder {Folder} failed; the packs in service are kept")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(1012, LogLevel.Error, "Loading the rule pack file {File} failed with {ExceptionType}, a fault in RentalRules; the file is listed as invalid and the other packs are served")]
    public static partial void PackLoaderFailed(ILogger logger, Exception exception, string file, string exceptionType);

    [LoggerMessage(2000, LogLevel.Information, "Routed a vacancy in department {DepartmentId} under {PackId} {PackVersion}: {LettingType} (counter {Counter}, count {Count}, revision {Revision})")]
    public static partial void Routed(ILogger logger, string departmentId, string packId, string packVersion, string lettingType, string counter, long count, int revision);

    [LoggerMessage(2001, LogLevel.Information, "Routing a vacancy in department {DepartmentId} under {PackId} {PackVersion} is undetermined ({LettingType}); nothing was recorded")]
    public static partial void RoutedNotRecorded(ILogger logger, string departmentId, string packId, string packVersion, string lettingType);

    [LoggerMessage(2002, LogLevel.Debug, "A vacancy in department {DepartmentId} was already recorded under {PackId} {PackVersion} ({LettingType}, revision {Revision}); nothing changed")]
    public static partial void AlreadyRecorded(ILogger logger, string departmentId, string packId, string packVersion, string lettingType, int revision);

    [LoggerMessage(2003, LogLevel.Information, "Re-routed a vacancy in department {DepartmentId} under {PackId} {PackVersion}: {LettingType} (revision {Revision})")]
    public static partial void Rerouted(ILogger logger, string departmentId, string packId, string packVersion, string lettingType, int revision);

    [LoggerMessage(3000, LogLevel.Information, "Drew up offer lists under {PackId} {PackVersion}: {Vacancies} vacancies, {Households} households read, {Listed} listed, {Unplaced} without a place")]
    public static partial void OffersListed(ILogger logger, string packId, string packVersion, int vacancies, int households, int listed, int unplaced);
}
