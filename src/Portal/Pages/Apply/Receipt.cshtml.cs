using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parasol.Core.Cases;
using Parasol.Core.Offices;
using Parasol.Core.Outbox;
using Parasol.Core.Submissions;
using Parasol.Core.Time;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// The confirmation of receipt: only for the browser that submitted (see <see cref="ReceiptTickets"/>); anyone else
/// is pointed to the status page, without learning anything about the case. The access code is on its first view
/// only (<see cref="AccessCodeReveals"/>); later views say where the code was given and what to do without it.
/// </summary>
public sealed class ReceiptModel(
    CaseStatusLookup cases, ReceiptTickets tickets, AccessCodeReveals reveals, OfficeProfileService offices, IStringLocalizer<SharedResource> l) : PageModel
{
    public static string PathFor(Guid caseId) => $"/apply/receipt/{caseId}";

    /// <summary>
    /// The way to the receipt of the case made from <paramref name="submissionKey"/>, for the browser that sent it and
    /// sends or opens it again (its first answer may never have arrived): the receipt's ticket, with the access code while
    /// the receipt has not shown it. Null when no case was made from that key. The caller has checked that the key is
    /// this browser's (a journey's ownership cookie, the accessibility form's own hidden key).
    /// </summary>
    public static async Task<IActionResult?> OfSubmittedAsync(HttpContext context, Guid submissionKey)
    {
        if (await context.RequestServices.GetRequiredService<PendingAccessCodes>().FindAsync(submissionKey, context.RequestAborted) is not { } submitted)
        {
            return null;
        }
        context.RequestServices.GetRequiredService<ReceiptTickets>().Issue(context.Response, submitted.CaseId, submitted.AccessCode);
        return new RedirectResult(PathFor(submitted.CaseId));
    }

    [FromRoute]
    public Guid CaseId { get; set; }

    public Case? Case { get; private set; }

    /// <summary>The access code on the receipt's first view after the submit; null on every later view.</summary>
    public string? AccessCode { get; private set; }

    /// <summary>Whether the receipt e-mail, which carries the access code, went to the applicant (or the referrer).</summary>
    public bool SentByEmail { get; private set; }

    /// <summary>Whom to contact without the code; read only when the code is not shown.</summary>
    public OfficeProfile? Office { get; private set; }

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
        if (code is not null)
        {
            AccessCode = await reveals.TryRevealAsync(CaseId, HttpContext.RequestAborted) ? code : null;
            // The browser keeps the receipt, no longer the code: a copy of this ticket is refused it by the reveal above.
            tickets.Issue(Response, CaseId, accessCode: null);
        }
        if (AccessCode is null)
        {
            Office = await offices.GetAsync(HttpContext.RequestAborted);
        }
        SentByEmail = OutboxPlanner.ApplicantAddresses(Case).Any();
        ReceivedAtWarsaw = WarsawTime.ToWarsaw(Case.ReceivedAt);
        NextStepBy = CaseSummaries.NextStepBy(Case, DateOnly.FromDateTime(ReceivedAtWarsaw.DateTime));
        Sections = CaseSummaries.For(Case, l);
        return Page();
    }
}
