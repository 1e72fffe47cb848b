using System.Text;

namespace Parasol.Core.Tests.Attachments;

/// <summary>Small files with real signatures and end markers, and the impostors the upload rules must refuse.</summary>
public static class TestFiles
{
    private static readonly byte[] PdfHead = "%PDF-1.7\n1 0 obj\n<< /Length 0 >>\nstream\n"u8.ToArray();
    private static readonly byte[] PdfTail = "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] PngEnd = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    /// <summary>A PDF whose body is one stream of random bytes, as a scanned page's image would be.</summary>
    public static byte[] Pdf(int size = 2048) => Framed(PdfHead, size, PdfTail);

    public static byte[] Png(int size = 1024) => Framed([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size, PngEnd);

    public static byte[] Jpeg(int size = 1024) => Framed([0xFF, 0xD8, 0xFF, 0xE0], size, [0xFF, 0xD9]);

    /// <summary>
    /// A phone's "motion photo": the JPEG followed by a short MP4 video (its first box: size, "ftyp", brand "mp42").
    /// </summary>
    public static byte[] MotionPhoto(byte[] photo, int videoSize = 4096) =>
        [.. photo, .. Framed([0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2'], videoSize, [])];

    /// <summary>The start of a Windows executable ("MZ" and the DOS stub), whatever it is named.</summary>
    public static byte[] WindowsExe(int size = 4096) => Framed("MZ\x90\0\x03\0\0\0"u8.ToArray(), size, []);

    /// <summary>A PDF whose document catalogue runs JavaScript when opened; <paramref name="name"/> may be written with #xx escapes.</summary>
    public static byte[] PdfWithJavaScript(string name = "/JavaScript") => Encoding.ASCII.GetBytes(
        "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /OpenAction 2 0 R >>\nendobj\n" +
        $"2 0 obj\n<< /S {name} /JS (app.alert\\('x'\\)) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private static byte[] Framed(byte[] head, int size, byte[] tail)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        head.CopyTo(bytes, 0);
        tail.CopyTo(bytes, size - tail.Length);
        return bytes;
    }
}
