using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace RentalRules.Hosting.Tests.Infrastructure;

/// <summary>
/// The sample service in process (TestServer: no socket, no network), with its pack folder, ledger database and logging
/// pointed where a test wants them.
/// </summary>
public sealed class LettingSystemFactory(string packFolder, string ledgerDatabase, CapturingLoggerProvider? logs = null, bool watch = false)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false"); // no appsettings watchers per test host
        builder.UseSetting("RentalRules:PackFolder", packFolder);
        builder.UseSetting("RentalRules:JournalDatabase", ledgerDatabase);
        builder.UseSetting("RentalRules:WatchForChanges", watch ? "true" : "false");
        builder.UseSetting("RentalRules:ReloadDelayMilliseconds", "100");
        if (logs is not null)
        {
            builder.ConfigureLogging(l => l.AddProvider(logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
        }
    }
}
