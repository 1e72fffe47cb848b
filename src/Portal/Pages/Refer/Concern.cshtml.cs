using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.Refer;

public sealed class ConcernModel : StepPageModel<ReferralJourney, ReferralState, ConcernAnswers>
{
    public override string Slug => "concern";

    protected override ConcernAnswers Read(ReferralState state) => state.Concern;

    protected override void Write(ReferralState state, ConcernAnswers answers) => state.Concern = answers;

    protected override void Validate(ConcernAnswers a)
    {
        Require(a.Observed, "Answers.Observed", "Describe what you have observed");
        MaxLength(a.Observed, 4000, "Answers.Observed");
        MaxLength(a.ActionsTaken, 2000, "Answers.ActionsTaken");
        if (!ReferralJourney.ParentsKnowAnswers.Contains(a.ParentsKnow ?? ""))
        {
            Error("Answers.ParentsKnow", "Select whether the parents know about this referral");
        }
        if (!ReferralJourney.Urgencies.Contains(a.Urgency ?? ""))
        {
            Error("Answers.Urgency", "Select how urgent it is");
        }
        if (!ReferralJourney.BlueCardAnswers.Contains(a.BlueCard ?? ""))
        {
            Error("Answers.BlueCard", "Select whether a Niebieska Karta procedure is open");
        }
    }
}
