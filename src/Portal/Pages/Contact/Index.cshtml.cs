using Microsoft.AspNetCore.Mvc.RazorPages;
using Parasol.Core.Offices;
using Parasol.Portal.Office;

namespace Parasol.Portal.Pages.Contact;

public sealed class ContactModel(OfficeProfileService offices, TimeProvider time) : PageModel
{
    public OfficeProfile Office { get; private set; } = null!;
    public OfficeHoursNow Hours { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Office = await offices.GetAsync(cancellationToken);
        Hours = OfficeHoursNow.For(Office, time);
    }
}
