using Brobygge.Identity;
using Brobygge.Localization;
using Brobygge.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Administration;

/// <summary>What the administration's pages share: the link a user opens to choose their password, and the choices of
/// roles and projects.</summary>
public static class AdminLinks
{
    /// <summary>The set-password page with the user's one-time token, at the configured public address
    /// (<c>PublicUrl</c>) or else the one this request came to.</summary>
    public static string SetPasswordLink(IUrlHelper url, HttpRequest request, IConfiguration configuration, OneTimeLink link)
    {
        var path = url.Page("/Identity/SetPassword", null, new { userId = link.User.Id, token = link.Token })!;
        var origin = string.IsNullOrWhiteSpace(configuration["PublicUrl"]) ? $"{request.Scheme}://{request.Host}" : Invitations.BaseUrl(configuration);
        return origin + path;
    }

    public static IEnumerable<(string, string)> RoleChoices(IStringLocalizer t) => Roles.All.Select(role => (role, RoleName(t, role)));

    public static string RoleName(IStringLocalizer t, string role) => t["Role." + role];

    public static async Task<IReadOnlyList<(string, string)>> ProjectChoicesAsync(Data.BrobyggeDb db, CancellationToken cancellationToken)
        => (await db.Projects.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Code }).ToListAsync(cancellationToken))
            .Select(p => (p.Id.ToString(), $"{p.Name} ({p.Code})")).ToList();
}
