using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Brobygge.Identity;

/// <summary>
/// Whether the signed-in user may open a page, asked of the very policies the page's endpoint carries (its folder's
/// convention in <see cref="AccessPolicies"/>), so a menu never keeps a second list of who sees what.
/// </summary>
public sealed class MenuAccess(EndpointDataSource endpoints, IAuthorizationPolicyProvider policies, IAuthorizationService authorization)
{
    public async Task<bool> MayOpenAsync(System.Security.Claims.ClaimsPrincipal user, string page)
    {
        var endpoint = endpoints.Endpoints.FirstOrDefault(e =>
            e.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor && string.Equals(descriptor.ViewEnginePath, page, StringComparison.Ordinal));
        if (endpoint is null)
            return false;
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            return true;
        var policy = await AuthorizationPolicy.CombineAsync(policies,
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
            ?? await policies.GetFallbackPolicyAsync();
        return policy is not null && (await authorization.AuthorizeAsync(user, endpoint, policy)).Succeeded;
    }
}

/// <summary><c>&lt;li for-page="/Contacts/Index"&gt;</c>: the element (a menu item, a link) is left out for a user who
/// may not open that page (<see cref="MenuAccess"/>).</summary>
[HtmlTargetElement(Attributes = "for-page")]
public sealed class ForPageTagHelper(MenuAccess access, IHttpContextAccessor http) : TagHelper
{
    public required string ForPage { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (http.HttpContext?.User is not { } user || !await access.MayOpenAsync(user, ForPage))
            output.SuppressOutput();
    }
}
