using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;

namespace Brobygge.Api;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: the API's operations only, with the bearer scheme
/// named on every operation that needs a token.</summary>
public static class OpenApiSetup
{
    private const string Bearer = "Bearer";

    public static IServiceCollection AddBrobyggeOpenApi(this IServiceCollection services)
        => services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith(ApiSetup.Prefix.TrimStart('/') + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Brobygge API",
                    Version = "v1",
                    Description = "Contacts, participants, enrolments, assignments, plans, activities, outcomes and follow-ups of a "
                        + "labour-market integration project. Get a bearer token with POST /api/v1/tokens. Errors are ProblemDetails "
                        + "(RFC 9457); a record outside your access answers 404; changes carry the version you read and answer 409 "
                        + "when someone saved in between.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = $"An access token from POST {ApiSetup.Prefix}/tokens ({IdentityConstants.BearerScheme}; opaque, not a JWT).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
                }
                return Task.CompletedTask;
            });
        });
}
