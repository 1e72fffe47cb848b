namespace Parasol.Portal.Pages.Apply.FamilyAssistant;

public sealed class ContactModel : ContactStepModel<FamilyAssistantJourney, FamilyAssistantState>
{
    protected override ContactAnswers Get(FamilyAssistantState state) => state.Contact;

    protected override void Set(FamilyAssistantState state, ContactAnswers answers) => state.Contact = answers;
}
