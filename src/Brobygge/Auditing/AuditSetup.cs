using Brobygge.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Diagnostics;

namespace Brobygge.Auditing;

/// <summary>Refused attempts join the audit trail, in two places that see every page and endpoint: the authorization
/// result (403) and the start of any 404 response of a route that names a record by id.</summary>
public static class AuditSetup
{
    /// <summary>Call after the API's setup: it wraps whichever authorization result handler is registered then.</summary>
    public static IServiceCollection AddBrobyggeAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditLog>();
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler));
        if (registered is not null)
            services.Remove(registered);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(sp =>
            new RefusalAuditingResultHandler(Create(sp, registered)));
        return services;
    }

    private static IAuthorizationMiddlewareResultHandler Create(IServiceProvider services, ServiceDescriptor? registered)
        => (IAuthorizationMiddlewareResultHandler)(registered switch
        {
            null => new AuthorizationMiddlewareResultHandler(),
            { ImplementationInstance: { } instance } => instance,
            { ImplementationFactory: { } factory } => factory(services),
            _ => ActivatorUtilities.CreateInstance(services, registered.ImplementationType!),
        });

    /// <summary>Place after authorization: a 404 of a route with an id is recorded before its headers go out.</summary>
    public static IApplicationBuilder UseBrobyggeAudit(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            // A status page shown for a 404 (StatusPages) runs this again: the first request's callback records it.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null)
                context.Response.OnStarting(() => context.Response.StatusCode == StatusCodes.Status404NotFound
                    ? RecordRefusalAsync(context, AuditAction.NotFound, onlyWithId: true)
                    : Task.CompletedTask);
            await next(context);
        });

    /// <summary>Records a refused request of a signed-in user, naming the record the route asked for (its last id), if any.
    /// Anonymous requests are not recorded: they are refused before they reach anything, and have no organisation.</summary>
    internal static Task RecordRefusalAsync(HttpContext context, AuditAction action, bool onlyWithId)
    {
        var scope = AccessScope.For(context.User, context.Connection.RemoteIpAddress?.ToString());
        if (scope.OrganisationId == Guid.Empty)
            return Task.CompletedTask;
        var (name, id) = RecordOf(context);
        if (onlyWithId && id == Guid.Empty)
            return Task.CompletedTask;
        return context.RequestServices.GetRequiredService<AuditLog>()
            .RecordAsync(scope, action, name ?? "Route", id, shownIds: null, CancellationToken.None);
    }

    /// <summary>The route's last id parameter ("enrolmentId", "stepId", "id") and its value.</summary>
    private static (string? Name, Guid Id) RecordOf(HttpContext context)
    {
        // While a status page answers a 404, the request's own route is the one the status page was shown for.
        var statusPage = context.Features.Get<IStatusCodeReExecuteFeature>();
        var values = statusPage?.RouteValues ?? (context.Request.RouteValues.Count > 0
            ? context.Request.RouteValues
            : context.Features.Get<IExceptionHandlerFeature>()?.RouteValues);
        var endpoint = statusPage is not null ? statusPage.Endpoint : context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        if (values is null || endpoint is not RouteEndpoint route)
            return (null, Guid.Empty);
        foreach (var parameter in route.RoutePattern.Parameters.Reverse())
            if (values.TryGetValue(parameter.Name, out var value) && Guid.TryParse(value?.ToString(), out var id))
                return (parameter.Name, id);
        return (null, Guid.Empty);
    }
}

/// <summary>Records a 403 before the wrapped handler answers it (the API's ProblemDetails, the pages' redirect).</summary>
public sealed class RefusalAuditingResultHandler(IAuthorizationMiddlewareResultHandler inner) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
            await AuditSetup.RecordRefusalAsync(context, AuditAction.Forbidden, onlyWithId: false);
        await inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
