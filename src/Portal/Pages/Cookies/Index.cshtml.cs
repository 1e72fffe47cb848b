using Microsoft.AspNetCore.Mvc.RazorPages;
using Parasol.Portal.Preferences;

namespace Parasol.Portal.Pages.Cookies;

public sealed class CookiesModel : PageModel
{
    public VisitorPreferences Preferences { get; private set; } = null!;

    public void OnGet() => Preferences = VisitorPreferences.From(Request);
}
