using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Parasol.EndToEnd.Tests.Apply;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.Portal;

/// <summary>
/// The pages a family meets when something goes wrong — a page that is not there, a form the server refused, too many
/// attempts, the service away, the "try again" page of an outage — are pages like any other: WCAG 2.1 AA (axe-core) in
/// every language, in normal and high contrast, with one heading, the visitor's language and a way home.
/// </summary>
[Collection(PortalSiteCollection.Name)]
public sealed class ErrorPagesInBrowserTests(PortalSite site)
{
    /// <summary>What each status looks like in each language (the page's heading), as a family reads it.</summary>
    private static readonly Dictionary<string, Dictionary<int, string>> Headings = new()
    {
        ["pl"] = new()
        {
            [400] = "Nie udało się wysłać strony",
            [403] = "Nie możesz otworzyć tej strony",
            [404] = "Nie znaleziono strony",
            [413] = "Przesłane dane są zbyt duże",
            [414] = "Adres strony jest za długi",
            [429] = "Zbyt wiele prób",
            [431] = "Twoja przeglądarka wysłała zbyt dużo danych",
            [500] = "Przepraszamy, wystąpił błąd po naszej stronie",
            [503] = "Serwis jest chwilowo niedostępny",
        },
        ["en"] = new()
        {
            [400] = "The page could not be sent",
            [403] = "You cannot open this page",
            [404] = "Page not found",
            [413] = "What you sent is too large",
            [414] = "The page address is too long",
            [429] = "Too many attempts",
            [431] = "Your browser sent too much data",
            [500] = "Sorry, something went wrong on our side",
            [503] = "The service is temporarily unavailable",
        },
        ["uk"] = new()
        {
            [400] = "Не вдалося надіслати сторінку",
            [403] = "Ви не можете відкрити цю сторінку",
            [404] = "Сторінку не знайдено",
            [413] = "Надіслані дані завеликі",
            [414] = "Адреса сторінки задовга",
            [429] = "Забагато спроб",
            [431] = "Ваш браузер надіслав забагато даних",
            [500] = "Вибачте, сталася помилка з нашого боку",
            [503] = "Сервіс тимчасово недоступний",
        },
    };

    // High contrast in one language: the colours do not change with the language.
    [Theory]
    [InlineData("pl", false)]
    [InlineData("pl", true)]
    [InlineData("en", false)]
    [InlineData("uk", false)]
    public async Task Every_error_page_passes_axe_and_leads_home(string language, bool highContrast)
    {
        var failures = new List<string>();
        await using var context = await Browser.NewContextAsync();
        await site.SetPreferencesAsync(context, language, highContrast);
        var page = await context.NewPageAsync();
        var mode = highContrast ? "high contrast" : "normal";

        // A page that does not exist, as the family would meet it (a mistyped or outdated link).
        var missing = await page.GotoAsync(site.Page("/no-such-page").ToString());
        Assert.Equal(404, missing!.Status);
        await CheckAsync(page, 404, language, $"a missing page [{language}, {mode}]", failures);

        // A form the server refuses: sent without its anti-forgery token (a forged or stale form).
        await page.GotoAsync(site.Page("/status").ToString());
        await page.EvaluateAsync("document.querySelector('main form input[name=__RequestVerificationToken]').remove()");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.Locator("main form button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.WaitForLoadStateAsync();
        await CheckAsync(page, 400, language, $"a refused form [{language}, {mode}]", failures);

        // The rest as the status code pages show them (what a limit, an oversized body or address, too many cookies or an
        // outage leads to).
        foreach (var status in new[] { 403, 413, 414, 429, 431, 500, 503 })
        {
            var response = await page.GotoAsync(site.Page($"/Error/{status}").ToString());
            Assert.Equal(status, response!.Status);
            await CheckAsync(page, status, language, $"{status} [{language}, {mode}]", failures);
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task CheckAsync(IPage page, int status, string language, string what, List<string> failures)
    {
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Headings[language][status]);
        // The way back: a link to the home page in the page itself; and the skip link to the content.
        Assert.True(await page.Locator("main a[href='/']").CountAsync() >= 1, $"{what}: no link home in the page");
        await Assertions.Expect(page.Locator("a.skip-link")).ToHaveAttributeAsync("href", "#main");
        failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{what}: {v}"));
    }
}

/// <summary>
/// The "try again" page of an outage, in the browser: PostgreSQL goes away while a family sends a step; the page they
/// get keeps their answers, passes axe in normal and high contrast, and its one button sends the same answers again
/// once the database is back.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.")]
public sealed class OutagePageInBrowserTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DatabaseOutage _outage = null!;
    private ParasolAppFactory<Parasol.Portal.SharedResource> _portal = null!;
    private Uri _url = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _outage = new DatabaseOutage(_database);
        _portal = new ParasolAppFactory<Parasol.Portal.SharedResource>(_database);
        _portal.Settings["ConnectionStrings:Default"] = _outage.ConnectionString;
        _url = _portal.StartOnRealPort();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _outage.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_step_sent_during_an_outage_shows_an_accessible_try_again_page_that_sends_the_answers_again(bool highContrast)
    {
        await using var context = await Browser.NewContextAsync();
        if (highContrast)
        {
            await context.AddCookiesAsync([new Cookie { Name = Parasol.Portal.Preferences.VisitorPreferences.ContrastCookie, Value = "high", Url = _url.ToString() }]);
        }
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_url, "/apply/family-assistant").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Rozpocznij" }).ClickAsync();
        await page.GetByLabel("Rodzic", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Imię", new() { Exact = true }).FillAsync("Anna");
        await page.GetByLabel("Nazwisko", new() { Exact = true }).FillAsync("Wójcik");
        await page.GetByLabel("Numer PESEL", new() { Exact = true }).FillAsync("90032712341");

        _outage.Cut();
        try
        {
            var sent = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Dalej" }).ClickAsync(),
                r => r.Request.Method == "POST");
            Assert.Equal(503, sent.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nie udało się tego teraz zapisać");
            Assert.Equal("pl", await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Empty(await Axe.ViolationsAsync(page));
        }
        finally
        {
            _outage.Restore();
        }

        // Back again: from the keyboard, the one button sends what was typed, and the journey goes on.
        await page.GetByRole(AriaRole.Button, new() { Name = "Spróbuj ponownie" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Krok 2 z 5");
        await using var db = _database.CreateDbContext();
        Assert.Contains(await db.JourneyStates.Select(s => s.StateJson).ToListAsync(), json => json.Contains("Wójcik", StringComparison.Ordinal));
    }
}
