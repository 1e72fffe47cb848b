using Microsoft.AspNetCore.Identity;
using Parasol.Core.Districts;

namespace Parasol.Core.Staff;

/// <summary>A member of staff who signs in to the back office.</summary>
public sealed class StaffMember : IdentityUser<Guid>
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public bool IsActive { get; set; } = true;

    /// <summary>Absences (leave, sickness): routing skips a worker on these dates.</summary>
    public DateOnly? AbsentFrom { get; set; }
    public DateOnly? AbsentUntil { get; set; }

    public List<District> Districts { get; set; } = [];

    public string DisplayName => $"{FirstName} {LastName}";
}
