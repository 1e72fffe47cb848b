using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Parasol.Portal.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
