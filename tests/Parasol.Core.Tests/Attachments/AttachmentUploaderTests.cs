using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Attachments;
using Parasol.Testing;

namespace Parasol.Core.Tests.Attachments;

public sealed class AttachmentUploaderTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parasol-uploads-").FullName;
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(seedDemoData: false);
        _services = _database.CreateServices(s => s.Configure<AttachmentStoreOptions>(o => o.Directory = _directory));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    public async Task Pdf_png_and_jpeg_are_accepted_with_their_sha256(string type)
    {
        var bytes = type switch { "application/pdf" => TestFiles.Pdf(), "image/png" => TestFiles.Png(), _ => TestFiles.Jpeg() };

        var result = await UploadAsync(Guid.NewGuid(), "skan.bin", bytes);

        Assert.Equal(UploadProblem.None, result.Problem);
        Assert.Equal(type, result.Attachment!.ContentType);
        Assert.Equal(bytes.Length, result.Attachment.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Attachment.Sha256);
        await using var stored = await Store().OpenReadAsync(result.Attachment.StorageKey);
        using var copy = new MemoryStream();
        await stored!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task A_windows_executable_renamed_to_pdf_is_refused_and_nothing_is_stored()
    {
        var result = await UploadAsync(Guid.NewGuid(), "zaswiadczenie.pdf", TestFiles.WindowsExe());

        Assert.Equal(UploadProblem.TypeNotAllowed, result.Problem);
        Assert.Empty(Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_zero_byte_file_is_refused()
    {
        var result = await UploadAsync(Guid.NewGuid(), "empty.pdf", []);
        Assert.Equal(UploadProblem.Empty, result.Problem);
    }

    [Fact]
    public async Task An_11_MB_file_is_refused_while_streaming_and_leaves_nothing_behind()
    {
        var source = new ReadCountingStream(TestFiles.Pdf(11 * 1024 * 1024));

        var result = await Uploader().UploadAsync(Guid.NewGuid(), AttachmentKind.Other, "big.pdf", source);

        Assert.Equal(UploadProblem.TooLarge, result.Problem);
        Assert.True(source.Position <= (10 * 1024 * 1024) + (128 * 1024), "reading stopped soon after the limit");
        Assert.Empty(Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories));
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Attachments.CountAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(1024 * 1024)]
    public async Task An_upload_that_breaks_off_on_the_senders_side_is_refused_as_interrupted_not_as_our_store_failing(int sentBeforeTheBreak)
    {
        var journey = Guid.NewGuid();
        var source = new BreakingStream(TestFiles.Pdf(2 * 1024 * 1024), sentBeforeTheBreak);

        var result = await Uploader().UploadAsync(journey, AttachmentKind.Other, "zaswiadczenie.pdf", source);

        Assert.Equal(UploadProblem.Interrupted, result.Problem);
        Assert.Empty(Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories));
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Attachments.CountAsync(a => a.JourneyId == journey));
        // The same file sent again whole is taken.
        Assert.Equal(UploadProblem.None, (await UploadAsync(journey, "zaswiadczenie.pdf", TestFiles.Pdf(2 * 1024 * 1024))).Problem);
    }

    [Fact]
    public async Task A_file_of_exactly_10_MB_is_accepted()
    {
        var result = await UploadAsync(Guid.NewGuid(), "limit.pdf", TestFiles.Pdf(10 * 1024 * 1024));
        Assert.Equal(UploadProblem.None, result.Problem);
    }

    [Fact]
    public async Task Files_of_one_journey_may_not_add_up_to_more_than_25_MB()
    {
        var journey = Guid.NewGuid();
        Assert.Equal(UploadProblem.None, (await UploadAsync(journey, "a.pdf", TestFiles.Pdf(9 * 1024 * 1024))).Problem);
        Assert.Equal(UploadProblem.None, (await UploadAsync(journey, "b.pdf", TestFiles.Pdf((9 * 1024 * 1024) + 1))).Problem);

        var third = await UploadAsync(journey, "c.pdf", TestFiles.Pdf(8 * 1024 * 1024));

        Assert.Equal(UploadProblem.CaseTotalTooLarge, third.Problem);
        Assert.Equal(UploadProblem.None, (await UploadAsync(Guid.NewGuid(), "c.pdf", TestFiles.Pdf(8 * 1024 * 1024))).Problem);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\Windows\\system32\\x.pdf", "x.pdf")]
    [InlineData("  ..  ", "document.pdf")]
    [InlineData("zaświadczenie\u202Efdp.exe", "zaświadczeniefdp.exe")]
    [InlineData("a<b>:c|d?.pdf", "abcd.pdf")]
    public async Task File_names_are_reduced_to_a_harmless_display_name(string sent, string kept)
    {
        var result = await UploadAsync(Guid.NewGuid(), sent, TestFiles.Pdf());

        Assert.Equal(kept, result.Attachment!.FileName);
        Assert.DoesNotContain(sent, result.Attachment.StorageKey, StringComparison.Ordinal);
        Assert.All(Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories),
            path => Assert.StartsWith(_directory, Path.GetFullPath(path), StringComparison.Ordinal));
    }

    public static TheoryData<string, byte[], UploadProblem> Impostors => new()
    {
        { "an HTML page renamed .png", "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(), UploadProblem.TypeNotAllowed },
        { "an ELF program renamed .pdf", [0x7F, (byte)'E', (byte)'L', (byte)'F', .. new byte[500]], UploadProblem.TypeNotAllowed },
        { "a PDF opening JavaScript", TestFiles.PdfWithJavaScript(), UploadProblem.ActiveContent },
        { "a PDF hiding /JavaScript as #xx escapes", TestFiles.PdfWithJavaScript("/J#61va#53cript"), UploadProblem.ActiveContent },
        { "a PDF launching a program", "%PDF-1.4\n1 0 obj << /OpenAction << /S /Launch /F (cmd.exe) >> >> endobj\n%%EOF\n"u8.ToArray(), UploadProblem.ActiveContent },
        { "a PDF carrying an embedded file", "%PDF-1.4\n1 0 obj << /Type /EmbeddedFile >> endobj\n%%EOF\n"u8.ToArray(), UploadProblem.ActiveContent },
        { "a PDF cut short", TestFiles.Pdf(4096)[..3000], UploadProblem.Damaged },
        { "a PNG cut short", TestFiles.Png(4096)[..3000], UploadProblem.Damaged },
        { "a JPEG cut short", TestFiles.Jpeg(4096)[..3000], UploadProblem.Damaged },
        { "a PDF that is also a ZIP (data after %%EOF)", [.. TestFiles.Pdf(), .. "PK\x03\x04"u8, .. new byte[300], .. "PK\x05\x06"u8, .. new byte[18]], UploadProblem.HiddenContent },
        { "a JPEG with a program appended", [.. TestFiles.Jpeg(), .. TestFiles.WindowsExe(2000)], UploadProblem.HiddenContent },
        { "a PNG that is also a web page", [.. TestFiles.Png()[..512], .. "<html><body onload=alert(1)>"u8, .. TestFiles.Png()[512..]], UploadProblem.HiddenContent },
        { "a PDF with a script tag split across reads", [.. TestFiles.Pdf(81920 - 3)[..(81920 - 40)], .. "<SCRIPT>alert(1)</SCRIPT>"u8, .. TestFiles.Pdf(2048)], UploadProblem.HiddenContent },
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public async Task Impostors_are_refused_and_leave_nothing_behind(string what, byte[] bytes, UploadProblem problem)
    {
        var result = await UploadAsync(Guid.NewGuid(), "dokument.png", bytes);

        Assert.True(problem == result.Problem, $"{what}: {result.Problem}");
        Assert.Empty(Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories));
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Attachments.CountAsync());
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(81920 - 5)] // the photo's end marker split across two reads of the upload
    public async Task A_motion_photo_is_accepted_as_the_photo_alone_and_its_video_is_not_kept(int photoSize)
    {
        var photo = TestFiles.Jpeg(photoSize);

        var result = await UploadAsync(Guid.NewGuid(), "IMG_20261124_101500.MP.jpg", TestFiles.MotionPhoto(photo, 300_000));

        Assert.Equal(UploadProblem.None, result.Problem);
        Assert.Equal(photo.Length, result.Attachment!.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), result.Attachment.Sha256);
        await using var stored = await Store().OpenReadAsync(result.Attachment.StorageKey);
        using var copy = new MemoryStream();
        await stored!.CopyToAsync(copy);
        Assert.Equal(photo, copy.ToArray());
        Assert.Single(Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_pdf_may_end_with_a_line_break_and_mention_javascript_in_its_text()
    {
        var bytes = "%PDF-1.4\n1 0 obj << /Title (JavaScript for beginners) /Subject (JS) >> endobj\n%%EOF\r\n\0\0"u8.ToArray();

        var result = await UploadAsync(Guid.NewGuid(), "ksiazka.pdf", bytes);

        Assert.Equal(UploadProblem.None, result.Problem);
    }

    [Fact]
    public async Task A_journey_takes_at_most_20_files()
    {
        var journey = Guid.NewGuid();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(UploadProblem.None, (await UploadAsync(journey, $"{i}.pdf", TestFiles.Pdf(2048 + i))).Problem);
        }

        var extra = await UploadAsync(journey, "21.pdf", TestFiles.Pdf());

        Assert.Equal(UploadProblem.TooManyFiles, extra.Problem);
        Assert.Equal(20, Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task The_same_bytes_again_as_the_same_kind_of_document_are_refused_naming_the_first_and_not_kept()
    {
        var journey = Guid.NewGuid();
        await UploadAsync(journey, "skan.pdf", TestFiles.Pdf());

        var again = await UploadAsync(journey, "skan-kopia.pdf", TestFiles.Pdf());

        Assert.Equal((null, UploadProblem.Duplicate, "skan.pdf"), (again.Attachment, again.Problem, again.SameAs));
        Assert.Single(Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories));
        // As another kind of document (one scan holding two certificates), or in another journey, the same bytes are fine.
        Assert.Equal(UploadProblem.None, (await Uploader().UploadAsync(journey, AttachmentKind.DiagnosisCertificate, "skan.pdf", new MemoryStream(TestFiles.Pdf()))).Problem);
        Assert.Equal(UploadProblem.None, (await UploadAsync(Guid.NewGuid(), "skan.pdf", TestFiles.Pdf())).Problem);
    }

    [Fact]
    public async Task The_same_file_sent_several_times_at_once_is_kept_once()
    {
        var journey = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => UploadAsync(journey, "skan.pdf", TestFiles.Pdf()))));

        Assert.Single(results, r => r.Problem == UploadProblem.None);
        Assert.Equal(3, results.Count(r => r.Problem == UploadProblem.Duplicate));
        Assert.Single(Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories));
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Attachments.CountAsync(a => a.JourneyId == journey));
    }

    [Fact]
    public async Task A_very_long_name_is_shortened_keeping_its_extension()
    {
        var result = await UploadAsync(Guid.NewGuid(), new string('ż', 5000) + ".pdf", TestFiles.Pdf());

        Assert.Equal(120, result.Attachment!.FileName.Length);
        Assert.EndsWith("ż.pdf", result.Attachment.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_can_be_removed_before_submitting()
    {
        var journey = Guid.NewGuid();
        var kept = await UploadAsync(journey, "a.pdf", TestFiles.Pdf());
        var removed = await UploadAsync(journey, "b.png", TestFiles.Png());

        await Uploader().RemoveAsync(journey, removed.Attachment!.Id);

        var left = await Uploader().ListAsync(journey);
        Assert.Equal([kept.Attachment!.Id], left.Select(a => a.Id));
        Assert.Null(await Store().OpenReadAsync(removed.Attachment.StorageKey));
    }

    [Fact]
    public async Task The_allowed_types_are_configurable()
    {
        await using var pdfOnly = _database.CreateServices(s =>
        {
            s.Configure<AttachmentStoreOptions>(o => o.Directory = _directory);
            s.Configure<AttachmentRules>(o => o.AllowedTypes = ["application/pdf"]);
        });
        await using var scope = pdfOnly.CreateAsyncScope();
        var uploader = scope.ServiceProvider.GetRequiredService<AttachmentUploader>();

        var png = await uploader.UploadAsync(Guid.NewGuid(), AttachmentKind.Other, "photo.png", new MemoryStream(TestFiles.Png()));

        Assert.Equal(UploadProblem.TypeNotAllowed, png.Problem);
    }

    private async Task<UploadResult> UploadAsync(Guid journey, string name, byte[] bytes) =>
        await Uploader().UploadAsync(journey, AttachmentKind.Other, name, new MemoryStream(bytes));

    private AttachmentUploader Uploader() => _services.CreateScope().ServiceProvider.GetRequiredService<AttachmentUploader>();

    private IAttachmentStore Store() => _services.GetRequiredService<IAttachmentStore>();

    /// <summary>Sends its first bytes, then fails as Kestrel's request body does when the browser's connection resets.</summary>
    private sealed class BreakingStream(byte[] bytes, int breakAt) : ReadCountingStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= breakAt)
            {
                throw new IOException("The client reset the request stream.");
            }
            return base.Read(buffer, offset, (int)Math.Min(count, breakAt - Position));
        }
    }

    /// <summary>A non-seekable source that remembers how far it was read.</summary>
    private class ReadCountingStream(byte[] bytes) : ReadOnlyForwardStream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
    }
}
