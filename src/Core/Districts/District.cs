using Parasol.Core.Staff;

namespace Parasol.Core.Districts;

/// <summary>An area of streets and postal codes served by the office's social workers (rejon opiekuńczy).</summary>
public sealed class District
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public List<DistrictStreetRange> StreetRanges { get; set; } = [];
    public List<StaffMember> SocialWorkers { get; set; } = [];
}
