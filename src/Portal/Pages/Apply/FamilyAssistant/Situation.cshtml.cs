namespace Parasol.Portal.Pages.Apply.FamilyAssistant;

public sealed class SituationModel : StepPageModel<FamilyAssistantJourney, FamilyAssistantState, SituationAnswers>
{
    public override string Slug => "situation";

    protected override SituationAnswers Read(FamilyAssistantState state) => state.Situation;

    protected override void Write(FamilyAssistantState state, SituationAnswers answers) => state.Situation = answers;

    protected override void Validate(SituationAnswers a)
    {
        if (Require(a.Difficulties, "Answers.Difficulties", "Tell us in a few words what is hard for your family now"))
        {
            MaxLength(a.Difficulties, 2000, "Answers.Difficulties");
        }
        a.HelpWanted = a.HelpWanted.Where(FamilyAssistantJourney.HelpAreas.Contains).Distinct().ToList();
        if (a.HelpWanted.Count == 0 && string.IsNullOrWhiteSpace(a.HelpOther))
        {
            Error("Answers.HelpWanted", "Select what you would like help with, or describe it under Something else");
        }
        MaxLength(a.HelpOther, 1000, "Answers.HelpOther");
        if (a.EarlierHelp is not ("Yes" or "No"))
        {
            Error("Answers.EarlierHelp", "Select whether you have had help before");
        }
        MaxLength(a.EarlierHelpDetails, 1000, "Answers.EarlierHelpDetails");
    }
}
