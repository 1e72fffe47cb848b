using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Parasol.Core.Data;
using Parasol.Core.Districts;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Admin.Districts;

/// <summary>
/// Districts, the rules that place addresses in them and their social workers. Changes apply to cases routed from now
/// on; cases already assigned stay where they are.
/// </summary>
[Authorize(Roles = StaffRole.Administrator)]
public sealed class IndexModel(ParasolDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<District> Districts { get; private set; } = [];
    public IReadOnlyList<StaffMember> SocialWorkers { get; private set; } = [];

    [BindProperty]
    [Display(Name = "District name")]
    [Required(ErrorMessage = "Enter the district's name")]
    [StringLength(100, ErrorMessage = "The name must be 100 characters or fewer")]
    public string? NewDistrictName { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddDistrictAsync(CancellationToken cancellationToken)
    {
        var name = NewDistrictName?.Trim();
        if (ModelState.IsValid && await db.Districts.AnyAsync(d => d.Name == name, cancellationToken))
        {
            ModelState.AddModelError(nameof(NewDistrictName), localizer["A district with this name already exists"]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        db.Districts.Add(new District { Id = Guid.CreateVersion7(), Name = name! });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveRangeAsync(Guid rangeId, CancellationToken cancellationToken)
    {
        await db.DistrictStreetRanges.Where(r => r.Id == rangeId).ExecuteDeleteAsync(cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddWorkerAsync(Guid districtId, Guid workerId, CancellationToken cancellationToken)
    {
        var district = await db.Districts.Include(d => d.SocialWorkers).SingleOrDefaultAsync(d => d.Id == districtId, cancellationToken);
        var worker = (await DistrictAdmin.SocialWorkersAsync(db, cancellationToken)).SingleOrDefault(w => w.Id == workerId);
        if (district is null || worker is null)
        {
            return NotFound();
        }
        if (district.SocialWorkers.All(w => w.Id != workerId))
        {
            district.SocialWorkers.Add(worker);
            await db.SaveChangesAsync(cancellationToken);
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveWorkerAsync(Guid districtId, Guid workerId, CancellationToken cancellationToken)
    {
        var district = await db.Districts.Include(d => d.SocialWorkers).SingleOrDefaultAsync(d => d.Id == districtId, cancellationToken);
        if (district?.SocialWorkers.SingleOrDefault(w => w.Id == workerId) is { } worker)
        {
            district.SocialWorkers.Remove(worker);
            await db.SaveChangesAsync(cancellationToken);
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Districts = await db.Districts.AsNoTracking()
            .Include(d => d.StreetRanges)
            .Include(d => d.SocialWorkers)
            .OrderBy(d => d.Name)
            .ToListAsync(cancellationToken);
        SocialWorkers = await DistrictAdmin.SocialWorkersAsync(db, cancellationToken);
    }
}
