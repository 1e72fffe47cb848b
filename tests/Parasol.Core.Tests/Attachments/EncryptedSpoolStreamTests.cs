using System.Text;
using Parasol.Core.Attachments;

namespace Parasol.Core.Tests.Attachments;

public sealed class EncryptedSpoolStreamTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"parasol-spool-test-{Guid.NewGuid():N}");

    /// <summary>A "medical certificate" of an odd length, with a phrase that must not appear on disk.</summary>
    private static byte[] Document()
    {
        var text = string.Concat(Enumerable.Repeat("Zaświadczenie lekarskie: Zofia Wójcik, PESEL 18291401234. ", 4_000));
        return Encoding.UTF8.GetBytes(text + "koniec");
    }

    [Fact]
    public async Task What_is_spooled_is_not_on_the_disk_in_the_clear_and_reads_back_whole()
    {
        var document = Document();
        await using var spool = new EncryptedSpoolStream(new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite));
        // Written in uneven pieces, as a copy from the request does.
        for (var at = 0; at < document.Length; at += 70_001)
        {
            await spool.WriteAsync(document.AsMemory(at, Math.Min(70_001, document.Length - at)));
        }
        await spool.FlushAsync();

        var onDisk = await File.ReadAllBytesAsync(_path);
        Assert.Equal(document.Length, onDisk.Length);
        Assert.Equal(document.Length, spool.Length);
        Assert.DoesNotContain("Zaświadczenie", Encoding.UTF8.GetString(onDisk), StringComparison.Ordinal);
        Assert.DoesNotContain("18291401234", Encoding.Latin1.GetString(onDisk), StringComparison.Ordinal);

        spool.Position = 0;
        var back = new MemoryStream();
        await spool.CopyToAsync(back);
        Assert.Equal(document, back.ToArray());
    }

    [Fact]
    public async Task It_reads_the_same_bytes_from_any_position_as_a_retried_upload_does()
    {
        var document = Document();
        await using var spool = new EncryptedSpoolStream(new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite));
        spool.Write(document);

        foreach (var at in new[] { 0L, 1, 15, 16, 17, 65_535, 65_536, 100_003, document.Length - 3 })
        {
            spool.Seek(at, SeekOrigin.Begin);
            var piece = new byte[Math.Min(1_000, document.Length - (int)at)];
            var read = await spool.ReadAtLeastAsync(piece, piece.Length);
            Assert.Equal(piece.Length, read);
            Assert.Equal(document.AsSpan((int)at, piece.Length).ToArray(), piece);
        }
    }

    [Fact]
    public async Task Two_spools_of_the_same_document_differ_on_disk()
    {
        var document = Document();
        var other = _path + "-2";
        try
        {
            await using (var first = new EncryptedSpoolStream(new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite)))
            await using (var second = new EncryptedSpoolStream(new FileStream(other, FileMode.CreateNew, FileAccess.ReadWrite)))
            {
                await first.WriteAsync(document);
                await second.WriteAsync(document);
            }
            Assert.NotEqual(await File.ReadAllBytesAsync(_path), await File.ReadAllBytesAsync(other));
        }
        finally
        {
            File.Delete(other);
        }
    }

    public void Dispose() => File.Delete(_path);
}
