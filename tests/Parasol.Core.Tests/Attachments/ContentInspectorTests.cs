using System.Text;
using Parasol.Core.Attachments;

namespace Parasol.Core.Tests.Attachments;

/// <summary>
/// The inspector reads an upload in whatever pieces the stream gives it; its verdict must be the one the rules give
/// for the whole file at once, however the file is cut, for files made of the very tokens it looks for.
/// </summary>
public sealed class ContentInspectorTests
{
    private static readonly string[] Types = ["application/pdf", "image/png", "image/jpeg"];

    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "stream", "endstream", "endstre", "ndstream", "strea", "m", "s", "st", "/JavaScript", "/J#61vaScript", "/J#61va#53cript",
            "/JS", "/JS#", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/Type", "/Name", "/", "#", "#4", "#4A",
            " ", "  ", "\n", "\r\n", "\t", "(", ")", "<<", ">>", "[", "]", "%", "<script", "<SCRIPT", "<ScRiPt", "<scrip", "t",
            "<html", "<!DOCTYPE html", "<!doctype htm", "<iframe", "<object", "<embed", "<?php", "<", "%%EOF", "%%EO", "F", "%%",
        }.Select(Encoding.Latin1.GetBytes),
        [0], [0, 0, 0], [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82], [0x49, 0x45, 0x4E], [0x44, 0xAE, 0x42, 0x60, 0x82],
        [0xFF, 0xD9], [0xFF], [0xD9], [0x0C], "ftyp"u8.ToArray(), [0xFF, 0xD9, 0, 0, 0, 0x18, .. "ftyp"u8], [0, 0, 0x18, .. "ftyp"u8],
    ];

    [Fact]
    public void Any_cut_of_any_file_gives_the_verdict_of_the_whole_file()
    {
        var random = new Random(20261124);
        for (var n = 0; n < 4000; n++)
        {
            var type = Types[random.Next(Types.Length)];
            var file = RandomFile(random);
            var expected = (WholeFileVerdict(file, type), KeepOnlyFirst(file, type));
            foreach (var cut in new[] { 1, 7, 16, 17, 4096, 0 })
            {
                Assert.True(expected == InspectKeeping(file, type, cut, random), $"{type}, cut {cut}: {Encoding.Latin1.GetString(file)}");
            }
        }
    }

    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj << /S /JavaScript >>\n%%EOF\n", UploadProblem.ActiveContent)]
    [InlineData("%PDF-1.7\nstream\n/JavaScript\nendstream\n%%EOF\n", UploadProblem.None)]
    [InlineData("%PDF-1.7\nstream\nendstrendstream /JavaScript\n%%EOF\n", UploadProblem.ActiveContent)]
    [InlineData("%PDF-1.7\nstream\nendstre\nendstream /JS /Launch\n%%EOF\n", UploadProblem.ActiveContent)]
    [InlineData("%PDF-1.7\n%%EOF\n<!DocType HTML>", UploadProblem.HiddenContent)]
    [InlineData("%PDF-1.7\n%%EOF\n\r\n \0", UploadProblem.None)]
    [InlineData("%PDF-1.7\n%%EOF\nx", UploadProblem.HiddenContent)]
    [InlineData("%PDF-1.7\n%%EO", UploadProblem.Damaged)]
    public void Pdfs(string file, UploadProblem expected)
    {
        var bytes = Encoding.Latin1.GetBytes(file);
        for (var cut = 1; cut <= bytes.Length; cut++)
        {
            Assert.Equal(expected, Inspect(bytes, "application/pdf", cut, null));
        }
    }

    [Fact]
    public void A_two_megabyte_pdf_is_read_in_128_kb_pieces_without_a_copy_of_any()
    {
        var pdf = new byte[2 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        pdf.AsSpan(9, pdf.Length - 16).Fill((byte)' ');
        "\n%%EOF\n"u8.CopyTo(pdf.AsSpan(pdf.Length - 7));
        var inspector = new ContentInspector("application/pdf");
        inspector.Feed(pdf.AsSpan(0, 128 * 1024)); // the first read sets everything up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var at = 128 * 1024; at < pdf.Length; at += 128 * 1024)
        {
            inspector.Feed(pdf.AsSpan(at, Math.Min(128 * 1024, pdf.Length - at)));
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(UploadProblem.None, inspector.Verdict());
        Assert.True(allocated < 1024, $"{allocated} bytes allocated");
    }

    private static byte[] RandomFile(Random random)
    {
        var file = new List<byte>();
        var count = random.Next(1, 40);
        for (var i = 0; i < count; i++)
        {
            if (random.Next(8) == 0)
            {
                var noise = new byte[random.Next(1, 20)];
                random.NextBytes(noise);
                file.AddRange(noise);
            }
            else
            {
                file.AddRange(Tokens[random.Next(Tokens.Length)]);
            }
        }
        return [.. file];
    }

    /// <summary>Cut into pieces of <paramref name="cut"/> bytes, or of random sizes when it is 0.</summary>
    private static UploadProblem Inspect(byte[] file, string type, int cut, Random? random) => InspectKeeping(file, type, cut, random).Verdict;

    private static (UploadProblem Verdict, long? Keep) InspectKeeping(byte[] file, string type, int cut, Random? random)
    {
        var inspector = new ContentInspector(type);
        for (var at = 0; at < file.Length;)
        {
            var size = Math.Min(cut > 0 ? cut : random!.Next(1, 40), file.Length - at);
            inspector.Feed(file.AsSpan(at, size));
            at += size;
        }
        return (inspector.Verdict(), inspector.KeepOnlyFirst);
    }

    /// <summary>A photo followed by a video (a motion photo): end of image, 4 bytes, "ftyp"; the photo is kept.</summary>
    private static long? KeepOnlyFirst(byte[] file, string type)
    {
        if (type != "image/jpeg" || WholeFileVerdict(file, type) != UploadProblem.None)
        {
            return null;
        }
        for (var at = 0; at + 10 <= file.Length; at++)
        {
            if (file[at] == 0xFF && file[at + 1] == 0xD9 && file.AsSpan(at + 6, 4).SequenceEqual("ftyp"u8))
            {
                return at + 2;
            }
        }
        return null;
    }

    /// <summary>The rules, read off the whole file at once, as plainly as they can be written.</summary>
    private static UploadProblem WholeFileVerdict(byte[] file, string type)
    {
        var pdf = type == "application/pdf";
        if (pdf && HasActivePdfName(file))
        {
            return UploadProblem.ActiveContent;
        }
        var folded = Encoding.Latin1.GetString([.. file.Select(b => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b)]);
        string[] markup = ["<script", "<html", "<!doctype html", "<iframe", "<object", "<embed", "<?php"];
        if (markup.Any(m => folded.Contains(m, StringComparison.Ordinal)))
        {
            return UploadProblem.HiddenContent;
        }
        if (type == "image/jpeg" && Enumerable.Range(0, Math.Max(0, file.Length - 9))
            .Any(at => file[at] == 0xFF && file[at + 1] == 0xD9 && file.AsSpan(at + 6, 4).SequenceEqual("ftyp"u8)))
        {
            return UploadProblem.None;
        }
        byte[] end = type switch
        {
            "application/pdf" => "%%EOF"u8.ToArray(),
            "image/png" => [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82],
            _ => [0xFF, 0xD9],
        };
        var endAt = file.AsSpan().LastIndexOf(end);
        if (endAt < 0)
        {
            return UploadProblem.Damaged;
        }
        var lastMeaningful = Array.FindLastIndex(file, b => !(b == 0 || (pdf && b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0x0C)));
        return lastMeaningful >= endAt + end.Length ? UploadProblem.HiddenContent : UploadProblem.None;
    }

    /// <summary>
    /// Names (a slash, then up to a delimiter, #xx decoded) outside streams; a stream runs from "stream" to the next
    /// "endstream", and a name cut by a stream goes on after it.
    /// </summary>
    private static bool HasActivePdfName(byte[] file)
    {
        string[] active = ["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia"];
        byte[] bytes = [.. file, (byte)' '];
        var name = new StringBuilder();
        var inName = false;
        var hexDigits = -1;
        var hexValue = 0;
        var regionStart = 0;
        for (var p = 0; p < bytes.Length; p++)
        {
            var b = bytes[p];
            var consumed = false;
            if (inName)
            {
                var digit = Uri.IsHexDigit((char)b) ? Convert.ToInt32(((char)b).ToString(), 16) : -1;
                if (hexDigits >= 0 && digit >= 0)
                {
                    hexValue = (hexValue * 16) + digit;
                    if (++hexDigits == 2)
                    {
                        name.Append((char)hexValue);
                        hexDigits = -1;
                    }
                    consumed = true;
                }
                else
                {
                    hexDigits = -1;
                    if (b == '#')
                    {
                        (hexDigits, hexValue) = (0, 0);
                        consumed = true;
                    }
                    else if (!" \r\n\t\f\0/[]<>(){}%".Contains((char)b, StringComparison.Ordinal))
                    {
                        name.Append((char)b);
                        consumed = true;
                    }
                    else
                    {
                        inName = false;
                        if (active.Contains(name.ToString()))
                        {
                            return true;
                        }
                    }
                }
            }
            if (!consumed && b == '/')
            {
                inName = true;
                name.Clear();
            }
            if (p - regionStart >= 5 && bytes.AsSpan(p - 5, 6).SequenceEqual("stream"u8))
            {
                var endStream = bytes.AsSpan(p + 1).IndexOf("endstream"u8);
                if (endStream < 0)
                {
                    return false;
                }
                p += endStream + 9;
                regionStart = p + 1;
            }
        }
        return false;
    }
}
