using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Parasol.Core.Cases;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.BackOffice;

public sealed class CaseWorkflowTests(BackOfficeInBrowser backOffice) : IClassFixture<BackOfficeInBrowser>
{
    [Fact]
    public async Task A_new_case_goes_from_the_clerk_to_the_social_worker_to_the_director_and_the_timeline_shows_it_all()
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // The clerk signs in with two-step sign-in and finds a new case in the queue.
        await StaffInBrowser.SignInAsync(page, backOffice, "kancelaria@ops.example");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sprawy");
        await Assertions.Expect(page.Locator(".tabs a[aria-current=page]")).ToContainTextAsync("Nowe");
        var firstNew = page.Locator("table.queue tbody tr td:first-child a").First;
        var number = await firstNew.InnerTextAsync();
        await firstNew.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Sprawa {number}");
        var caseUrl = page.Url;

        // ... and assigns it to a social worker, seeing each one's open caseload.
        var worker = page.GetByLabel("Przydziel pracownikowi socjalnemu");
        await worker.SelectOptionAsync(new SelectOptionValue { Label = await worker.Locator("option", new() { HasTextString = "Agnieszka Kowalska" }).InnerTextAsync() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Przydziel", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Sprawa została przydzielona.");
        await Assertions.Expect(page.Locator(".case-status strong").First).ToHaveTextAsync("U pracownika socjalnego");
        await StaffInBrowser.SignOutAsync(page);

        // The social worker finds it among their cases, plans and records the interview, and proposes an assistant.
        await StaffInBrowser.SignInAsync(page, backOffice, "a.kowalska@ops.example");
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaplanuj wywiad środowiskowy" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Odnotuj przeprowadzenie wywiadu" }).ClickAsync();
        await page.GetByLabel("Uzasadnienie dla dyrektora").FillAsync("Rodzina potrzebuje wsparcia w opiece nad dziećmi.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wnioskuj do dyrektora o asystenta" }).ClickAsync();
        await Assertions.Expect(page.Locator(".case-status strong").First).ToHaveTextAsync("Wniosek do dyrektora");
        await StaffInBrowser.SignOutAsync(page);

        // The director assigns an assistant from the list with each one's families.
        await StaffInBrowser.SignInAsync(page, backOffice, "dyrektor@ops.example");
        await page.GotoAsync(caseUrl);
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Katarzyna Lewandowska – rodziny: \\d+ z 15$")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Przydziel asystenta" }).ClickAsync();
        await Assertions.Expect(page.Locator(".case-status strong").First).ToHaveTextAsync("Przydzielony asystent");

        var timeline = await page.Locator(".timeline li").AllInnerTextsAsync();
        Assert.Contains(timeline, t => t.Contains("Przydzielona", StringComparison.Ordinal) && t.Contains("Agnieszka Kowalska", StringComparison.Ordinal) && t.Contains("Anna Nowak", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("Zmiana statusu: Zaplanowany wywiad środowiskowy", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("Zmiana statusu: Przeprowadzony wywiad środowiskowy", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("Zmiana statusu: Wniosek do dyrektora", StringComparison.Ordinal) && t.Contains("Rodzina potrzebuje wsparcia", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("Przydzielona", StringComparison.Ordinal) && t.Contains("Katarzyna Lewandowska", StringComparison.Ordinal) && t.Contains("Ewa Kamińska", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("Zmiana statusu: Przydzielony asystent", StringComparison.Ordinal));

        await using var db = backOffice.App.Database.CreateDbContext();
        var saved = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number);
        Assert.Equal(CaseStatus.AssistantAssigned, saved.Status);
    }

    [Fact]
    public async Task The_queue_a_case_and_the_admin_and_audit_pages_have_no_accessibility_violations()
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        await StaffInBrowser.SignInAsync(page, backOffice, "dyrektor@ops.example");
        await page.GotoAsync(new Uri(backOffice.Url, "/?Tab=All").ToString());
        violations.AddRange(await StaffInBrowser.AccessibilityViolationsAsync(page));
        await page.Locator("table.queue tbody tr td:first-child a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Sprawa");
        violations.AddRange(await StaffInBrowser.AccessibilityViolationsAsync(page));
        await page.GotoAsync(new Uri(backOffice.Url, "/Audit").ToString());
        violations.AddRange(await StaffInBrowser.AccessibilityViolationsAsync(page));
        await StaffInBrowser.SignOutAsync(page);

        await StaffInBrowser.SignInAsync(page, backOffice, "admin@ops.example");
        foreach (var path in new[] { "/Admin/Staff", "/Admin/Staff/Edit", "/Admin/Office", "/Account/Security" })
        {
            await page.GotoAsync(new Uri(backOffice.Url, path).ToString());
            violations.AddRange(await StaffInBrowser.AccessibilityViolationsAsync(page));
        }
        await page.GotoAsync(new Uri(backOffice.Url, "/Admin/Staff").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Anna Nowak" }).ClickAsync();
        violations.AddRange(await StaffInBrowser.AccessibilityViolationsAsync(page));

        Assert.Empty(violations);
    }
}
