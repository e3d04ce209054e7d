using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Identity;
using Brobygge.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Administration;

/// <summary>The organisation's users, and inviting a new one by a one-time link the administrator sends them.</summary>
public sealed class UsersModel(BrobyggeDb db, UserManager<User> users, IConfiguration configuration, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel, IFormPage
{
    [BindProperty] public InviteInput Input { get; set; } = new();
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];
    public IReadOnlyList<(string, string)> Projects { get; private set; } = [];
    public IEnumerable<(string, string)> RoleChoices => AdminLinks.RoleChoices(t);

    /// <summary>The invitation just made: the link to send, shown once.</summary>
    public (string Email, string Link)? Invited { get; private set; }

    public sealed record UserRow(Guid Id, string Name, string Email, string Roles, string Status);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var problems = new Problems();
            if (await UserAdministration.InviteAsync(db, users, HttpContext.RequestServices, Input, problems, cancellationToken) is { } invitation)
            {
                Invited = (invitation.User.Email!, AdminLinks.SetPasswordLink(Url, Request, configuration, invitation));
                ModelState.Clear();
                Input = new InviteInput();
            }
            else
                this.ShowProblems(problems);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            join user in UserAdministration.OfMyOrganisation(db) on userRole.UserId equals user.Id
                            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => AdminLinks.RoleName(t, r.Name!));
        Rows = (await UserAdministration.OfMyOrganisation(db).AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ThenBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", string.Join(", ", roles[u.Id]), t[UserAdministration.StatusOf(u, now)]))
            .ToList();
        Projects = await AdminLinks.ProjectChoicesAsync(db, cancellationToken);
    }
}
