using System.Security.Cryptography;

namespace Parasol.Core.Attachments;

/// <summary>
/// Reads through another stream, hashing and counting as it goes, and fails as soon as more than the limit has passed,
/// so an oversized upload is refused without ever being held whole.
/// </summary>
internal sealed class CountingHashStream(Stream inner, long limit, ContentInspector? inspector = null) : ReadOnlyForwardStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Count(buffer.Span[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Count(buffer.AsSpan(offset, read));
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Count(ReadOnlySpan<byte> bytes)
    {
        BytesRead += bytes.Length;
        if (BytesRead > limit)
        {
            throw new AttachmentTooLargeException();
        }
        _hash.AppendData(bytes);
        inspector?.Feed(bytes);
    }

    /// <summary>How many bytes have been read so far.</summary>
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}

internal sealed class AttachmentTooLargeException : Exception
{
    public AttachmentTooLargeException()
        : base("The upload passed the size limit.")
    {
    }
}
