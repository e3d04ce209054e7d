using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Brobygge.Identity;

/// <summary>
/// Which roles each page and endpoint is for. The query filters decide which records a user sees; these
/// policies decide which surfaces a role may reach at all, so widening a filter later (partners' consented
/// sharing) never opens a staff page to a partner. A page or endpoint that declares nothing is refused.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Participants' records, on the pages: the roles that work with participants.</summary>
    public const string ParticipantStaff = "ParticipantStaff";

    /// <summary>Participants' records through the API: the same roles, with a bearer token only.</summary>
    public const string ApiParticipantStaff = "ApiParticipantStaff";

    /// <summary>Project managers only: bringing a project's spreadsheet in (the participant import).</summary>
    public const string ProjectManagers = "ProjectManagers";

    /// <summary>Administrators of an organisation: its settings, projects and users, never participants' records.</summary>
    public const string Administrators = "Administrators";
    /// <summary>The goal report, on the pages: project managers and evaluators (aggregate figures only).</summary>
    public const string Reports = "Reports";

    /// <summary>The goal report through the API: the same roles, with a bearer token only.</summary>
    public const string ApiReports = "ApiReports";

    /// <summary>Any signed-in user: the start page, logging out, pick-list searches.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Roles that work with participants' records (PRODUCT.md, "Who uses it").</summary>
    public static readonly string[] ParticipantRoles = [Roles.ProjectManager, Roles.Coach, Roles.BridgeBuilder];

    /// <summary>The page folders that show or change participants' records.</summary>
    public static readonly string[] ParticipantFolders =
        ["/Participants", "/Contacts", "/Enrolments", "/Mappings", "/Plans", "/Activities", "/Outcomes", "/FollowUps", "/Consents", "/Leaving", "/Calendar", "/Journal"];

    public static IServiceCollection AddBrobyggeAccessPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ParticipantStaff, policy => policy.RequireRole(ParticipantRoles))
            .AddPolicy(ApiParticipantStaff, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(ParticipantRoles))
            .AddPolicy(ProjectManagers, policy => policy.RequireRole(Roles.ProjectManager))
            .AddPolicy(Administrators, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Reports, policy => policy.RequireRole(Brobygge.Reports.ReportAccess.Roles))
            .AddPolicy(ApiReports, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Brobygge.Reports.ReportAccess.Roles))
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            // Fail closed: a route that names neither a policy nor anonymous access is refused to everyone. A request
            // that matched no route (or routing's own 404, 405 and 415 answers, which are no routes) passes on.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(context => context.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint)
                .Build());
        services.AddScoped<MenuAccess>();
        return services;
    }

    /// <summary>The pages' access, folder by folder; a new page outside these folders is refused until it is listed.</summary>
    public static PageConventionCollection AddBrobyggePageAccess(this PageConventionCollection conventions)
    {
        foreach (var folder in ParticipantFolders)
            conventions.AuthorizeFolder(folder, ParticipantStaff);
        return conventions
            .AuthorizeFolder("/Imports", ProjectManagers)
            .AuthorizeFolder("/Projects", ProjectManagers)
            .AuthorizeFolder("/Administration", Administrators)
            .AuthorizeFolder("/Reports", Reports)
            .AuthorizeFolder("/Evaluation", Reports)
            .AuthorizePage("/Reports/Goals", ProjectManagers) // with the folder's: project managers only
            .AuthorizePage("/Index", SignedIn)
            .AuthorizePage("/Identity/Logout", SignedIn)
            .AuthorizePage("/Identity/AccessDenied", SignedIn)
            .AuthorizePage("/Identity/ChangePassword", SignedIn)
            .AllowAnonymousToPage("/Identity/Login")
            .AllowAnonymousToPage("/Identity/SetPassword") // the invitation link: its one-time token is the credential
            .AllowAnonymousToPage("/Error")
            .AllowAnonymousToPage("/Status"); // a page's 404 or 403, shown in the layout
    }
}
