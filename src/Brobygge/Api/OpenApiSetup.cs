using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;

namespace Brobygge.Api;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: the API's operations only, with the bearer scheme
/// named on every operation that needs a token. It passes Redocly's recommended rules (checked in CI).</summary>
public static class OpenApiSetup
{
    private const string Bearer = "Bearer";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Tokens"] = "Bearer tokens for a user's e-mail address and password, and their renewal.",
        ["Contacts"] = "People met through outreach, before (or without) enrolment.",
        ["Participants"] = "People and their identity, contact and background facts.",
        ["Enrolments"] = "A person's participation in a project: enrolment, re-entry and exit.",
        ["Assignments"] = "The coach and bridge-builder who work with a participant, with suggestions.",
        ["Mappings"] = "Competence mappings (kartläggning), one version per save.",
        ["Plan steps"] = "The steps of a participant's individual plan.",
        ["Activities"] = "Meetings, courses, internships and other dated interventions.",
        ["Outcomes"] = "Jobs and studies a participant starts.",
        ["Follow-ups"] = "Follow-ups four weeks and six months after exit, and on demand.",
        ["Consents"] = "Consent per purpose as dated events: given or withdrawn, how, by whom and on which legal basis.",
        ["Leaving"] = "The situation upon leaving (within four weeks of the exit) and qualifications gained.",
        ["Reports"] = "A project's goal report for its project managers and evaluators: aggregate figures by gender, never a participant.",
        ["Journal"] = "A participant's journal: dated notes with their author, corrected with history kept.",
    };

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
                    // No public licence: an SPDX reference to the project's own terms.
                    License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Brobygge-Proprietary" },
                };
                // The server is the one that answered, named without a trailing slash (paths start with one).
                foreach (var server in document.Servers ?? [])
                    server.Url = server.Url?.TrimEnd('/');
                foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                    tag.Description = TagDescriptions.GetValueOrDefault(tag.Name ?? "");
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
                // An empty requirement says in so many words that the operation needs no token (the token endpoints).
                operation.Security = metadata.OfType<IAllowAnonymous>().Any()
                    ? [new OpenApiSecurityRequirement()]
                    : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }];
                return Task.CompletedTask;
            });
        });
}
