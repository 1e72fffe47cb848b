using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.Refer;

public sealed class IndexModel : StartPageModel<ReferralJourney, ReferralState>;
