namespace Parasol.Core.Attachments;

/// <summary>Reads at most the first <c>length</c> bytes of another stream, then reports its end.</summary>
internal sealed class LengthLimitedStream(Stream inner, long length) : ReadOnlyForwardStream
{
    private long _read;
    private long Left => length - _read;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Left <= 0)
        {
            return 0;
        }
        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, Left)], cancellationToken);
        _read += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (Left <= 0)
        {
            return 0;
        }
        var read = inner.Read(buffer, offset, (int)Math.Min(count, Left));
        _read += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>How many bytes have been read so far.</summary>
    public override long Position { get => _read; set => throw new NotSupportedException(); }
}
