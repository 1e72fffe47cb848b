using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parasol.BackOffice.Security;
using Parasol.Core.Audit;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Admin.Staff;

/// <summary>Adds a member of staff or changes one: name, e-mail, roles, deactivation, a reset of two-step sign-in.</summary>
[Authorize(Roles = StaffRole.Administrator)]
public sealed class EditModel(UserManager<StaffMember> users, SignInSessions sessions, TrustedDevices devices, AuditLog audit, CurrentStaff current,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the first name"), Display(Name = "First name")]
    public string FirstName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter the surname"), Display(Name = "Surname")]
    public string LastName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your e-mail address")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address in the right format, like name@example.com")]
    [Display(Name = "E-mail address")]
    public string Email { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Display(Name = "First password")]
    public string? Password { get; set; }

    [BindProperty] public List<string> Roles { get; set; } = [];

    public StaffMember? Member { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null)
        {
            return Page();
        }
        if (await users.FindByIdAsync(Id.Value.ToString()) is not { } member)
        {
            return NotFound();
        }
        Member = member;
        (FirstName, LastName, Email) = (member.FirstName, member.LastName, member.Email ?? "");
        Roles = [.. await users.GetRolesAsync(member)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var member = Id is { } id ? await users.FindByIdAsync(id.ToString()) : new StaffMember { Id = Guid.CreateVersion7(), LockoutEnabled = true, EmailConfirmed = true };
        if (member is null)
        {
            return NotFound();
        }
        Member = Id is null ? null : member;
        if (Id is null && string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), localizer["Enter a first password of at least 12 characters"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        member.FirstName = FirstName.Trim();
        member.LastName = LastName.Trim();
        member.Email = member.UserName = Email.Trim();
        var result = Id is null ? await users.CreateAsync(member, Password!) : await users.UpdateAsync(member);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var (field, message) = SaveError(error.Code);
                ModelState.AddModelError(field, localizer[message]);
            }
            return Page();
        }
        var wanted = Roles.Where(StaffRole.All.Contains).ToHashSet();
        var held = await users.GetRolesAsync(member);
        await users.RemoveFromRolesAsync(member, held.Except(wanted));
        await users.AddToRolesAsync(member, wanted.Except(held));
        await users.UpdateSecurityStampAsync(member);
        await audit.WriteAsync(current.Id, AuditAction.StaffChanged, detail: $"{member.Id}: roles {string.Join(',', wanted.Order())}");
        TempData["Done"] = "The account is saved.";
        return RedirectToPage("/Admin/Staff/Index");
    }

    /// <summary>Identity's refusals, each explained next to its field in the words of the rule that was not met.</summary>
    private static (string Field, string Message) SaveError(string code) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => (nameof(Password), "The first password must contain a capital letter"),
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => (nameof(Password), "The first password must contain a small letter"),
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => (nameof(Password), "The first password must contain a digit"),
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => (nameof(Password), "The first password must contain a character other than a letter or a digit, such as ! or -"),
        _ when code.Contains("Password", StringComparison.Ordinal) => (nameof(Password), "Enter a first password of at least 12 characters"),
        _ => (nameof(Email), "This e-mail address is already used by another account"),
    };

    public async Task<IActionResult> OnPostActiveAsync(bool active)
    {
        if (Id is not { } id || await users.FindByIdAsync(id.ToString()) is not { } member)
        {
            return NotFound();
        }
        member.IsActive = active;
        await users.UpdateAsync(member);
        // A deactivated person's open sessions end at their next request, and none of their browsers stays trusted: an
        // account reactivated later starts from strangers' lockout everywhere, as a new one would.
        await users.UpdateSecurityStampAsync(member);
        var forgotten = 0;
        if (!active)
        {
            await sessions.EndAllAsync(member.Id);
            forgotten = (await devices.ForgetAllAsync(member.Id)).Browsers;
        }
        await audit.WriteAsync(current.Id, AuditAction.StaffChanged,
            detail: active ? $"{member.Id}: activated" : $"{member.Id}: deactivated, trusted browsers forgotten: {forgotten}");
        TempData["Done"] = active ? "The account is active again." : "The account is deactivated.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync()
    {
        if (Id is not { } id || await users.FindByIdAsync(id.ToString()) is not { } member)
        {
            return NotFound();
        }
        await users.SetTwoFactorEnabledAsync(member, false);
        await users.ResetAuthenticatorKeyAsync(member);
        await users.ReplaceCodesAsync(member);
        await users.UpdateSecurityStampAsync(member);
        // Whoever holds a session of theirs (perhaps the one who took the phone) is out at once, not at the next check,
        // and no browser of theirs stays exempt from the lockout.
        await sessions.EndAllAsync(member.Id);
        var forgotten = (await devices.ForgetAllAsync(member.Id)).Browsers;
        await audit.WriteAsync(current.Id, AuditAction.StaffChanged, detail: $"{member.Id}: two-step sign-in reset, trusted browsers forgotten: {forgotten}");
        TempData["Done"] = "Two-step sign-in is reset. The person sets it up again at their next sign-in.";
        return RedirectToPage(new { Id });
    }
}

internal static class RecoveryCodes
{
    /// <summary>Old recovery codes stop working when two-step sign-in is reset.</summary>
    public static Task<IdentityResult> ReplaceCodesAsync(this UserManager<StaffMember> users, StaffMember member) =>
        users.RemoveAuthenticationTokenAsync(member, "[AspNetUserStore]", "RecoveryCodes");
}
