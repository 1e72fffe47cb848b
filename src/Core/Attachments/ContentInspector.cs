using System.Buffers;
using System.Text;

namespace Parasol.Core.Attachments;

/// <summary>
/// Reads an upload once, as it streams to the store, for what its first bytes cannot tell: a file cut short, something
/// appended after the document's end (a polyglot: a PDF or image that is also a ZIP, a script or a web page), markup a
/// browser would run, and a PDF's active content (JavaScript, launch actions, embedded files), which we refuse rather
/// than flag: staff open these files, and a scan or a printed-again PDF carries none of it.
/// <para>
/// One trailer is expected rather than hostile: phones save "motion photos" (Google, Samsung) as the JPEG followed by a
/// short MP4 video. A family photographing a certificate should not be refused for that, and the office should not keep
/// a video of their home: the photo is kept alone (<see cref="KeepOnlyFirst"/>), the video never stored.
/// </para>
/// </summary>
/// <remarks>
/// Every byte is still looked at, but with vectorised searches over each chunk rather than one byte at a time, and
/// without copying the chunk: a 2 MB upload used to cost two copies of every read (the stream's 128 KB reads, so on
/// the large-object heap, collected only by full collections) and a few calls per byte (bench/submit).
/// What a marker split across two reads needs is the carried tail of the previous read: at most 16 bytes.
/// </remarks>
internal sealed class ContentInspector(string contentType)
{
    private static readonly byte[][] Markup =
        [.. new[] { "<script", "<html", "<!doctype html", "<iframe", "<object", "<embed", "<?php" }.Select(Encoding.ASCII.GetBytes)];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ActivePdfNames =
        new HashSet<string>(["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia"], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly byte[] PdfEnd = "%%EOF"u8.ToArray();
    private static readonly byte[] PngEnd = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
    private static readonly byte[] JpegEnd = [0xFF, 0xD9];
    private static readonly byte[] Mp4FileType = "ftyp"u8.ToArray();

    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] EndStream = "endstream"u8.ToArray();

    private static readonly SearchValues<byte> PdfPadding = SearchValues.Create([0, (byte)' ', (byte)'\r', (byte)'\n', (byte)'\t', 0x0C]);
    private static readonly SearchValues<byte> ZeroPadding = SearchValues.Create([0]);

    /// <summary>Outside streams and names, only a name's slash or the "s" of "stream" changes anything.</summary>
    private static readonly SearchValues<byte> PdfSyntaxStarts = SearchValues.Create("/s"u8);

    /// <summary>Longer than the longest marker, so one split across two reads is always whole in carry and next read.</summary>
    private const int CarryBytes = 16;

    /// <summary>Longer than every name we look for; a longer name is none of them.</summary>
    private const int NameChars = 32;

    private readonly byte[] _carry = new byte[CarryBytes];
    private readonly byte[] _seam = new byte[2 * CarryBytes];
    private int _carryLength;
    private long _offset;
    private long _endMarkerAt = -1;
    private long _lastMeaningfulAt = -1;
    private long _videoAt = -1;
    private bool _markup;
    private bool _activePdf;
    private readonly char[] _name = new char[NameChars];
    private int _nameLength;
    private bool _nameTooLong;
    private bool _inName;
    private int _hexDigits = -1;
    private int _hexValue;
    private bool _inStream;
    private int _streamMatched;
    private int _endStreamMatched;

    private bool IsPdf => contentType == "application/pdf";

    private byte[] EndMarker => contentType switch
    {
        "application/pdf" => PdfEnd,
        "image/png" => PngEnd,
        _ => JpegEnd,
    };

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            return;
        }
        // The seam: the carried tail of the previous read and the start of this one, where a marker split across the
        // two reads is whole. Markers wholly inside this read are found in the read itself.
        var head = chunk[..Math.Min(chunk.Length, CarryBytes)];
        _carry.AsSpan(0, _carryLength).CopyTo(_seam);
        head.CopyTo(_seam.AsSpan(_carryLength));
        var seam = _seam.AsSpan(0, _carryLength + head.Length);

        _markup = _markup || HasMarkup(seam) || HasMarkup(chunk);
        if (contentType == "image/jpeg" && _videoAt < 0)
        {
            // The first one: one that starts in the carried tail comes before any in this read.
            var split = IndexOfAppendedVideo(seam);
            var inChunk = split >= 0 && split < _carryLength ? -1 : IndexOfAppendedVideo(chunk);
            _videoAt = split >= 0 && split < _carryLength ? _offset - _carryLength + split + JpegEnd.Length
                : inChunk >= 0 ? _offset + inChunk + JpegEnd.Length
                : -1;
        }

        var end = EndMarker;
        var at = chunk.LastIndexOf(end);
        if (at >= 0)
        {
            _endMarkerAt = _offset + at + end.Length;
        }
        else
        {
            // Only one that ends in this read; one wholly in the carried tail was counted with the previous read.
            var split = seam.LastIndexOf(end);
            if (split >= 0 && split + end.Length > _carryLength)
            {
                _endMarkerAt = _offset - _carryLength + split + end.Length;
            }
        }
        var meaningful = chunk.LastIndexOfAnyExcept(IsPdf ? PdfPadding : ZeroPadding);
        if (meaningful >= 0)
        {
            _lastMeaningfulAt = _offset + meaningful;
        }
        if (IsPdf)
        {
            ReadPdf(chunk);
        }

        _offset += chunk.Length;
        // The last bytes seen, for the next read's seam.
        var tail = chunk.Length >= CarryBytes ? chunk[^CarryBytes..] : seam[^Math.Min(CarryBytes, seam.Length)..];
        tail.CopyTo(_carry);
        _carryLength = tail.Length;
    }

    /// <summary>
    /// When the upload is a photo with a video appended (a motion photo): how many bytes to keep, the photo up to its
    /// end-of-image marker. Set by <see cref="Verdict"/>.
    /// </summary>
    public long? KeepOnlyFirst { get; private set; }

    public UploadProblem Verdict()
    {
        ReadPdf((byte)' ');
        if (_activePdf)
        {
            return UploadProblem.ActiveContent;
        }
        if (_markup)
        {
            return UploadProblem.HiddenContent;
        }
        if (_videoAt >= 0)
        {
            KeepOnlyFirst = _videoAt;
            return UploadProblem.None;
        }
        if (_endMarkerAt < 0)
        {
            return UploadProblem.Damaged;
        }
        // After the document's end marker only padding may follow (PDF writers add a line break, some scanners zeros).
        return _lastMeaningfulAt >= _endMarkerAt ? UploadProblem.HiddenContent : UploadProblem.None;
    }

    /// <summary>
    /// Where an end-of-image marker is followed at once by an MP4 file's first box (4 bytes of size, then "ftyp"): the
    /// pattern cannot occur inside a JPEG's compressed data, where 0xFF is always followed by 0x00 or a restart marker.
    /// One cut short at the end of <paramref name="bytes"/> is seen whole with the next read (the carry holds 16 bytes).
    /// </summary>
    private static int IndexOfAppendedVideo(ReadOnlySpan<byte> bytes)
    {
        for (var from = 0; ;)
        {
            var at = bytes[from..].IndexOf(JpegEnd);
            if (at < 0)
            {
                return -1;
            }
            at += from;
            if (at + JpegEnd.Length + 8 > bytes.Length)
            {
                return -1;
            }
            if (bytes.Slice(at + JpegEnd.Length + 4, 4).SequenceEqual(Mp4FileType))
            {
                return at;
            }
            from = at + 1;
        }
    }

    /// <summary>Any of the markers, in any letter case, starting anywhere in <paramref name="bytes"/>.</summary>
    private static bool HasMarkup(ReadOnlySpan<byte> bytes)
    {
        int at;
        while ((at = bytes.IndexOf((byte)'<')) >= 0)
        {
            var candidate = bytes[at..];
            foreach (var marker in Markup)
            {
                if (candidate.Length >= marker.Length && EqualsIgnoringAsciiCase(candidate[..marker.Length], marker))
                {
                    return true;
                }
            }
            bytes = bytes[(at + 1)..];
        }
        return false;
    }

    /// <summary>The markers are lower case; only A-Z in the file are folded, as a browser folds tag names.</summary>
    private static bool EqualsIgnoringAsciiCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> lowerCase)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(bytes[i] + 32) : bytes[i];
            if (b != lowerCase[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// PDF syntax outside streams: name tokens (/Name, #xx escapes decoded, so "/J#61vaScript" is still JavaScript).
    /// Stream contents (compressed images, fonts) are skipped up to the next "endstream": read as names, random bytes
    /// would match "/JS" too often.
    /// </summary>
    private void ReadPdf(ReadOnlySpan<byte> chunk)
    {
        var i = 0;
        while (i < chunk.Length)
        {
            if (_inStream && _endStreamMatched == 0)
            {
                var found = chunk[i..].IndexOf(EndStream);
                if (found >= 0)
                {
                    _inStream = false;
                    i += found + EndStream.Length;
                    continue;
                }
                // No whole "endstream" here: only the last few bytes can be the start of one that the next read ends.
                i = Math.Max(i, chunk.Length - (EndStream.Length - 1));
            }
            else if (!_inStream && !_inName && _streamMatched == 0)
            {
                var next = chunk[i..].IndexOfAny(PdfSyntaxStarts);
                if (next < 0)
                {
                    return;
                }
                i += next;
            }
            ReadPdf(chunk[i]);
            i++;
        }
    }

    private void ReadPdf(byte b)
    {
        if (_inStream)
        {
            _endStreamMatched = Match(EndStream, _endStreamMatched, b);
            if (_endStreamMatched == EndStream.Length)
            {
                _inStream = false;
                _endStreamMatched = 0;
            }
            return;
        }
        ReadPdfName(b);
        _streamMatched = Match(StreamKeyword, _streamMatched, b);
        if (_streamMatched == StreamKeyword.Length)
        {
            _inStream = true;
            _streamMatched = 0;
        }
    }

    /// <summary>
    /// How much of a keyword the bytes so far end with. Exact for both keywords: "stream" repeats no letter, and the
    /// only repeat in "endstream" is its "e", so "endstre" followed by "n" is already "en" of a new one. (Without that,
    /// "endstrendstream" hid its real end of stream, and names after it, the JavaScript ones too, went unread.)
    /// </summary>
    private static int Match(byte[] keyword, int matched, byte b)
    {
        if (keyword[matched] == b)
        {
            return matched + 1;
        }
        if (ReferenceEquals(keyword, EndStream) && matched == 7 && b == (byte)'n')
        {
            return 2;
        }
        return keyword[0] == b ? 1 : 0;
    }

    private void ReadPdfName(byte b)
    {
        if (_inName)
        {
            if (_hexDigits >= 0)
            {
                var digit = HexValue(b);
                if (digit >= 0)
                {
                    _hexValue = (_hexValue * 16) + digit;
                    if (++_hexDigits == 2)
                    {
                        AppendToName((char)_hexValue);
                        _hexDigits = -1;
                    }
                    return;
                }
                _hexDigits = -1;
            }
            if (b == '#')
            {
                _hexDigits = 0;
                _hexValue = 0;
                return;
            }
            if (!IsDelimiter(b))
            {
                AppendToName((char)b);
                return;
            }
            _inName = false;
            _activePdf |= !_nameTooLong && ActivePdfNames.Contains(_name.AsSpan(0, _nameLength));
        }
        if (b == '/')
        {
            _inName = true;
            _nameLength = 0;
            _nameTooLong = false;
        }
    }

    private void AppendToName(char c)
    {
        if (_nameLength < NameChars)
        {
            _name[_nameLength++] = c;
        }
        else
        {
            _nameTooLong = true;
        }
    }

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0x0C or 0
        or (byte)'/' or (byte)'[' or (byte)']' or (byte)'<' or (byte)'>' or (byte)'(' or (byte)')' or (byte)'{' or (byte)'}' or (byte)'%';

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
