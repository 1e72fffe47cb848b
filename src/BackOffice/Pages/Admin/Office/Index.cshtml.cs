using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parasol.BackOffice.Security;
using Parasol.Core.Audit;
using Parasol.Core.Data;
using Parasol.Core.Offices;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Admin.Office;

/// <summary>The office's name and contact details, as the portal and e-mails show them.</summary>
[Authorize(Roles = StaffRole.Administrator)]
public sealed class IndexModel(ParasolDbContext db, AuditLog audit, CurrentStaff current, OfficeProfileService profiles) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the office's name"), Display(Name = "Name of the office")]
    public string Name { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter the office's short name"), Display(Name = "Short name")]
    public string ShortName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your e-mail address")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address in the right format, like name@example.com")]
    [Display(Name = "E-mail address")]
    public string Email { get; set; } = "";

    [BindProperty, Display(Name = "Phone numbers")]
    public string? Phones { get; set; }

    [BindProperty, Display(Name = "ePUAP address")]
    public string? EpuapAddress { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the data protection officer's name"), Display(Name = "Data protection officer")]
    public string DataProtectionOfficerName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter the data protection officer's e-mail address")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address in the right format, like name@example.com")]
    [Display(Name = "Data protection officer's e-mail")]
    public string DataProtectionOfficerEmail { get; set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var office = await db.OfficeProfiles.AsNoTracking().SingleAsync(cancellationToken);
        (Name, ShortName, Email, EpuapAddress) = (office.Name, office.ShortName, office.Email, office.EpuapAddress);
        Phones = string.Join(", ", office.Phones);
        (DataProtectionOfficerName, DataProtectionOfficerEmail) = (office.DataProtectionOfficerName, office.DataProtectionOfficerEmail);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var office = await db.OfficeProfiles.SingleAsync(cancellationToken);
        office.Name = Name.Trim();
        office.ShortName = ShortName.Trim();
        office.Email = Email.Trim();
        office.Phones = (Phones ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        office.EpuapAddress = string.IsNullOrWhiteSpace(EpuapAddress) ? null : EpuapAddress.Trim();
        office.DataProtectionOfficerName = DataProtectionOfficerName.Trim();
        office.DataProtectionOfficerEmail = DataProtectionOfficerEmail.Trim();
        audit.Add(current.Id, AuditAction.OfficeChanged, detail: "office profile");
        await db.SaveChangesAsync(cancellationToken);
        profiles.Invalidate();
        TempData["Done"] = "The office profile is saved.";
        return RedirectToPage();
    }
}
