using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Parasol.Core.Attachments;

/// <summary>
/// A temporary file that holds only ciphertext: what is written is encrypted with AES-256 in counter mode under a key
/// made for this stream and kept only in memory, and what is read is decrypted. A family's document spooled on its way
/// to the store is therefore never on the disk in the clear, and a file left behind by a process that died cannot be
/// read by anyone. Counter mode keeps the stream seekable (the S3 client rewinds it to retry) and the same length as
/// the plain bytes.
/// </summary>
internal sealed class EncryptedSpoolStream : Stream
{
    private const int BlockSize = 16;
    private const int ChunkSize = 64 * 1024;

    private readonly Stream _file;
    private readonly Aes _aes = Aes.Create();
    private readonly byte[] _nonce = RandomNumberGenerator.GetBytes(8);

    public EncryptedSpoolStream(Stream file)
    {
        _file = file;
        _aes.Key = RandomNumberGenerator.GetBytes(32);
    }

    public override bool CanRead => _file.CanRead;
    public override bool CanSeek => _file.CanSeek;
    public override bool CanWrite => _file.CanWrite;
    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void SetLength(long value) => _file.SetLength(value);

    public override void Flush() => _file.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _file.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var position = _file.Position;
        var read = _file.Read(buffer);
        Apply(buffer[..read], position);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var position = _file.Position;
        var read = await _file.ReadAsync(buffer, cancellationToken);
        Apply(buffer.Span[..read], position);
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var cipher = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length, ChunkSize));
        try
        {
            while (!buffer.IsEmpty)
            {
                var length = Math.Min(buffer.Length, cipher.Length);
                buffer[..length].CopyTo(cipher);
                Apply(cipher.AsSpan(0, length), _file.Position);
                _file.Write(cipher, 0, length);
                buffer = buffer[length..];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(cipher);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var cipher = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(buffer.Length, 1), ChunkSize));
        try
        {
            while (!buffer.IsEmpty)
            {
                var length = Math.Min(buffer.Length, cipher.Length);
                buffer.Span[..length].CopyTo(cipher);
                Apply(cipher.AsSpan(0, length), _file.Position);
                await _file.WriteAsync(cipher.AsMemory(0, length), cancellationToken);
                buffer = buffer[length..];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(cipher);
        }
    }

    /// <summary>XORs <paramref name="data"/>, which sits at <paramref name="position"/> in the file, with the key stream.</summary>
    private void Apply(Span<byte> data, long position)
    {
        while (!data.IsEmpty)
        {
            var skip = (int)(position % BlockSize);
            var length = Math.Min(data.Length, ChunkSize - skip);
            var blocks = (skip + length + BlockSize - 1) / BlockSize;
            var counters = ArrayPool<byte>.Shared.Rent(blocks * BlockSize);
            var stream = ArrayPool<byte>.Shared.Rent(blocks * BlockSize);
            try
            {
                var first = position / BlockSize;
                for (var i = 0; i < blocks; i++)
                {
                    var block = counters.AsSpan(i * BlockSize, BlockSize);
                    _nonce.CopyTo(block);
                    BinaryPrimitives.WriteInt64BigEndian(block[8..], first + i);
                }
                _aes.EncryptEcb(counters.AsSpan(0, blocks * BlockSize), stream.AsSpan(0, blocks * BlockSize), PaddingMode.None);
                Xor(data[..length], stream.AsSpan(skip, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(counters);
                ArrayPool<byte>.Shared.Return(stream);
            }
            data = data[length..];
            position += length;
        }
    }

    private static void Xor(Span<byte> data, ReadOnlySpan<byte> key)
    {
        var i = 0;
        for (; i <= data.Length - Vector<byte>.Count; i += Vector<byte>.Count)
        {
            (new Vector<byte>(data[i..]) ^ new Vector<byte>(key[i..])).CopyTo(data[i..]);
        }
        for (; i < data.Length; i++)
        {
            data[i] ^= key[i];
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
