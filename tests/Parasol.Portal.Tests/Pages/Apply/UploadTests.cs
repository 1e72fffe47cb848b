using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>The attachment rules as a family meets them on the documents step.</summary>
public sealed class UploadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, .. new byte[2000], .. "\n%%EOF\n"u8];

    [Fact]
    public async Task A_windows_executable_renamed_to_pdf_is_refused()
    {
        var form = await AtDocumentsAsync();
        byte[] exe = [.. "MZ\x90\0\x03\0\0\0\x04\0"u8, .. new byte[5000]];

        await form.UploadAsync("zaswiadczenie.pdf", exe, "?handler=Upload");

        Assert.Contains(("#file", "Wybrany plik musi być w formacie PDF, JPG lub PNG"), form.Errors());
        Assert.Null(form.Page.QuerySelector(".file-list"));
    }

    [Fact]
    public async Task A_zero_byte_file_is_refused()
    {
        var form = await AtDocumentsAsync();

        await form.UploadAsync("pusty.pdf", [], "?handler=Upload");

        Assert.Contains(("#file", "Wybrany plik jest pusty"), form.Errors());
    }

    [Fact]
    public async Task An_11_MB_file_is_refused_with_a_clear_message()
    {
        var form = await AtDocumentsAsync();
        byte[] big = [.. "%PDF-1.4\n"u8, .. new byte[11 * 1024 * 1024]];

        await form.UploadAsync("skan.pdf", big, "?handler=Upload");

        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Contains(("#file", "Wybrany plik musi mieć mniej niż 10 MB"), form.Errors());
        await using var db = portal.App.Database.CreateDbContext();
        Assert.DoesNotContain(db.Attachments, a => a.FileName == "skan.pdf");
    }

    [Fact]
    public async Task The_same_file_a_second_time_is_refused_naming_the_one_already_attached_and_none_of_it_is_kept()
    {
        var form = await AtDocumentsAsync();
        await form.UploadAsync("badanie.pdf", Pdf, "?handler=Upload");
        var storedBefore = StoredFiles();

        await form.UploadAsync("badanie (1).pdf", Pdf, "?handler=Upload");

        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Equal([("#file", "Wybrany plik jest już dodany jako „badanie.pdf”: wybierz inny plik")], form.Errors());
        Assert.Contains("Wybrany plik jest już dodany jako „badanie.pdf”", form.Page.Text("#file-error"), StringComparison.Ordinal);
        Assert.Equal(["badanie.pdf"], form.Page.QuerySelectorAll(".file-name").Select(e => e.TextContent));
        Assert.Equal(storedBefore, StoredFiles());

        // Continue with the same file chosen is refused the same way; a different file under the same name is not.
        await form.UploadAsync("badanie.pdf", Pdf, form.ActionOf("Dalej"));
        Assert.EndsWith("/documents", form.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal([("#file", "Wybrany plik jest już dodany jako „badanie.pdf”: wybierz inny plik")], form.Errors());
        await form.UploadAsync("badanie.pdf", [.. "%PDF-1.4\n"u8, .. new byte[2001], .. "\n%%EOF\n"u8], "?handler=Upload");
        Assert.Empty(form.Errors());
        Assert.Equal(["badanie.pdf", "badanie.pdf"], form.Page.QuerySelectorAll(".file-name").Select(e => e.TextContent));
    }

    [Fact]
    public async Task A_file_too_large_to_read_after_a_change_link_keeps_the_way_back_to_the_check_page()
    {
        var form = await AtDocumentsAsync();
        await form.PostAsync([], "?handler=Continue");
        await form.GetAsync(form.Page.QuerySelectorAll(".summary-actions a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("/documents", StringComparison.Ordinal)));
        Assert.EndsWith("/documents?change=true", form.Location!.PathAndQuery, StringComparison.Ordinal);

        await form.UploadAsync("skan.pdf", [.. "%PDF-1.4\n"u8, .. new byte[11 * 1024 * 1024]], form.ActionOf("Wyślij plik"));

        Assert.Equal([("#file", "Wybrany plik musi mieć mniej niż 10 MB")], form.Errors());
        Assert.Contains("change=true", form.Page.QuerySelector("form[enctype='multipart/form-data']")!.GetAttribute("action"), StringComparison.Ordinal);
        Assert.EndsWith("/check", form.Page.QuerySelector(".back-link")!.GetAttribute("href"), StringComparison.Ordinal);
        await form.UploadAsync("opinia.pdf", Pdf, form.ActionOf("Dalej"));
        Assert.EndsWith("/check", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_a_real_connection_a_file_larger_than_the_server_accepts_at_all_gets_the_step_back_with_the_reason()
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = app.StartOnRealPort() };
        var form = await AtDocumentsAsync(http);

        // 40 MB: past Kestrel's own 30 MB limit too; the browser sends it whole and reads the answer.
        await form.UploadAsync("film.pdf", [.. "%PDF-1.4\n"u8, .. new byte[40 * 1024 * 1024]], "?handler=Upload");

        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Equal([("#file", "Wybrany plik musi mieć mniej niż 10 MB")], form.Errors());
    }

    [Fact]
    public async Task A_too_large_body_that_cannot_be_read_up_to_its_file_is_sent_back_to_the_step_it_came_from()
    {
        var form = await AtDocumentsAsync();
        await form.PostAsync([], "?handler=Continue");
        await form.GetAsync(form.Page.QuerySelectorAll(".summary-actions a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("/documents", StringComparison.Ordinal)));
        // The file before the token, as no page of ours sends it: nothing is read, the answer is a redirect.
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent([.. "%PDF-1.4\n"u8, .. new byte[11 * 1024 * 1024]]), "file", "skan.pdf" },
            { new StringContent(Html.AntiforgeryToken(form.Page)), "__RequestVerificationToken" },
        };
        using var client = portal.App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync(new Uri(form.Location!, "?change=true&handler=Upload"), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/documents?change=true&problem=TooLarge", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_in_the_file_name_is_dropped()
    {
        var form = await AtDocumentsAsync();

        await form.UploadAsync("../../etc/passwd.pdf", Pdf, "?handler=Upload");

        Assert.Equal("passwd.pdf", form.Page.Text(".file-name"));
    }

    [Fact]
    public async Task A_file_can_be_removed_and_replaced_before_sending()
    {
        var form = await AtDocumentsAsync();
        await form.UploadAsync("stary.pdf", Pdf, "?handler=Upload");
        var id = form.Page.QuerySelector("input[name=attachmentId]")!.GetAttribute("value")!;

        await form.PostAsync([new("attachmentId", id)], "?handler=Remove");
        await form.UploadAsync("nowy.pdf", Pdf, "?handler=Upload");

        Assert.Equal(["nowy.pdf"], form.Page.QuerySelectorAll(".file-name").Select(e => e.TextContent));
    }

    [Fact]
    public async Task Continuing_without_choosing_a_file_is_fine_when_documents_are_optional()
    {
        var form = await AtDocumentsAsync();

        await form.PostAsync([], "?handler=Continue");

        Assert.EndsWith("/check", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_chosen_but_not_uploaded_goes_with_continue_and_is_listed_on_the_check_page()
    {
        var form = await AtDocumentsAsync();

        await form.UploadAsync("opinia ze szkoły.pdf", Pdf, form.ActionOf("Dalej"));

        Assert.EndsWith("/check", form.Location!.AbsolutePath, StringComparison.Ordinal);
        var documents = form.Page.QuerySelectorAll(".summary-row").Single(r => r.QuerySelector(".summary-value")!.TextContent.Trim() == "opinia ze szkoły.pdf");
        Assert.Equal("Inny dokument", documents.QuerySelector(".summary-key")!.TextContent.Trim());
        Assert.EndsWith("/documents?change=true", documents.QuerySelector(".summary-actions a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chosen_file_that_continue_cannot_accept_keeps_the_family_on_the_step_with_the_reason()
    {
        var form = await AtDocumentsAsync();
        byte[] exe = [.. "MZ\x90\0\x03\0\0\0\x04\0"u8, .. new byte[5000]];

        await form.UploadAsync("zaswiadczenie.pdf", exe, form.ActionOf("Dalej"));

        Assert.EndsWith("/documents", form.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal([("#file", "Wybrany plik musi być w formacie PDF, JPG lub PNG")], form.Errors());
    }

    [Fact]
    public async Task The_check_page_says_when_no_document_was_added()
    {
        var form = await AtDocumentsAsync();

        await form.PostAsync([], "?handler=Continue");

        var row = form.Page.QuerySelectorAll(".summary-row").Single(r => r.QuerySelector(".summary-key")!.TextContent.Trim() == "Dodane pliki");
        Assert.Equal("Brak załączników.", row.QuerySelector(".summary-value")!.TextContent.Trim());
    }

    /// <summary>Every file in the attachment store's directory.</summary>
    private string[] StoredFiles()
    {
        var directory = portal.App.Services.GetRequiredService<IOptions<AttachmentStoreOptions>>().Value.Directory;
        return Directory.Exists(directory) ? [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order()] : [];
    }

    private async Task<FormClient> AtDocumentsAsync(HttpClient? client = null)
    {
        var form = new FormClient(client ?? portal.App.CreateClient());
        await FamilyAssistantJourneyTests.StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        await form.PostAsync(FamilyAssistantAnswers.Contact());
        await form.PostAsync(FamilyAssistantAnswers.Household());
        await form.PostAsync(FamilyAssistantAnswers.Situation());
        return form;
    }
}
