using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parasol.Core.Submissions;
using Parasol.Core.Web;

namespace Parasol.Portal.Pages.Status;

/// <summary>"Check my case": the case number and access code open the case's status; nothing else does.</summary>
public sealed class IndexModel(CaseStatusLookup lookup, StatusLookupLimiter limiter, StatusTickets tickets, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? CaseNumber { get; set; }

    [BindProperty]
    public string? AccessCode { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The form is checked first: only a look-up that could find a case counts towards the limit.
        if (string.IsNullOrWhiteSpace(CaseNumber))
        {
            ModelState.AddModelError(nameof(CaseNumber), l["Enter the case number from your receipt"]);
        }
        else if (Parasol.Core.Cases.CaseNumber.Normalize(CaseNumber) is null)
        {
            ModelState.AddModelError(nameof(CaseNumber), l["Enter the case number as it is on your receipt, for example OPS.4010.17.2026"]);
        }
        if (string.IsNullOrWhiteSpace(AccessCode))
        {
            ModelState.AddModelError(nameof(AccessCode), l["Enter the access code from your receipt"]);
        }
        else if (AccessCode.Count(char.IsAsciiLetterOrDigit) != 12)
        {
            ModelState.AddModelError(nameof(AccessCode), l["The access code has 12 letters and digits, for example ABCD-EFGH-JK23"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await limiter.TryAcquireAsync(HttpContext))
        {
            var minutes = limiter.Refuse(Response);
            ModelState.AddModelError(nameof(CaseNumber), l["Too many attempts. Wait {0} and try again.", l.Minutes(minutes)]);
            return Page();
        }
        if (await lookup.VerifyAsync(CaseNumber, AccessCode, HttpContext.RequestAborted) is not { } caseId)
        {
            // The same words whether the number exists or not.
            ModelState.AddModelError(nameof(CaseNumber), l["The case number and access code do not match. Check both and try again."]);
            return Page();
        }
        tickets.Issue(Response, caseId);
        return Redirect("/status/case");
    }
}
