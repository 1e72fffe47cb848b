namespace Parasol.Core.Attachments;

/// <summary>Which store keeps attachment bytes (section <c>Attachments</c>).</summary>
public enum AttachmentStoreKind
{
    /// <summary>A directory on this machine (or a shared volume); the default.</summary>
    FileSystem = 0,

    /// <summary>A bucket on an S3-compatible server (MinIO, Ceph, AWS S3…), so several machines share the files.</summary>
    S3 = 1,
}

public sealed class AttachmentStoreOptions
{
    public const string SectionName = "Attachments";

    public AttachmentStoreKind Store { get; set; } = AttachmentStoreKind.FileSystem;

    /// <summary>Directory for the file-system store; must lie outside any web root.</summary>
    public string Directory { get; set; } = Path.Combine(".data", "attachments");

    public S3StoreOptions S3 { get; set; } = new();
}

/// <summary>Settings of the S3-compatible store (section <c>Attachments:S3</c>).</summary>
public sealed class S3StoreOptions
{
    /// <summary>The server's address, e.g. <c>http://minio:9000</c>; empty means AWS itself in <see cref="Region"/>.</summary>
    public string Endpoint { get; set; } = "";

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "parasol-attachments";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Address buckets as <c>endpoint/bucket</c> instead of <c>bucket.endpoint</c>; MinIO needs it.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
