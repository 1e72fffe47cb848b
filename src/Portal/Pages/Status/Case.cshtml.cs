using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parasol.Core.Cases;
using Parasol.Core.Submissions;
using Parasol.Core.Time;
using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.Status;

/// <summary>The case as its applicant sees it: the stage in plain words, the next step and its deadline, the office's requests.</summary>
public sealed class CaseModel(CaseStatusLookup lookup, StatusTickets tickets) : PageModel
{
    public Case Case { get; private set; } = null!;
    public DateOnly? Deadline { get; private set; }
    public IReadOnlyList<CaseEvent> Requests { get; private set; } = [];
    public DateTimeOffset ReceivedAtWarsaw { get; private set; }
    public bool IsAccessibilityRequestInProgress { get; private set; }

    /// <summary>Back from sending completion documents: say they arrived.</summary>
    [FromQuery(Name = "sent")]
    public bool JustSent { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (tickets.Read(Request) is not { } caseId
            || await lookup.GetForApplicantAsync(caseId, HttpContext.RequestAborted) is not { } found)
        {
            return Redirect("/status");
        }
        Case = found;
        ReceivedAtWarsaw = WarsawTime.ToWarsaw(found.ReceivedAt);
        // An accessibility request (art. 18) is answered by the office within its own deadline; no social work stages.
        IsAccessibilityRequestInProgress = found.Type == CaseType.AccessibilityRequest
            && found.Status.IsOpen() && found.Status != CaseStatus.CompletionRequested;
        Deadline = found.Status switch
        {
            _ when IsAccessibilityRequestInProgress => found.DecisionDueOn,
            CaseStatus.CompletionRequested => found.CompletionDueOn,
            CaseStatus.Received or CaseStatus.WithSocialWorker => found.InterviewDueOn ?? CaseSummaries.NextStepBy(found, DateOnly.FromDateTime(ReceivedAtWarsaw.DateTime)),
            CaseStatus.InterviewPlanned => found.InterviewDueOn,
            CaseStatus.Monitoring => found.MonitoringEndsOn,
            _ when found.Status.IsOpen() => found.DecisionDueOn,
            _ => null,
        };
        Requests = found.Events.Where(e => e.Kind == CaseEventKind.CompletionRequested).ToList();
        return Page();
    }

    public IActionResult OnPostSignOut()
    {
        tickets.Clear(Response);
        return Redirect("/status");
    }
}
