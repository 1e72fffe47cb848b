using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Data;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Admin.Staff;

[Authorize(Roles = StaffRole.Administrator)]
public sealed class IndexModel(ParasolDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Email, IReadOnlyList<string> Roles, bool IsActive, bool TwoFactorEnabled);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        Rows = (await db.Users.OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ToListAsync(cancellationToken))
            .Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(), u.IsActive, u.TwoFactorEnabled))
            .ToList();
    }
}
