using System.Globalization;
using Microsoft.Extensions.Options;
using Parasol.Core.Offices;
using Parasol.Portal.Accessibility;

namespace Parasol.Portal.Pages.Accessibility;

public sealed class AccessibilityModel(OfficeProfileService offices, IOptions<AccessibilityStatementOptions> options)
    : InfoPageModel(offices)
{
    public AccessibilityStatementOptions Statement => options.Value;

    public string Building =>
        Statement.Building.GetValueOrDefault(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
        ?? Statement.Building.GetValueOrDefault("pl") ?? "";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
