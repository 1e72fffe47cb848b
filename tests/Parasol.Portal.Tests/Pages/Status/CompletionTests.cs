using Microsoft.EntityFrameworkCore;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Portal.Tests.Security;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Status;

/// <summary>The office asked for missing documents (KPA art. 64 § 2); the applicant sends them from the status page.</summary>
public sealed class CompletionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, .. new byte[3000], .. "\n%%EOF\n"u8];
    private static int _addresses;

    [Fact]
    public async Task The_applicant_sees_the_request_sends_the_documents_and_the_case_returns_to_its_worker_in_one_step()
    {
        var (id, form) = await SignedInWithRequestAsync(withWorker: true);

        Assert.Equal("Prosimy o zaświadczenie ze szkoły.", form.Page.Text(".completion-text"));
        Assert.Contains("16 marca 2026", form.Page.Text(".completion-request"), StringComparison.Ordinal);
        await form.GetAsync("/status/documents");
        await form.UploadAsync("program.pdf", [.. "MZ\x90\0"u8, .. new byte[100]], "/status/documents?handler=Upload");
        Assert.Contains(("#file", "Wybrany plik musi być w formacie PDF, JPG lub PNG"), form.Errors());
        await form.UploadAsync("../zaswiadczenie.pdf", Pdf, "/status/documents?handler=Upload");
        Assert.Equal(["zaswiadczenie.pdf"], form.Page.QuerySelectorAll(".file-name").Select(e => e.TextContent));

        await form.PostAsync([], "/status/documents?handler=Send");

        Assert.Equal("/status/case", form.Location!.AbsolutePath);
        Assert.Equal("Dziękujemy: otrzymaliśmy Twoje dokumenty", form.Page.Text(".notice-title"));
        Assert.Equal("U pracownika socjalnego", form.Page.Text(".status-stage"));
        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.Attachments).Include(c => c.Events).SingleAsync(c => c.Id == id);
        Assert.Equal(CaseStatus.WithSocialWorker, stored.Status);
        Assert.Null(stored.CompletionDueOn);
        var file = Assert.Single(stored.Attachments);
        Assert.Equal((AttachmentKind.CompletionDocument, "zaswiadczenie.pdf", (Guid?)null), (file.Kind, file.FileName, file.JourneyId));
        Assert.Contains(stored.Events, e => e.Kind == CaseEventKind.CompletionReceived && !e.IsInternal);
        Assert.Contains(stored.Events, e => e.Kind == CaseEventKind.StatusChanged && e.NewStatus == CaseStatus.WithSocialWorker);

        await form.GetAsync("/status/documents"); // nothing asked any more: back to the case
        Assert.Equal("/status/case", form.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_file_already_added_or_already_sent_with_the_case_is_refused_by_name()
    {
        var (id, form) = await SignedInWithRequestAsync(withWorker: true);
        await form.GetAsync("/status/documents");
        await form.UploadAsync("zaswiadczenie.pdf", Pdf, "/status/documents?handler=Upload");

        await form.UploadAsync("zaswiadczenie (2).pdf", Pdf, "/status/documents?handler=Upload");

        Assert.Equal([("#file", "Wybrany plik jest już dodany jako „zaswiadczenie.pdf”: wybierz inny plik")], form.Errors());
        Assert.Equal(["zaswiadczenie.pdf"], form.Page.QuerySelectorAll(".file-name").Select(e => e.TextContent));

        // Sent; the office asks again: the same file is with the case already.
        await form.PostAsync([], "/status/documents?handler=Send");
        await using (var db = portal.App.Database.CreateDbContext())
        {
            var c = await db.Cases.SingleAsync(x => x.Id == id);
            c.Status = CaseStatus.CompletionRequested;
            c.Events.Add(new CaseEvent { OccurredAt = DateTimeOffset.UtcNow, Kind = CaseEventKind.CompletionRequested, Text = "Prosimy o czytelny skan.", IsInternal = false });
            await db.SaveChangesAsync();
        }
        await form.GetAsync("/status/documents");
        await form.UploadAsync("skan.pdf", Pdf, "/status/documents?handler=Send");

        Assert.Equal("/status/documents", form.Location!.AbsolutePath);
        Assert.Equal([("#file", "Wybrany plik jest już dodany jako „zaswiadczenie.pdf”: wybierz inny plik")], form.Errors());
    }

    [Fact]
    public async Task A_file_too_large_to_read_chosen_with_send_is_refused_and_nothing_is_sent()
    {
        var (id, form) = await SignedInWithRequestAsync(withWorker: true);
        await form.GetAsync("/status/documents");
        await form.UploadAsync("zaswiadczenie.pdf", Pdf, "/status/documents?handler=Upload");

        await form.UploadAsync("skan.pdf", [.. "%PDF-1.4\n"u8, .. new byte[11 * 1024 * 1024]], "/status/documents?handler=Send");

        Assert.Equal([("#file", "Wybrany plik musi mieć mniej niż 10 MB")], form.Errors());
        await using var db = portal.App.Database.CreateDbContext();
        Assert.Equal(CaseStatus.CompletionRequested, (await db.Cases.SingleAsync(c => c.Id == id)).Status);
    }

    /// <summary>The hostile files refused on a journey's documents step, sent here with the send button: the case is not sent on.</summary>
    [Theory]
    [MemberData(nameof(HostileUploadTests.Refused), MemberType = typeof(HostileUploadTests))]
    public async Task A_file_that_is_not_a_clean_document_sent_as_the_answer_is_refused_and_nothing_is_sent_or_kept(string name, byte[] bytes, string message)
    {
        var (id, form) = await SignedInWithRequestAsync(withWorker: true);
        await form.GetAsync("/status/documents");
        var attachmentsBefore = await AttachmentsAsync();

        await form.UploadAsync(name, bytes, "/status/documents?handler=Send");

        Assert.Equal("/status/documents", form.Location!.AbsolutePath);
        Assert.Equal([("#file", message)], form.Errors());
        Assert.Null(form.Page.QuerySelector(".file-list"));
        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == id);
        Assert.Equal(CaseStatus.CompletionRequested, stored.Status);
        Assert.DoesNotContain(stored.Events, e => e.Kind == CaseEventKind.CompletionReceived);
        Assert.Equal(attachmentsBefore, await AttachmentsAsync());

        async Task<List<(Guid, string)>> AttachmentsAsync()
        {
            await using var db = portal.App.Database.CreateDbContext();
            return (await db.Attachments.AsNoTracking().Select(a => new { a.Id, a.StorageKey }).ToListAsync()).Select(a => (a.Id, a.StorageKey)).Order().ToList();
        }
    }

    [Fact]
    public async Task Sending_without_a_document_changes_nothing_and_a_case_without_a_worker_goes_back_to_the_registry()
    {
        var (id, form) = await SignedInWithRequestAsync(withWorker: false);
        await form.GetAsync("/status/documents");

        await form.PostAsync([], "/status/documents?handler=Send");

        Assert.Contains(("#file", "Zanim wyślesz, dodaj co najmniej jeden dokument"), form.Errors());
        await using (var db = portal.App.Database.CreateDbContext())
        {
            Assert.Equal(CaseStatus.CompletionRequested, (await db.Cases.SingleAsync(c => c.Id == id)).Status);
        }

        await form.UploadAsync("skan.pdf", Pdf, "/status/documents?handler=Upload");
        await form.PostAsync([], "/status/documents?handler=Send");

        await using var after = portal.App.Database.CreateDbContext();
        Assert.Equal(CaseStatus.Received, (await after.Cases.SingleAsync(c => c.Id == id)).Status);
    }

    [Fact]
    public async Task A_file_chosen_but_not_uploaded_is_sent_with_the_send_button()
    {
        var (id, form) = await SignedInWithRequestAsync(withWorker: true);
        await form.GetAsync("/status/documents");

        await form.UploadAsync("zaswiadczenie.pdf", Pdf, form.ActionOf("Wyślij dokumenty"));

        Assert.Equal("/status/case", form.Location!.AbsolutePath);
        Assert.Equal("Dziękujemy: otrzymaliśmy Twoje dokumenty", form.Page.Text(".notice-title"));
        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.Attachments).SingleAsync(c => c.Id == id);
        Assert.Equal("zaswiadczenie.pdf", Assert.Single(stored.Attachments).FileName);
    }

    [Fact]
    public async Task The_upload_form_sends_its_token_before_the_file_so_the_file_can_be_streamed_to_the_store()
    {
        var (_, form) = await SignedInWithRequestAsync(withWorker: true);
        await form.GetAsync("/status/documents");

        var inputs = form.Page.QuerySelector("form[enctype='multipart/form-data']")!.QuerySelectorAll("input").Select(i => i.GetAttribute("name")).ToList();

        Assert.Equal(["__RequestVerificationToken", "file"], inputs);
    }

    [Fact]
    public async Task Without_the_status_ticket_the_documents_page_leads_to_the_sign_in()
    {
        var form = new FormClient(portal.App.CreateClient());

        await form.GetAsync("/status/documents");

        Assert.Equal("/status", form.Location!.AbsolutePath);
    }

    private async Task<(Guid Id, FormClient Form)> SignedInWithRequestAsync(bool withWorker)
    {
        var applicant = new FormClient(portal.App.CreateClient());
        await FamilyAssistantJourneyTests.CompleteUpToCheckAsync(applicant);
        await applicant.PostAsync([new("Consent", "true")]);
        var (number, code) = (applicant.Page.Text(".case-number"), applicant.Page.Text(".access-code"));

        Guid id;
        await using (var db = portal.App.Database.CreateDbContext())
        {
            var c = await db.Cases.SingleAsync(x => x.Number == number);
            id = c.Id;
            c.SocialWorkerId = withWorker ? await db.Users.Where(u => u.Email == "a.kowalska@ops.example").Select(u => (Guid?)u.Id).SingleAsync() : null;
            c.Status = CaseStatus.CompletionRequested;
            c.CompletionDueOn = new DateOnly(2026, 3, 16);
            c.Events.Add(new CaseEvent { OccurredAt = DateTimeOffset.UtcNow, Kind = CaseEventKind.CompletionRequested, Text = "Prosimy o zaświadczenie ze szkoły.", IsInternal = false });
            await db.SaveChangesAsync();
        }

        // Each from its own address: the class's look-ups together would use up one address's allowance.
        var form = RefusedRequestsTests.From(portal.App, $"198.51.100.{Interlocked.Increment(ref _addresses)}");
        await form.GetAsync("/status");
        await form.PostAsync([new("CaseNumber", number), new("AccessCode", code)]);
        Assert.Equal("/status/case", form.Location!.AbsolutePath);
        return (id, form);
    }
}
