using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parasol.BackOffice.Security;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Account;

/// <summary>
/// The second step of signing in: a code from the authenticator app, or one of the recovery codes. Only here, with
/// both steps done, does the browser get its device cookie. Wrong codes count towards Identity's own lockout of the
/// account: whoever enters them has the password already.
/// </summary>
public sealed class TwoFactorModel(SignInManager<StaffMember> signIn, SignInAttempts attempts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the code from your authenticator app or a recovery code")]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Account/SignIn");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
        if (result.Succeeded)
        {
            await attempts.SignedInAsync(HttpContext, user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? localizer["Too many failed attempts. Your account is locked for 15 minutes."]
            : localizer["The code is not right. Check the time on your phone and try again."]);
        return Page();
    }
}
