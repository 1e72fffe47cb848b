using Parasol.Core.Offices;

namespace Parasol.Portal.Pages.ZaZyciem;

public sealed class ZaZyciemModel(OfficeProfileService offices) : InfoPageModel(offices);
