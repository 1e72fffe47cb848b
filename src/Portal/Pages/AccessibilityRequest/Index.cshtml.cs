using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parasol.Core.Cases;
using Parasol.Core.Journeys;
using Parasol.Core.Submissions;
using Parasol.Core.Validation;
using Parasol.Core.Web;
using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.AccessibilityRequest;

/// <summary>
/// The accessibility request form linked from the accessibility statement: one page, sent as a case of its own type to
/// the registry, with a receipt. The hidden submission key makes a double click or a repeated POST create one case, and
/// leads a repeat to the same receipt.
/// </summary>
public sealed class IndexModel(CaseSubmitter submitter, ReceiptTickets tickets, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AccessibilityRequestAnswers Answers { get; set; } = new();

    [BindProperty]
    public Guid SubmissionKey { get; set; }

    [BindProperty]
    public EmailCheck EmailCheck { get; set; } = new();

    public void OnGet() => SubmissionKey = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync()
    {
        Validate(Answers);
        if (!ModelState.IsValid || EmailCheck.Asking is not null || SubmissionKey == Guid.Empty)
        {
            SubmissionKey = SubmissionKey == Guid.Empty ? Guid.NewGuid() : SubmissionKey;
            return Page();
        }
        // Sent before (its answer lost, or a double click): the same receipt, with the access code if it was never shown,
        // and no attempt taken from the allowance. The submission key is proof enough that this browser sent it: it is
        // only in the form this browser was given, and the POST passed this browser's antiforgery check.
        if (await ReceiptModel.OfSubmittedAsync(HttpContext, SubmissionKey) is { } receipt)
        {
            return receipt;
        }
        // Each request is a case in the registry's queue with a 7-day deadline: one address shares the journeys' allowance.
        var limiter = HttpContext.RequestServices.GetRequiredService<SubmitLimiter>();
        if (!await limiter.TryAcquireAsync(HttpContext))
        {
            var minutes = limiter.Refuse(Response);
            ModelState.AddModelError("", l["Too many requests have been sent from your connection. What you typed is still below: wait {0} and send it again.", l.Minutes(minutes)]);
            return Page();
        }
        var a = Answers;
        var result = await submitter.SubmitAsync(SubmissionKey, new CaseDraft
        {
            Type = CaseType.AccessibilityRequest,
            Source = CaseSource.Family,
            Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            ContactEmail = string.IsNullOrWhiteSpace(a.Email) ? null : a.Email.Trim(),
            ContactPhone = PolishPhone.Normalize(a.Phone),
            AnswersJson = JsonSerializer.Serialize(a, JourneyStore.Json),
            AnswerSummary = StaffAnswerSummary.Of(a.Summarize, l),
            People = [new CasePerson { Role = PersonRole.Applicant, FirstName = a.FirstName!.Trim(), LastName = a.LastName!.Trim() }],
        }, HttpContext.RequestAborted);
        if (!result.Created)
        {
            // A send of the same key got there first (a double click): its receipt, as above.
            return await ReceiptModel.OfSubmittedAsync(HttpContext, SubmissionKey) ?? throw new InvalidOperationException("The submitted case is not in the database.");
        }
        tickets.Issue(Response, result.Case.Id, result.Case.IssuedAccessCode);
        return Redirect(ReceiptModel.PathFor(result.Case.Id));
    }

    private void Validate(AccessibilityRequestAnswers a)
    {
        Require(a.FirstName, "Answers.FirstName", "Enter your first name", 100);
        Require(a.LastName, "Answers.LastName", "Enter your last name", 100);
        if (!AccessibilityRequestAnswers.ReplyWays.Contains(a.ReplyBy ?? ""))
        {
            ModelState.AddModelError("Answers.ReplyBy", l["Select how we should reply"]);
        }
        ContactDetails.Validate(a.Phone, a.Email, a.ReplyBy ?? "Letter", "Answers", (field, message) => ModelState.AddModelError(field, l[message]));
        if (ContactDetails.IsEmail(a.Email))
        {
            a.Email = EmailCheck.Apply(a.Email!, saved: null, (field, message) => ModelState.AddModelError(field, l[message]));
        }
        if (a.ReplyBy == "Letter")
        {
            Require(a.PostalAddress, "Answers.PostalAddress", "Enter the address we should write to, as you chose a reply by letter", 300);
        }
        Require(a.Page, "Answers.Page", "Tell us which page, document or part of the site it is about", 500);
        Require(a.Problem, "Answers.Problem", "Tell us what is not accessible to you", 4000);
        if (a.Alternative?.Length > 1000)
        {
            ModelState.AddModelError("Answers.Alternative", l["Use at most {0} characters", 1000]);
        }
    }

    private void Require(string? value, string field, string message, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, l[message]);
        }
        else if (value.Length > maxLength)
        {
            ModelState.AddModelError(field, l["Use at most {0} characters", maxLength]);
        }
    }
}
