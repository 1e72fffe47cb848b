using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Portal.Tests.Security;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>
/// Uploads per client address (<c>Apply:UploadLimit</c>), the journeys' documents steps and the status page's completion
/// together: past the limit a file is refused before any of it is read, and everything already entered or added stays.
/// Each test comes from its own addresses, since the counters of the class's database are shared.
/// </summary>
public sealed class UploadLimitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>The message of an upload refused by the limit, whose answer is <paramref name="response"/>.</summary>
    private static string OverLimit(HttpResponseMessage response) =>
        $"Z Twojego połączenia wysłano zbyt wiele plików. Pliki już dodane są zapisane: poczekaj {RetryAfter.Minutes(response, TimeSpan.FromMinutes(30))} min i wyślij ten plik ponownie.";

    [Fact]
    public async Task Over_a_real_connection_an_upload_past_the_limit_gets_the_step_back_with_429_the_files_the_kind_and_the_change_flag()
    {
        await using var app = Limited(permits: 2);
        var url = app.StartOnRealPort();
        var form = Browser(url, "203.0.113.30");
        await AtSupportDocumentsAsync(form);
        await form.UploadAsync("diagnoza.pdf", Pdf(2000, 1), "?handler=Upload");
        await form.UploadAsync("opinia.pdf", Pdf(2000, 2), form.ActionOf("Dalej"));
        Assert.EndsWith("/check", form.Location!.AbsolutePath, StringComparison.Ordinal);
        await form.GetAsync(form.Page.QuerySelectorAll(".summary-actions a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("/documents", StringComparison.Ordinal)));
        var stored = StoredFiles(app);

        // 8 MB, another kind than the first: a browser sends the whole body before it reads the answer.
        await form.UploadAsync("wypis.pdf", Pdf(8 * 1024 * 1024, 3), form.ActionOf("Wyślij plik"), [new("kind", "Other")]);

        Assert.Equal([("#file", OverLimit(form.Last!))], form.Errors());
        Assert.Equal(["diagnoza.pdf", "opinia.pdf"], form.Page.QuerySelectorAll(".file-name").Select(e => e.TextContent));
        Assert.Equal("Other", form.Page.QuerySelector("input[name=kind][checked]")!.GetAttribute("value"));
        Assert.Contains("change=true", form.Page.QuerySelector("form[enctype='multipart/form-data']")!.GetAttribute("action"), StringComparison.Ordinal);
        Assert.EndsWith("/check", form.Page.QuerySelector(".back-link")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(stored, StoredFiles(app));
        await using (var db = portal.App.Database.CreateDbContext())
        {
            Assert.False(await db.Attachments.AnyAsync(a => a.FileName == "wypis.pdf"));
        }

        // The connection is still good, and another address has its own allowance.
        await form.GetAsync(form.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        var other = Browser(url, "203.0.113.31");
        await AtSupportDocumentsAsync(other);
        await other.UploadAsync("diagnoza.pdf", Pdf(2000, 4), "?handler=Upload");
        Assert.Empty(other.Errors());
        Assert.Equal(["diagnoza.pdf"], other.Page.QuerySelectorAll(".file-name").Select(e => e.TextContent));
    }

    [Fact]
    public async Task Completion_uploads_count_with_the_journeys_and_past_the_limit_send_refuses_the_file_and_sends_nothing()
    {
        await using var app = Limited(permits: 2);
        var applicant = RefusedRequestsTests.From(app, "203.0.113.32");
        await FamilyAssistantJourneyTests.StartAsync(applicant);
        await applicant.PostAsync(FamilyAssistantAnswers.AboutYou());
        await applicant.PostAsync(FamilyAssistantAnswers.Contact());
        await applicant.PostAsync(FamilyAssistantAnswers.Household());
        await applicant.PostAsync(FamilyAssistantAnswers.Situation());
        await applicant.UploadAsync("opinia.pdf", Pdf(2000, 5), applicant.ActionOf("Dalej"));
        await applicant.PostAsync([new("Consent", "true")]);
        var form = await SignedInWithRequestAsync(app, applicant, "203.0.113.32");
        await form.GetAsync("/status/documents");
        await form.UploadAsync("zaswiadczenie.pdf", Pdf(2000, 6), "/status/documents?handler=Upload");
        Assert.Empty(form.Errors());
        var stored = StoredFiles(app);

        await form.UploadAsync("skan.pdf", Pdf(3000, 7), "/status/documents?handler=Send");

        Assert.Equal("/status/documents", form.Location!.AbsolutePath);
        Assert.Equal([("#file", OverLimit(form.Last!))], form.Errors());
        Assert.Equal(["zaswiadczenie.pdf"], form.Page.QuerySelectorAll(".file-name").Select(e => e.TextContent));
        Assert.Equal(stored, StoredFiles(app));
        await using var db = portal.App.Database.CreateDbContext();
        var sent = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Number == applicant.Page.Text(".case-number"));
        Assert.Equal(CaseStatus.CompletionRequested, sent.Status);
        Assert.DoesNotContain(sent.Events, e => e.Kind == CaseEventKind.CompletionReceived);
        Assert.False(await db.Attachments.AnyAsync(a => a.FileName == "skan.pdf"));

        // Another address uploads to the same case.
        var elsewhere = await SignedInWithRequestAsync(app, applicant, "203.0.113.33", asked: false);
        await elsewhere.GetAsync("/status/documents");
        await elsewhere.UploadAsync("skan.pdf", Pdf(3000, 7), "/status/documents?handler=Upload");
        Assert.Empty(elsewhere.Errors());
        Assert.Equal(["zaswiadczenie.pdf", "skan.pdf"], elsewhere.Page.QuerySelectorAll(".file-name").Select(e => e.TextContent));
    }

    private ParasolAppFactory<SharedResource> Limited(int permits)
    {
        var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        app.Settings["Apply:UploadLimit:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Apply:UploadLimit:WindowMinutes"] = "30";
        return app;
    }

    /// <summary>A browser on a real connection whose address, as a trusted proxy on loopback forwards it, is <paramref name="address"/>.</summary>
    private static FormClient Browser(Uri url, string address)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = url };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return new FormClient(http);
    }

    /// <summary>A "Za życiem" support request by a parent, at its documents step: two kinds of document to choose from.</summary>
    private static async Task AtSupportDocumentsAsync(FormClient form)
    {
        await form.GetAsync("/apply/za-zyciem-support");
        await form.PostAsync([]);
        await form.PostAsync(new Dictionary<string, string>(FamilyAssistantAnswers.AboutYou()) { ["Answers.Role"] = "Parent" });
        await form.PostAsync(FamilyAssistantAnswers.Contact());
        await form.PostAsync([new("Answers.ChildFirstName", "Staś"), new("Answers.ChildDateOfBirth.Day", "3"), new("Answers.ChildDateOfBirth.Month", "2"),
            new("Answers.ChildDateOfBirth.Year", "2025"), new("Answers.Needs", "Rehabilitacja i sprzęt.")]);
        Assert.EndsWith("/documents", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>The office asks for documents in the case the applicant's receipt shows (once); the status page opened from <paramref name="address"/>.</summary>
    private async Task<FormClient> SignedInWithRequestAsync(ParasolAppFactory<SharedResource> app, FormClient applicant, string address, bool asked = true)
    {
        var (number, code) = (applicant.Page.Text(".case-number"), applicant.Page.Text(".access-code"));
        if (asked)
        {
            await using var db = portal.App.Database.CreateDbContext();
            var c = await db.Cases.SingleAsync(x => x.Number == number);
            c.Status = CaseStatus.CompletionRequested;
            c.CompletionDueOn = new DateOnly(2026, 3, 16);
            c.Events.Add(new CaseEvent { OccurredAt = DateTimeOffset.UtcNow, Kind = CaseEventKind.CompletionRequested, Text = "Prosimy o zaświadczenie ze szkoły.", IsInternal = false });
            await db.SaveChangesAsync();
        }
        var form = RefusedRequestsTests.From(app, address);
        await form.GetAsync("/status");
        await form.PostAsync([new("CaseNumber", number), new("AccessCode", code)]);
        Assert.Equal("/status/case", form.Location!.AbsolutePath);
        return form;
    }

    private static byte[] Pdf(int size, byte fill) => [.. "%PDF-1.4\n"u8, .. Enumerable.Repeat(fill, size), .. "\n%%EOF\n"u8];

    /// <summary>Every file in the app's attachment store directory.</summary>
    private static string[] StoredFiles(ParasolAppFactory<SharedResource> app)
    {
        var directory = app.Services.GetRequiredService<IOptions<AttachmentStoreOptions>>().Value.Directory;
        return Directory.Exists(directory) ? [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order()] : [];
    }
}
