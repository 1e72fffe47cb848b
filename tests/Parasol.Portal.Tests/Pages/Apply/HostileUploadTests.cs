using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>Files that are not what they claim, as a family's browser would send them: each refused with a clear message, nothing kept.</summary>
public sealed class HostileUploadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, .. new byte[2000], .. "\n%%EOF\n"u8];

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "faktura.png", "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray(), "Wybrany plik musi być w formacie PDF, JPG lub PNG" },
        { "setup.pdf", [.. "MZ\x90\0\x03\0\0\0"u8, .. new byte[3000]], "Wybrany plik musi być w formacie PDF, JPG lub PNG" },
        { "formularz.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n"u8.ToArray(), "Wybrany plik PDF zawiera JavaScript, akcję lub osadzony plik, których nie możemy przyjąć. Wydrukuj go do nowego pliku PDF albo zeskanuj i dodaj ten plik" },
        { "skan.pdf", [.. Pdf, .. "PK\x03\x04"u8, .. new byte[200]], "Wybrany plik zawiera coś oprócz dokumentu. Zapisz go lub zeskanuj ponownie jako PDF, JPG albo PNG i dodaj nowy plik" },
        { "zdjecie.jpg", [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[100], .. "<script>alert(1)</script>"u8, 0xFF, 0xD9], "Wybrany plik zawiera coś oprócz dokumentu. Zapisz go lub zeskanuj ponownie jako PDF, JPG albo PNG i dodaj nowy plik" },
        { "ucięty.pdf", Pdf[..1000], "Wybrany plik jest uszkodzony lub niekompletny. Otwórz go, sprawdź, zapisz ponownie i dodaj nowy plik" },
        { "pusty.pdf", [], "Wybrany plik jest pusty" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_a_clean_document_is_refused_with_a_clear_message_and_nothing_is_kept(string name, byte[] bytes, string message)
    {
        var (form, journeyId) = await AtDocumentsAsync();

        await form.UploadAsync(name, bytes, "?handler=Upload");

        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Equal([("#file", message)], form.Errors());
        Assert.Null(form.Page.QuerySelector(".file-list"));
        await NothingKeptAsync(journeyId);
    }

    /// <summary>The other journeys' documents steps: a referral's and a "Za życiem" support request's, each file in turn.</summary>
    [Theory]
    [InlineData("/refer")]
    [InlineData("/apply/za-zyciem-support")]
    public async Task Every_journeys_documents_step_refuses_the_same_files_with_the_same_messages_and_keeps_nothing(string journey)
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync(journey);
        await form.PostAsync([]);
        var journeyId = Guid.Parse(form.Location!.AbsolutePath.Split('/')[^2]);
        Dictionary<string, string>[] steps = journey == "/refer"
            ? [Refer.ReferralJourneyTests.School(), Refer.ReferralJourneyTests.Family(), Refer.ReferralJourneyTests.Concern()]
            : [FamilyAssistantAnswers.AboutYou(), FamilyAssistantAnswers.Contact(),
                new() { ["Answers.ChildFirstName"] = "Staś", ["Answers.ChildDateOfBirth.Day"] = "3", ["Answers.ChildDateOfBirth.Month"] = "2", ["Answers.ChildDateOfBirth.Year"] = "2025", ["Answers.Needs"] = "Rehabilitacja." }];
        foreach (var answers in steps)
        {
            await form.PostAsync(answers);
            Assert.Empty(form.Errors());
        }
        Assert.EndsWith("/documents", form.Location!.AbsolutePath, StringComparison.Ordinal);

        foreach (var refused in Refused)
        {
            var (name, bytes, message) = ((string)refused[0], (byte[])refused[1], (string)refused[2]);
            await form.UploadAsync(name, bytes, "?handler=Upload");

            Assert.Equal([("#file", message)], form.Errors());
            Assert.Null(form.Page.QuerySelector(".file-list"));
        }
        await NothingKeptAsync(journeyId);
    }

    [Fact]
    public async Task The_message_is_in_the_visitors_language()
    {
        var (form, _) = await AtDocumentsAsync();

        await form.UploadAsync("ucięty.pdf", Pdf[..1000], "?culture=uk&handler=Upload");

        Assert.Equal([("#file", "Вибраний файл пошкоджений або неповний. Відкрийте його, перевірте, збережіть ще раз і додайте новий файл")], form.Errors());
    }

    [Fact]
    public async Task A_hundred_files_in_one_request_are_refused_and_none_is_kept()
    {
        var (form, journeyId) = await AtDocumentsAsync();
        using var content = new MultipartFormDataContent { { new StringContent(Html.AntiforgeryToken(form.Page)), "__RequestVerificationToken" } };
        for (var i = 0; i < 100; i++)
        {
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "file", $"skan-{i}.pdf");
        }

        var response = await form.Http.PostAsync(new Uri(form.Location!, "?handler=Upload"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Dodawaj pliki pojedynczo", page.Text(".error-summary a"));
        await NothingKeptAsync(journeyId);
    }

    [Fact]
    public async Task The_twenty_first_file_is_refused_with_the_limit_in_the_message()
    {
        var (form, journeyId) = await AtDocumentsAsync();
        // Twenty different pages (the same file twice would be refused as such).
        byte[] Page(int number) => [.. "%PDF-1.4\n"u8, .. new byte[2000 + number], .. "\n%%EOF\n"u8];
        for (var i = 0; i < 20; i++)
        {
            await form.UploadAsync($"strona-{i}.pdf", Page(i), "?handler=Upload");
        }

        await form.UploadAsync("strona-21.pdf", Page(21), "?handler=Upload");

        Assert.Equal([("#file", "Możesz dodać najwyżej 20 plików: usuń jeden, zanim dodasz kolejny")], form.Errors());
        await using var db = portal.App.Database.CreateDbContext();
        Assert.Equal(20, await db.Attachments.CountAsync(a => a.JourneyId == journeyId));
    }

    [Theory]
    [InlineData("../../../../etc/cron.d/x.pdf", "x.pdf")]
    [InlineData("C:\\Windows\\System32\\drivers\\etc\\hosts.pdf", "hosts.pdf")]
    [InlineData("<img src=x onerror=alert(1)>.pdf", "img src=x onerror=alert(1).pdf")]
    public async Task A_hostile_file_name_becomes_a_harmless_name_shown_as_text(string sent, string shown)
    {
        var (form, journeyId) = await AtDocumentsAsync();

        await form.UploadAsync(sent, Pdf, "?handler=Upload");

        Assert.Equal(shown, form.Page.Text(".file-name"));
        Assert.Null(form.Page.QuerySelector(".file-list img"));
        var stored = await StoredFilesAsync();
        await using var db = portal.App.Database.CreateDbContext();
        var attachment = await db.Attachments.SingleAsync(a => a.JourneyId == journeyId);
        Assert.Contains(stored, path => path.EndsWith(attachment.StorageKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_of_a_thousand_characters_is_shortened_and_keeps_its_extension()
    {
        var (form, _) = await AtDocumentsAsync();

        await form.UploadAsync(new string('a', 1000) + ".pdf", Pdf, "?handler=Upload");

        Assert.Equal(new string('a', 116) + ".pdf", form.Page.Text(".file-name"));
    }

    private async Task NothingKeptAsync(Guid journeyId)
    {
        await using var db = portal.App.Database.CreateDbContext();
        Assert.False(await db.Attachments.AnyAsync(a => a.JourneyId == journeyId));
        var keys = await db.Attachments.Select(a => a.StorageKey).ToListAsync();
        Assert.All(await StoredFilesAsync(), path => Assert.Contains(keys, key => path.EndsWith(key, StringComparison.Ordinal)));
    }

    /// <summary>Every file in the attachment directory, which must each belong to an attachment row.</summary>
    private Task<string[]> StoredFilesAsync()
    {
        var directory = portal.App.Services.GetRequiredService<IOptions<AttachmentStoreOptions>>().Value.Directory;
        return Task.FromResult(Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories) : []);
    }

    private async Task<(FormClient Form, Guid JourneyId)> AtDocumentsAsync()
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/apply/family-assistant");
        await form.PostAsync([]);
        var id = Guid.Parse(form.Location!.AbsolutePath.Split('/')[3]);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        await form.PostAsync(FamilyAssistantAnswers.Contact());
        await form.PostAsync(FamilyAssistantAnswers.Household());
        await form.PostAsync(FamilyAssistantAnswers.Situation());
        return (form, id);
    }
}
