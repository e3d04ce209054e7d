using System.ComponentModel.DataAnnotations;
using Brobygge.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Identity;

/// <summary>A signed-in user changes their password; after a reset, the only page they can reach.</summary>
public sealed class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn) : PageModel, IFormPage
{
    [BindProperty, Required(ErrorMessage = "Enter your current password.")]
    public string? CurrentPassword { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a new password.")]
    public string? NewPassword { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the new password again."), Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
    public string? ConfirmPassword { get; set; }

    public bool Required => PasswordChange.IsRequired(User);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in PasswordProblems.Of(result, nameof(CurrentPassword), nameof(NewPassword)))
                this.Problem(field, message);
            return Page();
        }
        await PasswordChange.ClearAsync(users, user);
        // The new security stamp has ended every other session; this one goes on with a new cookie.
        await signIn.SignInAsync(user, isPersistent: false);
        return this.Saved("Your password has been changed.", new RedirectToPageResult("/Index"));
    }
}
