using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Parasol.Core.Attachments;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// The documents step every journey shares: upload a file (one round trip each, no JavaScript needed), see the list,
/// remove one to replace it. Files stay with the journey until the submit moves them to the case.
/// </summary>
/// <summary>What the shared documents view needs from any journey's documents page.</summary>
public interface IDocumentsStep
{
    IReadOnlyList<Attachment> Uploaded { get; }
    IReadOnlyList<AttachmentKind> Kinds { get; }
    AttachmentKind Chosen { get; }
    AttachmentRules Rules { get; }
    string BackPath { get; }
    string SelfPath { get; }
    bool Changing { get; }
    int StepNumber { get; }
    int StepCount { get; }
}

[UploadSizeLimit, StreamUpload("Upload", "Continue")]
public abstract class DocumentsPageModel<TJourney, TState>(AttachmentUploader uploader) : JourneyPageModel<TJourney, TState>, IDocumentsStep
    where TJourney : JourneyDefinition<TState>, new()
    where TState : class, new()
{
    public override string Slug => "documents";

    public IReadOnlyList<Attachment> Uploaded { get; private set; } = [];

    public AttachmentRules Rules => uploader.Rules;

    /// <summary>The kinds of document this journey asks for; the first is the default.</summary>
    public virtual IReadOnlyList<AttachmentKind> Kinds => [AttachmentKind.Other];

    /// <summary>The kinds of document without which the journey cannot go on; none when documents are optional.</summary>
    protected virtual IReadOnlyList<AttachmentKind> RequiredKinds => [];

    /// <summary>The kinds still missing from what was uploaded; by default every required kind not yet there.</summary>
    protected virtual IEnumerable<AttachmentKind> Missing(IReadOnlyList<Attachment> uploaded) =>
        RequiredKinds.Where(k => uploaded.All(a => a.Kind != k));

    /// <summary>The kind the family chose for the file they sent; the form keeps it when the file was refused.</summary>
    public AttachmentKind Chosen
    {
        get => _chosen ?? Kinds[0];
        private set => _chosen = value;
    }

    private AttachmentKind? _chosen;

    [FromQuery(Name = "problem")]
    public UploadProblem Problem { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Problem != UploadProblem.None)
        {
            AddUploadError(Problem);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, AttachmentKind? kind)
    {
        if (UploadSizeLimitAttribute.RefusedAsTooLarge(HttpContext))
        {
            return await RefusedAsTooLargeAsync(kind);
        }
        if (file is null)
        {
            Chosen = ChosenKind(kind);
            Error("file", "Select a file to upload");
            await LoadAsync();
            return Page();
        }
        return await UploadAsync(file, kind) ?? Redirect(SelfPath);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid attachmentId)
    {
        await uploader.RemoveAsync(JourneyId, attachmentId, HttpContext.RequestAborted);
        return Redirect(SelfPath);
    }

    /// <summary>
    /// Continue is a button of the upload form, so a file chosen but not yet sent comes with it: it is uploaded first, with
    /// the same checks as the upload button, rather than lost.
    /// </summary>
    public async Task<IActionResult> OnPostContinueAsync(IFormFile? file, AttachmentKind? kind)
    {
        if (UploadSizeLimitAttribute.RefusedAsTooLarge(HttpContext))
        {
            return await RefusedAsTooLargeAsync(kind);
        }
        Chosen = ChosenKind(kind);
        if (file is not null && await UploadAsync(file, kind) is { } refused)
        {
            return refused;
        }
        await LoadAsync();
        foreach (var missing in Missing(Uploaded))
        {
            ModelState.AddModelError("file", L["Add this document before you continue: {0}", L[$"Kind {missing}"]]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return Redirect(NextPath());
    }

    /// <summary>Uploads the chosen file; the page with the reason when it was refused, null when it was kept.</summary>
    private async Task<IActionResult?> UploadAsync(IFormFile file, AttachmentKind? kind)
    {
        Chosen = ChosenKind(kind);
        if (await OneFileUpload.OverLimitAsync(Request, file, L) is { } overLimit)
        {
            ModelState.AddModelError("file", overLimit);
            await LoadAsync();
            return Page();
        }
        UploadResult? result;
        try
        {
            result = await OneFileUpload.SendAsync(Request, file, (name, content) => uploader.UploadAsync(JourneyId, Chosen, name, content, HttpContext.RequestAborted));
        }
        catch (InvalidDataException)
        {
            return BadRequest();
        }
        if (result is null)
        {
            Error("file", "Upload one file at a time");
        }
        else if (result.Problem != UploadProblem.None)
        {
            AddUploadError(result.Problem, result.SameAs);
        }
        else
        {
            return null;
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>The page again, with the reason and the kind the family chose, for a file too large to be read at all.</summary>
    private async Task<IActionResult> RefusedAsTooLargeAsync(AttachmentKind? kind)
    {
        Chosen = ChosenKind(kind);
        AddUploadError(UploadProblem.TooLarge);
        await LoadAsync();
        return Page();
    }

    private AttachmentKind ChosenKind(AttachmentKind? kind) => kind is { } k && Kinds.Contains(k) ? k : Kinds[0];

    private async Task LoadAsync() => Uploaded = await uploader.ListAsync(JourneyId, HttpContext.RequestAborted);

    private void AddUploadError(UploadProblem problem, string? sameAs = null) => ModelState.AddModelError("file", UploadMessages.For(problem, Rules, L, sameAs));
}
