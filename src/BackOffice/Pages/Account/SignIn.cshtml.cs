using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Parasol.BackOffice.Security;
using Parasol.Core.Staff;
using Parasol.Core.Web;

namespace Parasol.BackOffice.Pages.Account;

/// <summary>
/// Signing in with e-mail and password. A refusal never tells whether the account exists or is locked: a wrong
/// password, an unknown address and a locked-out browser read the same, and an unknown address costs the same hashing
/// work as a known one. Only the right password learns that an account is deactivated. Which allowance an attempt
/// uses (this browser's device cookie, or that of untrusted browsers) is <see cref="SignInAttempts"/>' business.
/// </summary>
public sealed class SignInModel(SignInManager<StaffMember> signIn, SignInAttempts attempts, SignInLimits limits, DecoyPasswordHash decoy,
    IOptions<StaffOptions> staffOptions, IStringLocalizer<SharedResource> localizer) : PageModel
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
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(Email);
        var attempt = await attempts.BeginAsync(HttpContext, users.NormalizeEmail(Email), user?.Id);
        if (attempt.Gate == SignInGate.TooManyFromAddress)
        {
            var minutes = limits.Refuse(Response);
            ModelState.AddModelError(nameof(Email), localizer["Too many sign-in attempts. Wait {0} and try again.", localizer.Minutes(minutes)]);
            return Page();
        }
        if (attempt.Gate == SignInGate.Locked)
        {
            return Refused();
        }
        if (user is null)
        {
            decoy.Verify(users.PasswordHasher, Password);
            await attempts.FailedAsync(attempt);
            return Refused();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        // Identity answers a deactivated account, and one locked by wrong authenticator codes, before it looks at the password.
        var passwordRight = result.Succeeded || result.RequiresTwoFactor
            || ((result.IsNotAllowed || result.IsLockedOut) && await users.CheckPasswordAsync(user, Password));
        if (!passwordRight)
        {
            await attempts.FailedAsync(attempt);
            return Refused();
        }
        await attempts.PasswordRightAsync(attempt);
        if (result.Succeeded)
        {
            // Where a second factor is required but not yet set up, the browser is trusted once it is (Authenticator).
            if (!staffOptions.Value.RequireTwoFactor || user.TwoFactorEnabled)
            {
                await attempts.SignedInAsync(HttpContext, user.Id);
            }
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl });
        }
        if (result.IsNotAllowed)
        {
            ModelState.AddModelError(nameof(Email), localizer["This account is deactivated. Ask the administrator."]);
            return Page();
        }
        return Refused();
    }

    private PageResult Refused()
    {
        ModelState.AddModelError(nameof(Email), localizer[
            "The e-mail address or password is not right. After several failed attempts, signing in from browsers that have not been used to sign in to this account before is blocked for {0}.",
            localizer.Minutes(attempts.LockoutMinutes)]);
        return Page();
    }
}
