using System.Text.Json;
using Parasol.Core.Cases;
using Parasol.Core.Journeys;
using Parasol.Core.Submissions;

namespace Parasol.Portal.Pages.Apply.FamilyAssistant;

public sealed class CheckModel(CaseSubmitter submitter, ReceiptTickets tickets) : CheckPageModel<FamilyAssistantJourney, FamilyAssistantState>(submitter, tickets)
{
    protected override CaseDraft BuildDraft(FamilyAssistantState state)
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
        people.AddRange(state.Household.Children.Where(c => !c.IsEmpty).Select(c => new CasePerson
        {
            Role = PersonRole.Child,
            FirstName = c.FirstName!.Trim(),
            DateOfBirth = c.DateOfBirth.ToDate(),
            Relationship = "Child",
        }));
        return new CaseDraft
        {
            Type = CaseType.AssistantRequest,
            Source = CaseSource.Family,
            Language = contact.Language ?? "pl",
            FamilyAddress = AddressAnswers.ToAddress(contact),
            ContactEmail = string.IsNullOrWhiteSpace(contact.Email) ? null : contact.Email.Trim(),
            ContactPhone = Parasol.Core.Validation.PolishPhone.Normalize(contact.Phone),
            AnswersJson = JsonSerializer.Serialize(state, JourneyStore.Json),
            People = people,
        };
    }

    /// <summary>A step skipped by editing the URL must not produce a case without its answers.</summary>
    protected override void ValidateAll(FamilyAssistantState state)
    {
        if (state.AboutYou.FirstName is null || state.Contact.Street is null || state.Contact.PostalCode is null
            || state.Situation.EarlierHelp is null || state.Contact.City is null || state.AboutYou.LastName is null || state.Contact.HouseNumber is null)
        {
            Error("Consent", "Some answers are missing: use the change links to complete them");
        }
    }
}
