using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>The documents step with a real clamd configured, and with one that does not answer.</summary>
public sealed class VirusScanTests(VirusScanTests.Fixture fixture) : IClassFixture<VirusScanTests.Fixture>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, .. new byte[2000], .. "\n%%EOF\n"u8];

    [Fact]
    public async Task A_file_carrying_a_virus_is_refused_with_a_clear_message_and_a_clean_one_is_accepted()
    {
        var (form, journeyId) = await AtDocumentsAsync(fixture.Scanned);
        byte[] infected = [.. Pdf[..500], .. ClamAvDaemon.Eicar, .. Pdf[500..]];

        await form.UploadAsync("skan.pdf", infected, "?handler=Upload");

        Assert.Equal([("#file", "Wybrany plik zawiera wirusa i nie został przyjęty. Nie otwieraj go ponownie; zeskanuj papierowy dokument albo poproś nadawcę o nową kopię")], form.Errors());
        await form.UploadAsync("skan.pdf", Pdf, "?handler=Upload");
        Assert.Empty(form.Errors());
        Assert.Equal("skan.pdf", form.Page.Text(".file-name"));
        await using var db = fixture.Scanned.Database.CreateDbContext();
        Assert.Equal(1, await db.Attachments.CountAsync(a => a.JourneyId == journeyId));
    }

    [Fact]
    public async Task When_the_scanner_does_not_answer_the_file_is_refused_with_try_again_later_in_the_visitors_language()
    {
        var (form, journeyId) = await AtDocumentsAsync(fixture.ScannerDown);

        await form.UploadAsync("skan.pdf", Pdf, "?handler=Upload");
        Assert.Equal([("#file", "Nie możemy teraz sprawdzić plików antywirusem, więc plik nie został przyjęty. Spróbuj ponownie później")], form.Errors());
        await form.UploadAsync("skan.pdf", Pdf, "?culture=en&handler=Upload");
        Assert.Equal([("#file", "We cannot check files for viruses at the moment, so the file was not accepted. Please try again later")], form.Errors());
        await form.UploadAsync("skan.pdf", Pdf, "?culture=uk&handler=Upload");
        Assert.Equal([("#file", "Зараз ми не можемо перевірити файли на віруси, тому файл не прийнято. Спробуйте пізніше")], form.Errors());

        await using var db = fixture.ScannerDown.Database.CreateDbContext();
        Assert.False(await db.Attachments.AnyAsync(a => a.JourneyId == journeyId));
    }

    private static async Task<(FormClient Form, Guid JourneyId)> AtDocumentsAsync(ParasolAppFactory<SharedResource> app)
    {
        var form = new FormClient(app.CreateClient());
        var id = await FamilyAssistantJourneyTests.StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        await form.PostAsync(FamilyAssistantAnswers.Contact());
        await form.PostAsync(FamilyAssistantAnswers.Household());
        await form.PostAsync(FamilyAssistantAnswers.Situation());
        return (form, id);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private ClamAvDaemon _clamd = null!;

        public ParasolAppFactory<SharedResource> Scanned { get; private set; } = null!;
        public ParasolAppFactory<SharedResource> ScannerDown { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _clamd = await ClamAvDaemon.StartAsync();
            var database = await TestDatabase.CreateAsync();
            Scanned = new ParasolAppFactory<SharedResource>(database);
            Scanned.Settings["Attachments:ClamAv:Host"] = "127.0.0.1";
            Scanned.Settings["Attachments:ClamAv:Port"] = _clamd.Port.ToString(CultureInfo.InvariantCulture);
            ScannerDown = new ParasolAppFactory<SharedResource>(database);
            ScannerDown.Settings["Attachments:ClamAv:Host"] = "127.0.0.1";
            ScannerDown.Settings["Attachments:ClamAv:Port"] = ClamAvDaemon.FreePort().ToString(CultureInfo.InvariantCulture);
        }

        public async Task DisposeAsync()
        {
            await Scanned.DisposeAsync();
            await ScannerDown.DisposeAsync();
            await _clamd.DisposeAsync();
            await Scanned.Database.DisposeAsync();
        }
    }
}
