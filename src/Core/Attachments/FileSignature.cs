namespace Parasol.Core.Attachments;

/// <summary>Tells a file's type from its first bytes, whatever its name claims.</summary>
public static class FileSignature
{
    public const int BytesNeeded = 8;

    private static readonly (string ContentType, byte[] Magic)[] Known =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    public static string? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var (contentType, magic) in Known)
        {
            if (head.StartsWith(magic))
            {
                return contentType;
            }
        }
        return null;
    }
}
