using Microsoft.AspNetCore.Mvc;

namespace Parasol.Portal.Pages.Apply.FamilyAssistant;

public sealed class IndexModel : StartPageModel<FamilyAssistantJourney, FamilyAssistantState>;
