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
}
