using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.Refer;

public sealed class FamilyModel : StepPageModel<ReferralJourney, ReferralState, FamilyAnswers>
{
    public override string Slug => "family";

    protected override FamilyAnswers Read(ReferralState state) => state.Family;

    protected override void Write(ReferralState state, FamilyAnswers answers) => state.Family = answers;

    protected override void Validate(FamilyAnswers a)
    {
        if (string.IsNullOrWhiteSpace(a.ChildFirstName) && string.IsNullOrWhiteSpace(a.ParentNames))
        {
            Error("Answers.ChildFirstName", "Give at least a child's first name or the parents' names");
        }
        MaxLength(a.ChildFirstName, 100, "Answers.ChildFirstName");
        MaxLength(a.ChildLastName, 100, "Answers.ChildLastName");
        MaxLength(a.SchoolClass, 20, "Answers.SchoolClass");
        MaxLength(a.ParentNames, 300, "Answers.ParentNames");
        ValidateAddress(a, required: false);
    }
}
