namespace Parasol.Core.Attachments;

/// <summary>
/// A stream read once, from its start to its end: it cannot seek, be written to or tell its length. Subclasses supply
/// the reading (and may tell how far they have read through <see cref="Position"/>).
/// </summary>
public abstract class ReadOnlyForwardStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
