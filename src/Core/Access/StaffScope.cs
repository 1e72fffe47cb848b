using Parasol.Core.Cases;
using Parasol.Core.Queue;
using Parasol.Core.Staff;

namespace Parasol.Core.Access;

/// <summary>
/// A staff member as the access rules see them: their roles and districts, and the cases they may open.
/// Built by <see cref="CaseAccess"/> from the database, never from what the browser sends.
/// </summary>
public sealed class StaffScope
{
    internal StaffScope(Guid staffId, IReadOnlySet<string> roles, IReadOnlyList<Guid> districtIds, IQueryable<Case> cases, IQueryable<QueueTally> tallies)
    {
        StaffId = staffId;
        Roles = roles;
        DistrictIds = districtIds;
        Cases = cases;
        Tallies = tallies;
    }

    public Guid StaffId { get; }
    public IReadOnlySet<string> Roles { get; }
    public IReadOnlyList<Guid> DistrictIds { get; }

    /// <summary>Every case this person may see; every case and attachment query starts here.</summary>
    public IQueryable<Case> Cases { get; }

    /// <summary>The queue's tallies of the same cases, for the tab counts.</summary>
    public IQueryable<QueueTally> Tallies { get; }

    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>Registry clerks and the director see every case.</summary>
    public bool SeesAllCases => IsIn(StaffRole.RegistryClerk) || IsIn(StaffRole.Director);

    public bool HasCaseRole => SeesAllCases || IsIn(StaffRole.SocialWorker) || IsIn(StaffRole.FamilyAssistant);

    /// <summary>Clerks and the director triage: assign, mark urgent, merge, reject.</summary>
    public bool CanTriage => SeesAllCases;
}
