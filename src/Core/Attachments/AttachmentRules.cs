namespace Parasol.Core.Attachments;

/// <summary>What the office accepts as an attachment (section <c>Attachments</c>).</summary>
public sealed class AttachmentRules
{
    public const string SectionName = "Attachments";

    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    public long MaxCaseBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>How many files one application may carry.</summary>
    public int MaxFilesPerCase { get; set; } = 20;

    /// <summary>Accepted content types, decided from the file's first bytes: any of pdf, jpeg, png.</summary>
    public List<string> AllowedTypes { get; set; } = ["application/pdf", "image/jpeg", "image/png"];
}
