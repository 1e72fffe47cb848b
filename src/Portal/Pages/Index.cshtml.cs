using Microsoft.AspNetCore.Mvc.RazorPages;
using Parasol.Core.Offices;
using Parasol.Core.Time;
using Parasol.Portal.NameDays;
using Parasol.Portal.Office;

namespace Parasol.Portal.Pages;

public sealed class IndexModel(OfficeProfileService offices, NameDayCalendar nameDays, TimeProvider time) : PageModel
{
    public OfficeProfile Office { get; private set; } = null!;
    public OfficeHoursNow Hours { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public IReadOnlyList<string> NameDays { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Office = await offices.GetAsync(cancellationToken);
        Hours = OfficeHoursNow.For(Office, time);
        Today = WarsawTime.Today(time);
        NameDays = nameDays.For(Today);
    }
}
