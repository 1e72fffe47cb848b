using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parasol.Core.Offices;

namespace Parasol.Portal.Pages;

/// <summary>
/// An information page: its long text lives in one partial per language next to the page (<c>_Content.pl.cshtml</c>,
/// <c>_Content.en.cshtml</c>, <c>_Content.uk.cshtml</c>), written in that language rather than assembled from phrases.
/// </summary>
public abstract class InfoPageModel(OfficeProfileService offices) : PageModel
{
    public OfficeProfile Office { get; private set; } = null!;

    public static string ContentPartial => $"_Content.{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => Office = await offices.GetAsync(cancellationToken);
}
