using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Staff;

namespace Parasol.Core.Access;

/// <summary>
/// Who sees which cases (least privilege): clerks and the director see all; a social worker the cases of their districts
/// and those assigned to them; a family assistant only the families assigned to them; anyone else (an administrator
/// without a case role, a deactivated account) none.
/// </summary>
public sealed class CaseAccess(ParasolDbContext db)
{
    public async Task<StaffScope> ForStaffAsync(Guid staffId, CancellationToken cancellationToken = default)
    {
        var member = await db.Users.AsNoTracking()
            .Where(u => u.Id == staffId)
            .Select(u => new { u.IsActive, Districts = u.Districts.Select(d => d.Id).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is not { IsActive: true })
        {
            return new StaffScope(staffId, new HashSet<string>(), [], db.Cases.Where(_ => false), db.QueueTallies.Where(_ => false));
        }
        var roles = (await db.UserRoles.Where(ur => ur.UserId == staffId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new StaffScope(staffId, roles, member.Districts, Filter(db.Cases, staffId, roles, member.Districts),
            Filter(db.QueueTallies, staffId, roles, member.Districts));
    }

    /// <summary>The rule itself, as a filter over any case query (or over the queue's tallies, which keep the same assignment).</summary>
    public static IQueryable<T> Filter<T>(IQueryable<T> cases, Guid staffId, IReadOnlySet<string> roles, IReadOnlyList<Guid> districtIds)
        where T : class, ICaseAssignment
    {
        if (roles.Contains(StaffRole.RegistryClerk) || roles.Contains(StaffRole.Director))
        {
            return cases;
        }
        var worker = roles.Contains(StaffRole.SocialWorker);
        var assistant = roles.Contains(StaffRole.FamilyAssistant);
        if (!worker && !assistant)
        {
            return cases.Where(_ => false);
        }
        var districts = worker ? districtIds.ToList() : [];
        return cases.Where(c =>
            (worker && (c.SocialWorkerId == staffId || (c.DistrictId != null && districts.Contains(c.DistrictId.Value)))) ||
            (assistant && c.FamilyAssistantId == staffId));
    }
}
