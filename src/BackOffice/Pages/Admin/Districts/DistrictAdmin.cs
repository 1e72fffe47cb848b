using Microsoft.EntityFrameworkCore;
using Parasol.Core.Data;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Pages.Admin.Districts;

internal static class DistrictAdmin
{
    /// <summary>Active staff holding the social worker role: the only people a district can route to.</summary>
    public static Task<List<StaffMember>> SocialWorkersAsync(ParasolDbContext db, CancellationToken cancellationToken) =>
        (from user in db.Users
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where role.Name == StaffRole.SocialWorker && user.IsActive
         orderby user.LastName, user.FirstName
         select user).ToListAsync(cancellationToken);
}
