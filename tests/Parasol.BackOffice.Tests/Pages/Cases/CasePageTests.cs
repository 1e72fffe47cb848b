using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Attachments;
using Parasol.Core.Audit;
using Parasol.Core.Cases;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Cases;

public sealed class CasePageTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task The_case_file_shows_the_people_the_answers_and_the_attachment_and_every_read_is_audited()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.Include(x => x.People).FirstAsync(x => x.Status == CaseStatus.WithSocialWorker);
        var key = Guid.NewGuid().ToString("N");
        await backOffice.App.Services.GetRequiredService<IAttachmentStore>().SaveAsync(key, new MemoryStream("%PDF-1.4 zaświadczenie"u8.ToArray()));
        var attachment = new Attachment { Id = Guid.CreateVersion7(), CaseId = c.Id, Kind = AttachmentKind.DiagnosisCertificate, FileName = "zaswiadczenie.pdf", ContentType = "application/pdf", SizeBytes = 24, Sha256 = new string('0', 64), StorageKey = key, UploadedAt = c.ReceivedAt };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var page = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}");
        var download = await client.GetAsync(new Uri($"/cases/{c.Id}/attachments/{attachment.Id}?download=true", UriKind.Relative));
        var view = await client.GetAsync(new Uri($"/cases/{c.Id}/attachments/{attachment.Id}", UriKind.Relative));

        Assert.Equal($"Sprawa {c.Number}", page.Text("h1"));
        var applicant = c.People.Single(p => p.Role == PersonRole.Applicant);
        Assert.Contains(page.QuerySelectorAll("section[aria-labelledby=people-heading] td"), td => td.TextContent == $"{applicant.FirstName} {applicant.LastName}");
        Assert.Equal("situation", page.Text(".answers dt"));
        Assert.Equal("Pobierz zaswiadczenie.pdf", page.QuerySelector($"a[href='/cases/{c.Id}/attachments/{attachment.Id}?download=true']")!.TextContent);
        Assert.Equal("%PDF-1.4 zaświadczenie", await download.Content.ReadAsStringAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("inline", view.Content.Headers.ContentDisposition!.DispositionType);
        var audited = await db.AuditEntries.Where(a => a.CaseId == c.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditAction.CaseViewed, AuditAction.AttachmentDownloaded, AuditAction.AttachmentViewed], audited);
    }

    [Fact]
    public async Task What_the_family_typed_is_isolated_so_a_direction_override_in_the_street_cannot_move_the_numbers()
    {
        const string street = "Ślusarska \u202Ekaj\u202C 😀";
        await using var db = backOffice.App.Database.CreateDbContext();
        // Not a case the other tests here read (they count its audit entries).
        var c = await db.Cases.Include(x => x.People).FirstAsync(x => x.Status != CaseStatus.WithSocialWorker && x.Status != CaseStatus.Received && x.FamilyAddress != null && x.People.Any(p => p.Role == PersonRole.Applicant));
        c.FamilyAddress = new Address { Street = street, HouseNumber = "36", FlatNumber = "4", PostalCode = "44-230", City = "Lipowiec" };
        await db.SaveChangesAsync();
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var page = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}");

        var address = page.QuerySelectorAll("dl.summary dt").Single(dt => dt.TextContent == "Adres").NextElementSibling!;
        Assert.Equal([street, "36", "4", "44-230", "Lipowiec"], address.QuerySelectorAll("bdi").Select(b => b.TextContent));
        Assert.Equal($"{street} 36/4, 44-230 Lipowiec", address.TextContent.Trim());
        var applicant = c.People.First(p => p.Role == PersonRole.Applicant);
        Assert.Contains(page.QuerySelectorAll("section[aria-labelledby=people-heading] td"),
            td => td.QuerySelectorAll("bdi").Select(b => b.TextContent).SequenceEqual([applicant.FirstName, applicant.LastName]));
    }

    [Fact]
    public async Task A_step_the_role_may_not_take_is_refused_with_a_clear_message_in_the_persons_language()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.WithSocialWorker);
        using var client = await StaffSession.SignInAsync(backOffice.App, "dyrektor@ops.example");

        var response = await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Status", new() { ["To"] = nameof(CaseStatus.InterviewPlanned) }, formPage: $"/cases/{c.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Twoja rola nie pozwala przenieść sprawy ze statusu „U pracownika socjalnego” do „Zaplanowany wywiad środowiskowy”", page.Text(".error-summary a"));
        Assert.Equal(CaseStatus.WithSocialWorker, (await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id)).Status);
    }

    [Fact]
    public async Task A_completion_deadline_under_seven_days_is_refused_next_to_the_field()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.Received);
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        var soon = Core.Time.WarsawTime.Today(TimeProvider.System).AddDays(3).ToString("yyyy-MM-dd");

        var response = await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Status",
            new() { ["To"] = nameof(CaseStatus.CompletionRequested), ["CompletionDueOn"] = soon, ["Reason"] = "Zaświadczenie lekarskie" }, formPage: $"/cases/{c.Id}");

        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Termin uzupełnienia braków musi wynosić co najmniej 7 dni", page.Text(".error-summary a[href='#CompletionDueOn-CompletionRequested']"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#CompletionDueOn-CompletionRequested"));
    }

    [Fact]
    public async Task The_clerk_marks_a_case_urgent_and_adds_an_internal_note_both_on_the_timeline()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.Received && !x.IsUrgent);
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Urgent", [], formPage: $"/cases/{c.Id}");
        await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Note", new() { ["Note"] = "Dzwoniła pedagog szkolna." }, formPage: $"/cases/{c.Id}");
        var page = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}");

        Assert.Contains("Pilna", page.Text(".case-status"), StringComparison.Ordinal);
        var timeline = page.QuerySelectorAll(".timeline li").Select(li => li.TextContent).ToList();
        Assert.Contains(timeline, t => t.Contains("Oznaczona jako pilna", StringComparison.Ordinal) && t.Contains("Anna Nowak", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("Notatka wewnętrzna", StringComparison.Ordinal) && t.Contains("Dzwoniła pedagog szkolna.", StringComparison.Ordinal));
    }
}
