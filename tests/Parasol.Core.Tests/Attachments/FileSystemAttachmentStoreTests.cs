using System.Text;
using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;

namespace Parasol.Core.Tests.Attachments;

public sealed class FileSystemAttachmentStoreTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("parasol-store-");

    [Fact]
    public async Task Saved_bytes_come_back_and_are_gone_after_delete()
    {
        var store = new FileSystemAttachmentStore(Options.Create(new AttachmentStoreOptions { Directory = _root.FullName }));
        var key = Guid.NewGuid().ToString("N");

        await store.SaveAsync(key, new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 zaświadczenie")));
        await using (var read = await store.OpenReadAsync(key))
        {
            using var reader = new StreamReader(read!);
            Assert.Equal("%PDF-1.7 zaświadczenie", await reader.ReadToEndAsync());
        }
        Assert.Empty(Directory.GetFiles(_root.FullName, "*.part", SearchOption.AllDirectories));

        await store.DeleteAsync(key);
        Assert.Null(await store.OpenReadAsync(key));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("abc")]
    [InlineData("abcdefgh/../../x")]
    public async Task Keys_that_could_leave_the_directory_are_refused(string key)
    {
        var store = new FileSystemAttachmentStore(Options.Create(new AttachmentStoreOptions { Directory = _root.FullName }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(key, new MemoryStream([1])));
    }

    public void Dispose() => _root.Delete(recursive: true);
}
