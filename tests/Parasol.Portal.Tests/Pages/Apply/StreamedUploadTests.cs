using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>Runs alone: it watches the process's ASP.NET Core temporary directory, which any upload could write to.</summary>
[CollectionDefinition(nameof(TemporaryDirectoryWatched), DisableParallelization = true)]
public sealed class TemporaryDirectoryWatched;

/// <summary>
/// A family's document goes from the request straight into the attachment store: never written unencrypted to the
/// server's temporary directory, where it would outlive a crash. Forms laid out the old way still work.
/// </summary>
[Collection(nameof(TemporaryDirectoryWatched))]
public sealed class StreamedUploadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>2 MB, like the benchmark's scan, with every line different so that a lost or moved block would show.</summary>
    private static readonly byte[] Scan = PdfOf(2 * 1024 * 1024);

    [Fact]
    public async Task The_upload_form_sends_its_token_before_the_file()
    {
        var (form, _) = await AtDocumentsAsync();

        var inputs = form.Page.QuerySelector("form[enctype='multipart/form-data']")!.QuerySelectorAll("input").Select(i => i.GetAttribute("name")).ToList();

        Assert.Equal("__RequestVerificationToken", inputs[0]);
        Assert.Equal("file", inputs[^1]);
    }

    [Fact]
    public async Task An_upload_goes_into_the_store_without_a_temporary_file_and_is_kept_byte_for_byte()
    {
        var (form, journeyId) = await AtDocumentsAsync();

        var created = await AspNetCoreTemp.FilesCreatedDuringAsync(() => form.UploadAsync("opinia.pdf", Scan, "?handler=Upload"));

        Assert.Empty(created);
        Assert.Equal(["opinia.pdf"], form.Page.QuerySelectorAll(".file-name").Select(e => e.TextContent));
        Assert.Equal(Scan, await StoredBytesAsync(journeyId));
    }

    [Fact]
    public async Task A_form_with_the_token_after_the_file_is_read_whole_as_before_and_the_file_is_kept()
    {
        var (form, journeyId) = await AtDocumentsAsync();
        using var content = new MultipartFormDataContent { { Pdf(Scan), "file", "opinia.pdf" }, { new StringContent(Html.AntiforgeryToken(form.Page)), "__RequestVerificationToken" } };

        HttpResponseMessage? response = null;
        var created = await AspNetCoreTemp.FilesCreatedDuringAsync(async () => response = await form.Http.PostAsync(new Uri(form.Location!, "?handler=Upload"), content));

        // The form reader buffered the file, as it did for every upload before: that is what the token-first form avoids.
        Assert.Single(created, name => name.StartsWith("ASPNETCORE_", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
        Assert.Equal("opinia.pdf", (await Html.ParseAsync(response)).Text(".file-name"));
        Assert.Equal(Scan, await StoredBytesAsync(journeyId));
    }

    [Fact]
    public async Task Sending_the_form_without_choosing_a_file_asks_for_one()
    {
        var (form, journeyId) = await AtDocumentsAsync();
        var nothing = new ByteArrayContent([]);
        nothing.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"\"" };
        nothing.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var content = new MultipartFormDataContent { { new StringContent(Html.AntiforgeryToken(form.Page)), "__RequestVerificationToken" }, nothing };

        var response = await form.Http.PostAsync(new Uri(form.Location!, "?handler=Upload"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Wybierz plik do wysłania", (await Html.ParseAsync(response)).Text(".error-summary a"));
        await NothingKeptAsync(journeyId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_that_breaks_the_form_format_after_the_file_is_refused_and_nothing_is_kept(bool tokenFirst)
    {
        var (form, journeyId) = await AtDocumentsAsync();
        var token = $"--b\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{Html.AntiforgeryToken(form.Page)}\r\n";
        var file = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"opinia.pdf\"\r\nContent-Type: application/pdf\r\n\r\n";
        var broken = $"\r\n--b\r\nX-Padding: {new string('x', 20_000)}\r\n\r\n\r\n--b--\r\n";
        byte[] body = tokenFirst
            ? [.. Encoding.UTF8.GetBytes(token + file), .. Scan, .. Encoding.UTF8.GetBytes(broken)]
            : [.. Encoding.UTF8.GetBytes(file), .. Scan, .. Encoding.UTF8.GetBytes("\r\n" + token[..^2] + broken)];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        var response = await form.Http.PostAsync(new Uri(form.Location!, "?handler=Upload"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Nie udało się wysłać strony", (await Html.ParseAsync(response)).Text("h1"));
        await NothingKeptAsync(journeyId);
    }

    [Fact]
    public async Task A_forged_token_before_the_file_is_refused_and_nothing_is_kept()
    {
        var (form, journeyId) = await AtDocumentsAsync();
        using var content = new MultipartFormDataContent { { new StringContent("CfDJ8Forged"), "__RequestVerificationToken" }, { Pdf(Scan), "file", "opinia.pdf" } };

        var response = await form.Http.PostAsync(new Uri(form.Location!, "?handler=Upload"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Nie udało się wysłać strony", (await Html.ParseAsync(response)).Text("h1"));
        await NothingKeptAsync(journeyId);
    }

    [Fact]
    public async Task An_11_MB_file_of_undeclared_length_is_refused_with_a_clear_message_and_nothing_is_kept()
    {
        var cookies = new CookieContainer();
        var (form, journeyId) = await AtDocumentsAsync(new FormClient(portal.App.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies))));
        // Without the redirect handler, which would buffer the body to be able to send it again, and so declare its length.
        using var client = portal.App.CreateDefaultClient(new CookieContainerHandler(cookies));
        var file = new StreamContent(new UnknownLengthStream(PdfOf(11 * 1024 * 1024)));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var content = new MultipartFormDataContent { { new StringContent(Html.AntiforgeryToken(form.Page)), "__RequestVerificationToken" }, { file, "file", "skan.pdf" } };

        var response = await client.PostAsync(new Uri(form.Location!, "?handler=Upload"), content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Wybrany plik musi mieć mniej niż 10 MB", (await Html.ParseAsync(response)).Text(".error-summary a"));
        await NothingKeptAsync(journeyId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_that_disconnects_mid_upload_leaves_nothing_behind(bool connectionReset)
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        using var network = new DroppingNetwork();
        using var http = network.Connect(app.StartOnRealPort());
        var (form, journeyId) = await AtDocumentsAsync(new FormClient(http));
        var store = app.Services.GetRequiredService<IOptions<AttachmentStoreOptions>>().Value.Directory;
        using var leaving = new CancellationTokenSource();
        using var halfSent = HalfSentUpload(Html.AntiforgeryToken(form.Page), Scan);

        var upload = http.PostAsync(new Uri(form.Location!, "?handler=Upload"), halfSent, leaving.Token);
        // The first half reaches the store while the rest of the body has not even been sent.
        await WaitUntilAsync(() => Directory.GetFiles(store, "*.part", SearchOption.AllDirectories).Length == 1);
        if (connectionReset)
        {
            // The network drops the connection (a reset, as from a phone losing its signal at a gateway).
            network.ResetConnections();
            // The server's side is what is tested; the client still waits for its own half-sent body, so stop it too.
            await WaitUntilAsync(() => Directory.GetFiles(store, "*", SearchOption.AllDirectories).Length == 0);
            await leaving.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
        }
        else
        {
            // The family closes the tab.
            await leaving.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload);
        }

        await WaitUntilAsync(() => Directory.GetFiles(store, "*", SearchOption.AllDirectories).Length == 0);
        await using var db = app.Database.CreateDbContext();
        Assert.False(await db.Attachments.AnyAsync(a => a.JourneyId == journeyId));
        // A family's dropped connection is not the office's fault: no error logged, no alarm about the attachment store.
        Assert.True(app.ServerErrors.Entries.Count == 0, app.ServerErrors.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_connection_reset_while_the_fields_before_the_file_arrive_leaves_no_error(bool declaredTooLarge)
    {
        using var network = new DroppingNetwork();
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database)
        {
            ConfigureTestServices = services => network.WatchRequests(services, r => r.Query["handler"] == "Upload"),
        };
        using var http = network.Connect(app.StartOnRealPort());
        var (form, journeyId) = await AtDocumentsAsync(new FormClient(http));
        // The body stops in the middle of the token, before the file (and, for an 11 MB file, before the size is refused).
        var token = Html.AntiforgeryToken(form.Page);
        var start = Encoding.UTF8.GetBytes($"--cut-short\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token[..(token.Length / 2)]}");
        using var body = new StalledBody(start, start.Length + (declaredTooLarge ? 11 * 1024 * 1024 : 100_000), "multipart/form-data; boundary=cut-short");

        await network.SendAndResetAsync(http, new Uri(form.Location!, "?handler=Upload"), body);
        // Kestrel would log a failed drain of the body just after the request has ended: give it that moment.
        await Task.Delay(500);

        await using var db = app.Database.CreateDbContext();
        Assert.False(await db.Attachments.AnyAsync(a => a.JourneyId == journeyId));
        Assert.True(app.ServerErrors.Entries.Count == 0, app.ServerErrors.ToString());
    }

    private static byte[] PdfOf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        for (var at = 9; at < size - 7; at++)
        {
            bytes[at] = (at % 64) == 63 ? (byte)'\n' : (byte)('a' + ((at / 64) + at) % 26);
        }
        "\n%%EOF\n"u8.CopyTo(bytes.AsSpan(size - 7));
        return bytes;
    }

    private static ByteArrayContent Pdf(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return file;
    }

    private async Task<byte[]> StoredBytesAsync(Guid journeyId)
    {
        await using var db = portal.App.Database.CreateDbContext();
        var attachment = await db.Attachments.SingleAsync(a => a.JourneyId == journeyId);
        await using var stored = await portal.App.Services.GetRequiredService<IAttachmentStore>().OpenReadAsync(attachment.StorageKey);
        using var copy = new MemoryStream();
        await stored!.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task NothingKeptAsync(Guid journeyId)
    {
        await using var db = portal.App.Database.CreateDbContext();
        Assert.False(await db.Attachments.AnyAsync(a => a.JourneyId == journeyId));
        var keys = await db.Attachments.Select(a => a.StorageKey).ToListAsync();
        var directory = portal.App.Services.GetRequiredService<IOptions<AttachmentStoreOptions>>().Value.Directory;
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories) : [];
        Assert.All(files, path => Assert.Contains(keys, key => path.EndsWith(key, StringComparison.Ordinal)));
    }

    private async Task<(FormClient Form, Guid JourneyId)> AtDocumentsAsync(FormClient? client = null)
    {
        var form = client ?? new FormClient(portal.App.CreateClient());
        var id = await FamilyAssistantJourneyTests.StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        await form.PostAsync(FamilyAssistantAnswers.Contact());
        await form.PostAsync(FamilyAssistantAnswers.Household());
        await form.PostAsync(FamilyAssistantAnswers.Situation());
        return (form, id);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = TimeSpan.Zero; !condition(); waited += TimeSpan.FromMilliseconds(50))
        {
            Assert.True(waited < TimeSpan.FromSeconds(30), "Waited 30 s in vain.");
            await Task.Delay(50);
        }
    }

    /// <summary>A body sent in chunks, as by a client that does not say its length up front.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>An upload form whose token and first half of the file are sent; then the client stalls.</summary>
    private static StalledBody HalfSentUpload(string token, byte[] file)
    {
        const string boundary = "parasol-half-sent";
        byte[] start = [.. Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"opinia.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"),
            .. file.AsSpan(0, file.Length / 2)];
        return new StalledBody(start, start.Length + (file.Length / 2) + 64, $"multipart/form-data; boundary={boundary}");
    }
}
