using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Parasol.Core.Cases;
using Parasol.Core.Submissions;
using Parasol.EndToEnd.Tests.Apply;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.Status;

/// <summary>The office asked for a missing document; the applicant sends it from the status page in real Chromium, with axe on every page.</summary>
public sealed class CompletionInBrowserTests(BothApps apps) : IClassFixture<BothApps>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[2000]];

    [Fact]
    public async Task The_applicant_sends_the_requested_document_and_the_case_goes_back_to_the_social_worker()
    {
        const string code = "K7M2-QX9P-4HTR";
        Case c;
        await using (var services = apps.Portal.Database.CreateServices())
        {
            c = await TestCases.SubmitAsync(services, x => (x.AccessCodeHash, x.IssuedAccessCode) = (AccessCode.Hash(code), code));
        }
        await using (var db = apps.Portal.Database.CreateDbContext())
        {
            var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id);
            tracked.SocialWorkerId = await db.Users.Where(u => u.Email == "a.kowalska@ops.example").Select(u => (Guid?)u.Id).SingleAsync();
            tracked.Status = CaseStatus.CompletionRequested;
            tracked.CompletionDueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
            tracked.Events.Add(new CaseEvent { OccurredAt = DateTimeOffset.UtcNow, Kind = CaseEventKind.CompletionRequested, Text = "Prosimy o opinię ze szkoły.", IsInternal = false });
            await db.SaveChangesAsync();
        }
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync(new Uri(apps.PortalUrl, "/status").ToString());
        await page.GetByLabel("Numer sprawy", new() { Exact = true }).FillAsync(c.Number);
        await page.GetByLabel("Kod dostępu", new() { Exact = true }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sprawdź moją sprawę" }).ClickAsync();
        await Assertions.Expect(page.Locator(".completion-text")).ToHaveTextAsync("Prosimy o opinię ze szkoły.");
        violations.AddRange(await Axe.ViolationsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Wyślij dokumenty" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyślij dokumenty" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Zanim wyślesz, dodaj co najmniej jeden dokument");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "opinia.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyślij plik" }).ClickAsync();
        await Assertions.Expect(page.Locator(".file-name")).ToHaveTextAsync("opinia.pdf");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyślij dokumenty" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice-title")).ToHaveTextAsync("Dziękujemy: otrzymaliśmy Twoje dokumenty");
        await Assertions.Expect(page.Locator(".status-stage")).ToHaveTextAsync("U pracownika socjalnego");
        violations.AddRange(await Axe.ViolationsAsync(page));
        Assert.Empty(violations);
        await using var check = apps.Portal.Database.CreateDbContext();
        Assert.Equal(1, await check.Attachments.CountAsync(a => a.CaseId == c.Id && a.FileName == "opinia.pdf"));
    }
}
