namespace Parasol.Portal.Pages.Apply.ZaZyciemBenefit;

public sealed class IndexModel : StartPageModel<BenefitJourney, BenefitState>;
