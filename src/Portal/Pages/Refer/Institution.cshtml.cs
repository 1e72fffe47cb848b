using Parasol.Core.Validation;
using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.Refer;

public sealed class InstitutionModel : StepPageModel<ReferralJourney, ReferralState, InstitutionAnswers>
{
    public override string Slug => "institution";

    protected override InstitutionAnswers Read(ReferralState state) => state.Institution;

    protected override void Write(ReferralState state, InstitutionAnswers answers) => state.Institution = answers;

    protected override void Validate(InstitutionAnswers a)
    {
        if (!ReferralJourney.InstitutionTypes.Contains(a.Type ?? ""))
        {
            Error("Answers.Type", "Select the type of your institution");
        }
        Require(a.Name, "Answers.Name", "Enter the name of your institution");
        MaxLength(a.Name, 300, "Answers.Name");
        if (a.Type == "FamilyCourt")
        {
            if (Require(a.CourtCaseSignature, "Answers.CourtCaseSignature", "Enter the court case signature"))
            {
                if (CourtCaseSignature.Normalize(a.CourtCaseSignature) is { } signature)
                {
                    a.CourtCaseSignature = signature;
                }
                else
                {
                    Error("Answers.CourtCaseSignature", "Enter the signature as the court writes it, for example III Nsm 348/13");
                }
            }
        }
        else
        {
            a.CourtCaseSignature = null;
        }
        Require(a.ContactPerson, "Answers.ContactPerson", "Enter your name");
        MaxLength(a.ContactPerson, 200, "Answers.ContactPerson");
        Require(a.ContactRole, "Answers.ContactRole", "Enter your role, for example school counsellor");
        MaxLength(a.ContactRole, 100, "Answers.ContactRole");
        if (string.IsNullOrWhiteSpace(a.Email) && string.IsNullOrWhiteSpace(a.Phone))
        {
            Error("Answers.Email", "Give an e-mail address or a phone number so we can reach you");
        }
        ContactDetails.Validate(a.Phone, a.Email, "Letter", "Answers", Error);
        a.Email = CheckEmail(a.Email, State.Institution.Email);
    }
}
