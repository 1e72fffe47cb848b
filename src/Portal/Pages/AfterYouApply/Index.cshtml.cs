using Parasol.Core.Offices;

namespace Parasol.Portal.Pages.AfterYouApply;

public sealed class AfterYouApplyModel(OfficeProfileService offices) : InfoPageModel(offices);
