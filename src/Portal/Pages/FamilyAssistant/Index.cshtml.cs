using Parasol.Core.Offices;

namespace Parasol.Portal.Pages.FamilyAssistant;

public sealed class FamilyAssistantModel(OfficeProfileService offices) : InfoPageModel(offices);
