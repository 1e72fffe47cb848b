namespace Parasol.Core.Cases;

/// <summary>Who referred the family, for cases that come from a school, court or other institution.</summary>
public sealed class ReferringInstitution
{
    public InstitutionType Type { get; set; }
    public string Name { get; set; } = "";
    public string ContactPerson { get; set; } = "";
    public string ContactRole { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? CourtCaseSignature { get; set; }
}
