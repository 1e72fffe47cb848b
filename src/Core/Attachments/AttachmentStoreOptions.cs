namespace Parasol.Core.Attachments;

public sealed class AttachmentStoreOptions
{
    public const string SectionName = "Attachments";

    /// <summary>Directory for the file-system store; must lie outside any web root.</summary>
    public string Directory { get; set; } = Path.Combine(".data", "attachments");
}
