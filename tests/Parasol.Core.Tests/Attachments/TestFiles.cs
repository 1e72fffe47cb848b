namespace Parasol.Core.Tests.Attachments;

/// <summary>Small files with real signatures, and the impostors the upload rules must refuse.</summary>
public static class TestFiles
{
    public static byte[] Pdf(int size = 2048) => WithHead("%PDF-1.7\n"u8.ToArray(), size);

    public static byte[] Png(int size = 1024) => WithHead([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Jpeg(int size = 1024) => WithHead([0xFF, 0xD8, 0xFF, 0xE0], size);

    /// <summary>The start of a Windows executable ("MZ" and the DOS stub), whatever it is named.</summary>
    public static byte[] WindowsExe(int size = 4096) => WithHead("MZ\x90\0\x03\0\0\0"u8.ToArray(), size);

    private static byte[] WithHead(byte[] head, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
