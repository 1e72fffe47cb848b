using System.Text;
using Parasol.Core.Attachments;

namespace Parasol.Core.Tests.Attachments;

/// <summary>What every attachment store must do; run against the file system and against a real S3-protocol server.</summary>
public abstract class AttachmentStoreContract
{
    protected abstract IAttachmentStore Store { get; }

    /// <summary>Every file the store's backing storage holds, temporary ones included.</summary>
    protected abstract IReadOnlyList<string> StoredFiles();

    [Fact]
    public async Task Saved_bytes_come_back_and_are_gone_after_delete()
    {
        var key = NewKey();

        await Store.SaveAsync(key, new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 zaświadczenie")));
        Assert.Equal("%PDF-1.7 zaświadczenie", Encoding.UTF8.GetString(await ReadAsync(key)));

        await Store.DeleteAsync(key);
        Assert.Null(await Store.OpenReadAsync(key));
    }

    [Fact]
    public async Task A_2_MB_file_from_a_stream_that_cannot_seek_comes_back_byte_for_byte()
    {
        var bytes = new byte[2 * 1024 * 1024];
        Random.Shared.NextBytes(bytes);
        var key = NewKey();

        await Store.SaveAsync(key, new ForwardOnlyStream(bytes));

        Assert.Equal(bytes, await ReadAsync(key));
    }

    [Fact]
    public async Task Nothing_under_a_key_reads_as_null_and_deleting_it_is_harmless()
    {
        var key = NewKey();
        Assert.Null(await Store.OpenReadAsync(key));
        await Store.DeleteAsync(key);
    }

    [Fact]
    public async Task An_upload_that_fails_half_way_leaves_nothing_behind()
    {
        var before = StoredFiles().Count;
        var key = NewKey();

        await Assert.ThrowsAsync<TimeoutException>(() => Store.SaveAsync(key, new FailingStream(new byte[512 * 1024])));

        Assert.Null(await Store.OpenReadAsync(key));
        Assert.Equal(before, StoredFiles().Count);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("abc")]
    [InlineData("abcdefgh/../../x")]
    public async Task Keys_that_could_leave_the_store_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(key, new MemoryStream([1])));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key));
    }

    protected static string NewKey() => Guid.NewGuid().ToString("N");

    private async Task<byte[]> ReadAsync(string key)
    {
        await using var read = await Store.OpenReadAsync(key);
        Assert.NotNull(read);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>An upload as Kestrel hands it over: read once, front to back, length unknown.</summary>
    private class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Gives half its bytes, then fails as a dropped connection would.</summary>
    private sealed class FailingStream(byte[] bytes) : ForwardOnlyStream(bytes)
    {
        private readonly int _failAt = bytes.Length / 2;
        private int _given;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_given >= _failAt)
            {
                throw new TimeoutException("The client stopped sending.");
            }
            var read = base.Read(buffer, offset, Math.Min(count, _failAt - _given));
            _given += read;
            return read;
        }
    }
}
