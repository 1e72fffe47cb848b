namespace Parasol.Core.Access;

/// <summary>Who a case belongs to, as the access rule reads it: for cases and for anything that keeps their assignment.</summary>
public interface ICaseAssignment
{
    Guid? DistrictId { get; }
    Guid? SocialWorkerId { get; }
    Guid? FamilyAssistantId { get; }
}
