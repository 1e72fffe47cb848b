using System.Text.Json;
using Parasol.Core.Cases;
using Parasol.Core.Journeys;
using Parasol.Core.Submissions;
using Parasol.Core.Validation;

namespace Parasol.Portal.Pages.Apply.ZaZyciemBenefit;

public sealed class CheckModel(CaseSubmitter submitter, ReceiptTickets tickets) : CheckPageModel<BenefitJourney, BenefitState>(submitter, tickets)
{
    protected override string ConsentMessage => "Confirm that the information is true to the best of your knowledge";

    public override string DataNotice => L["{0} is the controller of your data. We use it to handle your application, as the act of 4 November 2016 on support for pregnant women and families “Za życiem” requires. You can see your data, have it corrected and complain to the President of the Personal Data Protection Office.", OfficeName];

    protected override CaseDraft BuildDraft(BenefitState state)
    {
        var a = state.Applicant;
        var c = state.Child;
        var p = state.Payment;
        return new CaseDraft
        {
            Type = CaseType.OneTimeBenefit,
            Source = CaseSource.Family,
            Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            FamilyAddress = AddressAnswers.ToAddress(p),
            ContactEmail = string.IsNullOrWhiteSpace(a.Email) ? null : a.Email.Trim(),
            ContactPhone = PolishPhone.Normalize(a.Phone),
            // Sent online without a qualified or trusted-profile signature, a KPA application still needs one.
            NeedsSignature = true,
            AnswersJson = JsonSerializer.Serialize(state, JourneyStore.Json),
            People =
            [
                new CasePerson
                {
                    Role = PersonRole.Applicant,
                    FirstName = a.FirstName!.Trim(),
                    LastName = a.LastName!.Trim(),
                    Pesel = string.IsNullOrWhiteSpace(a.Pesel) ? null : a.Pesel.Trim(),
                    DateOfBirth = string.IsNullOrWhiteSpace(a.Pesel) ? a.DateOfBirth.ToDate() : null,
                    Relationship = a.Role,
                },
                new CasePerson { Role = PersonRole.Child, FirstName = c.FirstName!.Trim(), LastName = c.LastName!.Trim(), Pesel = string.IsNullOrWhiteSpace(c.Pesel) ? null : c.Pesel.Trim(), DateOfBirth = c.DateOfBirth.ToDate() },
            ],
        };
    }

    protected override void ValidateAll(BenefitState state)
    {
        if ((state.Applicant.Pesel is null && state.Applicant.DateOfBirth.ToDate() is null) || state.Child.DateOfBirth.ToDate() is null || state.Payment.City is null || state.Payment.Method is null)
        {
            Error("Consent", "Some answers are missing: use the change links to complete them");
        }
    }
}
