using System.Text.Json.Serialization;
using Brobygge.Activities;
using Brobygge.Consents;
using Brobygge.Contacts;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Journal;
using Brobygge.Leaving;
using Brobygge.Mappings;
using Brobygge.Outcomes;
using Brobygge.Participants;
using Brobygge.Plans;
using Brobygge.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Brobygge.Api;

/// <summary>
/// The HTTP API for integrations (PRODUCT.md, "Interfaces"): JSON under <c>/api/v1</c>, bearer tokens from
/// ASP.NET Core Identity, ProblemDetails errors and an OpenAPI document at <c>/openapi/v1.json</c>. The
/// endpoints live in their features (<c>Participants/ParticipantsApi.cs</c>, …) and call the same operations
/// as the pages; the access rules are the database's query filters, as for the pages.
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddBrobyggeApi(this IServiceCollection services)
    {
        // The pages keep Identity's cookie as the default scheme; only the API asks for the bearer scheme.
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // A body that is not JSON, or an enum value that does not exist, throws in every environment (not only in
        // Development), so ApiExceptionHandler can name the field instead of answering an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));

        services.AddBrobyggeOpenApi();
        return services;
    }

    /// <summary>Errors under <c>/api</c> answer with ProblemDetails in every environment, also those the framework
    /// answers without a body (415, 405, an unknown path); the pages keep their error page.</summary>
    public static IApplicationBuilder UseBrobyggeApiErrors(this IApplicationBuilder app)
        => app.UseWhen(IsApiRequest, api => api.UseExceptionHandler().UseStatusCodePages());

    public static bool IsApiRequest(HttpContext context) => IsApiPath(context.Request.Path);

    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapBrobyggeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();

        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(AccessPolicies.ApiParticipantStaff)
            .CheckInputRules()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapTokensApi();
        api.MapContactsApi();
        api.MapParticipantsApi();
        api.MapEnrolmentsApi();
        api.MapAssignmentsApi();
        api.MapMappingsApi();
        api.MapPlansApi();
        api.MapActivitiesApi();
        api.MapOutcomesApi();
        api.MapFollowUpsApi();
        api.MapConsentsApi();
        api.MapLeavingApi();
        endpoints.MapReportsApi(); // its own group: evaluators read reports, not participants
        api.MapJournalApi();
        return endpoints;
    }

    /// <summary>Marks a write. Today the roles that read participants' records also change them (the group's policy);
    /// a role that may only read gets its own policy here.</summary>
    public static RouteHandlerBuilder Writes(this RouteHandlerBuilder endpoint)
        => endpoint.ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Marks an endpoint that finds a record by id: "not found" also for a record the user may not see.</summary>
    public static RouteHandlerBuilder FindsById(this RouteHandlerBuilder endpoint)
        => endpoint.ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Marks a change guarded by the version the client read: 409 when someone saved in between.</summary>
    public static RouteHandlerBuilder GuardedByVersion(this RouteHandlerBuilder endpoint)
        => endpoint.ProducesProblem(StatusCodes.Status409Conflict);
}
