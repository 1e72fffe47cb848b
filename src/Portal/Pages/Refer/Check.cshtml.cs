using System.Globalization;
using System.Text.Json;
using Parasol.Core.Cases;
using Parasol.Core.Journeys;
using Parasol.Core.Submissions;
using Parasol.Core.Validation;
using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.Refer;

public sealed class CheckModel(CaseSubmitter submitter, ReceiptTickets tickets) : CheckPageModel<ReferralJourney, ReferralState>(submitter, tickets)
{
    protected override string ConsentMessage => "Confirm that the information is true to the best of your knowledge";

    public override string DataNotice => L["{0} is the controller of the data. We use it to handle your referral and to support the family, as the act of 9 June 2011 on supporting families and the foster care system requires. You can see your data, have it corrected and complain to the President of the Personal Data Protection Office.", OfficeName];

    public override string SendLabel => L["Send the referral"];

    protected override CaseDraft BuildDraft(ReferralState state)
    {
        var i = state.Institution;
        var f = state.Family;
        var type = Enum.Parse<InstitutionType>(i.Type!);
        var people = new List<CasePerson>();
        if (!string.IsNullOrWhiteSpace(f.ChildFirstName))
        {
            people.Add(new CasePerson { Role = PersonRole.Child, FirstName = f.ChildFirstName.Trim(), LastName = f.ChildLastName?.Trim() ?? "", Relationship = f.SchoolClass?.Trim() });
        }
        var hasAddress = !string.IsNullOrWhiteSpace(f.Street) && !string.IsNullOrWhiteSpace(f.HouseNumber) && f.PostalCode is not null && !string.IsNullOrWhiteSpace(f.City);
        return new CaseDraft
        {
            Type = CaseType.Referral,
            Source = type switch
            {
                InstitutionType.School => CaseSource.School,
                InstitutionType.FamilyCourt => CaseSource.Court,
                InstitutionType.HealthService => CaseSource.HealthService,
                InstitutionType.Police => CaseSource.Police,
                _ => CaseSource.OtherInstitution,
            },
            Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            FamilyAddress = hasAddress ? AddressAnswers.ToAddress(f) : null,
            ReferringInstitution = new ReferringInstitution
            {
                Type = type,
                Name = i.Name!.Trim(),
                ContactPerson = i.ContactPerson!.Trim(),
                ContactRole = i.ContactRole!.Trim(),
                Email = string.IsNullOrWhiteSpace(i.Email) ? null : i.Email.Trim(),
                Phone = PolishPhone.Normalize(i.Phone),
                CourtCaseSignature = i.CourtCaseSignature,
            },
            // A court's referral and immediate danger are routed at once (see the jobs' routing rules).
            IsUrgent = type == InstitutionType.FamilyCourt || state.Concern.Urgency is "Immediate" or "Urgent",
            BlueCard = state.Concern.BlueCard is "Open" or "MayBeNeeded",
            AnswersJson = JsonSerializer.Serialize(state, JourneyStore.Json),
            People = people,
        };
    }

    protected override void ValidateAll(ReferralState state)
    {
        if (state.Institution.Type is null || state.Institution.Name is null || state.Institution.ContactPerson is null
            || state.Institution.ContactRole is null || state.Concern.Observed is null || state.Concern.Urgency is null)
        {
            Error("Consent", "Some answers are missing: use the change links to complete them");
        }
    }
}
