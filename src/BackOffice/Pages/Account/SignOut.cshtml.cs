using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Account;

public sealed class SignOutModel(SignInManager<StaffMember> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    /// <summary>Signing out also deletes this session's row (StaffSessionCookie), so a copy of the cookie stops working.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
