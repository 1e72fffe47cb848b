using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.BackOffice;

/// <summary>
/// axe-core (WCAG 2.0 and 2.1, A and AA) on the back office's busiest pages as staff see them: the queue, a case with its
/// attachments and the family's answers (stored read-back, and an older case's), the staff list and the districts, in
/// Polish and Ukrainian; on forms sent back with mistakes, which also take the focus to their error summary; and at 320 px
/// wide (400 % zoom), where the pages must reflow.
/// </summary>
public sealed partial class AccessibilityTests(BackOfficeInBrowser backOffice) : IClassFixture<BackOfficeInBrowser>
{
    [Theory]
    [InlineData("pl")]
    [InlineData("uk")]
    public async Task The_queue_a_case_with_attachments_and_answers_and_the_admin_lists_pass_axe(string language)
    {
        var withSummary = await SubmitAsync(c => c.AnswerSummaryJson = Summary.ToJson());
        var older = await SubmitAsync(c => c.AnswersJson = """{"aboutYou":{"role":"Parent","firstName":"Anna","dateOfBirth":{"day":"1","month":"2","year":"1990"}},"household":{"children":[{"firstName":"Zosia"}]},"situation":{"helpWanted":["Upbringing"]}}""");
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        async Task CheckAsync(string path)
        {
            await page.GotoAsync(new Uri(backOffice.Url, path).ToString());
            violations.AddRange(await StaffInBrowser.AccessibilityViolationsAsync(page));
        }

        await CheckAsync("/Account/SignIn");
        await StaffInBrowser.SignInAsync(page, backOffice, "kancelaria@ops.example");
        await ChooseLanguageAsync(page, language);
        await CheckAsync("/");
        await CheckAsync($"/cases/{withSummary.Id}");
        await Assertions.Expect(page.Locator("section[aria-labelledby=attachments-heading] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("section[aria-labelledby=answers-heading] h3")).ToHaveCountAsync(1);
        await CheckAsync($"/cases/{older.Id}");
        await Assertions.Expect(page.Locator("section[aria-labelledby=answers-heading] dt")).ToHaveCountAsync(5);
        await ChooseLanguageAsync(page, "pl");
        await StaffInBrowser.SignOutAsync(page);

        await StaffInBrowser.SignInAsync(page, backOffice, "admin@ops.example");
        foreach (var path in new[] { "/Admin/Staff", "/Admin/Districts", "/Admin/Districts/Absences", "/Admin/Mail" })
        {
            await CheckAsync(path);
        }

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Forms_sent_back_with_mistakes_pass_axe_and_start_at_their_error_summary()
    {
        var c = await SubmitAsync(_ => { });
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        async Task CheckErrorsAsync()
        {
            // Keyboard and screen-reader users start at the summary of the mistakes, whose links lead to each field.
            await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
            await Assertions.Expect(page).ToHaveTitleAsync(ErrorTitle());
            violations.AddRange(await StaffInBrowser.AccessibilityViolationsAsync(page));
        }

        await page.GotoAsync(new Uri(backOffice.Url, "/Account/SignIn").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await CheckErrorsAsync();
        await page.Locator(".error-summary a").First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Adres e-mail")).ToBeFocusedAsync();

        await StaffInBrowser.SignInAsync(page, backOffice, "kancelaria@ops.example");
        await page.GotoAsync(new Uri(backOffice.Url, $"/cases/{c.Id}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz notatkę" }).ClickAsync();
        await CheckErrorsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Wezwij do uzupełnienia braków" }).ClickAsync();
        await CheckErrorsAsync();
        await StaffInBrowser.SignOutAsync(page);

        await StaffInBrowser.SignInAsync(page, backOffice, "admin@ops.example");
        await page.GotoAsync(new Uri(backOffice.Url, "/Admin/Staff/Edit").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await CheckErrorsAsync();
        await page.GotoAsync(new Uri(backOffice.Url, "/Account/Security").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Zmień hasło" }).ClickAsync();
        await CheckErrorsAsync();

        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_error_pages_and_the_access_denied_page_pass_axe_and_lead_back_to_work()
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        async Task CheckAsync(string path, int status, string heading)
        {
            var response = await page.GotoAsync(new Uri(backOffice.Url, path).ToString());
            Assert.Equal(status, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            Assert.Equal("pl", await page.Locator("html").GetAttributeAsync("lang"));
            Assert.True(await page.Locator("main a[href='/']").CountAsync() >= 1, $"{path}: no way back to the start page");
            violations.AddRange(await StaffInBrowser.AccessibilityViolationsAsync(page));
        }

        // Signed out: a wrong address.
        await CheckAsync("/no-such-page", 404, "Nie znaleziono strony");
        await StaffInBrowser.SignInAsync(page, backOffice, "kancelaria@ops.example");
        // The registry clerk at an administrator's page.
        await CheckAsync("/Admin/Staff", 403, "Nie masz dostępu do tej strony");
        await CheckAsync("/no-such-page", 404, "Nie znaleziono strony");
        foreach (var (status, heading) in new[] { (400, "Nie udało się wysłać strony"), (429, "Zbyt wiele prób"), (500, "Przepraszamy, wystąpił błąd"), (503, "System jest chwilowo niedostępny") })
        {
            await CheckAsync($"/Error/{status}", status, heading);
        }

        Assert.Empty(violations);
    }

    [Fact]
    public async Task At_320_pixels_wide_the_pages_reflow_and_only_a_wide_table_scrolls_sideways()
    {
        var c = await SubmitAsync(_ => { });
        await using var context = await Browser.NewContextAsync(width: 320, height: 800);
        var page = await context.NewPageAsync();
        var overflowing = new List<string>();
        async Task CheckAsync(string path)
        {
            await page.GotoAsync(new Uri(backOffice.Url, path).ToString());
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 320)
            {
                overflowing.Add($"{path}: {width} px");
            }
        }

        await StaffInBrowser.SignInAsync(page, backOffice, "kancelaria@ops.example");
        await CheckAsync("/");
        await CheckAsync($"/cases/{c.Id}");
        await StaffInBrowser.SignOutAsync(page);
        await StaffInBrowser.SignInAsync(page, backOffice, "admin@ops.example");
        await CheckAsync("/Admin/Staff");

        Assert.True(overflowing.Count == 0, string.Join("\n", overflowing));
        // The table that does not fit scrolls within its own region, which the keyboard reaches.
        Assert.Equal("0", await page.Locator(".table-scroll").GetAttributeAsync("tabindex"));
    }

    [GeneratedRegex("^Błąd: ")]
    private static partial Regex ErrorTitle();

    private static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await page.Locator($".language-switcher button[value={language}]").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    private static readonly AnswerSummary Summary = new(new Dictionary<string, IReadOnlyList<AnswerSummarySection>>
    {
        ["pl"] = [new("O Tobie", [new("Kto prosi", [new("Rodzic", false)]), new("Imię i nazwisko", [new("Anna", true), new(" ", false), new("Wójcik", true)])])],
        ["uk"] = [new("Про вас", [new("Хто звертається", [new("Один із батьків", false)]), new("Ім’я та прізвище", [new("Anna", true), new(" ", false), new("Wójcik", true)])])],
    });

    /// <summary>A new case in the registry's queue with a certificate sent with it and a document sent later on request.</summary>
    private Task<Case> SubmitAsync(Action<Case> configure) => TestCases.SubmitAsync(backOffice.App.Services, c =>
    {
        c.Type = CaseType.ZaZyciemSupport;
        c.Attachments =
        [
            File(AttachmentKind.DiagnosisCertificate, "diagnoza.pdf", c.ReceivedAt.AddMinutes(-5)),
            File(AttachmentKind.CompletionDocument, "uzupelnienie.pdf", c.ReceivedAt.AddDays(3)),
        ];
        c.Events.Add(new CaseEvent { OccurredAt = c.ReceivedAt.AddDays(3).AddMinutes(1), Kind = CaseEventKind.CompletionReceived, Text = "uzupelnienie.pdf", IsInternal = false });
        configure(c);
    });

    private static Attachment File(AttachmentKind kind, string name, DateTimeOffset uploaded) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        FileName = name,
        ContentType = "application/pdf",
        SizeBytes = 52_000,
        Sha256 = new string('0', 64),
        StorageKey = Guid.NewGuid().ToString("N"),
        UploadedAt = uploaded,
    };
}
