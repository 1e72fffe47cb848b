namespace Parasol.Core.Attachments;

/// <summary>
/// The upload as the sender sends it: a read that fails (the browser closed, the connection reset, the body cut short)
/// becomes <see cref="UploadInterruptedException"/>, so that the store, which sees only one stream, does not take
/// the sender's failure for its own ("store unavailable") and nobody is alerted about a disk that is fine.
/// </summary>
internal sealed class SenderStream(Stream inner) : ReadOnlyForwardStream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException e)
        {
            throw new UploadInterruptedException(e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (IOException e)
        {
            throw new UploadInterruptedException(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}

/// <summary>The upload broke off on the sender's side before its end; nothing of it was kept.</summary>
public sealed class UploadInterruptedException(Exception inner)
    : Exception("The upload broke off before its end.", inner);
