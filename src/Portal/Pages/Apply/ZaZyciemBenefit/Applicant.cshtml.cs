using Parasol.Core.Time;

namespace Parasol.Portal.Pages.Apply.ZaZyciemBenefit;

public sealed class ApplicantModel(TimeProvider time) : StepPageModel<BenefitJourney, BenefitState, BenefitApplicantAnswers>
{
    public override string Slug => "applicant";

    protected override BenefitApplicantAnswers Read(BenefitState state) => state.Applicant;

    protected override void Write(BenefitState state, BenefitApplicantAnswers answers) => state.Applicant = answers;

    protected override void Validate(BenefitApplicantAnswers a)
    {
        if (!BenefitJourney.Roles.Contains(a.Role ?? ""))
        {
            Error("Answers.Role", "Select who you are to the child");
        }
        Require(a.FirstName, "Answers.FirstName", "Enter your first name");
        MaxLength(a.FirstName, 100, "Answers.FirstName");
        Require(a.LastName, "Answers.LastName", "Enter your last name");
        MaxLength(a.LastName, 100, "Answers.LastName");
        a.Pesel = PeselOrDateOfBirth.Validate(a.Pesel, a.DateOfBirth, WarsawTime.Today(time), "Answers", Error);
        ContactDetails.Validate(a.Phone, a.Email, "Letter", "Answers", Error);
        a.Email = CheckEmail(a.Email, State.Applicant.Email);
    }
}
