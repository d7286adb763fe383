using System.Globalization;
using RentalRules;
using RentalRules.Evaluation;
using RentalRules.Explanations;
using RentalRules.Facts;
using RentalRules.Hosting.Offers;
using RentalRules.Hosting.Packs;
using RentalRules.Hosting.Routing;

namespace LettingSystem;

/// <summary>
/// The endpoints. Each reads its body with <see cref="RequestBody"/> (400 with located diagnostics for bad input), picks
/// the pack in force for the department's municipality on the date (<c>on</c>, default today by the evaluation clock),
/// evaluates, and answers with the library's JSON. The log gets pack ids, department ids, outcomes and counts only.
/// </summary>
internal static class LettingEndpoints
{
    private const int MaxBodyBytes = 1 << 20;

    private static readonly string[] PlacementProperties = ["department", "municipality", "on"];
    private static readonly string[] EligibilityProperties = ["department", "household", "route", "specialCriteria", "municipality", "on", "lang"];
    private static readonly string[] RoutingProperties = ["department", "vacancy", "municipality", "on"];
    private static readonly string[] OfferProperties = ["departments", "vacancies", "households", "top", "municipality", "on"];
    private static readonly string[] Routes = ["municipal", "flexible", "waitingList"];
    private static readonly string[] Languages = ["en", "da"];

    public static void Map(WebApplication app)
    {
        app.MapPost("/placement", Placement);
        app.MapPost("/eligibility", Eligibility);
        app.MapPost("/routing", Routing);
        app.MapPost("/offers", Offers);
        app.MapGet("/packs", Packs);
        app.MapGet("/health", Health.Answer);
    }

    private static async Task<IResult> Placement(HttpRequest request, IRulePackProvider packs, TimeProvider clock, ILoggerFactory logs)
    {
        var log = logs.CreateLogger("LettingSystem.Placement");
        if (await ReadAsync(request, PlacementProperties) is not { } body)
        {
            return TooLarge();
        }

        var department = body.Fact<Department>("department", FactReader.ReadDepartments, required: true);
        var on = body.Date("on") ?? Today(clock);
        var municipality = Municipality(body, department);
        if (body.HasErrors)
        {
            return Rejected(log, "placement", body);
        }

        if (!packs.TryGetPack(municipality!, on, out var pack))
        {
            return NoPack(municipality!, on);
        }

        var placement = pack.Place(new PlacementRequest(department!, on));
        log.LogInformation("Placed department {DepartmentId} under {PackId} {PackVersion}: {Outcome} {Tier}", department!.Id, pack.Id, pack.Version, ResultJson.Name(placement.Outcome), placement.Tier);
        return Responses.Ok(pack, w =>
        {
            w.WritePropertyName("placement");
            ResultJson.WritePlacement(w, placement);
        });
    }

    private static async Task<IResult> Eligibility(HttpRequest request, IRulePackProvider packs, TimeProvider clock, ILoggerFactory logs)
    {
        var log = logs.CreateLogger("LettingSystem.Eligibility");
        if (await ReadAsync(request, EligibilityProperties) is not { } body)
        {
            return TooLarge();
        }

        var department = body.Fact<Department>("department", FactReader.ReadDepartments, required: true);
        var household = body.Fact<Household>("household", FactReader.ReadHouseholds, required: true);
        var route = body.OneOf("route", Routes);
        if (route is null && !body.HasErrors)
        {
            body.Error(RentalRules.Diagnostics.DiagnosticCodes.MissingProperty, "The request needs a route.", "$", 0, "Add \"route\": \"municipal\", \"flexible\" or \"waitingList\".");
        }

        var special = body.Bool("specialCriteria") ?? false;
        var lang = body.OneOf("lang", Languages) ?? "en";
        var on = body.Date("on") ?? Today(clock);
        var municipality = Municipality(body, department);
        if (body.HasErrors)
        {
            return Rejected(log, "eligibility", body);
        }

        if (!packs.TryGetPack(municipality!, on, out var pack))
        {
            return NoPack(municipality!, on);
        }

        var letting = route switch
        {
            "municipal" => LettingRoute.Municipal,
            "flexible" => LettingRoute.Flexible,
            _ => LettingRoute.WaitingList,
        };
        var result = pack.Check(new EligibilityRequest(department!, household!, letting, on, special));

        // Department, pack and outcome only: never the household, its id or its facts.
        log.LogInformation("Checked eligibility for {Route} in department {DepartmentId} under {PackId} {PackVersion}: {Outcome} ({CriteriaCount} criteria)", route, department!.Id, pack.Id, pack.Version, ResultJson.Name(result.Outcome), result.Criteria.Count);
        return Responses.Ok(pack, w =>
        {
            w.WritePropertyName("eligibility");
            ResultJson.WriteEligibility(w, result);
            w.WriteString("explanation", ResultText.Eligibility(result, lang == "da" ? Language.Danish : Language.English));
        });
    }

    private static async Task<IResult> Routing(HttpRequest request, IVacancyRouter router, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var log = logs.CreateLogger("LettingSystem.Routing");
        if (await ReadAsync(request, RoutingProperties) is not { } body)
        {
            return TooLarge();
        }

        var department = body.Fact<Department>("department", FactReader.ReadDepartments, required: true);
        var vacancy = body.Fact<Vacancy>("vacancy", FactReader.ReadVacancies, required: true);
        var on = body.Date("on") ?? Today(clock);
        var municipality = Municipality(body, department);
        if (body.HasErrors)
        {
            return Rejected(log, "routing", body);
        }

        VacancyRoutingResult routed;
        try
        {
            routed = await router.RouteAsync(municipality!, new RoutingRequest(department!, vacancy!, on), cancellationToken);
        }
        catch (RulePackNotFoundException)
        {
            return NoPack(municipality!, on);
        }
        catch (LedgerConflictException)
        {
            return Responses.Problem(StatusCodes.Status503ServiceUnavailable, "The decision journal was busy; nothing was recorded. Send the routing again.");
        }

        return Responses.Ok(routed.Pack, w =>
        {
            w.WritePropertyName("decision");
            ResultJson.WriteDecision(w, routed.Decision);
            w.WriteStartObject("journal");
            w.WriteBoolean("recorded", routed.Entry is not null);
            w.WriteBoolean("alreadyRecorded", routed.AlreadyRecorded);
            if (routed.Entry is { } entry)
            {
                w.WriteNumber("revision", entry.Revision);
                w.WriteString("legalBasis", entry.LegalBasis);
                w.WriteString("lettingType", entry.LettingType);
                w.WriteString("recordedAt", entry.RecordedAt);
            }

            w.WriteEndObject();
        });
    }

    private static async Task<IResult> Offers(HttpRequest request, IOfferService offers, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var log = logs.CreateLogger("LettingSystem.Offers");
        if (await ReadAsync(request, OfferProperties) is not { } body)
        {
            return TooLarge();
        }

        var departments = body.Facts<Department>("departments", FactReader.ReadDepartments);
        var vacancies = body.Facts<Vacancy>("vacancies", FactReader.ReadVacancies);
        var households = body.Facts<Household>("households", FactReader.ReadHouseholds);
        var top = body.Integer("top", min: 0) ?? 20;
        var on = body.Date("on") ?? Today(clock);
        var municipality = body.String("municipality") ?? departments.Select(d => d.Municipality).FirstOrDefault(m => m is not null);
        if (municipality is null && !body.HasErrors)
        {
            body.Error(RentalRules.Diagnostics.DiagnosticCodes.MissingProperty, "The municipality is needed to choose the rule pack.", "$.departments", 0, "Give the departments their \"municipality\", or add \"municipality\" to the request.");
        }

        if (body.HasErrors)
        {
            return Rejected(log, "offers", body);
        }

        OfferListsResult listed;
        try
        {
            listed = await offers.OfferAsync(municipality!, new OfferRequest(departments, vacancies, households, on) { Top = top }, cancellationToken);
        }
        catch (RulePackNotFoundException)
        {
            return NoPack(municipality!, on);
        }
        catch (LedgerConflictException)
        {
            return Responses.Problem(StatusCodes.Status503ServiceUnavailable, "The decision journal was busy; the routings recorded so far stay recorded. Send the request again.");
        }
        catch (ArgumentException ex)
        {
            // The library's messages name positions and department or vacancy ids, never a household's facts.
            return Responses.Problem(StatusCodes.Status400BadRequest, ex.Message.Replace(" (Parameter 'request')", "", StringComparison.Ordinal));
        }

        return Responses.Ok(listed.Pack, w =>
        {
            w.WriteNumber("households", listed.Lists.Households);
            w.WriteStartArray("offers");
            foreach (var offer in listed.Lists.Offers)
            {
                OfferJson.WriteVacancy(w, offer);
            }

            w.WriteEndArray();
            w.WriteStartArray("journal");
            foreach (var routed in listed.Routings)
            {
                w.WriteStartObject();
                w.WriteString("vacancy", routed.Decision.VacancyId);
                w.WriteBoolean("recorded", routed.Entry is not null);
                w.WriteBoolean("alreadyRecorded", routed.AlreadyRecorded);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static IResult Packs(IRulePackProvider packs)
    {
        var set = packs.Current;
        return Results.Json(new
        {
            generation = set.Generation,
            loadedAt = set.LoadedAt,
            packs = set.Packs.Select(p => new
            {
                file = p.File,
                id = p.Pack?.Id,
                version = p.Pack?.Version,
                status = p.Pack?.Status,
                municipality = p.Pack?.Municipality,
                validFrom = p.Pack?.ValidFrom,
                validTo = p.Pack?.ValidTo,
                valid = p.Valid,
                stale = p.Stale,
                diagnostics = p.Diagnostics.Select(d => d.ToString()),
            }),
        });
    }

    private static async Task<RequestBody?> ReadAsync(HttpRequest request, string[] allowed)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return RequestBody.Parse(buffer.ToArray(), allowed);
    }

    private static string? Municipality(RequestBody body, Department? department)
    {
        var municipality = body.String("municipality") ?? department?.Municipality;
        if (municipality is null && department is not null && !body.HasErrors)
        {
            body.Error(RentalRules.Diagnostics.DiagnosticCodes.MissingProperty, "The municipality is needed to choose the rule pack.", "$.department", 0, "Give the department its \"municipality\", or add \"municipality\" to the request.");
        }

        return municipality;
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static IResult Rejected(ILogger log, string endpoint, RequestBody body)
    {
        var errors = body.Diagnostics.Where(d => d.Severity == RentalRules.Diagnostics.Severity.Error).ToList();
        log.LogInformation("Rejected a {Endpoint} request: {ErrorCount} error(s) ({Codes})", endpoint, errors.Count, string.Join(", ", errors.Select(d => d.Code).Distinct()));
        return Responses.Invalid(errors);
    }

    private static IResult NoPack(string municipality, DateOnly on)
        => Responses.Problem(StatusCodes.Status404NotFound, $"No rule pack covers the municipality '{municipality}' on {on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");

    private static IResult TooLarge()
        => Responses.Problem(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {MaxBodyBytes} bytes.");
}
