using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Parasol.Core.Time;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.Apply;

/// <summary>
/// Both "Za życiem" journeys in real Chromium, as a new user completes them: an error on the way, an upload, the receipt
/// and the status page, with axe-core (WCAG 2.0/2.1 A and AA) on every page they see. The benefit in Polish, the
/// support request in Ukrainian.
/// </summary>
public sealed class ZaZyciemInBrowserTests(BothApps apps) : IClassFixture<BothApps>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[3000]];

    [Fact]
    public async Task A_father_applies_for_the_4000_zl_benefit_in_polish_and_follows_the_case()
    {
        var (page, context, violations) = await OpenAsync("pl", "/apply/za-zyciem-benefit");
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Rozpocznij" }).ClickAsync();

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Krok 1 z 4");
        await ContinueAsync(page, "Dalej");
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator("input[name='Answers.Role'][value='Father']").CheckAsync();
        await page.GetByLabel("Imię", new() { Exact = true }).FillAsync("Marek");
        await page.GetByLabel("Nazwisko", new() { Exact = true }).FillAsync("Kowal");
        await page.GetByLabel("Numer PESEL", new() { Exact = true }).FillAsync("90032712341");
        await ContinueAsync(page, "Dalej");

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Krok 2 z 4");
        violations.AddRange(await Axe.ViolationsAsync(page));
        var born = WarsawTime.Today(TimeProvider.System).AddMonths(-2);
        await page.Locator("#Answers-FirstName").FillAsync("Staś");
        await page.Locator("#Answers-LastName").FillAsync("Kowal");
        await page.Locator("#Answers-DateOfBirth").FillAsync(born.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Answers-DateOfBirth-Month").FillAsync(born.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Answers-DateOfBirth-Year").FillAsync(born.Year.ToString(CultureInfo.InvariantCulture));
        await page.Locator("input[name='Answers.Specialty'][value='Neonatology']").CheckAsync();
        await ContinueAsync(page, "Dalej");

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Krok 3 z 4");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator("input[name='Answers.Method'][value='Bank']").CheckAsync();
        await page.Locator("#Answers-Iban").FillAsync("61 1090 1014 0000 0712 1981 2874");
        await page.Locator("#Answers-Street").FillAsync("Lipowa");
        await page.Locator("#Answers-HouseNumber").FillAsync("5");
        await page.Locator("#Answers-PostalCode").FillAsync("44-230");
        await page.Locator("#Answers-City").FillAsync("Lipowiec");
        await ContinueAsync(page, "Dalej");

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Krok 4 z 4");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "diagnoza.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyślij plik" }).ClickAsync();
        await Assertions.Expect(page.Locator(".file-name")).ToHaveTextAsync("diagnoza.pdf");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await ContinueAsync(page, "Dalej");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sprawdź odpowiedzi przed wysłaniem");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel("Potwierdzam, że informacje są zgodne z moją najlepszą wiedzą").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyślij wniosek" }).ClickAsync();

        await Assertions.Expect(page.Locator(".panel-title")).ToHaveTextAsync("Wniosek przyjęty");
        await Assertions.Expect(page.Locator(".notice-title")).ToHaveTextAsync("Ten wniosek wymaga jeszcze Twojego podpisu");
        await Assertions.Expect(page.Locator(".attachments-table")).ToContainTextAsync(Convert.ToHexStringLower(SHA256.HashData(Pdf)));
        violations.AddRange(await Axe.ViolationsAsync(page));

        await CheckStatusAsync(page, violations, "Numer sprawy", "Kod dostępu", "Sprawdź moją sprawę", "Przyjęta: czeka na przekazanie pracownikowi socjalnemu");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_pregnant_woman_asks_for_za_zyciem_support_in_ukrainian_and_follows_the_case()
    {
        var (page, context, violations) = await OpenAsync("uk", "/apply/za-zyciem-support");
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Почати" }).ClickAsync();

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Крок 1 з 4");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel("Вагітна жінка", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ім’я", new() { Exact = true }).FillAsync("Оксана");
        await page.GetByLabel("Прізвище", new() { Exact = true }).FillAsync("Коваленко");
        await page.Locator("#Answers-DateOfBirth").FillAsync("27");
        await page.Locator("#Answers-DateOfBirth-Month").FillAsync("3");
        await page.Locator("#Answers-DateOfBirth-Year").FillAsync("1994");
        await ContinueAsync(page, "Далі");

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Крок 2 з 4");
        await page.Locator("#Answers-Street").FillAsync("3 Maja");
        await page.Locator("#Answers-HouseNumber").FillAsync("36");
        await page.Locator("#Answers-PostalCode").FillAsync("44-230");
        await page.Locator("#Answers-City").FillAsync("Lipowiec");
        await page.Locator("#Answers-Phone").FillAsync("601 234 567");
        await page.Locator("input[name='Answers.PreferredContact'][value='Phone']").CheckAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));
        await ContinueAsync(page, "Далі");

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Крок 3 з 4");
        await ContinueAsync(page, "Далі");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Напишіть кількома словами, яка підтримка вам допомогла б");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel("Яка підтримка допомогла б вам і вашій сім’ї?").FillAsync("Потрібна допомога з пошуком психолога.");
        await ContinueAsync(page, "Далі");

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Крок 4 з 4");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "vagitnist.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Завантажити файл" }).ClickAsync();
        await Assertions.Expect(page.Locator(".file-name")).ToHaveTextAsync("vagitnist.pdf");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await ContinueAsync(page, "Далі");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Перевірте відповіді перед надсиланням");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Потрібна допомога з пошуком психолога.");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel("Я погоджуюся співпрацювати з асистентом сім’ї").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати заяву" }).ClickAsync();

        await Assertions.Expect(page.Locator(".panel-title")).ToHaveTextAsync("Заяву отримано");
        await Assertions.Expect(page.Locator(".receipt-facts")).ToContainTextAsync("«За життям»: підтримка асистента сім’ї");
        violations.AddRange(await Axe.ViolationsAsync(page));

        await CheckStatusAsync(page, violations, "Номер справи", "Код доступу", "Перевірити мою справу", "Отримано: очікує передачі соціальному працівникові");
        Assert.Empty(violations);
    }

    private async Task<(IPage Page, IBrowserContext Context, List<string> Violations)> OpenAsync(string culture, string path)
    {
        var context = await Browser.NewContextAsync();
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = apps.PortalUrl.ToString() }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(apps.PortalUrl, path).ToString());
        var violations = await Axe.ViolationsAsync(page);
        return (page, context, violations);
    }

    private static Task ContinueAsync(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    private async Task CheckStatusAsync(IPage page, List<string> violations, string numberLabel, string codeLabel, string button, string stage)
    {
        var number = (await page.Locator(".case-number").InnerTextAsync()).Trim();
        var code = (await page.Locator(".access-code").InnerTextAsync()).Trim();
        await page.GotoAsync(new Uri(apps.PortalUrl, "/status").ToString());
        await page.GetByLabel(numberLabel, new() { Exact = true }).FillAsync(number);
        await page.GetByLabel(codeLabel, new() { Exact = true }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-stage")).ToHaveTextAsync(stage);
        violations.AddRange(await Axe.ViolationsAsync(page));
    }
}
