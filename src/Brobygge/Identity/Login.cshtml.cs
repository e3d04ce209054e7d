using System.ComponentModel.DataAnnotations;
using Brobygge.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Identity;

public sealed class LoginModel(PasswordLogin login) : PageModel, IFormPage
{
    [BindProperty, Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.se.")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter your password.")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public bool TooManyAttempts { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        switch (await login.SignInAsync(HttpContext, Email!, Password!, IdentityConstants.ApplicationScheme))
        {
            case LoginOutcome.TooManyAttempts:
                TooManyAttempts = true;
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            case LoginOutcome.Refused:
                Failed = true;
                return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
