using System.Text.Json;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Journeys;
using Parasol.Core.Submissions;
using Parasol.Core.Validation;

namespace Parasol.Portal.Pages.Apply.ZaZyciemSupport;

public sealed class CheckModel(CaseSubmitter submitter, ReceiptTickets tickets, AttachmentUploader uploader) : CheckPageModel<SupportJourney, SupportState>(submitter, tickets)
{
    public override string DataNotice => L["{0} is the controller of your data. We use it to handle your application, as the act of 4 November 2016 on support for pregnant women and families “Za życiem” requires. You can see your data, have it corrected and complain to the President of the Personal Data Protection Office.", OfficeName];

    protected override CaseDraft BuildDraft(SupportState state)
    {
        var you = state.AboutYou;
        var contact = state.Contact;
        var people = new List<CasePerson>
        {
            new()
            {
                Role = PersonRole.Applicant,
                FirstName = you.FirstName!.Trim(),
                LastName = you.LastName!.Trim(),
                Pesel = string.IsNullOrWhiteSpace(you.Pesel) ? null : you.Pesel,
                DateOfBirth = string.IsNullOrWhiteSpace(you.Pesel) ? you.DateOfBirth.ToDate() : null,
                Relationship = you.Role,
            },
        };
        if (state.TellsAboutChild)
        {
            people.Add(new CasePerson
            {
                Role = PersonRole.Child,
                FirstName = state.Support.ChildFirstName!.Trim(),
                DateOfBirth = state.Support.ChildDateOfBirth.ToDate(),
                Relationship = "Child",
            });
        }
        return new CaseDraft
        {
            Type = CaseType.ZaZyciemSupport,
            Source = CaseSource.Family,
            Language = contact.Language ?? "pl",
            FamilyAddress = AddressAnswers.ToAddress(contact),
            ContactEmail = string.IsNullOrWhiteSpace(contact.Email) ? null : contact.Email.Trim(),
            ContactPhone = PolishPhone.Normalize(contact.Phone),
            AnswersJson = JsonSerializer.Serialize(state, JourneyStore.Json),
            People = people,
        };
    }

    /// <summary>A step skipped by editing the URL must not produce a case without its answers or its certificate.</summary>
    protected override void ValidateAll(SupportState state)
    {
        if (state.AboutYou.FirstName is null || state.AboutYou.LastName is null || state.Contact.Street is null || state.Contact.HouseNumber is null
            || state.Contact.PostalCode is null || state.Contact.City is null || state.Support.Needs is null
            || (state.TellsAboutChild && state.Support.ChildFirstName is null))
        {
            Error("Consent", "Some answers are missing: use the change links to complete them");
        }
    }

    protected override async Task ValidateAllAsync(SupportState state)
    {
        var files = await uploader.ListAsync(JourneyId, HttpContext.RequestAborted);
        if (!files.Any(a => a.Kind is AttachmentKind.DiagnosisCertificate or AttachmentKind.PregnancyConfirmation))
        {
            Error("Consent", "Add the certificate on the documents step before you send the request");
        }
    }
}
