namespace Parasol.Core.Attachments;

/// <summary>Metadata of a stored file; the bytes live behind <see cref="IAttachmentStore"/>.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; }

    /// <summary>Null while the file belongs to an unfinished journey.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The unfinished journey the file was uploaded to; cleared when the submit moves it to the case.</summary>
    public Guid? JourneyId { get; set; }

    public AttachmentKind Kind { get; set; }

    /// <summary>The name shown to people, already sanitised.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The type decided from the file's content, not its name.</summary>
    public string ContentType { get; set; } = "";

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes, shown on the receipt.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The key under which <see cref="IAttachmentStore"/> keeps the bytes; never derived from the file name.</summary>
    public string StorageKey { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}
