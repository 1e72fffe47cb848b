using Microsoft.AspNetCore.Mvc;
using Parasol.Core.Attachments;
using Parasol.Core.Offices;
using Parasol.Core.Submissions;
using Parasol.Core.Web;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// "Check your answers": everything read back with change links, the privacy notice and the consent, then the submit.
/// The submit is idempotent (the journey id is the submission key), and ends with a redirect to the receipt; a repeated
/// submit from this browser gets the same receipt, with the access code if it was never shown.
/// </summary>
public abstract class CheckPageModel<TJourney, TState>(CaseSubmitter submitter, ReceiptTickets tickets) : JourneyPageModel<TJourney, TState>
    where TJourney : JourneyDefinition<TState>, new()
    where TState : class, new()
{
    public override string Slug => "check";

    [BindProperty]
    public bool Consent { get; set; }

    /// <summary>The journey's answers, then the files that will go with them.</summary>
    public IReadOnlyList<SummarySection> Sections => Journey.Steps.FirstOrDefault(s => s.Slug == "documents") is { } step
        ? [.. Journey.Summarize(State, L), DocumentsSection(step)]
        : Journey.Summarize(State, L);

    /// <summary>The files uploaded on the documents step, loaded by every handler that shows the page.</summary>
    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];

    public string ChangePath(string step) => Journey.StepPath(JourneyId, step) + "?change=true";

    /// <summary>The office's name, as its profile gives it, for the data notice.</summary>
    public string OfficeName { get; private set; } = "";

    /// <summary>The short data notice above the consent: who holds the data and under which act this journey uses it.</summary>
    public virtual string DataNotice => L["{0} is the controller of your data. We use it to handle your request, as the act of 9 June 2011 on supporting families and the foster care system requires. You can see your data, have it corrected and complain to the President of the Personal Data Protection Office.", OfficeName];

    /// <summary>The send button, named after what this journey sends.</summary>
    public virtual string SendLabel => L["Send my request"];

    /// <summary>What the error says when the consent box was left empty.</summary>
    protected virtual string ConsentMessage => "Confirm that you agree to work with a family assistant and have read the privacy notice";

    /// <summary>The case as this journey's answers describe it.</summary>
    protected abstract CaseDraft BuildDraft(TState state);

    /// <summary>A last look across steps, for rules that span them; add errors to ModelState.</summary>
    protected virtual void ValidateAll(TState state)
    {
    }

    /// <summary>Rules that need the database, such as a required certificate the applicant may have skipped.</summary>
    protected virtual Task ValidateAllAsync(TState state) => Task.CompletedTask;

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Consent)
        {
            Error(nameof(Consent), ConsentMessage);
        }
        ValidateAll(State);
        await ValidateAllAsync(State);
        if (!ModelState.IsValid)
        {
            return await ShowAsync();
        }
        var limiter = HttpContext.RequestServices.GetRequiredService<SubmitLimiter>();
        if (!await limiter.TryAcquireAsync(HttpContext))
        {
            // The answers stay saved; the same page, with the reason, can be sent again later.
            var minutes = limiter.Refuse(Response);
            ModelState.AddModelError(nameof(Consent), L["Too many applications have been sent from your connection. Your answers are saved: wait {0} and send again.", L.Minutes(minutes)]);
            return await ShowAsync();
        }
        // Staff read the answers as this page read them back, in their language rather than the family's.
        var draft = BuildDraft(State) with { AnswerSummary = StaffAnswerSummary.Of(l => Journey.Summarize(State, l), L) };
        var result = await submitter.SubmitAsync(JourneyId, draft, HttpContext.RequestAborted);
        if (!result.Created)
        {
            // A send of the same journey got there first (a double click): this answer is the one the browser may see.
            return await ReceiptOfSubmittedAsync() ?? throw new InvalidOperationException("The submitted case is not in the database.");
        }
        tickets.Issue(Response, result.Case.Id, result.Case.IssuedAccessCode!);
        return Redirect(ReceiptModel.PathFor(result.Case.Id));
    }

    private SummarySection DocumentsSection(JourneyStep step) => new(L[step.Title], Attachments.Count == 0
        ? [new(L["Files you have added"], L["No attachments."], step.Slug)]
        : [.. Attachments.Select(a => new SummaryRow(L[$"Kind {a.Kind}"], a.FileName, step.Slug))]);

    /// <summary>The page, with the files and the office's name it shows; a submit that succeeds reads neither.</summary>
    private async Task<IActionResult> ShowAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Attachments = await HttpContext.RequestServices.GetRequiredService<AttachmentUploader>().ListAsync(JourneyId, HttpContext.RequestAborted);
        OfficeName = (await HttpContext.RequestServices.GetRequiredService<OfficeProfileService>().GetAsync(HttpContext.RequestAborted)).Name;
    }
}
