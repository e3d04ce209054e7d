using Brobygge.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Identity;

/// <summary>A form of one button (in the layout): no fields, but a post like every other form's.</summary>
public sealed class LogoutModel(SignInManager<User> signIn) : PageModel, IFormPage
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends this session everywhere, so a copied cookie or token stops working too; it also
        // ends the user's sessions on other devices and their API tokens.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage("/Identity/Login");
    }
}
