using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;
using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Faults;

/// <summary>The attachment store cannot take a file: the upload is refused with a clear message and nothing is half-kept.</summary>
public sealed class AttachmentStoreFaultTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, .. new byte[256 * 1024], .. "\n%%EOF\n"u8];
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("parasol-store-fault-");
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task A_full_disk_refuses_the_upload_cleanly_and_the_application_still_goes_through_without_it()
    {
        var directory = Path.Combine(_root.FullName, "attachments");
        await using var portal = new ParasolAppFactory<SharedResource>(_database);
        portal.Settings["Attachments:Directory"] = directory;
        portal.ConfigureTestServices = services => services.AddSingleton<IAttachmentStore>(provider =>
            new DiskFullStore(new FileSystemAttachmentStore(provider.GetRequiredService<IOptions<AttachmentStoreOptions>>())));
        var form = new FormClient(portal.CreateClient());
        var id = await AtDocumentsAsync(form);

        await form.UploadAsync("opinia.pdf", Pdf, "?handler=Upload");

        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Contains(("#file", "Nie udało się teraz zapisać pliku. Twoje odpowiedzi są zachowane: spróbuj ponownie za kilka minut"), form.Errors());
        Assert.Null(form.Page.QuerySelector(".file-list"));
        Assert.Empty(Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories) : []);
        await using (var db = _database.CreateDbContext())
        {
            Assert.False(await db.Attachments.AnyAsync(a => a.JourneyId == id));
        }

        // The documents are optional for this journey: the family can still send the application.
        await form.PostAsync([], "?handler=Continue");
        await form.PostAsync([new("Consent", "true")]);
        Assert.StartsWith("/apply/receipt/", form.Location!.AbsolutePath, StringComparison.Ordinal);
        await using (var db = _database.CreateDbContext())
        {
            var stored = await db.Cases.Include(c => c.Attachments).SingleAsync(c => c.SubmissionKey == id);
            Assert.Empty(stored.Attachments);
        }
    }

    [Fact]
    public async Task A_directory_that_cannot_be_written_refuses_the_upload_and_leaves_no_row()
    {
        var blocked = Path.Combine(_root.FullName, "blocked");
        await File.WriteAllTextAsync(blocked, "a file where the attachments directory should be");
        await using var portal = new ParasolAppFactory<SharedResource>(_database);
        portal.Settings["Attachments:Directory"] = blocked;
        var form = new FormClient(portal.CreateClient());
        var id = await AtDocumentsAsync(form);

        await form.UploadAsync("opinia.pdf", Pdf, "?handler=Upload");

        Assert.Contains(("#file", "Nie udało się teraz zapisać pliku. Twoje odpowiedzi są zachowane: spróbuj ponownie za kilka minut"), form.Errors());
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Attachments.AnyAsync(a => a.JourneyId == id));
        Assert.Equal([blocked], Directory.GetFileSystemEntries(_root.FullName));
    }

    private static async Task<Guid> AtDocumentsAsync(FormClient form)
    {
        var id = await FamilyAssistantJourneyTests.StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        await form.PostAsync(FamilyAssistantAnswers.Contact());
        await form.PostAsync(FamilyAssistantAnswers.Household());
        await form.PostAsync(FamilyAssistantAnswers.Situation());
        Assert.EndsWith("/documents", form.Location!.AbsolutePath, StringComparison.Ordinal);
        return id;
    }

    /// <summary>The real file-system store on a disk that fills up half-way through the file (ENOSPC).</summary>
    private sealed class DiskFullStore(FileSystemAttachmentStore inner) : IAttachmentStore
    {
        public Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
            inner.SaveAsync(key, new FillsUpAfter(content, 64 * 1024), cancellationToken);

        public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);
    }

    private sealed class FillsUpAfter(Stream inner, long room) : Stream
    {
        private const int Enospc = 28;
        private long _written;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_written >= room)
            {
                throw new IOException("No space left on device", Enospc);
            }
            var read = await inner.ReadAsync(buffer, cancellationToken);
            _written += read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
