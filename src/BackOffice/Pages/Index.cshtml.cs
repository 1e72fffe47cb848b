using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Core.Data;

namespace Parasol.BackOffice.Pages;

public sealed class IndexModel(ParasolDbContext db) : PageModel
{
    public int OpenCases { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var closed = new[] { CaseStatus.Closed, CaseStatus.Refused, CaseStatus.ReferredElsewhere, CaseStatus.LeftUnexamined, CaseStatus.Rejected, CaseStatus.Merged };
        OpenCases = await db.Cases.CountAsync(c => !closed.Contains(c.Status), cancellationToken);
    }
}
