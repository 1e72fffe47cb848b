using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parasol.BackOffice.Localization;
using Parasol.BackOffice.Security;
using Parasol.Core.Access;
using Parasol.Core.Audit;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Workflow;

namespace Parasol.BackOffice.Pages.Cases;

/// <summary>The case file and every workflow action on it; each action is a POST handler that redirects back.</summary>
public sealed class CaseModel(ParasolDbContext db, CurrentStaff current, CaseWorkflowService workflow, AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public CaseFile Record { get; private set; } = null!;
    public StaffScope Staff { get; private set; } = null!;
    public List<StaffCaseload> Workers { get; private set; } = [];
    public List<StaffCaseload> Assistants { get; private set; } = [];
    public int AssistantCap => workflow.AssistantFamilyCap;

    /// <summary>The applicant's answers in the staff member's language: the stored read-back, else read from the journey's JSON.</summary>
    public IReadOnlyList<AnswerSummarySection> Answers =>
        _answers ??= Record.Summary?.In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? OlderAnswers.Read(Record.Case.AnswersJson, localizer);

    private IReadOnlyList<AnswerSummarySection>? _answers;

    /// <summary>What an action refused with a mistake was sent with, shown again in its form: nothing typed is lost.</summary>
    public Typed? Sent { get; private set; }

    public sealed record Typed(CaseStatus? To = null, string? Reason = null, DateOnly? CompletionDueOn = null, Guid? AssistantId = null,
        Guid? WorkerId = null, string? TargetNumber = null, string? Note = null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }
        await audit.WriteAsync(Staff.StaffId, AuditAction.CaseViewed, Id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid workerId, bool returnToQueue, CancellationToken cancellationToken)
    {
        var staff = await current.GetAsync(cancellationToken);
        var result = await workflow.AssignSocialWorkerAsync(staff, Id, workerId, cancellationToken);
        Sent = new Typed(WorkerId: workerId);
        if (result.Succeeded && returnToQueue)
        {
            TempData["Done"] = "The case is assigned.";
            return RedirectToPage("/Index");
        }
        return await AfterAsync(result, "WorkerId", "The case is assigned.", cancellationToken);
    }

    public async Task<IActionResult> OnPostUrgentAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await workflow.MarkUrgentAsync(await current.GetAsync(cancellationToken), Id, cancellationToken), "main", "The case is marked urgent.", cancellationToken);

    public async Task<IActionResult> OnPostMergeAsync(string? targetNumber, CancellationToken cancellationToken)
    {
        Sent = new Typed(TargetNumber: targetNumber);
        return await AfterAsync(await workflow.MergeAsync(await current.GetAsync(cancellationToken), Id, targetNumber ?? "", cancellationToken), "TargetNumber", "The case is merged.", cancellationToken);
    }

    public async Task<IActionResult> OnPostNoteAsync(string? note, CancellationToken cancellationToken)
    {
        Sent = new Typed(Note: note);
        return await AfterAsync(await workflow.AddNoteAsync(await current.GetAsync(cancellationToken), Id, note ?? "", cancellationToken), "Note", "The note is saved.", cancellationToken);
    }

    /// <summary>A new access code shown to this staff member once, when the case has no e-mail address to send it to.</summary>
    public string? NewAccessCode { get; private set; }

    public async Task<IActionResult> OnPostAccessCodeAsync(CancellationToken cancellationToken)
    {
        var (result, code) = await workflow.IssueNewAccessCodeAsync(await current.GetAsync(cancellationToken), Id, cancellationToken);
        if (code is null || !result.Succeeded)
        {
            return await AfterAsync(result, "access-code", "A new access code has been sent to the e-mail address in the case. The old code no longer works.", cancellationToken);
        }
        // Drawn on this response only (never a redirect, a cookie or a log): the code is for the person at the desk.
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }
        NewAccessCode = code;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(CaseStatus to, string? reason, DateOnly? completionDueOn, Guid? assistantId, CancellationToken cancellationToken)
    {
        Sent = new Typed(to, reason, completionDueOn, assistantId);
        var result = await workflow.ChangeStatusAsync(await current.GetAsync(cancellationToken), Id, to, reason, completionDueOn, assistantId, cancellationToken);
        var field = to switch
        {
            _ when result.Error == CaseWorkflowService.TextTooLong => $"Reason-{to}",
            CaseStatus.CompletionRequested => $"CompletionDueOn-{to}",
            CaseStatus.AssistantAssigned => "AssistantId",
            CaseStatus.Refused or CaseStatus.ReferredElsewhere or CaseStatus.Rejected or CaseStatus.LeftUnexamined => $"Reason-{to}",
            _ => "actions",
        };
        return await AfterAsync(result, field, "The case is updated.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(WorkflowResult result, string field, string done, CancellationToken cancellationToken)
    {
        if (result.Error == CaseWorkflowService.NotFound)
        {
            return Forbid();
        }
        if (result.Succeeded)
        {
            TempData["Done"] = done;
            return RedirectToPage(new { Id });
        }
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }
        var arguments = result.Arguments.Select(a => a is CaseStatus s ? localizer[EnumText.Of(s)].Value : a).ToArray();
        ModelState.AddModelError(field, localizer[result.Error!, arguments]);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Staff = await current.GetAsync(cancellationToken);
        if (await CaseFile.LoadAsync(db, Staff, Id, cancellationToken) is not { } file)
        {
            await audit.WriteAsync(Staff.StaffId, AuditAction.AccessRefused, Id, cancellationToken: cancellationToken);
            return false;
        }
        Record = file;
        if (Staff.CanTriage)
        {
            Workers = await workflow.SocialWorkersAsync(cancellationToken);
        }
        if (CaseWorkflow.IsAllowed(file.Case.Status, CaseStatus.AssistantAssigned, Staff.Roles))
        {
            Assistants = await workflow.FamilyAssistantsAsync(cancellationToken);
        }
        return true;
    }
}
