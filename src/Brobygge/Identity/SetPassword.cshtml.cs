using System.ComponentModel.DataAnnotations;
using Brobygge.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Identity;

/// <summary>
/// The invitation: the one-time link <c>users add</c> prints. It carries Identity's password-reset token, which holds
/// the user's security stamp: setting the password renews the stamp, so the link works once, and it expires after
/// <see cref="Invitations.Lifespan"/>.
/// </summary>
public sealed class SetPasswordModel(UserManager<User> users) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a new password.")]
    public string? NewPassword { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the new password again."), Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
    public string? ConfirmPassword { get; set; }

    /// <summary>The link has been used, has expired or was never one: the page says so instead of showing the form.</summary>
    public bool LinkInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkInvalid = await UserOfLinkAsync() is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await UserOfLinkAsync() is not { } user)
        {
            LinkInvalid = true;
            return Page();
        }
        if (!ModelState.IsValid)
            return Page();
        var result = await users.ResetPasswordAsync(user, Token!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in PasswordProblems.Of(result, "", nameof(NewPassword)))
                this.Problem(field, message);
            return Page();
        }
        await PasswordChange.ClearAsync(users, user);
        return this.Saved("Your password is set. Log in with it.", new RedirectToPageResult("/Identity/Login"));
    }

    private async Task<User?> UserOfLinkAsync()
    {
        if (UserId is not { } id || string.IsNullOrEmpty(Token) || await users.FindByIdAsync(id.ToString()) is not { } user)
            return null;
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<User>.ResetPasswordTokenPurpose, Token)
            ? user
            : null;
    }
}

/// <summary>One-time links to set a password.</summary>
public static class Invitations
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(3);

    /// <summary>Where users reach the app (configuration <c>PublicUrl</c>), for links printed on the command line.</summary>
    public static string BaseUrl(IConfiguration configuration) => (configuration["PublicUrl"] ?? "http://localhost:5000").TrimEnd('/');

    public static async Task<string> LinkAsync(UserManager<User> users, User user, IConfiguration configuration)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{BaseUrl(configuration)}/Identity/SetPassword?userId={user.Id}&token={Uri.EscapeDataString(token)}";
    }
}
