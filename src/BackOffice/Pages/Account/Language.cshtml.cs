using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parasol.Core.Localization;
using Parasol.Core.Web;

namespace Parasol.BackOffice.Pages.Account;

/// <summary>The language switcher: remembers the choice in a cookie and goes back to the page.</summary>
public sealed class LanguageModel(IWebHostEnvironment environment) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        if (ParasolCultures.IsSupported(culture))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieBuilder
                {
                    MaxAge = TimeSpan.FromDays(365),
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    SecurePolicy = SecurityHeaders.CookieSecure(environment),
                    IsEssential = true,
                }.Build(HttpContext));
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
