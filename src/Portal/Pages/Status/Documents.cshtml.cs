using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Submissions;
using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.Status;

/// <summary>
/// Completing documents the office asked for: the request and its deadline, the same uploads as the journeys, then one
/// send that moves the files to the case and gives it back to its worker. Open only with the status page's ticket.
/// </summary>
[UploadSizeLimit, StreamUpload("Upload", "Send")]
public sealed class DocumentsModel(CaseStatusLookup lookup, StatusTickets tickets, AttachmentUploader uploader, CaseCompletion completion,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const string Path = "/status/documents";

    public Case Case { get; private set; } = null!;
    public CaseEvent? Asked { get; private set; }
    public IReadOnlyList<Attachment> Uploaded { get; private set; } = [];
    public AttachmentRules Rules => uploader.Rules;

    [FromQuery(Name = "problem")]
    public UploadProblem Problem { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } away)
        {
            return away;
        }
        if (Problem != UploadProblem.None)
        {
            AddUploadError(Problem);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        if (await LoadAsync() is { } away)
        {
            return away;
        }
        if (UploadSizeLimitAttribute.RefusedAsTooLarge(HttpContext))
        {
            AddUploadError(UploadProblem.TooLarge);
            return Page();
        }
        if (file is null)
        {
            ModelState.AddModelError("file", l["Select a file to upload"]);
            return Page();
        }
        return await UploadAsync(file) ?? Redirect(Path);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid attachmentId)
    {
        if (await LoadAsync() is { } away)
        {
            return away;
        }
        await uploader.RemoveAsync(CaseCompletion.UploadKey(Case.Id), attachmentId, HttpContext.RequestAborted);
        return Redirect(Path);
    }

    /// <summary>Send is a button of the upload form: a file chosen but not yet uploaded is uploaded first, not lost.</summary>
    public async Task<IActionResult> OnPostSendAsync(IFormFile? file)
    {
        if (await LoadAsync() is { } away)
        {
            return away;
        }
        if (UploadSizeLimitAttribute.RefusedAsTooLarge(HttpContext))
        {
            AddUploadError(UploadProblem.TooLarge);
            return Page();
        }
        if (file is not null && await UploadAsync(file) is { } refused)
        {
            return refused;
        }
        switch (await completion.SendAsync(Case.Id, HttpContext.RequestAborted))
        {
            case CompletionOutcome.NothingToSend:
                ModelState.AddModelError("file", l["Add at least one document before you send"]);
                return Page();
            default:
                return Redirect("/status/case?sent=true");
        }
    }

    /// <summary>Uploads the chosen file; the page with the reason when it was refused, null when it was kept.</summary>
    private async Task<IActionResult?> UploadAsync(IFormFile file)
    {
        if (await OneFileUpload.OverLimitAsync(Request, file, l) is { } overLimit)
        {
            ModelState.AddModelError("file", overLimit);
            return Page();
        }
        UploadResult? result;
        try
        {
            result = await OneFileUpload.SendAsync(Request, file, (name, content) =>
                uploader.UploadAsync(CaseCompletion.UploadKey(Case.Id), AttachmentKind.CompletionDocument, name, content, HttpContext.RequestAborted));
        }
        catch (InvalidDataException)
        {
            return BadRequest();
        }
        if (result is null)
        {
            ModelState.AddModelError("file", l["Upload one file at a time"]);
            return Page();
        }
        if (result.Problem != UploadProblem.None)
        {
            AddUploadError(result.Problem, result.SameAs);
            return Page();
        }
        return null;
    }

    /// <summary>Loads the case and what waits to be sent; a redirect when there is no ticket or nothing is asked for.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        if (tickets.Read(Request) is not { } caseId
            || await lookup.GetForApplicantAsync(caseId, HttpContext.RequestAborted) is not { } found)
        {
            return Redirect("/status");
        }
        if (found.Status != CaseStatus.CompletionRequested)
        {
            return Redirect("/status/case");
        }
        Case = found;
        Asked = found.Events.LastOrDefault(e => e.Kind == CaseEventKind.CompletionRequested);
        Uploaded = await uploader.ListAsync(CaseCompletion.UploadKey(found.Id), HttpContext.RequestAborted);
        return null;
    }

    private void AddUploadError(UploadProblem problem, string? sameAs = null) => ModelState.AddModelError("file", UploadMessages.For(problem, Rules, l, sameAs));
}
