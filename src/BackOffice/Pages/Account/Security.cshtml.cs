using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parasol.BackOffice.Security;
using Parasol.Core.Audit;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Account;

/// <summary>
/// The signed-in person's own security: two-step sign-in, their password, signing out on every device and the browsers
/// trusted for their account (device cookies, exempt from the lockout that strangers' wrong passwords cause).
/// </summary>
public sealed class SecurityModel(UserManager<StaffMember> users, SignInManager<StaffMember> signIn, SignInSessions sessions,
    TrustedDevices devices, DeviceCookie deviceCookie, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<TrustedDevice> Devices { get; private set; } = [];
    public Guid? ThisDevice { get; private set; }

    [BindProperty, Required(ErrorMessage = "Enter your current password"), DataType(DataType.Password), Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter a new password"), DataType(DataType.Password), Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter the new password again"), DataType(DataType.Password), Display(Name = "Repeat the new password")]
    [Compare(nameof(NewPassword), ErrorMessage = "The repeated password is not the same as the new one")]
    public string ConfirmNewPassword { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        await LoadAsync(user);
        return Page();
    }

    /// <summary>
    /// A new password ends the person's other sessions at once; this one is issued again (Identity gave the account a
    /// new security stamp) and stays. Only this browser stays trusted: whoever knew the old password may have signed
    /// in elsewhere. A wrong current password counts towards the lockout, as at sign-in.
    /// </summary>
    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
            if (result.Succeeded)
            {
                var session = StaffSessionCookie.SessionId(User);
                await sessions.EndAllAsync(user.Id, except: session);
                // This session stays even if the browser has lost its device cookie (and so its device is forgotten).
                var forgotten = (await devices.ForgetAllAsync(user.Id, except: deviceCookie.DeviceFor(HttpContext, user.Id), keepSession: session)).Browsers;
                await signIn.RefreshSignInAsync(user);
                await audit.WriteAsync(user.Id, AuditAction.PasswordChanged, detail: $"other trusted browsers forgotten: {forgotten}");
                TempData["Done"] = "Your password is changed. On your other devices you need to sign in again.";
                return RedirectToPage();
            }
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(user);
            }
            foreach (var error in result.Errors)
            {
                var (field, message) = PasswordError(error.Code);
                ModelState.AddModelError(field, localizer[message]);
            }
        }
        await LoadAsync(user);
        return Page();
    }

    /// <summary>
    /// A new security stamp makes every other session fail its next check; deleting the sessions ends them at once. No
    /// browser stays trusted (a lost laptop's included): each shares strangers' lockout until it signs in fully again.
    /// </summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id);
            var forgotten = (await devices.ForgetAllAsync(user.Id)).Browsers;
            await audit.WriteAsync(user.Id, AuditAction.SignedOutEverywhere, detail: $"trusted browsers forgotten: {forgotten}");
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }

    /// <summary>
    /// One browser of the list is no longer trusted and is signed out (a shared or lost computer left signed in). A
    /// browser that forgets itself keeps its session: the person is sitting at it and signs out when they choose.
    /// </summary>
    public async Task<IActionResult> OnPostForgetDeviceAsync(Guid device)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        var thisBrowser = device == deviceCookie.DeviceFor(HttpContext, user.Id);
        var forgotten = await devices.ForgetAsync(user.Id, device, keepSession: StaffSessionCookie.SessionId(User));
        if (forgotten.Browsers == 1)
        {
            await audit.WriteAsync(user.Id, AuditAction.TrustedBrowsersForgotten,
                detail: $"{(thisBrowser ? "this browser" : "another browser")}, sessions ended: {forgotten.SessionsEnded}");
        }
        TempData["Done"] = thisBrowser
            ? "This browser is no longer trusted. Your session in it goes on until you sign out."
            : "The browser is no longer trusted and is signed out.";
        return RedirectToPage();
    }

    /// <summary>Every browser is forgotten, this one too; all but this one are signed out, as with one browser.</summary>
    public async Task<IActionResult> OnPostForgetAllDevicesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        var forgotten = await devices.ForgetAllAsync(user.Id, keepSession: StaffSessionCookie.SessionId(User));
        await audit.WriteAsync(user.Id, AuditAction.TrustedBrowsersForgotten, detail: $"all: {forgotten.Browsers}, sessions ended: {forgotten.SessionsEnded}");
        TempData["Done"] = "No browser is trusted any more, and the others are signed out.";
        return RedirectToPage();
    }

    private async Task LoadAsync(StaffMember user)
    {
        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        Devices = await devices.ListAsync(user.Id);
        ThisDevice = deviceCookie.DeviceFor(HttpContext, user.Id);
    }

    /// <summary>Identity's password rules (Program.cs), each explained next to the field it is about.</summary>
    private static (string Field, string Message) PasswordError(string code) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => (nameof(CurrentPassword), "The current password is not right"),
        nameof(IdentityErrorDescriber.PasswordTooShort) => (nameof(NewPassword), "The new password must be at least 12 characters long"),
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => (nameof(NewPassword), "The new password must contain a capital letter"),
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => (nameof(NewPassword), "The new password must contain a small letter"),
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => (nameof(NewPassword), "The new password must contain a digit"),
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => (nameof(NewPassword), "The new password must contain a character other than a letter or a digit, such as ! or -"),
        _ => (nameof(NewPassword), "Choose a different new password"),
    };
}
