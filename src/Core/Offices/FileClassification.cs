using Parasol.Core.Cases;

namespace Parasol.Core.Offices;

/// <summary>The JRWA symbol and retention rule the office uses for one case type.</summary>
public sealed class FileClassification
{
    public int Id { get; set; }
    public int OfficeProfileId { get; set; }
    public CaseType CaseType { get; set; }

    /// <summary>The JRWA symbol in the case number, e.g. <c>4010</c>.</summary>
    public string Symbol { get; set; } = "";

    /// <summary>Archival category, e.g. <c>B10</c>.</summary>
    public string RetentionCategory { get; set; } = "";

    public int RetentionYears { get; set; }
}
