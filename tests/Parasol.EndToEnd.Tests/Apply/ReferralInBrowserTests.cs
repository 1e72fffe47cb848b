using Microsoft.Playwright;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.Apply;

/// <summary>A school counsellor refers a family in real Chromium, with axe-core on every page, in Polish and Ukrainian.</summary>
public sealed class ReferralInBrowserTests(BothApps apps) : IClassFixture<BothApps>
{
    [Theory]
    [InlineData("pl", "Krok 1 z 4", "Zgłoszenie rodziny przez instytucję")]
    [InlineData("uk", "Крок 1 з 4", "Повідомлення про сім’ю від установи")]
    public async Task A_school_refers_a_family(string culture, string firstStep, string caseType)
    {
        await using var context = await Browser.NewContextAsync();
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = apps.PortalUrl.ToString() }]);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        var submit = page.Locator("main form:not(.inline-form) button.button:not(.button-secondary)").Last;

        await page.GotoAsync(new Uri(apps.PortalUrl, "/refer").ToString());
        Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang"));
        violations.AddRange(await Axe.ViolationsAsync(page));
        await submit.ClickAsync();

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync(firstStep);
        await page.Locator("#Answers-Type").CheckAsync(); // a school
        await submit.ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator("#Answers-Name").FillAsync("Szkoła Podstawowa nr 2 w Lipowcu");
        await page.Locator("#Answers-ContactPerson").FillAsync("Ewa Pedagog");
        await page.Locator("#Answers-ContactRole").FillAsync("pedagog szkolny");
        await page.Locator("#Answers-Email").FillAsync("pedagog@sp2.example");
        await submit.ClickAsync();

        await Assertions.Expect(page.Locator("#Answers-ChildFirstName")).ToBeVisibleAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator("#Answers-ChildFirstName").FillAsync("Kacper");
        await page.Locator("#Answers-SchoolClass").FillAsync("3b");
        await submit.ClickAsync();

        await Assertions.Expect(page.Locator(".emergency")).ToContainTextAsync("112");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator("#Answers-Observed").FillAsync("Kacper od tygodnia przychodzi głodny.");
        await page.Locator("#Answers-ParentsKnow").CheckAsync();
        await page.Locator("#Answers-Urgency-2").CheckAsync();
        await page.Locator("#Answers-BlueCard-2").CheckAsync();
        await submit.ClickAsync();

        await Assertions.Expect(page.Locator("#file")).ToBeVisibleAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));
        await submit.ClickAsync();

        await Assertions.Expect(page.Locator(".summary-list").First).ToContainTextAsync("Szkoła Podstawowa nr 2 w Lipowcu");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator("#Consent").CheckAsync();
        await submit.ClickAsync();

        await Assertions.Expect(page.Locator(".case-number")).ToContainTextAsync("OPS.4013.");
        await Assertions.Expect(page.Locator(".receipt-facts")).ToContainTextAsync(caseType);
        violations.AddRange(await Axe.ViolationsAsync(page));
        Assert.Empty(violations);
    }
}
