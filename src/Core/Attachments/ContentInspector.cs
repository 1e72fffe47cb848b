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
internal sealed class ContentInspector(string contentType)
{
    private static readonly byte[][] Markup =
        [.. new[] { "<script", "<html", "<!doctype html", "<iframe", "<object", "<embed", "<?php" }.Select(Encoding.ASCII.GetBytes)];

    private static readonly HashSet<string> ActivePdfNames = ["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia"];

    private static readonly byte[] PdfEnd = "%%EOF"u8.ToArray();
    private static readonly byte[] PngEnd = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
    private static readonly byte[] JpegEnd = [0xFF, 0xD9];
    private static readonly byte[] Mp4FileType = "ftyp"u8.ToArray();

    private readonly byte[] _carry = new byte[16];
    private int _carryLength;
    private long _offset;
    private long _endMarkerAt = -1;
    private long _lastMeaningfulAt = -1;
    private long _videoAt = -1;
    private bool _markup;
    private bool _activePdf;
    private readonly StringBuilder _name = new();
    private bool _inName;
    private int _hexDigits = -1;
    private int _hexValue;
    private bool _inStream;
    private int _streamMatched;
    private int _endStreamMatched;

    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] EndStream = "endstream"u8.ToArray();

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
        // The carried tail of the previous chunk lets a marker split across two reads still be found.
        var window = new byte[_carryLength + chunk.Length];
        _carry.AsSpan(0, _carryLength).CopyTo(window);
        chunk.CopyTo(window.AsSpan(_carryLength));
        var windowStart = _offset - _carryLength;

        FindMarkup(window);
        if (contentType == "image/jpeg" && _videoAt < 0)
        {
            FindAppendedVideo(window, windowStart);
        }
        var end = EndMarker;
        var at = window.AsSpan().LastIndexOf(end);
        if (at >= 0 && at + end.Length > _carryLength)
        {
            _endMarkerAt = windowStart + at + end.Length;
        }
        for (var i = chunk.Length - 1; i >= 0; i--)
        {
            if (!IsPadding(chunk[i]))
            {
                _lastMeaningfulAt = _offset + i;
                break;
            }
        }
        if (contentType == "application/pdf")
        {
            foreach (var b in chunk)
            {
                ReadPdf(b);
            }
        }

        _offset += chunk.Length;
        _carryLength = Math.Min(_carry.Length, window.Length);
        window.AsSpan(window.Length - _carryLength).CopyTo(_carry);
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
    /// An end-of-image marker followed at once by an MP4 file's first box (4 bytes of size, then "ftyp"): the pattern
    /// cannot occur inside a JPEG's compressed data, where 0xFF is always followed by 0x00 or a restart marker.
    /// </summary>
    private void FindAppendedVideo(byte[] window, long windowStart)
    {
        var span = window.AsSpan();
        for (var from = 0; ;)
        {
            var at = span[from..].IndexOf(JpegEnd);
            if (at < 0)
            {
                return;
            }
            at += from;
            if (at + 2 + 8 > span.Length)
            {
                return; // seen again with the next chunk (the carry holds the last 16 bytes)
            }
            if (span.Slice(at + 2 + 4, 4).SequenceEqual(Mp4FileType))
            {
                _videoAt = windowStart + at + 2;
                return;
            }
            from = at + 1;
        }
    }

    private bool IsPadding(byte b) => b == 0 || (contentType == "application/pdf" && b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0x0C);

    private void FindMarkup(byte[] window)
    {
        if (_markup)
        {
            return;
        }
        var lower = new byte[window.Length];
        for (var i = 0; i < window.Length; i++)
        {
            lower[i] = window[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(window[i] + 32) : window[i];
        }
        _markup = Markup.Any(m => lower.AsSpan().IndexOf(m) >= 0);
    }

    /// <summary>
    /// PDF syntax outside streams: name tokens (/Name, #xx escapes decoded, so "/J#61vaScript" is still JavaScript).
    /// Stream contents (compressed images, fonts) are skipped: read as names, random bytes would match "/JS" too often.
    /// </summary>
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

    private static int Match(byte[] keyword, int matched, byte b) =>
        keyword[matched] == b ? matched + 1 : keyword[0] == b ? 1 : 0;

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
                        _name.Append((char)_hexValue);
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
            if (!IsDelimiter(b) && _name.Length < 32)
            {
                _name.Append((char)b);
                return;
            }
            _inName = false;
            _activePdf |= ActivePdfNames.Contains(_name.ToString());
        }
        if (b == '/')
        {
            _inName = true;
            _name.Clear();
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
