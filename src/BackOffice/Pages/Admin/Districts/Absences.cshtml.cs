using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Parasol.Core.Data;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Admin.Districts;

/// <summary>Absence dates of social workers: routing passes over a worker on these days.</summary>
[Authorize(Roles = StaffRole.Administrator)]
public sealed class AbsencesModel(ParasolDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<StaffMember> Workers { get; private set; } = [];

    [BindProperty]
    public Guid WorkerId { get; set; }

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? Until { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Workers = await DistrictAdmin.SocialWorkersAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Workers = await DistrictAdmin.SocialWorkersAsync(db, cancellationToken);
        var worker = Workers.SingleOrDefault(w => w.Id == WorkerId);
        if (worker is null)
        {
            return NotFound();
        }
        var untilKey = $"Until-{WorkerId}";
        if ((From is null) != (Until is null))
        {
            ModelState.AddModelError(From is null ? $"From-{WorkerId}" : untilKey, localizer["Enter both the first and the last day of the absence, or neither"]);
        }
        else if (From > Until)
        {
            ModelState.AddModelError(untilKey, localizer["The last day must not be before the first"]);
        }
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        await db.Users.Where(u => u.Id == WorkerId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AbsentFrom, From).SetProperty(u => u.AbsentUntil, Until), cancellationToken);
        return RedirectToPage();
    }
}
