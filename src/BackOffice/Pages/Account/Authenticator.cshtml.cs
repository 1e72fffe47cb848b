using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parasol.BackOffice.Security;
using Parasol.Core.Staff;
using QRCoder;

namespace Parasol.BackOffice.Pages.Account;

/// <summary>
/// Enrolment of an authenticator app: the key as a QR code (drawn here, never by a third party) and as text, a first
/// code to prove it works, then recovery codes shown once. Once enrolled the key is never shown again (whoever sees it
/// can make codes): a new phone needs the administrator's reset of two-step sign-in.
/// </summary>
public sealed class AuthenticatorModel(UserManager<StaffMember> users, SignInManager<StaffMember> signIn, SignInAttempts attempts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the code from your authenticator app")]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    public string SharedKey { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public bool AlreadyEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        AlreadyEnabled = user.TwoFactorEnabled;
        if (!AlreadyEnabled)
        {
            SharedKey = FormatKey(await KeyAsync(user));
        }
        return Page();
    }

    public async Task<IActionResult> OnGetQrCodeAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.TwoFactorEnabled)
        {
            return NotFound();
        }
        var uri = $"otpauth://totp/Parasol:{Uri.EscapeDataString(user.Email!)}?secret={await KeyAsync(user)}&issuer=Parasol&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        Response.Headers.CacheControl = "no-store";
        return File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        if (user.TwoFactorEnabled)
        {
            AlreadyEnabled = true;
            return Page();
        }
        SharedKey = FormatKey(await KeyAsync(user));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), localizer["The code is not right. Check the time on your phone and try again."]);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
            [new Claim(TwoFactorRequiredFilter.MfaClaimType, TwoFactorRequiredFilter.MfaClaimValue)]);
        // Both factors are proven: from now on this browser is trusted for the account (its device cookie).
        await attempts.SignedInAsync(HttpContext, user.Id);
        return Page();
    }

    private async Task<string> KeyAsync(StaffMember user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: renew this session's cookie so it is not taken for a stale one.
            await signIn.RefreshSignInAsync(user);
        }
        return key!;
    }

    private static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
