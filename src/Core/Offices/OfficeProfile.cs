using Parasol.Core.Cases;

namespace Parasol.Core.Offices;

/// <summary>Everything that names the office running this instance. There is one row.</summary>
public sealed class OfficeProfile
{
    public int Id { get; set; } = 1;
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public Address Address { get; set; } = new();
    public List<string> Phones { get; set; } = [];
    public string Email { get; set; } = "";
    public string? EpuapAddress { get; set; }
    public string WebsiteUrl { get; set; } = "";

    public string DataProtectionOfficerName { get; set; } = "";
    public string DataProtectionOfficerEmail { get; set; } = "";
    public string? DataProtectionOfficerPhone { get; set; }

    /// <summary>The unit code that starts every case number, e.g. <c>OPS</c>.</summary>
    public string CaseNumberPrefix { get; set; } = "OPS";

    public List<OpeningHours> OpeningHours { get; set; } = [];
    public List<FileClassification> FileClassifications { get; set; } = [];

    /// <summary>
    /// The JRWA symbols and retention most offices use for Parasol's case types; a new office starts with these and
    /// changes them in Admin → Office if its own list differs.
    /// </summary>
    public static List<FileClassification> StandardFileClassifications() =>
    [
        new() { CaseType = CaseType.AssistantRequest, Symbol = "4010", RetentionCategory = "B10", RetentionYears = 10 },
        new() { CaseType = CaseType.ZaZyciemSupport, Symbol = "4011", RetentionCategory = "B10", RetentionYears = 10 },
        new() { CaseType = CaseType.OneTimeBenefit, Symbol = "4012", RetentionCategory = "B10", RetentionYears = 10 },
        new() { CaseType = CaseType.Referral, Symbol = "4013", RetentionCategory = "B10", RetentionYears = 10 },
        new() { CaseType = CaseType.AccessibilityRequest, Symbol = "0630", RetentionCategory = "B5", RetentionYears = 5 },
    ];
}
