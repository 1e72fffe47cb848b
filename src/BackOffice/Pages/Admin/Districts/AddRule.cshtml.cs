using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Parasol.Core.Data;
using Parasol.Core.Districts;
using Parasol.Core.Staff;
using Parasol.Core.Validation;

namespace Parasol.BackOffice.Pages.Admin.Districts;

/// <summary>Adds one rule placing addresses in a district: a postal code, optionally a street, a number range and a side.</summary>
[Authorize(Roles = StaffRole.Administrator)]
public sealed class AddRuleModel(ParasolDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid DistrictId { get; set; }

    public string DistrictName { get; private set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter a postal code")]
    public string? PostalCode { get; set; }

    [BindProperty]
    [StringLength(200, ErrorMessage = "The street must be 200 characters or fewer")]
    public string? Street { get; set; }

    [BindProperty]
    [Range(1, 100000, ErrorMessage = "Enter a house number of 1 or more")]
    public int? FromNumber { get; set; }

    [BindProperty]
    [Range(1, 100000, ErrorMessage = "Enter a house number of 1 or more")]
    public int? ToNumber { get; set; }

    [BindProperty]
    public HouseNumberParity Parity { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var postalCode = Parasol.Core.Validation.PostalCode.Normalize(PostalCode);
        if (PostalCode is not null && postalCode is null)
        {
            ModelState.AddModelError(nameof(PostalCode), localizer["Enter a postal code like 44-230"]);
        }
        var street = string.IsNullOrWhiteSpace(Street) ? null : Street.Trim();
        if (street is null && (FromNumber is not null || ToNumber is not null || Parity != HouseNumberParity.All))
        {
            ModelState.AddModelError(nameof(Street), localizer["Enter the street the house numbers belong to"]);
        }
        if (FromNumber is { } from && ToNumber is { } to && from > to)
        {
            ModelState.AddModelError(nameof(ToNumber), localizer["The last number must not be lower than the first"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.DistrictStreetRanges.Add(new DistrictStreetRange
        {
            Id = Guid.CreateVersion7(),
            DistrictId = DistrictId,
            PostalCode = postalCode!,
            Street = street,
            FromNumber = FromNumber,
            ToNumber = ToNumber,
            Parity = Parity,
        });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        DistrictName = await db.Districts.Where(d => d.Id == DistrictId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        return DistrictName.Length > 0;
    }
}
