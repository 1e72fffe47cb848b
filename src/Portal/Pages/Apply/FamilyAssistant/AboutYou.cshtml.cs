namespace Parasol.Portal.Pages.Apply.FamilyAssistant;

public sealed class AboutYouModel(TimeProvider time) : AboutYouStepModel<FamilyAssistantJourney, FamilyAssistantState>(time)
{
    public override IReadOnlyList<string> Roles => FamilyAssistantJourney.Roles;

    protected override AboutYouAnswers Read(FamilyAssistantState state) => state.AboutYou;

    protected override void Write(FamilyAssistantState state, AboutYouAnswers answers) => state.AboutYou = answers;
}
