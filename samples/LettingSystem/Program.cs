using LettingSystem;
using RentalRules.Hosting.Packs;
using RentalRules.Hosting.PostgreSql;
using RentalRules.Hosting.Sqlite;

// A letting system's back end in miniature: RentalRules registered with DI, the packs of ../../rules (swapped when a
// file changes), the decision journal in a SQLite file (or in PostgreSQL when RentalRules:PostgreSql is configured),
// and three endpoints. Kestrel listens on 127.0.0.1:5080 only.
var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;
var contentRoot = builder.Environment.ContentRootPath;
builder.Services.AddRentalRules(options =>
{
    options.PackFolder = Path.GetFullPath(config["RentalRules:PackFolder"] ?? "../../rules", contentRoot);
    options.WatchForChanges = config.GetValue("RentalRules:WatchForChanges", true);
    options.ReloadDelay = TimeSpan.FromMilliseconds(config.GetValue("RentalRules:ReloadDelayMilliseconds", 500));
    if (config["RentalRules:PostgreSql"] is { Length: > 0 } postgres)
    {
        // Several instances behind a load balancer share one PostgreSQL database.
        options.UsePostgreSql(postgres);
    }
    else
    {
        options.UseSqlite($"Data Source={Path.GetFullPath(config["RentalRules:JournalDatabase"] ?? "journal.db", contentRoot)}");
    }
});

var app = builder.Build();

// Unexpected failures answer 500 with a short problem document: never a stack trace, never the request's facts.
app.UseExceptionHandler(handler => handler.Run(context => Responses.Problem(context, StatusCodes.Status500InternalServerError, "The service failed to answer; the error is logged.")));

// Load the packs now (and log which), not on the first request.
app.Services.GetRequiredService<IRulePackProvider>();

LettingEndpoints.Map(app);
app.Run();

/// <summary>The sample service (public so that integration tests can host it with <c>WebApplicationFactory</c>).</summary>
public partial class Program;
