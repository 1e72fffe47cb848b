using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;

namespace Parasol.Core.Tests.Attachments;

public sealed class FileSystemAttachmentStoreTests : AttachmentStoreContract, IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("parasol-store-");

    public FileSystemAttachmentStoreTests() =>
        Store = new FileSystemAttachmentStore(Options.Create(new AttachmentStoreOptions { Directory = _root.FullName }));

    protected override IAttachmentStore Store { get; }

    protected override IReadOnlyList<string> StoredFiles() => Directory.GetFiles(_root.FullName, "*", SearchOption.AllDirectories);

    [Fact]
    public async Task A_directory_that_cannot_be_written_is_reported_as_the_store_being_unavailable()
    {
        // A file where the store's directory should be: nothing can be created below it, whoever runs the tests.
        var blocked = Path.Combine(_root.FullName, "blocked");
        await File.WriteAllTextAsync(blocked, "not a directory");
        var store = new FileSystemAttachmentStore(Options.Create(new AttachmentStoreOptions { Directory = blocked }));

        await Assert.ThrowsAsync<AttachmentStoreUnavailableException>(() => store.SaveAsync(NewKey(), new MemoryStream([1, 2, 3])));

        Assert.Equal([blocked], StoredFiles());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_stored_file_and_its_directories_are_readable_by_the_apps_own_user_only()
    {
        var key = NewKey();

        await Store.SaveAsync(key, new MemoryStream([1, 2, 3]));

        var file = Assert.Single(StoredFiles());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        for (var directory = Path.GetDirectoryName(file)!; directory != _root.FullName; directory = Path.GetDirectoryName(directory)!)
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        }
    }

    public void Dispose() => _root.Delete(recursive: true);
}
