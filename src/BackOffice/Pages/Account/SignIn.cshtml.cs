using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parasol.BackOffice.Security;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Account;

/// <summary>
/// Signing in with e-mail and password. A refusal never tells whether the account exists or is locked: a wrong
/// password, an unknown address and a locked account read the same. Only the right password learns that an account is
/// deactivated.
/// </summary>
public sealed class SignInModel(SignInManager<StaffMember> signIn, SignInLimits limits, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address in the right format, like name@example.com")]
    [Display(Name = "E-mail address")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your password")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await limits.TryAcquireAsync(HttpContext, Email))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(nameof(Email), localizer["Too many sign-in attempts. Wait {0} minutes and try again.", limits.WindowMinutes]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl });
        }
        ModelState.AddModelError(nameof(Email), result.IsNotAllowed && await PasswordOfDeactivatedAccountAsync()
            ? localizer["This account is deactivated. Ask the administrator."]
            : localizer["The e-mail address or password is not right. After several failed attempts, signing in is blocked for 15 minutes."]);
        return Page();
    }

    /// <summary>
    /// Identity refuses a deactivated account before it looks at the password; check it here, counting a wrong one
    /// towards the lockout as a sign-in would.
    /// </summary>
    private async Task<bool> PasswordOfDeactivatedAccountAsync()
    {
        var users = signIn.UserManager;
        if (await users.FindByEmailAsync(Email) is not { } user || await users.IsLockedOutAsync(user))
        {
            return false;
        }
        if (await users.CheckPasswordAsync(user, Password))
        {
            return true;
        }
        await users.AccessFailedAsync(user);
        return false;
    }
}
