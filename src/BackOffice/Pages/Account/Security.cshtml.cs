using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Account;

/// <summary>The signed-in person's own security: two-step sign-in and signing out on every device.</summary>
public sealed class SecurityModel(UserManager<StaffMember> users, SignInManager<StaffMember> signIn, SignInSessions sessions) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        return Page();
    }

    /// <summary>A new security stamp makes every other session fail its next check; deleting the sessions ends them at once.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
