namespace Parasol.Portal.Pages.Apply.ZaZyciemSupport;

public sealed class ContactModel : ContactStepModel<SupportJourney, SupportState>
{
    protected override ContactAnswers Get(SupportState state) => state.Contact;

    protected override void Set(SupportState state, ContactAnswers answers) => state.Contact = answers;
}
