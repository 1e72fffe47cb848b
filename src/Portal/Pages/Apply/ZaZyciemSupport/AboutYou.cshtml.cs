namespace Parasol.Portal.Pages.Apply.ZaZyciemSupport;

public sealed class AboutYouModel(TimeProvider time) : AboutYouStepModel<SupportJourney, SupportState>(time)
{
    public override IReadOnlyList<string> Roles => SupportJourney.Roles;

    protected override AboutYouAnswers Read(SupportState state) => state.AboutYou;

    protected override void Write(SupportState state, AboutYouAnswers answers) => state.AboutYou = answers;
}
