namespace Parasol.Core.Staff;

/// <summary>The back-office roles; a person may hold several.</summary>
public static class StaffRole
{
    public const string RegistryClerk = "RegistryClerk";
    public const string SocialWorker = "SocialWorker";
    public const string FamilyAssistant = "FamilyAssistant";
    public const string Director = "Director";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [RegistryClerk, SocialWorker, FamilyAssistant, Director, Administrator];
}
