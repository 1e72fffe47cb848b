using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parasol.Core.Cases;
using Parasol.Core.Submissions;
using Parasol.Core.Time;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// The confirmation of receipt: only for the browser that submitted (see <see cref="ReceiptTickets"/>); anyone else
/// is pointed to the status page, without learning anything about the case.
/// </summary>
public sealed class ReceiptModel(CaseStatusLookup cases, ReceiptTickets tickets, IStringLocalizer<SharedResource> l) : PageModel
{
    public static string PathFor(Guid caseId) => $"/apply/receipt/{caseId}";

    [FromRoute]
    public Guid CaseId { get; set; }

    public Case? Case { get; private set; }
    public string AccessCode { get; private set; } = "";
    public DateTimeOffset ReceivedAtWarsaw { get; private set; }
    public DateOnly NextStepBy { get; private set; }
    public IReadOnlyList<SummarySection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!tickets.TryRead(Request, CaseId, out var code))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Case = await cases.GetForApplicantAsync(CaseId, HttpContext.RequestAborted);
        if (Case is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        AccessCode = code;
        ReceivedAtWarsaw = WarsawTime.ToWarsaw(Case.ReceivedAt);
        NextStepBy = CaseSummaries.NextStepBy(Case, DateOnly.FromDateTime(ReceivedAtWarsaw.DateTime));
        Sections = CaseSummaries.For(Case, l);
        return Page();
    }
}
