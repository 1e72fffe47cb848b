namespace Parasol.Portal.Pages.Apply.ZaZyciemSupport;

public sealed class IndexModel : StartPageModel<SupportJourney, SupportState>;
