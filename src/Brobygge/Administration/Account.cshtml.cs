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

/// <summary>One user of the organisation: their role, disabling and enabling them, and a new one-time link to choose a
/// password (which ends their sessions).</summary>
public sealed class AccountModel(BrobyggeDb db, UserManager<User> users, IConfiguration configuration, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public RoleInput Input { get; set; } = new();
    public User Account { get; private set; } = null!;
    public string Status { get; private set; } = "";
    public bool IsDisabled => AccountStatus.IsDisabled(Account);
    public bool IsLocked => Account.LockoutEnd is not null;
    public bool IsMe => Account.Id == db.Scope.UserId;
    public IEnumerable<(string, string)> RoleChoices => AdminLinks.RoleChoices(t);

    /// <summary>The password link just made, shown once.</summary>
    public string? ResetLink { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new RoleInput { Role = (await users.GetRolesAsync(Account)).FirstOrDefault() };
    }

    public async Task<IActionResult> OnPostRoleAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => UserAdministration.SetRoleAsync(db, users, HttpContext.RequestServices, Id, Input, problems, cancellationToken),
            "The role was changed.", ToThisPage);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => UserAdministration.DisableAsync(db, users, Id, problems, cancellationToken),
            "The user was disabled: they cannot log in, and their sessions have ended.", ToThisPage, prefix: "");
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => UserAdministration.EnableAsync(db, users, Id, problems, cancellationToken),
            "The user can log in again.", ToThisPage, prefix: "");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var problems = new Problems();
        if (await UserAdministration.ResetPasswordAsync(db, users, Id, problems, cancellationToken) is not { } link)
            return this.ShowProblems(problems, prefix: "");
        ResetLink = AdminLinks.SetPasswordLink(Url, Request, configuration, link);
        await LoadAsync(cancellationToken);
        Input = new RoleInput { Role = (await users.GetRolesAsync(Account)).FirstOrDefault() };
        return Page();
    }

    private RedirectToPageResult ToThisPage(User user) => new("/Administration/Account", new { id = user.Id });

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Account = await UserAdministration.FindAsync(db, Id, cancellationToken);
        Status = UserAdministration.StatusOf(Account, time.GetUtcNow());
    }
}
