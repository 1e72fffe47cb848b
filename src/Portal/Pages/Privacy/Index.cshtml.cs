using Parasol.Core.Offices;

namespace Parasol.Portal.Pages.Privacy;

public sealed class PrivacyModel(OfficeProfileService offices) : InfoPageModel(offices);
